// Every operation the web client sends, typed by `npm run codegen` (web/src/gql/; `npm test` fails when stale).
import { graphql } from './gql/index.js';

// ------------------------------------------------------------------ accounts

/** What every sign-in answers with (registration, sign-in, refresh): the tokens, and whose they are. */
export const WebSession = graphql(`
  fragment WebSession on AuthPayload {
    token
    expiresAt
    refreshToken
    refreshTokenExpiresAt
    user {
      id
    }
  }
`);

/** The second step a sign-in may answer with instead of a session (an account with a second factor). */
export const WebChallenge = graphql(`
  fragment WebChallenge on MfaChallenge {
    challengeToken
    methods
    expiresAt
  }
`);

export const RegisterUser = graphql(`
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
`);

export const Login = graphql(`
  mutation WebLogin($input: LoginInput!) {
    login(input: $input) {
      __typename
      ...WebSession
      ...WebChallenge
    }
  }
`);

export const CompleteMfaSignIn = graphql(`
  mutation WebCompleteMfaSignIn($input: CompleteMfaSignInInput!) {
    completeMfaSignIn(input: $input) {
      ...WebSession
    }
  }
`);

export const StartMfaChallenge = graphql(`
  mutation WebStartMfaChallenge($input: StartMfaChallengeInput!) {
    startMfaChallenge(input: $input) {
      options
    }
  }
`);

export const MfaStatus = graphql(`
  query WebMfaStatus {
    me {
      id
      mfaEnabled
      mfaMethods
    }
  }
`);

/** A user's second factors and their reset, in the admin user detail (holders of `user:write`). */
export const AdminUserFactors = graphql(`
  query WebAdminUserFactors($id: ID!) {
    user(id: $id) {
      id
      mfaMethods
    }
  }
`);

export const ResetUserSecondFactors = graphql(`
  mutation WebResetUserSecondFactors($input: ResetUserSecondFactorsInput!) {
    resetUserSecondFactors(input: $input) {
      user {
        id
        mfaMethods
      }
    }
  }
`);

export const StartTotpEnrollment = graphql(`
  mutation WebStartTotpEnrollment {
    startTotpEnrollment {
      secret
      otpauthUri
      qrCodeSvg
    }
  }
`);

export const ConfirmTotpEnrollment = graphql(`
  mutation WebConfirmTotpEnrollment($input: ConfirmTotpInput!) {
    confirmTotpEnrollment(input: $input) {
      backupCodes
      session {
        ...WebSession
      }
    }
  }
`);

export const RegenerateBackupCodes = graphql(`
  mutation WebRegenerateBackupCodes($input: RegenerateBackupCodesInput!) {
    regenerateBackupCodes(input: $input) {
      backupCodes
    }
  }
`);

export const DisableTotp = graphql(`
  mutation WebDisableTotp($input: DisableTotpInput!) {
    disableTotp(input: $input) {
      user {
        id
        mfaEnabled
      }
    }
  }
`);

export const RefreshToken = graphql(`
  mutation WebRefreshToken($input: RefreshTokenInput!) {
    refreshToken(input: $input) {
      ...WebSession
    }
  }
`);

export const Logout = graphql(`
  mutation WebLogout {
    logout {
      success
    }
  }
`);

/** Who is signed in, and what their role allows (Role.permissions is readable by the role's holders). */
export const Me = graphql(`
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
`);

export const UpdateProfile = graphql(`
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
`);

export const ChangePassword = graphql(`
  mutation WebChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      success
      revokedSessions
    }
  }
`);

export const UploadAvatar = graphql(`
  mutation WebUploadAvatar($file: Upload!) {
    uploadAvatar(file: $file) {
      user {
        id
        avatarUrl
        thumbUrl: avatarUrl(size: THUMB)
      }
    }
  }
`);

export const DeleteAvatar = graphql(`
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
`);

// ------------------------------------------------------------------ presence

export const OnlineUsers = graphql(`
  query WebOnlineUsers {
    onlineUsers {
      id
      username
      status
      thumbUrl: avatarUrl(size: THUMB)
    }
  }
`);

export const PresenceChanged = graphql(`
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
`);

export const SetPresence = graphql(`
  mutation WebSetPresence($status: SettablePresenceStatus!) {
    setPresence(status: $status) {
      status
    }
  }
`);

// ------------------------------------------------------------------ chat

export const Messages = graphql(`
  query WebMessages($withUserId: ID, $first: Int, $after: String, $last: Int, $before: String) {
    messages(withUserId: $withUserId, first: $first, after: $after, last: $last, before: $before) {
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
`);

export const MessageReceived = graphql(`
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
`);

export const SendMessage = graphql(`
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
`);

// ------------------------------------------------------------------ notifications

export const Notifications = graphql(`
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
`);

export const UnreadNotificationCount = graphql(`
  query WebUnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const NotificationReceived = graphql(`
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
`);

export const MarkNotificationRead = graphql(`
  mutation WebMarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      notification {
        id
        read
      }
    }
  }
`);

export const MarkAllNotificationsRead = graphql(`
  mutation WebMarkAllNotificationsRead {
    markAllNotificationsRead {
      markedCount
    }
  }
`);

// ------------------------------------------------------------------ administration

export const AdminUsers = graphql(`
  query WebAdminUsers($search: String, $status: AccountStatus, $role: ID, $first: Int, $after: String, $last: Int, $before: String) {
    users(search: $search, status: $status, role: $role, first: $first, after: $after, last: $last, before: $before) {
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
`);

export const Roles = graphql(`
  query WebRoles {
    roles {
      id
      name
    }
  }
`);

export const ChangeUserRole = graphql(`
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
`);

export const SetUserStatus = graphql(`
  mutation WebSetUserStatus($input: SetUserStatusInput!) {
    setUserStatus(input: $input) {
      revokedSessions
      user {
        id
        isActive
      }
    }
  }
`);

export const PermissionHistory = graphql(`
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
`);

export const LoginHistory = graphql(`
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
`);

export const SendNotification = graphql(`
  mutation WebSendNotification($input: SendNotificationInput!) {
    sendNotification(input: $input) {
      notification {
        id
      }
    }
  }
`);

export const BroadcastNotification = graphql(`
  mutation WebBroadcastNotification($input: BroadcastNotificationInput!) {
    broadcastNotification(input: $input) {
      notification {
        id
      }
    }
  }
`);

export const RequestPasswordReset = graphql(`
  mutation WebRequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

export const ResetPassword = graphql(`
  mutation WebResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      __typename
      ...WebSession
      ...WebChallenge
    }
  }
`);

export const RequestSignInCode = graphql(`
  mutation WebRequestSignInCode($input: RequestSignInCodeInput!) {
    requestSignInCode(input: $input)
  }
`);

export const SignInWithCode = graphql(`
  mutation WebSignInWithCode($input: SignInWithCodeInput!) {
    signInWithCode(input: $input) {
      __typename
      ...WebSession
      ...WebChallenge
    }
  }
`);

export const VerifyEmail = graphql(`
  mutation WebVerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      user {
        id
        emailVerified
      }
    }
  }
`);

export const Verification = graphql(`
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
`);

export const RequestEmailVerification = graphql(`
  mutation WebRequestEmailVerification {
    requestEmailVerification
  }
`);

export const RequestPhoneVerification = graphql(`
  mutation WebRequestPhoneVerification {
    requestPhoneVerification
  }
`);

export const VerifyPhone = graphql(`
  mutation WebVerifyPhone($input: VerifyPhoneInput!) {
    verifyPhone(input: $input) {
      user {
        id
        phoneVerified
      }
    }
  }
`);

// ------------------------------------------------------------------ passkeys

export const StartPasskeySignIn = graphql(`
  mutation WebStartPasskeySignIn {
    startPasskeySignIn {
      challengeId
      options
    }
  }
`);

export const FinishPasskeySignIn = graphql(`
  mutation WebFinishPasskeySignIn($input: FinishPasskeySignInInput!) {
    finishPasskeySignIn(input: $input) {
      ...WebSession
    }
  }
`);

export const WebPasskey = graphql(`
  fragment WebPasskey on Passkey {
    id
    name
    createdAt
    lastUsedAt
    deviceType
    backedUp
    flagged
  }
`);

export const MyPasskeys = graphql(`
  query WebMyPasskeys {
    myPasskeys {
      ...WebPasskey
    }
  }
`);

export const StartPasskeyRegistration = graphql(`
  mutation WebStartPasskeyRegistration {
    startPasskeyRegistration {
      options
    }
  }
`);

export const FinishPasskeyRegistration = graphql(`
  mutation WebFinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {
    finishPasskeyRegistration(input: $input) {
      passkey {
        ...WebPasskey
      }
    }
  }
`);

export const RenamePasskey = graphql(`
  mutation WebRenamePasskey($input: RenamePasskeyInput!) {
    renamePasskey(input: $input) {
      passkey {
        ...WebPasskey
      }
    }
  }
`);

export const RemovePasskey = graphql(`
  mutation WebRemovePasskey($input: RemovePasskeyInput!) {
    removePasskey(input: $input) {
      removedPasskeyId
    }
  }
`);

/** The audit trail for the Activity tab (needs `report:view`). */
export const AuditEvents = graphql(`
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
`);

export const StartImpersonation = graphql(`
  mutation WebStartImpersonation($input: StartImpersonationInput!) {
    startImpersonation(input: $input) {
      session {
        ...WebSession
      }
    }
  }
`);

export const StopImpersonation = graphql(`
  mutation WebStopImpersonation {
    stopImpersonation {
      success
    }
  }
`);

/** Proves again who holds the session, when a sensitive change answered REAUTH_REQUIRED (views/reauth.ts). */
export const StartReauthentication = graphql(`
  mutation WebStartReauthentication {
    startReauthentication {
      options
    }
  }
`);

/** Whether the reauthentication prompt can offer a passkey: the caller's passkeys, and whether each may still sign. */
export const ReauthPasskeys = graphql(`
  query WebReauthPasskeys {
    myPasskeys {
      id
      flagged
    }
  }
`);

export const Reauthenticate = graphql(`
  mutation WebReauthenticate($input: ReauthenticateInput!) {
    reauthenticate(input: $input) {
      provedAt
    }
  }
`);

// ---- personal data: export, deletion, consent (profile "Your data", the terms prompt)

export const RequiredTerms = graphql(`
  query WebRequiredTerms {
    requiredTermsVersion
  }
`);

export const AcceptTerms = graphql(`
  mutation WebAcceptTerms($input: AcceptTermsInput!) {
    acceptTerms(input: $input)
  }
`);

export const MyDataExports = graphql(`
  query WebMyDataExports {
    myDataExports {
      id
      status
      url
      createdAt
      expiresAt
    }
  }
`);

export const ExportMyData = graphql(`
  mutation WebExportMyData {
    exportMyData {
      id
      status
      url
      createdAt
      expiresAt
    }
  }
`);

export const DeleteMyAccount = graphql(`
  mutation WebDeleteMyAccount($input: DeleteMyAccountInput!) {
    deleteMyAccount(input: $input) {
      scheduledFor
    }
  }
`);

export const CancelAccountDeletion = graphql(`
  mutation WebCancelAccountDeletion {
    cancelAccountDeletion
  }
`);
