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
    "\n  mutation WebRegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      ...WebSession\n    }\n  }\n": typeof types.WebRegisterUserDocument,
    "\n  mutation WebLogin($input: LoginInput!) {\n    login(input: $input) {\n      ...WebSession\n    }\n  }\n": typeof types.WebLoginDocument,
    "\n  mutation WebRefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      ...WebSession\n    }\n  }\n": typeof types.WebRefreshTokenDocument,
    "\n  mutation WebLogout {\n    logout {\n      success\n    }\n  }\n": typeof types.WebLogoutDocument,
    "\n  query WebMe {\n    me {\n      id\n      username\n      email\n      phone\n      avatarUrl\n      thumbUrl: avatarUrl(size: THUMB)\n      termsAccepted\n      deletionScheduledFor\n      role {\n        id\n        name\n        permissions {\n          name\n        }\n      }\n    }\n  }\n": typeof types.WebMeDocument,
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
    "\n  mutation WebResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ...WebSession\n    }\n  }\n": typeof types.WebResetPasswordDocument,
    "\n  mutation WebRequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input)\n  }\n": typeof types.WebRequestSignInCodeDocument,
    "\n  mutation WebSignInWithCode($input: SignInWithCodeInput!) {\n    signInWithCode(input: $input) {\n      ...WebSession\n    }\n  }\n": typeof types.WebSignInWithCodeDocument,
    "\n  mutation WebVerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        id\n        emailVerified\n      }\n    }\n  }\n": typeof types.WebVerifyEmailDocument,
    "\n  query WebVerification {\n    me {\n      id\n      email\n      phone\n      emailVerified\n      phoneVerified\n      pendingEmail\n      pendingPhone\n    }\n  }\n": typeof types.WebVerificationDocument,
    "\n  mutation WebRequestEmailVerification {\n    requestEmailVerification\n  }\n": typeof types.WebRequestEmailVerificationDocument,
    "\n  mutation WebRequestPhoneVerification {\n    requestPhoneVerification\n  }\n": typeof types.WebRequestPhoneVerificationDocument,
    "\n  mutation WebVerifyPhone($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      user {\n        id\n        phoneVerified\n      }\n    }\n  }\n": typeof types.WebVerifyPhoneDocument,
    "\n  query WebRequiredTerms {\n    requiredTermsVersion\n  }\n": typeof types.WebRequiredTermsDocument,
    "\n  mutation WebAcceptTerms($input: AcceptTermsInput!) {\n    acceptTerms(input: $input)\n  }\n": typeof types.WebAcceptTermsDocument,
    "\n  query WebMyDataExports {\n    myDataExports {\n      id\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n": typeof types.WebMyDataExportsDocument,
    "\n  mutation WebExportMyData {\n    exportMyData {\n      id\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n": typeof types.WebExportMyDataDocument,
    "\n  mutation WebDeleteMyAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n": typeof types.WebDeleteMyAccountDocument,
    "\n  mutation WebCancelAccountDeletion {\n    cancelAccountDeletion\n  }\n": typeof types.WebCancelAccountDeletionDocument,
};
const documents: Documents = {
    "\n  fragment WebSession on AuthPayload {\n    token\n    expiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      id\n    }\n  }\n": types.WebSessionFragmentDoc,
    "\n  mutation WebRegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      ...WebSession\n    }\n  }\n": types.WebRegisterUserDocument,
    "\n  mutation WebLogin($input: LoginInput!) {\n    login(input: $input) {\n      ...WebSession\n    }\n  }\n": types.WebLoginDocument,
    "\n  mutation WebRefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      ...WebSession\n    }\n  }\n": types.WebRefreshTokenDocument,
    "\n  mutation WebLogout {\n    logout {\n      success\n    }\n  }\n": types.WebLogoutDocument,
    "\n  query WebMe {\n    me {\n      id\n      username\n      email\n      phone\n      avatarUrl\n      thumbUrl: avatarUrl(size: THUMB)\n      termsAccepted\n      deletionScheduledFor\n      role {\n        id\n        name\n        permissions {\n          name\n        }\n      }\n    }\n  }\n": types.WebMeDocument,
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
    "\n  mutation WebResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ...WebSession\n    }\n  }\n": types.WebResetPasswordDocument,
    "\n  mutation WebRequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input)\n  }\n": types.WebRequestSignInCodeDocument,
    "\n  mutation WebSignInWithCode($input: SignInWithCodeInput!) {\n    signInWithCode(input: $input) {\n      ...WebSession\n    }\n  }\n": types.WebSignInWithCodeDocument,
    "\n  mutation WebVerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        id\n        emailVerified\n      }\n    }\n  }\n": types.WebVerifyEmailDocument,
    "\n  query WebVerification {\n    me {\n      id\n      email\n      phone\n      emailVerified\n      phoneVerified\n      pendingEmail\n      pendingPhone\n    }\n  }\n": types.WebVerificationDocument,
    "\n  mutation WebRequestEmailVerification {\n    requestEmailVerification\n  }\n": types.WebRequestEmailVerificationDocument,
    "\n  mutation WebRequestPhoneVerification {\n    requestPhoneVerification\n  }\n": types.WebRequestPhoneVerificationDocument,
    "\n  mutation WebVerifyPhone($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      user {\n        id\n        phoneVerified\n      }\n    }\n  }\n": types.WebVerifyPhoneDocument,
    "\n  query WebRequiredTerms {\n    requiredTermsVersion\n  }\n": types.WebRequiredTermsDocument,
    "\n  mutation WebAcceptTerms($input: AcceptTermsInput!) {\n    acceptTerms(input: $input)\n  }\n": types.WebAcceptTermsDocument,
    "\n  query WebMyDataExports {\n    myDataExports {\n      id\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n": types.WebMyDataExportsDocument,
    "\n  mutation WebExportMyData {\n    exportMyData {\n      id\n      status\n      url\n      createdAt\n      expiresAt\n    }\n  }\n": types.WebExportMyDataDocument,
    "\n  mutation WebDeleteMyAccount($input: DeleteMyAccountInput!) {\n    deleteMyAccount(input: $input) {\n      scheduledFor\n    }\n  }\n": types.WebDeleteMyAccountDocument,
    "\n  mutation WebCancelAccountDeletion {\n    cancelAccountDeletion\n  }\n": types.WebCancelAccountDeletionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebSession on AuthPayload {\n    token\n    expiresAt\n    refreshToken\n    refreshTokenExpiresAt\n    user {\n      id\n    }\n  }\n"): typeof import('./graphql.js').WebSessionFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      ...WebSession\n    }\n  }\n"): typeof import('./graphql.js').WebRegisterUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebLogin($input: LoginInput!) {\n    login(input: $input) {\n      ...WebSession\n    }\n  }\n"): typeof import('./graphql.js').WebLoginDocument;
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
export function graphql(source: "\n  query WebMe {\n    me {\n      id\n      username\n      email\n      phone\n      avatarUrl\n      thumbUrl: avatarUrl(size: THUMB)\n      termsAccepted\n      deletionScheduledFor\n      role {\n        id\n        name\n        permissions {\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebMeDocument;
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
export function graphql(source: "\n  mutation WebResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      ...WebSession\n    }\n  }\n"): typeof import('./graphql.js').WebResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebRequestSignInCode($input: RequestSignInCodeInput!) {\n    requestSignInCode(input: $input)\n  }\n"): typeof import('./graphql.js').WebRequestSignInCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebSignInWithCode($input: SignInWithCodeInput!) {\n    signInWithCode(input: $input) {\n      ...WebSession\n    }\n  }\n"): typeof import('./graphql.js').WebSignInWithCodeDocument;
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


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
