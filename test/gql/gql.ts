/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MyRole {\n    me {\n      id\n      role {\n        name\n        userCount\n        permissions {\n          name\n        }\n      }\n    }\n  }\n": typeof types.MyRoleDocument,
    "\n  mutation ExportMyData {\n    exportMyData {\n      id\n      status\n      url\n      expiresAt\n    }\n  }\n": typeof types.ExportMyDataDocument,
    "\n  query MyDataExports {\n    myDataExports {\n      id\n      status\n      url\n      expiresAt\n    }\n  }\n": typeof types.MyDataExportsDocument,
    "\n  mutation DeleteMyAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n": typeof types.DeleteMyAccountDocument,
    "\n  mutation CancelAccountDeletion {\n    cancelAccountDeletion\n  }\n": typeof types.CancelAccountDeletionDocument,
    "\n  query PrivacyState {\n    requiredTermsVersion\n    me {\n      id\n      termsAccepted\n      deletionScheduledFor\n    }\n  }\n": typeof types.PrivacyStateDocument,
    "\n  mutation AcceptTerms($input: AcceptTermsInput!) {\n    acceptTerms(input: $input)\n  }\n": typeof types.AcceptTermsDocument,
    "\n  query MyNotificationTitles {\n    notifications(first: 20) {\n      edges {\n        node {\n          title\n        }\n      }\n    }\n  }\n": typeof types.MyNotificationTitlesDocument,
    "mutation RegisterSquatter($input: RegisterUserInput!) { registerUser(input: $input) { ... on AuthPayload { token } } }": typeof types.RegisterSquatterDocument,
    "mutation RegisterBare($input: RegisterUserInput!) { registerUser(input: $input) { ... on AuthPayload { token user { id } } } }": typeof types.RegisterBareDocument,
    "\n  mutation TwoRoleUpdates($first: UpdateRoleInput!, $second: UpdateRoleInput!) {\n    first: updateRole(input: $first) {\n      role {\n        permissions {\n          name\n        }\n      }\n    }\n    second: updateRole(input: $second) {\n      role {\n        permissions {\n          name\n        }\n      }\n    }\n  }\n": typeof types.TwoRoleUpdatesDocument,
    "\n  mutation ExportData {\n    exportMyData {\n      id\n      status\n    }\n  }\n": typeof types.ExportDataDocument,
    "\n  query Exports {\n    myDataExports {\n      id\n      status\n      url\n    }\n  }\n": typeof types.ExportsDocument,
    "\n  mutation DeleteAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n": typeof types.DeleteAccountDocument,
    "mutation TryLogin($input: LoginInput!) { login(input: $input) { ... on AuthPayload { token } } }": typeof types.TryLoginDocument,
    "\n  query Roles {\n    roles {\n      id\n      name\n      description\n      isSystem\n      userCount\n      permissions {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RolesDocument,
    "\n  query Permissions {\n    permissions {\n      id\n      name\n      description\n      isSystem\n    }\n  }\n": typeof types.PermissionsDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      role {\n        id\n        name\n        description\n        isSystem\n        permissions {\n          name\n        }\n      }\n    }\n  }\n": typeof types.CreateRoleDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      role {\n        id\n        name\n        description\n        permissions {\n          name\n        }\n      }\n    }\n  }\n": typeof types.UpdateRoleDocument,
    "\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      deletedRoleId\n    }\n  }\n": typeof types.DeleteRoleDocument,
    "\n  mutation CreatePermission($input: CreatePermissionInput!) {\n    createPermission(input: $input) {\n      permission {\n        id\n        name\n        description\n        isSystem\n      }\n    }\n  }\n": typeof types.CreatePermissionDocument,
    "\n  mutation UpdatePermission($input: UpdatePermissionInput!) {\n    updatePermission(input: $input) {\n      permission {\n        id\n        name\n        description\n      }\n    }\n  }\n": typeof types.UpdatePermissionDocument,
    "\n  mutation DeletePermission($input: DeletePermissionInput!) {\n    deletePermission(input: $input) {\n      deletedPermissionId\n      revokedFromRoles\n    }\n  }\n": typeof types.DeletePermissionDocument,
    "\n  mutation ChangeUserRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      user {\n        id\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ChangeUserRoleDocument,
    "\n  mutation SetUserStatus($input: SetUserStatusInput!) {\n    setUserStatus(input: $input) {\n      user {\n        id\n        isActive\n      }\n      revokedSessions\n    }\n  }\n": typeof types.SetUserStatusDocument,
    "\n  mutation DeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n      revokedSessions\n    }\n  }\n": typeof types.DeleteUserDocument,
    "\n  query Users($search: String, $role: ID, $status: AccountStatus, $orderBy: UserOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    users(search: $search, role: $role, status: $status, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          username\n          email\n          phone\n          isActive\n          createdAt\n          role {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query UserIds($search: String, $first: Int, $after: String) {\n    users(search: $search, first: $first, after: $after) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.UserIdsDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      id\n      username\n      email\n      phone\n      isActive\n      deletedAt\n      role {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UserDocument,
    "\n  query PermissionHistory($filter: PermissionHistoryFilter, $first: Int, $after: String) {\n    permissionHistory(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actor {\n            id\n            username\n          }\n          targetUser {\n            id\n            username\n          }\n          targetRoleId\n          targetRole {\n            id\n            name\n          }\n          targetPermissionId\n          targetPermission {\n            id\n            name\n          }\n          before\n          after\n          reason\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.PermissionHistoryDocument,
    "\n  query UserRoleHistory($userId: ID!, $first: Int, $after: String) {\n    userRoleHistory(userId: $userId, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          action\n          actor {\n            id\n          }\n          targetUser {\n            id\n          }\n          before\n          after\n          reason\n        }\n      }\n    }\n  }\n": typeof types.UserRoleHistoryDocument,
    "\n  query LoginHistory($userId: ID, $success: Boolean, $from: DateTime, $to: DateTime, $first: Int, $after: String) {\n    loginHistory(userId: $userId, success: $success, from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          user {\n            id\n            username\n          }\n          identifier\n          success\n          reason\n          ip\n          userAgent\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.LoginHistoryDocument,
    "\n  query UserStats {\n    userStats {\n      totalUsers\n      activeUsers\n      disabledUsers\n      deletedUsers\n      byRole {\n        role {\n          name\n        }\n        count\n      }\n      byStatus {\n        status\n        count\n      }\n      newUsersPerDay {\n        date\n        count\n      }\n      loginsPerDay {\n        date\n        successful\n        failed\n        total\n      }\n    }\n  }\n": typeof types.UserStatsDocument,
    "\n  mutation UploadAvatar($file: Upload!) {\n    uploadAvatar(file: $file) {\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n        avatarUpdatedAt\n      }\n    }\n  }\n": typeof types.UploadAvatarDocument,
    "\n  mutation DeleteAvatar {\n    deleteAvatar {\n      removed\n      user {\n        id\n        avatarUrl\n        avatarUpdatedAt\n      }\n    }\n  }\n": typeof types.DeleteAvatarDocument,
    "\n  query MyAvatar {\n    me {\n      id\n      avatarUrl\n      mainUrl: avatarUrl(size: MAIN)\n      thumbUrl: avatarUrl(size: THUMB)\n      avatarUpdatedAt\n    }\n  }\n": typeof types.MyAvatarDocument,
    "\n  query OidcProviders {\n    oidcProviders {\n      name\n      label\n      startUrl\n    }\n  }\n": typeof types.OidcProvidersDocument,
    "\n  mutation CompleteOidcSignIn($input: CompleteOidcSignInInput!) {\n    completeOidcSignIn(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        refreshToken\n        user {\n          id\n          username\n          email\n          emailVerified\n          hasPassword\n          linkedAccounts {\n            provider\n            label\n            email\n          }\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n      }\n    }\n  }\n": typeof types.CompleteOidcSignInDocument,
    "\n  mutation StartOidcLink($input: StartOidcLinkInput!) {\n    startOidcLink(input: $input) {\n      url\n    }\n  }\n": typeof types.StartOidcLinkDocument,
    "\n  mutation UnlinkAccount($input: UnlinkAccountInput!) {\n    unlinkAccount(input: $input) {\n      linkedAccounts {\n        provider\n      }\n    }\n  }\n": typeof types.UnlinkAccountDocument,
    "\n  query MyLinkedAccounts {\n    myLinkedAccounts {\n      provider\n      label\n      email\n      lastUsedAt\n    }\n  }\n": typeof types.MyLinkedAccountsDocument,
    "\n  mutation RegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        expiresAt\n        refreshToken\n        refreshTokenExpiresAt\n        user {\n          id\n          username\n          email\n          phone\n          isActive\n          role {\n            name\n          }\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n      ... on EmailVerificationRequired {\n        email\n        message\n      }\n    }\n  }\n": typeof types.RegisterUserDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        expiresAt\n        refreshToken\n        refreshTokenExpiresAt\n        user {\n          id\n          username\n          email\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      success\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      email\n      phone\n      isActive\n      createdAt\n      role {\n        name\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        username\n        email\n        phone\n      }\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      success\n      revokedSessions\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        id\n        content\n        isDirect\n        createdAt\n        sender {\n          id\n          username\n        }\n        recipient {\n          id\n        }\n      }\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  query Messages($withUserId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    messages(withUserId: $withUserId, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          id\n          content\n          sender {\n            id\n          }\n          recipient {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n        startCursor\n      }\n    }\n  }\n": typeof types.MessagesDocument,
    "\n  subscription MessageReceived {\n    messageReceived {\n      id\n      content\n      isDirect\n      sender {\n        id\n        username\n      }\n      recipient {\n        id\n      }\n    }\n  }\n": typeof types.MessageReceivedDocument,
    "\n  subscription PresenceChanged {\n    presenceChanged {\n      status\n      at\n      user {\n        id\n        username\n      }\n    }\n  }\n": typeof types.PresenceChangedDocument,
    "\n  query OnlineUsers {\n    onlineUsers {\n      id\n      username\n      status\n      lastSeenAt\n    }\n  }\n": typeof types.OnlineUsersDocument,
    "\n  mutation SetPresence($status: SettablePresenceStatus!) {\n    setPresence(status: $status) {\n      status\n    }\n  }\n": typeof types.SetPresenceDocument,
    "\n  mutation SendNotification($input: SendNotificationInput!) {\n    sendNotification(input: $input) {\n      notification {\n        id\n        kind\n        title\n        message\n        read\n      }\n    }\n  }\n": typeof types.SendNotificationDocument,
    "\n  mutation BroadcastNotification($input: BroadcastNotificationInput!) {\n    broadcastNotification(input: $input) {\n      notification {\n        id\n        kind\n        title\n      }\n    }\n  }\n": typeof types.BroadcastNotificationDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n      kind\n      title\n      message\n      read\n      sender {\n        id\n      }\n    }\n  }\n": typeof types.NotificationReceivedDocument,
    "\n  query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {\n    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          title\n          message\n          read\n          readAt\n          sender {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      notification {\n        id\n        read\n        readAt\n      }\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      markedCount\n    }\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      token\n      expiresAt\n      refreshToken\n      refreshTokenExpiresAt\n      user {\n        id\n      }\n    }\n  }\n": typeof types.RefreshTokenDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      current\n      ip\n      userAgent\n      createdAt\n      lastUsedAt\n      expiresAt\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      success\n    }\n  }\n": typeof types.RevokeSessionDocument,
    "\n  mutation RevokeOtherSessions {\n    revokeOtherSessions {\n      revokedCount\n    }\n  }\n": typeof types.RevokeOtherSessionsDocument,
    "\n  query VerificationState {\n    me {\n      id\n      email\n      phone\n      emailVerified\n      phoneVerified\n      pendingEmail\n      pendingPhone\n    }\n  }\n": typeof types.VerificationStateDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification\n  }\n": typeof types.RequestEmailVerificationDocument,
    "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        id\n        email\n        emailVerified\n      }\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation RequestPhoneVerification {\n    requestPhoneVerification\n  }\n": typeof types.RequestPhoneVerificationDocument,
    "\n  mutation VerifyPhone($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      user {\n        id\n        phone\n        phoneVerified\n      }\n    }\n  }\n": typeof types.VerifyPhoneDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        refreshToken\n        user {\n          id\n          username\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation RequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input)\n  }\n": typeof types.RequestSignInCodeDocument,
    "\n  mutation SignInWithCode($input: SignInWithCodeInput!) {\n    signInWithCode(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        user {\n          id\n          username\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n    }\n  }\n": typeof types.SignInWithCodeDocument,
    "\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n": typeof types.StartTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($input: ConfirmTotpInput!) {\n    confirmTotpEnrollment(input: $input) {\n      backupCodes\n      user {\n        id\n        mfaEnabled\n        mfaMethods\n      }\n      session {\n        token\n        mfaEnrollmentRequired\n      }\n    }\n  }\n": typeof types.ConfirmTotpEnrollmentDocument,
    "\n  mutation CompleteMfaSignIn($input: CompleteMfaSignInInput!) {\n    completeMfaSignIn(input: $input) {\n      __typename\n      token\n      refreshToken\n      mfaEnrollmentRequired\n      user {\n        id\n        username\n      }\n    }\n  }\n": typeof types.CompleteMfaSignInDocument,
    "\n  mutation RegenerateBackupCodes($input: RegenerateBackupCodesInput!) {\n    regenerateBackupCodes(input: $input) {\n      backupCodes\n    }\n  }\n": typeof types.RegenerateBackupCodesDocument,
    "\n  mutation DisableTotp($input: DisableTotpInput!) {\n    disableTotp(input: $input) {\n      user {\n        id\n        mfaEnabled\n        mfaMethods\n      }\n    }\n  }\n": typeof types.DisableTotpDocument,
    "\n  mutation ResetUserSecondFactors($input: ResetUserSecondFactorsInput!) {\n    resetUserSecondFactors(input: $input) {\n      user {\n        id\n        mfaEnabled\n        mfaMethods\n      }\n    }\n  }\n": typeof types.ResetUserSecondFactorsDocument,
    "\n  query MfaState {\n    me {\n      id\n      mfaEnabled\n      mfaMethods\n    }\n  }\n": typeof types.MfaStateDocument,
    "\n  query UsersMfaState($search: String!) {\n    users(search: $search, first: 5) {\n      edges {\n        node {\n          id\n          username\n          mfaEnabled\n          mfaMethods\n        }\n      }\n    }\n  }\n": typeof types.UsersMfaStateDocument,
    "\n  mutation LoginWithSessionFlag($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        mfaEnrollmentRequired\n      }\n    }\n  }\n": typeof types.LoginWithSessionFlagDocument,
    "\n  mutation Reauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      provedAt\n    }\n  }\n": typeof types.ReauthenticateDocument,
    "\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration {\n      options\n    }\n  }\n": typeof types.StartPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      passkey {\n        id\n        name\n        createdAt\n        lastUsedAt\n        deviceType\n        backedUp\n        flagged\n      }\n    }\n  }\n": typeof types.FinishPasskeyRegistrationDocument,
    "\n  query MyPasskeys {\n    myPasskeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n      deviceType\n      backedUp\n      flagged\n    }\n  }\n": typeof types.MyPasskeysDocument,
    "\n  mutation RenamePasskey($input: RenamePasskeyInput!) {\n    renamePasskey(input: $input) {\n      passkey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RenamePasskeyDocument,
    "\n  mutation RemovePasskey($input: RemovePasskeyInput!) {\n    removePasskey(input: $input) {\n      removedPasskeyId\n    }\n  }\n": typeof types.RemovePasskeyDocument,
    "\n  mutation StartPasskeySignIn {\n    startPasskeySignIn {\n      challengeId\n      options\n    }\n  }\n": typeof types.StartPasskeySignInDocument,
    "\n  mutation FinishPasskeySignIn($input: FinishPasskeySignInInput!) {\n    finishPasskeySignIn(input: $input) {\n      token\n      refreshToken\n      user {\n        id\n        username\n      }\n    }\n  }\n": typeof types.FinishPasskeySignInDocument,
    "\n  mutation StartMfaChallenge($input: StartMfaChallengeInput!) {\n    startMfaChallenge(input: $input) {\n      options\n    }\n  }\n": typeof types.StartMfaChallengeDocument,
    "\n  mutation StartReauthentication {\n    startReauthentication {\n      options\n    }\n  }\n": typeof types.StartReauthenticationDocument,
};
const documents: Documents = {
    "\n  query MyRole {\n    me {\n      id\n      role {\n        name\n        userCount\n        permissions {\n          name\n        }\n      }\n    }\n  }\n": types.MyRoleDocument,
    "\n  mutation ExportMyData {\n    exportMyData {\n      id\n      status\n      url\n      expiresAt\n    }\n  }\n": types.ExportMyDataDocument,
    "\n  query MyDataExports {\n    myDataExports {\n      id\n      status\n      url\n      expiresAt\n    }\n  }\n": types.MyDataExportsDocument,
    "\n  mutation DeleteMyAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n": types.DeleteMyAccountDocument,
    "\n  mutation CancelAccountDeletion {\n    cancelAccountDeletion\n  }\n": types.CancelAccountDeletionDocument,
    "\n  query PrivacyState {\n    requiredTermsVersion\n    me {\n      id\n      termsAccepted\n      deletionScheduledFor\n    }\n  }\n": types.PrivacyStateDocument,
    "\n  mutation AcceptTerms($input: AcceptTermsInput!) {\n    acceptTerms(input: $input)\n  }\n": types.AcceptTermsDocument,
    "\n  query MyNotificationTitles {\n    notifications(first: 20) {\n      edges {\n        node {\n          title\n        }\n      }\n    }\n  }\n": types.MyNotificationTitlesDocument,
    "mutation RegisterSquatter($input: RegisterUserInput!) { registerUser(input: $input) { ... on AuthPayload { token } } }": types.RegisterSquatterDocument,
    "mutation RegisterBare($input: RegisterUserInput!) { registerUser(input: $input) { ... on AuthPayload { token user { id } } } }": types.RegisterBareDocument,
    "\n  mutation TwoRoleUpdates($first: UpdateRoleInput!, $second: UpdateRoleInput!) {\n    first: updateRole(input: $first) {\n      role {\n        permissions {\n          name\n        }\n      }\n    }\n    second: updateRole(input: $second) {\n      role {\n        permissions {\n          name\n        }\n      }\n    }\n  }\n": types.TwoRoleUpdatesDocument,
    "\n  mutation ExportData {\n    exportMyData {\n      id\n      status\n    }\n  }\n": types.ExportDataDocument,
    "\n  query Exports {\n    myDataExports {\n      id\n      status\n      url\n    }\n  }\n": types.ExportsDocument,
    "\n  mutation DeleteAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n": types.DeleteAccountDocument,
    "mutation TryLogin($input: LoginInput!) { login(input: $input) { ... on AuthPayload { token } } }": types.TryLoginDocument,
    "\n  query Roles {\n    roles {\n      id\n      name\n      description\n      isSystem\n      userCount\n      permissions {\n        id\n        name\n      }\n    }\n  }\n": types.RolesDocument,
    "\n  query Permissions {\n    permissions {\n      id\n      name\n      description\n      isSystem\n    }\n  }\n": types.PermissionsDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      role {\n        id\n        name\n        description\n        isSystem\n        permissions {\n          name\n        }\n      }\n    }\n  }\n": types.CreateRoleDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      role {\n        id\n        name\n        description\n        permissions {\n          name\n        }\n      }\n    }\n  }\n": types.UpdateRoleDocument,
    "\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      deletedRoleId\n    }\n  }\n": types.DeleteRoleDocument,
    "\n  mutation CreatePermission($input: CreatePermissionInput!) {\n    createPermission(input: $input) {\n      permission {\n        id\n        name\n        description\n        isSystem\n      }\n    }\n  }\n": types.CreatePermissionDocument,
    "\n  mutation UpdatePermission($input: UpdatePermissionInput!) {\n    updatePermission(input: $input) {\n      permission {\n        id\n        name\n        description\n      }\n    }\n  }\n": types.UpdatePermissionDocument,
    "\n  mutation DeletePermission($input: DeletePermissionInput!) {\n    deletePermission(input: $input) {\n      deletedPermissionId\n      revokedFromRoles\n    }\n  }\n": types.DeletePermissionDocument,
    "\n  mutation ChangeUserRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      user {\n        id\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ChangeUserRoleDocument,
    "\n  mutation SetUserStatus($input: SetUserStatusInput!) {\n    setUserStatus(input: $input) {\n      user {\n        id\n        isActive\n      }\n      revokedSessions\n    }\n  }\n": types.SetUserStatusDocument,
    "\n  mutation DeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n      revokedSessions\n    }\n  }\n": types.DeleteUserDocument,
    "\n  query Users($search: String, $role: ID, $status: AccountStatus, $orderBy: UserOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    users(search: $search, role: $role, status: $status, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          username\n          email\n          phone\n          isActive\n          createdAt\n          role {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  query UserIds($search: String, $first: Int, $after: String) {\n    users(search: $search, first: $first, after: $after) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.UserIdsDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      id\n      username\n      email\n      phone\n      isActive\n      deletedAt\n      role {\n        id\n        name\n      }\n    }\n  }\n": types.UserDocument,
    "\n  query PermissionHistory($filter: PermissionHistoryFilter, $first: Int, $after: String) {\n    permissionHistory(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actor {\n            id\n            username\n          }\n          targetUser {\n            id\n            username\n          }\n          targetRoleId\n          targetRole {\n            id\n            name\n          }\n          targetPermissionId\n          targetPermission {\n            id\n            name\n          }\n          before\n          after\n          reason\n          createdAt\n        }\n      }\n    }\n  }\n": types.PermissionHistoryDocument,
    "\n  query UserRoleHistory($userId: ID!, $first: Int, $after: String) {\n    userRoleHistory(userId: $userId, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          action\n          actor {\n            id\n          }\n          targetUser {\n            id\n          }\n          before\n          after\n          reason\n        }\n      }\n    }\n  }\n": types.UserRoleHistoryDocument,
    "\n  query LoginHistory($userId: ID, $success: Boolean, $from: DateTime, $to: DateTime, $first: Int, $after: String) {\n    loginHistory(userId: $userId, success: $success, from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          user {\n            id\n            username\n          }\n          identifier\n          success\n          reason\n          ip\n          userAgent\n          createdAt\n        }\n      }\n    }\n  }\n": types.LoginHistoryDocument,
    "\n  query UserStats {\n    userStats {\n      totalUsers\n      activeUsers\n      disabledUsers\n      deletedUsers\n      byRole {\n        role {\n          name\n        }\n        count\n      }\n      byStatus {\n        status\n        count\n      }\n      newUsersPerDay {\n        date\n        count\n      }\n      loginsPerDay {\n        date\n        successful\n        failed\n        total\n      }\n    }\n  }\n": types.UserStatsDocument,
    "\n  mutation UploadAvatar($file: Upload!) {\n    uploadAvatar(file: $file) {\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n        avatarUpdatedAt\n      }\n    }\n  }\n": types.UploadAvatarDocument,
    "\n  mutation DeleteAvatar {\n    deleteAvatar {\n      removed\n      user {\n        id\n        avatarUrl\n        avatarUpdatedAt\n      }\n    }\n  }\n": types.DeleteAvatarDocument,
    "\n  query MyAvatar {\n    me {\n      id\n      avatarUrl\n      mainUrl: avatarUrl(size: MAIN)\n      thumbUrl: avatarUrl(size: THUMB)\n      avatarUpdatedAt\n    }\n  }\n": types.MyAvatarDocument,
    "\n  query OidcProviders {\n    oidcProviders {\n      name\n      label\n      startUrl\n    }\n  }\n": types.OidcProvidersDocument,
    "\n  mutation CompleteOidcSignIn($input: CompleteOidcSignInInput!) {\n    completeOidcSignIn(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        refreshToken\n        user {\n          id\n          username\n          email\n          emailVerified\n          hasPassword\n          linkedAccounts {\n            provider\n            label\n            email\n          }\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n      }\n    }\n  }\n": types.CompleteOidcSignInDocument,
    "\n  mutation StartOidcLink($input: StartOidcLinkInput!) {\n    startOidcLink(input: $input) {\n      url\n    }\n  }\n": types.StartOidcLinkDocument,
    "\n  mutation UnlinkAccount($input: UnlinkAccountInput!) {\n    unlinkAccount(input: $input) {\n      linkedAccounts {\n        provider\n      }\n    }\n  }\n": types.UnlinkAccountDocument,
    "\n  query MyLinkedAccounts {\n    myLinkedAccounts {\n      provider\n      label\n      email\n      lastUsedAt\n    }\n  }\n": types.MyLinkedAccountsDocument,
    "\n  mutation RegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        expiresAt\n        refreshToken\n        refreshTokenExpiresAt\n        user {\n          id\n          username\n          email\n          phone\n          isActive\n          role {\n            name\n          }\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n      ... on EmailVerificationRequired {\n        email\n        message\n      }\n    }\n  }\n": types.RegisterUserDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        expiresAt\n        refreshToken\n        refreshTokenExpiresAt\n        user {\n          id\n          username\n          email\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      success\n    }\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      email\n      phone\n      isActive\n      createdAt\n      role {\n        name\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        username\n        email\n        phone\n      }\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      success\n      revokedSessions\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        id\n        content\n        isDirect\n        createdAt\n        sender {\n          id\n          username\n        }\n        recipient {\n          id\n        }\n      }\n    }\n  }\n": types.SendMessageDocument,
    "\n  query Messages($withUserId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    messages(withUserId: $withUserId, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          id\n          content\n          sender {\n            id\n          }\n          recipient {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n        startCursor\n      }\n    }\n  }\n": types.MessagesDocument,
    "\n  subscription MessageReceived {\n    messageReceived {\n      id\n      content\n      isDirect\n      sender {\n        id\n        username\n      }\n      recipient {\n        id\n      }\n    }\n  }\n": types.MessageReceivedDocument,
    "\n  subscription PresenceChanged {\n    presenceChanged {\n      status\n      at\n      user {\n        id\n        username\n      }\n    }\n  }\n": types.PresenceChangedDocument,
    "\n  query OnlineUsers {\n    onlineUsers {\n      id\n      username\n      status\n      lastSeenAt\n    }\n  }\n": types.OnlineUsersDocument,
    "\n  mutation SetPresence($status: SettablePresenceStatus!) {\n    setPresence(status: $status) {\n      status\n    }\n  }\n": types.SetPresenceDocument,
    "\n  mutation SendNotification($input: SendNotificationInput!) {\n    sendNotification(input: $input) {\n      notification {\n        id\n        kind\n        title\n        message\n        read\n      }\n    }\n  }\n": types.SendNotificationDocument,
    "\n  mutation BroadcastNotification($input: BroadcastNotificationInput!) {\n    broadcastNotification(input: $input) {\n      notification {\n        id\n        kind\n        title\n      }\n    }\n  }\n": types.BroadcastNotificationDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n      kind\n      title\n      message\n      read\n      sender {\n        id\n      }\n    }\n  }\n": types.NotificationReceivedDocument,
    "\n  query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {\n    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          title\n          message\n          read\n          readAt\n          sender {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      notification {\n        id\n        read\n        readAt\n      }\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      markedCount\n    }\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      token\n      expiresAt\n      refreshToken\n      refreshTokenExpiresAt\n      user {\n        id\n      }\n    }\n  }\n": types.RefreshTokenDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      current\n      ip\n      userAgent\n      createdAt\n      lastUsedAt\n      expiresAt\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      success\n    }\n  }\n": types.RevokeSessionDocument,
    "\n  mutation RevokeOtherSessions {\n    revokeOtherSessions {\n      revokedCount\n    }\n  }\n": types.RevokeOtherSessionsDocument,
    "\n  query VerificationState {\n    me {\n      id\n      email\n      phone\n      emailVerified\n      phoneVerified\n      pendingEmail\n      pendingPhone\n    }\n  }\n": types.VerificationStateDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification\n  }\n": types.RequestEmailVerificationDocument,
    "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        id\n        email\n        emailVerified\n      }\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  mutation RequestPhoneVerification {\n    requestPhoneVerification\n  }\n": types.RequestPhoneVerificationDocument,
    "\n  mutation VerifyPhone($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      user {\n        id\n        phone\n        phoneVerified\n      }\n    }\n  }\n": types.VerifyPhoneDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        refreshToken\n        user {\n          id\n          username\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation RequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input)\n  }\n": types.RequestSignInCodeDocument,
    "\n  mutation SignInWithCode($input: SignInWithCodeInput!) {\n    signInWithCode(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        user {\n          id\n          username\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n    }\n  }\n": types.SignInWithCodeDocument,
    "\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n": types.StartTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($input: ConfirmTotpInput!) {\n    confirmTotpEnrollment(input: $input) {\n      backupCodes\n      user {\n        id\n        mfaEnabled\n        mfaMethods\n      }\n      session {\n        token\n        mfaEnrollmentRequired\n      }\n    }\n  }\n": types.ConfirmTotpEnrollmentDocument,
    "\n  mutation CompleteMfaSignIn($input: CompleteMfaSignInInput!) {\n    completeMfaSignIn(input: $input) {\n      __typename\n      token\n      refreshToken\n      mfaEnrollmentRequired\n      user {\n        id\n        username\n      }\n    }\n  }\n": types.CompleteMfaSignInDocument,
    "\n  mutation RegenerateBackupCodes($input: RegenerateBackupCodesInput!) {\n    regenerateBackupCodes(input: $input) {\n      backupCodes\n    }\n  }\n": types.RegenerateBackupCodesDocument,
    "\n  mutation DisableTotp($input: DisableTotpInput!) {\n    disableTotp(input: $input) {\n      user {\n        id\n        mfaEnabled\n        mfaMethods\n      }\n    }\n  }\n": types.DisableTotpDocument,
    "\n  mutation ResetUserSecondFactors($input: ResetUserSecondFactorsInput!) {\n    resetUserSecondFactors(input: $input) {\n      user {\n        id\n        mfaEnabled\n        mfaMethods\n      }\n    }\n  }\n": types.ResetUserSecondFactorsDocument,
    "\n  query MfaState {\n    me {\n      id\n      mfaEnabled\n      mfaMethods\n    }\n  }\n": types.MfaStateDocument,
    "\n  query UsersMfaState($search: String!) {\n    users(search: $search, first: 5) {\n      edges {\n        node {\n          id\n          username\n          mfaEnabled\n          mfaMethods\n        }\n      }\n    }\n  }\n": types.UsersMfaStateDocument,
    "\n  mutation LoginWithSessionFlag($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        mfaEnrollmentRequired\n      }\n    }\n  }\n": types.LoginWithSessionFlagDocument,
    "\n  mutation Reauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      provedAt\n    }\n  }\n": types.ReauthenticateDocument,
    "\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration {\n      options\n    }\n  }\n": types.StartPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      passkey {\n        id\n        name\n        createdAt\n        lastUsedAt\n        deviceType\n        backedUp\n        flagged\n      }\n    }\n  }\n": types.FinishPasskeyRegistrationDocument,
    "\n  query MyPasskeys {\n    myPasskeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n      deviceType\n      backedUp\n      flagged\n    }\n  }\n": types.MyPasskeysDocument,
    "\n  mutation RenamePasskey($input: RenamePasskeyInput!) {\n    renamePasskey(input: $input) {\n      passkey {\n        id\n        name\n      }\n    }\n  }\n": types.RenamePasskeyDocument,
    "\n  mutation RemovePasskey($input: RemovePasskeyInput!) {\n    removePasskey(input: $input) {\n      removedPasskeyId\n    }\n  }\n": types.RemovePasskeyDocument,
    "\n  mutation StartPasskeySignIn {\n    startPasskeySignIn {\n      challengeId\n      options\n    }\n  }\n": types.StartPasskeySignInDocument,
    "\n  mutation FinishPasskeySignIn($input: FinishPasskeySignInInput!) {\n    finishPasskeySignIn(input: $input) {\n      token\n      refreshToken\n      user {\n        id\n        username\n      }\n    }\n  }\n": types.FinishPasskeySignInDocument,
    "\n  mutation StartMfaChallenge($input: StartMfaChallengeInput!) {\n    startMfaChallenge(input: $input) {\n      options\n    }\n  }\n": types.StartMfaChallengeDocument,
    "\n  mutation StartReauthentication {\n    startReauthentication {\n      options\n    }\n  }\n": types.StartReauthenticationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRole {\n    me {\n      id\n      role {\n        name\n        userCount\n        permissions {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyRole {\n    me {\n      id\n      role {\n        name\n        userCount\n        permissions {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportMyData {\n    exportMyData {\n      id\n      status\n      url\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ExportMyData {\n    exportMyData {\n      id\n      status\n      url\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDataExports {\n    myDataExports {\n      id\n      status\n      url\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query MyDataExports {\n    myDataExports {\n      id\n      status\n      url\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMyAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteMyAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelAccountDeletion {\n    cancelAccountDeletion\n  }\n"): (typeof documents)["\n  mutation CancelAccountDeletion {\n    cancelAccountDeletion\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrivacyState {\n    requiredTermsVersion\n    me {\n      id\n      termsAccepted\n      deletionScheduledFor\n    }\n  }\n"): (typeof documents)["\n  query PrivacyState {\n    requiredTermsVersion\n    me {\n      id\n      termsAccepted\n      deletionScheduledFor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptTerms($input: AcceptTermsInput!) {\n    acceptTerms(input: $input)\n  }\n"): (typeof documents)["\n  mutation AcceptTerms($input: AcceptTermsInput!) {\n    acceptTerms(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotificationTitles {\n    notifications(first: 20) {\n      edges {\n        node {\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyNotificationTitles {\n    notifications(first: 20) {\n      edges {\n        node {\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterSquatter($input: RegisterUserInput!) { registerUser(input: $input) { ... on AuthPayload { token } } }"): (typeof documents)["mutation RegisterSquatter($input: RegisterUserInput!) { registerUser(input: $input) { ... on AuthPayload { token } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterBare($input: RegisterUserInput!) { registerUser(input: $input) { ... on AuthPayload { token user { id } } } }"): (typeof documents)["mutation RegisterBare($input: RegisterUserInput!) { registerUser(input: $input) { ... on AuthPayload { token user { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TwoRoleUpdates($first: UpdateRoleInput!, $second: UpdateRoleInput!) {\n    first: updateRole(input: $first) {\n      role {\n        permissions {\n          name\n        }\n      }\n    }\n    second: updateRole(input: $second) {\n      role {\n        permissions {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TwoRoleUpdates($first: UpdateRoleInput!, $second: UpdateRoleInput!) {\n    first: updateRole(input: $first) {\n      role {\n        permissions {\n          name\n        }\n      }\n    }\n    second: updateRole(input: $second) {\n      role {\n        permissions {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportData {\n    exportMyData {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ExportData {\n    exportMyData {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Exports {\n    myDataExports {\n      id\n      status\n      url\n    }\n  }\n"): (typeof documents)["\n  query Exports {\n    myDataExports {\n      id\n      status\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TryLogin($input: LoginInput!) { login(input: $input) { ... on AuthPayload { token } } }"): (typeof documents)["mutation TryLogin($input: LoginInput!) { login(input: $input) { ... on AuthPayload { token } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    roles {\n      id\n      name\n      description\n      isSystem\n      userCount\n      permissions {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Roles {\n    roles {\n      id\n      name\n      description\n      isSystem\n      userCount\n      permissions {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Permissions {\n    permissions {\n      id\n      name\n      description\n      isSystem\n    }\n  }\n"): (typeof documents)["\n  query Permissions {\n    permissions {\n      id\n      name\n      description\n      isSystem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      role {\n        id\n        name\n        description\n        isSystem\n        permissions {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      role {\n        id\n        name\n        description\n        isSystem\n        permissions {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      role {\n        id\n        name\n        description\n        permissions {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      role {\n        id\n        name\n        description\n        permissions {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      deletedRoleId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      deletedRoleId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePermission($input: CreatePermissionInput!) {\n    createPermission(input: $input) {\n      permission {\n        id\n        name\n        description\n        isSystem\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePermission($input: CreatePermissionInput!) {\n    createPermission(input: $input) {\n      permission {\n        id\n        name\n        description\n        isSystem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePermission($input: UpdatePermissionInput!) {\n    updatePermission(input: $input) {\n      permission {\n        id\n        name\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePermission($input: UpdatePermissionInput!) {\n    updatePermission(input: $input) {\n      permission {\n        id\n        name\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePermission($input: DeletePermissionInput!) {\n    deletePermission(input: $input) {\n      deletedPermissionId\n      revokedFromRoles\n    }\n  }\n"): (typeof documents)["\n  mutation DeletePermission($input: DeletePermissionInput!) {\n    deletePermission(input: $input) {\n      deletedPermissionId\n      revokedFromRoles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeUserRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      user {\n        id\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeUserRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      user {\n        id\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserStatus($input: SetUserStatusInput!) {\n    setUserStatus(input: $input) {\n      user {\n        id\n        isActive\n      }\n      revokedSessions\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserStatus($input: SetUserStatusInput!) {\n    setUserStatus(input: $input) {\n      user {\n        id\n        isActive\n      }\n      revokedSessions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n      revokedSessions\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n      revokedSessions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($search: String, $role: ID, $status: AccountStatus, $orderBy: UserOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    users(search: $search, role: $role, status: $status, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          username\n          email\n          phone\n          isActive\n          createdAt\n          role {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($search: String, $role: ID, $status: AccountStatus, $orderBy: UserOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    users(search: $search, role: $role, status: $status, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          username\n          email\n          phone\n          isActive\n          createdAt\n          role {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserIds($search: String, $first: Int, $after: String) {\n    users(search: $search, first: $first, after: $after) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserIds($search: String, $first: Int, $after: String) {\n    users(search: $search, first: $first, after: $after) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($id: ID!) {\n    user(id: $id) {\n      id\n      username\n      email\n      phone\n      isActive\n      deletedAt\n      role {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query User($id: ID!) {\n    user(id: $id) {\n      id\n      username\n      email\n      phone\n      isActive\n      deletedAt\n      role {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PermissionHistory($filter: PermissionHistoryFilter, $first: Int, $after: String) {\n    permissionHistory(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actor {\n            id\n            username\n          }\n          targetUser {\n            id\n            username\n          }\n          targetRoleId\n          targetRole {\n            id\n            name\n          }\n          targetPermissionId\n          targetPermission {\n            id\n            name\n          }\n          before\n          after\n          reason\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PermissionHistory($filter: PermissionHistoryFilter, $first: Int, $after: String) {\n    permissionHistory(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actor {\n            id\n            username\n          }\n          targetUser {\n            id\n            username\n          }\n          targetRoleId\n          targetRole {\n            id\n            name\n          }\n          targetPermissionId\n          targetPermission {\n            id\n            name\n          }\n          before\n          after\n          reason\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserRoleHistory($userId: ID!, $first: Int, $after: String) {\n    userRoleHistory(userId: $userId, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          action\n          actor {\n            id\n          }\n          targetUser {\n            id\n          }\n          before\n          after\n          reason\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserRoleHistory($userId: ID!, $first: Int, $after: String) {\n    userRoleHistory(userId: $userId, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          action\n          actor {\n            id\n          }\n          targetUser {\n            id\n          }\n          before\n          after\n          reason\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoginHistory($userId: ID, $success: Boolean, $from: DateTime, $to: DateTime, $first: Int, $after: String) {\n    loginHistory(userId: $userId, success: $success, from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          user {\n            id\n            username\n          }\n          identifier\n          success\n          reason\n          ip\n          userAgent\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoginHistory($userId: ID, $success: Boolean, $from: DateTime, $to: DateTime, $first: Int, $after: String) {\n    loginHistory(userId: $userId, success: $success, from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          user {\n            id\n            username\n          }\n          identifier\n          success\n          reason\n          ip\n          userAgent\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserStats {\n    userStats {\n      totalUsers\n      activeUsers\n      disabledUsers\n      deletedUsers\n      byRole {\n        role {\n          name\n        }\n        count\n      }\n      byStatus {\n        status\n        count\n      }\n      newUsersPerDay {\n        date\n        count\n      }\n      loginsPerDay {\n        date\n        successful\n        failed\n        total\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserStats {\n    userStats {\n      totalUsers\n      activeUsers\n      disabledUsers\n      deletedUsers\n      byRole {\n        role {\n          name\n        }\n        count\n      }\n      byStatus {\n        status\n        count\n      }\n      newUsersPerDay {\n        date\n        count\n      }\n      loginsPerDay {\n        date\n        successful\n        failed\n        total\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadAvatar($file: Upload!) {\n    uploadAvatar(file: $file) {\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n        avatarUpdatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UploadAvatar($file: Upload!) {\n    uploadAvatar(file: $file) {\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n        avatarUpdatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAvatar {\n    deleteAvatar {\n      removed\n      user {\n        id\n        avatarUrl\n        avatarUpdatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteAvatar {\n    deleteAvatar {\n      removed\n      user {\n        id\n        avatarUrl\n        avatarUpdatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAvatar {\n    me {\n      id\n      avatarUrl\n      mainUrl: avatarUrl(size: MAIN)\n      thumbUrl: avatarUrl(size: THUMB)\n      avatarUpdatedAt\n    }\n  }\n"): (typeof documents)["\n  query MyAvatar {\n    me {\n      id\n      avatarUrl\n      mainUrl: avatarUrl(size: MAIN)\n      thumbUrl: avatarUrl(size: THUMB)\n      avatarUpdatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OidcProviders {\n    oidcProviders {\n      name\n      label\n      startUrl\n    }\n  }\n"): (typeof documents)["\n  query OidcProviders {\n    oidcProviders {\n      name\n      label\n      startUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteOidcSignIn($input: CompleteOidcSignInInput!) {\n    completeOidcSignIn(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        refreshToken\n        user {\n          id\n          username\n          email\n          emailVerified\n          hasPassword\n          linkedAccounts {\n            provider\n            label\n            email\n          }\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteOidcSignIn($input: CompleteOidcSignInInput!) {\n    completeOidcSignIn(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        refreshToken\n        user {\n          id\n          username\n          email\n          emailVerified\n          hasPassword\n          linkedAccounts {\n            provider\n            label\n            email\n          }\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartOidcLink($input: StartOidcLinkInput!) {\n    startOidcLink(input: $input) {\n      url\n    }\n  }\n"): (typeof documents)["\n  mutation StartOidcLink($input: StartOidcLinkInput!) {\n    startOidcLink(input: $input) {\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkAccount($input: UnlinkAccountInput!) {\n    unlinkAccount(input: $input) {\n      linkedAccounts {\n        provider\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnlinkAccount($input: UnlinkAccountInput!) {\n    unlinkAccount(input: $input) {\n      linkedAccounts {\n        provider\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyLinkedAccounts {\n    myLinkedAccounts {\n      provider\n      label\n      email\n      lastUsedAt\n    }\n  }\n"): (typeof documents)["\n  query MyLinkedAccounts {\n    myLinkedAccounts {\n      provider\n      label\n      email\n      lastUsedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        expiresAt\n        refreshToken\n        refreshTokenExpiresAt\n        user {\n          id\n          username\n          email\n          phone\n          isActive\n          role {\n            name\n          }\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n      ... on EmailVerificationRequired {\n        email\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        expiresAt\n        refreshToken\n        refreshTokenExpiresAt\n        user {\n          id\n          username\n          email\n          phone\n          isActive\n          role {\n            name\n          }\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n      ... on EmailVerificationRequired {\n        email\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        expiresAt\n        refreshToken\n        refreshTokenExpiresAt\n        user {\n          id\n          username\n          email\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        expiresAt\n        refreshToken\n        refreshTokenExpiresAt\n        user {\n          id\n          username\n          email\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout {\n      success\n    }\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout {\n      success\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      username\n      email\n      phone\n      isActive\n      createdAt\n      role {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      username\n      email\n      phone\n      isActive\n      createdAt\n      role {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        username\n        email\n        phone\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        username\n        email\n        phone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      success\n      revokedSessions\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      success\n      revokedSessions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        id\n        content\n        isDirect\n        createdAt\n        sender {\n          id\n          username\n        }\n        recipient {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        id\n        content\n        isDirect\n        createdAt\n        sender {\n          id\n          username\n        }\n        recipient {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Messages($withUserId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    messages(withUserId: $withUserId, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          id\n          content\n          sender {\n            id\n          }\n          recipient {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n        startCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Messages($withUserId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    messages(withUserId: $withUserId, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          id\n          content\n          sender {\n            id\n          }\n          recipient {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n        startCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageReceived {\n    messageReceived {\n      id\n      content\n      isDirect\n      sender {\n        id\n        username\n      }\n      recipient {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MessageReceived {\n    messageReceived {\n      id\n      content\n      isDirect\n      sender {\n        id\n        username\n      }\n      recipient {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PresenceChanged {\n    presenceChanged {\n      status\n      at\n      user {\n        id\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription PresenceChanged {\n    presenceChanged {\n      status\n      at\n      user {\n        id\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnlineUsers {\n    onlineUsers {\n      id\n      username\n      status\n      lastSeenAt\n    }\n  }\n"): (typeof documents)["\n  query OnlineUsers {\n    onlineUsers {\n      id\n      username\n      status\n      lastSeenAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPresence($status: SettablePresenceStatus!) {\n    setPresence(status: $status) {\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SetPresence($status: SettablePresenceStatus!) {\n    setPresence(status: $status) {\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendNotification($input: SendNotificationInput!) {\n    sendNotification(input: $input) {\n      notification {\n        id\n        kind\n        title\n        message\n        read\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendNotification($input: SendNotificationInput!) {\n    sendNotification(input: $input) {\n      notification {\n        id\n        kind\n        title\n        message\n        read\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BroadcastNotification($input: BroadcastNotificationInput!) {\n    broadcastNotification(input: $input) {\n      notification {\n        id\n        kind\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BroadcastNotification($input: BroadcastNotificationInput!) {\n    broadcastNotification(input: $input) {\n      notification {\n        id\n        kind\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n      kind\n      title\n      message\n      read\n      sender {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationReceived {\n    notificationReceived {\n      id\n      kind\n      title\n      message\n      read\n      sender {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {\n    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          title\n          message\n          read\n          readAt\n          sender {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {\n    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          title\n          message\n          read\n          readAt\n          sender {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      notification {\n        id\n        read\n        readAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      notification {\n        id\n        read\n        readAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      markedCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      markedCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      token\n      expiresAt\n      refreshToken\n      refreshTokenExpiresAt\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      token\n      expiresAt\n      refreshToken\n      refreshTokenExpiresAt\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      current\n      ip\n      userAgent\n      createdAt\n      lastUsedAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      id\n      current\n      ip\n      userAgent\n      createdAt\n      lastUsedAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      success\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      success\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeOtherSessions {\n    revokeOtherSessions {\n      revokedCount\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeOtherSessions {\n    revokeOtherSessions {\n      revokedCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerificationState {\n    me {\n      id\n      email\n      phone\n      emailVerified\n      phoneVerified\n      pendingEmail\n      pendingPhone\n    }\n  }\n"): (typeof documents)["\n  query VerificationState {\n    me {\n      id\n      email\n      phone\n      emailVerified\n      phoneVerified\n      pendingEmail\n      pendingPhone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailVerification {\n    requestEmailVerification\n  }\n"): (typeof documents)["\n  mutation RequestEmailVerification {\n    requestEmailVerification\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        id\n        email\n        emailVerified\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        id\n        email\n        emailVerified\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPhoneVerification {\n    requestPhoneVerification\n  }\n"): (typeof documents)["\n  mutation RequestPhoneVerification {\n    requestPhoneVerification\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyPhone($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      user {\n        id\n        phone\n        phoneVerified\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyPhone($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      user {\n        id\n        phone\n        phoneVerified\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        refreshToken\n        user {\n          id\n          username\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        refreshToken\n        user {\n          id\n          username\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input)\n  }\n"): (typeof documents)["\n  mutation RequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignInWithCode($input: SignInWithCodeInput!) {\n    signInWithCode(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        user {\n          id\n          username\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignInWithCode($input: SignInWithCodeInput!) {\n    signInWithCode(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        user {\n          id\n          username\n        }\n      }\n      ... on MfaChallenge {\n        challengeToken\n        methods\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n"): (typeof documents)["\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotpEnrollment($input: ConfirmTotpInput!) {\n    confirmTotpEnrollment(input: $input) {\n      backupCodes\n      user {\n        id\n        mfaEnabled\n        mfaMethods\n      }\n      session {\n        token\n        mfaEnrollmentRequired\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmTotpEnrollment($input: ConfirmTotpInput!) {\n    confirmTotpEnrollment(input: $input) {\n      backupCodes\n      user {\n        id\n        mfaEnabled\n        mfaMethods\n      }\n      session {\n        token\n        mfaEnrollmentRequired\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteMfaSignIn($input: CompleteMfaSignInInput!) {\n    completeMfaSignIn(input: $input) {\n      __typename\n      token\n      refreshToken\n      mfaEnrollmentRequired\n      user {\n        id\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteMfaSignIn($input: CompleteMfaSignInInput!) {\n    completeMfaSignIn(input: $input) {\n      __typename\n      token\n      refreshToken\n      mfaEnrollmentRequired\n      user {\n        id\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateBackupCodes($input: RegenerateBackupCodesInput!) {\n    regenerateBackupCodes(input: $input) {\n      backupCodes\n    }\n  }\n"): (typeof documents)["\n  mutation RegenerateBackupCodes($input: RegenerateBackupCodesInput!) {\n    regenerateBackupCodes(input: $input) {\n      backupCodes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTotp($input: DisableTotpInput!) {\n    disableTotp(input: $input) {\n      user {\n        id\n        mfaEnabled\n        mfaMethods\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DisableTotp($input: DisableTotpInput!) {\n    disableTotp(input: $input) {\n      user {\n        id\n        mfaEnabled\n        mfaMethods\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserSecondFactors($input: ResetUserSecondFactorsInput!) {\n    resetUserSecondFactors(input: $input) {\n      user {\n        id\n        mfaEnabled\n        mfaMethods\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetUserSecondFactors($input: ResetUserSecondFactorsInput!) {\n    resetUserSecondFactors(input: $input) {\n      user {\n        id\n        mfaEnabled\n        mfaMethods\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MfaState {\n    me {\n      id\n      mfaEnabled\n      mfaMethods\n    }\n  }\n"): (typeof documents)["\n  query MfaState {\n    me {\n      id\n      mfaEnabled\n      mfaMethods\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersMfaState($search: String!) {\n    users(search: $search, first: 5) {\n      edges {\n        node {\n          id\n          username\n          mfaEnabled\n          mfaMethods\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersMfaState($search: String!) {\n    users(search: $search, first: 5) {\n      edges {\n        node {\n          id\n          username\n          mfaEnabled\n          mfaMethods\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoginWithSessionFlag($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        mfaEnrollmentRequired\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LoginWithSessionFlag($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on AuthPayload {\n        token\n        mfaEnrollmentRequired\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      provedAt\n    }\n  }\n"): (typeof documents)["\n  mutation Reauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      provedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration {\n      options\n    }\n  }\n"): (typeof documents)["\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration {\n      options\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      passkey {\n        id\n        name\n        createdAt\n        lastUsedAt\n        deviceType\n        backedUp\n        flagged\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      passkey {\n        id\n        name\n        createdAt\n        lastUsedAt\n        deviceType\n        backedUp\n        flagged\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPasskeys {\n    myPasskeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n      deviceType\n      backedUp\n      flagged\n    }\n  }\n"): (typeof documents)["\n  query MyPasskeys {\n    myPasskeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n      deviceType\n      backedUp\n      flagged\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenamePasskey($input: RenamePasskeyInput!) {\n    renamePasskey(input: $input) {\n      passkey {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenamePasskey($input: RenamePasskeyInput!) {\n    renamePasskey(input: $input) {\n      passkey {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePasskey($input: RemovePasskeyInput!) {\n    removePasskey(input: $input) {\n      removedPasskeyId\n    }\n  }\n"): (typeof documents)["\n  mutation RemovePasskey($input: RemovePasskeyInput!) {\n    removePasskey(input: $input) {\n      removedPasskeyId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPasskeySignIn {\n    startPasskeySignIn {\n      challengeId\n      options\n    }\n  }\n"): (typeof documents)["\n  mutation StartPasskeySignIn {\n    startPasskeySignIn {\n      challengeId\n      options\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeySignIn($input: FinishPasskeySignInInput!) {\n    finishPasskeySignIn(input: $input) {\n      token\n      refreshToken\n      user {\n        id\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FinishPasskeySignIn($input: FinishPasskeySignInInput!) {\n    finishPasskeySignIn(input: $input) {\n      token\n      refreshToken\n      user {\n        id\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartMfaChallenge($input: StartMfaChallengeInput!) {\n    startMfaChallenge(input: $input) {\n      options\n    }\n  }\n"): (typeof documents)["\n  mutation StartMfaChallenge($input: StartMfaChallengeInput!) {\n    startMfaChallenge(input: $input) {\n      options\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartReauthentication {\n    startReauthentication {\n      options\n    }\n  }\n"): (typeof documents)["\n  mutation StartReauthentication {\n    startReauthentication {\n      options\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;