// Every field of the schema against every role: a checked-in table says what an anonymous caller, a User, a
// Moderator and an Admin get from each root field and each field of every type reachable from them. A field the
// table does not know (or that no longer exists) fails the test, so no field ships without an authorization decision.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  type ExecutionResult,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getSchema } from '../src/graphql/schema.js';
import { login, newUserInput, registerUser, roleIds, signInRootAdmin } from './support/accounts.js';
import { ChangeUserRole } from './support/admin-operations.js';
import { UpdateProfile } from './support/operations.js';
import { uploadAvatar } from './support/avatars.js';
import { startTestServer, type TestServer } from './support/server.js';
import { openSocket, subscribe, type TestSocket } from './support/ws.js';

type Caller = 'anonymous' | 'user' | 'moderator' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'user', 'moderator', 'admin'];
const SIGNED_IN_CALLERS: Exclude<Caller, 'anonymous'>[] = ['user', 'moderator', 'admin'];
const ROLE_OF: Record<Exclude<Caller, 'anonymous'>, string> = { user: 'User', moderator: 'Moderator', admin: 'Admin' };

// ------------------------------------------------------------------------------------------ the table: root fields

/** What a caller gets from a root field: past authorization (any other answer), or refused with this code. */
type Access = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';
type RootRule = Record<Caller, Access>;

const ANYONE: RootRule = { anonymous: 'allowed', user: 'allowed', moderator: 'allowed', admin: 'allowed' };
const SIGNED_IN: RootRule = { anonymous: 'UNAUTHENTICATED', user: 'allowed', moderator: 'allowed', admin: 'allowed' };
/** `user:read`: every built-in role has it. */
const USER_READ = SIGNED_IN;
/** `report:view` and `notification:send`: Moderator and Admin. */
const MODERATOR: RootRule = { anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', moderator: 'allowed', admin: 'allowed' };
/** `role:manage`, `user:write`, `user:delete`: Admin only. */
const ADMIN: RootRule = { anonymous: 'UNAUTHENTICATED', user: 'FORBIDDEN', moderator: 'FORBIDDEN', admin: 'allowed' };

const ROOT_FIELDS: Record<string, RootRule> = {
  'Query.auditEvents': MODERATOR,
  'Query.loginHistory': MODERATOR,
  'Query.me': SIGNED_IN,
  'Query.messages': SIGNED_IN,
  'Query.mySessions': SIGNED_IN,
  'Query.notifications': SIGNED_IN,
  'Query.onlineUsers': USER_READ,
  'Query.permissionHistory': ADMIN,
  'Query.permissions': ADMIN,
  'Query.roles': ADMIN,
  'Query.unreadNotificationCount': SIGNED_IN,
  'Query.user': USER_READ,
  'Query.userRoleHistory': ADMIN,
  'Query.userStats': MODERATOR,
  'Query.users': USER_READ,

  'Mutation.broadcastNotification': MODERATOR,
  'Mutation.changePassword': SIGNED_IN,
  'Mutation.changeUserRole': ADMIN,
  'Mutation.createPermission': ADMIN,
  'Mutation.createRole': ADMIN,
  'Mutation.deleteAvatar': SIGNED_IN,
  'Mutation.deletePermission': ADMIN,
  'Mutation.deleteRole': ADMIN,
  'Mutation.deleteUser': ADMIN,
  'Mutation.login': ANYONE,
  'Mutation.logout': SIGNED_IN,
  'Mutation.markAllNotificationsRead': SIGNED_IN,
  'Mutation.markNotificationRead': SIGNED_IN,
  'Mutation.reauthenticate': SIGNED_IN,
  'Mutation.refreshToken': ANYONE,
  'Mutation.registerUser': ANYONE,
  'Mutation.revokeOtherSessions': SIGNED_IN,
  'Mutation.revokeUserSessions': ADMIN,
  'Mutation.revokeSession': SIGNED_IN,
  'Mutation.sendMessage': SIGNED_IN,
  'Mutation.sendNotification': MODERATOR,
  'Mutation.setPresence': SIGNED_IN,
  'Mutation.setUserStatus': ADMIN,
  // `user:impersonate`: Admin only by default.
  'Mutation.startImpersonation': ADMIN,
  // Past authorization for anyone signed in; CONFLICT (NOT_IMPERSONATING) outside an impersonation session.
  'Mutation.stopImpersonation': SIGNED_IN,
  'Mutation.updatePermission': ADMIN,
  'Mutation.updateProfile': SIGNED_IN,
  'Mutation.updateRole': ADMIN,
  'Mutation.uploadAvatar': SIGNED_IN,
  // Recovery: the link and code flows are for people who cannot sign in; proving an address is for its owner.
  'Mutation.requestEmailVerification': SIGNED_IN,
  'Mutation.requestPasswordReset': ANYONE,
  'Mutation.requestPhoneVerification': SIGNED_IN,
  'Mutation.requestSignInCode': ANYONE,
  'Mutation.resetPassword': ANYONE,
  'Mutation.signInWithCode': ANYONE,
  'Mutation.verifyEmail': ANYONE,
  'Mutation.verifyPhone': SIGNED_IN,
  // Passkeys: managing them is the owner's (filtered to the caller's own); signing in with one is for anyone.
  'Query.myPasskeys': SIGNED_IN,
  'Mutation.finishPasskeyRegistration': SIGNED_IN,
  'Mutation.finishPasskeySignIn': ANYONE,
  'Mutation.removePasskey': SIGNED_IN,
  'Mutation.renamePasskey': SIGNED_IN,
  'Mutation.startPasskeyRegistration': SIGNED_IN,
  'Mutation.startPasskeySignIn': ANYONE,
  // Options for proving again who holds the session (reauthenticate's passkeyResponse): the caller's own passkeys.
  'Mutation.startReauthentication': SIGNED_IN,
  // OpenID providers: finishing a provider sign-in is for people not signed in yet; linking is for the account's owner.
  'Query.oidcProviders': ANYONE,
  'Query.myLinkedAccounts': SIGNED_IN,
  'Mutation.completeOidcSignIn': ANYONE,
  'Mutation.startOidcLink': SIGNED_IN,
  'Mutation.unlinkAccount': SIGNED_IN,
  // Second factors: the second step of a sign-in is for people not signed in yet; enrollment is for the signed-in
  // (an enrollment-only session too: see test/security-mfa.test.ts); the reset is `user:write`.
  'Mutation.completeMfaSignIn': ANYONE,
  'Mutation.startMfaChallenge': ANYONE,
  'Mutation.confirmTotpEnrollment': SIGNED_IN,
  'Mutation.disableTotp': SIGNED_IN,
  'Mutation.regenerateBackupCodes': SIGNED_IN,
  'Mutation.resetUserSecondFactors': ADMIN,
  'Mutation.startTotpEnrollment': SIGNED_IN,
  // Personal data rights: each about the caller's own account only; the terms version is public text.
  'Query.requiredTermsVersion': ANYONE,
  'Query.myDataExports': SIGNED_IN,
  'Mutation.exportMyData': SIGNED_IN,
  'Mutation.deleteMyAccount': SIGNED_IN,
  'Mutation.cancelAccountDeletion': SIGNED_IN,
  'Mutation.acceptTerms': SIGNED_IN,

  'Subscription.messageReceived': SIGNED_IN,
  'Subscription.notificationReceived': SIGNED_IN,
  'Subscription.presenceChanged': SIGNED_IN,
};

// ------------------------------------------------------------------------------- the table: fields of object types

/** What a caller sees of a field on its own object, or on another user's (null, an error, or the value). */
type Visibility = 'value' | 'null' | 'FORBIDDEN' | 'UNAUTHENTICATED';
type Relation = 'own' | 'other';
type FieldRule = 'public' | Partial<Record<Caller, Partial<Record<Relation, Visibility>>>>;

/** Whoever reaches the object (through a root field allowed to them) sees the field. */
const PUBLIC = 'public';
/** Contact details: the user, and holders of `user:write`. */
const SELF_OR_USER_WRITE: FieldRule = {
  anonymous: { own: 'value' }, // the user just signed in, in login's payload
  user: { own: 'value', other: 'null' },
  moderator: { own: 'value', other: 'null' },
  admin: { own: 'value', other: 'value' },
};
/** A pending email or phone: the user alone (an admin sees the current address, not what the user asked for). */
const SELF_ONLY: FieldRule = {
  anonymous: { own: 'value' },
  user: { own: 'value', other: 'null' },
  moderator: { own: 'value', other: 'null' },
  admin: { own: 'value', other: 'null' },
};
/** Role.permissions: the role's holders, and holders of `role:manage`; like `roles`, nobody else. */
const ROLE_HOLDER_OR_ROLE_MANAGE: FieldRule = SELF_OR_USER_WRITE;
/** Role.userCount: `role:manage` only, on any role. */
const ROLE_MANAGE: FieldRule = {
  anonymous: { own: 'UNAUTHENTICATED' },
  user: { own: 'FORBIDDEN', other: 'FORBIDDEN' },
  moderator: { own: 'FORBIDDEN', other: 'FORBIDDEN' },
  admin: { own: 'value', other: 'value' },
};
/** LoginAttempt.identifier (often an email or phone): `user:write`, and the user it matched. */
const IDENTIFIER: FieldRule = { moderator: { own: 'value', other: 'null' }, admin: { own: 'value', other: 'value' } };

const OBJECT_FIELDS: Record<string, Record<string, FieldRule>> = {
  AccountStatusCount: { count: PUBLIC, status: PUBLIC },
  // Reached only through auditEvents (`report:view`); before/after redact contact details for readers without
  // `user:write` (test/audit.test.ts).
  AuditEvent: {
    action: PUBLIC, actor: PUBLIC, after: PUBLIC, at: PUBLIC, before: PUBLIC, consequences: PUBLIC, id: PUBLIC, impersonator: PUBLIC, ip: PUBLIC,
    reason: PUBLIC, requestId: PUBLIC, targetPermissionId: PUBLIC, targetRoleId: PUBLIC, targetUser: PUBLIC, userAgent: PUBLIC,
  },
  AuditEventConnection: { edges: PUBLIC, pageInfo: PUBLIC, totalCount: PUBLIC },
  AuditEventEdge: { cursor: PUBLIC, node: PUBLIC },
  AuthPayload: { expiresAt: PUBLIC, mfaEnrollmentRequired: PUBLIC, refreshToken: PUBLIC, refreshTokenExpiresAt: PUBLIC, token: PUBLIC, user: PUBLIC },
  ConfirmTotpPayload: { backupCodes: PUBLIC, session: PUBLIC, user: PUBLIC },
  DisableTotpPayload: { user: PUBLIC },
  EmailVerificationRequired: { email: PUBLIC, message: PUBLIC },
  MfaChallenge: { challengeToken: PUBLIC, expiresAt: PUBLIC, methods: PUBLIC },
  RegenerateBackupCodesPayload: { backupCodes: PUBLIC },
  ResetUserSecondFactorsPayload: { user: PUBLIC },
  TotpEnrollment: { otpauthUri: PUBLIC, qrCodeSvg: PUBLIC, secret: PUBLIC },
  AccountDeletionPayload: { scheduledFor: PUBLIC },
  // Reached only through the caller's own exports (myDataExports, exportMyData).
  DataExport: { createdAt: PUBLIC, expiresAt: PUBLIC, id: PUBLIC, status: PUBLIC, url: PUBLIC },
  ChangePasswordPayload: { revokedSessions: PUBLIC, success: PUBLIC },
  ChangeUserRolePayload: { user: PUBLIC },
  CreatePermissionPayload: { permission: PUBLIC },
  CreateRolePayload: { role: PUBLIC },
  DailyCount: { count: PUBLIC, date: PUBLIC },
  DailyLogins: { date: PUBLIC, failed: PUBLIC, successful: PUBLIC, total: PUBLIC },
  DeleteAvatarPayload: { removed: PUBLIC, user: PUBLIC },
  DeletePermissionPayload: { deletedPermissionId: PUBLIC, revokedFromRoles: PUBLIC },
  DeleteRolePayload: { deletedRoleId: PUBLIC },
  DeleteUserPayload: { deletedUserId: PUBLIC, revokedSessions: PUBLIC },
  LinkedAccount: { createdAt: PUBLIC, email: PUBLIC, label: PUBLIC, lastUsedAt: PUBLIC, provider: PUBLIC },
  LoginAttempt: { createdAt: PUBLIC, id: PUBLIC, identifier: IDENTIFIER, ip: PUBLIC, reason: PUBLIC, success: PUBLIC, user: PUBLIC, userAgent: PUBLIC },
  LoginAttemptConnection: { edges: PUBLIC, pageInfo: PUBLIC, totalCount: PUBLIC },
  LoginAttemptEdge: { cursor: PUBLIC, node: PUBLIC },
  LogoutPayload: { success: PUBLIC },
  MarkAllNotificationsReadPayload: { markedCount: PUBLIC },
  // Messages, notifications and sessions are filtered to the caller's own by their root fields (tested elsewhere).
  Message: { content: PUBLIC, createdAt: PUBLIC, id: PUBLIC, isDirect: PUBLIC, recipient: PUBLIC, sender: PUBLIC },
  MessageConnection: { edges: PUBLIC, pageInfo: PUBLIC },
  MessageEdge: { cursor: PUBLIC, node: PUBLIC },
  Notification: { createdAt: PUBLIC, id: PUBLIC, kind: PUBLIC, message: PUBLIC, read: PUBLIC, readAt: PUBLIC, sender: PUBLIC, title: PUBLIC },
  NotificationConnection: { edges: PUBLIC, pageInfo: PUBLIC },
  NotificationEdge: { cursor: PUBLIC, node: PUBLIC },
  NotificationPayload: { notification: PUBLIC },
  OidcLinkStart: { url: PUBLIC },
  OidcProvider: { label: PUBLIC, name: PUBLIC, startUrl: PUBLIC },
  PageInfo: { endCursor: PUBLIC, hasNextPage: PUBLIC, hasPreviousPage: PUBLIC, startCursor: PUBLIC },
  Permission: { createdAt: PUBLIC, description: PUBLIC, id: PUBLIC, isSystem: PUBLIC, name: PUBLIC, updatedAt: PUBLIC },
  // A caller reaches passkeys only through myPasskeys and their own mutations (security-passkeys.test.ts).
  Passkey: { backedUp: PUBLIC, createdAt: PUBLIC, deviceType: PUBLIC, flagged: PUBLIC, id: PUBLIC, lastUsedAt: PUBLIC, name: PUBLIC },
  PasskeyOptions: { options: PUBLIC },
  PasskeySignInOptions: { challengeId: PUBLIC, options: PUBLIC },
  MfaChallengeOptions: { options: PUBLIC },
  FinishPasskeyRegistrationPayload: { passkey: PUBLIC },
  RenamePasskeyPayload: { passkey: PUBLIC },
  RemovePasskeyPayload: { removedPasskeyId: PUBLIC },
  PermissionHistoryConnection: { edges: PUBLIC, pageInfo: PUBLIC, totalCount: PUBLIC },
  PermissionHistoryEdge: { cursor: PUBLIC, node: PUBLIC },
  PermissionHistoryEntry: {
    action: PUBLIC, actor: PUBLIC, after: PUBLIC, before: PUBLIC, createdAt: PUBLIC, id: PUBLIC, reason: PUBLIC,
    targetPermission: PUBLIC, targetPermissionId: PUBLIC, targetRole: PUBLIC, targetRoleId: PUBLIC, targetUser: PUBLIC,
  },
  PresenceChange: { at: PUBLIC, status: PUBLIC, user: PUBLIC },
  ReauthenticatePayload: { provedAt: PUBLIC },
  RevokeOtherSessionsPayload: { revokedCount: PUBLIC },
  RevokeSessionPayload: { success: PUBLIC },
  RevokeUserSessionsPayload: { revokedSessions: PUBLIC },
  Role: {
    createdAt: PUBLIC, description: PUBLIC, id: PUBLIC, isSystem: PUBLIC, name: PUBLIC, updatedAt: PUBLIC,
    permissions: ROLE_HOLDER_OR_ROLE_MANAGE,
    userCount: ROLE_MANAGE,
  },
  RoleUserCount: { count: PUBLIC, role: PUBLIC },
  SendMessagePayload: { message: PUBLIC },
  // impersonatedBy: on the caller's own sessions only (mySessions), so the user sees who acts as them.
  Session: { assurance: PUBLIC, createdAt: PUBLIC, current: PUBLIC, expiresAt: PUBLIC, id: PUBLIC, impersonatedBy: PUBLIC, ip: PUBLIC, lastUsedAt: PUBLIC, provedAt: PUBLIC, userAgent: PUBLIC },
  SetPresencePayload: { status: PUBLIC },
  SetUserStatusPayload: { revokedSessions: PUBLIC, user: PUBLIC },
  UnlinkAccountPayload: { linkedAccounts: PUBLIC },
  StartImpersonationPayload: { impersonator: PUBLIC, session: PUBLIC },
  StopImpersonationPayload: { success: PUBLIC },
  UpdatePermissionPayload: { permission: PUBLIC },
  UpdateProfilePayload: { user: PUBLIC },
  UpdateRolePayload: { role: PUBLIC },
  UploadAvatarPayload: { user: PUBLIC },
  User: {
    avatarUpdatedAt: PUBLIC, avatarUrl: PUBLIC, createdAt: PUBLIC, deletedAt: PUBLIC, id: PUBLIC, isActive: PUBLIC,
    lastSeenAt: PUBLIC, role: PUBLIC, status: PUBLIC, updatedAt: PUBLIC, username: PUBLIC,
    email: SELF_OR_USER_WRITE,
    phone: SELF_OR_USER_WRITE,
    // Non-null by the issue's contract: false (never null) for callers who cannot see the address.
    locale: SELF_OR_USER_WRITE,
    emailVerified: PUBLIC,
    phoneVerified: PUBLIC,
    pendingEmail: SELF_ONLY,
    pendingPhone: SELF_ONLY,
    // Which providers sign in to an account, and whether it has a password: as private as its email.
    linkedAccounts: SELF_OR_USER_WRITE,
    hasPassword: SELF_OR_USER_WRITE,
    // Null except on the caller's own User in an impersonation session (test/impersonation.test.ts).
    impersonatedBy: PUBLIC,
    // Like emailVerified: false and [] (never an error) for callers other than the user and holders of `user:write`,
    // which test/mfa.test.ts checks with a user who has a second factor.
    mfaEnabled: PUBLIC,
    mfaMethods: PUBLIC,
    deletionScheduledFor: SELF_ONLY,
    // Like emailVerified: false (never null) for everyone but the owner, so the table cannot tell it apart.
    termsAccepted: PUBLIC,
  },
  VerifyEmailPayload: { user: PUBLIC },
  VerifyPhonePayload: { user: PUBLIC },
  UserConnection: { edges: PUBLIC, pageInfo: PUBLIC, totalCount: PUBLIC },
  UserEdge: { cursor: PUBLIC, node: PUBLIC },
  UserRoleHistoryConnection: { edges: PUBLIC, pageInfo: PUBLIC, totalCount: PUBLIC },
  UserRoleHistoryEdge: { cursor: PUBLIC, node: PUBLIC },
  UserStats: {
    activeUsers: PUBLIC, byRole: PUBLIC, byStatus: PUBLIC, deletedUsers: PUBLIC, disabledUsers: PUBLIC,
    loginsPerDay: PUBLIC, newUsersPerDay: PUBLIC, totalUsers: PUBLIC,
  },
};

// --------------------------------------------------------------------------------------------- reading the schema

const schema: GraphQLSchema = getSchema();

function rootTypes(): GraphQLObjectType[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t): t is GraphQLObjectType => Boolean(t));
}

/** Every object type a client can reach from a root field, following output fields. */
function reachableObjectTypes(): Map<string, GraphQLObjectType> {
  const found = new Map<string, GraphQLObjectType>();
  const visit = (type: GraphQLObjectType) => {
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      // A union's members are reached through it (login answers AuthPayload or MfaChallenge).
      for (const member of isUnionType(named) ? named.getTypes() : isObjectType(named) ? [named] : []) {
        if (found.has(member.name)) continue;
        found.set(member.name, member);
        visit(member);
      }
    }
  };
  rootTypes().forEach(visit);
  return found;
}

/** A selection that is valid under any field: `__typename` for objects, nothing for scalars and enums. */
function minimalSelection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isUnionType(named) ? ' { __typename }' : '';
}

/** Every field of a type: scalars as they are, objects by `__typename`, arguments left to their defaults. */
function everyField(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .map((field) => `${field.name}${minimalSelection(field)}`)
    .join(' ');
}

// -------------------------------------------------------------------------------------------- sample arguments

/** Throwaway material for one call: a fresh account (of the caller's role, or a User for anonymous callers). */
interface Material {
  username: string;
  password: string;
  refreshToken: string;
}

/** Whole input objects or single input fields that need real values to get past validation to authorization. */
const SAMPLES: Record<string, (m: Material) => unknown> = {
  RegisterUserInput: () => newUserInput(),
  LoginInput: (m) => ({ identifier: m.username, password: m.password }),
  RefreshTokenInput: (m) => ({ refreshToken: m.refreshToken }),
  ChangePasswordInput: (m) => ({ currentPassword: m.password, newPassword: 'another horse battery' }),
  'CreatePermissionInput.name': () => `sample:thing${Date.now()}`,
  'CreateRoleInput.name': () => `Sample ${Date.now()}`,
};

/** An id nothing has: mutations on it are decided (authorized or not) before they find nothing. */
const UNKNOWN_ID = '999999999';

function sampleValue(type: GraphQLInputType, key: string, m: Material): unknown {
  const sample = SAMPLES[key] ?? (isInputObjectType(type) ? SAMPLES[type.name] : undefined);
  if (sample) return sample(m);
  if (isNonNullType(type)) return sampleValue(type.ofType, key, m);
  if (isListType(type)) return [sampleValue(type.ofType, key, m)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sampleValue(field.type, `${type.name}.${field.name}`, m);
    }
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0]!.name;
  assert.ok(isScalarType(type));
  const scalars: Record<string, unknown> = { ID: UNKNOWN_ID, String: 'sample', Int: 1, Boolean: true, DateTime: new Date().toISOString(), JSON: {}, Upload: null }; // Upload: the multipart request maps its file onto the null.
  assert.ok(type.name in scalars, `no sample value for scalar ${type.name} (${key})`);
  return scalars[type.name];
}

/** `mutation ($a: T!) { field(a: $a) { __typename } }` with sample values for the required arguments. */
function rootOperation(operation: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>, m: Material) {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const query = `${operation} Probe${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${minimalSelection(field)} }`;
  const variables = Object.fromEntries(args.map((a) => [a.name, sampleValue(a.type, `${field.name}.${a.name}`, m)]));
  return { query, variables };
}

function typed(query: string): TypedDocumentNode<Record<string, unknown>, Record<string, unknown>> {
  return parse(query) as TypedDocumentNode<Record<string, unknown>, Record<string, unknown>>;
}

// ------------------------------------------------------------------------------------------------------ callers

let server: TestServer;
let adminToken: string;
let roleIdByName: Record<string, string>;

interface Fresh extends Material {
  id: string;
  token: string;
}

/** A fresh account of the caller's role (anonymous callers get a User account to sign in with, and no token). */
async function freshAccount(caller: Caller): Promise<Fresh> {
  const { input, token, refreshToken, id } = await registerUser(server);
  // A new email and phone waiting to be verified, so `pendingEmail` and `pendingPhone` have values to show or hide.
  const pending = newUserInput();
  const asked = await server.request(UpdateProfile, { input: { email: pending.email, phone: pending.phone } }, { token });
  assert.equal(asked.errors, undefined, JSON.stringify(asked.errors));
  // A pending deletion, so `deletionScheduledFor` has a value: marked as an admin's, which the sign-ins below do not cancel.
  await server.db.query('INSERT INTO account_deletions (user_id, requested_by, by_admin, scheduled_for) VALUES (?, ?, 1, NOW(3) + INTERVAL 14 DAY)', [id, id]);
  if (caller !== 'anonymous' && caller !== 'user') {
    const changed = await server.request(ChangeUserRole, { input: { userId: String(id), roleId: roleIdByName[ROLE_OF[caller]]! } }, { token: adminToken });
    assert.equal(changed.errors, undefined, JSON.stringify(changed.errors));
  }
  return { id: String(id), token, refreshToken, username: input.username, password: input.password };
}

/** The code an answer was refused with, if the refusal was an authorization decision. */
function accessOf(result: ExecutionResult<unknown> & { status?: number }, label: string): Access {
  const codes = (result.errors ?? []).map((e) => e.extensions?.code);
  assert.ok(!codes.includes('INTERNAL_SERVER_ERROR') && result.status !== 500, `${label}: ${JSON.stringify(result.errors)}`);
  if (codes.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (codes.includes('FORBIDDEN')) return 'FORBIDDEN';
  // Refusals that come after authorization (NOT_FOUND, BAD_USER_INPUT, CONFLICT) mean the caller got through.
  return 'allowed';
}

const callers = {} as Record<Caller, Fresh | null>;
const sockets: TestSocket[] = [];

before(async () => {
  server = await startTestServer();
  adminToken = (await signInRootAdmin(server)).token;
  roleIdByName = await roleIds(server, adminToken);
  callers.anonymous = null;
  for (const caller of SIGNED_IN_CALLERS) callers[caller] = await freshAccount(caller);
});

after(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await server.close();
});

// --------------------------------------------------------------------------------------------------------- tests

describe('the authorization table covers the schema', () => {
  test('every root field has a decision for every caller, and every decision names a field that exists', () => {
    const inSchema = rootTypes().flatMap((type) => Object.keys(type.getFields()).map((name) => `${type.name}.${name}`));
    assert.deepEqual(
      inSchema.filter((f) => !(f in ROOT_FIELDS)),
      [],
      'root fields without an authorization decision: add them to ROOT_FIELDS',
    );
    assert.deepEqual(Object.keys(ROOT_FIELDS).filter((f) => !inSchema.includes(f)), [], 'ROOT_FIELDS names fields the schema no longer has');
  });

  test('every field of every reachable object type has a decision, and none is stale', () => {
    const inSchema = [...reachableObjectTypes().values()].flatMap((type) => Object.keys(type.getFields()).map((name) => `${type.name}.${name}`));
    const inTable = Object.entries(OBJECT_FIELDS).flatMap(([type, fields]) => Object.keys(fields).map((name) => `${type}.${name}`));
    assert.deepEqual(inSchema.filter((f) => !inTable.includes(f)), [], 'fields without an authorization decision: add them to OBJECT_FIELDS');
    assert.deepEqual(inTable.filter((f) => !inSchema.includes(f)), [], 'OBJECT_FIELDS names fields the schema no longer has (or no client can reach)');
  });

  test('every restricted field is on a type this test probes as its own and as another user\'s', () => {
    const restricted = Object.entries(OBJECT_FIELDS).flatMap(([type, fields]) =>
      Object.entries(fields).filter(([, rule]) => rule !== PUBLIC).map(([name]) => `${type}.${name}`),
    );
    assert.deepEqual(restricted.filter((f) => !(f.split('.')[0]! in PROBES)), [], 'add a probe for these types');
  });
});

describe('root fields over HTTP: each caller gets what the table says', () => {
  for (const operation of ['query', 'mutation'] as const) {
    const type = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      test(key, async () => {
        const actual = {} as Record<Caller, Access>;
        for (const caller of CALLERS) {
          // Mutations get a throwaway account each, so logging out or changing a password spoils nothing else.
          const account = operation === 'mutation' ? await freshAccount(caller) : (callers[caller] ?? (await freshAccount('anonymous')));
          const token = caller === 'anonymous' ? undefined : account.token;
          const { query, variables } = rootOperation(operation, field, account);
          const result =
            field.name === 'uploadAvatar'
              ? await uploadAvatar(server, { bytes: new Uint8Array([1, 2, 3]), name: 'x.png' }, { token, operations: JSON.stringify({ query, variables: { file: null } }) })
              : await server.request(typed(query), variables, { token });
          actual[caller] = accessOf(result, `${key} as ${caller}`);
        }
        assert.deepEqual(actual, ROOT_FIELDS[key], key);
      });
    }
  }
});

describe('subscription fields over graphql-ws: each caller gets what the table says', () => {
  test('allowed callers receive events; refused ones get the error code', async () => {
    const type = schema.getSubscriptionType()!;
    const subscriptions: { key: string; caller: Caller; next: () => Promise<ExecutionResult<unknown>> }[] = [];
    for (const caller of CALLERS) {
      const socket = openSocket(server.url, { token: callers[caller]?.token });
      sockets.push(socket);
      await socket.connected;
      for (const field of Object.values(type.getFields())) {
        const { query, variables } = rootOperation('subscription', field, callers.user!);
        const subscription = await subscribe(socket, typed(query), variables);
        subscriptions.push({ key: `${type.name}.${field.name}`, caller, next: () => subscription.next(5000) });
      }
    }
    // One event for each subscription field: a message to everyone, a broadcast, someone coming online.
    const admin = callers.admin!;
    await server.request(typed('mutation { sendMessage(input: { content: "to everyone" }) { __typename } }'), {}, { token: admin.token });
    await server.request(typed('mutation { broadcastNotification(input: { title: "t", message: "m" }) { __typename } }'), {}, { token: admin.token });
    const newcomer = openSocket(server.url, { token: (await freshAccount('user')).token });
    sockets.push(newcomer);
    await newcomer.connected;

    const actual: Record<string, Partial<Record<Caller, Access>>> = {};
    for (const { key, caller, next } of subscriptions) {
      const first = await next();
      const access = accessOf(first, `${key} as ${caller}`);
      if (access === 'allowed') assert.ok(first.data, `${key} as ${caller} delivered an event`);
      (actual[key] ??= {})[caller] = access;
    }
    for (const key of Object.keys(actual)) assert.deepEqual(actual[key], ROOT_FIELDS[key], key);
  });
});

// ------------------------------------------------------------------------------- fields on own and others' objects

interface Probe {
  caller: Caller;
  relation: Relation;
  /** The operation, with SELECTION where the type's fields go, and where the object sits in `data`. */
  query: string;
  variables?: Record<string, unknown>;
  path: (string | number)[];
}

/** Someone else, of a different role than the caller, whose objects the caller reaches through `user(id:)`. */
let strangers: Record<'User' | 'Moderator', Fresh>;

const otherRole = (caller: Caller): 'User' | 'Moderator' => (caller === 'user' ? 'Moderator' : 'User');

const PROBES: Record<string, (caller: Caller) => Probe[]> = {
  User: (caller) =>
    caller === 'anonymous'
      ? [{ caller, relation: 'own', query: 'mutation($input: LoginInput!) { login(input: $input) { ... on AuthPayload { user { SELECTION } } } }', variables: { input: 'LOGIN' }, path: ['login', 'user'] }]
      : [
          { caller, relation: 'own', query: '{ me { SELECTION } }', path: ['me'] },
          { caller, relation: 'other', query: 'query($id: ID!) { user(id: $id) { SELECTION } }', variables: { id: strangers[otherRole(caller)].id }, path: ['user'] },
        ],
  Role: (caller) =>
    caller === 'anonymous'
      ? [{ caller, relation: 'own', query: 'mutation($input: LoginInput!) { login(input: $input) { ... on AuthPayload { user { role { SELECTION } } } } }', variables: { input: 'LOGIN' }, path: ['login', 'user', 'role'] }]
      : [
          { caller, relation: 'own', query: '{ me { role { SELECTION } } }', path: ['me', 'role'] },
          { caller, relation: 'other', query: 'query($id: ID!) { user(id: $id) { role { SELECTION } } }', variables: { id: strangers[otherRole(caller)].id }, path: ['user', 'role'] },
        ],
  LoginAttempt: (caller) =>
    caller === 'moderator' || caller === 'admin'
      ? (['own', 'other'] as const).map((relation) => ({
          caller,
          relation,
          query: 'query($userId: ID!) { loginHistory(userId: $userId, first: 1) { edges { node { SELECTION } } } }',
          variables: { userId: relation === 'own' ? callers[caller]!.id : strangers.User.id },
          path: ['loginHistory', 'edges', 0, 'node'],
        }))
      : [],
};

describe("fields on the caller's own objects and on other users' objects", () => {
  before(async () => {
    strangers = { User: await freshAccount('user'), Moderator: await freshAccount('moderator') };
    // Sign-ins, so each of them has a login-history row.
    for (const account of [...Object.values(strangers), ...SIGNED_IN_CALLERS.map((c) => callers[c]!)]) await login(server, account.username, account.password);
  });

  for (const typeName of Object.keys(PROBES)) {
    test(typeName, async () => {
      const type = schema.getType(typeName) as GraphQLObjectType;
      let checked = 0;
      for (const caller of CALLERS) {
        for (const probe of PROBES[typeName]!(caller)) {
          const account = caller === 'anonymous' ? await freshAccount('anonymous') : callers[caller]!;
          const variables = probe.variables?.input === 'LOGIN' ? { input: { identifier: account.username, password: account.password } } : probe.variables;
          const result = await server.request(typed(probe.query.replace('SELECTION', everyField(type))), variables, { token: caller === 'anonymous' ? undefined : account.token });
          let object: unknown = result.data;
          for (const step of probe.path) object = (object as Record<string | number, unknown> | null)?.[step];
          assert.ok(object && typeof object === 'object', `${typeName} ${probe.relation} as ${caller}: not reached: ${JSON.stringify(result)}`);
          for (const name of Object.keys(type.getFields())) {
            const label = `${typeName}.${name} (${probe.relation}, as ${caller})`;
            const rule = OBJECT_FIELDS[typeName]![name]!;
            const error = result.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify([...probe.path, name]));
            const value: unknown = (object as Record<string, unknown>)[name];
            if (rule === PUBLIC) {
              assert.equal(error, undefined, `${label}: ${JSON.stringify(error)}`);
              continue;
            }
            const expected = rule[caller]?.[probe.relation];
            assert.ok(expected, `${label}: the table has no decision for this case`);
            const seen: Visibility = error ? (error.extensions?.code as Visibility) : value === null ? 'null' : 'value';
            assert.equal(seen, expected, label);
            checked += 1;
          }
        }
      }
      assert.ok(checked > 0, `no restricted field of ${typeName} was checked`);
    });
  }
});
