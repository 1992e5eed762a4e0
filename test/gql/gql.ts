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
    "\n  mutation RegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n        phone\n        isActive\n        role {\n          name\n        }\n      }\n    }\n  }\n": typeof types.RegisterUserDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      success\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      email\n      phone\n      isActive\n      createdAt\n      role {\n        name\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        username\n        email\n        phone\n      }\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      success\n      revokedSessions\n    }\n  }\n": typeof types.ChangePasswordDocument,
};
const documents: Documents = {
    "\n  mutation UploadAvatar($file: Upload!) {\n    uploadAvatar(file: $file) {\n      user {\n        id\n        avatarUrl\n        thumbUrl: avatarUrl(size: THUMB)\n        avatarUpdatedAt\n      }\n    }\n  }\n": types.UploadAvatarDocument,
    "\n  mutation DeleteAvatar {\n    deleteAvatar {\n      removed\n      user {\n        id\n        avatarUrl\n        avatarUpdatedAt\n      }\n    }\n  }\n": types.DeleteAvatarDocument,
    "\n  query MyAvatar {\n    me {\n      id\n      avatarUrl\n      mainUrl: avatarUrl(size: MAIN)\n      thumbUrl: avatarUrl(size: THUMB)\n      avatarUpdatedAt\n    }\n  }\n": types.MyAvatarDocument,
    "\n  mutation RegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n        phone\n        isActive\n        role {\n          name\n        }\n      }\n    }\n  }\n": types.RegisterUserDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      success\n    }\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      email\n      phone\n      isActive\n      createdAt\n      role {\n        name\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        username\n        email\n        phone\n      }\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      success\n      revokedSessions\n    }\n  }\n": types.ChangePasswordDocument,
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
export function graphql(source: "\n  mutation RegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n        phone\n        isActive\n        role {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterUser($input: RegisterUserInput!) {\n    registerUser(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n        phone\n        isActive\n        role {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;