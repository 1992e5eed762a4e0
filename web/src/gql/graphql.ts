/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptTermsInput = {
  version: string;
};

export type AccountStatus =
  /** Can sign in. */
  | 'ACTIVE'
  /** Disabled by an administrator: cannot sign in, and existing tokens stop working. */
  | 'DISABLED';

export type AuditEventFilter = {
  /** One action, e.g. USER_DISABLED. */
  action?: string | null | undefined;
  actorId?: string | null | undefined;
  /** Acts at or after this instant. */
  from?: string | null | undefined;
  targetUserId?: string | null | undefined;
  /** Acts at or before this instant. */
  to?: string | null | undefined;
};

export type BroadcastNotificationInput = {
  /** Optional: 1 to 64 of A-Z, a-z, 0-9, "_" and "-" (a UUID fits), chosen by the client for this one send. A retry with the same key returns what was stored the first time, without sending it again; the same key with different content is a CONFLICT. Keys are scoped to the sender. */
  idempotencyKey?: string | null | undefined;
  /** 1 to 5000 characters. */
  message: string;
  /** 1 to 200 characters. */
  title: string;
};

export type ChangePasswordInput = {
  /** Empty for an account that has no password yet (made through an OpenID provider). */
  currentPassword: string;
  /** At least 8 characters, hard to guess (zxcvbn score 3 or more), without your username, email name or phone number; WEAK_PASSWORD says why otherwise. */
  newPassword: string;
};

export type ChangeUserRoleInput = {
  /** Why: kept in the audit trail. At most 500 characters. */
  reason?: string | null | undefined;
  roleId: string;
  userId: string;
};

export type CompleteMfaSignInInput = {
  /** One of the backup codes (BACKUP_CODE); each works once. */
  backupCode?: string | null | undefined;
  challengeToken: string;
  /** A 6-digit code from the authenticator app (TOTP). */
  code?: string | null | undefined;
  /** The WebAuthn assertion (PASSKEY). */
  passkeyResponse?: unknown;
};

export type CompleteOidcSignInInput = {
  code: string;
};

export type ConfirmTotpInput = {
  code: string;
};

export type DataExportStatus =
  /** Could not be built; ask again. */
  | 'FAILED'
  /** Waiting for, or being built by, the background worker. */
  | 'PENDING'
  /** Built: `url` downloads it until `expiresAt`. */
  | 'READY';

export type DeleteMyAccountInput = {
  /** A second-factor code, for accounts that have one (not yet used). */
  code?: string | null | undefined;
  password?: string | null | undefined;
};

/** Proof that it is you. Give your current password or a current TOTP code, or neither within REAUTH_MAX_AGE of your last proof. */
export type DisableTotpInput = {
  /** A code from your authenticator app. */
  code?: string | null | undefined;
  /** Your current password, or: */
  password?: string | null | undefined;
};

export type FinishPasskeyRegistrationInput = {
  /** Up to 64 characters; "Passkey <n>" when left out. */
  name?: string | null | undefined;
  /** RegistrationResponseJSON, as @simplewebauthn/browser startRegistration returns it. */
  response: unknown;
};

export type FinishPasskeySignInInput = {
  challengeId: string;
  /** AuthenticationResponseJSON, as @simplewebauthn/browser startAuthentication returns it. */
  response: unknown;
};

/** The language of the emails and SMS a user gets. */
export type Locale =
  /** English */
  | 'en'
  /** Thai */
  | 'th';

export type LoginInput = {
  /** Username, email address or phone number. */
  identifier: string;
  password: string;
};

/** A kind of second factor. */
export type MfaMethod =
  /** One of the single-use backup codes given when TOTP was turned on. */
  | 'BACKUP_CODE'
  /** A passkey (WebAuthn). */
  | 'PASSKEY'
  /** A 6-digit code from an authenticator app. */
  | 'TOTP';

export type NotificationKind =
  /** Sent to everyone. */
  | 'BROADCAST'
  /** Sent to you by a user with notification:send. */
  | 'DIRECT'
  /** From the service itself, e.g. your role was changed. */
  | 'SYSTEM';

/** Whether a passkey lives on one authenticator or is synced between devices (by a password manager or a platform account). */
export type PasskeyDeviceType =
  /** Can be synced to other devices. */
  | 'MULTI_DEVICE'
  /** Bound to one authenticator, e.g. a security key. */
  | 'SINGLE_DEVICE';

/** What a permission-history entry records. */
export type PermissionHistoryAction =
  | 'ACCOUNT_DELETION_CANCELLED'
  | 'ACCOUNT_DELETION_REQUESTED'
  | 'ACCOUNT_ERASED'
  | 'DATA_EXPORTED'
  | 'PERMISSION_CREATED'
  | 'PERMISSION_DELETED'
  | 'PERMISSION_GRANTED'
  | 'PERMISSION_REVOKED'
  | 'PERMISSION_UPDATED'
  | 'ROLE_CREATED'
  | 'ROLE_DELETED'
  | 'ROLE_UPDATED'
  | 'TERMS_ACCEPTED'
  | 'USER_DELETED'
  | 'USER_DISABLED'
  | 'USER_ENABLED'
  | 'USER_ROLE_CHANGED'
  | 'USER_SECOND_FACTORS_RESET';

export type PermissionHistoryFilter = {
  actions?: Array<PermissionHistoryAction> | null | undefined;
  actorId?: string | null | undefined;
  /** Entries at or after this instant. */
  from?: string | null | undefined;
  targetPermissionId?: string | null | undefined;
  targetRoleId?: string | null | undefined;
  targetUserId?: string | null | undefined;
  /** Entries at or before this instant. */
  to?: string | null | undefined;
};

export type PresenceStatus =
  /** Connected, but the client said the user is away. */
  | 'AWAY'
  /** No open socket. */
  | 'OFFLINE'
  /** At least one open, authenticated socket. */
  | 'ONLINE';

/** Exactly one proof. */
export type ReauthenticateInput = {
  /** A code from your authenticator app (when you have one). */
  code?: string | null | undefined;
  /** A passkey's assertion (when you have one). */
  passkeyResponse?: unknown;
  password?: string | null | undefined;
};

export type RefreshTokenInput = {
  refreshToken: string;
};

/** Proof that it is you. Give your current password or a current TOTP code, or neither within REAUTH_MAX_AGE of your last proof. */
export type RegenerateBackupCodesInput = {
  /** A code from your authenticator app. */
  code?: string | null | undefined;
  /** Your current password, or: */
  password?: string | null | undefined;
};

export type RegisterUserInput = {
  /** That you accept the terms and privacy notice (`requiredTermsVersion`): required true when the server has a TERMS_VERSION. */
  acceptTerms?: boolean | null | undefined;
  email: string;
  /** At least 8 characters, hard to guess (zxcvbn score 3 or more), without your username, email name or phone number; WEAK_PASSWORD says why otherwise. */
  password: string;
  /** Any common format, e.g. 081-234-5678 or +66812345678. */
  phone: string;
  /** 3 to 32 characters: letters (any script), digits, "_", "." and "-", starting with a letter. */
  username: string;
};

export type RemovePasskeyInput = {
  id: string;
};

export type RenamePasskeyInput = {
  id: string;
  /** Up to 64 characters. */
  name: string;
};

export type RequestPasswordResetInput = {
  /** Username, email address or phone number. */
  identifier: string;
};

export type RequestSignInCodeInput = {
  /** Username, email address or phone number. */
  identifier: string;
};

export type ResetPasswordInput = {
  /** The 6-digit code sent by SMS. */
  code?: string | null | undefined;
  /** With `code`: the phone number (or other identifier) the code was asked for. */
  identifier?: string | null | undefined;
  /** At least 8 characters. */
  newPassword: string;
  /** The `token` parameter of the reset link. */
  token?: string | null | undefined;
};

export type ResetUserSecondFactorsInput = {
  /** Why: kept in the history and shown to the user. */
  reason: string;
  userId: string;
};

export type SendMessageInput = {
  /** 1 to 2000 characters. */
  content: string;
  /** Optional: 1 to 64 of A-Z, a-z, 0-9, "_" and "-" (a UUID fits), chosen by the client for this one send. A retry with the same key returns what was stored the first time, without sending it again; the same key with different content is a CONFLICT. Keys are scoped to the sender. */
  idempotencyKey?: string | null | undefined;
  /** Leave out to write to everyone. */
  recipientId?: string | null | undefined;
};

export type SendNotificationInput = {
  /** Optional: 1 to 64 of A-Z, a-z, 0-9, "_" and "-" (a UUID fits), chosen by the client for this one send. A retry with the same key returns what was stored the first time, without sending it again; the same key with different content is a CONFLICT. Keys are scoped to the sender. */
  idempotencyKey?: string | null | undefined;
  /** 1 to 5000 characters. */
  message: string;
  /** 1 to 200 characters. */
  title: string;
  userId: string;
};

export type SetUserStatusInput = {
  /** False disables the account and signs out all of its sessions at once. */
  active: boolean;
  /** Why: kept in the audit trail. At most 500 characters. */
  reason?: string | null | undefined;
  userId: string;
};

export type SettablePresenceStatus =
  | 'AWAY'
  | 'ONLINE';

export type SignInWithCodeInput = {
  code: string;
  identifier: string;
};

export type StartImpersonationInput = {
  /** Why: kept in the audit trail and shown to the user. 1 to 500 characters. */
  reason: string;
  userId: string;
};

export type StartMfaChallengeInput = {
  challengeToken: string;
  method: MfaMethod;
};

export type StartOidcLinkInput = {
  /** A name from `oidcProviders`. */
  provider: string;
};

export type UnlinkAccountInput = {
  /** A name from `oidcProviders`. */
  provider: string;
};

/** Only the fields given are changed. */
export type UpdateProfileInput = {
  /** A new email is pending (`pendingEmail`) until the link sent to it is opened; the current one stays in use. */
  email?: string | null | undefined;
  /** The language of your emails and SMS. */
  locale?: Locale | null | undefined;
  /** Any common format; stored as E.164. A new number is pending until the code sent to it is entered (verifyPhone). */
  phone?: string | null | undefined;
  username?: string | null | undefined;
};

export type VerifyEmailInput = {
  token: string;
};

export type VerifyPhoneInput = {
  code: string;
};

export type WebSessionFragment = { token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } };

export type WebChallengeFragment = { challengeToken: string, methods: Array<MfaMethod>, expiresAt: string };

export type WebRegisterUserMutationVariables = Exact<{
  input: RegisterUserInput;
}>;


export type WebRegisterUserMutation = { registerUser:
    | { __typename: 'AuthPayload', token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } }
    | { __typename: 'EmailVerificationRequired', email: string }
    | { __typename: 'MfaChallenge', challengeToken: string, methods: Array<MfaMethod>, expiresAt: string }
   };

export type WebLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type WebLoginMutation = { login:
    | { __typename: 'AuthPayload', token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } }
    | { __typename: 'MfaChallenge', challengeToken: string, methods: Array<MfaMethod>, expiresAt: string }
   };

export type WebCompleteMfaSignInMutationVariables = Exact<{
  input: CompleteMfaSignInInput;
}>;


export type WebCompleteMfaSignInMutation = { completeMfaSignIn: { token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } } };

export type WebStartMfaChallengeMutationVariables = Exact<{
  input: StartMfaChallengeInput;
}>;


export type WebStartMfaChallengeMutation = { startMfaChallenge: { options: unknown } };

export type WebMfaStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type WebMfaStatusQuery = { me: { id: string, mfaEnabled: boolean, mfaMethods: Array<MfaMethod> } };

export type WebAdminUserFactorsQueryVariables = Exact<{
  id: string;
}>;


export type WebAdminUserFactorsQuery = { user: { id: string, mfaMethods: Array<MfaMethod> } };

export type WebResetUserSecondFactorsMutationVariables = Exact<{
  input: ResetUserSecondFactorsInput;
}>;


export type WebResetUserSecondFactorsMutation = { resetUserSecondFactors: { user: { id: string, mfaMethods: Array<MfaMethod> } } };

export type WebStartTotpEnrollmentMutationVariables = Exact<{ [key: string]: never; }>;


export type WebStartTotpEnrollmentMutation = { startTotpEnrollment: { secret: string, otpauthUri: string, qrCodeSvg: string } };

export type WebConfirmTotpEnrollmentMutationVariables = Exact<{
  input: ConfirmTotpInput;
}>;


export type WebConfirmTotpEnrollmentMutation = { confirmTotpEnrollment: { backupCodes: Array<string>, session: { token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } } | null } };

export type WebRegenerateBackupCodesMutationVariables = Exact<{
  input: RegenerateBackupCodesInput;
}>;


export type WebRegenerateBackupCodesMutation = { regenerateBackupCodes: { backupCodes: Array<string> } };

export type WebDisableTotpMutationVariables = Exact<{
  input: DisableTotpInput;
}>;


export type WebDisableTotpMutation = { disableTotp: { user: { id: string, mfaEnabled: boolean } } };

export type WebRefreshTokenMutationVariables = Exact<{
  input: RefreshTokenInput;
}>;


export type WebRefreshTokenMutation = { refreshToken: { token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } } };

export type WebLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type WebLogoutMutation = { logout: { success: boolean } };

export type WebMeQueryVariables = Exact<{ [key: string]: never; }>;


export type WebMeQuery = { me: { id: string, username: string, email: string | null, phone: string | null, hasPassword: boolean | null, avatarUrl: string | null, termsAccepted: boolean, deletionScheduledFor: string | null, thumbUrl: string | null, role: { id: string, name: string, permissions: Array<{ name: string }> | null }, impersonatedBy: { id: string, username: string } | null } };

export type WebUpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type WebUpdateProfileMutation = { updateProfile: { user: { id: string, username: string, email: string | null, phone: string | null, pendingEmail: string | null, pendingPhone: string | null } } };

export type WebChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type WebChangePasswordMutation = { changePassword: { success: boolean, revokedSessions: number } };

export type WebUploadAvatarMutationVariables = Exact<{
  file: File;
}>;


export type WebUploadAvatarMutation = { uploadAvatar: { user: { id: string, avatarUrl: string | null, thumbUrl: string | null } } };

export type WebDeleteAvatarMutationVariables = Exact<{ [key: string]: never; }>;


export type WebDeleteAvatarMutation = { deleteAvatar: { removed: boolean, user: { id: string, avatarUrl: string | null, thumbUrl: string | null } } };

export type WebOnlineUsersQueryVariables = Exact<{ [key: string]: never; }>;


export type WebOnlineUsersQuery = { onlineUsers: Array<{ id: string, username: string, status: PresenceStatus, thumbUrl: string | null }> };

export type WebPresenceChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type WebPresenceChangedSubscription = { presenceChanged: { status: PresenceStatus, at: string, user: { id: string, username: string, thumbUrl: string | null } } };

export type WebSetPresenceMutationVariables = Exact<{
  status: SettablePresenceStatus;
}>;


export type WebSetPresenceMutation = { setPresence: { status: PresenceStatus } };

export type WebMessagesQueryVariables = Exact<{
  withUserId?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type WebMessagesQuery = { messages: { edges: Array<{ cursor: string, node: { id: string, content: string, createdAt: string, isDirect: boolean, sender: { id: string, username: string, thumbUrl: string | null }, recipient: { id: string, username: string } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null, startCursor: string | null } } };

export type WebMessageReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type WebMessageReceivedSubscription = { messageReceived: { id: string, content: string, createdAt: string, isDirect: boolean, sender: { id: string, username: string, thumbUrl: string | null }, recipient: { id: string, username: string } | null } };

export type WebSendMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type WebSendMessageMutation = { sendMessage: { message: { id: string, content: string, createdAt: string, isDirect: boolean, sender: { id: string, username: string, thumbUrl: string | null }, recipient: { id: string, username: string } | null } } };

export type WebNotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type WebNotificationsQuery = { unreadNotificationCount: number, notifications: { edges: Array<{ node: { id: string, kind: NotificationKind, title: string, message: string, read: boolean, createdAt: string, sender: { id: string, username: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebUnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type WebUnreadNotificationCountQuery = { unreadNotificationCount: number };

export type WebNotificationReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type WebNotificationReceivedSubscription = { notificationReceived: { id: string, kind: NotificationKind, title: string, message: string, read: boolean, createdAt: string, sender: { id: string, username: string } | null } };

export type WebMarkNotificationReadMutationVariables = Exact<{
  id: string;
}>;


export type WebMarkNotificationReadMutation = { markNotificationRead: { notification: { id: string, read: boolean } } };

export type WebMarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type WebMarkAllNotificationsReadMutation = { markAllNotificationsRead: { markedCount: number } };

export type WebAdminUsersQueryVariables = Exact<{
  search?: string | null | undefined;
  status?: AccountStatus | null | undefined;
  role?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type WebAdminUsersQuery = { users: { totalCount: number, edges: Array<{ node: { id: string, username: string, email: string | null, phone: string | null, isActive: boolean, status: PresenceStatus, createdAt: string, thumbUrl: string | null, role: { id: string, name: string } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type WebRolesQueryVariables = Exact<{ [key: string]: never; }>;


export type WebRolesQuery = { roles: Array<{ id: string, name: string }> };

export type WebChangeUserRoleMutationVariables = Exact<{
  input: ChangeUserRoleInput;
}>;


export type WebChangeUserRoleMutation = { changeUserRole: { user: { id: string, role: { id: string, name: string } } } };

export type WebSetUserStatusMutationVariables = Exact<{
  input: SetUserStatusInput;
}>;


export type WebSetUserStatusMutation = { setUserStatus: { revokedSessions: number, user: { id: string, isActive: boolean } } };

export type WebPermissionHistoryQueryVariables = Exact<{
  filter?: PermissionHistoryFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebPermissionHistoryQuery = { permissionHistory: { totalCount: number, edges: Array<{ node: { id: string, action: PermissionHistoryAction, reason: string | null, createdAt: string, before: unknown, after: unknown, actor: { id: string, username: string } | null, targetUser: { id: string, username: string } | null, targetRole: { id: string, name: string } | null, targetPermission: { id: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebLoginHistoryQueryVariables = Exact<{
  userId?: string | null | undefined;
  success?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebLoginHistoryQuery = { loginHistory: { totalCount: number, edges: Array<{ node: { id: string, success: boolean, reason: string | null, ip: string | null, userAgent: string | null, identifier: string | null, createdAt: string, user: { id: string, username: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebSendNotificationMutationVariables = Exact<{
  input: SendNotificationInput;
}>;


export type WebSendNotificationMutation = { sendNotification: { notification: { id: string } } };

export type WebBroadcastNotificationMutationVariables = Exact<{
  input: BroadcastNotificationInput;
}>;


export type WebBroadcastNotificationMutation = { broadcastNotification: { notification: { id: string } } };

export type WebRequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;


export type WebRequestPasswordResetMutation = { requestPasswordReset: boolean };

export type WebResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type WebResetPasswordMutation = { resetPassword:
    | { __typename: 'AuthPayload', token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } }
    | { __typename: 'MfaChallenge', challengeToken: string, methods: Array<MfaMethod>, expiresAt: string }
   };

export type WebRequestSignInCodeMutationVariables = Exact<{
  input: RequestSignInCodeInput;
}>;


export type WebRequestSignInCodeMutation = { requestSignInCode: boolean };

export type WebSignInWithCodeMutationVariables = Exact<{
  input: SignInWithCodeInput;
}>;


export type WebSignInWithCodeMutation = { signInWithCode:
    | { __typename: 'AuthPayload', token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } }
    | { __typename: 'MfaChallenge', challengeToken: string, methods: Array<MfaMethod>, expiresAt: string }
   };

export type WebVerifyEmailMutationVariables = Exact<{
  input: VerifyEmailInput;
}>;


export type WebVerifyEmailMutation = { verifyEmail: { user: { id: string, emailVerified: boolean } } };

export type WebVerificationQueryVariables = Exact<{ [key: string]: never; }>;


export type WebVerificationQuery = { me: { id: string, email: string | null, phone: string | null, emailVerified: boolean, phoneVerified: boolean, pendingEmail: string | null, pendingPhone: string | null } };

export type WebRequestEmailVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type WebRequestEmailVerificationMutation = { requestEmailVerification: boolean };

export type WebRequestPhoneVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type WebRequestPhoneVerificationMutation = { requestPhoneVerification: boolean };

export type WebVerifyPhoneMutationVariables = Exact<{
  input: VerifyPhoneInput;
}>;


export type WebVerifyPhoneMutation = { verifyPhone: { user: { id: string, phoneVerified: boolean } } };

export type WebStartPasskeySignInMutationVariables = Exact<{ [key: string]: never; }>;


export type WebStartPasskeySignInMutation = { startPasskeySignIn: { challengeId: string, options: unknown } };

export type WebFinishPasskeySignInMutationVariables = Exact<{
  input: FinishPasskeySignInInput;
}>;


export type WebFinishPasskeySignInMutation = { finishPasskeySignIn: { token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } } };

export type WebPasskeyFragment = { id: string, name: string, createdAt: string, lastUsedAt: string | null, deviceType: PasskeyDeviceType, backedUp: boolean, flagged: boolean };

export type WebMyPasskeysQueryVariables = Exact<{ [key: string]: never; }>;


export type WebMyPasskeysQuery = { myPasskeys: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null, deviceType: PasskeyDeviceType, backedUp: boolean, flagged: boolean }> };

export type WebStartPasskeyRegistrationMutationVariables = Exact<{ [key: string]: never; }>;


export type WebStartPasskeyRegistrationMutation = { startPasskeyRegistration: { options: unknown } };

export type WebFinishPasskeyRegistrationMutationVariables = Exact<{
  input: FinishPasskeyRegistrationInput;
}>;


export type WebFinishPasskeyRegistrationMutation = { finishPasskeyRegistration: { passkey: { id: string, name: string, createdAt: string, lastUsedAt: string | null, deviceType: PasskeyDeviceType, backedUp: boolean, flagged: boolean } } };

export type WebRenamePasskeyMutationVariables = Exact<{
  input: RenamePasskeyInput;
}>;


export type WebRenamePasskeyMutation = { renamePasskey: { passkey: { id: string, name: string, createdAt: string, lastUsedAt: string | null, deviceType: PasskeyDeviceType, backedUp: boolean, flagged: boolean } } };

export type WebRemovePasskeyMutationVariables = Exact<{
  input: RemovePasskeyInput;
}>;


export type WebRemovePasskeyMutation = { removePasskey: { removedPasskeyId: string } };

export type WebAuditEventsQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebAuditEventsQuery = { auditEvents: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, at: string, action: string, reason: string | null, ip: string | null, actor: { id: string, username: string } | null, impersonator: { id: string, username: string } | null, targetUser: { id: string, username: string } | null } }> } };

export type WebStartImpersonationMutationVariables = Exact<{
  input: StartImpersonationInput;
}>;


export type WebStartImpersonationMutation = { startImpersonation: { session: { token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } } } };

export type WebStopImpersonationMutationVariables = Exact<{ [key: string]: never; }>;


export type WebStopImpersonationMutation = { stopImpersonation: { success: boolean } };

export type WebStartReauthenticationMutationVariables = Exact<{ [key: string]: never; }>;


export type WebStartReauthenticationMutation = { startReauthentication: { options: unknown } };

export type WebReauthPasskeysQueryVariables = Exact<{ [key: string]: never; }>;


export type WebReauthPasskeysQuery = { myPasskeys: Array<{ id: string, flagged: boolean }> };

export type WebReauthenticateMutationVariables = Exact<{
  input: ReauthenticateInput;
}>;


export type WebReauthenticateMutation = { reauthenticate: { provedAt: string } };

export type WebRequiredTermsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebRequiredTermsQuery = { requiredTermsVersion: string | null };

export type WebAcceptTermsMutationVariables = Exact<{
  input: AcceptTermsInput;
}>;


export type WebAcceptTermsMutation = { acceptTerms: boolean };

export type WebMyDataExportsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebMyDataExportsQuery = { myDataExports: Array<{ id: string, status: DataExportStatus, url: string | null, createdAt: string, expiresAt: string | null }> };

export type WebExportMyDataMutationVariables = Exact<{ [key: string]: never; }>;


export type WebExportMyDataMutation = { exportMyData: { id: string, status: DataExportStatus, url: string | null, createdAt: string, expiresAt: string | null } };

export type WebDeleteMyAccountMutationVariables = Exact<{
  input: DeleteMyAccountInput;
}>;


export type WebDeleteMyAccountMutation = { deleteMyAccount: { scheduledFor: string } };

export type WebCancelAccountDeletionMutationVariables = Exact<{ [key: string]: never; }>;


export type WebCancelAccountDeletionMutation = { cancelAccountDeletion: boolean };

export type WebOidcProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type WebOidcProvidersQuery = { oidcProviders: Array<{ name: string, label: string, startUrl: string }> };

export type WebCompleteOidcSignInMutationVariables = Exact<{
  input: CompleteOidcSignInInput;
}>;


export type WebCompleteOidcSignInMutation = { completeOidcSignIn:
    | { __typename: 'AuthPayload', token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } }
    | { __typename: 'MfaChallenge', challengeToken: string, methods: Array<MfaMethod>, expiresAt: string }
   };

export type WebMyLinkedAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebMyLinkedAccountsQuery = { myLinkedAccounts: Array<{ provider: string, label: string, email: string | null, lastUsedAt: string | null }>, me: { id: string, hasPassword: boolean | null } };

export type WebStartOidcLinkMutationVariables = Exact<{
  input: StartOidcLinkInput;
}>;


export type WebStartOidcLinkMutation = { startOidcLink: { url: string } };

export type WebUnlinkAccountMutationVariables = Exact<{
  input: UnlinkAccountInput;
}>;


export type WebUnlinkAccountMutation = { unlinkAccount: { linkedAccounts: Array<{ provider: string }> } };

export type WebUserLinkedAccountsQueryVariables = Exact<{
  id: string;
}>;


export type WebUserLinkedAccountsQuery = { user: { id: string, hasPassword: boolean | null, linkedAccounts: Array<{ provider: string, label: string, email: string | null, createdAt: string, lastUsedAt: string | null }> | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const WebSessionFragmentDoc = new TypedDocumentString(`
    fragment WebSession on AuthPayload {
  token
  expiresAt
  refreshToken
  refreshTokenExpiresAt
  user {
    id
  }
}
    `, {"fragmentName":"WebSession"}) as unknown as TypedDocumentString<WebSessionFragment, unknown>;
export const WebChallengeFragmentDoc = new TypedDocumentString(`
    fragment WebChallenge on MfaChallenge {
  challengeToken
  methods
  expiresAt
}
    `, {"fragmentName":"WebChallenge"}) as unknown as TypedDocumentString<WebChallengeFragment, unknown>;
export const WebPasskeyFragmentDoc = new TypedDocumentString(`
    fragment WebPasskey on Passkey {
  id
  name
  createdAt
  lastUsedAt
  deviceType
  backedUp
  flagged
}
    `, {"fragmentName":"WebPasskey"}) as unknown as TypedDocumentString<WebPasskeyFragment, unknown>;
export const WebRegisterUserDocument = new TypedDocumentString(`
    mutation WebRegisterUser($input: RegisterUserInput!) {
  registerUser(input: $input) {
    __typename
    ...WebSession
    ...WebChallenge
    ... on EmailVerificationRequired {
      email
    }
  }
}
    fragment WebSession on AuthPayload {
  token
  expiresAt
  refreshToken
  refreshTokenExpiresAt
  user {
    id
  }
}
fragment WebChallenge on MfaChallenge {
  challengeToken
  methods
  expiresAt
}`) as unknown as TypedDocumentString<WebRegisterUserMutation, WebRegisterUserMutationVariables>;
export const WebLoginDocument = new TypedDocumentString(`
    mutation WebLogin($input: LoginInput!) {
  login(input: $input) {
    __typename
    ...WebSession
    ...WebChallenge
  }
}
    fragment WebSession on AuthPayload {
  token
  expiresAt
  refreshToken
  refreshTokenExpiresAt
  user {
    id
  }
}
fragment WebChallenge on MfaChallenge {
  challengeToken
  methods
  expiresAt
}`) as unknown as TypedDocumentString<WebLoginMutation, WebLoginMutationVariables>;
export const WebCompleteMfaSignInDocument = new TypedDocumentString(`
    mutation WebCompleteMfaSignIn($input: CompleteMfaSignInInput!) {
  completeMfaSignIn(input: $input) {
    ...WebSession
  }
}
    fragment WebSession on AuthPayload {
  token
  expiresAt
  refreshToken
  refreshTokenExpiresAt
  user {
    id
  }
}`) as unknown as TypedDocumentString<WebCompleteMfaSignInMutation, WebCompleteMfaSignInMutationVariables>;
export const WebStartMfaChallengeDocument = new TypedDocumentString(`
    mutation WebStartMfaChallenge($input: StartMfaChallengeInput!) {
  startMfaChallenge(input: $input) {
    options
  }
}
    `) as unknown as TypedDocumentString<WebStartMfaChallengeMutation, WebStartMfaChallengeMutationVariables>;
export const WebMfaStatusDocument = new TypedDocumentString(`
    query WebMfaStatus {
  me {
    id
    mfaEnabled
    mfaMethods
  }
}
    `) as unknown as TypedDocumentString<WebMfaStatusQuery, WebMfaStatusQueryVariables>;
export const WebAdminUserFactorsDocument = new TypedDocumentString(`
    query WebAdminUserFactors($id: ID!) {
  user(id: $id) {
    id
    mfaMethods
  }
}
    `) as unknown as TypedDocumentString<WebAdminUserFactorsQuery, WebAdminUserFactorsQueryVariables>;
export const WebResetUserSecondFactorsDocument = new TypedDocumentString(`
    mutation WebResetUserSecondFactors($input: ResetUserSecondFactorsInput!) {
  resetUserSecondFactors(input: $input) {
    user {
      id
      mfaMethods
    }
  }
}
    `) as unknown as TypedDocumentString<WebResetUserSecondFactorsMutation, WebResetUserSecondFactorsMutationVariables>;
export const WebStartTotpEnrollmentDocument = new TypedDocumentString(`
    mutation WebStartTotpEnrollment {
  startTotpEnrollment {
    secret
    otpauthUri
    qrCodeSvg
  }
}
    `) as unknown as TypedDocumentString<WebStartTotpEnrollmentMutation, WebStartTotpEnrollmentMutationVariables>;
export const WebConfirmTotpEnrollmentDocument = new TypedDocumentString(`
    mutation WebConfirmTotpEnrollment($input: ConfirmTotpInput!) {
  confirmTotpEnrollment(input: $input) {
    backupCodes
    session {
      ...WebSession
    }
  }
}
    fragment WebSession on AuthPayload {
  token
  expiresAt
  refreshToken
  refreshTokenExpiresAt
  user {
    id
  }
}`) as unknown as TypedDocumentString<WebConfirmTotpEnrollmentMutation, WebConfirmTotpEnrollmentMutationVariables>;
export const WebRegenerateBackupCodesDocument = new TypedDocumentString(`
    mutation WebRegenerateBackupCodes($input: RegenerateBackupCodesInput!) {
  regenerateBackupCodes(input: $input) {
    backupCodes
  }
}
    `) as unknown as TypedDocumentString<WebRegenerateBackupCodesMutation, WebRegenerateBackupCodesMutationVariables>;
export const WebDisableTotpDocument = new TypedDocumentString(`
    mutation WebDisableTotp($input: DisableTotpInput!) {
  disableTotp(input: $input) {
    user {
      id
      mfaEnabled
    }
  }
}
    `) as unknown as TypedDocumentString<WebDisableTotpMutation, WebDisableTotpMutationVariables>;
export const WebRefreshTokenDocument = new TypedDocumentString(`
    mutation WebRefreshToken($input: RefreshTokenInput!) {
  refreshToken(input: $input) {
    ...WebSession
  }
}
    fragment WebSession on AuthPayload {
  token
  expiresAt
  refreshToken
  refreshTokenExpiresAt
  user {
    id
  }
}`) as unknown as TypedDocumentString<WebRefreshTokenMutation, WebRefreshTokenMutationVariables>;
export const WebLogoutDocument = new TypedDocumentString(`
    mutation WebLogout {
  logout {
    success
  }
}
    `) as unknown as TypedDocumentString<WebLogoutMutation, WebLogoutMutationVariables>;
export const WebMeDocument = new TypedDocumentString(`
    query WebMe {
  me {
    id
    username
    email
    phone
    hasPassword
    avatarUrl
    thumbUrl: avatarUrl(size: THUMB)
    termsAccepted
    deletionScheduledFor
    role {
      id
      name
      permissions {
        name
      }
    }
    impersonatedBy {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<WebMeQuery, WebMeQueryVariables>;
export const WebUpdateProfileDocument = new TypedDocumentString(`
    mutation WebUpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    user {
      id
      username
      email
      phone
      pendingEmail
      pendingPhone
    }
  }
}
    `) as unknown as TypedDocumentString<WebUpdateProfileMutation, WebUpdateProfileMutationVariables>;
export const WebChangePasswordDocument = new TypedDocumentString(`
    mutation WebChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    success
    revokedSessions
  }
}
    `) as unknown as TypedDocumentString<WebChangePasswordMutation, WebChangePasswordMutationVariables>;
export const WebUploadAvatarDocument = new TypedDocumentString(`
    mutation WebUploadAvatar($file: Upload!) {
  uploadAvatar(file: $file) {
    user {
      id
      avatarUrl
      thumbUrl: avatarUrl(size: THUMB)
    }
  }
}
    `) as unknown as TypedDocumentString<WebUploadAvatarMutation, WebUploadAvatarMutationVariables>;
export const WebDeleteAvatarDocument = new TypedDocumentString(`
    mutation WebDeleteAvatar {
  deleteAvatar {
    removed
    user {
      id
      avatarUrl
      thumbUrl: avatarUrl(size: THUMB)
    }
  }
}
    `) as unknown as TypedDocumentString<WebDeleteAvatarMutation, WebDeleteAvatarMutationVariables>;
export const WebOnlineUsersDocument = new TypedDocumentString(`
    query WebOnlineUsers {
  onlineUsers {
    id
    username
    status
    thumbUrl: avatarUrl(size: THUMB)
  }
}
    `) as unknown as TypedDocumentString<WebOnlineUsersQuery, WebOnlineUsersQueryVariables>;
export const WebPresenceChangedDocument = new TypedDocumentString(`
    subscription WebPresenceChanged {
  presenceChanged {
    status
    at
    user {
      id
      username
      thumbUrl: avatarUrl(size: THUMB)
    }
  }
}
    `) as unknown as TypedDocumentString<WebPresenceChangedSubscription, WebPresenceChangedSubscriptionVariables>;
export const WebSetPresenceDocument = new TypedDocumentString(`
    mutation WebSetPresence($status: SettablePresenceStatus!) {
  setPresence(status: $status) {
    status
  }
}
    `) as unknown as TypedDocumentString<WebSetPresenceMutation, WebSetPresenceMutationVariables>;
export const WebMessagesDocument = new TypedDocumentString(`
    query WebMessages($withUserId: ID, $first: Int, $after: String, $last: Int, $before: String) {
  messages(
    withUserId: $withUserId
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    edges {
      cursor
      node {
        id
        content
        createdAt
        isDirect
        sender {
          id
          username
          thumbUrl: avatarUrl(size: THUMB)
        }
        recipient {
          id
          username
        }
      }
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      endCursor
      startCursor
    }
  }
}
    `) as unknown as TypedDocumentString<WebMessagesQuery, WebMessagesQueryVariables>;
export const WebMessageReceivedDocument = new TypedDocumentString(`
    subscription WebMessageReceived {
  messageReceived {
    id
    content
    createdAt
    isDirect
    sender {
      id
      username
      thumbUrl: avatarUrl(size: THUMB)
    }
    recipient {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<WebMessageReceivedSubscription, WebMessageReceivedSubscriptionVariables>;
export const WebSendMessageDocument = new TypedDocumentString(`
    mutation WebSendMessage($input: SendMessageInput!) {
  sendMessage(input: $input) {
    message {
      id
      content
      createdAt
      isDirect
      sender {
        id
        username
        thumbUrl: avatarUrl(size: THUMB)
      }
      recipient {
        id
        username
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebSendMessageMutation, WebSendMessageMutationVariables>;
export const WebNotificationsDocument = new TypedDocumentString(`
    query WebNotifications($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    edges {
      node {
        id
        kind
        title
        message
        read
        createdAt
        sender {
          id
          username
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<WebNotificationsQuery, WebNotificationsQueryVariables>;
export const WebUnreadNotificationCountDocument = new TypedDocumentString(`
    query WebUnreadNotificationCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<WebUnreadNotificationCountQuery, WebUnreadNotificationCountQueryVariables>;
export const WebNotificationReceivedDocument = new TypedDocumentString(`
    subscription WebNotificationReceived {
  notificationReceived {
    id
    kind
    title
    message
    read
    createdAt
    sender {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<WebNotificationReceivedSubscription, WebNotificationReceivedSubscriptionVariables>;
export const WebMarkNotificationReadDocument = new TypedDocumentString(`
    mutation WebMarkNotificationRead($id: ID!) {
  markNotificationRead(id: $id) {
    notification {
      id
      read
    }
  }
}
    `) as unknown as TypedDocumentString<WebMarkNotificationReadMutation, WebMarkNotificationReadMutationVariables>;
export const WebMarkAllNotificationsReadDocument = new TypedDocumentString(`
    mutation WebMarkAllNotificationsRead {
  markAllNotificationsRead {
    markedCount
  }
}
    `) as unknown as TypedDocumentString<WebMarkAllNotificationsReadMutation, WebMarkAllNotificationsReadMutationVariables>;
export const WebAdminUsersDocument = new TypedDocumentString(`
    query WebAdminUsers($search: String, $status: AccountStatus, $role: ID, $first: Int, $after: String, $last: Int, $before: String) {
  users(
    search: $search
    status: $status
    role: $role
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    edges {
      node {
        id
        username
        email
        phone
        isActive
        status
        createdAt
        thumbUrl: avatarUrl(size: THUMB)
        role {
          id
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<WebAdminUsersQuery, WebAdminUsersQueryVariables>;
export const WebRolesDocument = new TypedDocumentString(`
    query WebRoles {
  roles {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<WebRolesQuery, WebRolesQueryVariables>;
export const WebChangeUserRoleDocument = new TypedDocumentString(`
    mutation WebChangeUserRole($input: ChangeUserRoleInput!) {
  changeUserRole(input: $input) {
    user {
      id
      role {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebChangeUserRoleMutation, WebChangeUserRoleMutationVariables>;
export const WebSetUserStatusDocument = new TypedDocumentString(`
    mutation WebSetUserStatus($input: SetUserStatusInput!) {
  setUserStatus(input: $input) {
    revokedSessions
    user {
      id
      isActive
    }
  }
}
    `) as unknown as TypedDocumentString<WebSetUserStatusMutation, WebSetUserStatusMutationVariables>;
export const WebPermissionHistoryDocument = new TypedDocumentString(`
    query WebPermissionHistory($filter: PermissionHistoryFilter, $first: Int, $after: String) {
  permissionHistory(filter: $filter, first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        action
        reason
        createdAt
        actor {
          id
          username
        }
        targetUser {
          id
          username
        }
        targetRole {
          id
          name
        }
        targetPermission {
          id
          name
        }
        before
        after
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<WebPermissionHistoryQuery, WebPermissionHistoryQueryVariables>;
export const WebLoginHistoryDocument = new TypedDocumentString(`
    query WebLoginHistory($userId: ID, $success: Boolean, $first: Int, $after: String) {
  loginHistory(userId: $userId, success: $success, first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        success
        reason
        ip
        userAgent
        identifier
        createdAt
        user {
          id
          username
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<WebLoginHistoryQuery, WebLoginHistoryQueryVariables>;
export const WebSendNotificationDocument = new TypedDocumentString(`
    mutation WebSendNotification($input: SendNotificationInput!) {
  sendNotification(input: $input) {
    notification {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<WebSendNotificationMutation, WebSendNotificationMutationVariables>;
export const WebBroadcastNotificationDocument = new TypedDocumentString(`
    mutation WebBroadcastNotification($input: BroadcastNotificationInput!) {
  broadcastNotification(input: $input) {
    notification {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<WebBroadcastNotificationMutation, WebBroadcastNotificationMutationVariables>;
export const WebRequestPasswordResetDocument = new TypedDocumentString(`
    mutation WebRequestPasswordReset($input: RequestPasswordResetInput!) {
  requestPasswordReset(input: $input)
}
    `) as unknown as TypedDocumentString<WebRequestPasswordResetMutation, WebRequestPasswordResetMutationVariables>;
export const WebResetPasswordDocument = new TypedDocumentString(`
    mutation WebResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) {
    __typename
    ...WebSession
    ...WebChallenge
  }
}
    fragment WebSession on AuthPayload {
  token
  expiresAt
  refreshToken
  refreshTokenExpiresAt
  user {
    id
  }
}
fragment WebChallenge on MfaChallenge {
  challengeToken
  methods
  expiresAt
}`) as unknown as TypedDocumentString<WebResetPasswordMutation, WebResetPasswordMutationVariables>;
export const WebRequestSignInCodeDocument = new TypedDocumentString(`
    mutation WebRequestSignInCode($input: RequestSignInCodeInput!) {
  requestSignInCode(input: $input)
}
    `) as unknown as TypedDocumentString<WebRequestSignInCodeMutation, WebRequestSignInCodeMutationVariables>;
export const WebSignInWithCodeDocument = new TypedDocumentString(`
    mutation WebSignInWithCode($input: SignInWithCodeInput!) {
  signInWithCode(input: $input) {
    __typename
    ...WebSession
    ...WebChallenge
  }
}
    fragment WebSession on AuthPayload {
  token
  expiresAt
  refreshToken
  refreshTokenExpiresAt
  user {
    id
  }
}
fragment WebChallenge on MfaChallenge {
  challengeToken
  methods
  expiresAt
}`) as unknown as TypedDocumentString<WebSignInWithCodeMutation, WebSignInWithCodeMutationVariables>;
export const WebVerifyEmailDocument = new TypedDocumentString(`
    mutation WebVerifyEmail($input: VerifyEmailInput!) {
  verifyEmail(input: $input) {
    user {
      id
      emailVerified
    }
  }
}
    `) as unknown as TypedDocumentString<WebVerifyEmailMutation, WebVerifyEmailMutationVariables>;
export const WebVerificationDocument = new TypedDocumentString(`
    query WebVerification {
  me {
    id
    email
    phone
    emailVerified
    phoneVerified
    pendingEmail
    pendingPhone
  }
}
    `) as unknown as TypedDocumentString<WebVerificationQuery, WebVerificationQueryVariables>;
export const WebRequestEmailVerificationDocument = new TypedDocumentString(`
    mutation WebRequestEmailVerification {
  requestEmailVerification
}
    `) as unknown as TypedDocumentString<WebRequestEmailVerificationMutation, WebRequestEmailVerificationMutationVariables>;
export const WebRequestPhoneVerificationDocument = new TypedDocumentString(`
    mutation WebRequestPhoneVerification {
  requestPhoneVerification
}
    `) as unknown as TypedDocumentString<WebRequestPhoneVerificationMutation, WebRequestPhoneVerificationMutationVariables>;
export const WebVerifyPhoneDocument = new TypedDocumentString(`
    mutation WebVerifyPhone($input: VerifyPhoneInput!) {
  verifyPhone(input: $input) {
    user {
      id
      phoneVerified
    }
  }
}
    `) as unknown as TypedDocumentString<WebVerifyPhoneMutation, WebVerifyPhoneMutationVariables>;
export const WebStartPasskeySignInDocument = new TypedDocumentString(`
    mutation WebStartPasskeySignIn {
  startPasskeySignIn {
    challengeId
    options
  }
}
    `) as unknown as TypedDocumentString<WebStartPasskeySignInMutation, WebStartPasskeySignInMutationVariables>;
export const WebFinishPasskeySignInDocument = new TypedDocumentString(`
    mutation WebFinishPasskeySignIn($input: FinishPasskeySignInInput!) {
  finishPasskeySignIn(input: $input) {
    ...WebSession
  }
}
    fragment WebSession on AuthPayload {
  token
  expiresAt
  refreshToken
  refreshTokenExpiresAt
  user {
    id
  }
}`) as unknown as TypedDocumentString<WebFinishPasskeySignInMutation, WebFinishPasskeySignInMutationVariables>;
export const WebMyPasskeysDocument = new TypedDocumentString(`
    query WebMyPasskeys {
  myPasskeys {
    ...WebPasskey
  }
}
    fragment WebPasskey on Passkey {
  id
  name
  createdAt
  lastUsedAt
  deviceType
  backedUp
  flagged
}`) as unknown as TypedDocumentString<WebMyPasskeysQuery, WebMyPasskeysQueryVariables>;
export const WebStartPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation WebStartPasskeyRegistration {
  startPasskeyRegistration {
    options
  }
}
    `) as unknown as TypedDocumentString<WebStartPasskeyRegistrationMutation, WebStartPasskeyRegistrationMutationVariables>;
export const WebFinishPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation WebFinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {
  finishPasskeyRegistration(input: $input) {
    passkey {
      ...WebPasskey
    }
  }
}
    fragment WebPasskey on Passkey {
  id
  name
  createdAt
  lastUsedAt
  deviceType
  backedUp
  flagged
}`) as unknown as TypedDocumentString<WebFinishPasskeyRegistrationMutation, WebFinishPasskeyRegistrationMutationVariables>;
export const WebRenamePasskeyDocument = new TypedDocumentString(`
    mutation WebRenamePasskey($input: RenamePasskeyInput!) {
  renamePasskey(input: $input) {
    passkey {
      ...WebPasskey
    }
  }
}
    fragment WebPasskey on Passkey {
  id
  name
  createdAt
  lastUsedAt
  deviceType
  backedUp
  flagged
}`) as unknown as TypedDocumentString<WebRenamePasskeyMutation, WebRenamePasskeyMutationVariables>;
export const WebRemovePasskeyDocument = new TypedDocumentString(`
    mutation WebRemovePasskey($input: RemovePasskeyInput!) {
  removePasskey(input: $input) {
    removedPasskeyId
  }
}
    `) as unknown as TypedDocumentString<WebRemovePasskeyMutation, WebRemovePasskeyMutationVariables>;
export const WebAuditEventsDocument = new TypedDocumentString(`
    query WebAuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      node {
        id
        at
        action
        reason
        ip
        actor {
          id
          username
        }
        impersonator {
          id
          username
        }
        targetUser {
          id
          username
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebAuditEventsQuery, WebAuditEventsQueryVariables>;
export const WebStartImpersonationDocument = new TypedDocumentString(`
    mutation WebStartImpersonation($input: StartImpersonationInput!) {
  startImpersonation(input: $input) {
    session {
      ...WebSession
    }
  }
}
    fragment WebSession on AuthPayload {
  token
  expiresAt
  refreshToken
  refreshTokenExpiresAt
  user {
    id
  }
}`) as unknown as TypedDocumentString<WebStartImpersonationMutation, WebStartImpersonationMutationVariables>;
export const WebStopImpersonationDocument = new TypedDocumentString(`
    mutation WebStopImpersonation {
  stopImpersonation {
    success
  }
}
    `) as unknown as TypedDocumentString<WebStopImpersonationMutation, WebStopImpersonationMutationVariables>;
export const WebStartReauthenticationDocument = new TypedDocumentString(`
    mutation WebStartReauthentication {
  startReauthentication {
    options
  }
}
    `) as unknown as TypedDocumentString<WebStartReauthenticationMutation, WebStartReauthenticationMutationVariables>;
export const WebReauthPasskeysDocument = new TypedDocumentString(`
    query WebReauthPasskeys {
  myPasskeys {
    id
    flagged
  }
}
    `) as unknown as TypedDocumentString<WebReauthPasskeysQuery, WebReauthPasskeysQueryVariables>;
export const WebReauthenticateDocument = new TypedDocumentString(`
    mutation WebReauthenticate($input: ReauthenticateInput!) {
  reauthenticate(input: $input) {
    provedAt
  }
}
    `) as unknown as TypedDocumentString<WebReauthenticateMutation, WebReauthenticateMutationVariables>;
export const WebRequiredTermsDocument = new TypedDocumentString(`
    query WebRequiredTerms {
  requiredTermsVersion
}
    `) as unknown as TypedDocumentString<WebRequiredTermsQuery, WebRequiredTermsQueryVariables>;
export const WebAcceptTermsDocument = new TypedDocumentString(`
    mutation WebAcceptTerms($input: AcceptTermsInput!) {
  acceptTerms(input: $input)
}
    `) as unknown as TypedDocumentString<WebAcceptTermsMutation, WebAcceptTermsMutationVariables>;
export const WebMyDataExportsDocument = new TypedDocumentString(`
    query WebMyDataExports {
  myDataExports {
    id
    status
    url
    createdAt
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<WebMyDataExportsQuery, WebMyDataExportsQueryVariables>;
export const WebExportMyDataDocument = new TypedDocumentString(`
    mutation WebExportMyData {
  exportMyData {
    id
    status
    url
    createdAt
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<WebExportMyDataMutation, WebExportMyDataMutationVariables>;
export const WebDeleteMyAccountDocument = new TypedDocumentString(`
    mutation WebDeleteMyAccount($input: DeleteMyAccountInput!) {
  deleteMyAccount(input: $input) {
    scheduledFor
  }
}
    `) as unknown as TypedDocumentString<WebDeleteMyAccountMutation, WebDeleteMyAccountMutationVariables>;
export const WebCancelAccountDeletionDocument = new TypedDocumentString(`
    mutation WebCancelAccountDeletion {
  cancelAccountDeletion
}
    `) as unknown as TypedDocumentString<WebCancelAccountDeletionMutation, WebCancelAccountDeletionMutationVariables>;
export const WebOidcProvidersDocument = new TypedDocumentString(`
    query WebOidcProviders {
  oidcProviders {
    name
    label
    startUrl
  }
}
    `) as unknown as TypedDocumentString<WebOidcProvidersQuery, WebOidcProvidersQueryVariables>;
export const WebCompleteOidcSignInDocument = new TypedDocumentString(`
    mutation WebCompleteOidcSignIn($input: CompleteOidcSignInInput!) {
  completeOidcSignIn(input: $input) {
    __typename
    ...WebSession
    ...WebChallenge
  }
}
    fragment WebSession on AuthPayload {
  token
  expiresAt
  refreshToken
  refreshTokenExpiresAt
  user {
    id
  }
}
fragment WebChallenge on MfaChallenge {
  challengeToken
  methods
  expiresAt
}`) as unknown as TypedDocumentString<WebCompleteOidcSignInMutation, WebCompleteOidcSignInMutationVariables>;
export const WebMyLinkedAccountsDocument = new TypedDocumentString(`
    query WebMyLinkedAccounts {
  myLinkedAccounts {
    provider
    label
    email
    lastUsedAt
  }
  me {
    id
    hasPassword
  }
}
    `) as unknown as TypedDocumentString<WebMyLinkedAccountsQuery, WebMyLinkedAccountsQueryVariables>;
export const WebStartOidcLinkDocument = new TypedDocumentString(`
    mutation WebStartOidcLink($input: StartOidcLinkInput!) {
  startOidcLink(input: $input) {
    url
  }
}
    `) as unknown as TypedDocumentString<WebStartOidcLinkMutation, WebStartOidcLinkMutationVariables>;
export const WebUnlinkAccountDocument = new TypedDocumentString(`
    mutation WebUnlinkAccount($input: UnlinkAccountInput!) {
  unlinkAccount(input: $input) {
    linkedAccounts {
      provider
    }
  }
}
    `) as unknown as TypedDocumentString<WebUnlinkAccountMutation, WebUnlinkAccountMutationVariables>;
export const WebUserLinkedAccountsDocument = new TypedDocumentString(`
    query WebUserLinkedAccounts($id: ID!) {
  user(id: $id) {
    id
    hasPassword
    linkedAccounts {
      provider
      label
      email
      createdAt
      lastUsedAt
    }
  }
}
    `) as unknown as TypedDocumentString<WebUserLinkedAccountsQuery, WebUserLinkedAccountsQueryVariables>;