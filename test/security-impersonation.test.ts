// Attacks on impersonation: onto an Admin or another impersonator, without the permission, past the hour (by
// waiting or by refreshing), chained, and the acts that would let it keep the account, over HTTP and graphql-ws.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { accountWithRole, login, register, roleIds, signInRootAdmin, type Account } from './support/accounts.js';
import { actsSince, gq, impersonate, lastAuditId, ok, START_IMPERSONATION } from './support/audit.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { execute, openSocket } from './support/ws.js';

let server: TestServer;
let admin: { id: string; token: string };

before(async () => {
  // No session cache: a session ended in the database is refused on the very next request.
  server = await startTestServer({ SESSION_CACHE_MS: '0' });
  admin = await signInRootAdmin(server);
});
after(async () => {
  await server?.close();
});

const REFRESH = 'mutation ($input: RefreshTokenInput!) { refreshToken(input: $input) { token refreshToken refreshTokenExpiresAt } }';

async function sessionCount(): Promise<number> {
  const [row] = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM sessions WHERE impersonator_id IS NOT NULL');
  return Number(row!.n);
}

function assertRefused(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }, code: string, reason?: string) {
  assert.equal(result.errors?.[0]?.extensions?.code, code, JSON.stringify(result.errors));
  if (reason) assert.equal(result.errors?.[0]?.extensions?.reason, reason);
}

describe('who can be impersonated, by whom', () => {
  test('never an Admin, nor anyone holding user:impersonate (a custom role), and nothing is written', async () => {
    const secondAdmin = await accountWithRole(server, admin.token, 'Admin');
    const perms = ok(await gq(server, '{ permissions { id name } }', {}, admin.token)).permissions as { id: string; name: string }[];
    const impersonateId = perms.find((p) => p.name === 'user:impersonate')!.id;
    const role = ok(await gq(server, 'mutation ($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }', { input: { name: 'Support lead', permissionIds: [impersonateId] } }, admin.token));
    const lead = await register(server);
    ok(await gq(server, 'mutation ($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { user { id } } }', { input: { userId: lead.id, roleId: role.createRole.role.id } }, admin.token));

    const since = await lastAuditId(server);
    const before = await sessionCount();
    for (const target of [secondAdmin.id, lead.id]) {
      assertRefused(await gq(server, START_IMPERSONATION, { input: { userId: target, reason: 'try' } }, admin.token), 'FORBIDDEN', 'TARGET_PROTECTED');
    }
    // The lead holds the permission and may use it, but not on the Admin either.
    assertRefused(await gq(server, START_IMPERSONATION, { input: { userId: secondAdmin.id, reason: 'try' } }, lead.token), 'FORBIDDEN', 'TARGET_PROTECTED');
    assert.equal((await actsSince(server, since)).length, 0);
    assert.equal(await sessionCount(), before);
  });

  test('nobody gains a permission through it: a support role cannot act as a custom role manager', async () => {
    const perms = ok(await gq(server, '{ permissions { id name } }', {}, admin.token)).permissions as { id: string; name: string }[];
    const id = (name: string) => perms.find((p) => p.name === name)!.id;
    const make = async (name: string, permissionIds: string[]) =>
      ok(await gq(server, 'mutation ($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }', { input: { name, permissionIds } }, admin.token)).createRole.role.id as string;
    const supportRole = await make('Support desk', [id('user:read'), id('user:impersonate')]);
    const managerRole = await make('Role keeper', [id('user:read'), id('role:manage')]);
    const support = await register(server);
    const keeper = await register(server);
    const plain = await register(server);
    for (const [user, role] of [[support, supportRole], [keeper, managerRole]] as const) {
      ok(await gq(server, 'mutation ($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { user { id } } }', { input: { userId: user.id, roleId: role } }, admin.token));
    }
    assertRefused(await gq(server, START_IMPERSONATION, { input: { userId: keeper.id, reason: 'escalate' } }, support.token), 'FORBIDDEN', 'TARGET_PROTECTED');
    // A plain member holds nothing the support desk lacks.
    const acting = await impersonate(server, support.token, plain.id);
    ok(await gq(server, '{ me { id } }', {}, acting.token));
  });

  test('without the permission: anonymous UNAUTHENTICATED, User and Moderator FORBIDDEN', async () => {
    const member = await register(server);
    const moderator = await accountWithRole(server, admin.token, 'Moderator');
    const input = { userId: member.id, reason: 'try' };
    assertRefused(await gq(server, START_IMPERSONATION, { input }), 'UNAUTHENTICATED');
    assertRefused(await gq(server, START_IMPERSONATION, { input }, (await register(server)).token), 'FORBIDDEN');
    assertRefused(await gq(server, START_IMPERSONATION, { input }, moderator.token), 'FORBIDDEN');
  });

  test('bad input: no reason, an unknown user, yourself, a disabled account', async () => {
    const member = await register(server);
    assertRefused(await gq(server, START_IMPERSONATION, { input: { userId: member.id, reason: '   ' } }, admin.token), 'BAD_USER_INPUT');
    assertRefused(await gq(server, START_IMPERSONATION, { input: { userId: '999999', reason: 'x' } }, admin.token), 'NOT_FOUND');
    assertRefused(await gq(server, START_IMPERSONATION, { input: { userId: 'abc', reason: 'x' } }, admin.token), 'BAD_USER_INPUT');
    assertRefused(await gq(server, START_IMPERSONATION, { input: { userId: admin.id, reason: 'x' } }, admin.token), 'BAD_USER_INPUT');
    ok(await gq(server, 'mutation ($input: SetUserStatusInput!) { setUserStatus(input: $input) { revokedSessions } }', { input: { userId: member.id, active: false } }, admin.token));
    assertRefused(await gq(server, START_IMPERSONATION, { input: { userId: member.id, reason: 'x' } }, admin.token), 'CONFLICT', 'ACCOUNT_DISABLED');
  });

  test('no chains: an impersonation session cannot start another one', async () => {
    // A custom role with user:impersonate cannot be the target, so chain through a lead impersonating nobody:
    // the impersonated user lacks the permission, which the scope refuses first.
    const member = await register(server);
    const other = await register(server);
    const acting = await impersonate(server, admin.token, member.id);
    assertRefused(await gq(server, START_IMPERSONATION, { input: { userId: other.id, reason: 'chain' } }, acting.token), 'FORBIDDEN');
  });
});

describe('the hour', () => {
  let member: Account;
  before(async () => {
    member = await register(server);
  });

  test('a session past its hour is refused, and cannot be refreshed', async () => {
    const acting = await impersonate(server, admin.token, member.id);
    await server.db.query(
      'UPDATE sessions SET created_at = NOW(3) - INTERVAL 61 MINUTE, expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE impersonator_id IS NOT NULL AND user_id = ?',
      [member.id],
    );
    assertRefused(await gq(server, '{ me { id } }', {}, acting.token), 'UNAUTHENTICATED');
    assertRefused(await gq(server, REFRESH, { input: { refreshToken: acting.refreshToken } }), 'UNAUTHENTICATED', 'SESSION_EXPIRED');
  });

  test('refreshing never carries it past an hour after it began', async () => {
    const acting = await impersonate(server, admin.token, member.id);
    const [row] = await server.db.query<{ id: number }[]>('SELECT id FROM sessions WHERE user_id = ? AND impersonator_id IS NOT NULL ORDER BY id DESC LIMIT 1', [member.id]);
    // Begun 59 minutes ago: a refresh may give at most the one minute left.
    await server.db.query('UPDATE sessions SET created_at = NOW(3) - INTERVAL 59 MINUTE WHERE id = ?', [row!.id]);
    const refreshed = ok(await gq(server, REFRESH, { input: { refreshToken: acting.refreshToken } })).refreshToken;
    const left = Date.parse(refreshed.refreshTokenExpiresAt) - Date.now();
    assert.ok(left <= 61_000 && left > 0, `${left} ms left`);
    const [session] = await server.db.query<{ expires_at: Date }[]>('SELECT expires_at FROM sessions WHERE id = ?', [row!.id]);
    assert.ok(session!.expires_at.getTime() - Date.now() <= 61_000);
    // The hour is over: the next refresh is refused, whatever the refresh token's own expiry says.
    await server.db.query('UPDATE sessions SET created_at = NOW(3) - INTERVAL 61 MINUTE WHERE id = ?', [row!.id]);
    await server.db.query('UPDATE refresh_tokens SET expires_at = NOW(3) + INTERVAL 1 DAY WHERE session_id = ?', [row!.id]);
    await server.db.query('UPDATE sessions SET expires_at = NOW(3) + INTERVAL 1 DAY WHERE id = ?', [row!.id]);
    assertRefused(await gq(server, REFRESH, { input: { refreshToken: refreshed.refreshToken } }), 'UNAUTHENTICATED', 'SESSION_EXPIRED');
  });

  test("an ordinary session's refresh is not capped", async () => {
    const own = ok(await gq(server, 'mutation ($input: LoginInput!) { login(input: $input) { ... on AuthPayload { refreshToken } } }', { input: { identifier: member.username, password: member.password } })).login;
    const refreshed = ok(await gq(server, REFRESH, { input: { refreshToken: own.refreshToken } })).refreshToken;
    assert.ok(Date.parse(refreshed.refreshTokenExpiresAt) - Date.now() > 3600_000 * 2);
  });
});

describe('acts refused during an impersonation, over HTTP and graphql-ws', () => {
  const FORBIDDEN_ACTS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
    changePassword: { query: 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { success } }', variables: { input: { currentPassword: 'correct horse battery', newPassword: 'taken over 12345' } } },
    'updateProfile email': { query: 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id } } }', variables: { input: { email: 'attacker@example.com' } } },
    'updateProfile phone': { query: 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id } } }', variables: { input: { phone: '+66899999999' } } },
    revokeOtherSessions: { query: 'mutation { revokeOtherSessions { revokedCount } }' },
  };

  let member: Account;
  let acting: Awaited<ReturnType<typeof impersonate>>;
  before(async () => {
    member = await register(server);
    acting = await impersonate(server, admin.token, member.id);
  });

  for (const [name, act] of Object.entries(FORBIDDEN_ACTS)) {
    test(`${name} is FORBIDDEN (IMPERSONATION_FORBIDDEN) and changes nothing`, async () => {
      const since = await lastAuditId(server);
      assertRefused(await gq(server, act.query, act.variables, acting.token), 'FORBIDDEN', 'IMPERSONATION_FORBIDDEN');
      const socket = openSocket(server.url, { token: acting.token });
      try {
        await socket.connected;
        const overSocket = await execute(socket, parse(act.query) as TypedDocumentNode<Record<string, unknown>, Record<string, unknown>>, act.variables);
        assertRefused(overSocket, 'FORBIDDEN', 'IMPERSONATION_FORBIDDEN');
      } finally {
        await socket.dispose();
      }
      assert.equal((await actsSince(server, since)).length, 0);
      const [row] = await server.db.query<{ email: string; phone: string; pending_email: string | null; pending_phone: string | null }[]>(
        'SELECT email, phone, pending_email, pending_phone FROM users WHERE id = ?',
        [member.id],
      );
      assert.deepEqual(row, { email: member.email, phone: member.phone, pending_email: null, pending_phone: null });
      // The real user's password and sessions are untouched.
      await login(server, member.username, member.password);
      ok(await gq(server, '{ me { id } }', {}, member.token));
    });
  }

  test('a mutation allowed over graphql-ws is recorded with both identities too', async () => {
    const since = await lastAuditId(server);
    const socket = openSocket(server.url, { token: acting.token, headers: { 'user-agent': 'ws-attacker/1' } });
    try {
      await socket.connected;
      const result = await execute(socket, parse('mutation { setPresence(status: AWAY) { status } }') as TypedDocumentNode<Record<string, unknown>, Record<string, unknown>>);
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    } finally {
      await socket.dispose();
    }
    const rows = await actsSince(server, since);
    assert.deepEqual(rows.map((r) => [r.action, r.actor_id, r.impersonator_id, r.user_agent]), [['IMPERSONATED_ACT', Number(member.id), Number(admin.id), 'ws-attacker/1']]);
  });

  test('the access token cannot be turned into the Admin: it carries the user, and roles are read per request', async () => {
    const roles = await roleIds(server, admin.token);
    assertRefused(await gq(server, 'mutation ($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { user { id } } }', { input: { userId: member.id, roleId: roles.Admin } }, acting.token), 'FORBIDDEN');
    assertRefused(await gq(server, '{ auditEvents(first: 1) { totalCount } }', {}, acting.token), 'FORBIDDEN');
  });
});

describe('the impersonator', () => {
  test('disabled or deleted: their impersonation sessions end at once', async () => {
    for (const act of ['disable', 'delete'] as const) {
      const lead = await accountWithRole(server, admin.token, 'Admin');
      const member = await register(server);
      const acting = await impersonate(server, lead.token, member.id);
      ok(await gq(server, '{ me { id } }', {}, acting.token));
      if (act === 'disable') {
        ok(await gq(server, 'mutation ($input: SetUserStatusInput!) { setUserStatus(input: $input) { revokedSessions } }', { input: { userId: lead.id, active: false } }, admin.token));
      } else {
        ok(await gq(server, 'mutation ($input: DeleteUserInput!) { deleteUser(input: $input) { deletedUserId } }', { input: { userId: lead.id } }, admin.token));
      }
      assertRefused(await gq(server, '{ me { id } }', {}, acting.token), 'UNAUTHENTICATED');
      // The member's own session is not touched.
      ok(await gq(server, '{ me { id } }', {}, member.token));
    }
  });
});
