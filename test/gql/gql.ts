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
    "\n  mutation UploadAvatar($file: Upload!) {\n    uploadAvatar(file: $file) {\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n        avatarUpdatedAt\n      }\n    }\n  }\n": typeof types.UploadAvatarDocument,
    "\n  mutation DeleteAvatar {\n    deleteAvatar {\n      removed\n      user {\n        id\n        avatarUrl\n        avatarUpdatedAt\n      }\n    }\n  }\n": typeof types.DeleteAvatarDocument,
    "\n  query MyAvatar {\n    me {\n      id\n      avatarUrl\n      mainUrl: avatarUrl(size: MAIN)\n      thumbUrl: avatarUrl(size: THUMB)\n      avatarUpdatedAt\n    }\n  }\n": typeof types.MyAvatarDocument,
    "\n  mutation RegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      token\n      expiresAt\n      refreshToken\n      refreshTokenExpiresAt\n      user {\n        id\n        username\n        email\n        phone\n        isActive\n        role {\n          name\n        }\n      }\n    }\n  }\n": typeof types.RegisterUserDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      refreshToken\n      refreshTokenExpiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n  }\n": typeof types.LoginDocument,
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
};
const documents: Documents = {
    "\n  mutation UploadAvatar($file: Upload!) {\n    uploadAvatar(file: $file) {\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n        avatarUpdatedAt\n      }\n    }\n  }\n": types.UploadAvatarDocument,
    "\n  mutation DeleteAvatar {\n    deleteAvatar {\n      removed\n      user {\n        id\n        avatarUrl\n        avatarUpdatedAt\n      }\n    }\n  }\n": types.DeleteAvatarDocument,
    "\n  query MyAvatar {\n    me {\n      id\n      avatarUrl\n      mainUrl: avatarUrl(size: MAIN)\n      thumbUrl: avatarUrl(size: THUMB)\n      avatarUpdatedAt\n    }\n  }\n": types.MyAvatarDocument,
    "\n  mutation RegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      token\n      expiresAt\n      refreshToken\n      refreshTokenExpiresAt\n      user {\n        id\n        username\n        email\n        phone\n        isActive\n        role {\n          name\n        }\n      }\n    }\n  }\n": types.RegisterUserDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      refreshToken\n      refreshTokenExpiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n  }\n": types.LoginDocument,
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
export function graphql(source: "\n  mutation RegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      token\n      expiresAt\n      refreshToken\n      refreshTokenExpiresAt\n      user {\n        id\n        username\n        email\n        phone\n        isActive\n        role {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      token\n      expiresAt\n      refreshToken\n      refreshTokenExpiresAt\n      user {\n        id\n        username\n        email\n        phone\n        isActive\n        role {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      refreshToken\n      refreshTokenExpiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      refreshToken\n      refreshTokenExpiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;