// Impersonation as it is meant to be used: an Admin acts as a member for a while, every act on the record with both
// identities; the member sees the session, is notified, and the Admin stops it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { accountWithRole, register, signInRootAdmin, type Account } from './support/accounts.js';
import { actsSince, gq, impersonate, lastAuditId, ok } from './support/audit.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
let admin: { id: string; token: string };

before(async () => {
  server = await startTestServer();
  admin = await signInRootAdmin(server);
});
after(async () => {
  await server?.close();
});

const ME = '{ me { id username impersonatedBy { id username } } }';

describe('an impersonation session', () => {
  let member: Account;
  let session: Awaited<ReturnType<typeof impersonate>>;

  before(async () => {
    member = await register(server);
  });

  test('acts as the user for at most an hour, and `me` names who is acting', async () => {
    const since = await lastAuditId(server);
    const started = Date.now();
    session = await impersonate(server, admin.token, member.id);
    assert.equal(session.user.id, member.id);
    assert.ok(Date.parse(session.refreshTokenExpiresAt) - started <= 3600_000 + 5_000, session.refreshTokenExpiresAt);
    assert.ok(Date.parse(session.expiresAt) <= Date.parse(session.refreshTokenExpiresAt));
    const me = ok(await gq(server, ME, {}, session.token)).me;
    assert.equal(me.id, member.id);
    assert.deepEqual(me.impersonatedBy, { id: admin.id, username: 'root_admin' });
    const [row] = await actsSince(server, since);
    assert.equal(row!.action, 'IMPERSONATION_STARTED');
    assert.equal(row!.actor_id, Number(admin.id));
    assert.equal(row!.target_user_id, Number(member.id));
    assert.equal(row!.reason, 'Support ticket 42: cannot see messages');
  });

  test("the user's own session shows no impersonator, but lists the impersonation and got a notification", async () => {
    assert.equal(ok(await gq(server, ME, {}, member.token)).me.impersonatedBy, null);
    const sessions = ok(await gq(server, '{ mySessions { id current impersonatedBy { id username } } }', {}, member.token)).mySessions;
    const marked = sessions.filter((s: { impersonatedBy: unknown }) => s.impersonatedBy !== null);
    assert.equal(marked.length, 1);
    assert.deepEqual(marked[0].impersonatedBy, { id: admin.id, username: 'root_admin' });
    const notes = ok(await gq(server, '{ notifications(first: 5) { edges { node { title message kind } } } }', {}, member.token)).notifications.edges;
    const note = notes.find((e: { node: { title: string } }) => e.node.title.includes('acting as you'));
    assert.ok(note, JSON.stringify(notes));
    assert.match(note.node.title, /ผู้ดูแลระบบ/);
    assert.match(note.node.message, /root_admin: Support ticket 42/);
  });

  test("every mutation in it is recorded once, with both identities", async () => {
    const since = await lastAuditId(server);
    ok(await gq(server, 'mutation { setPresence(status: AWAY) { status } }', {}, session.token));
    ok(await gq(server, 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id } } }', { input: { locale: 'th' } }, session.token));
    const rows = await actsSince(server, since);
    assert.deepEqual(rows.map((r) => r.action), ['IMPERSONATED_ACT', 'IMPERSONATED_ACT']);
    for (const row of rows) {
      assert.equal(row.actor_id, Number(member.id));
      assert.equal(row.impersonator_id, Number(admin.id));
    }
    const [detail] = await server.db.query<{ after: unknown }[]>('SELECT `after` FROM audit_events WHERE id = ?', [rows[1]!.id]);
    // MariaDB's JSON is LONGTEXT: the driver may hand back text or an object.
    const recorded = typeof detail!.after === 'string' ? JSON.parse(detail!.after) : detail!.after;
    assert.deepEqual(recorded, { mutation: 'updateProfile' });
    // The member's own acts carry no impersonator.
    const own = await lastAuditId(server);
    ok(await gq(server, 'mutation { setPresence(status: ONLINE) { status } }', {}, member.token));
    assert.equal((await actsSince(server, own)).length, 0);
  });

  test('auditEvents shows the impersonator', async () => {
    const events = ok(await gq(server, '{ auditEvents(filter: { action: "IMPERSONATED_ACT" }, first: 1) { edges { node { actor { id } impersonator { id } } } } }', {}, admin.token)).auditEvents;
    assert.deepEqual(events.edges[0].node, { actor: { id: member.id }, impersonator: { id: admin.id } });
  });

  test('stopImpersonation ends only that session, on the record', async () => {
    const since = await lastAuditId(server);
    ok(await gq(server, 'mutation { stopImpersonation { success } }', {}, session.token));
    assert.equal(errorCode(await gq(server, ME, {}, session.token)), 'UNAUTHENTICATED');
    ok(await gq(server, ME, {}, admin.token));
    ok(await gq(server, ME, {}, member.token));
    const rows = await actsSince(server, since);
    assert.deepEqual(rows.map((r) => [r.action, r.actor_id, r.impersonator_id, r.target_user_id]), [['IMPERSONATION_STOPPED', Number(admin.id), Number(admin.id), Number(member.id)]]);
    const sessions = ok(await gq(server, '{ mySessions { impersonatedBy { id } } }', {}, member.token)).mySessions;
    assert.ok(sessions.every((s: { impersonatedBy: unknown }) => s.impersonatedBy === null));
  });

  test('stopImpersonation in an ordinary session is a CONFLICT', async () => {
    const result = await gq(server, 'mutation { stopImpersonation { success } }', {}, member.token);
    assert.equal(errorCode(result), 'CONFLICT');
    assert.equal(result.errors?.[0]?.extensions?.reason, 'NOT_IMPERSONATING');
  });

  test('an impersonated Moderator sending a notification is one act (NOTIFICATION_SENT), with both identities', async () => {
    const moderator = await accountWithRole(server, admin.token, 'Moderator');
    const acting = await impersonate(server, admin.token, moderator.id);
    const since = await lastAuditId(server);
    ok(await gq(server, 'mutation ($input: SendNotificationInput!) { sendNotification(input: $input) { notification { id } } }', { input: { userId: member.id, title: 'Hi', message: 'On behalf' } }, acting.token));
    const rows = await actsSince(server, since);
    assert.deepEqual(rows.map((r) => [r.action, r.actor_id, r.impersonator_id]), [['NOTIFICATION_SENT', Number(moderator.id), Number(admin.id)]]);
  });
});
