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

export type BroadcastNotificationInput = {
  /** Optional: 1 to 64 of A-Z, a-z, 0-9, "_" and "-" (a UUID fits), chosen by the client for this one send. A retry with the same key returns what was stored the first time, without sending it again; the same key with different content is a CONFLICT. Keys are scoped to the sender. */
  idempotencyKey?: string | null | undefined;
  /** 1 to 5000 characters. */
  message: string;
  /** 1 to 200 characters. */
  title: string;
};

export type ChangePasswordInput = {
  currentPassword: string;
  /** At least 8 characters. */
  newPassword: string;
};

export type ChangeUserRoleInput = {
  /** Why: kept in the permission history. At most 500 characters. */
  reason?: string | null | undefined;
  roleId: string;
  userId: string;
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

export type NotificationKind =
  /** Sent to everyone. */
  | 'BROADCAST'
  /** Sent to you by a user with notification:send. */
  | 'DIRECT'
  /** From the service itself, e.g. your role was changed. */
  | 'SYSTEM';

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
  | 'USER_ROLE_CHANGED';

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

export type RefreshTokenInput = {
  refreshToken: string;
};

export type RegisterUserInput = {
  /** That you accept the terms and privacy notice (`requiredTermsVersion`): required true when the server has a TERMS_VERSION. */
  acceptTerms?: boolean | null | undefined;
  email: string;
  /** At least 8 characters. */
  password: string;
  /** Any common format, e.g. 081-234-5678 or +66812345678. */
  phone: string;
  /** 3 to 32 characters: letters (any script), digits, "_", "." and "-", starting with a letter. */
  username: string;
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
  /** Why: kept in the permission history. At most 500 characters. */
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

export type WebRegisterUserMutationVariables = Exact<{
  input: RegisterUserInput;
}>;


export type WebRegisterUserMutation = { registerUser: { token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } } };

export type WebLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type WebLoginMutation = { login: { token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } } };

export type WebRefreshTokenMutationVariables = Exact<{
  input: RefreshTokenInput;
}>;


export type WebRefreshTokenMutation = { refreshToken: { token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } } };

export type WebLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type WebLogoutMutation = { logout: { success: boolean } };

export type WebMeQueryVariables = Exact<{ [key: string]: never; }>;


export type WebMeQuery = { me: { id: string, username: string, email: string | null, phone: string | null, avatarUrl: string | null, termsAccepted: boolean, deletionScheduledFor: string | null, thumbUrl: string | null, role: { id: string, name: string, permissions: Array<{ name: string }> | null } } };

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


export type WebResetPasswordMutation = { resetPassword: { token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } } };

export type WebRequestSignInCodeMutationVariables = Exact<{
  input: RequestSignInCodeInput;
}>;


export type WebRequestSignInCodeMutation = { requestSignInCode: boolean };

export type WebSignInWithCodeMutationVariables = Exact<{
  input: SignInWithCodeInput;
}>;


export type WebSignInWithCodeMutation = { signInWithCode: { token: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } } };

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
export const WebRegisterUserDocument = new TypedDocumentString(`
    mutation WebRegisterUser($input: RegisterUserInput!) {
  registerUser(input: $input) {
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
}`) as unknown as TypedDocumentString<WebRegisterUserMutation, WebRegisterUserMutationVariables>;
export const WebLoginDocument = new TypedDocumentString(`
    mutation WebLogin($input: LoginInput!) {
  login(input: $input) {
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
}`) as unknown as TypedDocumentString<WebLoginMutation, WebLoginMutationVariables>;
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
}`) as unknown as TypedDocumentString<WebResetPasswordMutation, WebResetPasswordMutationVariables>;
export const WebRequestSignInCodeDocument = new TypedDocumentString(`
    mutation WebRequestSignInCode($input: RequestSignInCodeInput!) {
  requestSignInCode(input: $input)
}
    `) as unknown as TypedDocumentString<WebRequestSignInCodeMutation, WebRequestSignInCodeMutationVariables>;
export const WebSignInWithCodeDocument = new TypedDocumentString(`
    mutation WebSignInWithCode($input: SignInWithCodeInput!) {
  signInWithCode(input: $input) {
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