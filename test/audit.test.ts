// The audit trail: every administrative mutation of the schema writes exactly one act in its own transaction (the
// table below must name them all), a failed act writes none, and the trail reads back through auditEvents and
// /admin/audit.csv with its filters, its permission and personal data redacted for readers who may not see it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isObjectType } from 'graphql';
import { getSchema } from '../src/graphql/schema.js';
import { accountWithRole, register, roleIds, signInRootAdmin, type Account } from './support/accounts.js';
import { actsSince, gq, lastAuditId, ok, START_IMPERSONATION } from './support/audit.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
let admin: { id: string; token: string };
let roles: Record<string, string>;
let moderator: Account;
let member: Account;

before(async () => {
  server = await startTestServer();
  admin = await signInRootAdmin(server);
  roles = await roleIds(server, admin.token);
  moderator = await accountWithRole(server, admin.token, 'Moderator');
  member = await register(server);
});
after(async () => {
  await server?.close();
});

const HEADERS = { 'user-agent': 'audit-test/1.0', 'x-request-id': 'audit-req-1' };

async function permissionIds(): Promise<Record<string, string>> {
  const data = ok(await gq(server, '{ permissions { id name } }', {}, admin.token));
  return Object.fromEntries(data.permissions.map((p: { id: string; name: string }) => [p.name, p.id]));
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${process.pid % 1000}x${(counter += 1)}`;

async function newRole(permissionNames: string[] = []): Promise<string> {
  const ids = await permissionIds();
  const data = ok(await gq(server, 'mutation ($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }', { input: { name: unique('Role'), permissionIds: permissionNames.map((n) => ids[n]) } }, admin.token));
  return data.createRole.role.id;
}

async function newPermission(): Promise<string> {
  const data = ok(await gq(server, 'mutation ($input: CreatePermissionInput!) { createPermission(input: $input) { permission { id } } }', { input: { name: `${unique('thing')}:do` } }, admin.token));
  return data.createPermission.permission.id;
}

/**
 * Every administrative mutation: how to perform it once (arranging what it needs first, outside the count) and the
 * action its one row must carry. A new mutation needing a permission fails the enumeration test until it is here.
 */
const ADMIN_ACTS: Record<string, { action: string; arrange?: () => Promise<Record<string, unknown>>; run: (v: Record<string, unknown>) => string; vars: (v: Record<string, unknown>) => Record<string, unknown> }> = {
  createRole: {
    action: 'ROLE_CREATED',
    arrange: async () => ({ ids: await permissionIds() }),
    run: () => 'mutation ($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }',
    vars: (v) => ({ input: { name: unique('Role'), permissionIds: [(v.ids as Record<string, string>)['user:read']], reason: 'enumerated' } }),
  },
  updateRole: {
    action: 'ROLE_UPDATED',
    arrange: async () => ({ id: await newRole() }),
    run: () => 'mutation ($input: UpdateRoleInput!) { updateRole(input: $input) { role { id } } }',
    vars: (v) => ({ input: { id: v.id, description: 'changed' } }),
  },
  deleteRole: {
    action: 'ROLE_DELETED',
    arrange: async () => ({ id: await newRole(['user:read']) }),
    run: () => 'mutation ($input: DeleteRoleInput!) { deleteRole(input: $input) { deletedRoleId } }',
    vars: (v) => ({ input: { id: v.id } }),
  },
  createPermission: {
    action: 'PERMISSION_CREATED',
    run: () => 'mutation ($input: CreatePermissionInput!) { createPermission(input: $input) { permission { id } } }',
    vars: () => ({ input: { name: `${unique('thing')}:make` } }),
  },
  updatePermission: {
    action: 'PERMISSION_UPDATED',
    arrange: async () => ({ id: await newPermission() }),
    run: () => 'mutation ($input: UpdatePermissionInput!) { updatePermission(input: $input) { permission { id } } }',
    vars: (v) => ({ input: { id: v.id, description: 'changed' } }),
  },
  deletePermission: {
    action: 'PERMISSION_DELETED',
    arrange: async () => {
      const id = await newPermission();
      // Held by two roles, so the act has consequences; they must not count as acts.
      for (const _ of [1, 2]) {
        ok(await gq(server, 'mutation ($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }', { input: { name: unique('Holder'), permissionIds: [id] } }, admin.token));
      }
      return { id };
    },
    run: () => 'mutation ($input: DeletePermissionInput!) { deletePermission(input: $input) { deletedPermissionId } }',
    vars: (v) => ({ input: { id: v.id } }),
  },
  changeUserRole: {
    action: 'USER_ROLE_CHANGED',
    arrange: async () => ({ id: (await register(server)).id }),
    run: () => 'mutation ($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { user { id } } }',
    vars: (v) => ({ input: { userId: v.id, roleId: roles.Moderator } }),
  },
  setUserStatus: {
    action: 'USER_DISABLED',
    arrange: async () => ({ id: (await register(server)).id }),
    run: () => 'mutation ($input: SetUserStatusInput!) { setUserStatus(input: $input) { revokedSessions } }',
    vars: (v) => ({ input: { userId: v.id, active: false, reason: 'spam' } }),
  },
  deleteUser: {
    action: 'USER_DELETED',
    arrange: async () => ({ id: (await register(server)).id }),
    run: () => 'mutation ($input: DeleteUserInput!) { deleteUser(input: $input) { deletedUserId } }',
    vars: (v) => ({ input: { userId: v.id } }),
  },
  resetUserSecondFactors: {
    action: 'USER_SECOND_FACTORS_RESET',
    arrange: async () => ({ id: (await register(server)).id }),
    run: () => 'mutation ($input: ResetUserSecondFactorsInput!) { resetUserSecondFactors(input: $input) { user { id } } }',
    vars: (v) => ({ input: { userId: v.id, reason: 'lost phone' } }),
  },
  revokeUserSessions: {
    action: 'USER_SESSIONS_REVOKED',
    arrange: async () => ({ id: (await register(server)).id }),
    run: () => 'mutation ($input: RevokeUserSessionsInput!) { revokeUserSessions(input: $input) { revokedSessions } }',
    vars: (v) => ({ input: { userId: v.id, reason: 'lost phone' } }),
  },
  sendNotification: {
    action: 'NOTIFICATION_SENT',
    run: () => 'mutation ($input: SendNotificationInput!) { sendNotification(input: $input) { notification { id } } }',
    vars: () => ({ input: { userId: member.id, title: 'Hello', message: 'From the audit test' } }),
  },
  broadcastNotification: {
    action: 'NOTIFICATION_BROADCAST',
    run: () => 'mutation ($input: BroadcastNotificationInput!) { broadcastNotification(input: $input) { notification { id } } }',
    vars: () => ({ input: { title: 'Maintenance', message: 'Tonight' } }),
  },
  startImpersonation: {
    action: 'IMPERSONATION_STARTED',
    arrange: async () => ({ id: (await register(server)).id }),
    run: () => START_IMPERSONATION,
    vars: (v) => ({ input: { userId: v.id, reason: 'enumerated' } }),
  },
};

/** Whether a scope map asks for a permission, alone or with other scopes ($all: a permission and a recent proof). */
function needsPermission(scopes: unknown): boolean {
  if (typeof scopes !== 'object' || scopes === null) return false;
  return 'permission' in scopes || ('$all' in scopes && needsPermission((scopes as { $all: unknown }).$all));
}

/** Mutations whose authorization needs a permission: the administrative ones, read from the schema itself. */
function adminMutations(): string[] {
  const mutation = getSchema().getMutationType();
  assert.ok(mutation && isObjectType(mutation));
  return Object.values(mutation.getFields())
    .filter((field) => needsPermission((field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes))
    .map((field) => field.name)
    .sort();
}

describe('every administrative mutation', () => {
  test('the table names exactly the mutations that need a permission', () => {
    const found = adminMutations();
    assert.ok(found.length >= 13, `found ${found.join(', ')}`);
    assert.deepEqual(Object.keys(ADMIN_ACTS).sort(), found);
  });

  for (const [name, act] of Object.entries(ADMIN_ACTS)) {
    test(`${name} writes exactly one act, with actor, action, IP, User-Agent and request id`, async () => {
      const values = (await act.arrange?.()) ?? {};
      const since = await lastAuditId(server);
      const result = await gq(server, act.run(values), act.vars(values), admin.token, HEADERS);
      ok(result);
      const rows = await actsSince(server, since);
      assert.equal(rows.length, 1, `${name} wrote ${rows.length} acts: ${rows.map((r) => r.action).join(', ')}`);
      const [row] = rows;
      assert.equal(row!.action, act.action);
      assert.equal(row!.actor_id, Number(admin.id));
      assert.equal(row!.impersonator_id, null);
      assert.equal(row!.ip, '127.0.0.1');
      assert.equal(row!.user_agent, 'audit-test/1.0');
      assert.equal(row!.request_id, 'audit-req-1');
    });
  }
});

describe('a failed act', () => {
  test('refused after its row was written (the last admin) leaves no row and no change', async () => {
    const since = await lastAuditId(server);
    const result = await gq(server, 'mutation ($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { user { id } } }', { input: { userId: admin.id, roleId: roles.User } }, admin.token);
    assert.equal(errorCode(result), 'CONFLICT');
    assert.equal((await actsSince(server, since)).length, 0);
    const [row] = await server.db.query<{ role_id: number }[]>('SELECT role_id FROM users WHERE id = ?', [admin.id]);
    assert.equal(String(row!.role_id), roles.Admin);
  });

  test('a constraint error (a duplicate role name) leaves no row', async () => {
    const name = unique('Dup');
    ok(await gq(server, 'mutation ($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }', { input: { name } }, admin.token));
    const since = await lastAuditId(server);
    const result = await gq(server, 'mutation ($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }', { input: { name } }, admin.token);
    assert.equal(errorCode(result), 'CONFLICT');
    assert.equal((await actsSince(server, since)).length, 0);
  });

  test('a refused caller writes nothing', async () => {
    const since = await lastAuditId(server);
    const result = await gq(server, 'mutation ($input: SetUserStatusInput!) { setUserStatus(input: $input) { revokedSessions } }', { input: { userId: member.id, active: false } }, moderator.token);
    assert.equal(errorCode(result), 'FORBIDDEN');
    assert.equal((await actsSince(server, since)).length, 0);
  });
});

const AUDIT_EVENTS = `query ($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id at action reason ip userAgent requestId before after actor { id } impersonator { id } targetUser { id } consequences { action targetRoleId } } }
  }
}`;

describe('auditEvents', () => {
  test('needs report:view: anonymous UNAUTHENTICATED, a User FORBIDDEN, a Moderator allowed', async () => {
    assert.equal(errorCode(await gq(server, AUDIT_EVENTS, { first: 1 })), 'UNAUTHENTICATED');
    assert.equal(errorCode(await gq(server, AUDIT_EVENTS, { first: 1 }, member.token)), 'FORBIDDEN');
    ok(await gq(server, AUDIT_EVENTS, { first: 1 }, moderator.token));
  });

  test('filters by actor, target, action and time, pages newest first, and shows an act with its consequences', async () => {
    const target = await register(server);
    const start = new Date(Date.now() - 1000).toISOString();
    ok(await gq(server, 'mutation ($input: SetUserStatusInput!) { setUserStatus(input: $input) { revokedSessions } }', { input: { userId: target.id, active: false, reason: 'one' } }, admin.token));
    ok(await gq(server, 'mutation ($input: SetUserStatusInput!) { setUserStatus(input: $input) { revokedSessions } }', { input: { userId: target.id, active: true, reason: 'two' } }, admin.token));
    const byTarget = ok(await gq(server, AUDIT_EVENTS, { filter: { targetUserId: target.id }, first: 1 }, moderator.token)).auditEvents;
    assert.equal(byTarget.totalCount, 2);
    assert.equal(byTarget.edges[0].node.action, 'USER_ENABLED');
    assert.equal(byTarget.edges[0].node.actor.id, admin.id);
    assert.equal(byTarget.pageInfo.hasNextPage, true);
    const next = ok(await gq(server, AUDIT_EVENTS, { filter: { targetUserId: target.id }, first: 1, after: byTarget.pageInfo.endCursor }, moderator.token)).auditEvents;
    assert.equal(next.edges[0].node.action, 'USER_DISABLED');
    assert.equal(next.edges[0].node.reason, 'one');

    const disabled = ok(await gq(server, AUDIT_EVENTS, { filter: { action: 'USER_DISABLED', targetUserId: target.id, actorId: admin.id, from: start } }, moderator.token)).auditEvents;
    assert.equal(disabled.totalCount, 1);
    const future = ok(await gq(server, AUDIT_EVENTS, { filter: { targetUserId: target.id, from: new Date(Date.now() + 60_000).toISOString() } }, moderator.token)).auditEvents;
    assert.equal(future.totalCount, 0);
    const past = ok(await gq(server, AUDIT_EVENTS, { filter: { targetUserId: target.id, to: start } }, moderator.token)).auditEvents;
    assert.equal(past.totalCount, 0);

    const roleId = await newRole(['user:read', 'report:view']);
    const created = ok(await gq(server, AUDIT_EVENTS, { filter: { action: 'ROLE_CREATED' }, first: 1 }, admin.token)).auditEvents.edges[0].node;
    assert.deepEqual(created.consequences.map((c: { action: string }) => c.action), ['PERMISSION_GRANTED', 'PERMISSION_GRANTED']);
    assert.ok(created.consequences.every((c: { targetRoleId: string }) => c.targetRoleId === roleId));
  });

  test('bad filters are BAD_USER_INPUT', async () => {
    assert.equal(errorCode(await gq(server, AUDIT_EVENTS, { filter: { action: 'drop table' } }, admin.token)), 'BAD_USER_INPUT');
    assert.equal(errorCode(await gq(server, AUDIT_EVENTS, { filter: { actorId: 'x' } }, admin.token)), 'BAD_USER_INPUT');
    assert.equal(errorCode(await gq(server, AUDIT_EVENTS, { filter: { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, admin.token)), 'BAD_USER_INPUT');
    assert.equal(errorCode(await gq(server, AUDIT_EVENTS, { first: 1000 }, admin.token)), 'BAD_USER_INPUT');
  });

  test('contact details in snapshots are redacted for readers who may not see them (as on User)', async () => {
    const target = await register(server);
    // As another module's act would record it (an admin's profile edit, an erasure): the snapshot holds an email.
    await server.db.query("INSERT INTO audit_events (actor_id, target_user_id, action, `before`, `after`) VALUES (?, ?, 'USER_SESSIONS_REVOKED', ?, ?)", [
      admin.id,
      target.id,
      JSON.stringify({ email: target.email, phone: target.phone, nested: { pendingEmail: 'new@example.com' } }),
      JSON.stringify({ email: 'changed@example.com', active: true }),
    ]);
    const read = async (token: string) => ok(await gq(server, AUDIT_EVENTS, { filter: { targetUserId: target.id }, first: 1 }, token)).auditEvents.edges[0].node;
    const asModerator = await read(moderator.token);
    assert.deepEqual(asModerator.before, { email: '[redacted]', phone: '[redacted]', nested: { pendingEmail: '[redacted]' } });
    assert.deepEqual(asModerator.after, { email: '[redacted]', active: true });
    const asAdmin = await read(admin.token);
    assert.equal(asAdmin.before.email, target.email);
    assert.equal(asAdmin.after.email, 'changed@example.com');

    const csv = await (await fetch(`${server.url}/admin/audit.csv?targetUserId=${target.id}`, { headers: { authorization: `Bearer ${moderator.token}` } })).text();
    assert.ok(!csv.includes(target.email) && csv.includes('[redacted]'), csv);
  });

  test('the permission history still reads its part of the trail, also through the old table name', async () => {
    const data = ok(await gq(server, '{ permissionHistory(first: 100) { totalCount edges { node { action } } } }', {}, admin.token));
    assert.ok(data.permissionHistory.edges.some((e: { node: { action: string } }) => e.node.action === 'USER_DISABLED'));
    assert.ok(!data.permissionHistory.edges.some((e: { node: { action: string } }) => e.node.action.startsWith('NOTIFICATION')));
    const [row] = await server.db.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM permission_history WHERE action = 'ROLE_CREATED'");
    assert.ok(Number(row!.n) > 0);
  });
});

describe('/admin/audit.csv', () => {
  const csvUrl = (query = '') => `${server.url}/admin/audit.csv${query}`;

  test('needs a Bearer token with report:view', async () => {
    assert.equal((await fetch(csvUrl())).status, 401);
    assert.equal((await fetch(csvUrl(), { headers: { authorization: 'Bearer not-a-token' } })).status, 401);
    assert.equal((await fetch(csvUrl(), { headers: { authorization: `Bearer ${member.token}` } })).status, 403);
    const response = await fetch(csvUrl(), { headers: { authorization: `Bearer ${moderator.token}` } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    await response.text();
  });

  test('applies the filters, and a cell that would run as a formula is quoted', async () => {
    const target = await register(server);
    for (const reason of ['=HYPERLINK("http://evil.example","x")', '+1', '-1', '@SUM(A1)', 'plain "quoted"']) {
      ok(await gq(server, 'mutation ($input: RevokeUserSessionsInput!) { revokeUserSessions(input: $input) { revokedSessions } }', { input: { userId: target.id, reason } }, admin.token));
    }
    const response = await fetch(csvUrl(`?targetUserId=${target.id}&action=USER_SESSIONS_REVOKED`), { headers: { authorization: `Bearer ${admin.token}` } });
    const text = (await response.text()).replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    assert.equal(lines.length, 6, text);
    assert.match(lines[0]!, /^"id","at","action"/);
    assert.ok(lines.slice(1).every((line) => line.includes('"USER_SESSIONS_REVOKED"')));
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""x"")"`), text);
    assert.ok(text.includes(`"'+1"`) && text.includes(`"'-1"`) && text.includes(`"'@SUM(A1)"`));
    assert.ok(text.includes('"plain ""quoted"""'));
    assert.ok(!/(^|,)"[=+\-@]/m.test(text), 'no cell starts with a formula character');
  });

  test('bad filters answer 400 and write nothing', async () => {
    for (const query of ['?actorId=abc', '?action=lower', '?from=yesterday', '?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z']) {
      const response = await fetch(csvUrl(query), { headers: { authorization: `Bearer ${admin.token}` } });
      assert.equal(response.status, 400, query);
      assert.equal((await response.json()).code, 'BAD_USER_INPUT');
    }
  });

  test('streams a trail longer than one page', async () => {
    const [row] = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM audit_events WHERE parent_id IS NULL');
    // Well over one page (500) of rows, inserted directly: the route must follow its cursor to the end.
    const values = Array.from({ length: 1200 }, () => `(${admin.id}, 'USER_SESSIONS_REVOKED')`).join(',');
    await server.db.query(`INSERT INTO audit_events (actor_id, action) VALUES ${values}`);
    const text = await (await fetch(csvUrl(), { headers: { authorization: `Bearer ${admin.token}` } })).text();
    assert.equal(text.trim().split('\r\n').length - 1, Number(row!.n) + 1200);
  });
});
