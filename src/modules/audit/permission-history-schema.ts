// GraphQL fields for reading the permission history (who changed which role, permission or user, and how).
import { builder } from '../../graphql/builder.js';
import { keysetConnection, TOTAL_COUNT_DESCRIPTION } from '../../graphql/connections.js';
import { parseId } from '../../validation.js';
import { UserRef } from '../users/schema.js';
import { countHistory, HISTORY_ACTIONS, historyCursor, listHistory, type HistoryFilter, type HistoryRow } from './permission-history.js';
import { PermissionRef, RoleRef } from '../roles/schema.js';

const MANAGE = { permission: 'role:manage' } as const;

const HistoryAction = builder.enumType('PermissionHistoryAction', {
  description: 'What a permission-history entry records.',
  values: HISTORY_ACTIONS,
});

const HistoryEntryRef = builder.objectRef<HistoryRow>('PermissionHistoryEntry').implement({
  description: 'One change to roles, permissions or a user\'s role or status, with JSON snapshots before and after.',
  fields: (t) => ({
    id: t.exposeID('id'),
    action: t.field({ type: HistoryAction, resolve: (entry) => entry.action }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: 'Who made the change.',
      resolve: (entry, _args, ctx) => (entry.actorId === null ? null : ctx.loaders.user.load(entry.actorId)),
    }),
    targetUser: t.field({
      type: UserRef,
      nullable: true,
      resolve: (entry, _args, ctx) => (entry.targetUserId === null ? null : ctx.loaders.user.load(entry.targetUserId)),
    }),
    targetRoleId: t.id({ nullable: true, description: 'Kept after the role is deleted.', resolve: (entry) => entry.targetRoleId }),
    targetRole: t.field({
      type: RoleRef,
      nullable: true,
      description: 'Null once the role is deleted (see targetRoleId and the snapshots).',
      resolve: (entry, _args, ctx) => (entry.targetRoleId === null ? null : ctx.loaders.role.load(entry.targetRoleId)),
    }),
    targetPermissionId: t.id({ nullable: true, resolve: (entry) => entry.targetPermissionId }),
    targetPermission: t.field({
      type: PermissionRef,
      nullable: true,
      description: 'Null once the permission is deleted.',
      resolve: (entry, _args, ctx) => (entry.targetPermissionId === null ? null : ctx.loaders.permission.load(entry.targetPermissionId)),
    }),
    before: t.field({ type: 'JSON', nullable: true, description: 'The target before the change; null when it did not exist.', resolve: (entry) => entry.before }),
    after: t.field({ type: 'JSON', nullable: true, description: 'The target after the change; null when it no longer exists.', resolve: (entry) => entry.after }),
    reason: t.exposeString('reason', { nullable: true }),
    createdAt: t.field({ type: 'DateTime', resolve: (entry) => entry.at }),
  }),
});

const HistoryFilterInput = builder.inputType('PermissionHistoryFilter', {
  fields: (t) => ({
    actions: t.field({ type: [HistoryAction], required: false }),
    actorId: t.id({ required: false }),
    targetUserId: t.id({ required: false }),
    targetRoleId: t.id({ required: false }),
    targetPermissionId: t.id({ required: false }),
    from: t.field({ type: 'DateTime', required: false, description: 'Entries at or after this instant.' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Entries at or before this instant.' }),
  }),
});

const optionalId = (value: string | null | undefined, field: string) => (value == null ? null : parseId(value, field));

builder.queryFields((t) => ({
  permissionHistory: t.connection(
    {
      type: HistoryEntryRef,
      description: 'The permission history, newest first. Needs `role:manage`.',
      authScopes: MANAGE,
      edgesNullable: { list: false, items: false },
      args: { filter: t.arg({ type: HistoryFilterInput, required: false }) },
      resolve: (_root, args, ctx) => {
        const f = args.filter;
        const filter: HistoryFilter = {
          actions: f?.actions,
          actorId: optionalId(f?.actorId, 'actorId'),
          targetUserId: optionalId(f?.targetUserId, 'targetUserId'),
          targetRoleId: optionalId(f?.targetRoleId, 'targetRoleId'),
          targetPermissionId: optionalId(f?.targetPermissionId, 'targetPermissionId'),
          from: f?.from,
          to: f?.to,
        };
        return keysetConnection(args, {
          toCursor: historyCursor,
          fetch: (page) => listHistory(ctx.runtime.db, filter, page),
          count: () => countHistory(ctx.runtime.db, filter),
        });
      },
    },
    {
      name: 'PermissionHistoryConnection',
      fields: (tc) => ({ totalCount: tc.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: (connection) => connection.totalCount() }) }),
    },
    { name: 'PermissionHistoryEdge' },
  ),
  userRoleHistory: t.connection(
    {
      type: HistoryEntryRef,
      description: "The role changes of one user (deleted users included), newest first. Needs `role:manage`.",
      authScopes: MANAGE,
      edgesNullable: { list: false, items: false },
      args: { userId: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => {
        const filter: HistoryFilter = { actions: ['USER_ROLE_CHANGED'], targetUserId: parseId(args.userId, 'userId') };
        return keysetConnection(args, {
          toCursor: historyCursor,
          fetch: (page) => listHistory(ctx.runtime.db, filter, page),
          count: () => countHistory(ctx.runtime.db, filter),
        });
      },
    },
    {
      name: 'UserRoleHistoryConnection',
      fields: (tc) => ({ totalCount: tc.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: (connection) => connection.totalCount() }) }),
    },
    { name: 'UserRoleHistoryEdge' },
  ),
}));
