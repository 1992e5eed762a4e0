// Reports over GraphQL: the login history (filters, pagination, what staff may see) and user statistics.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CreateRole, DeleteUser, LoginHistory, SetUserStatus, UserStats } from './support/admin-operations.js';
import { accountWithRole, register, signInRootAdmin, type Account } from './support/accounts.js';
import { Login } from './support/operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
let adminToken: string;

before(async () => {
  server = await startTestServer();
  adminToken = (await signInRootAdmin(server)).token;
});
after(async () => {
  await server?.close();
});

const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);

describe('loginHistory', () => {
  let member: Account;
  let moderator: Account;

  before(async () => {
    member = await register(server);
    moderator = await accountWithRole(server, adminToken, 'Moderator');
    await server.request(Login, { input: { identifier: member.email, password: member.password } }, { headers: { 'user-agent': 'Agent/1' } });
    await server.request(Login, { input: { identifier: member.username, password: 'wrong password' } }, { headers: { 'user-agent': 'Agent/2' } });
    await server.request(Login, { input: { identifier: 'ghost@example.com', password: 'whatever123' } }, { headers: { 'user-agent': 'Agent/3' } });
  });

  test("shows a user's attempts newest first, with IP, User-Agent, outcome and identifier", async () => {
    const result = await server.request(LoginHistory, { userId: member.id }, { token: adminToken });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const nodes = result.data!.loginHistory.edges.map((e) => e.node);
    assert.deepEqual(
      nodes.map((n) => ({ user: n.user?.id, identifier: n.identifier, success: n.success, reason: n.reason, ip: n.ip, userAgent: n.userAgent })),
      [
        { user: member.id, identifier: member.username, success: false, reason: 'WRONG_PASSWORD', ip: '127.0.0.1', userAgent: 'Agent/2' },
        { user: member.id, identifier: member.email, success: true, reason: null, ip: '127.0.0.1', userAgent: 'Agent/1' },
      ],
    );
    assert.equal(result.data!.loginHistory.totalCount, 2);
  });

  test('filters by outcome and by time', async () => {
    const failed = await server.request(LoginHistory, { success: false }, { token: adminToken });
    const failures = failed.data!.loginHistory.edges.map((e) => e.node);
    assert.ok(failures.every((n) => !n.success));
    assert.ok(failures.some((n) => n.identifier === 'ghost@example.com' && n.user === null && n.reason === 'UNKNOWN_IDENTIFIER'));

    const [ghost] = await server.db.query<{ id: number }[]>("SELECT id FROM login_history WHERE identifier = 'ghost@example.com'");
    await server.db.query('UPDATE login_history SET created_at = ? WHERE id = ?', [new Date('2026-03-01T12:00:00Z'), ghost!.id]);
    const window = await server.request(LoginHistory, { from: '2026-03-01T00:00:00Z', to: '2026-03-01T23:59:59Z' }, { token: adminToken });
    assert.deepEqual(window.data!.loginHistory.edges.map((e) => Number(e.node.id)), [ghost!.id]);
    const since = await server.request(LoginHistory, { from: '2026-03-02T00:00:00Z', success: false }, { token: adminToken });
    assert.ok(!since.data!.loginHistory.edges.some((e) => Number(e.node.id) === ghost!.id));

    const backwards = await server.request(LoginHistory, { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, { token: adminToken });
    assert.equal(errorCode(backwards), 'BAD_USER_INPUT');
    assert.equal(backwards.errors![0]!.extensions!.field, 'from');
    const badDate = await server.request(LoginHistory, { from: 'yesterday' }, { token: adminToken });
    assert.equal(errorCode(badDate), 'BAD_USER_INPUT');
  });

  test('pages through every attempt without duplicates or gaps', async () => {
    for (let i = 0; i < 23; i += 1) {
      await server.request(Login, { input: { identifier: `nobody${i}`, password: 'whatever123' } });
    }
    const [{ n }] = (await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM login_history')) as [{ n: number }];
    const ids: number[] = [];
    let cursor: string | null | undefined;
    for (;;) {
      const page = await server.request(LoginHistory, { first: 10, after: cursor }, { token: adminToken });
      assert.equal(page.data!.loginHistory.totalCount, Number(n));
      ids.push(...page.data!.loginHistory.edges.map((e) => Number(e.node.id)));
      if (!page.data!.loginHistory.pageInfo.hasNextPage) break;
      cursor = page.data!.loginHistory.pageInfo.endCursor;
    }
    assert.equal(ids.length, Number(n));
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    assert.equal(new Set(ids).size, ids.length);
  });

  test('a moderator sees IP and User-Agent, but typed identifiers only for their own attempts (they can hold emails and phones)', async () => {
    await server.request(Login, { input: { identifier: moderator.username, password: moderator.password } });
    const result = await server.request(LoginHistory, { first: 100 }, { token: moderator.token });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const nodes = result.data!.loginHistory.edges.map((e) => e.node);
    const own = nodes.filter((n) => n.user?.id === moderator.id);
    assert.ok(own.length > 0 && own.every((n) => n.identifier === moderator.username));
    const others = nodes.filter((n) => n.user?.id !== moderator.id);
    assert.ok(others.length > 0 && others.every((n) => n.identifier === null));
    assert.ok(others.every((n) => n.ip === '127.0.0.1'));
    assert.ok(others.some((n) => n.userAgent === 'Agent/1'));
  });
});

describe('userStats', () => {
  test('counts users by role and status, and sign-ups and sign-ins on each of the last 30 UTC days', async () => {
    const empty = await server.request(CreateRole, { input: { name: 'Nobody yet' } }, { token: adminToken });
    assert.equal(empty.errors, undefined);
    const members = [await register(server), await register(server), await register(server), await register(server)];
    await server.request(SetUserStatus, { input: { userId: members[0]!.id, active: false } }, { token: adminToken });
    await server.request(DeleteUser, { input: { userId: members[1]!.id } }, { token: adminToken });
    // Backdate: one sign-up 3 days ago, one 40 days ago (outside the window); sign-in attempts likewise.
    await server.db.query('UPDATE users SET created_at = ? WHERE id = ?', [new Date(`${day(3)}T10:00:00Z`), Number(members[2]!.id)]);
    await server.db.query('UPDATE users SET created_at = ? WHERE id = ?', [new Date(`${day(40)}T10:00:00Z`), Number(members[3]!.id)]);
    await server.db.query('DELETE FROM login_history');
    await server.db.query(
      'INSERT INTO login_history (identifier, success, created_at) VALUES (?, 1, ?), (?, 1, ?), (?, 0, ?), (?, 0, ?), (?, 1, ?)',
      ['a', new Date(`${day(3)}T00:00:00Z`), 'b', new Date(`${day(3)}T23:59:59.999Z`), 'c', new Date(`${day(3)}T12:00:00Z`), 'd', new Date(`${day(29)}T00:00:01Z`), 'e', new Date(`${day(30)}T23:00:00Z`)],
    );

    const [counts] = await server.db.query<{ total: number; active: number; disabled: number; deleted: number; today: number }[]>(`
      SELECT SUM(deleted_at IS NULL) AS total, SUM(deleted_at IS NULL AND is_active) AS active, SUM(deleted_at IS NULL AND NOT is_active) AS disabled,
             SUM(deleted_at IS NOT NULL) AS deleted, SUM(DATE(created_at) = UTC_DATE()) AS today FROM users`);
    const result = await server.request(UserStats, {}, { token: adminToken });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const stats = result.data!.userStats;

    assert.deepEqual(
      [stats.totalUsers, stats.activeUsers, stats.disabledUsers, stats.deletedUsers],
      [Number(counts!.total), Number(counts!.active), Number(counts!.disabled), Number(counts!.deleted)],
    );
    assert.deepEqual([stats.disabledUsers, stats.deletedUsers], [1, 1]);
    assert.deepEqual(stats.byStatus, [
      { status: 'ACTIVE', count: stats.activeUsers },
      { status: 'DISABLED', count: 1 },
    ]);
    const byRole = Object.fromEntries(stats.byRole.map((r) => [r.role.name, r.count]));
    assert.deepEqual(byRole, { Admin: 1, Moderator: 1, User: stats.totalUsers - 2, 'Nobody yet': 0 });

    assert.equal(stats.newUsersPerDay.length, 30);
    assert.deepEqual(stats.newUsersPerDay.map((d) => d.date), Array.from({ length: 30 }, (_, i) => day(29 - i)), '30 consecutive UTC days ending today');
    const signups = Object.fromEntries(stats.newUsersPerDay.map((d) => [d.date, d.count]));
    assert.equal(signups[day(3)], 1);
    assert.equal(signups[day(0)], Number(counts!.today));
    assert.equal(stats.newUsersPerDay.reduce((sum, d) => sum + d.count, 0), Number(counts!.today) + 1, 'the 40-day-old sign-up is outside the window');

    const logins = Object.fromEntries(stats.loginsPerDay.map((d) => [d.date, d]));
    assert.deepEqual(logins[day(3)], { date: day(3), successful: 2, failed: 1, total: 3 });
    assert.deepEqual(logins[day(29)], { date: day(29), successful: 0, failed: 1, total: 1 });
    assert.equal(stats.loginsPerDay.reduce((sum, d) => sum + d.total, 0), 4, 'the attempt 30 days ago is outside the window');
  });
});
