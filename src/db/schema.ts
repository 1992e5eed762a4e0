// Drizzle table definitions; `npm run db:generate` turns changes here into SQL migrations under drizzle/.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  datetime,
  index,
  int,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  text,
  tinyint,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';

// Millisecond precision everywhere so ordering by time is stable and tokens' lifetimes are exact.
const createdAt = () => datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`);
const updatedAt = () =>
  datetime('updated_at', { mode: 'date', fsp: 3 })
    .notNull()
    .default(sql`CURRENT_TIMESTAMP(3)`)
    .$onUpdate(() => new Date());

// MariaDB's JSON is LONGTEXT underneath, so mysql2 hands back a string: parse it here rather than at every reader.
const json = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'json',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
});

export const roles = mysqlTable(
  'roles',
  {
    id: int('id').autoincrement().primaryKey(),
    name: varchar('name', { length: 64 }).notNull(),
    description: varchar('description', { length: 255 }).notNull().default(''),
    /** Admin, Moderator and User: they can be edited but never deleted. */
    isSystem: boolean('is_system').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('roles_name_unique').on(t.name)],
);

export const permissions = mysqlTable(
  'permissions',
  {
    id: int('id').autoincrement().primaryKey(),
    name: varchar('name', { length: 64 }).notNull(),
    description: varchar('description', { length: 255 }).notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('permissions_name_unique').on(t.name)],
);

export const rolePermissions = mysqlTable(
  'role_permissions',
  {
    roleId: int('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    permissionId: int('permission_id')
      .notNull()
      .references(() => permissions.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permissionId] }), index('role_permissions_permission_idx').on(t.permissionId)],
);

export const users = mysqlTable(
  'users',
  {
    id: int('id').autoincrement().primaryKey(),
    /** As the user typed it, for display. */
    username: varchar('username', { length: 32 }).notNull(),
    /** Case-folded username: the unique key and what search and login match on. */
    usernameKey: varchar('username_key', { length: 32 }).notNull(),
    /**
     * Unicode TS #39 confusable skeleton of the name (users/identity.ts): unique, so a look-alike of a taken name is
     * taken. Null only for a row made before this column, until start-up fills it in (db/username-skeletons.ts).
     */
    usernameSkeleton: varchar('username_skeleton', { length: 255 }),
    /**
     * Stored lower-cased, so the unique index is case-insensitive. Null for an account made through an OpenID provider
     * that did not vouch for its address: the address waits in `pending_email` until a link sent to it is opened, and
     * reserves nothing meanwhile.
     */
    email: varchar('email', { length: 254 }),
    /** E.164, e.g. +66812345678. Null only for a seeded admin created without one. */
    phone: varchar('phone', { length: 16 }),
    /** argon2id. Null for an account made through an OpenID provider (src/modules/oidc/) until a password is set. */
    passwordHash: varchar('password_hash', { length: 255 }),
    /**
     * When the password was last set (registration, change, reset). Links and codes sent before it, and sign-ins
     * begun before it, no longer work; a session whose last proof is older cannot re-authenticate with it. Null for
     * a password set before the column.
     */
    passwordChangedAt: datetime('password_changed_at', { mode: 'date', fsp: 3 }),
    roleId: int('role_id')
      .notNull()
      .references(() => roles.id),
    isActive: boolean('is_active').notNull().default(true),
    /**
     * Names the current avatar's files, avatars/<id>/<avatar_key>-{main,thumb}.webp in storage (UPLOAD_DIR or the
     * bucket): a hash of their content made by the server (never from client input), so a new image never
     * overwrites files still being served.
     * Null when the user has no avatar.
     */
    avatarKey: varchar('avatar_key', { length: 64 }),
    avatarUpdatedAt: datetime('avatar_updated_at', { mode: 'date', fsp: 3 }),
    /** When the owner proved they read `email` (a link sent to it); null: not verified. */
    emailVerifiedAt: datetime('email_verified_at', { mode: 'date', fsp: 3 }),
    /** When the owner proved they hold `phone` (a code sent to it); null: not verified. */
    phoneVerifiedAt: datetime('phone_verified_at', { mode: 'date', fsp: 3 }),
    /** A new email asked for in updateProfile: it replaces `email` once verified, and until then `email` stays in use. */
    pendingEmail: varchar('pending_email', { length: 254 }),
    /** The same for a new phone number (E.164). */
    pendingPhone: varchar('pending_phone', { length: 16 }),
    /** The language of the messages the user gets; null: DEFAULT_LOCALE. */
    locale: mysqlEnum('locale', ['th', 'en']),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Soft delete: the row (and so its username, email and phone) stays reserved. */
    deletedAt: datetime('deleted_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [
    uniqueIndex('users_username_key_unique').on(t.usernameKey),
    uniqueIndex('users_username_skeleton_unique').on(t.usernameSkeleton),
    uniqueIndex('users_email_unique').on(t.email),
    uniqueIndex('users_phone_unique').on(t.phone),
    index('users_role_idx').on(t.roleId),
    index('users_created_at_idx').on(t.createdAt, t.id),
    index('users_active_idx').on(t.isActive),
  ],
);

export const sessions = mysqlTable(
  'sessions',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    /** The session's public id, carried in its access tokens as the `sid` claim. */
    jti: varchar('jti', { length: 36 }).notNull(),
    userId: int('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    /** When the sign-in ends unless refreshed (the current refresh token's expiry). */
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    lastUsedAt: datetime('last_used_at', { mode: 'date', fsp: 3 }),
    revokedAt: datetime('revoked_at', { mode: 'date', fsp: 3 }),
    revokedReason: varchar('revoked_reason', { length: 32 }),
    ip: varchar('ip', { length: 45 }),
    userAgent: varchar('user_agent', { length: 512 }),
    /** Set for a session started by startImpersonation: the holder of `user:impersonate` acting as `user_id`. */
    impersonatorId: int('impersonator_id').references(() => users.id),
    /**
     * A member of an MFA_REQUIRED_ROLES role signed in without a second factor: the session may only read `me` and
     * enroll one (src/modules/mfa/); confirming enrollment ends it and hands out a full session.
     */
    enrollmentOnly: boolean('enrollment_only').notNull().default(false),
    /**
     * When the holder last proved who they are (a password, a code, a passkey): set at sign-in and by
     * `reauthenticate`, never by a refresh. Sensitive changes need it within REAUTH_MAX_AGE; null (sessions from
     * before the column) needs a reauthentication first.
     */
    provedAt: datetime('proved_at', { mode: 'date', fsp: 3 }),
    /**
     * How many factors the sign-in proved: 1 (a password, a code, a provider) or 2 (a second factor as well, or a
     * user-verified passkey, which is possession and a PIN or biometric at once). 0 for an impersonation.
     */
    assurance: tinyint('assurance', { unsigned: true }).notNull().default(1),
  },
  (t) => [
    uniqueIndex('sessions_jti_unique').on(t.jti),
    index('sessions_user_idx').on(t.userId, t.revokedAt),
    index('sessions_impersonator_idx').on(t.impersonatorId),
  ],
);

/**
 * Refresh tokens, stored as SHA-256 hashes. Each use replaces the token with a new one (rotation); presenting one
 * that was already used means it was copied, and the whole session (the token family) is revoked.
 */
export const refreshTokens = mysqlTable(
  'refresh_tokens',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    sessionId: bigint('session_id', { mode: 'number', unsigned: true })
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    createdAt: createdAt(),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    usedAt: datetime('used_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [uniqueIndex('refresh_tokens_hash_unique').on(t.tokenHash), index('refresh_tokens_session_idx').on(t.sessionId)],
);

export const presenceStatuses = ['online', 'away', 'offline'] as const;

export const userStatus = mysqlTable(
  'user_status',
  {
    userId: int('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: mysqlEnum('status', presenceStatuses).notNull().default('offline'),
    lastSeenAt: datetime('last_seen_at', { mode: 'date', fsp: 3 }),
    updatedAt: updatedAt(),
  },
  (t) => [index('user_status_status_idx').on(t.status)],
);

export const notificationKinds = ['direct', 'broadcast', 'system'] as const;

export const notifications = mysqlTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    /** The recipient; null for a notification to everyone (stored once, read state kept per user). */
    userId: int('user_id').references(() => users.id),
    senderId: int('sender_id').references(() => users.id),
    kind: mysqlEnum('kind', notificationKinds).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    message: text('message').notNull(),
    /** The sender's key for this notification, so a retried request cannot store it twice (see idempotency.ts). */
    idempotencyKey: varchar('idempotency_key', { length: 64 }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_sender_idx').on(t.senderId),
    uniqueIndex('notifications_sender_idempotency_key_unique').on(t.senderId, t.idempotencyKey),
  ],
);

/** Who has read what: one row per (notification, reader), for direct and broadcast notifications alike. */
export const notificationReads = mysqlTable(
  'notification_reads',
  {
    notificationId: bigint('notification_id', { mode: 'number', unsigned: true })
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    userId: int('user_id')
      .notNull()
      .references(() => users.id),
    readAt: datetime('read_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] }), index('notification_reads_user_idx').on(t.userId, t.notificationId)],
);

export const messages = mysqlTable(
  'messages',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    senderId: int('sender_id')
      .notNull()
      .references(() => users.id),
    /** Null for a message to everyone. */
    recipientId: int('recipient_id').references(() => users.id),
    content: text('content').notNull(),
    /** The sender's key for this message, so a retried request cannot store it twice (see idempotency.ts). */
    idempotencyKey: varchar('idempotency_key', { length: 64 }),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_sender_recipient_idx').on(t.senderId, t.recipientId, t.id),
    index('messages_recipient_idx').on(t.recipientId, t.id),
    uniqueIndex('messages_sender_idempotency_key_unique').on(t.senderId, t.idempotencyKey),
  ],
);

export const loginHistory = mysqlTable(
  'login_history',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    /** Null when the identifier matched no account. */
    userId: int('user_id').references(() => users.id),
    identifier: varchar('identifier', { length: 254 }).notNull(),
    /** The identifier as an account column holds it (case-folded username, lower-cased email, E.164 phone). */
    identifierKey: varchar('identifier_key', { length: 254 }).notNull().default(''),
    success: boolean('success').notNull(),
    /** Why an attempt failed: UNKNOWN_IDENTIFIER, WRONG_PASSWORD, ACCOUNT_DISABLED, ... */
    reason: varchar('reason', { length: 32 }),
    ip: varchar('ip', { length: 45 }),
    userAgent: varchar('user_agent', { length: 512 }),
    createdAt: createdAt(),
  },
  (t) => [
    index('login_history_user_idx').on(t.userId, t.id),
    index('login_history_created_at_idx').on(t.createdAt),
    index('login_history_success_idx').on(t.success, t.id),
  ],
);

/**
 * The lockout state of whatever a sign-in names: one row per account (its username, email and phone share it) and
 * one per identifier that matches no account, so probing unknown names is locked out the same way. Written in the
 * same transaction as the attempt's login_history row; refused (LOCKED_OUT) attempts never touch it, so they can
 * neither wear a lock down nor stretch it.
 */
export const loginLockouts = mysqlTable(
  'login_lockouts',
  {
    /** `u:<user id>` for an account, `k:<identifier key>` for an identifier that matches none. */
    lockKey: varchar('lock_key', { length: 260 }).primaryKey(),
    /** Verified failures since the last success (forgotten after a day without one). */
    failures: int('failures').notNull(),
    lastFailureAt: datetime('last_failure_at', { mode: 'date', fsp: 3 }).notNull(),
    /** Null until `failures` reaches the threshold. */
    lockedUntil: datetime('locked_until', { mode: 'date', fsp: 3 }),
  },
  (t) => [index('login_lockouts_last_failure_idx').on(t.lastFailureAt)],
);

/**
 * The audit trail: one append-only row per administrative act (and per act made while impersonating), written in the
 * act's own transaction through recordHistory (modules/audit/permission-history.ts). An act's consequences (the
 * grants of a new role, the revocations of a deleted permission) are rows of their own pointing at it by
 * `parent_id`, so the permission history keeps its per-grant detail while every act stays exactly one top-level row.
 */
export const auditEvents = mysqlTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    at: datetime('at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    /** Who acted (as seen by the service: the impersonated user during an impersonation); null for the system. */
    actorId: int('actor_id').references(() => users.id),
    /** The holder of `user:impersonate` acting as `actor_id`, when the act was made in an impersonation session. */
    impersonatorId: int('impersonator_id').references(() => users.id),
    targetUserId: int('target_user_id').references(() => users.id),
    // No foreign keys on role/permission targets: the trail outlives the rows it describes.
    targetRoleId: int('target_role_id'),
    targetPermissionId: int('target_permission_id'),
    /** ROLE_CREATED, USER_DISABLED, NOTIFICATION_BROADCAST, IMPERSONATION_STARTED, ... (see AUDIT_ACTIONS). */
    action: varchar('action', { length: 64 }).notNull(),
    /** The act this row is a consequence of; null for the act itself. */
    parentId: bigint('parent_id', { mode: 'number', unsigned: true }),
    before: json('before'),
    after: json('after'),
    reason: varchar('reason', { length: 500 }),
    ip: varchar('ip', { length: 45 }),
    userAgent: varchar('user_agent', { length: 512 }),
    requestId: varchar('request_id', { length: 64 }),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actorId, t.id),
    index('audit_events_impersonator_idx').on(t.impersonatorId, t.id),
    index('audit_events_target_user_idx').on(t.targetUserId, t.id),
    index('audit_events_target_role_idx').on(t.targetRoleId, t.id),
    index('audit_events_target_permission_idx').on(t.targetPermissionId),
    index('audit_events_action_idx').on(t.action, t.id),
    index('audit_events_parent_idx').on(t.parentId),
    index('audit_events_at_idx').on(t.at),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;

export type UserRow = typeof users.$inferSelect;
export type RoleRow = typeof roles.$inferSelect;
export type PermissionRow = typeof permissions.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type UserStatusRow = typeof userStatus.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type LoginLockoutRow = typeof loginLockouts.$inferSelect;

/**
 * Outgoing email and SMS, written before anything is sent (in the transaction of the change that causes it, where
 * there is one) and kept until delivered or given up on: a slow, failing or restarting mail server loses nothing.
 * See src/delivery/queue.ts.
 */
export const outbox = mysqlTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    channel: mysqlEnum('channel', ['email', 'sms']).notNull(),
    /** An email address or an E.164 phone number. */
    recipient: varchar('recipient', { length: 320 }).notNull(),
    /** What the message is for (verify_email, password_reset, ...): for logs and metrics. */
    kind: varchar('kind', { length: 64 }).notNull(),
    subject: varchar('subject', { length: 500 }),
    text: text('text').notNull(),
    html: text('html'),
    status: mysqlEnum('status', ['pending', 'sending', 'sent', 'failed']).notNull().default('pending'),
    attempts: int('attempts').notNull().default(0),
    /** When a pending message may be tried (again). */
    nextAttemptAt: datetime('next_attempt_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    /** A sending message whose sender died is taken again after this. */
    claimedUntil: datetime('claimed_until', { mode: 'date', fsp: 3 }),
    lastError: varchar('last_error', { length: 1000 }),
    createdAt: createdAt(),
    sentAt: datetime('sent_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [index('outbox_status_next_idx').on(t.status, t.nextAttemptAt), index('outbox_claimed_idx').on(t.status, t.claimedUntil)],
);

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * Every link token and code sent to prove something (src/modules/recovery/): only an HMAC of it is stored, each
 * works once (`used_at`), until `expires_at`, and a code is void after too many wrong tries (`attempts`).
 */
export const verificationTokens = mysqlTable(
  'verification_tokens',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    purpose: mysqlEnum('purpose', ['verify_email', 'verify_phone', 'password_reset', 'sign_in']).notNull(),
    userId: int('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** HMAC-SHA256 (hex) of the token, or of the code with its purpose and user. */
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    /** The address it was sent to: what a verification proves, and a reset's channel. */
    target: varchar('target', { length: 320 }).notNull(),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    /** Tries made with a code (right or wrong); at the limit it is void. */
    attempts: int('attempts').notNull().default(0),
    usedAt: datetime('used_at', { mode: 'date', fsp: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    index('verification_tokens_hash_idx').on(t.tokenHash),
    index('verification_tokens_user_purpose_idx').on(t.userId, t.purpose, t.usedAt),
    index('verification_tokens_expires_idx').on(t.expiresAt),
  ],
);

export type VerificationTokenRow = typeof verificationTokens.$inferSelect;
export type VerificationPurpose = VerificationTokenRow['purpose'];

/**
 * Passkeys (WebAuthn credentials, src/modules/passkeys/): the public key an authenticator made for this service, and
 * what the spec says to keep beside it: the signature counter (a counter that goes backwards means a cloned
 * authenticator), the transports (hints for the browser), and whether it is synced (`device_type` multiDevice) and
 * backed up.
 */
export const passkeys = mysqlTable(
  'passkeys',
  {
    id: int('id').autoincrement().primaryKey(),
    userId: int('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The credential id, base64url; at most 384 bytes (512 characters) so the unique index fits InnoDB's key. */
    credentialId: varchar('credential_id', { length: 512 }).notNull(),
    /** The COSE public key, base64url (text: post-quantum keys run past a kilobyte). */
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number', unsigned: true }).notNull().default(0),
    /** The user handle the authenticator keeps with the credential (random, base64url), checked at sign-in. */
    userHandle: varchar('user_handle', { length: 128 }).notNull(),
    /** JSON array of AuthenticatorTransport names ("internal", "hybrid", "usb", ...). */
    transports: json('transports'),
    deviceType: mysqlEnum('device_type', ['singleDevice', 'multiDevice']).notNull(),
    backedUp: boolean('backed_up').notNull().default(false),
    name: varchar('name', { length: 64 }).notNull(),
    /** When a response's counter went backwards: the authenticator may be cloned, and this passkey is refused since. */
    flaggedAt: datetime('flagged_at', { mode: 'date', fsp: 3 }),
    createdAt: createdAt(),
    lastUsedAt: datetime('last_used_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [uniqueIndex('passkeys_credential_unique').on(t.credentialId), index('passkeys_user_idx').on(t.userId)],
);

export type PasskeyRow = typeof passkeys.$inferSelect;

/**
 * WebAuthn challenges waiting for their response: each is used once (deleted when a response comes, right or
 * wrong) and only until `expires_at`. A registration's is bound to its user; a sign-in's to its id, which the
 * client sends back (the user is not known until the response names a passkey).
 */
export const webauthnChallenges = mysqlTable(
  'webauthn_challenges',
  {
    /** Random, base64url: the `challengeId` a sign-in's client holds. */
    id: varchar('id', { length: 43 }).primaryKey(),
    purpose: mysqlEnum('purpose', ['registration', 'sign_in', 'second_factor', 'reauth']).notNull(),
    /** Whose registration, second factor or step-up (reauth); null for a sign-in. */
    userId: int('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The challenge the authenticator signs, base64url. */
    challenge: varchar('challenge', { length: 128 }).notNull(),
    /** For a registration: the user handle offered to the authenticator, kept with the passkey it makes. */
    userHandle: varchar('user_handle', { length: 128 }),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('webauthn_challenges_user_purpose_idx').on(t.userId, t.purpose), index('webauthn_challenges_expires_idx').on(t.expiresAt)],
);

/**
 * Accounts at OpenID Connect providers (src/modules/oidc/) linked to users: one per (provider, subject), and at most
 * one per provider for a user, so `unlinkAccount(provider)` names one row.
 */
export const userIdentities = mysqlTable(
  'user_identities',
  {
    id: int('id').autoincrement().primaryKey(),
    userId: int('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The provider's name in OIDC_PROVIDERS (line, google, corp…). */
    provider: varchar('provider', { length: 32 }).notNull(),
    /** The provider's `sub` claim: stable and unique at that provider. */
    subject: varchar('subject', { length: 255 }).notNull(),
    /** The email the provider last gave, for display; never used to find the account again. */
    email: varchar('email', { length: 254 }),
    emailVerified: boolean('email_verified').notNull().default(false),
    createdAt: createdAt(),
    lastUsedAt: datetime('last_used_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [uniqueIndex('user_identities_provider_subject_unique').on(t.provider, t.subject), uniqueIndex('user_identities_user_provider_unique').on(t.userId, t.provider)],
);

export type UserIdentityRow = typeof userIdentities.$inferSelect;

/**
 * A sign-in or link through a provider between its start and its callback, kept here rather than in one process's
 * memory so any instance can finish it: single use (`used_at`), ten minutes at most. `state` is stored hashed.
 */
export const oidcFlows = mysqlTable(
  'oidc_flows',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    /** SHA-256 (hex) of the `state` parameter, which is also the browser's binding cookie. */
    stateHash: varchar('state_hash', { length: 64 }).notNull(),
    /** SHA-256 (hex) of the one-time ticket `startOidcLink` hands out to open the start route with. Null for sign-in. */
    ticketHash: varchar('ticket_hash', { length: 64 }),
    provider: varchar('provider', { length: 32 }).notNull(),
    mode: mysqlEnum('mode', ['sign_in', 'link']).notNull(),
    /** The signed-in user who asked to link (mode link). */
    userId: int('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The session that asked to link (mode link): the link is made only while it lives. */
    sessionId: bigint('session_id', { mode: 'number', unsigned: true }).references(() => sessions.id, { onDelete: 'cascade' }),
    nonce: varchar('nonce', { length: 64 }).notNull(),
    codeVerifier: varchar('code_verifier', { length: 128 }).notNull(),
    /** Where the browser goes at the end: PUBLIC_URL's web client or an OIDC_REDIRECT_ALLOWLIST entry. */
    returnUrl: varchar('return_url', { length: 500 }).notNull(),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    usedAt: datetime('used_at', { mode: 'date', fsp: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('oidc_flows_state_hash_unique').on(t.stateHash),
    uniqueIndex('oidc_flows_ticket_hash_unique').on(t.ticketHash),
    index('oidc_flows_expires_idx').on(t.expiresAt),
    index('oidc_flows_session_idx').on(t.sessionId),
  ],
);

export type OidcFlowRow = typeof oidcFlows.$inferSelect;

/**
 * The one-time code a finished provider sign-in hands the client in its return URL, traded by `completeOidcSignIn`
 * for a session: stored hashed, single use, sixty seconds.
 */
export const oidcSignInCodes = mysqlTable(
  'oidc_sign_in_codes',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    userId: int('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: varchar('provider', { length: 32 }).notNull(),
    subject: varchar('subject', { length: 255 }).notNull(),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    usedAt: datetime('used_at', { mode: 'date', fsp: 3 }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('oidc_sign_in_codes_hash_unique').on(t.codeHash), index('oidc_sign_in_codes_user_idx').on(t.userId), index('oidc_sign_in_codes_expires_idx').on(t.expiresAt)],
);

/**
 * A user's TOTP authenticator (src/modules/mfa/): the RFC 6238 secret, encrypted (AES-256-GCM), on once
 * `enabled_at` is set by a confirmed code; `last_used_step` is the newest 30-second step a code was accepted for,
 * so no code works twice.
 */
export const mfaTotp = mysqlTable('mfa_totp', {
  userId: int('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** base64url(iv | tag | ciphertext) of the base32 secret. */
  secretEncrypted: varchar('secret_encrypted', { length: 255 }).notNull(),
  enabledAt: datetime('enabled_at', { mode: 'date', fsp: 3 }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: createdAt(),
});

export type MfaTotpRow = typeof mfaTotp.$inferSelect;

/** Single-use backup codes, stored as an HMAC keyed by the server secret (a copy of the table alone is useless). */
export const mfaBackupCodes = mysqlTable(
  'mfa_backup_codes',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    userId: int('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    usedAt: datetime('used_at', { mode: 'date', fsp: 3 }),
    createdAt: createdAt(),
  },
  (t) => [index('mfa_backup_codes_user_idx').on(t.userId, t.codeHash)],
);

/**
 * A sign-in between its first proof and its session (src/modules/auth/flows.ts), stored when it has to wait for the
 * client (a second factor): the account, the step it waits at, the factors proven so far, the address and browser of
 * its first step (the only client that may continue it), its expiry. Single use; its answers are counted before each
 * is compared, and at MFA_LOCKOUT_THRESHOLD it is void.
 */
export const signInFlows = mysqlTable(
  'sign_in_flows',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    /** SHA-256 (hex) of the handle the client holds (`MfaChallenge.challengeToken`). */
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    userId: int('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** How it began: password, password_reset, sign_in_code, registration, oidc, passkey (kept for the history). */
    firstProof: varchar('first_proof', { length: 32 }).notNull(),
    /** Factors proven so far (see sessions.assurance). */
    assurance: tinyint('assurance', { unsigned: true }).notNull(),
    /** The name of the sign-in step it waits at; the steps run on from there. */
    step: varchar('step', { length: 32 }).notNull(),
    ip: varchar('ip', { length: 45 }),
    userAgent: varchar('user_agent', { length: 512 }),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    /** Answers tried, right or wrong, counted before each is compared. */
    attempts: int('attempts').notNull().default(0),
    completedAt: datetime('completed_at', { mode: 'date', fsp: 3 }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sign_in_flows_token_unique').on(t.tokenHash), index('sign_in_flows_user_idx').on(t.userId), index('sign_in_flows_expires_idx').on(t.expiresAt)],
);

export type SignInFlowRow = typeof signInFlows.$inferSelect;

/**
 * Copies of everything stored about a user (src/modules/privacy/exports.ts), made by a background worker: a row is
 * claimed with SELECT … FOR UPDATE SKIP LOCKED, so several instances and restarts never build one twice at once.
 * `id` is random (not a counter): it names the file in a download link.
 */
export const dataExports = mysqlTable(
  'data_exports',
  {
    id: varchar('id', { length: 32 }).primaryKey(),
    userId: int('user_id')
      .notNull()
      .references(() => users.id),
    status: mysqlEnum('status', ['pending', 'building', 'ready', 'failed']).notNull().default('pending'),
    /** The zip's key in storage, once built. */
    objectKey: varchar('object_key', { length: 128 }),
    sizeBytes: int('size_bytes'),
    attempts: int('attempts').notNull().default(0),
    /** A building export whose worker died is taken again after this. */
    claimedUntil: datetime('claimed_until', { mode: 'date', fsp: 3 }),
    lastError: varchar('last_error', { length: 1000 }),
    createdAt: createdAt(),
    readyAt: datetime('ready_at', { mode: 'date', fsp: 3 }),
    /** When the file and its link stop working (and the worker removes the file). */
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [
    index('data_exports_user_idx').on(t.userId, t.createdAt),
    index('data_exports_status_idx').on(t.status, t.claimedUntil),
    index('data_exports_expires_idx').on(t.expiresAt),
  ],
);

export type DataExportRow = typeof dataExports.$inferSelect;

/**
 * Accounts waiting to be erased (src/modules/privacy/erasure.ts): one row per user, from the request until the purge
 * has run. A sign-in before `scheduled_for` removes a self-requested row; the purge worker claims due rows the way
 * the export worker does.
 */
export const accountDeletions = mysqlTable(
  'account_deletions',
  {
    userId: int('user_id')
      .primaryKey()
      .references(() => users.id),
    /** Who asked: the user themself or an admin (whose deletion is not cancelled by the user signing in). */
    requestedBy: int('requested_by').references(() => users.id),
    byAdmin: boolean('by_admin').notNull().default(false),
    requestedAt: createdAt(),
    scheduledFor: datetime('scheduled_for', { mode: 'date', fsp: 3 }).notNull(),
    claimedUntil: datetime('claimed_until', { mode: 'date', fsp: 3 }),
    /** When the purge ran; the row stays as the record that it did (it names nobody but the id). */
    erasedAt: datetime('erased_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [index('account_deletions_due_idx').on(t.erasedAt, t.scheduledFor), index('account_deletions_requested_by_idx').on(t.requestedBy)],
);

export type AccountDeletionRow = typeof accountDeletions.$inferSelect;

/** Acceptance of the terms and privacy notice, one row per version accepted (TERMS_VERSION). */
export const consents = mysqlTable(
  'consents',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    userId: int('user_id')
      .notNull()
      .references(() => users.id),
    version: varchar('version', { length: 64 }).notNull(),
    acceptedAt: createdAt(),
    ip: varchar('ip', { length: 45 }),
    userAgent: varchar('user_agent', { length: 512 }),
  },
  (t) => [uniqueIndex('consents_user_version_unique').on(t.userId, t.version)],
);

export type ConsentRow = typeof consents.$inferSelect;
