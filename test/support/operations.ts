// The operations the tests send, written as a frontend team would; typed by `npm run codegen`.
import { graphql } from '../gql/index.js';

export const RegisterUser = graphql(`
  mutation RegisterUser($input: RegisterUserInput!) {
    registerUser(input: $input) {
      __typename
      ... on AuthPayload {
        token
        expiresAt
        refreshToken
        refreshTokenExpiresAt
        user {
          id
          username
          email
          phone
          isActive
          role {
            name
          }
        }
      }
      ... on MfaChallenge {
        challengeToken
        methods
        expiresAt
      }
      ... on EmailVerificationRequired {
        email
        message
      }
    }
  }
`);

export const Login = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on AuthPayload {
        token
        expiresAt
        refreshToken
        refreshTokenExpiresAt
        user {
          id
          username
          email
        }
      }
      ... on MfaChallenge {
        challengeToken
        methods
        expiresAt
      }
    }
  }
`);

export const Logout = graphql(`
  mutation Logout {
    logout {
      success
    }
  }
`);

export const Me = graphql(`
  query Me {
    me {
      id
      username
      email
      phone
      isActive
      createdAt
      role {
        name
      }
    }
  }
`);

export const UpdateProfile = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      user {
        id
        username
        email
        phone
      }
    }
  }
`);

export const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      success
      revokedSessions
    }
  }
`);

export const SendMessage = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message {
        id
        content
        isDirect
        createdAt
        sender {
          id
          username
        }
        recipient {
          id
        }
      }
    }
  }
`);

export const Messages = graphql(`
  query Messages($withUserId: ID, $first: Int, $after: String, $last: Int, $before: String) {
    messages(withUserId: $withUserId, first: $first, after: $after, last: $last, before: $before) {
      edges {
        cursor
        node {
          id
          content
          sender {
            id
          }
          recipient {
            id
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
  subscription MessageReceived {
    messageReceived {
      id
      content
      isDirect
      sender {
        id
        username
      }
      recipient {
        id
      }
    }
  }
`);

export const PresenceChanged = graphql(`
  subscription PresenceChanged {
    presenceChanged {
      status
      at
      user {
        id
        username
      }
    }
  }
`);

export const OnlineUsers = graphql(`
  query OnlineUsers {
    onlineUsers {
      id
      username
      status
      lastSeenAt
    }
  }
`);

export const SetPresence = graphql(`
  mutation SetPresence($status: SettablePresenceStatus!) {
    setPresence(status: $status) {
      status
    }
  }
`);

export const SendNotification = graphql(`
  mutation SendNotification($input: SendNotificationInput!) {
    sendNotification(input: $input) {
      notification {
        id
        kind
        title
        message
        read
      }
    }
  }
`);

export const BroadcastNotification = graphql(`
  mutation BroadcastNotification($input: BroadcastNotificationInput!) {
    broadcastNotification(input: $input) {
      notification {
        id
        kind
        title
      }
    }
  }
`);

export const NotificationReceived = graphql(`
  subscription NotificationReceived {
    notificationReceived {
      id
      kind
      title
      message
      read
      sender {
        id
      }
    }
  }
`);

export const Notifications = graphql(`
  query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {
    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
      edges {
        node {
          id
          kind
          title
          message
          read
          readAt
          sender {
            id
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

export const MarkNotificationRead = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      notification {
        id
        read
        readAt
      }
    }
  }
`);

export const MarkAllNotificationsRead = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead {
      markedCount
    }
  }
`);

export const RefreshToken = graphql(`
  mutation RefreshToken($input: RefreshTokenInput!) {
    refreshToken(input: $input) {
      token
      expiresAt
      refreshToken
      refreshTokenExpiresAt
      user {
        id
      }
    }
  }
`);

export const MySessions = graphql(`
  query MySessions {
    mySessions {
      id
      current
      ip
      userAgent
      createdAt
      lastUsedAt
      expiresAt
    }
  }
`);

export const RevokeSession = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id) {
      success
    }
  }
`);

export const RevokeOtherSessions = graphql(`
  mutation RevokeOtherSessions {
    revokeOtherSessions {
      revokedCount
    }
  }
`);

export const VerificationState = graphql(`
  query VerificationState {
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
  mutation RequestEmailVerification {
    requestEmailVerification
  }
`);

export const VerifyEmail = graphql(`
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      user {
        id
        email
        emailVerified
      }
    }
  }
`);

export const RequestPhoneVerification = graphql(`
  mutation RequestPhoneVerification {
    requestPhoneVerification
  }
`);

export const VerifyPhone = graphql(`
  mutation VerifyPhone($input: VerifyPhoneInput!) {
    verifyPhone(input: $input) {
      user {
        id
        phone
        phoneVerified
      }
    }
  }
`);

export const RequestPasswordReset = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

export const ResetPassword = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      __typename
      ... on AuthPayload {
        token
        refreshToken
        user {
          id
          username
        }
      }
      ... on MfaChallenge {
        challengeToken
        methods
        expiresAt
      }
    }
  }
`);

export const RequestSignInCode = graphql(`
  mutation RequestSignInCode($input: RequestSignInCodeInput!) {
    requestSignInCode(input: $input)
  }
`);

export const SignInWithCode = graphql(`
  mutation SignInWithCode($input: SignInWithCodeInput!) {
    signInWithCode(input: $input) {
      __typename
      ... on AuthPayload {
        token
        user {
          id
          username
        }
      }
      ... on MfaChallenge {
        challengeToken
        methods
        expiresAt
      }
    }
  }
`);

export const StartTotpEnrollment = graphql(`
  mutation StartTotpEnrollment {
    startTotpEnrollment {
      secret
      otpauthUri
      qrCodeSvg
    }
  }
`);

export const ConfirmTotpEnrollment = graphql(`
  mutation ConfirmTotpEnrollment($input: ConfirmTotpInput!) {
    confirmTotpEnrollment(input: $input) {
      backupCodes
      user {
        id
        mfaEnabled
        mfaMethods
      }
      session {
        token
        mfaEnrollmentRequired
      }
    }
  }
`);

export const CompleteMfaSignIn = graphql(`
  mutation CompleteMfaSignIn($input: CompleteMfaSignInInput!) {
    completeMfaSignIn(input: $input) {
      __typename
      token
      refreshToken
      mfaEnrollmentRequired
      user {
        id
        username
      }
    }
  }
`);

export const RegenerateBackupCodes = graphql(`
  mutation RegenerateBackupCodes($input: RegenerateBackupCodesInput!) {
    regenerateBackupCodes(input: $input) {
      backupCodes
    }
  }
`);

export const DisableTotp = graphql(`
  mutation DisableTotp($input: DisableTotpInput!) {
    disableTotp(input: $input) {
      user {
        id
        mfaEnabled
        mfaMethods
      }
    }
  }
`);

export const ResetUserSecondFactors = graphql(`
  mutation ResetUserSecondFactors($input: ResetUserSecondFactorsInput!) {
    resetUserSecondFactors(input: $input) {
      user {
        id
        mfaEnabled
        mfaMethods
      }
    }
  }
`);

export const MfaState = graphql(`
  query MfaState {
    me {
      id
      mfaEnabled
      mfaMethods
    }
  }
`);

export const UsersMfaState = graphql(`
  query UsersMfaState($search: String!) {
    users(search: $search, first: 5) {
      edges {
        node {
          id
          username
          mfaEnabled
          mfaMethods
        }
      }
    }
  }
`);

export const LoginWithSessionFlag = graphql(`
  mutation LoginWithSessionFlag($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on AuthPayload {
        token
        mfaEnrollmentRequired
      }
    }
  }
`);

export const Reauthenticate = graphql(`
  mutation Reauthenticate($input: ReauthenticateInput!) {
    reauthenticate(input: $input) {
      provedAt
    }
  }
`);
