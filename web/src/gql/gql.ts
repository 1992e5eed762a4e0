/* eslint-disable */
import * as types from './graphql.js';



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
    "\n  fragment WebSession on AuthPayload {\n    token\n    expiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      id\n    }\n  }\n": typeof types.WebSessionFragmentDoc,
    "\n  fragment WebChallenge on MfaChallenge {\n    challengeToken\n    methods\n    expiresAt\n  }\n": typeof types.WebChallengeFragmentDoc,
    "\n  mutation WebRegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n      ... on EmailVerificationRequired {\n        email\n      }\n    }\n  }\n": typeof types.WebRegisterUserDocument,
    "\n  mutation WebLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n    }\n  }\n": typeof types.WebLoginDocument,
    "\n  mutation WebCompleteMfaSignIn($input: CompleteMfaSignInInput!) {\n    completeMfaSignIn(input: $input) {\n      ...WebSession\n    }\n  }\n": typeof types.WebCompleteMfaSignInDocument,
    "\n  mutation WebStartMfaChallenge($input: StartMfaChallengeInput!) {\n    startMfaChallenge(input: $input) {\n      options\n    }\n  }\n": typeof types.WebStartMfaChallengeDocument,
    "\n  query WebMfaStatus {\n    me {\n      id\n      mfaEnabled\n      mfaMethods\n    }\n  }\n": typeof types.WebMfaStatusDocument,
    "\n  query WebAdminUserFactors($id: ID!) {\n    user(id: $id) {\n      id\n      mfaMethods\n    }\n  }\n": typeof types.WebAdminUserFactorsDocument,
    "\n  mutation WebResetUserSecondFactors($input: ResetUserSecondFactorsInput!) {\n    resetUserSecondFactors(input: $input) {\n      user {\n        id\n        mfaMethods\n      }\n    }\n  }\n": typeof types.WebResetUserSecondFactorsDocument,
    "\n  mutation WebStartTotpEnrollment {\n    startTotpEnrollment {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n": typeof types.WebStartTotpEnrollmentDocument,
    "\n  mutation WebConfirmTotpEnrollment($input: ConfirmTotpInput!) {\n    confirmTotpEnrollment(input: $input) {\n      backupCodes\n      session {\n        ...WebSession\n      }\n    }\n  }\n": typeof types.WebConfirmTotpEnrollmentDocument,
    "\n  mutation WebRegenerateBackupCodes($input: RegenerateBackupCodesInput!) {\n    regenerateBackupCodes(input: $input) {\n      backupCodes\n    }\n  }\n": typeof types.WebRegenerateBackupCodesDocument,
    "\n  mutation WebDisableTotp($input: DisableTotpInput!) {\n    disableTotp(input: $input) {\n      user {\n        id\n        mfaEnabled\n      }\n    }\n  }\n": typeof types.WebDisableTotpDocument,
    "\n  mutation WebRefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      ...WebSession\n    }\n  }\n": typeof types.WebRefreshTokenDocument,
    "\n  mutation WebLogout {\n    logout {\n      success\n    }\n  }\n": typeof types.WebLogoutDocument,
    "\n  query WebMe {\n    me {\n      id\n      username\n      email\n      phone\n      hasPassword\n      avatarUrl\n      thumbUrl: avatarUrl(size: THUMB)\n      termsAccepted\n      deletionScheduledFor\n      role {\n        id\n        name\n        permissions {\n          name\n        }\n      }\n      impersonatedBy {\n        id\n        username\n      }\n    }\n  }\n": typeof types.WebMeDocument,
    "\n  mutation WebUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        username\n        email\n        phone\n        pendingEmail\n        pendingPhone\n      }\n    }\n  }\n": typeof types.WebUpdateProfileDocument,
    "\n  mutation WebChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      success\n      revokedSessions\n    }\n  }\n": typeof types.WebChangePasswordDocument,
    "\n  mutation WebUploadAvatar($file: Upload!) {\n    uploadAvatar(file: $file) {\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n      }\n    }\n  }\n": typeof types.WebUploadAvatarDocument,
    "\n  mutation WebDeleteAvatar {\n    deleteAvatar {\n      removed\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n      }\n    }\n  }\n": typeof types.WebDeleteAvatarDocument,
    "\n  query WebOnlineUsers {\n    onlineUsers {\n      id\n      username\n      status\n      thumbUrl: avatarUrl(size: THUMB)\n    }\n  }\n": typeof types.WebOnlineUsersDocument,
    "\n  subscription WebPresenceChanged {\n    presenceChanged {\n      status\n      at\n      user {\n        id\n        username\n        thumbUrl: avatarUrl(size: THUMB)\n      }\n    }\n  }\n": typeof types.WebPresenceChangedDocument,
    "\n  mutation WebSetPresence($status: SettablePresenceStatus!) {\n    setPresence(status: $status) {\n      status\n    }\n  }\n": typeof types.WebSetPresenceDocument,
    "\n  query WebMessages($withUserId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    messages(withUserId: $withUserId, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          id\n          content\n          createdAt\n          isDirect\n          sender {\n            id\n            username\n            thumbUrl: avatarUrl(size: THUMB)\n          }\n          recipient {\n            id\n            username\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n        startCursor\n      }\n    }\n  }\n": typeof types.WebMessagesDocument,
    "\n  subscription WebMessageReceived {\n    messageReceived {\n      id\n      content\n      createdAt\n      isDirect\n      sender {\n        id\n        username\n        thumbUrl: avatarUrl(size: THUMB)\n      }\n      recipient {\n        id\n        username\n      }\n    }\n  }\n": typeof types.WebMessageReceivedDocument,
    "\n  mutation WebSendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        id\n        content\n        createdAt\n        isDirect\n        sender {\n          id\n          username\n          thumbUrl: avatarUrl(size: THUMB)\n        }\n        recipient {\n          id\n          username\n        }\n      }\n    }\n  }\n": typeof types.WebSendMessageDocument,
    "\n  query WebNotifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node {\n          id\n          kind\n          title\n          message\n          read\n          createdAt\n          sender {\n            id\n            username\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n": typeof types.WebNotificationsDocument,
    "\n  query WebUnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.WebUnreadNotificationCountDocument,
    "\n  subscription WebNotificationReceived {\n    notificationReceived {\n      id\n      kind\n      title\n      message\n      read\n      createdAt\n      sender {\n        id\n        username\n      }\n    }\n  }\n": typeof types.WebNotificationReceivedDocument,
    "\n  mutation WebMarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      notification {\n        id\n        read\n      }\n    }\n  }\n": typeof types.WebMarkNotificationReadDocument,
    "\n  mutation WebMarkAllNotificationsRead {\n    markAllNotificationsRead {\n      markedCount\n    }\n  }\n": typeof types.WebMarkAllNotificationsReadDocument,
    "\n  query WebAdminUsers($search: String, $status: AccountStatus, $role: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    users(search: $search, status: $status, role: $role, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        node {\n          id\n          username\n          email\n          phone\n          isActive\n          status\n          createdAt\n          thumbUrl: avatarUrl(size: THUMB)\n          role {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": typeof types.WebAdminUsersDocument,
    "\n  query WebRoles {\n    roles {\n      id\n      name\n    }\n  }\n": typeof types.WebRolesDocument,
    "\n  mutation WebChangeUserRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      user {\n        id\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.WebChangeUserRoleDocument,
    "\n  mutation WebSetUserStatus($input: SetUserStatusInput!) {\n    setUserStatus(input: $input) {\n      revokedSessions\n      user {\n        id\n        isActive\n      }\n    }\n  }\n": typeof types.WebSetUserStatusDocument,
    "\n  query WebPermissionHistory($filter: PermissionHistoryFilter, $first: Int, $after: String) {\n    permissionHistory(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          action\n          reason\n          createdAt\n          actor {\n            id\n            username\n          }\n          targetUser {\n            id\n            username\n          }\n          targetRole {\n            id\n            name\n          }\n          targetPermission {\n            id\n            name\n          }\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WebPermissionHistoryDocument,
    "\n  query WebLoginHistory($userId: ID, $success: Boolean, $first: Int, $after: String) {\n    loginHistory(userId: $userId, success: $success, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          success\n          reason\n          ip\n          userAgent\n          identifier\n          createdAt\n          user {\n            id\n            username\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WebLoginHistoryDocument,
    "\n  mutation WebSendNotification($input: SendNotificationInput!) {\n    sendNotification(input: $input) {\n      notification {\n        id\n      }\n    }\n  }\n": typeof types.WebSendNotificationDocument,
    "\n  mutation WebBroadcastNotification($input: BroadcastNotificationInput!) {\n    broadcastNotification(input: $input) {\n      notification {\n        id\n      }\n    }\n  }\n": typeof types.WebBroadcastNotificationDocument,
    "\n  mutation WebRequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n": typeof types.WebRequestPasswordResetDocument,
    "\n  mutation WebResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n    }\n  }\n": typeof types.WebResetPasswordDocument,
    "\n  mutation WebRequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input)\n  }\n": typeof types.WebRequestSignInCodeDocument,
    "\n  mutation WebSignInWithCode($input: SignInWithCodeInput!) {\n    signInWithCode(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n    }\n  }\n": typeof types.WebSignInWithCodeDocument,
    "\n  mutation WebVerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        id\n        emailVerified\n      }\n    }\n  }\n": typeof types.WebVerifyEmailDocument,
    "\n  query WebVerification {\n    me {\n      id\n      email\n      phone\n      emailVerified\n      phoneVerified\n      pendingEmail\n      pendingPhone\n    }\n  }\n": typeof types.WebVerificationDocument,
    "\n  mutation WebRequestEmailVerification {\n    requestEmailVerification\n  }\n": typeof types.WebRequestEmailVerificationDocument,
    "\n  mutation WebRequestPhoneVerification {\n    requestPhoneVerification\n  }\n": typeof types.WebRequestPhoneVerificationDocument,
    "\n  mutation WebVerifyPhone($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      user {\n        id\n        phoneVerified\n      }\n    }\n  }\n": typeof types.WebVerifyPhoneDocument,
    "\n  mutation WebStartPasskeySignIn {\n    startPasskeySignIn {\n      challengeId\n      options\n    }\n  }\n": typeof types.WebStartPasskeySignInDocument,
    "\n  mutation WebFinishPasskeySignIn($input: FinishPasskeySignInInput!) {\n    finishPasskeySignIn(input: $input) {\n      ...WebSession\n    }\n  }\n": typeof types.WebFinishPasskeySignInDocument,
    "\n  fragment WebPasskey on Passkey {\n    id\n    name\n    createdAt\n    lastUsedAt\n    deviceType\n    backedUp\n    flagged\n  }\n": typeof types.WebPasskeyFragmentDoc,
    "\n  query WebMyPasskeys {\n    myPasskeys {\n      ...WebPasskey\n    }\n  }\n": typeof types.WebMyPasskeysDocument,
    "\n  mutation WebStartPasskeyRegistration {\n    startPasskeyRegistration {\n      options\n    }\n  }\n": typeof types.WebStartPasskeyRegistrationDocument,
    "\n  mutation WebFinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      passkey {\n        ...WebPasskey\n      }\n    }\n  }\n": typeof types.WebFinishPasskeyRegistrationDocument,
    "\n  mutation WebRenamePasskey($input: RenamePasskeyInput!) {\n    renamePasskey(input: $input) {\n      passkey {\n        ...WebPasskey\n      }\n    }\n  }\n": typeof types.WebRenamePasskeyDocument,
    "\n  mutation WebRemovePasskey($input: RemovePasskeyInput!) {\n    removePasskey(input: $input) {\n      removedPasskeyId\n    }\n  }\n": typeof types.WebRemovePasskeyDocument,
    "\n  query WebAuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          reason\n          ip\n          actor {\n            id\n            username\n          }\n          impersonator {\n            id\n            username\n          }\n          targetUser {\n            id\n            username\n          }\n        }\n      }\n    }\n  }\n": typeof types.WebAuditEventsDocument,
    "\n  mutation WebStartImpersonation($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        ...WebSession\n      }\n    }\n  }\n": typeof types.WebStartImpersonationDocument,
    "\n  mutation WebStopImpersonation {\n    stopImpersonation {\n      success\n    }\n  }\n": typeof types.WebStopImpersonationDocument,
    "\n  mutation WebStartReauthentication {\n    startReauthentication {\n      options\n    }\n  }\n": typeof types.WebStartReauthenticationDocument,
    "\n  query WebReauthPasskeys {\n    myPasskeys {\n      id\n      flagged\n    }\n  }\n": typeof types.WebReauthPasskeysDocument,
    "\n  mutation WebReauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      provedAt\n    }\n  }\n": typeof types.WebReauthenticateDocument,
    "\n  query WebRequiredTerms {\n    requiredTermsVersion\n  }\n": typeof types.WebRequiredTermsDocument,
    "\n  mutation WebAcceptTerms($input: AcceptTermsInput!) {\n    acceptTerms(input: $input)\n  }\n": typeof types.WebAcceptTermsDocument,
    "\n  query WebMyDataExports {\n    myDataExports {\n      id\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n": typeof types.WebMyDataExportsDocument,
    "\n  mutation WebExportMyData {\n    exportMyData {\n      id\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n": typeof types.WebExportMyDataDocument,
    "\n  mutation WebDeleteMyAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n": typeof types.WebDeleteMyAccountDocument,
    "\n  mutation WebCancelAccountDeletion {\n    cancelAccountDeletion\n  }\n": typeof types.WebCancelAccountDeletionDocument,
    "\n  query WebOidcProviders {\n    oidcProviders {\n      name\n      label\n      startUrl\n    }\n  }\n": typeof types.WebOidcProvidersDocument,
    "\n  mutation WebCompleteOidcSignIn($input: CompleteOidcSignInInput!) {\n    completeOidcSignIn(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n    }\n  }\n": typeof types.WebCompleteOidcSignInDocument,
    "\n  query WebMyLinkedAccounts {\n    myLinkedAccounts {\n      provider\n      label\n      email\n      lastUsedAt\n    }\n    me {\n      id\n      hasPassword\n    }\n  }\n": typeof types.WebMyLinkedAccountsDocument,
    "\n  mutation WebStartOidcLink($input: StartOidcLinkInput!) {\n    startOidcLink(input: $input) {\n      url\n    }\n  }\n": typeof types.WebStartOidcLinkDocument,
    "\n  mutation WebUnlinkAccount($input: UnlinkAccountInput!) {\n    unlinkAccount(input: $input) {\n      linkedAccounts {\n        provider\n      }\n    }\n  }\n": typeof types.WebUnlinkAccountDocument,
    "\n  query WebUserLinkedAccounts($id: ID!) {\n    user(id: $id) {\n      id\n      hasPassword\n      linkedAccounts {\n        provider\n        label\n        email\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n": typeof types.WebUserLinkedAccountsDocument,
};
const documents: Documents = {
    "\n  fragment WebSession on AuthPayload {\n    token\n    expiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      id\n    }\n  }\n": types.WebSessionFragmentDoc,
    "\n  fragment WebChallenge on MfaChallenge {\n    challengeToken\n    methods\n    expiresAt\n  }\n": types.WebChallengeFragmentDoc,
    "\n  mutation WebRegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n      ... on EmailVerificationRequired {\n        email\n      }\n    }\n  }\n": types.WebRegisterUserDocument,
    "\n  mutation WebLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n    }\n  }\n": types.WebLoginDocument,
    "\n  mutation WebCompleteMfaSignIn($input: CompleteMfaSignInInput!) {\n    completeMfaSignIn(input: $input) {\n      ...WebSession\n    }\n  }\n": types.WebCompleteMfaSignInDocument,
    "\n  mutation WebStartMfaChallenge($input: StartMfaChallengeInput!) {\n    startMfaChallenge(input: $input) {\n      options\n    }\n  }\n": types.WebStartMfaChallengeDocument,
    "\n  query WebMfaStatus {\n    me {\n      id\n      mfaEnabled\n      mfaMethods\n    }\n  }\n": types.WebMfaStatusDocument,
    "\n  query WebAdminUserFactors($id: ID!) {\n    user(id: $id) {\n      id\n      mfaMethods\n    }\n  }\n": types.WebAdminUserFactorsDocument,
    "\n  mutation WebResetUserSecondFactors($input: ResetUserSecondFactorsInput!) {\n    resetUserSecondFactors(input: $input) {\n      user {\n        id\n        mfaMethods\n      }\n    }\n  }\n": types.WebResetUserSecondFactorsDocument,
    "\n  mutation WebStartTotpEnrollment {\n    startTotpEnrollment {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n": types.WebStartTotpEnrollmentDocument,
    "\n  mutation WebConfirmTotpEnrollment($input: ConfirmTotpInput!) {\n    confirmTotpEnrollment(input: $input) {\n      backupCodes\n      session {\n        ...WebSession\n      }\n    }\n  }\n": types.WebConfirmTotpEnrollmentDocument,
    "\n  mutation WebRegenerateBackupCodes($input: RegenerateBackupCodesInput!) {\n    regenerateBackupCodes(input: $input) {\n      backupCodes\n    }\n  }\n": types.WebRegenerateBackupCodesDocument,
    "\n  mutation WebDisableTotp($input: DisableTotpInput!) {\n    disableTotp(input: $input) {\n      user {\n        id\n        mfaEnabled\n      }\n    }\n  }\n": types.WebDisableTotpDocument,
    "\n  mutation WebRefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      ...WebSession\n    }\n  }\n": types.WebRefreshTokenDocument,
    "\n  mutation WebLogout {\n    logout {\n      success\n    }\n  }\n": types.WebLogoutDocument,
    "\n  query WebMe {\n    me {\n      id\n      username\n      email\n      phone\n      hasPassword\n      avatarUrl\n      thumbUrl: avatarUrl(size: THUMB)\n      termsAccepted\n      deletionScheduledFor\n      role {\n        id\n        name\n        permissions {\n          name\n        }\n      }\n      impersonatedBy {\n        id\n        username\n      }\n    }\n  }\n": types.WebMeDocument,
    "\n  mutation WebUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        username\n        email\n        phone\n        pendingEmail\n        pendingPhone\n      }\n    }\n  }\n": types.WebUpdateProfileDocument,
    "\n  mutation WebChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      success\n      revokedSessions\n    }\n  }\n": types.WebChangePasswordDocument,
    "\n  mutation WebUploadAvatar($file: Upload!) {\n    uploadAvatar(file: $file) {\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n      }\n    }\n  }\n": types.WebUploadAvatarDocument,
    "\n  mutation WebDeleteAvatar {\n    deleteAvatar {\n      removed\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n      }\n    }\n  }\n": types.WebDeleteAvatarDocument,
    "\n  query WebOnlineUsers {\n    onlineUsers {\n      id\n      username\n      status\n      thumbUrl: avatarUrl(size: THUMB)\n    }\n  }\n": types.WebOnlineUsersDocument,
    "\n  subscription WebPresenceChanged {\n    presenceChanged {\n      status\n      at\n      user {\n        id\n        username\n        thumbUrl: avatarUrl(size: THUMB)\n      }\n    }\n  }\n": types.WebPresenceChangedDocument,
    "\n  mutation WebSetPresence($status: SettablePresenceStatus!) {\n    setPresence(status: $status) {\n      status\n    }\n  }\n": types.WebSetPresenceDocument,
    "\n  query WebMessages($withUserId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    messages(withUserId: $withUserId, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          id\n          content\n          createdAt\n          isDirect\n          sender {\n            id\n            username\n            thumbUrl: avatarUrl(size: THUMB)\n          }\n          recipient {\n            id\n            username\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n        startCursor\n      }\n    }\n  }\n": types.WebMessagesDocument,
    "\n  subscription WebMessageReceived {\n    messageReceived {\n      id\n      content\n      createdAt\n      isDirect\n      sender {\n        id\n        username\n        thumbUrl: avatarUrl(size: THUMB)\n      }\n      recipient {\n        id\n        username\n      }\n    }\n  }\n": types.WebMessageReceivedDocument,
    "\n  mutation WebSendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        id\n        content\n        createdAt\n        isDirect\n        sender {\n          id\n          username\n          thumbUrl: avatarUrl(size: THUMB)\n        }\n        recipient {\n          id\n          username\n        }\n      }\n    }\n  }\n": types.WebSendMessageDocument,
    "\n  query WebNotifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node {\n          id\n          kind\n          title\n          message\n          read\n          createdAt\n          sender {\n            id\n            username\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n": types.WebNotificationsDocument,
    "\n  query WebUnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.WebUnreadNotificationCountDocument,
    "\n  subscription WebNotificationReceived {\n    notificationReceived {\n      id\n      kind\n      title\n      message\n      read\n      createdAt\n      sender {\n        id\n        username\n      }\n    }\n  }\n": types.WebNotificationReceivedDocument,
    "\n  mutation WebMarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      notification {\n        id\n        read\n      }\n    }\n  }\n": types.WebMarkNotificationReadDocument,
    "\n  mutation WebMarkAllNotificationsRead {\n    markAllNotificationsRead {\n      markedCount\n    }\n  }\n": types.WebMarkAllNotificationsReadDocument,
    "\n  query WebAdminUsers($search: String, $status: AccountStatus, $role: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    users(search: $search, status: $status, role: $role, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        node {\n          id\n          username\n          email\n          phone\n          isActive\n          status\n          createdAt\n          thumbUrl: avatarUrl(size: THUMB)\n          role {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": types.WebAdminUsersDocument,
    "\n  query WebRoles {\n    roles {\n      id\n      name\n    }\n  }\n": types.WebRolesDocument,
    "\n  mutation WebChangeUserRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      user {\n        id\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.WebChangeUserRoleDocument,
    "\n  mutation WebSetUserStatus($input: SetUserStatusInput!) {\n    setUserStatus(input: $input) {\n      revokedSessions\n      user {\n        id\n        isActive\n      }\n    }\n  }\n": types.WebSetUserStatusDocument,
    "\n  query WebPermissionHistory($filter: PermissionHistoryFilter, $first: Int, $after: String) {\n    permissionHistory(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          action\n          reason\n          createdAt\n          actor {\n            id\n            username\n          }\n          targetUser {\n            id\n            username\n          }\n          targetRole {\n            id\n            name\n          }\n          targetPermission {\n            id\n            name\n          }\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WebPermissionHistoryDocument,
    "\n  query WebLoginHistory($userId: ID, $success: Boolean, $first: Int, $after: String) {\n    loginHistory(userId: $userId, success: $success, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          success\n          reason\n          ip\n          userAgent\n          identifier\n          createdAt\n          user {\n            id\n            username\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WebLoginHistoryDocument,
    "\n  mutation WebSendNotification($input: SendNotificationInput!) {\n    sendNotification(input: $input) {\n      notification {\n        id\n      }\n    }\n  }\n": types.WebSendNotificationDocument,
    "\n  mutation WebBroadcastNotification($input: BroadcastNotificationInput!) {\n    broadcastNotification(input: $input) {\n      notification {\n        id\n      }\n    }\n  }\n": types.WebBroadcastNotificationDocument,
    "\n  mutation WebRequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n": types.WebRequestPasswordResetDocument,
    "\n  mutation WebResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n    }\n  }\n": types.WebResetPasswordDocument,
    "\n  mutation WebRequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input)\n  }\n": types.WebRequestSignInCodeDocument,
    "\n  mutation WebSignInWithCode($input: SignInWithCodeInput!) {\n    signInWithCode(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n    }\n  }\n": types.WebSignInWithCodeDocument,
    "\n  mutation WebVerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        id\n        emailVerified\n      }\n    }\n  }\n": types.WebVerifyEmailDocument,
    "\n  query WebVerification {\n    me {\n      id\n      email\n      phone\n      emailVerified\n      phoneVerified\n      pendingEmail\n      pendingPhone\n    }\n  }\n": types.WebVerificationDocument,
    "\n  mutation WebRequestEmailVerification {\n    requestEmailVerification\n  }\n": types.WebRequestEmailVerificationDocument,
    "\n  mutation WebRequestPhoneVerification {\n    requestPhoneVerification\n  }\n": types.WebRequestPhoneVerificationDocument,
    "\n  mutation WebVerifyPhone($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      user {\n        id\n        phoneVerified\n      }\n    }\n  }\n": types.WebVerifyPhoneDocument,
    "\n  mutation WebStartPasskeySignIn {\n    startPasskeySignIn {\n      challengeId\n      options\n    }\n  }\n": types.WebStartPasskeySignInDocument,
    "\n  mutation WebFinishPasskeySignIn($input: FinishPasskeySignInInput!) {\n    finishPasskeySignIn(input: $input) {\n      ...WebSession\n    }\n  }\n": types.WebFinishPasskeySignInDocument,
    "\n  fragment WebPasskey on Passkey {\n    id\n    name\n    createdAt\n    lastUsedAt\n    deviceType\n    backedUp\n    flagged\n  }\n": types.WebPasskeyFragmentDoc,
    "\n  query WebMyPasskeys {\n    myPasskeys {\n      ...WebPasskey\n    }\n  }\n": types.WebMyPasskeysDocument,
    "\n  mutation WebStartPasskeyRegistration {\n    startPasskeyRegistration {\n      options\n    }\n  }\n": types.WebStartPasskeyRegistrationDocument,
    "\n  mutation WebFinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      passkey {\n        ...WebPasskey\n      }\n    }\n  }\n": types.WebFinishPasskeyRegistrationDocument,
    "\n  mutation WebRenamePasskey($input: RenamePasskeyInput!) {\n    renamePasskey(input: $input) {\n      passkey {\n        ...WebPasskey\n      }\n    }\n  }\n": types.WebRenamePasskeyDocument,
    "\n  mutation WebRemovePasskey($input: RemovePasskeyInput!) {\n    removePasskey(input: $input) {\n      removedPasskeyId\n    }\n  }\n": types.WebRemovePasskeyDocument,
    "\n  query WebAuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          reason\n          ip\n          actor {\n            id\n            username\n          }\n          impersonator {\n            id\n            username\n          }\n          targetUser {\n            id\n            username\n          }\n        }\n      }\n    }\n  }\n": types.WebAuditEventsDocument,
    "\n  mutation WebStartImpersonation($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        ...WebSession\n      }\n    }\n  }\n": types.WebStartImpersonationDocument,
    "\n  mutation WebStopImpersonation {\n    stopImpersonation {\n      success\n    }\n  }\n": types.WebStopImpersonationDocument,
    "\n  mutation WebStartReauthentication {\n    startReauthentication {\n      options\n    }\n  }\n": types.WebStartReauthenticationDocument,
    "\n  query WebReauthPasskeys {\n    myPasskeys {\n      id\n      flagged\n    }\n  }\n": types.WebReauthPasskeysDocument,
    "\n  mutation WebReauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      provedAt\n    }\n  }\n": types.WebReauthenticateDocument,
    "\n  query WebRequiredTerms {\n    requiredTermsVersion\n  }\n": types.WebRequiredTermsDocument,
    "\n  mutation WebAcceptTerms($input: AcceptTermsInput!) {\n    acceptTerms(input: $input)\n  }\n": types.WebAcceptTermsDocument,
    "\n  query WebMyDataExports {\n    myDataExports {\n      id\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n": types.WebMyDataExportsDocument,
    "\n  mutation WebExportMyData {\n    exportMyData {\n      id\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n": types.WebExportMyDataDocument,
    "\n  mutation WebDeleteMyAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n": types.WebDeleteMyAccountDocument,
    "\n  mutation WebCancelAccountDeletion {\n    cancelAccountDeletion\n  }\n": types.WebCancelAccountDeletionDocument,
    "\n  query WebOidcProviders {\n    oidcProviders {\n      name\n      label\n      startUrl\n    }\n  }\n": types.WebOidcProvidersDocument,
    "\n  mutation WebCompleteOidcSignIn($input: CompleteOidcSignInInput!) {\n    completeOidcSignIn(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n    }\n  }\n": types.WebCompleteOidcSignInDocument,
    "\n  query WebMyLinkedAccounts {\n    myLinkedAccounts {\n      provider\n      label\n      email\n      lastUsedAt\n    }\n    me {\n      id\n      hasPassword\n    }\n  }\n": types.WebMyLinkedAccountsDocument,
    "\n  mutation WebStartOidcLink($input: StartOidcLinkInput!) {\n    startOidcLink(input: $input) {\n      url\n    }\n  }\n": types.WebStartOidcLinkDocument,
    "\n  mutation WebUnlinkAccount($input: UnlinkAccountInput!) {\n    unlinkAccount(input: $input) {\n      linkedAccounts {\n        provider\n      }\n    }\n  }\n": types.WebUnlinkAccountDocument,
    "\n  query WebUserLinkedAccounts($id: ID!) {\n    user(id: $id) {\n      id\n      hasPassword\n      linkedAccounts {\n        provider\n        label\n        email\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n": types.WebUserLinkedAccountsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebSession on AuthPayload {\n    token\n    expiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      id\n    }\n  }\n"): typeof import('./graphql.js').WebSessionFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebChallenge on MfaChallenge {\n    challengeToken\n    methods\n    expiresAt\n  }\n"): typeof import('./graphql.js').WebChallengeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n      ... on EmailVerificationRequired {\n        email\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebRegisterUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n    }\n  }\n"): typeof import('./graphql.js').WebLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebCompleteMfaSignIn($input: CompleteMfaSignInInput!) {\n    completeMfaSignIn(input: $input) {\n      ...WebSession\n    }\n  }\n"): typeof import('./graphql.js').WebCompleteMfaSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebStartMfaChallenge($input: StartMfaChallengeInput!) {\n    startMfaChallenge(input: $input) {\n      options\n    }\n  }\n"): typeof import('./graphql.js').WebStartMfaChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebMfaStatus {\n    me {\n      id\n      mfaEnabled\n      mfaMethods\n    }\n  }\n"): typeof import('./graphql.js').WebMfaStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebAdminUserFactors($id: ID!) {\n    user(id: $id) {\n      id\n      mfaMethods\n    }\n  }\n"): typeof import('./graphql.js').WebAdminUserFactorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebResetUserSecondFactors($input: ResetUserSecondFactorsInput!) {\n    resetUserSecondFactors(input: $input) {\n      user {\n        id\n        mfaMethods\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebResetUserSecondFactorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebStartTotpEnrollment {\n    startTotpEnrollment {\n      secret\n      otpauthUri\n      qrCodeSvg\n    }\n  }\n"): typeof import('./graphql.js').WebStartTotpEnrollmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebConfirmTotpEnrollment($input: ConfirmTotpInput!) {\n    confirmTotpEnrollment(input: $input) {\n      backupCodes\n      session {\n        ...WebSession\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebConfirmTotpEnrollmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRegenerateBackupCodes($input: RegenerateBackupCodesInput!) {\n    regenerateBackupCodes(input: $input) {\n      backupCodes\n    }\n  }\n"): typeof import('./graphql.js').WebRegenerateBackupCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebDisableTotp($input: DisableTotpInput!) {\n    disableTotp(input: $input) {\n      user {\n        id\n        mfaEnabled\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebDisableTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      ...WebSession\n    }\n  }\n"): typeof import('./graphql.js').WebRefreshTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebLogout {\n    logout {\n      success\n    }\n  }\n"): typeof import('./graphql.js').WebLogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebMe {\n    me {\n      id\n      username\n      email\n      phone\n      hasPassword\n      avatarUrl\n      thumbUrl: avatarUrl(size: THUMB)\n      termsAccepted\n      deletionScheduledFor\n      role {\n        id\n        name\n        permissions {\n          name\n        }\n      }\n      impersonatedBy {\n        id\n        username\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebUpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        username\n        email\n        phone\n        pendingEmail\n        pendingPhone\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebUpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      success\n      revokedSessions\n    }\n  }\n"): typeof import('./graphql.js').WebChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebUploadAvatar($file: Upload!) {\n    uploadAvatar(file: $file) {\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebUploadAvatarDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebDeleteAvatar {\n    deleteAvatar {\n      removed\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebDeleteAvatarDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebOnlineUsers {\n    onlineUsers {\n      id\n      username\n      status\n      thumbUrl: avatarUrl(size: THUMB)\n    }\n  }\n"): typeof import('./graphql.js').WebOnlineUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebPresenceChanged {\n    presenceChanged {\n      status\n      at\n      user {\n        id\n        username\n        thumbUrl: avatarUrl(size: THUMB)\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebPresenceChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebSetPresence($status: SettablePresenceStatus!) {\n    setPresence(status: $status) {\n      status\n    }\n  }\n"): typeof import('./graphql.js').WebSetPresenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebMessages($withUserId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    messages(withUserId: $withUserId, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          id\n          content\n          createdAt\n          isDirect\n          sender {\n            id\n            username\n            thumbUrl: avatarUrl(size: THUMB)\n          }\n          recipient {\n            id\n            username\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        endCursor\n        startCursor\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebMessagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebMessageReceived {\n    messageReceived {\n      id\n      content\n      createdAt\n      isDirect\n      sender {\n        id\n        username\n        thumbUrl: avatarUrl(size: THUMB)\n      }\n      recipient {\n        id\n        username\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebMessageReceivedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebSendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message {\n        id\n        content\n        createdAt\n        isDirect\n        sender {\n          id\n          username\n          thumbUrl: avatarUrl(size: THUMB)\n        }\n        recipient {\n          id\n          username\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebSendMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebNotifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node {\n          id\n          kind\n          title\n          message\n          read\n          createdAt\n          sender {\n            id\n            username\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n"): typeof import('./graphql.js').WebNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebUnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): typeof import('./graphql.js').WebUnreadNotificationCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebNotificationReceived {\n    notificationReceived {\n      id\n      kind\n      title\n      message\n      read\n      createdAt\n      sender {\n        id\n        username\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebNotificationReceivedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebMarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      notification {\n        id\n        read\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebMarkNotificationReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebMarkAllNotificationsRead {\n    markAllNotificationsRead {\n      markedCount\n    }\n  }\n"): typeof import('./graphql.js').WebMarkAllNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebAdminUsers($search: String, $status: AccountStatus, $role: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    users(search: $search, status: $status, role: $role, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        node {\n          id\n          username\n          email\n          phone\n          isActive\n          status\n          createdAt\n          thumbUrl: avatarUrl(size: THUMB)\n          role {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebAdminUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebRoles {\n    roles {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.js').WebRolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebChangeUserRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      user {\n        id\n        role {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebChangeUserRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebSetUserStatus($input: SetUserStatusInput!) {\n    setUserStatus(input: $input) {\n      revokedSessions\n      user {\n        id\n        isActive\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebSetUserStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebPermissionHistory($filter: PermissionHistoryFilter, $first: Int, $after: String) {\n    permissionHistory(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          action\n          reason\n          createdAt\n          actor {\n            id\n            username\n          }\n          targetUser {\n            id\n            username\n          }\n          targetRole {\n            id\n            name\n          }\n          targetPermission {\n            id\n            name\n          }\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebPermissionHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebLoginHistory($userId: ID, $success: Boolean, $first: Int, $after: String) {\n    loginHistory(userId: $userId, success: $success, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          success\n          reason\n          ip\n          userAgent\n          identifier\n          createdAt\n          user {\n            id\n            username\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebLoginHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebSendNotification($input: SendNotificationInput!) {\n    sendNotification(input: $input) {\n      notification {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebSendNotificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebBroadcastNotification($input: BroadcastNotificationInput!) {\n    broadcastNotification(input: $input) {\n      notification {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebBroadcastNotificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n"): typeof import('./graphql.js').WebRequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n    }\n  }\n"): typeof import('./graphql.js').WebResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input)\n  }\n"): typeof import('./graphql.js').WebRequestSignInCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebSignInWithCode($input: SignInWithCodeInput!) {\n    signInWithCode(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n    }\n  }\n"): typeof import('./graphql.js').WebSignInWithCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebVerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        id\n        emailVerified\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebVerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebVerification {\n    me {\n      id\n      email\n      phone\n      emailVerified\n      phoneVerified\n      pendingEmail\n      pendingPhone\n    }\n  }\n"): typeof import('./graphql.js').WebVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRequestEmailVerification {\n    requestEmailVerification\n  }\n"): typeof import('./graphql.js').WebRequestEmailVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRequestPhoneVerification {\n    requestPhoneVerification\n  }\n"): typeof import('./graphql.js').WebRequestPhoneVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebVerifyPhone($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      user {\n        id\n        phoneVerified\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebVerifyPhoneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebStartPasskeySignIn {\n    startPasskeySignIn {\n      challengeId\n      options\n    }\n  }\n"): typeof import('./graphql.js').WebStartPasskeySignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebFinishPasskeySignIn($input: FinishPasskeySignInInput!) {\n    finishPasskeySignIn(input: $input) {\n      ...WebSession\n    }\n  }\n"): typeof import('./graphql.js').WebFinishPasskeySignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebPasskey on Passkey {\n    id\n    name\n    createdAt\n    lastUsedAt\n    deviceType\n    backedUp\n    flagged\n  }\n"): typeof import('./graphql.js').WebPasskeyFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebMyPasskeys {\n    myPasskeys {\n      ...WebPasskey\n    }\n  }\n"): typeof import('./graphql.js').WebMyPasskeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebStartPasskeyRegistration {\n    startPasskeyRegistration {\n      options\n    }\n  }\n"): typeof import('./graphql.js').WebStartPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebFinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    finishPasskeyRegistration(input: $input) {\n      passkey {\n        ...WebPasskey\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebFinishPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRenamePasskey($input: RenamePasskeyInput!) {\n    renamePasskey(input: $input) {\n      passkey {\n        ...WebPasskey\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebRenamePasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRemovePasskey($input: RemovePasskeyInput!) {\n    removePasskey(input: $input) {\n      removedPasskeyId\n    }\n  }\n"): typeof import('./graphql.js').WebRemovePasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebAuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          at\n          action\n          reason\n          ip\n          actor {\n            id\n            username\n          }\n          impersonator {\n            id\n            username\n          }\n          targetUser {\n            id\n            username\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebAuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebStartImpersonation($input: StartImpersonationInput!) {\n    startImpersonation(input: $input) {\n      session {\n        ...WebSession\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebStartImpersonationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebStopImpersonation {\n    stopImpersonation {\n      success\n    }\n  }\n"): typeof import('./graphql.js').WebStopImpersonationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebStartReauthentication {\n    startReauthentication {\n      options\n    }\n  }\n"): typeof import('./graphql.js').WebStartReauthenticationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebReauthPasskeys {\n    myPasskeys {\n      id\n      flagged\n    }\n  }\n"): typeof import('./graphql.js').WebReauthPasskeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebReauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      provedAt\n    }\n  }\n"): typeof import('./graphql.js').WebReauthenticateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebRequiredTerms {\n    requiredTermsVersion\n  }\n"): typeof import('./graphql.js').WebRequiredTermsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebAcceptTerms($input: AcceptTermsInput!) {\n    acceptTerms(input: $input)\n  }\n"): typeof import('./graphql.js').WebAcceptTermsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebMyDataExports {\n    myDataExports {\n      id\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n"): typeof import('./graphql.js').WebMyDataExportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebExportMyData {\n    exportMyData {\n      id\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n"): typeof import('./graphql.js').WebExportMyDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebDeleteMyAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n"): typeof import('./graphql.js').WebDeleteMyAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebCancelAccountDeletion {\n    cancelAccountDeletion\n  }\n"): typeof import('./graphql.js').WebCancelAccountDeletionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebOidcProviders {\n    oidcProviders {\n      name\n      label\n      startUrl\n    }\n  }\n"): typeof import('./graphql.js').WebOidcProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebCompleteOidcSignIn($input: CompleteOidcSignInInput!) {\n    completeOidcSignIn(input: $input) {\n      __typename\n      ...WebSession\n      ...WebChallenge\n    }\n  }\n"): typeof import('./graphql.js').WebCompleteOidcSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebMyLinkedAccounts {\n    myLinkedAccounts {\n      provider\n      label\n      email\n      lastUsedAt\n    }\n    me {\n      id\n      hasPassword\n    }\n  }\n"): typeof import('./graphql.js').WebMyLinkedAccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebStartOidcLink($input: StartOidcLinkInput!) {\n    startOidcLink(input: $input) {\n      url\n    }\n  }\n"): typeof import('./graphql.js').WebStartOidcLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebUnlinkAccount($input: UnlinkAccountInput!) {\n    unlinkAccount(input: $input) {\n      linkedAccounts {\n        provider\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebUnlinkAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebUserLinkedAccounts($id: ID!) {\n    user(id: $id) {\n      id\n      hasPassword\n      linkedAccounts {\n        provider\n        label\n        email\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebUserLinkedAccountsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
