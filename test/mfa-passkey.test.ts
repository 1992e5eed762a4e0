// A passkey as the second factor after a password, and as the proof of a step-up, over GraphQL with the software
// authenticator (test/support/webauthn.ts) standing in for the browser: the challenge's methods, startMfaChallenge
// bound to its sign-in like completeMfaSignIn, another user's passkey, replays, used and expired challenges, another
// address or browser, a response made for one ceremony sent to another, reauthenticate then removePasskey, and an
// administrator's reset removing passkeys.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerUser, signInRootAdmin } from './support/accounts.js';
import { CompleteMfaSignIn, Login, Reauthenticate, ResetUserSecondFactors } from './support/operations.js';
import { FinishPasskeyRegistration, MyPasskeys, RemovePasskey, StartMfaChallenge, StartPasskeyRegistration, StartReauthentication } from './support/passkey-operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { challenge, session } from './support/sign-in.js';
import { SoftAuthenticator } from './support/webauthn.js';
import { provedAgo } from './support/step-up.js';

const ORIGIN = 'https://members.example.test';
const HOME = { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'Home Browser/1.0' };
let server: TestServer;

before(async () => {
  // Room for the wrong answers one test makes before its right one (the lock itself is mfa.test.ts's), and for many
  // requests from one address.
  server = await startTestServer({ PUBLIC_URL: ORIGIN, TRUST_PROXY: '1', DEFAULT_LOCALE: 'en', MFA_LOCKOUT_THRESHOLD: '10', RATE_LIMIT_LOGIN_IP: '1000/60' });
});
after(async () => {
  await server?.close();
});

const reasonOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.reason;

/** A fresh user with a password and one passkey on their own authenticator. */
async function userWithPasskey() {
  const account = await registerUser(server);
  const authenticator = new SoftAuthenticator(ORIGIN);
  const started = await server.request(StartPasskeyRegistration, {}, { token: account.token });
  assert.equal(started.errors, undefined, JSON.stringify(started.errors));
  const finished = await server.request(FinishPasskeyRegistration, { input: { response: authenticator.register(started.data!.startPasskeyRegistration.options) } }, { token: account.token });
  assert.equal(finished.errors, undefined, JSON.stringify(finished.errors));
  return { ...account, authenticator, passkeyId: finished.data!.finishPasskeyRegistration.passkey.id };
}

async function passwordStep(account: { input: { username: string; password: string } }, headers: Record<string, string> = HOME) {
  const result = await server.request(Login, { input: { identifier: account.input.username, password: account.input.password } }, { headers });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return challenge(result.data!.login);
}

function startMfa(challengeToken: string, headers: Record<string, string> = HOME, method: 'PASSKEY' | 'TOTP' | 'BACKUP_CODE' = 'PASSKEY') {
  return server.request(StartMfaChallenge, { input: { challengeToken, method } }, { headers });
}

async function passkeyOptions(challengeToken: string) {
  const started = await startMfa(challengeToken);
  assert.equal(started.errors, undefined, JSON.stringify(started.errors));
  return started.data!.startMfaChallenge.options as { allowCredentials: { id: string }[]; userVerification: string; challenge: string };
}

const complete = (challengeToken: string, passkeyResponse: unknown, headers: Record<string, string> = HOME) =>
  server.request(CompleteMfaSignIn, { input: { challengeToken, passkeyResponse } }, { headers });

async function historyOf(userId: number, reason: string) {
  return server.db.query<{ success: number }[]>('SELECT success FROM login_history WHERE reason = ? AND user_id = ? ORDER BY id', [reason, userId]);
}

describe('a passkey as the second step after a password', () => {
  test('the challenge offers PASSKEY; its options list the user’s passkeys; the signed answer starts a session', async () => {
    const alice = await userWithPasskey();
    const step = await passwordStep(alice);
    assert.deepEqual(step.methods, ['PASSKEY']);
    const options = await passkeyOptions(step.challengeToken);
    assert.deepEqual(options.allowCredentials.map((c) => c.id), [alice.authenticator.credentials[0]!.id]);
    const done = await complete(step.challengeToken, alice.authenticator.authenticate(options));
    assert.equal(done.errors, undefined, JSON.stringify(done.errors));
    const signedIn = session(done.data!.completeMfaSignIn);
    assert.equal(signedIn.user.id, String(alice.id));
    // The challenge is used up: neither a new start nor a new answer works on it.
    assert.equal(reasonOf(await startMfa(step.challengeToken)), 'INVALID_MFA_CHALLENGE');
    assert.equal(reasonOf(await complete(step.challengeToken, alice.authenticator.authenticate(options))), 'INVALID_MFA_CHALLENGE');
  });

  test("another user's passkey, a replayed response and a response to another ceremony are refused and count as wrong", async () => {
    const alice = await userWithPasskey();
    const bob = await userWithPasskey();
    const step = await passwordStep(alice);
    // Bob's authenticator signs Alice's options with Bob's passkey.
    const forAlice = await passkeyOptions(step.challengeToken);
    assert.equal(reasonOf(await complete(step.challengeToken, bob.authenticator.authenticate({ ...forAlice, allowCredentials: [] }))), 'WRONG_MFA_CODE');
    // A good answer once; then the same response on a fresh sign-in (its ceremony was used up with the first).
    const options = await passkeyOptions(step.challengeToken);
    const response = alice.authenticator.authenticate(options);
    assert.equal((await complete(step.challengeToken, response)).errors, undefined);
    const again = await passwordStep(alice);
    assert.equal(reasonOf(await complete(again.challengeToken, response)), 'WRONG_MFA_CODE', 'replayed response, no ceremony open');
    await passkeyOptions(again.challengeToken);
    assert.equal(reasonOf(await complete(again.challengeToken, response)), 'WRONG_MFA_CODE', 'replayed response over a new ceremony');
    // A response made for a step-up ceremony is not an answer to the sign-in's.
    // (A session re-authenticates with what it held at its last proof: as if signed in after adding the passkey.)
    await provedAgo(server, alice.id, 60);
    const reauth = await server.request(StartReauthentication, {}, { token: alice.token });
    assert.equal(reauth.errors, undefined, JSON.stringify(reauth.errors));
    assert.equal(reasonOf(await complete(again.challengeToken, alice.authenticator.authenticate(reauth.data!.startReauthentication.options))), 'WRONG_MFA_CODE');
    // A tampered signature.
    assert.equal(reasonOf(await complete(again.challengeToken, alice.authenticator.authenticate(await passkeyOptions(again.challengeToken), { tamper: true }))), 'WRONG_MFA_CODE');
    assert.equal((await historyOf(alice.id, 'MFA_WRONG_CODE')).length, 5);
    // None of it spent the challenge: the right answer still works.
    const ok = await complete(again.challengeToken, alice.authenticator.authenticate(await passkeyOptions(again.challengeToken)));
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
  });

  test('startMfaChallenge checks its challenge as completeMfaSignIn does: unknown, expired, another address or browser', async () => {
    const alice = await userWithPasskey();
    const step = await passwordStep(alice);
    assert.equal(reasonOf(await startMfa('not-a-token')), 'INVALID_MFA_CHALLENGE');
    assert.equal(reasonOf(await startMfa('x'.repeat(500))), 'INVALID_MFA_CHALLENGE');
    assert.equal(reasonOf(await startMfa(step.challengeToken, { ...HOME, 'x-forwarded-for': '198.51.100.9' })), 'INVALID_MFA_CHALLENGE');
    assert.equal(reasonOf(await startMfa(step.challengeToken, { ...HOME, 'user-agent': 'Other Browser/1.0' })), 'INVALID_MFA_CHALLENGE');
    assert.equal(errorCode(await startMfa(step.challengeToken, { ...HOME, 'x-forwarded-for': '198.51.100.9' })), 'UNAUTHENTICATED');
    // The answer from elsewhere is refused too, even over options fetched at home.
    const options = await passkeyOptions(step.challengeToken);
    assert.equal(reasonOf(await complete(step.challengeToken, alice.authenticator.authenticate(options), { ...HOME, 'x-forwarded-for': '198.51.100.9' })), 'INVALID_MFA_CHALLENGE');
    // Expired.
    await server.db.query('UPDATE sign_in_flows SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE user_id = ?', [alice.id]);
    assert.equal(reasonOf(await startMfa(step.challengeToken)), 'INVALID_MFA_CHALLENGE');
    assert.equal(reasonOf(await complete(step.challengeToken, alice.authenticator.authenticate(options))), 'INVALID_MFA_CHALLENGE');
  });

  test('startMfaChallenge: BAD_USER_INPUT for a method with nothing to start or one the account lacks', async () => {
    const alice = await userWithPasskey();
    const step = await passwordStep(alice);
    assert.equal(errorCode(await startMfa(step.challengeToken, HOME, 'TOTP')), 'BAD_USER_INPUT');
    assert.equal(errorCode(await startMfa(step.challengeToken, HOME, 'BACKUP_CODE')), 'BAD_USER_INPUT');
    // The passkey goes (flagged as copied): the challenge stays, but there is no passkey to start with.
    await server.db.query('UPDATE passkeys SET flagged_at = NOW(3) WHERE user_id = ?', [alice.id]);
    assert.equal(errorCode(await startMfa(step.challengeToken)), 'BAD_USER_INPUT');
  });

  test('startMfaChallenge is limited per address, in the bucket of completeMfaSignIn', async () => {
    const limited = await startTestServer({ PUBLIC_URL: ORIGIN, RATE_LIMIT_LOGIN_IP: '3/600' }, server.db);
    try {
      const codes: unknown[] = [];
      for (let i = 0; i < 4; i++) codes.push(errorCode(await limited.request(StartMfaChallenge, { input: { challengeToken: `guess-${i}`, method: 'PASSKEY' } })));
      assert.deepEqual(codes, ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
      assert.equal(errorCode(await limited.request(CompleteMfaSignIn, { input: { challengeToken: 'guess', code: '123456' } })), 'RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  test("an administrator's reset removes the user's passkeys: the password alone signs in again", async () => {
    const alice = await userWithPasskey();
    const admin = await signInRootAdmin(server);
    const reset = await server.request(ResetUserSecondFactors, { input: { userId: String(alice.id), reason: 'lost the security key' } }, { token: admin.token });
    assert.equal(reset.errors, undefined, JSON.stringify(reset.errors));
    assert.deepEqual(reset.data!.resetUserSecondFactors.user.mfaMethods, []);
    const [row] = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM passkeys WHERE user_id = ?', [alice.id]);
    assert.equal(Number(row!.n), 0);
    const result = await server.request(Login, { input: { identifier: alice.input.username, password: alice.input.password } }, { headers: HOME });
    assert.equal(session(result.data!.login).user.id, String(alice.id));
  });
});

describe('a passkey as the proof of a step-up', () => {
  const stale = (userId: number) => provedAgo(server, userId, 2 * 86400);

  test('reauthenticate with a passkey, then removePasskey goes through', async () => {
    const alice = await userWithPasskey();
    await stale(alice.id);
    const refused = await server.request(RemovePasskey, { input: { id: alice.passkeyId } }, { token: alice.token });
    assert.equal(errorCode(refused), 'REAUTH_REQUIRED');
    assert.ok((refused.errors![0]!.extensions!.methods as string[]).includes('PASSKEY'));
    const started = await server.request(StartReauthentication, {}, { token: alice.token });
    const options = started.data!.startReauthentication.options as { allowCredentials: { id: string }[]; userVerification: string };
    assert.equal(options.userVerification, 'required', 'the passkey stands in for the password');
    assert.deepEqual(options.allowCredentials.map((c) => c.id), [alice.authenticator.credentials[0]!.id]);
    const proved = await server.request(Reauthenticate, { input: { passkeyResponse: alice.authenticator.authenticate(options) } }, { token: alice.token });
    assert.equal(proved.errors, undefined, JSON.stringify(proved.errors));
    const removed = await server.request(RemovePasskey, { input: { id: alice.passkeyId } }, { token: alice.token });
    assert.equal(removed.errors, undefined, JSON.stringify(removed.errors));
    assert.equal((await historyOf(alice.id, 'PASSKEY_REAUTHENTICATED'))[0]?.success, 1);
  });

  test("refused: no start, a replay, another user's passkey, no user verification, a sign-in ceremony's response, garbage", async () => {
    const alice = await userWithPasskey();
    const bob = await userWithPasskey();
    await stale(alice.id);
    const reauth = (passkeyResponse: unknown) => server.request(Reauthenticate, { input: { passkeyResponse } }, { token: alice.token });
    const start = async () => (await server.request(StartReauthentication, {}, { token: alice.token })).data!.startReauthentication.options as { allowCredentials: { id: string }[] };

    const options = await start();
    const response = alice.authenticator.authenticate(options);
    assert.equal((await reauth(response)).errors, undefined);
    await stale(alice.id);
    assert.equal(reasonOf(await reauth(response)), 'INVALID_CHALLENGE', 'replay with no ceremony open');
    await start();
    assert.equal(errorCode(await reauth(response)), 'BAD_USER_INPUT', 'replay over a new ceremony');
    assert.equal(errorCode(await reauth(bob.authenticator.authenticate({ ...(await start()), allowCredentials: [] }))), 'BAD_USER_INPUT');
    assert.equal(errorCode(await reauth(alice.authenticator.authenticate(await start(), { unverified: true }))), 'BAD_USER_INPUT');
    // A response to the sign-in's second step is no proof here.
    const step = await passwordStep(alice);
    await start();
    assert.equal(errorCode(await reauth(alice.authenticator.authenticate(await passkeyOptions(step.challengeToken)))), 'BAD_USER_INPUT');
    assert.equal(errorCode(await reauth({ id: 'x' })), 'BAD_USER_INPUT');
    // Nothing of it proved the session.
    assert.equal(errorCode(await server.request(RemovePasskey, { input: { id: alice.passkeyId } }, { token: alice.token })), 'REAUTH_REQUIRED');
    assert.equal((await server.request(MyPasskeys, {}, { token: alice.token })).data!.myPasskeys.length, 1);
    assert.ok((await historyOf(alice.id, 'PASSKEY_REJECTED')).length >= 1);
    assert.ok((await historyOf(alice.id, 'PASSKEY_UNKNOWN_CREDENTIAL')).length >= 1);
  });

  test('startReauthentication: signed in only, BAD_USER_INPUT without a passkey', async () => {
    assert.equal(errorCode(await server.request(StartReauthentication, {})), 'UNAUTHENTICATED');
    const plain = await registerUser(server);
    assert.equal(errorCode(await server.request(StartReauthentication, {}, { token: plain.token })), 'BAD_USER_INPUT');
  });
});
