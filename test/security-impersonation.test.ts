// Attacks on impersonation: onto an Admin or another impersonator, without the permission, past the hour (by
// waiting or by refreshing), chained, the acts that would let it keep the account, over HTTP and graphql-ws, and
// outliving its right: every change to authorization that takes the right away ends it at once (its token, sockets
// and SSE streams, on every instance), recorded under that change.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { accountWithRole, login, register, roleIds, signInRootAdmin, type Account } from './support/accounts.js';
import { actsSince, gq, impersonate, lastAuditId, ok, START_IMPERSONATION } from './support/audit.js';
import { MessageReceived } from './support/operations.js';
import { deleteRedisKeys, TEST_REDIS_URL } from './support/redis.js';
import { startTestServer, type TestServer } from './support/server.js';
import { openEventStream, type EventStream } from './support/sse.js';
import { execute, openSocket, type TestSocket } from './support/ws.js';

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

// ---- outliving the right (issue 23, finding 3): the rule is checked again after every change to authorization

const ME = '{ me { id } }';
const CHANGE_USER_ROLE = 'mutation ($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { user { id } } }';
const CREATE_ROLE = 'mutation ($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }';
const UPDATE_ROLE = 'mutation ($input: UpdateRoleInput!) { updateRole(input: $input) { role { id } } }';
const SET_USER_STATUS = 'mutation ($input: SetUserStatusInput!) { setUserStatus(input: $input) { revokedSessions } }';
const DELETE_USER = 'mutation ($input: DeleteUserInput!) { deleteUser(input: $input) { deletedUserId } }';
const SEND_MESSAGE = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }';

/** The lead's custom role: a support desk that may impersonate, and holds what the member holds. */
const LEAD_PERMISSIONS = ['user:read', 'notification:send', 'user:impersonate'];
/** The member's custom role: notification:send is the permission the lead must keep holding. */
const MEMBER_PERMISSIONS = ['user:read', 'notification:send'];

/** Resolves with `promise`, or rejects once `ms` have passed: a deadline for an event, not a sleep. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))),
  ]);
}

async function permissionIdsOn(on: TestServer, token: string): Promise<(names: string[]) => string[]> {
  const perms = ok(await gq(on, '{ permissions { id name } }', {}, token)).permissions as { id: string; name: string }[];
  return (names) => names.map((name) => perms.find((p) => p.name === name)!.id);
}

let roleCounter = 0;
async function createRoleOn(on: TestServer, token: string, permissionNames: string[]): Promise<string> {
  roleCounter += 1;
  const ids = await permissionIdsOn(on, token);
  const input = { name: `Impersonation right ${roleCounter}`, permissionIds: ids(permissionNames) };
  return ok(await gq(on, CREATE_ROLE, { input }, token)).createRole.role.id as string;
}

async function setRolePermissions(on: TestServer, token: string, roleId: string, permissionNames: string[]) {
  const ids = await permissionIdsOn(on, token);
  ok(await gq(on, UPDATE_ROLE, { input: { id: roleId, permissionIds: ids(permissionNames) } }, token));
}

async function moveUser(on: TestServer, token: string, userId: string, roleId: string) {
  ok(await gq(on, CHANGE_USER_ROLE, { input: { userId, roleId } }, token));
}

interface LiveImpersonation {
  lead: Account;
  member: Account;
  leadRole: string;
  memberRole: string;
  acting: Awaited<ReturnType<typeof impersonate>>;
  /** A graphql-ws socket of the impersonation session, connected, and when it closed. */
  socket: TestSocket;
  socketClosed: Promise<{ code: number; at: number }>;
  /** A subscription of the impersonation session streamed over SSE. */
  stream: EventStream<unknown>;
  /** The impersonation's row in `sessions`. */
  sessionId: number;
}

const liveSockets: TestSocket[] = [];
const liveStreams: EventStream<unknown>[] = [];

async function closeLive() {
  for (const stream of liveStreams) stream.close();
  await Promise.all(liveSockets.map((s) => s.dispose()));
}

/**
 * A support lead (a custom role: LEAD_PERMISSIONS) acting as a member of another custom role (MEMBER_PERMISSIONS),
 * made through `on`; the impersonation's token answers there over HTTP, and a graphql-ws socket and an SSE
 * subscription of it are open.
 */
async function liveImpersonation(on: TestServer, adminToken: string): Promise<LiveImpersonation> {
  const leadRole = await createRoleOn(on, adminToken, LEAD_PERMISSIONS);
  const memberRole = await createRoleOn(on, adminToken, MEMBER_PERMISSIONS);
  const lead = await register(on);
  const member = await register(on);
  await moveUser(on, adminToken, lead.id, leadRole);
  await moveUser(on, adminToken, member.id, memberRole);
  const acting = await impersonate(on, lead.token, member.id);
  return { lead, member, leadRole, memberRole, ...(await provenLive(on, acting, member.id)) };
}

/** The impersonation works before the change: its token over HTTP, a socket of it connects and answers, SSE streams. */
async function provenLive(on: TestServer, acting: LiveImpersonation['acting'], memberId: string) {
  assert.equal(ok(await gq(on, ME, {}, acting.token)).me.id, memberId);
  const socket = openSocket(on.url, { token: acting.token });
  liveSockets.push(socket);
  const socketClosed = socket.closed.then(({ code }) => ({ code, at: Date.now() }));
  await socket.connected;
  const overSocket = await execute(socket, parse(ME) as TypedDocumentNode<Record<string, unknown>, Record<string, unknown>>);
  assert.equal(overSocket.errors, undefined, JSON.stringify(overSocket.errors));
  const stream = (await openEventStream(on.url, MessageReceived, { token: acting.token })) as EventStream<unknown>;
  liveStreams.push(stream);
  assert.equal(stream.status, 200);
  const [row] = await on.db.query<{ id: number }[]>('SELECT id FROM sessions WHERE user_id = ? AND impersonator_id IS NOT NULL AND revoked_at IS NULL ORDER BY id DESC LIMIT 1', [memberId]);
  return { acting, socket, socketClosed, stream, sessionId: row!.id };
}

/** Where the trail and the clock stood just before a change. */
async function mark(on: TestServer): Promise<{ auditId: number; at: number }> {
  return { auditId: await lastAuditId(on), at: Date.now() };
}

interface StoppedRow {
  id: number;
  parent_id: number | null;
  actor_id: number | null;
  target_user_id: number | null;
  before: unknown;
}

/**
 * What a change that takes the right away must have done: by the time it answered, the impersonation's token is
 * refused on the very next request (`on`, which may be another instance than the one that made the change), and
 * cannot be refreshed back; within a second of the change its socket is closed and its SSE subscription ended with
 * the reason; and the trail holds the change as exactly one act (`action`) with the impersonation's end recorded
 * under it (parent_id), naming the impersonator and `why`.
 */
async function assertEndedBy(
  on: TestServer,
  live: Pick<LiveImpersonation, 'acting' | 'socketClosed' | 'stream' | 'sessionId' | 'member'> & { impersonatorId: string },
  since: { auditId: number; at: number },
  action: string,
  why: string,
) {
  assertRefused(await gq(on, ME, {}, live.acting.token), 'UNAUTHENTICATED', 'SESSION_REVOKED');
  const closed = await within(live.socketClosed, 3000, 'the impersonation socket closing');
  assert.equal(closed.code, 4403);
  assert.ok(closed.at - since.at < 1000, `the socket closed ${closed.at - since.at} ms after the change began`);
  const ended = await within(live.stream.ended, 3000, 'the SSE subscription ending');
  assert.ok(ended.at - since.at < 1000, `the SSE subscription ended ${ended.at - since.at} ms after the change began`);
  const error = live.stream.received.at(-1)?.errors?.[0];
  assert.deepEqual({ complete: ended.complete, code: error?.extensions?.code, reason: error?.extensions?.reason }, { complete: true, code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
  assertRefused(await gq(on, REFRESH, { input: { refreshToken: live.acting.refreshToken } }), 'UNAUTHENTICATED', 'SESSION_REVOKED');

  const acts = await actsSince(on, since.auditId);
  assert.deepEqual(acts.map((a) => a.action), [action], 'the change is one act');
  const stopped = await on.db.query<StoppedRow[]>("SELECT id, parent_id, actor_id, target_user_id, `before` FROM audit_events WHERE id > ? AND action = 'IMPERSONATION_STOPPED'", [since.auditId]);
  assert.deepEqual(
    stopped.map((r) => ({ parent: r.parent_id, actor: r.actor_id, target: r.target_user_id, before: typeof r.before === 'string' ? JSON.parse(r.before) : r.before })),
    [{ parent: acts[0]!.id, actor: null, target: Number(live.member.id), before: { sessionId: live.sessionId, impersonatorId: Number(live.impersonatorId), why } }],
  );
  const [session] = await on.db.query<{ revoked_reason: string | null }[]>('SELECT revoked_reason FROM sessions WHERE id = ?', [live.sessionId]);
  assert.equal(session!.revoked_reason, 'impersonation_right_lost');
}

/** The member's own session, signed in before the impersonation, is not touched by its end. */
async function assertMemberUntouched(on: TestServer, member: Account) {
  assert.equal(ok(await gq(on, ME, {}, member.token)).me.id, member.id);
}

describe('outliving the right: each change that takes it away ends the impersonation with it', () => {
  after(closeLive);

  test("the impersonator's role loses user:impersonate (updateRole): ended, and giving it back revives nothing", async () => {
    const live = await liveImpersonation(server, admin.token);
    const since = await mark(server);
    await setRolePermissions(server, admin.token, live.leadRole, ['user:read', 'notification:send']);
    await assertEndedBy(server, { ...live, impersonatorId: live.lead.id }, since, 'ROLE_UPDATED', 'IMPERSONATION_RIGHT_LOST');
    await assertMemberUntouched(server, live.member);
    // The lead keeps their own session; their right back does not bring the ended impersonation back.
    await setRolePermissions(server, admin.token, live.leadRole, LEAD_PERMISSIONS);
    assertRefused(await gq(server, ME, {}, live.acting.token), 'UNAUTHENTICATED', 'SESSION_REVOKED');
    ok(await gq(server, ME, {}, live.lead.token));
  });

  test('the impersonator is moved to a role without user:impersonate (changeUserRole): ended, and the target later promoted to Admin gives it nothing (the reproduction)', async () => {
    const live = await liveImpersonation(server, admin.token);
    const roles = await roleIds(server, admin.token);
    const since = await mark(server);
    // Moderator holds everything the member has (user:read, notification:send), only not user:impersonate.
    await moveUser(server, admin.token, live.lead.id, roles.Moderator!);
    await assertEndedBy(server, { ...live, impersonatorId: live.lead.id }, since, 'USER_ROLE_CHANGED', 'IMPERSONATION_RIGHT_LOST');
    await assertMemberUntouched(server, live.member);

    // The reproduction went on: the member promoted to Admin, then the impersonation made its impersonator an
    // Admin. Now the token is dead before and after.
    await moveUser(server, admin.token, live.member.id, roles.Admin!);
    assertRefused(await gq(server, '{ roles { id } }', {}, live.acting.token), 'UNAUTHENTICATED', 'SESSION_REVOKED');
    assertRefused(await gq(server, CHANGE_USER_ROLE, { input: { userId: live.lead.id, roleId: roles.Admin } }, live.acting.token), 'UNAUTHENTICATED', 'SESSION_REVOKED');
    const [lead] = await server.db.query<{ role_id: number }[]>('SELECT role_id FROM users WHERE id = ?', [live.lead.id]);
    assert.equal(String(lead!.role_id), roles.Moderator);
  });

  test("the impersonator's role loses a permission the target has (updateRole drops notification:send): ended", async () => {
    const live = await liveImpersonation(server, admin.token);
    const since = await mark(server);
    await setRolePermissions(server, admin.token, live.leadRole, ['user:read', 'user:impersonate']);
    await assertEndedBy(server, { ...live, impersonatorId: live.lead.id }, since, 'ROLE_UPDATED', 'TARGET_PROTECTED');
    await assertMemberUntouched(server, live.member);
  });

  test("the target's role gains a permission the impersonator lacks (updateRole adds report:view): ended", async () => {
    const live = await liveImpersonation(server, admin.token);
    const since = await mark(server);
    await setRolePermissions(server, admin.token, live.memberRole, [...MEMBER_PERMISSIONS, 'report:view']);
    await assertEndedBy(server, { ...live, impersonatorId: live.lead.id }, since, 'ROLE_UPDATED', 'TARGET_PROTECTED');
    await assertMemberUntouched(server, live.member);
  });

  test('the target is moved to a role with a permission the impersonator lacks (changeUserRole to Moderator, report:view): ended', async () => {
    const live = await liveImpersonation(server, admin.token);
    const roles = await roleIds(server, admin.token);
    const since = await mark(server);
    await moveUser(server, admin.token, live.member.id, roles.Moderator!);
    await assertEndedBy(server, { ...live, impersonatorId: live.lead.id }, since, 'USER_ROLE_CHANGED', 'TARGET_PROTECTED');
    await assertMemberUntouched(server, live.member);
  });

  test('the target becomes an Admin (changeUserRole): ended, and the impersonation never acts as the Admin', async () => {
    const roles = await roleIds(server, admin.token);
    // By a custom support role (the case) and by the root admin, who holds everything an Admin does.
    const byLead = await liveImpersonation(server, admin.token);
    const plain = await register(server);
    const byRoot = { member: plain, ...(await provenLive(server, await impersonate(server, admin.token, plain.id), plain.id)) };
    for (const [live, impersonatorId] of [[byLead, byLead.lead.id], [byRoot, admin.id]] as const) {
      const since = await mark(server);
      await moveUser(server, admin.token, live.member.id, roles.Admin!);
      await assertEndedBy(server, { ...live, impersonatorId }, since, 'USER_ROLE_CHANGED', 'TARGET_PROTECTED');
      assertRefused(await gq(server, '{ roles { id } }', {}, live.acting.token), 'UNAUTHENTICATED', 'SESSION_REVOKED');
      assertRefused(await gq(server, CHANGE_USER_ROLE, { input: { userId: impersonatorId, roleId: roles.Admin } }, live.acting.token), 'UNAUTHENTICATED', 'SESSION_REVOKED');
      // The member, now an Admin, uses their own session as one.
      ok(await gq(server, '{ roles { id } }', {}, live.member.token));
    }
    const [lead] = await server.db.query<{ role_id: number }[]>('SELECT role_id FROM users WHERE id = ?', [byLead.lead.id]);
    assert.equal(String(lead!.role_id), byLead.leadRole, 'the impersonator did not make themself an Admin');
  });

  for (const act of ['disabled (setUserStatus)', 'deleted (deleteUser)'] as const) {
    test(`the impersonator is ${act}: ended, on the record under the act`, async () => {
      const live = await liveImpersonation(server, admin.token);
      const since = await mark(server);
      if (act.startsWith('disabled')) {
        ok(await gq(server, SET_USER_STATUS, { input: { userId: live.lead.id, active: false } }, admin.token));
      } else {
        ok(await gq(server, DELETE_USER, { input: { userId: live.lead.id } }, admin.token));
      }
      await assertEndedBy(server, { ...live, impersonatorId: live.lead.id }, since, act.startsWith('disabled') ? 'USER_DISABLED' : 'USER_DELETED', 'IMPERSONATOR_INACTIVE');
      await assertMemberUntouched(server, live.member);
    });
  }

  test('changes that leave the right whole end nothing: a role nobody holds, a bystander moved, the pair given more or the target less', async () => {
    const live = await liveImpersonation(server, admin.token);
    const bystander = await register(server);
    const roles = await roleIds(server, admin.token);
    const since = await lastAuditId(server);
    await createRoleOn(server, admin.token, ['user:read', 'role:manage', 'report:view']);
    await moveUser(server, admin.token, bystander.id, roles.Moderator!);
    ok(await gq(server, UPDATE_ROLE, { input: { id: live.memberRole, description: 'Renamed desk, same permissions' } }, admin.token));
    await setRolePermissions(server, admin.token, live.leadRole, [...LEAD_PERMISSIONS, 'report:view']);
    await setRolePermissions(server, admin.token, live.memberRole, ['user:read']);

    assert.equal(ok(await gq(server, ME, {}, live.acting.token)).me.id, live.member.id);
    // The socket still answers, and the SSE subscription still delivers: what arrives after the changes proves
    // neither was ended by them.
    const overSocket = await execute(live.socket, parse(ME) as TypedDocumentNode<Record<string, unknown>, Record<string, unknown>>);
    assert.equal(overSocket.errors, undefined, JSON.stringify(overSocket.errors));
    assert.ok(live.socket.isConnected());
    ok(await gq(server, SEND_MESSAGE, { input: { recipientId: live.member.id, content: 'still there?' } }, bystander.token));
    const delivered = (await live.stream.next()) as { data?: { messageReceived: { content: string } }; errors?: unknown };
    assert.equal(delivered.data?.messageReceived.content, 'still there?', JSON.stringify(delivered));
    const [stopped] = await server.db.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM audit_events WHERE id > ? AND action = 'IMPERSONATION_STOPPED'", [since]);
    assert.equal(Number(stopped!.n), 0);
    const [session] = await server.db.query<{ revoked_at: Date | null }[]>('SELECT revoked_at FROM sessions WHERE id = ?', [live.sessionId]);
    assert.equal(session!.revoked_at, null);
  });
});

describe('outliving the right across instances sharing Redis', () => {
  const prefix = `test_${randomBytes(4).toString('hex')}:`;
  let a: TestServer;
  let b: TestServer;
  let adminOnA: { id: string; token: string };
  let adminOnB: { id: string; token: string };
  before(async () => {
    // The default session cache: instance A holds the impersonation's session when B changes the right.
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
    a = await startTestServer(env);
    b = await startTestServer(env, a.db);
    adminOnA = await signInRootAdmin(a);
    adminOnB = await signInRootAdmin(b);
  });
  after(async () => {
    await closeLive();
    await b?.close();
    await a?.close();
    await deleteRedisKeys(prefix);
  });

  test('the impersonator moved to a role without user:impersonate through B: the token is refused on A at once, where its session was cached, and its socket and SSE stream on A end', async () => {
    const live = await liveImpersonation(a, adminOnA.token);
    const roles = await roleIds(b, adminOnB.token);
    const since = await mark(a);
    await moveUser(b, adminOnB.token, live.lead.id, roles.User!);
    await assertEndedBy(a, { ...live, impersonatorId: live.lead.id }, since, 'USER_ROLE_CHANGED', 'IMPERSONATION_RIGHT_LOST');
    assertRefused(await gq(b, ME, {}, live.acting.token), 'UNAUTHENTICATED', 'SESSION_REVOKED');
    await assertMemberUntouched(a, live.member);
  });
});

describe('the impersonator signed out everywhere', () => {
  test('by an administrator (revokeUserSessions), or by changing their password: their impersonations end with them, on the record', async () => {
    const REVOKE_USER_SESSIONS = 'mutation ($input: RevokeUserSessionsInput!) { revokeUserSessions(input: $input) { revokedSessions } }';
    const CHANGE_PASSWORD = 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { success } }';
    for (const how of ['revokeUserSessions', 'changePassword'] as const) {
      const lead = await accountWithRole(server, admin.token, 'Admin');
      const member = await register(server);
      const acting = await impersonate(server, lead.token, member.id);
      ok(await gq(server, ME, {}, acting.token));
      const since = await lastAuditId(server);
      if (how === 'revokeUserSessions') ok(await gq(server, REVOKE_USER_SESSIONS, { input: { userId: lead.id, reason: 'stolen laptop' } }, admin.token));
      else ok(await gq(server, CHANGE_PASSWORD, { input: { currentPassword: lead.password, newPassword: 'a fresh lantern 91' } }, lead.token));
      assertRefused(await gq(server, ME, {}, acting.token), 'UNAUTHENTICATED', 'SESSION_REVOKED');
      const [stopped] = await server.db.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM audit_events WHERE id > ? AND action = 'IMPERSONATION_STOPPED' AND target_user_id = ?", [since, Number(member.id)]);
      assert.equal(Number(stopped!.n), 1, `${how}: recorded`);
      ok(await gq(server, ME, {}, member.token));
    }
  });
});
