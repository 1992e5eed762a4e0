// The built-in permissions and roles. Imports nothing, so the seed, the services and the auth scopes can all read
// it without reaching into each other. A module that checks a new permission by name adds it here: the
// `permission` auth scope accepts only these names, so a misspelt one does not compile.
export const BUILT_IN_PERMISSIONS = {
  'user:read': 'See users and their profiles',
  'user:write': 'Edit users and enable or disable accounts',
  'user:delete': 'Delete users',
  'role:manage': 'Create, edit and delete roles and permissions, and change user roles',
  'notification:send': 'Send notifications to a user or to everyone',
  'report:view': 'See login history, statistics and the audit trail',
  'user:impersonate': 'Act as another user (never an Admin) for up to an hour, on the record',
} as const;

export type BuiltInPermission = keyof typeof BUILT_IN_PERMISSIONS;

export const BUILT_IN_ROLES: Record<'Admin' | 'Moderator' | 'User', { description: string; permissions: BuiltInPermission[] }> = {
  Admin: { description: 'Full access', permissions: Object.keys(BUILT_IN_PERMISSIONS) as BuiltInPermission[] },
  Moderator: { description: 'Sees users and reports, sends notifications', permissions: ['user:read', 'notification:send', 'report:view'] },
  User: { description: 'A member', permissions: ['user:read'] },
};

/** The role new accounts get. */
export const DEFAULT_ROLE = 'User';
export const ADMIN_ROLE = 'Admin';
