// Access and refresh tokens: rotation, reuse detection, expiry, and managing one's own sessions.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SignJWT } from 'jose';
import type { RowDataPacket } from 'mysql2';
import { createDatabase } from '../src/db/client.js';
import { openSession } from '../src/modules/auth/sessions.js';
import { Login, Me, MySessions, RefreshToken, RevokeOtherSessions, RevokeSession } from './support/operations.js';
import { errorCode, startTestServer, TEST_JWT_SECRET, type TestServer } from './support/server.js';
import { registerUser } from './support/accounts.js';
import { openSocket } from './support/ws.js';
import { session } from './support/sign-in.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server?.close();
});

const refresh = (refreshToken: string, headers?: Record<string, string>) => server.request(RefreshToken, { input: { refreshToken } }, { headers });

test('a refresh token is traded for a new pair, once; the new access token works', async () => {
  const user = await registerUser(server);
  const first = await refresh(user.refreshToken);
  assert.equal(first.errors, undefined, JSON.stringify(first.errors));
  const next = first.data!.refreshToken;
  assert.notEqual(next.refreshToken, user.refreshToken);
  assert.notEqual(next.token, user.token);
  assert.equal(next.user.id, user.user.id);
  assert.equal((await server.request(Me, {}, { token: next.token })).data?.me.id, user.user.id);
  assert.equal((await server.request(Me, {}, { token: user.token })).data?.me.id, user.user.id, 'the old access token lives on until it expires');

  const [row] = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM refresh_tokens WHERE token_hash = ?', [user.refreshToken]);
  assert.equal(row!.n, 0, 'refresh tokens are not stored in clear');
});

test('reusing a refresh token revokes the whole session: every token of it, and its sockets', async () => {
  const user = await registerUser(server);
  const rotated = (await refresh(user.refreshToken)).data!.refreshToken;
  const socket = openSocket(server.url, { token: rotated.token });
  await socket.connected;

  // The first refresh token was copied by someone: either party using it again is the alarm.
  const replay = await refresh(user.refreshToken);
  assert.equal(errorCode(replay), 'UNAUTHENTICATED');
  assert.equal(replay.errors![0]!.extensions!.reason, 'REFRESH_TOKEN_REUSED');
  assert.equal((await socket.closed).code, 4403);

  for (const token of [user.token, rotated.token]) {
    assert.equal((await server.request(Me, {}, { token })).errors![0]!.extensions!.reason, 'SESSION_REVOKED');
  }
  const legit = await refresh(rotated.refreshToken);
  assert.equal(legit.errors![0]!.extensions!.reason, 'SESSION_REVOKED', "the rightful holder's newer token dies with the family");
  assert.equal((await server.request(Login, { input: { identifier: user.input.username, password: user.input.password } })).errors, undefined, 'signing in again works');
});

test("a socket lives as long as its session: closed when it expires, kept when a refresh extended it", async () => {
  const shortly = async (userId: number) =>
    server.db.query('UPDATE sessions SET expires_at = NOW(3) + INTERVAL 1500000 MICROSECOND WHERE user_id = ?', [userId]);
  const lapsing = await registerUser(server);
  await shortly(lapsing.id);
  const doomed = openSocket(server.url, { token: lapsing.token });
  await doomed.connected;
  assert.deepEqual(await doomed.closed, { code: 4403, reason: 'Session expired' });

  const refreshed = await registerUser(server);
  await shortly(refreshed.id);
  const kept = openSocket(server.url, { token: refreshed.token });
  await kept.connected;
  assert.equal((await refresh(refreshed.refreshToken)).errors, undefined, 'the refresh extends the session');
  const stillOpen = await Promise.race([kept.closed.then(() => false), new Promise((r) => setTimeout(() => r(true), 2500))]);
  assert.equal(stillOpen, true, 'the socket outlived the expiry it was opened with');
  await kept.dispose();
});

test('garbage, expired and disabled-account refresh tokens are refused', async () => {
  assert.equal((await refresh('not-a-real-token')).errors![0]!.extensions!.reason, 'INVALID_REFRESH_TOKEN');
  assert.equal(errorCode(await refresh('x'.repeat(10_000))), 'BAD_USER_INPUT');

  const expired = await registerUser(server);
  await server.db.query('UPDATE refresh_tokens rt JOIN sessions s ON s.id = rt.session_id SET rt.expires_at = NOW(3) - INTERVAL 1 SECOND WHERE s.user_id = ?', [expired.id]);
  assert.equal((await refresh(expired.refreshToken)).errors![0]!.extensions!.reason, 'SESSION_EXPIRED');

  const disabled = await registerUser(server);
  await server.db.query('UPDATE users SET is_active = 0 WHERE id = ?', [disabled.id]);
  assert.equal((await refresh(disabled.refreshToken)).errors![0]!.extensions!.reason, 'ACCOUNT_DISABLED');
});

test('an access token past its exp is refused even though its session lives', async () => {
  const user = await registerUser(server);
  const [session] = await server.db.query<{ jti: string }[]>('SELECT jti FROM sessions WHERE user_id = ?', [user.id]);
  const secret = new TextEncoder().encode(TEST_JWT_SECRET);
  const claims = { sid: session!.jti };
  const sign = (exp: number, nbf?: number) => {
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(String(user.id)).setJti('x').setIssuer('realtime-membership').setAudience('realtime-membership').setExpirationTime(exp);
    if (nbf) jwt.setNotBefore(nbf);
    return jwt.sign(secret);
  };
  const now = Math.floor(Date.now() / 1000);
  const expired = await server.request(Me, {}, { token: await sign(now - 60) });
  assert.equal(expired.errors![0]!.extensions!.reason, 'TOKEN_EXPIRED');
  const notYet = await server.request(Me, {}, { token: await sign(now + 600, now + 300) });
  assert.equal(errorCode(notYet), 'UNAUTHENTICATED');
  assert.equal((await server.request(Me, {}, { token: await sign(now + 600) })).data?.me.id, user.user.id, 'the same claims, in date, work');
});

test('mySessions lists live sessions with IP and User-Agent; revokeSession and revokeOtherSessions sign them out', async () => {
  const user = await registerUser(server);
  const login = async (agent: string) =>
    session((await server.request(Login, { input: { identifier: user.input.email, password: user.input.password } }, { headers: { 'user-agent': agent } })).data!.login).token;
  const phone = await login('Phone/1.0');
  const laptop = await login('Laptop/2.0');

  const listed = (await server.request(MySessions, {}, { token: laptop })).data!.mySessions;
  assert.equal(listed.length, 3);
  assert.deepEqual(listed.filter((s) => s.current).map((s) => s.userAgent), ['Laptop/2.0']);
  assert.ok(listed.every((s) => s.ip === '127.0.0.1' && s.createdAt && s.expiresAt));

  const phoneSession = listed.find((s) => s.userAgent === 'Phone/1.0')!;
  assert.deepEqual((await server.request(RevokeSession, { id: phoneSession.id }, { token: laptop })).data, { revokeSession: { success: true } });
  assert.equal((await server.request(Me, {}, { token: phone })).errors![0]!.extensions!.reason, 'SESSION_REVOKED');

  const stranger = await registerUser(server);
  const foreign = await server.request(RevokeSession, { id: listed.find((s) => s.current)!.id }, { token: stranger.token });
  assert.equal(errorCode(foreign), 'NOT_FOUND', "someone else's session cannot be revoked");
  assert.ok((await server.request(Me, {}, { token: laptop })).data?.me);

  assert.deepEqual((await server.request(RevokeOtherSessions, {}, { token: laptop })).data, { revokeOtherSessions: { revokedCount: 1 } });
  assert.equal((await server.request(Me, {}, { token: user.token })).errors![0]!.extensions!.reason, 'SESSION_REVOKED');
  assert.deepEqual((await server.request(MySessions, {}, { token: laptop })).data!.mySessions.map((s) => s.userAgent), ['Laptop/2.0']);
});

test("a sign-in's session and its refresh token are written together or not at all (openSession)", async () => {
  const user = await registerUser(server);
  const userId = Number(user.user.id);
  // One connection, so the check that no transaction is left open looks at the connection openSession used.
  const database = createDatabase(server.db.url, { connectionLimit: 1 });
  const client = { ip: '192.0.2.7', userAgent: 'sessions test' };
  const count = async () => (await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?', [userId]))[0]!.n;
  try {
    const { session: created, refresh: issued } = await openSession(database.db, userId, client, 3600, { assurance: 1 });
    const [row] = await server.db.query<{ jti: string; ip: string; user_agent: string; session_id: number }[]>(
      'SELECT s.jti, s.ip, s.user_agent, r.session_id FROM sessions s JOIN refresh_tokens r ON r.session_id = s.id WHERE s.id = ?',
      [created.id],
    );
    assert.deepEqual(row && { ...row }, { jti: created.jti, ip: client.ip, user_agent: client.userAgent, session_id: created.id });
    assert.equal((await refresh(issued.token)).errors, undefined, 'the refresh token it returned works');

    // The second INSERT fails after the first succeeded: neither row stays, the error reaches the caller.
    const before = await count();
    await server.db.query("CREATE TRIGGER refuse_refresh BEFORE INSERT ON refresh_tokens FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'");
    try {
      await assert.rejects(openSession(database.db, userId, client, 3600, { assurance: 1 }), /refused by the test/);
    } finally {
      await server.db.query('DROP TRIGGER refuse_refresh');
    }
    assert.equal(await count(), before, 'the session row was rolled back');
    const [[state]] = await database.pool.query<(RowDataPacket & { open: number })[]>('SELECT @@in_transaction AS open');
    assert.equal(Number(state!.open), 0, 'no transaction is left open on the connection');
    // Nor is the connection spoiled: the next one goes through.
    await openSession(database.db, userId, client, 3600, { assurance: 1 });
    assert.equal(await count(), before + 1);
  } finally {
    await database.close();
  }
});
