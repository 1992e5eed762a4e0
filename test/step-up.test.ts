// Step-up: sensitive changes need a proof of who holds the session within REAUTH_MAX_AGE (sessions.proved_at), a
// refresh does not renew it, `reauthenticate` does. Attacked as the holder of a stolen, older session would: over
// HTTP and graphql-ws, with refreshed tokens, wrong passwords (counted toward the lockout), the other fields.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { login, registerUser } from './support/accounts.js';
import { ChangePassword, Login, MySessions, Reauthenticate, RefreshToken, RevokeOtherSessions, UpdateProfile, VerificationState } from './support/operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { provedAgo } from './support/step-up.js';
import { execute, openSocket } from './support/ws.js';

let server: TestServer;

before(async () => {
  server = await startTestServer({ REAUTH_MAX_AGE: '600', LOCKOUT_THRESHOLD: '3', DEFAULT_LOCALE: 'en' });
});
after(() => server.close());

/** Makes every session of the user look proved `seconds` ago, as if signed in that long before. */
const ageProof = (userId: number | string, seconds: number) => provedAgo(server, userId, seconds);

async function provedAtOf(token: string): Promise<Date> {
  const sessions = await server.request(MySessions, {}, { token });
  const current = sessions.data!.mySessions.find((s) => s.current)!;
  const [row] = await server.db.query<{ proved_at: Date }[]>('SELECT proved_at FROM sessions WHERE id = ?', [Number(current.id)]);
  return row!.proved_at;
}

async function liveSessions(userId: number): Promise<number> {
  const [row] = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ? AND revoked_at IS NULL', [userId]);
  return Number(row!.n);
}

async function history(userId: number): Promise<{ reason: string | null; success: number }[]> {
  return server.db.query('SELECT reason, success FROM login_history WHERE user_id = ? ORDER BY id', [userId]);
}

test('a fresh sign-in may revoke other sessions; the same session 11 minutes later gets REAUTH_REQUIRED until it reauthenticates', async () => {
  const account = await registerUser(server);
  await login(server, account.input.username, account.input.password);
  const fresh = await server.request(RevokeOtherSessions, {}, { token: account.token });
  assert.equal(fresh.errors, undefined, JSON.stringify(fresh.errors));
  assert.equal(fresh.data!.revokeOtherSessions.revokedCount, 1);

  await login(server, account.input.username, account.input.password);
  await ageProof(account.id, 11 * 60);
  const refused = await server.request(RevokeOtherSessions, {}, { token: account.token });
  assert.equal(errorCode(refused), 'REAUTH_REQUIRED');
  assert.equal(refused.errors![0]!.extensions!.maxAgeSeconds, 600);
  // Every kind of proof this server accepts (the client offers those the account has).
  assert.deepEqual(refused.errors![0]!.extensions!.methods, ['PASSWORD', 'TOTP', 'PASSKEY']);
  assert.equal(await liveSessions(account.id), 2, 'nothing was revoked');

  const before = Date.now();
  const proved = await server.request(Reauthenticate, { input: { password: account.input.password } }, { token: account.token });
  assert.equal(proved.errors, undefined, JSON.stringify(proved.errors));
  assert.ok(new Date(proved.data!.reauthenticate.provedAt).getTime() >= before - 1000);
  const retried = await server.request(RevokeOtherSessions, {}, { token: account.token });
  assert.equal(retried.errors, undefined, JSON.stringify(retried.errors));
  assert.equal(retried.data!.revokeOtherSessions.revokedCount, 1);
  assert.deepEqual((await history(account.id)).at(-1), { reason: 'REAUTHENTICATED', success: 1 });
});

test('a refresh does not renew the proof: a stolen refresh token yields tokens that still need the password', async () => {
  const account = await registerUser(server);
  const provedAt = await provedAtOf(account.token);
  await ageProof(account.id, 3600);
  const refreshed = await server.request(RefreshToken, { input: { refreshToken: account.refreshToken } });
  assert.equal(refreshed.errors, undefined, JSON.stringify(refreshed.errors));
  const token = refreshed.data!.refreshToken.token;
  assert.ok((await provedAtOf(token)).getTime() < provedAt.getTime() - 3000_000, 'proved_at stayed an hour old');
  assert.equal(errorCode(await server.request(RevokeOtherSessions, {}, { token })), 'REAUTH_REQUIRED');
  assert.equal(errorCode(await server.request(UpdateProfile, { input: { email: `new-${account.input.email}` } }, { token })), 'REAUTH_REQUIRED');
});

test('updateProfile needs the proof for a new email or phone only, and refuses before saying whether the address is taken', async () => {
  const account = await registerUser(server);
  const other = await registerUser(server);
  await ageProof(account.id, 3600);
  const token = account.token;
  // Harmless changes go through.
  const renamed = await server.request(UpdateProfile, { input: { username: `${account.input.username}x`, locale: 'th' } }, { token });
  assert.equal(renamed.errors, undefined, JSON.stringify(renamed.errors));
  const same = await server.request(UpdateProfile, { input: { email: account.input.email } }, { token });
  assert.equal(same.errors, undefined, 'giving the current email again changes nothing');
  // A new email or phone, free or taken, gets the same answer: no probing of who is registered.
  for (const input of [{ email: `fresh-${account.input.email}` }, { email: other.input.email }, { phone: '089-999-1234' }, { phone: other.input.phone }]) {
    const refused = await server.request(UpdateProfile, { input }, { token });
    assert.equal(errorCode(refused), 'REAUTH_REQUIRED', JSON.stringify(input));
  }
  const state = await server.request(VerificationState, {}, { token });
  assert.equal(state.data!.me.pendingEmail, null);
  assert.equal(state.data!.me.pendingPhone, null);

  await server.request(Reauthenticate, { input: { password: account.input.password } }, { token });
  const changed = await server.request(UpdateProfile, { input: { email: `fresh-${account.input.email}` } }, { token });
  assert.equal(changed.errors, undefined, JSON.stringify(changed.errors));
  assert.equal((await server.request(VerificationState, {}, { token })).data!.me.pendingEmail, `fresh-${account.input.email}`);
});

test('changePassword needs no reauthenticate (its current password is the proof) and renews the proof', async () => {
  const account = await registerUser(server);
  await ageProof(account.id, 3600);
  const changed = await server.request(ChangePassword, { input: { currentPassword: account.input.password, newPassword: 'velvet-otter-canyon-7' } }, { token: account.token });
  assert.equal(changed.errors, undefined, JSON.stringify(changed.errors));
  assert.ok(Date.now() - (await provedAtOf(account.token)).getTime() < 60_000);
  const revoked = await server.request(RevokeOtherSessions, {}, { token: account.token });
  assert.equal(revoked.errors, undefined, JSON.stringify(revoked.errors));
});

test('the proof is per session: reauthenticating one session leaves the user’s other sessions, and other users, needing theirs', async () => {
  const account = await registerUser(server);
  const second = await login(server, account.input.username, account.input.password);
  const stranger = await registerUser(server, { password: 'marble tiger lantern 51' });
  await ageProof(account.id, 3600);
  await ageProof(stranger.id, 3600);
  await server.request(Reauthenticate, { input: { password: account.input.password } }, { token: account.token });
  assert.equal(errorCode(await server.request(RevokeOtherSessions, {}, { token: second })), 'REAUTH_REQUIRED');
  assert.equal(errorCode(await server.request(RevokeOtherSessions, {}, { token: stranger.token })), 'REAUTH_REQUIRED');
  // Someone else's password proves nothing for this session.
  const foreign = await server.request(Reauthenticate, { input: { password: stranger.input.password } }, { token: second });
  assert.equal(errorCode(foreign), 'BAD_USER_INPUT');
  assert.equal(errorCode(await server.request(RevokeOtherSessions, {}, { token: second })), 'REAUTH_REQUIRED');
});

test('REAUTH_REQUIRED over graphql-ws too, and a reauthenticate over HTTP counts for the socket’s session at once', async () => {
  const account = await registerUser(server);
  await login(server, account.input.username, account.input.password);
  await ageProof(account.id, 3600);
  const socket = openSocket(server.url, { token: account.token });
  try {
    await socket.connected;
    const refused = await execute(socket, RevokeOtherSessions, {});
    assert.equal(errorCode(refused), 'REAUTH_REQUIRED');
    const email = await execute(socket, UpdateProfile, { input: { phone: '089-555-0101' } });
    assert.equal(errorCode(email), 'REAUTH_REQUIRED');
    assert.equal(await liveSessions(account.id), 2);

    const proved = await server.request(Reauthenticate, { input: { password: account.input.password } }, { token: account.token });
    assert.equal(proved.errors, undefined);
    const allowed = await execute(socket, RevokeOtherSessions, {});
    assert.equal(allowed.errors, undefined, JSON.stringify(allowed.errors));
    assert.equal(allowed.data!.revokeOtherSessions.revokedCount, 1);
  } finally {
    await socket.dispose();
  }
});

test('reauthenticate takes exactly one proof; a code or passkey the account does not have proves nothing (BAD_USER_INPUT)', async () => {
  const account = await registerUser(server);
  await ageProof(account.id, 3600);
  const token = account.token;
  for (const input of [{}, { password: account.input.password, code: '123456' }, { code: '123456' }, { passkeyResponse: { id: 'x' } }, { password: '' }]) {
    const result = await server.request(Reauthenticate, { input }, { token });
    assert.equal(errorCode(result), 'BAD_USER_INPUT', JSON.stringify(input));
  }
  assert.equal(errorCode(await server.request(RevokeOtherSessions, {}, { token })), 'REAUTH_REQUIRED', 'none of them proved anything');
  assert.equal(errorCode(await server.request(Reauthenticate, { input: { password: account.input.password } })), 'UNAUTHENTICATED');
});

test('wrong passwords to reauthenticate and changePassword are in login_history and lock the account like failed sign-ins', async () => {
  const account = await registerUser(server);
  await ageProof(account.id, 3600);
  const token = account.token;
  const wrong = await server.request(Reauthenticate, { input: { password: 'not my password at all' } }, { token });
  assert.equal(errorCode(wrong), 'BAD_USER_INPUT');
  const wrongCurrent = await server.request(ChangePassword, { input: { currentPassword: 'still not it, sorry', newPassword: 'velvet-otter-canyon-7' } }, { token });
  assert.equal(errorCode(wrongCurrent), 'BAD_USER_INPUT');
  const third = await server.request(Reauthenticate, { input: { password: 'a third wrong guess' } }, { token });
  assert.equal(errorCode(third), 'BAD_USER_INPUT');
  // LOCKOUT_THRESHOLD=3: the account is now locked, for the right password too, here and at the sign-in form.
  const locked = await server.request(Reauthenticate, { input: { password: account.input.password } }, { token });
  assert.equal(errorCode(locked), 'RATE_LIMITED');
  const signIn = await server.request(Login, { input: { identifier: account.input.email, password: account.input.password } });
  assert.equal(errorCode(signIn), 'RATE_LIMITED');
  assert.equal(errorCode(await server.request(RevokeOtherSessions, {}, { token })), 'REAUTH_REQUIRED');
  const reasons = (await history(account.id)).map((row) => `${row.reason}:${row.success}`);
  assert.deepEqual(reasons.slice(-5), ['REAUTH_WRONG_PASSWORD:0', 'CHANGE_PASSWORD_WRONG_PASSWORD:0', 'REAUTH_WRONG_PASSWORD:0', 'REAUTH_LOCKED_OUT:0', 'LOCKED_OUT:0']);
});
