// GraphQL types and fields for roles and permissions (managing them needs `role:manage`).
import { multilineText } from '../../graphql/text-input.js';
import type { PermissionRow, RoleRow } from '../../db/schema.js';
import { builder } from '../../graphql/builder.js';
import { actorId, changed } from '../../graphql/resolvers.js';
import {
  createPermission,
  createRole,
  deletePermission,
  deleteRole,
  isSystemPermission,
  listPermissions,
  listRoles,
  updatePermission,
  updateRole,
} from './service.js';

export const RoleRef = builder.objectRef<RoleRow>('Role');
export const PermissionRef = builder.objectRef<PermissionRow>('Permission');

const MANAGE = { permission: 'role:manage' } as const;

PermissionRef.implement({
  description: 'A named capability, `resource:action`, granted to roles.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    isSystem: t.boolean({
      description: 'Built-in permissions are checked by the service itself: they can be described but not renamed or deleted.',
      resolve: (permission) => isSystemPermission(permission.name),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

RoleRef.implement({
  description: 'A set of permissions. Every user has exactly one role.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    isSystem: t.exposeBoolean('isSystem', { description: 'Built-in roles (Admin, Moderator, User) cannot be deleted or renamed.' }),
    permissions: t.field({
      type: [PermissionRef],
      nullable: true,
      description:
        "What the role grants, by name. Visible to the role's holders (a client shows what the caller may do) and to holders of `role:manage`; null for everyone else, as `roles` is.",
      // On the field, so every path to a Role (users, user, stats, history, payloads) obeys the same rule.
      authScopes: (role) => ({ $any: { roleHolder: role.id, ...MANAGE } }),
      unauthorizedResolver: () => null,
      resolve: (role, _args, ctx) => ctx.loaders.rolePermissions.load(role.id),
    }),
    userCount: t.int({
      nullable: true,
      description: 'How many users (not deleted) hold the role. Needs `role:manage`.',
      authScopes: MANAGE,
      resolve: (role, _args, ctx) => ctx.loaders.roleUserCount.load(role.id),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  roles: t.field({
    type: [RoleRef],
    description: 'Every role, oldest first. Needs `role:manage`.',
    authScopes: MANAGE,
    resolve: (_root, _args, ctx) => listRoles(ctx.runtime.db),
  }),
  permissions: t.field({
    type: [PermissionRef],
    description: 'Every permission, by name. Needs `role:manage`.',
    authScopes: MANAGE,
    resolve: (_root, _args, ctx) => listPermissions(ctx.runtime.db),
  }),
}));

// ---- mutations

const reasonField = { required: false, description: 'Why: kept in the permission history. At most 500 characters.', ...multilineText } as const;

const CreateRoleInput = builder.inputType('CreateRoleInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1 to 64 characters, unique regardless of case.' }),
    description: t.string({ required: false, description: 'At most 255 characters.', ...multilineText }),
    permissionIds: t.idList({ required: false, description: 'The permissions the role grants.' }),
    reason: t.string(reasonField),
  }),
});

const UpdateRoleInput = builder.inputType('UpdateRoleInput', {
  description: 'Only the fields given are changed.',
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: false, description: 'Built-in roles keep their names.' }),
    description: t.string({ required: false, ...multilineText }),
    permissionIds: t.idList({ required: false, description: 'The complete new set of permissions (not a delta).' }),
    reason: t.string(reasonField),
  }),
});

const DeleteRoleInput = builder.inputType('DeleteRoleInput', {
  fields: (t) => ({ id: t.id({ required: true }), reason: t.string(reasonField) }),
});

const CreatePermissionInput = builder.inputType('CreatePermissionInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'resource:action, lower-case, e.g. `report:export`.' }),
    description: t.string({ required: false, ...multilineText }),
    reason: t.string(reasonField),
  }),
});

const UpdatePermissionInput = builder.inputType('UpdatePermissionInput', {
  description: 'Only the fields given are changed.',
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: false, description: 'Built-in permissions keep their names.' }),
    description: t.string({ required: false, ...multilineText }),
    reason: t.string(reasonField),
  }),
});

const DeletePermissionInput = builder.inputType('DeletePermissionInput', {
  fields: (t) => ({ id: t.id({ required: true }), reason: t.string(reasonField) }),
});

const RolePayload = (name: string) => builder.simpleObject(name, { fields: (t) => ({ role: t.field({ type: RoleRef }) }) });
const PermissionPayload = (name: string) => builder.simpleObject(name, { fields: (t) => ({ permission: t.field({ type: PermissionRef }) }) });
const CreateRolePayload = RolePayload('CreateRolePayload');
const UpdateRolePayload = RolePayload('UpdateRolePayload');
const CreatePermissionPayload = PermissionPayload('CreatePermissionPayload');
const UpdatePermissionPayload = PermissionPayload('UpdatePermissionPayload');

const DeleteRolePayload = builder.simpleObject('DeleteRolePayload', {
  fields: (t) => ({ deletedRoleId: t.id() }),
});

const DeletePermissionPayload = builder.simpleObject('DeletePermissionPayload', {
  fields: (t) => ({
    deletedPermissionId: t.id(),
    revokedFromRoles: t.int({ description: 'How many roles granted it.' }),
  }),
});

builder.mutationFields((t) => ({
  createRole: t.field({
    type: CreateRolePayload,
    description: 'Creates a role. Needs `role:manage`.',
    authScopes: MANAGE,
    args: { input: t.arg({ type: CreateRoleInput, required: true }) },
    resolve: async (_root, { input }, ctx) => changed(ctx, { role: await createRole(ctx.runtime, await actorId(ctx), input) }),
  }),
  updateRole: t.field({
    type: UpdateRolePayload,
    description:
      'Renames, describes or sets the permissions of a role; takes effect on its holders\' next request. Refused (CONFLICT, reason LAST_ADMIN) when no active user would keep `role:manage`. Needs `role:manage`.',
    authScopes: MANAGE,
    args: { input: t.arg({ type: UpdateRoleInput, required: true }) },
    resolve: async (_root, { input }, ctx) => changed(ctx, { role: await updateRole(ctx.runtime, await actorId(ctx), input) }),
  }),
  deleteRole: t.field({
    type: DeleteRolePayload,
    description: 'Deletes a role nobody holds (CONFLICT, reason ROLE_IN_USE, otherwise); built-in roles cannot be deleted. Needs `role:manage`.',
    authScopes: MANAGE,
    args: { input: t.arg({ type: DeleteRoleInput, required: true }) },
    resolve: async (_root, { input }, ctx) => changed(ctx, { deletedRoleId: (await deleteRole(ctx.runtime, await actorId(ctx), input)).id }),
  }),
  createPermission: t.field({
    type: CreatePermissionPayload,
    description: 'Creates a permission (granted to no role yet). Needs `role:manage`.',
    authScopes: MANAGE,
    args: { input: t.arg({ type: CreatePermissionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => changed(ctx, { permission: await createPermission(ctx.runtime, await actorId(ctx), input) }),
  }),
  updatePermission: t.field({
    type: UpdatePermissionPayload,
    description: 'Renames or describes a permission. Needs `role:manage`.',
    authScopes: MANAGE,
    args: { input: t.arg({ type: UpdatePermissionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => changed(ctx, { permission: await updatePermission(ctx.runtime, await actorId(ctx), input) }),
  }),
  deletePermission: t.field({
    type: DeletePermissionPayload,
    description: 'Deletes a permission and takes it away from every role that had it (each recorded). Needs `role:manage`.',
    authScopes: MANAGE,
    args: { input: t.arg({ type: DeletePermissionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await deletePermission(ctx.runtime, await actorId(ctx), input);
      return changed(ctx, { deletedPermissionId: result.id, revokedFromRoles: result.revokedFromRoles });
    },
  }),
}));
