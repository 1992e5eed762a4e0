// Changing users over GraphQL: role changes, disabling and deleting accounts, their history, events and the
// rule that somebody must always be left to manage roles.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ChangeUserRole, DeleteUser, LoginHistory, PermissionHistory, SetUserStatus, User, UserRoleHistory, Users } from './support/admin-operations.js';
import { accountWithRole, login, register, roleIds, signInRootAdmin } from './support/accounts.js';
import { Login, Me, NotificationReceived, Notifications, RegisterUser } from './support/operations.js';
import { openSocket, subscribe } from './support/ws.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
let admin: { id: string; token: string };
let roleId: Record<string, string>;

before(async () => {
  server = await startTestServer();
  admin = await signInRootAdmin(server);
  roleId = await roleIds(server, admin.token);
});
after(async () => {
  await server?.close();
});

/** The history rows about a user, read straight from the table (JSON columns parsed whatever the driver gives). */
async function historyRows(userId: string) {
  const rows = await server.db.query<{ action: string; actor_id: number; target_role_id: number | null; before: unknown; after: unknown; reason: string | null }[]>(
    'SELECT action, actor_id, target_role_id, `before`, `after`, reason FROM permission_history WHERE target_user_id = ? ORDER BY id',
    [Number(userId)],
  );
  const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
  return rows.map((r) => ({ ...r, before: json(r.before), after: json(r.after) }));
}

async function roleNameOf(userId: string): Promise<string> {
  const [row] = await server.db.query<{ name: string }[]>('SELECT r.name FROM users u JOIN roles r ON r.id = u.role_id WHERE u.id = ?', [Number(userId)]);
  return row!.name;
}

describe('changeUserRole', () => {
  test("moves the user, applies the new role's permissions on their next request, records it and tells them live", async () => {
    const member = await register(server);
    assert.equal(errorCode(await server.request(LoginHistory, { first: 1 }, { token: member.token })), 'FORBIDDEN');
    const live = openSocket(server.url, { token: member.token });
    const told = await subscribe(live, NotificationReceived);

    const result = await server.request(ChangeUserRole, { input: { userId: member.id, roleId: roleId.Moderator!, reason: 'helps in the forum' } }, { token: admin.token });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data!.changeUserRole.user.role, { id: roleId.Moderator, name: 'Moderator' });
    assert.equal((await server.request(LoginHistory, { first: 1 }, { token: member.token })).errors, undefined, 'same token, new permissions');

    const rows = await historyRows(member.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.action, 'USER_ROLE_CHANGED');
    assert.equal(String(rows[0]!.actor_id), admin.id);
    assert.equal(String(rows[0]!.target_role_id), roleId.Moderator);
    assert.deepEqual(rows[0]!.before, { roleId: Number(roleId.User), roleName: 'User' });
    assert.deepEqual(rows[0]!.after, { roleId: Number(roleId.Moderator), roleName: 'Moderator' });
    assert.equal(rows[0]!.reason, 'helps in the forum');

    const notice = (await told.next()).data!.notificationReceived;
    assert.equal(notice.kind, 'SYSTEM');
    assert.match(notice.title, /Your role was changed/);
    assert.equal(notice.message, 'Moderator — helps in the forum');
    assert.equal(notice.sender, null);
    await live.dispose();

    // Back again: the user's role history shows both, newest first.
    await server.request(ChangeUserRole, { input: { userId: member.id, roleId: roleId.User! } }, { token: admin.token });
    const history = await server.request(UserRoleHistory, { userId: member.id }, { token: admin.token });
    assert.equal(history.data!.userRoleHistory.totalCount, 2);
    assert.deepEqual(
      history.data!.userRoleHistory.edges.map((e) => [e.node.action, e.node.before, e.node.after, e.node.reason, e.node.actor?.id, e.node.targetUser?.id]),
      [
        ['USER_ROLE_CHANGED', { roleId: Number(roleId.Moderator), roleName: 'Moderator' }, { roleId: Number(roleId.User), roleName: 'User' }, null, admin.id, member.id],
        ['USER_ROLE_CHANGED', { roleId: Number(roleId.User), roleName: 'User' }, { roleId: Number(roleId.Moderator), roleName: 'Moderator' }, 'helps in the forum', admin.id, member.id],
      ],
    );
  });

  test('moving a user to the role they already hold changes, records and tells nothing', async () => {
    const member = await register(server);
    const result = await server.request(ChangeUserRole, { input: { userId: member.id, roleId: roleId.User! } }, { token: admin.token });
    assert.equal(result.data?.changeUserRole.user.role.name, 'User');
    assert.deepEqual(await historyRows(member.id), []);
    assert.equal((await server.request(Notifications, { first: 5 }, { token: member.token })).data!.unreadNotificationCount, 0);
  });

  test('unknown users and roles are NOT_FOUND, malformed ids and overlong reasons BAD_USER_INPUT', async () => {
    const member = await register(server);
    assert.equal(errorCode(await server.request(ChangeUserRole, { input: { userId: '999999', roleId: roleId.User! } }, { token: admin.token })), 'NOT_FOUND');
    assert.equal(errorCode(await server.request(ChangeUserRole, { input: { userId: member.id, roleId: '999999' } }, { token: admin.token })), 'NOT_FOUND');
    const malformed = await server.request(ChangeUserRole, { input: { userId: member.id, roleId: '-3' } }, { token: admin.token });
    assert.equal(errorCode(malformed), 'BAD_USER_INPUT');
    assert.equal(malformed.errors![0]!.extensions!.field, 'roleId');
    const long = await server.request(ChangeUserRole, { input: { userId: member.id, roleId: roleId.Moderator!, reason: 'x'.repeat(501) } }, { token: admin.token });
    assert.equal(long.errors![0]!.extensions!.field, 'reason');
    assert.equal(await roleNameOf(member.id), 'User');
  });
});

describe('setUserStatus', () => {
  test("disabling revokes every session: open sockets close at once, and existing tokens fail on their next request", async () => {
    const member = await register(server);
    const second = await login(server, member.email, member.password);
    assert.ok((await server.request(Me, {}, { token: member.token })).data?.me);
    const socket = openSocket(server.url, { token: second });
    await socket.connected;
    const started = Date.now();

    const result = await server.request(SetUserStatus, { input: { userId: member.id, active: false, reason: 'spam' } }, { token: admin.token });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data!.setUserStatus, { user: { id: member.id, isActive: false }, revokedSessions: 2 });

    for (const token of [member.token, second]) {
      const me = await server.request(Me, {}, { token });
      assert.equal(errorCode(me), 'UNAUTHENTICATED');
      assert.equal(me.data, null);
    }
    const again = await server.request(Login, { input: { identifier: member.username, password: member.password } });
    assert.equal(again.errors![0]!.extensions!.reason, 'ACCOUNT_DISABLED');

    assert.equal((await socket.closed).code, 4403);
    assert.ok(Date.now() - started < 1000, 'the socket closed within a second');
    const rows = await historyRows(member.id);
    assert.deepEqual(
      rows.map((r) => [r.action, r.before, r.after, r.reason]),
      [['USER_DISABLED', { active: true }, { active: false }, 'spam']],
    );
  });

  test('enabling lets the user sign in again, but the revoked tokens stay dead', async () => {
    const member = await register(server);
    await server.request(SetUserStatus, { input: { userId: member.id, active: false } }, { token: admin.token });
    const result = await server.request(SetUserStatus, { input: { userId: member.id, active: true, reason: 'appeal accepted' } }, { token: admin.token });
    assert.deepEqual(result.data!.setUserStatus, { user: { id: member.id, isActive: true }, revokedSessions: 0 });
    assert.equal(errorCode(await server.request(Me, {}, { token: member.token })), 'UNAUTHENTICATED');
    const fresh = await login(server, member.username, member.password);
    assert.ok((await server.request(Me, {}, { token: fresh })).data?.me);
    const notices = await server.request(Notifications, { first: 5 }, { token: fresh });
    assert.match(notices.data!.notifications.edges[0]!.node.title, /Your account is enabled again/);
    assert.equal(notices.data!.notifications.edges[0]!.node.message, 'appeal accepted');
    assert.deepEqual(
      (await historyRows(member.id)).map((r) => [r.action, r.after, r.reason]),
      [
        ['USER_DISABLED', { active: false }, null],
        ['USER_ENABLED', { active: true }, 'appeal accepted'],
      ],
    );
  });

  test('setting the status a user already has records nothing; unknown users are NOT_FOUND', async () => {
    const member = await register(server);
    const same = await server.request(SetUserStatus, { input: { userId: member.id, active: true } }, { token: admin.token });
    assert.deepEqual(same.data!.setUserStatus, { user: { id: member.id, isActive: true }, revokedSessions: 0 });
    assert.deepEqual(await historyRows(member.id), []);
    assert.ok((await server.request(Me, {}, { token: member.token })).data?.me, 'and signs nobody out');
    assert.equal(errorCode(await server.request(SetUserStatus, { input: { userId: '999999', active: false } }, { token: admin.token })), 'NOT_FOUND');
  });
});

describe('deleteUser', () => {
  test('a deleted account is signed out, hidden, cannot sign in, and its username, email and phone stay taken', async () => {
    const member = await register(server);
    const socket = openSocket(server.url, { token: member.token });
    await socket.connected;
    const result = await server.request(DeleteUser, { input: { userId: member.id, reason: 'asked to leave' } }, { token: admin.token });
    assert.deepEqual(result.data, { deleteUser: { deletedUserId: member.id, revokedSessions: 1 } });

    const me = await server.request(Me, {}, { token: member.token });
    assert.equal(errorCode(me), 'UNAUTHENTICATED');
    assert.equal(errorCode(await server.request(User, { id: member.id }, { token: admin.token })), 'NOT_FOUND');
    const listed = await server.request(Users, { search: member.username, first: 5 }, { token: admin.token });
    assert.deepEqual(listed.data!.users.edges, []);
    const signIn = await server.request(Login, { input: { identifier: member.email, password: member.password } });
    assert.equal(signIn.errors![0]!.extensions!.reason, 'INVALID_CREDENTIALS');

    for (const [field, value] of [
      ['username', member.username.toUpperCase()],
      ['email', member.email],
      ['phone', member.phone],
    ] as const) {
      const input = { username: `fresh${field}`, email: `fresh-${field}@example.com`, phone: `090-000-000${field.length}`, password: 'correct horse battery', [field]: value };
      const again = await server.request(RegisterUser, { input });
      assert.equal(errorCode(again), 'CONFLICT', field);
      assert.equal(again.errors![0]!.extensions!.field, field);
    }

    assert.equal((await socket.closed).code, 4403, 'their sockets closed');
    const [row] = await historyRows(member.id);
    assert.equal(row!.action, 'USER_DELETED');
    assert.equal((row!.before as { deletedAt: unknown }).deletedAt, null);
    assert.ok((row!.after as { deletedAt: unknown }).deletedAt);
    assert.equal(row!.reason, 'asked to leave');

    // Already gone: every further change is NOT_FOUND, but the history still names the account.
    for (const result of [
      await server.request(DeleteUser, { input: { userId: member.id } }, { token: admin.token }),
      await server.request(SetUserStatus, { input: { userId: member.id, active: false } }, { token: admin.token }),
      await server.request(ChangeUserRole, { input: { userId: member.id, roleId: roleId.Moderator! } }, { token: admin.token }),
    ]) {
      assert.equal(errorCode(result), 'NOT_FOUND');
    }
    const history = await server.request(PermissionHistory, { filter: { targetUserId: member.id } }, { token: admin.token });
    assert.equal(history.data!.permissionHistory.edges[0]!.node.targetUser?.username, member.username);
  });
});

describe('the last admin', () => {
  test('the only active admin can neither demote, disable nor delete themselves, and nothing is recorded', async () => {
    const attempts = [
      await server.request(ChangeUserRole, { input: { userId: admin.id, roleId: roleId.User! } }, { token: admin.token }),
      await server.request(SetUserStatus, { input: { userId: admin.id, active: false } }, { token: admin.token }),
      await server.request(DeleteUser, { input: { userId: admin.id } }, { token: admin.token }),
    ];
    for (const result of attempts) {
      assert.equal(errorCode(result), 'CONFLICT');
      assert.equal(result.errors![0]!.extensions!.reason, 'LAST_ADMIN');
    }
    assert.deepEqual(attempts.map((r) => r.errors![0]!.extensions!.field), ['roleId', 'active', 'userId']);
    assert.equal(await roleNameOf(admin.id), 'Admin');
    assert.ok((await server.request(Me, {}, { token: admin.token })).data?.me, 'still signed in, still active');
    assert.deepEqual(await historyRows(admin.id), []);
  });

  test('a disabled second admin does not count; an active one does', async () => {
    const second = await accountWithRole(server, admin.token, 'Admin');
    await server.request(SetUserStatus, { input: { userId: second.id, active: false } }, { token: admin.token });
    const refused = await server.request(ChangeUserRole, { input: { userId: admin.id, roleId: roleId.Moderator! } }, { token: admin.token });
    assert.equal(refused.errors?.[0]?.extensions?.reason, 'LAST_ADMIN');

    await server.request(SetUserStatus, { input: { userId: second.id, active: true } }, { token: admin.token });
    const demoted = await server.request(ChangeUserRole, { input: { userId: admin.id, roleId: roleId.Moderator! } }, { token: admin.token });
    assert.equal(demoted.errors, undefined, JSON.stringify(demoted.errors));
    assert.equal(errorCode(await server.request(ChangeUserRole, { input: { userId: second.id, roleId: roleId.User! } }, { token: admin.token })), 'FORBIDDEN');

    // Now the second admin is the last one, and the same rule protects them.
    const secondToken = await login(server, second.username, second.password);
    const selfDemote = await server.request(ChangeUserRole, { input: { userId: second.id, roleId: roleId.User! } }, { token: secondToken });
    assert.equal(selfDemote.errors?.[0]?.extensions?.reason, 'LAST_ADMIN');
    const restored = await server.request(ChangeUserRole, { input: { userId: admin.id, roleId: roleId.Admin! } }, { token: secondToken });
    assert.equal(restored.errors, undefined);
    assert.equal((await server.request(DeleteUser, { input: { userId: second.id } }, { token: admin.token })).errors, undefined);
  });

  test('two admins demoting each other at the same moment: exactly one succeeds', async () => {
    const other = await accountWithRole(server, admin.token, 'Admin');
    const [a, b] = await Promise.all([
      server.request(ChangeUserRole, { input: { userId: other.id, roleId: roleId.User! } }, { token: admin.token }),
      server.request(ChangeUserRole, { input: { userId: admin.id, roleId: roleId.User! } }, { token: other.token }),
    ]);
    const outcomes = [a, b].map((r) => (r.errors ? r.errors[0]!.extensions!.reason : 'ok')).sort();
    // The loser is refused either by the rule (it ran second) or by its scope (its admin was already gone).
    assert.equal(outcomes.filter((o) => o === 'ok').length, 1, JSON.stringify([a.errors, b.errors]));
    const [row] = await server.db.query<{ n: number }[]>(
      "SELECT COUNT(*) AS n FROM users u JOIN roles r ON r.id = u.role_id WHERE r.name = 'Admin' AND u.is_active AND u.deleted_at IS NULL",
    );
    assert.equal(Number(row!.n), 1);

    // Put the root admin back in charge for the tests that follow.
    if (a.errors) {
      const token = await login(server, other.username, other.password);
      await server.request(ChangeUserRole, { input: { userId: admin.id, roleId: roleId.Admin! } }, { token });
    }
    assert.equal(await roleNameOf(admin.id), 'Admin');
  });
});
