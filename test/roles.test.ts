// Roles and permissions over GraphQL: managing them, what the history records, built-in and last-admin protection.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ChangeUserRole,
  CreatePermission,
  CreateRole,
  DeletePermission,
  DeleteRole,
  DeleteUser,
  PermissionHistory,
  Permissions,
  Roles,
  SetUserStatus,
  UpdatePermission,
  UpdateRole,
} from './support/admin-operations.js';
import { accountWithRole, login, roleIds, signInRootAdmin } from './support/accounts.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { graphql } from './gql/index.js';
import type { PermissionHistoryFilter } from './gql/graphql.js';
import { BUILT_IN_PERMISSIONS } from '../src/modules/roles/catalog.js';

const TwoRoleUpdates = graphql(`
  mutation TwoRoleUpdates($first: UpdateRoleInput!, $second: UpdateRoleInput!) {
    first: updateRole(input: $first) {
      role {
        permissions {
          name
        }
      }
    }
    second: updateRole(input: $second) {
      role {
        permissions {
          name
        }
      }
    }
  }
`);

let server: TestServer;
let admin: { id: string; token: string };
let roleId: Record<string, string>;
let permissionId: Record<string, string>;

before(async () => {
  server = await startTestServer();
  admin = await signInRootAdmin(server);
  roleId = await roleIds(server, admin.token);
  const permissions = await server.request(Permissions, {}, { token: admin.token });
  permissionId = Object.fromEntries(permissions.data!.permissions.map((p) => [p.name, p.id]));
});
after(async () => {
  await server?.close();
});

async function history(filter: PermissionHistoryFilter, token = admin.token) {
  const result = await server.request(PermissionHistory, { filter, first: 100 }, { token });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data!.permissionHistory.edges.map((e) => e.node);
}

async function historyRowCount(): Promise<number> {
  const [row] = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM permission_history');
  return Number(row!.n);
}

async function permissionsOf(name: string): Promise<string[]> {
  const roles = await server.request(Roles, {}, { token: admin.token });
  return roles.data!.roles.find((r) => r.name === name)!.permissions!.map((p) => p.name).sort();
}

describe('reading roles and permissions', () => {
  test('roles lists the built-in roles with their permissions and how many users hold them', async () => {
    const result = await server.request(Roles, {}, { token: admin.token });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const byName = new Map(result.data!.roles.map((r) => [r.name, r]));
    assert.deepEqual([...byName.keys()].slice(0, 3), ['Admin', 'Moderator', 'User']);
    assert.ok([...byName.values()].slice(0, 3).every((r) => r.isSystem));
    assert.deepEqual(byName.get('Moderator')!.permissions!.map((p) => p.name).sort(), ['notification:send', 'report:view', 'user:read']);
    // Every built-in permission, whatever modules add to the catalog.
    assert.equal(byName.get('Admin')!.permissions!.length, Object.keys(BUILT_IN_PERMISSIONS).length);
    assert.equal(byName.get('Admin')!.userCount, 1);
  });

  test('permissions lists every permission, built-in ones marked', async () => {
    const result = await server.request(Permissions, {}, { token: admin.token });
    const names = result.data!.permissions.map((p) => p.name);
    assert.deepEqual(names, [...names].sort());
    for (const name of ['user:read', 'user:write', 'user:delete', 'role:manage', 'notification:send', 'report:view']) {
      assert.equal(result.data!.permissions.find((p) => p.name === name)?.isSystem, true, name);
    }
  });
});

describe('createRole, updateRole and deleteRole', () => {
  test('createRole creates the role and records ROLE_CREATED and one PERMISSION_GRANTED per permission', async () => {
    const result = await server.request(
      CreateRole,
      { input: { name: 'Support', description: 'Helps members', permissionIds: [permissionId['user:read']!, permissionId['report:view']!], reason: 'new team' } },
      { token: admin.token },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const role = result.data!.createRole.role;
    assert.deepEqual({ ...role, id: undefined }, {
      id: undefined,
      name: 'Support',
      description: 'Helps members',
      isSystem: false,
      permissions: [{ name: 'report:view' }, { name: 'user:read' }],
    });

    const entries = await history({ targetRoleId: role.id });
    assert.deepEqual(entries.map((e) => e.action).sort(), ['PERMISSION_GRANTED', 'PERMISSION_GRANTED', 'ROLE_CREATED']);
    const created = entries.find((e) => e.action === 'ROLE_CREATED')!;
    assert.equal(created.before, null);
    assert.deepEqual(created.after, { name: 'Support', description: 'Helps members', permissions: ['report:view', 'user:read'] });
    assert.equal(created.actor?.id, admin.id);
    assert.equal(created.reason, 'new team');
    assert.equal(created.targetRole?.name, 'Support');
    const grants = entries.filter((e) => e.action === 'PERMISSION_GRANTED');
    assert.deepEqual(grants.map((g) => g.targetPermission?.name).sort(), ['report:view', 'user:read']);
    assert.deepEqual(grants.map((g) => g.after).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))), [
      { role: 'Support', permission: 'report:view' },
      { role: 'Support', permission: 'user:read' },
    ]);
    assert.ok(grants.every((g) => g.before === null));
  });

  test('createRole refuses bad input, taken names (in any case) and unknown permissions, writing nothing', async () => {
    const rolesBefore = (await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM roles'))[0]!.n;
    const historyBefore = await historyRowCount();
    const cases = [
      [{ name: '   ' }, 'BAD_USER_INPUT', 'name'],
      [{ name: 'x'.repeat(65) }, 'BAD_USER_INPUT', 'name'],
      [{ name: 'Ok', description: 'd'.repeat(256) }, 'BAD_USER_INPUT', 'description'],
      [{ name: 'Ok', reason: 'r'.repeat(501) }, 'BAD_USER_INPUT', 'reason'],
      [{ name: 'admin' }, 'CONFLICT', 'name'],
      [{ name: 'SUPPORT' }, 'CONFLICT', 'name'],
      [{ name: 'Ok', permissionIds: ['999999'] }, 'NOT_FOUND', 'permissionIds'],
      [{ name: 'Ok', permissionIds: ['not-an-id'] }, 'BAD_USER_INPUT', 'permissionIds'],
    ] as const;
    for (const [input, code, field] of cases) {
      const result = await server.request(CreateRole, { input: { ...input, permissionIds: 'permissionIds' in input ? [...input.permissionIds] : undefined } }, { token: admin.token });
      assert.equal(errorCode(result), code, JSON.stringify(input));
      assert.equal(result.errors![0]!.extensions!.field, field, JSON.stringify(input));
    }
    assert.equal((await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM roles'))[0]!.n, rolesBefore);
    assert.equal(await historyRowCount(), historyBefore);
  });

  test('updateRole changes name, description and the permission set, recording the snapshot and each grant and revoke', async () => {
    const created = await server.request(
      CreateRole,
      { input: { name: 'Editors', permissionIds: [permissionId['user:read']!, permissionId['notification:send']!] } },
      { token: admin.token },
    );
    const id = created.data!.createRole.role.id;
    const result = await server.request(
      UpdateRole,
      { input: { id, name: 'Editorial', description: 'Writes things', permissionIds: [permissionId['user:read']!, permissionId['report:view']!], reason: 'reorg' } },
      { token: admin.token },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data!.updateRole.role.permissions!.map((p) => p.name), ['report:view', 'user:read']);
    assert.equal(result.data!.updateRole.role.name, 'Editorial');

    const entries = await history({ targetRoleId: id, actions: ['ROLE_UPDATED', 'PERMISSION_GRANTED', 'PERMISSION_REVOKED'] });
    const updated = entries.filter((e) => e.action === 'ROLE_UPDATED');
    assert.equal(updated.length, 1);
    assert.deepEqual(updated[0]!.before, { name: 'Editors', description: '', permissions: ['notification:send', 'user:read'] });
    assert.deepEqual(updated[0]!.after, { name: 'Editorial', description: 'Writes things', permissions: ['report:view', 'user:read'] });
    assert.equal(updated[0]!.reason, 'reorg');
    const revoked = entries.filter((e) => e.action === 'PERMISSION_REVOKED');
    assert.deepEqual(revoked.map((e) => [e.targetPermission?.name, e.before, e.after]), [
      ['notification:send', { role: 'Editorial', permission: 'notification:send' }, null],
    ]);
    // Granted at creation and now: the creation grant of user:read and notification:send, and report:view now.
    const grantedNow = entries.filter((e) => e.action === 'PERMISSION_GRANTED' && e.reason === 'reorg');
    assert.deepEqual(grantedNow.map((e) => [e.targetPermission?.name, e.before, e.after]), [['report:view', null, { role: 'Editorial', permission: 'report:view' }]]);

    // Saying the same thing again changes nothing and records nothing.
    const historyBefore = await historyRowCount();
    const same = await server.request(UpdateRole, { input: { id, name: 'Editorial', permissionIds: [permissionId['report:view']!, permissionId['user:read']!] } }, { token: admin.token });
    assert.equal(same.errors, undefined);
    assert.equal(await historyRowCount(), historyBefore);
  });

  test('each of several mutations in one request answers with what it changed', async () => {
    const created = await server.request(CreateRole, { input: { name: 'Twice' } }, { token: admin.token });
    const id = created.data!.createRole.role.id;
    const result = await server.request(
      TwoRoleUpdates,
      { first: { id, permissionIds: [permissionId['user:read']!] }, second: { id, permissionIds: [permissionId['report:view']!] } },
      { token: admin.token },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data!.first.role.permissions, [{ name: 'user:read' }]);
    assert.deepEqual(result.data!.second.role.permissions, [{ name: 'report:view' }]);
    await server.request(DeleteRole, { input: { id } }, { token: admin.token });
  });

  test('updateRole needs something to change, a known role, and a free name', async () => {
    assert.equal(errorCode(await server.request(UpdateRole, { input: { id: roleId.User! } }, { token: admin.token })), 'BAD_USER_INPUT');
    assert.equal(errorCode(await server.request(UpdateRole, { input: { id: '999999', description: 'x' } }, { token: admin.token })), 'NOT_FOUND');
    const taken = await server.request(UpdateRole, { input: { id: (await roleIds(server, admin.token)).Support!, name: 'moderator' } }, { token: admin.token });
    assert.equal(errorCode(taken), 'CONFLICT');
    assert.equal(taken.errors![0]!.extensions!.field, 'name');
  });

  test('built-in roles can be described and given permissions, but neither renamed nor deleted', async () => {
    const historyBefore = await historyRowCount();
    for (const name of ['Admin', 'Moderator', 'User']) {
      const renamed = await server.request(UpdateRole, { input: { id: roleId[name]!, name: `${name}2` } }, { token: admin.token });
      assert.equal(errorCode(renamed), 'CONFLICT', name);
      assert.equal(renamed.errors![0]!.extensions!.reason, 'SYSTEM_ROLE');
      const deleted = await server.request(DeleteRole, { input: { id: roleId[name]! } }, { token: admin.token });
      assert.equal(errorCode(deleted), 'CONFLICT', name);
      assert.equal(deleted.errors![0]!.extensions!.reason, 'SYSTEM_ROLE');
    }
    assert.equal(await historyRowCount(), historyBefore, 'refusals record nothing');
    assert.deepEqual(Object.keys(await roleIds(server, admin.token)).slice(0, 3), ['Admin', 'Moderator', 'User']);

    const described = await server.request(UpdateRole, { input: { id: roleId.User!, description: 'Everyone who signed up' } }, { token: admin.token });
    assert.equal(described.errors, undefined, JSON.stringify(described.errors));
    assert.equal(described.data!.updateRole.role.description, 'Everyone who signed up');
  });

  test('deleteRole is refused while users hold the role, then records ROLE_DELETED with the last snapshot', async () => {
    const created = await server.request(CreateRole, { input: { name: 'Temporary', permissionIds: [permissionId['user:read']!] } }, { token: admin.token });
    const id = created.data!.createRole.role.id;
    const holder = await accountWithRole(server, admin.token, 'Temporary');

    const refused = await server.request(DeleteRole, { input: { id } }, { token: admin.token });
    assert.equal(errorCode(refused), 'CONFLICT');
    assert.equal(refused.errors![0]!.extensions!.reason, 'ROLE_IN_USE');
    assert.equal(refused.errors![0]!.extensions!.userCount, 1);

    await server.request(ChangeUserRole, { input: { userId: holder.id, roleId: roleId.User! } }, { token: admin.token });
    const deleted = await server.request(DeleteRole, { input: { id, reason: 'project over' } }, { token: admin.token });
    assert.deepEqual(deleted.data, { deleteRole: { deletedRoleId: id } });
    assert.ok(!Object.values(await roleIds(server, admin.token)).includes(id));

    const [entry] = await history({ targetRoleId: id, actions: ['ROLE_DELETED'] });
    assert.deepEqual(entry!.before, { name: 'Temporary', description: '', permissions: ['user:read'] });
    assert.equal(entry!.after, null);
    assert.equal(entry!.reason, 'project over');
    assert.equal(entry!.targetRoleId, id, 'the id is kept');
    assert.equal(entry!.targetRole, null, 'the role itself is gone');
    assert.equal(errorCode(await server.request(DeleteRole, { input: { id } }, { token: admin.token })), 'NOT_FOUND');
  });

  test('a deleted account does not block deleting its role: it moves to User, on the record', async () => {
    const created = await server.request(CreateRole, { input: { name: 'Seasonal' } }, { token: admin.token });
    const id = created.data!.createRole.role.id;
    const holder = await accountWithRole(server, admin.token, 'Seasonal');
    assert.equal((await server.request(DeleteUser, { input: { userId: holder.id } }, { token: admin.token })).errors, undefined);

    const deleted = await server.request(DeleteRole, { input: { id } }, { token: admin.token });
    assert.equal(deleted.errors, undefined, JSON.stringify(deleted.errors));
    const [row] = await server.db.query<{ role_id: number }[]>('SELECT role_id FROM users WHERE id = ?', [Number(holder.id)]);
    assert.equal(String(row!.role_id), roleId.User);
    const [moved] = await history({ targetUserId: holder.id, actions: ['USER_ROLE_CHANGED'] });
    assert.deepEqual(moved!.before, { roleId: Number(id), roleName: 'Seasonal' });
    assert.deepEqual(moved!.after, { roleId: Number(roleId.User), roleName: 'User' });
    assert.match(moved!.reason!, /Seasonal/);
  });
});

describe('createPermission, updatePermission and deletePermission', () => {
  test('createPermission takes resource:action names only, unique, and records PERMISSION_CREATED', async () => {
    for (const name of ['Report:Export', 'noColon', 'a:b:c', ':x', 'x:', 'has space:x', `${'a'.repeat(40)}:${'b'.repeat(40)}`]) {
      const bad = await server.request(CreatePermission, { input: { name } }, { token: admin.token });
      assert.equal(errorCode(bad), 'BAD_USER_INPUT', name);
      assert.equal(bad.errors![0]!.extensions!.field, 'name');
    }
    const created = await server.request(CreatePermission, { input: { name: 'report:export', description: 'Download reports', reason: 'finance asked' } }, { token: admin.token });
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const permission = created.data!.createPermission.permission;
    assert.deepEqual({ ...permission, id: undefined }, { id: undefined, name: 'report:export', description: 'Download reports', isSystem: false });

    const duplicate = await server.request(CreatePermission, { input: { name: ' report:export ' } }, { token: admin.token });
    assert.equal(errorCode(duplicate), 'CONFLICT');
    assert.equal(duplicate.errors![0]!.extensions!.field, 'name');

    const [entry] = await history({ targetPermissionId: permission.id });
    assert.equal(entry!.action, 'PERMISSION_CREATED');
    assert.equal(entry!.before, null);
    assert.deepEqual(entry!.after, { name: 'report:export', description: 'Download reports' });
    assert.equal(entry!.reason, 'finance asked');
  });

  test('updatePermission renames custom permissions, and only describes built-in ones', async () => {
    const created = await server.request(CreatePermission, { input: { name: 'chat:moderate' } }, { token: admin.token });
    const id = created.data!.createPermission.permission.id;
    const renamed = await server.request(UpdatePermission, { input: { id, name: 'chat:mute', description: 'Mute people' } }, { token: admin.token });
    assert.deepEqual(renamed.data!.updatePermission.permission, { id, name: 'chat:mute', description: 'Mute people' });
    const [entry] = await history({ targetPermissionId: id, actions: ['PERMISSION_UPDATED'] });
    assert.deepEqual(entry!.before, { name: 'chat:moderate', description: '' });
    assert.deepEqual(entry!.after, { name: 'chat:mute', description: 'Mute people' });

    const builtIn = await server.request(UpdatePermission, { input: { id: permissionId['user:write']!, name: 'user:edit' } }, { token: admin.token });
    assert.equal(errorCode(builtIn), 'CONFLICT');
    assert.equal(builtIn.errors![0]!.extensions!.reason, 'SYSTEM_PERMISSION');
    const described = await server.request(UpdatePermission, { input: { id: permissionId['user:write']!, description: 'Edit and disable users' } }, { token: admin.token });
    assert.equal(described.data?.updatePermission.permission.description, 'Edit and disable users');

    assert.equal(errorCode(await server.request(UpdatePermission, { input: { id, name: 'report:export' } }, { token: admin.token })), 'CONFLICT');
    assert.equal(errorCode(await server.request(UpdatePermission, { input: { id: '999999', description: 'x' } }, { token: admin.token })), 'NOT_FOUND');
  });

  test('deletePermission takes it away from every role, recording each revoke and the deletion', async () => {
    const created = await server.request(CreatePermission, { input: { name: 'badge:award' } }, { token: admin.token });
    const id = created.data!.createPermission.permission.id;
    const moderatorPermissions = await permissionsOf('Moderator');
    for (const role of ['Moderator', 'Support']) {
      const current = (await server.request(Roles, {}, { token: admin.token })).data!.roles.find((r) => r.name === role)!;
      const granted = await server.request(UpdateRole, { input: { id: current.id, permissionIds: [...current.permissions!.map((p) => p.id), id] } }, { token: admin.token });
      assert.equal(granted.errors, undefined, JSON.stringify(granted.errors));
    }

    const deleted = await server.request(DeletePermission, { input: { id, reason: 'badges retired' } }, { token: admin.token });
    assert.deepEqual(deleted.data, { deletePermission: { deletedPermissionId: id, revokedFromRoles: 2 } });
    assert.deepEqual(await permissionsOf('Moderator'), moderatorPermissions);
    assert.ok(!(await permissionsOf('Support')).includes('badge:award'));

    const entries = await history({ targetPermissionId: id, actions: ['PERMISSION_REVOKED', 'PERMISSION_DELETED'] });
    const revoked = entries.filter((e) => e.action === 'PERMISSION_REVOKED');
    assert.deepEqual(revoked.map((e) => e.before).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))), [
      { role: 'Moderator', permission: 'badge:award' },
      { role: 'Support', permission: 'badge:award' },
    ]);
    assert.ok(revoked.every((e) => e.after === null && e.reason === 'badges retired'));
    const gone = entries.find((e) => e.action === 'PERMISSION_DELETED')!;
    assert.deepEqual(gone.before, { name: 'badge:award', description: '', roles: ['Moderator', 'Support'] });
    assert.equal(gone.targetPermission, null);

    for (const name of ['role:manage', 'user:read']) {
      const builtIn = await server.request(DeletePermission, { input: { id: permissionId[name]! } }, { token: admin.token });
      assert.equal(errorCode(builtIn), 'CONFLICT', name);
      assert.equal(builtIn.errors![0]!.extensions!.reason, 'SYSTEM_PERMISSION');
    }
  });
});

describe('permissions take effect at once', () => {
  test("granting and revoking a permission changes what a role's holders can do on their very next request", async () => {
    const moderator = await accountWithRole(server, admin.token, 'Moderator');
    assert.equal(errorCode(await server.request(Roles, {}, { token: moderator.token })), 'FORBIDDEN');
    const original = (await server.request(Roles, {}, { token: admin.token })).data!.roles.find((r) => r.name === 'Moderator')!.permissions!.map((p) => p.id);

    await server.request(UpdateRole, { input: { id: roleId.Moderator!, permissionIds: [...original, permissionId['role:manage']!] } }, { token: admin.token });
    const allowed = await server.request(Roles, {}, { token: moderator.token });
    assert.equal(allowed.errors, undefined, 'same token, no new sign-in');

    await server.request(UpdateRole, { input: { id: roleId.Moderator!, permissionIds: original } }, { token: admin.token });
    assert.equal(errorCode(await server.request(Roles, {}, { token: moderator.token })), 'FORBIDDEN');
  });
});

describe('nobody is locked out of administration', () => {
  test("removing role:manage from Admin is refused while no other active user could manage roles, and allowed once one can", async () => {
    const adminPermissions = (await server.request(Roles, {}, { token: admin.token })).data!.roles.find((r) => r.name === 'Admin')!.permissions!.map((p) => p.id);
    const withoutManage = adminPermissions.filter((id) => id !== permissionId['role:manage']);
    const historyBefore = await historyRowCount();

    const refused = await server.request(UpdateRole, { input: { id: roleId.Admin!, permissionIds: withoutManage } }, { token: admin.token });
    assert.equal(errorCode(refused), 'CONFLICT');
    assert.equal(refused.errors![0]!.extensions!.reason, 'LAST_ADMIN');
    assert.equal(refused.errors![0]!.extensions!.field, 'permissionIds');
    assert.ok((await permissionsOf('Admin')).includes('role:manage'), 'rolled back');
    assert.equal(await historyRowCount(), historyBefore, 'and nothing recorded');

    // A custom role with role:manage whose only holder is disabled does not count...
    const keepers = await server.request(CreateRole, { input: { name: 'Keepers', permissionIds: [permissionId['role:manage']!] } }, { token: admin.token });
    const keeper = await accountWithRole(server, admin.token, 'Keepers');
    await server.request(SetUserStatus, { input: { userId: keeper.id, active: false } }, { token: admin.token });
    assert.equal(errorCode(await server.request(UpdateRole, { input: { id: roleId.Admin!, permissionIds: withoutManage } }, { token: admin.token })), 'CONFLICT');

    // ...an active one does.
    await server.request(SetUserStatus, { input: { userId: keeper.id, active: true } }, { token: admin.token });
    // Disabling revoked the keeper's sessions: sign in again.
    const keeperToken = await login(server, keeper.username, keeper.password);
    const allowed = await server.request(UpdateRole, { input: { id: roleId.Admin!, permissionIds: withoutManage } }, { token: admin.token });
    assert.equal(allowed.errors, undefined, JSON.stringify(allowed.errors));
    assert.equal(errorCode(await server.request(Roles, {}, { token: admin.token })), 'FORBIDDEN', 'the admin lost it at once');

    // The keeper puts it back, and must not then remove their own.
    const restored = await server.request(UpdateRole, { input: { id: roleId.Admin!, permissionIds: adminPermissions } }, { token: keeperToken });
    assert.equal(restored.errors, undefined, JSON.stringify(restored.errors));
    assert.equal((await server.request(Roles, {}, { token: admin.token })).errors, undefined);
    const keepersId = keepers.data!.createRole.role.id;
    assert.equal((await server.request(UpdateRole, { input: { id: keepersId, permissionIds: [] } }, { token: keeperToken })).errors, undefined, 'Admin has it again, so Keepers may drop it');
  });

  test('a permission history query filters by action, target and time, and checks its arguments', async () => {
    const all = await server.request(PermissionHistory, { first: 5 }, { token: admin.token });
    assert.equal(all.data!.permissionHistory.edges.length, 5);
    assert.ok(all.data!.permissionHistory.totalCount > 5);
    const ids = all.data!.permissionHistory.edges.map((e) => Number(e.node.id));
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');

    const next = await server.request(PermissionHistory, { first: 5, after: all.data!.permissionHistory.pageInfo.endCursor }, { token: admin.token });
    assert.ok(Number(next.data!.permissionHistory.edges[0]!.node.id) < ids[4]!);

    const created = await history({ actions: ['ROLE_CREATED'] });
    assert.ok(created.length >= 5 && created.every((e) => e.action === 'ROLE_CREATED'));
    const future = await history({ from: new Date(Date.now() + 60_000).toISOString() });
    assert.deepEqual(future, []);
    const past = await history({ to: new Date(Date.now() - 3600_000).toISOString() });
    assert.deepEqual(past, []);

    const backwards = await server.request(PermissionHistory, { filter: { from: new Date().toISOString(), to: new Date(Date.now() - 1000).toISOString() } }, { token: admin.token });
    assert.equal(errorCode(backwards), 'BAD_USER_INPUT');
    assert.equal(backwards.errors![0]!.extensions!.field, 'from');
    for (const first of [-1, 101]) {
      const bad = await server.request(PermissionHistory, { first }, { token: admin.token });
      assert.equal(errorCode(bad), 'BAD_USER_INPUT');
      assert.equal(bad.errors![0]!.extensions!.field, 'first');
    }
    const badCursor = await server.request(PermissionHistory, { first: 5, after: 'bm9wZQ' }, { token: admin.token });
    assert.equal(errorCode(badCursor), 'BAD_USER_INPUT');
    assert.equal(badCursor.errors![0]!.extensions!.field, 'after');
  });
});
