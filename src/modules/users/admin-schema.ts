// GraphQL fields for user administration: list and search users, change a role, disable or delete an account.
import { multilineText } from '../../graphql/text-input.js';
import type { UserRow } from '../../db/schema.js';
import { builder } from '../../graphql/builder.js';
import { keysetConnection, TOTAL_COUNT_DESCRIPTION } from '../../graphql/connections.js';
import { actorId, changed } from '../../graphql/resolvers.js';
import {
  changeUserRole,
  countUsers,
  DEFAULT_USER_ORDER,
  deleteUser,
  getUser,
  listUsers,
  revokeUserSessions,
  setUserStatus,
  userCursor,
  type UserFilter,
  type UserOrder,
} from './admin.js';
import { UserRef } from './schema.js';

// "Account" status, not presence (online/away/offline is the realtime module's).
export const AccountStatusEnum = builder.enumType('AccountStatus', {
  values: {
    ACTIVE: { description: 'Can sign in.' },
    DISABLED: { description: 'Disabled by an administrator: cannot sign in, and existing tokens stop working.' },
  } as const,
});

const UserOrderField = builder.enumType('UserOrderField', {
  values: {
    CREATED_AT: { description: 'Sign-up time (ties broken by id).' },
    USERNAME: { description: 'Username, ignoring case.' },
  } as const,
});

const OrderDirection = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });

const UserOrderInput = builder.inputType('UserOrder', {
  fields: (t) => ({
    field: t.field({ type: UserOrderField, required: true }),
    direction: t.field({ type: OrderDirection, required: true }),
  }),
});

builder.queryFields((t) => ({
  users: t.connection(
    {
      type: UserRef,
      description:
        'Users that are not deleted, a page at a time (at most 100). Needs `user:read`. `search` matches the start of the username (any case), and for callers who may see contact details (`user:write`) also of the email address and the phone number (any common format, e.g. 0812 or +66812).',
      authScopes: { permission: 'user:read' },
      edgesNullable: { list: false, items: false },
      args: {
        search: t.arg.string({ required: false }),
        role: t.arg.id({ required: false, description: 'Only users holding this role.' }),
        status: t.arg({ type: AccountStatusEnum, required: false }),
        orderBy: t.arg({ type: UserOrderInput, required: false, description: 'Newest first when omitted.' }),
      },
      resolve: async (_root, args, ctx) => {
        // Not an access decision (the field's scope is): it narrows which columns the search may look at, by the
        // same rule that hides email and phone on User, so a search cannot be used to guess hidden values.
        const viewer = await ctx.auth.viewer();
        const filter: UserFilter = {
          search: args.search,
          roleId: args.role,
          status: args.status,
          matchContact: viewer ? (await viewer.permissions()).has('user:write') : false,
        };
        const order: UserOrder = args.orderBy ?? DEFAULT_USER_ORDER;
        return keysetConnection<UserRow>(args, {
          toCursor: (user) => userCursor(user, order),
          fetch: (page) => listUsers(ctx.runtime, filter, order, page),
          count: () => countUsers(ctx.runtime, filter),
        });
      },
    },
    {
      name: 'UserConnection',
      fields: (tc) => ({ totalCount: tc.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: (connection) => connection.totalCount() }) }),
    },
    { name: 'UserEdge' },
  ),
  user: t.field({
    type: UserRef,
    description: 'One user; NOT_FOUND for an unknown or deleted one. Needs `user:read`.',
    authScopes: { permission: 'user:read' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => getUser(ctx.runtime.db, id),
  }),
}));

const reasonField = { required: false, description: 'Why: kept in the audit trail. At most 500 characters.', ...multilineText } as const;

const ChangeUserRoleInput = builder.inputType('ChangeUserRoleInput', {
  fields: (t) => ({
    userId: t.id({ required: true }),
    roleId: t.id({ required: true }),
    reason: t.string(reasonField),
  }),
});

const SetUserStatusInput = builder.inputType('SetUserStatusInput', {
  fields: (t) => ({
    userId: t.id({ required: true }),
    active: t.boolean({ required: true, description: 'False disables the account and signs out all of its sessions at once.' }),
    reason: t.string(reasonField),
  }),
});

const DeleteUserInput = builder.inputType('DeleteUserInput', {
  fields: (t) => ({ userId: t.id({ required: true }), reason: t.string(reasonField) }),
});

const RevokeUserSessionsInput = builder.inputType('RevokeUserSessionsInput', {
  fields: (t) => ({ userId: t.id({ required: true }), reason: t.string(reasonField) }),
});

const ChangeUserRolePayload = builder.simpleObject('ChangeUserRolePayload', {
  fields: (t) => ({ user: t.field({ type: UserRef }) }),
});

const SetUserStatusPayload = builder.simpleObject('SetUserStatusPayload', {
  fields: (t) => ({
    user: t.field({ type: UserRef }),
    revokedSessions: t.int({ description: 'How many live sessions were signed out.' }),
  }),
});

const DeleteUserPayload = builder.simpleObject('DeleteUserPayload', {
  fields: (t) => ({
    deletedUserId: t.id(),
    revokedSessions: t.int({ description: 'How many live sessions were signed out.' }),
  }),
});

builder.mutationFields((t) => ({
  changeUserRole: t.field({
    type: ChangeUserRolePayload,
    description:
      "Moves a user to another role; the new permissions apply from the user's next request. Refused (CONFLICT, reason LAST_ADMIN) when no active user would keep `role:manage`. Needs `role:manage`.",
    authScopes: { permission: 'role:manage' },
    args: { input: t.arg({ type: ChangeUserRoleInput, required: true }) },
    resolve: async (_root, { input }, ctx) => changed(ctx, { user: await changeUserRole(ctx.runtime, await actorId(ctx), input) }),
  }),
  setUserStatus: t.field({
    type: SetUserStatusPayload,
    description:
      'Disables an account (its tokens stop working on their next request) or enables it again (old tokens stay revoked). Refused (CONFLICT, reason LAST_ADMIN) for the last active user with `role:manage`. Needs `user:write`.',
    authScopes: { permission: 'user:write' },
    args: { input: t.arg({ type: SetUserStatusInput, required: true }) },
    resolve: async (_root, { input }, ctx) => changed(ctx, await setUserStatus(ctx.runtime, await actorId(ctx), input)),
  }),
  deleteUser: t.field({
    type: DeleteUserPayload,
    description:
      'Soft-deletes an account: it can no longer sign in, its sessions end, and its username, email and phone stay reserved. Needs `user:delete`.',
    authScopes: { permission: 'user:delete' },
    args: { input: t.arg({ type: DeleteUserInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await deleteUser(ctx.runtime, await actorId(ctx), input);
      return changed(ctx, { deletedUserId: result.id, revokedSessions: result.revokedSessions });
    },
  }),
  revokeUserSessions: t.field({
    type: builder.simpleObject('RevokeUserSessionsPayload', {
      fields: (f) => ({ revokedSessions: f.int({ description: 'How many live sessions were signed out.' }) }),
    }),
    description: "Signs a user out of every session (their sockets close at once) without disabling the account. Needs `user:write`.",
    authScopes: { permission: 'user:write' },
    args: { input: t.arg({ type: RevokeUserSessionsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => changed(ctx, await revokeUserSessions(ctx.runtime, await actorId(ctx), input)),
  }),
}));
