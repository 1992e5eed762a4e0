// GraphQL types for roles and permissions.
import type { PermissionRow, RoleRow } from '../../db/schema.js';
import { builder } from '../../graphql/builder.js';

export const RoleRef = builder.objectRef<RoleRow>('Role');
export const PermissionRef = builder.objectRef<PermissionRow>('Permission');

PermissionRef.implement({
  description: 'A named capability, `resource:action`, granted to roles.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
  }),
});

RoleRef.implement({
  description: 'A set of permissions. Every user has exactly one role.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    isSystem: t.exposeBoolean('isSystem', { description: 'Built-in roles (Admin, Moderator, User) cannot be deleted.' }),
  }),
});
