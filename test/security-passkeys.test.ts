// Attacks on passkeys over GraphQL, with a software authenticator (test/support/webauthn.ts) standing in for the
// browser: replayed, expired and swapped challenges, forged and tampered responses, another user's passkeys, a
// cloned authenticator's counter, and the start endpoints' rate limit. Each refusal is a typed error, changes
// nothing it should not, and is in login_history.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { UserRow } from '../src/db/schema.js';
import { hasFactor } from '../src/modules/auth/proofs.js';
import { passkeyFactor } from '../src/modules/passkeys/service.js';
import { registerUser } from './support/accounts.js';
import { Me } from './support/operations.js';
import {
  FinishPasskeyRegistration,
  FinishPasskeySignIn,
  MyPasskeys,
  RemovePasskey,
  RenamePasskey,
  StartPasskeyRegistration,
  StartPasskeySignIn,
} from './support/passkey-operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { SoftAuthenticator, type Misbehaviour } from './support/webauthn.js';

const ORIGIN = 'https://members.example.test';
let server: TestServer;

before(async () => {
  server = await startTestServer({ PUBLIC_URL: ORIGIN });
});
after(async () => {
  await server?.close();
});

/** A fresh user with one passkey on their own authenticator. */
async function userWithPasskey() {
  const account = await registerUser(server);
  const authenticator = new SoftAuthenticator(ORIGIN);
  const started = await server.request(StartPasskeyRegistration, {}, { token: account.token });
  assert.equal(started.errors, undefined, JSON.stringify(started.errors));
  const finished = await server.request(FinishPasskeyRegistration, { input: { response: authenticator.register(started.data!.startPasskeyRegistration.options), name: 'Laptop' } }, { token: account.token });
  assert.equal(finished.errors, undefined, JSON.stringify(finished.errors));
  return { ...account, authenticator, passkey: finished.data!.finishPasskeyRegistration.passkey };
}

async function startSignIn() {
  const started = await server.request(StartPasskeySignIn, {});
  assert.equal(started.errors, undefined, JSON.stringify(started.errors));
  return started.data!.startPasskeySignIn;
}

async function signIn(authenticator: SoftAuthenticator, misbehave: Misbehaviour = {}) {
  const { challengeId, options } = await startSignIn();
  return server.request(FinishPasskeySignIn, { input: { challengeId, response: authenticator.authenticate(options, misbehave) } });
}

async function historyOf(userId: number | null, reason: string) {
  return server.db.query<{ success: number }[]>('SELECT success FROM login_history WHERE reason = ? AND user_id <=> ? ORDER BY id', [reason, userId]);
}

const reasonOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.reason;

describe('registration', () => {
  test('needs a signed-in caller', async () => {
    assert.equal(errorCode(await server.request(StartPasskeyRegistration, {})), 'UNAUTHENTICATED');
    assert.equal(errorCode(await server.request(FinishPasskeyRegistration, { input: { response: {} } })), 'UNAUTHENTICATED');
    assert.equal(errorCode(await server.request(MyPasskeys, {})), 'UNAUTHENTICATED');
    assert.equal(errorCode(await server.request(RenamePasskey, { input: { id: '1', name: 'x' } })), 'UNAUTHENTICATED');
    assert.equal(errorCode(await server.request(RemovePasskey, { input: { id: '1' } })), 'UNAUTHENTICATED');
  });

  test('a registration works once: the same response again, or without a start, is refused', async () => {
    const account = await registerUser(server);
    const authenticator = new SoftAuthenticator(ORIGIN);
    const started = await server.request(StartPasskeyRegistration, {}, { token: account.token });
    const options = started.data!.startPasskeyRegistration.options as { rp: { id: string; name: string }; authenticatorSelection: Record<string, string>; user: { name: string; id: string } };
    assert.equal(options.rp.id, 'members.example.test', 'the RP ID is PUBLIC_URL’s host');
    assert.equal(options.authenticatorSelection.residentKey, 'required');
    assert.equal(options.authenticatorSelection.userVerification, 'required');
    assert.notEqual(Buffer.from(options.user.id, 'base64url').toString(), String(account.id), 'the user handle is not the user id');
    const response = authenticator.register(options);
    // Transports go back to browsers in later options: only the names WebAuthn knows are kept.
    response.response.transports = ['internal', 'x'.repeat(500), 'internal', 'usb'];
    const first = await server.request(FinishPasskeyRegistration, { input: { response } }, { token: account.token });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    assert.equal(first.data!.finishPasskeyRegistration.passkey.name, 'Passkey 1');
    const [stored] = await server.db.query<{ transports: string }[]>('SELECT CAST(transports AS CHAR) AS transports FROM passkeys WHERE user_id = ?', [account.id]);
    assert.deepEqual(JSON.parse(stored!.transports), ['internal', 'usb']);
    const again = await server.request(FinishPasskeyRegistration, { input: { response } }, { token: account.token });
    assert.equal(errorCode(again), 'BAD_USER_INPUT');
    const listed = await server.request(MyPasskeys, {}, { token: account.token });
    assert.equal(listed.data!.myPasskeys.length, 1);
  });

  test("one user's registration challenge cannot be finished by another", async () => {
    const alice = await registerUser(server);
    const mallory = await registerUser(server);
    const started = await server.request(StartPasskeyRegistration, {}, { token: alice.token });
    const response = new SoftAuthenticator(ORIGIN).register(started.data!.startPasskeyRegistration.options);
    assert.equal(errorCode(await server.request(FinishPasskeyRegistration, { input: { response } }, { token: mallory.token })), 'BAD_USER_INPUT');
    // Mallory's own ceremony does not accept a response to Alice's challenge either.
    await server.request(StartPasskeyRegistration, {}, { token: mallory.token });
    assert.equal(errorCode(await server.request(FinishPasskeyRegistration, { input: { response } }, { token: mallory.token })), 'BAD_USER_INPUT');
    assert.equal((await server.request(MyPasskeys, {}, { token: mallory.token })).data!.myPasskeys.length, 0);
  });

  test('an expired registration challenge is refused', async () => {
    const account = await registerUser(server);
    const started = await server.request(StartPasskeyRegistration, {}, { token: account.token });
    await server.db.query("UPDATE webauthn_challenges SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE user_id = ? AND purpose = 'registration'", [account.id]);
    const response = new SoftAuthenticator(ORIGIN).register(started.data!.startPasskeyRegistration.options);
    assert.equal(errorCode(await server.request(FinishPasskeyRegistration, { input: { response } }, { token: account.token })), 'BAD_USER_INPUT');
  });

  test('another origin, no user verification, malformed JSON, a too-long name: BAD_USER_INPUT, nothing stored', async () => {
    const account = await registerUser(server);
    const cases: { misbehave?: Misbehaviour; response?: unknown; name?: string }[] = [
      { misbehave: { origin: 'https://evil.example' } },
      { misbehave: { unverified: true } },
      { response: { id: 'abc', rawId: 'abc', type: 'public-key', response: 'nope' } },
      { response: [1, 2, 3] },
      { response: 'a string' },
      { name: 'x'.repeat(65) },
    ];
    for (const { misbehave, response, name } of cases) {
      const started = await server.request(StartPasskeyRegistration, {}, { token: account.token });
      const sent = response ?? new SoftAuthenticator(ORIGIN).register(started.data!.startPasskeyRegistration.options, misbehave);
      const result = await server.request(FinishPasskeyRegistration, { input: { response: sent, name } }, { token: account.token });
      assert.equal(errorCode(result), 'BAD_USER_INPUT', JSON.stringify({ misbehave, response, result }));
    }
    assert.equal((await server.request(MyPasskeys, {}, { token: account.token })).data!.myPasskeys.length, 0);
  });

  test('the same authenticator credential cannot be registered to two accounts', async () => {
    const alice = await userWithPasskey();
    const mallory = await registerUser(server);
    const started = await server.request(StartPasskeyRegistration, {}, { token: mallory.token });
    // Mallory's own key under Alice's credential id (WebAuthn §7.1 step 26: the id must be new to the RP).
    const response = new SoftAuthenticator(ORIGIN).register(started.data!.startPasskeyRegistration.options, { credentialId: alice.authenticator.credentials[0]!.id });
    const result = await server.request(FinishPasskeyRegistration, { input: { response } }, { token: mallory.token });
    assert.equal(errorCode(result), 'CONFLICT', JSON.stringify(result));
    assert.equal((await server.request(MyPasskeys, {}, { token: mallory.token })).data!.myPasskeys.length, 0);
  });
});

describe('sign-in', () => {
  test('a passkey alone signs in, and the session works', async () => {
    const alice = await userWithPasskey();
    const { challengeId, options } = await startSignIn();
    const opts = options as { userVerification: string; allowCredentials?: unknown[]; rpId: string };
    assert.equal(opts.userVerification, 'required');
    assert.ok(!opts.allowCredentials?.length, 'no username: no credentials are listed');
    const result = await server.request(FinishPasskeySignIn, { input: { challengeId, response: alice.authenticator.authenticate(options) } });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.equal(result.data!.finishPasskeySignIn.user.id, String(alice.id));
    const me = await server.request(Me, {}, { token: result.data!.finishPasskeySignIn.token });
    assert.equal(me.data?.me.id, String(alice.id));
    const [listed] = (await server.request(MyPasskeys, {}, { token: alice.token })).data!.myPasskeys;
    assert.ok(listed!.lastUsedAt, 'the passkey shows when it was last used');
    assert.equal((await historyOf(alice.id, 'PASSKEY_SIGN_IN')).length, 1);
  });

  test('a replayed sign-in (same challenge, same response) is refused and recorded', async () => {
    const alice = await userWithPasskey();
    const { challengeId, options } = await startSignIn();
    const response = alice.authenticator.authenticate(options);
    const first = await server.request(FinishPasskeySignIn, { input: { challengeId, response } });
    assert.equal(first.errors, undefined);
    const replay = await server.request(FinishPasskeySignIn, { input: { challengeId, response } });
    assert.equal(errorCode(replay), 'BAD_USER_INPUT');
    assert.equal(reasonOf(replay), 'INVALID_CHALLENGE');
    assert.equal(replay.data, null);
    const recorded = await server.db.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM login_history WHERE reason = 'PASSKEY_BAD_CHALLENGE' AND identifier_key = ?", [`passkey:${response.id}`]);
    assert.equal(Number(recorded[0]!.n), 1);
  });

  test('the same response raced at once signs in only once', async () => {
    const alice = await userWithPasskey();
    const { challengeId, options } = await startSignIn();
    const response = alice.authenticator.authenticate(options);
    const results = await Promise.all(Array.from({ length: 5 }, () => server.request(FinishPasskeySignIn, { input: { challengeId, response } })));
    assert.equal(results.filter((r) => !r.errors).length, 1);
    for (const r of results.filter((r) => r.errors)) assert.equal(errorCode(r), 'BAD_USER_INPUT');
  });

  test('an expired sign-in challenge is refused', async () => {
    const alice = await userWithPasskey();
    const { challengeId, options } = await startSignIn();
    await server.db.query('UPDATE webauthn_challenges SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE id = ?', [challengeId]);
    const result = await server.request(FinishPasskeySignIn, { input: { challengeId, response: alice.authenticator.authenticate(options) } });
    assert.equal(errorCode(result), 'BAD_USER_INPUT');
    assert.equal(reasonOf(result), 'INVALID_CHALLENGE');
  });

  test('a response signed for one challenge, sent with another, fails and uses that other challenge up', async () => {
    const alice = await userWithPasskey();
    const a = await startSignIn();
    const b = await startSignIn();
    const forA = alice.authenticator.authenticate(a.options);
    const swapped = await server.request(FinishPasskeySignIn, { input: { challengeId: b.challengeId, response: forA } });
    assert.equal(errorCode(swapped), 'UNAUTHENTICATED');
    assert.equal(errorCode(await server.request(FinishPasskeySignIn, { input: { challengeId: b.challengeId, response: alice.authenticator.authenticate(b.options) } })), 'BAD_USER_INPUT');
    // A's own challenge is still open, for its own response.
    assert.equal((await server.request(FinishPasskeySignIn, { input: { challengeId: a.challengeId, response: alice.authenticator.authenticate(a.options) } })).errors, undefined);
    assert.ok((await historyOf(alice.id, 'PASSKEY_REJECTED')).length >= 1);
  });

  test('unknown credential, tampered signature, another origin, no user verification, a wrong user handle: UNAUTHENTICATED', async () => {
    const alice = await userWithPasskey();
    const bob = await userWithPasskey();
    const stranger = new SoftAuthenticator(ORIGIN);
    stranger.register({ challenge: 'x', rp: {}, user: { id: alice.authenticator.credentials[0]!.userHandle } });
    const cases: [string, () => Promise<Awaited<ReturnType<typeof signIn>>>][] = [
      ['unknown credential', () => signIn(stranger)],
      ['tampered signature', () => signIn(alice.authenticator, { tamper: true })],
      ['another origin', () => signIn(alice.authenticator, { origin: 'https://members.example.test.evil.example' })],
      ['no user verification', () => signIn(alice.authenticator, { unverified: true })],
      ["Bob's user handle on Alice's passkey", () => signIn(alice.authenticator, { userHandle: bob.authenticator.credentials[0]!.userHandle })],
      ['no user handle', () => signIn(alice.authenticator, { userHandle: '' })],
    ];
    for (const [label, attempt] of cases) {
      const result = await attempt();
      assert.equal(errorCode(result), 'UNAUTHENTICATED', `${label}: ${JSON.stringify(result.errors)}`);
      assert.equal(result.data, null, label);
    }
    assert.ok((await historyOf(null, 'PASSKEY_UNKNOWN_CREDENTIAL')).length >= 1);
    // None of those flagged Alice's passkey: her next honest sign-in works.
    assert.equal((await signIn(alice.authenticator)).errors, undefined);
  });

  test('malformed responses and challenge ids are BAD_USER_INPUT', async () => {
    for (const response of [{}, null, 'x', [1], { id: 'a', rawId: 'b', type: 'public-key', response: {} }, { id: 'a', rawId: 'a', type: 'public-key', response: { clientDataJSON: 'e30' } }]) {
      const { challengeId } = await startSignIn();
      assert.equal(errorCode(await server.request(FinishPasskeySignIn, { input: { challengeId, response } })), 'BAD_USER_INPUT', JSON.stringify(response));
    }
    const alice = await userWithPasskey();
    const { options } = await startSignIn();
    for (const challengeId of ['', 'nope', 'x'.repeat(5000)]) {
      assert.equal(errorCode(await server.request(FinishPasskeySignIn, { input: { challengeId, response: alice.authenticator.authenticate(options) } })), 'BAD_USER_INPUT');
    }
  });

  test('a counter that goes backwards refuses the sign-in and flags the passkey; a forged low counter does not', async () => {
    const alice = await userWithPasskey();
    assert.equal((await signIn(alice.authenticator, { counter: 10 })).errors, undefined);
    // A forged response (bad signature) with a low counter must not get the passkey flagged.
    assert.equal(errorCode(await signIn(alice.authenticator, { counter: 3, tamper: true })), 'UNAUTHENTICATED');
    assert.equal((await server.request(MyPasskeys, {}, { token: alice.token })).data!.myPasskeys[0]!.flagged, false);
    // A genuine signature with a counter that went back: a second authenticator holds the key.
    const cloned = await signIn(alice.authenticator, { counter: 7 });
    assert.equal(errorCode(cloned), 'UNAUTHENTICATED');
    assert.equal(reasonOf(cloned), 'PASSKEY_FLAGGED');
    assert.equal((await server.request(MyPasskeys, {}, { token: alice.token })).data!.myPasskeys[0]!.flagged, true);
    assert.equal((await historyOf(alice.id, 'PASSKEY_COUNTER_REGRESSED')).length, 1);
    // From then on even a higher counter is refused, until the owner removes it.
    assert.equal(reasonOf(await signIn(alice.authenticator, { counter: 50 })), 'PASSKEY_FLAGGED');
  });

  test('a disabled account cannot sign in with its passkey', async () => {
    const alice = await userWithPasskey();
    await server.db.query('UPDATE users SET is_active = 0 WHERE id = ?', [alice.id]);
    const result = await signIn(alice.authenticator);
    assert.equal(errorCode(result), 'UNAUTHENTICATED');
    assert.equal(reasonOf(result), 'ACCOUNT_DISABLED');
  });
});

describe("another user's passkeys", () => {
  test('renaming or removing them is NOT_FOUND and changes nothing; your own works', async () => {
    const alice = await userWithPasskey();
    const mallory = await userWithPasskey();
    const aliceKey = alice.passkey.id;
    assert.equal(errorCode(await server.request(RemovePasskey, { input: { id: aliceKey } }, { token: mallory.token })), 'NOT_FOUND');
    assert.equal(errorCode(await server.request(RenamePasskey, { input: { id: aliceKey, name: 'mine now' } }, { token: mallory.token })), 'NOT_FOUND');
    assert.equal(errorCode(await server.request(RemovePasskey, { input: { id: '999999999' } }, { token: mallory.token })), 'NOT_FOUND');
    assert.equal(errorCode(await server.request(RemovePasskey, { input: { id: 'abc' } }, { token: mallory.token })), 'BAD_USER_INPUT');
    const [kept] = (await server.request(MyPasskeys, {}, { token: alice.token })).data!.myPasskeys;
    assert.deepEqual([kept!.id, kept!.name], [aliceKey, 'Laptop']);
    // Mallory's list never shows Alice's.
    assert.deepEqual((await server.request(MyPasskeys, {}, { token: mallory.token })).data!.myPasskeys.map((p) => p.id), [mallory.passkey.id]);

    const renamed = await server.request(RenamePasskey, { input: { id: aliceKey, name: '  Phone  ' } }, { token: alice.token });
    assert.equal(renamed.data?.renamePasskey.passkey.name, 'Phone');
    assert.equal(errorCode(await server.request(RenamePasskey, { input: { id: aliceKey, name: '   ' } }, { token: alice.token })), 'BAD_USER_INPUT');
    assert.equal(errorCode(await server.request(RenamePasskey, { input: { id: aliceKey, name: 'a\u202Eb' } }, { token: alice.token })), 'BAD_USER_INPUT');
    const removed = await server.request(RemovePasskey, { input: { id: aliceKey } }, { token: alice.token });
    assert.equal(removed.data?.removePasskey.removedPasskeyId, aliceKey);
    // A removed passkey signs nobody in.
    assert.equal(errorCode(await signIn(alice.authenticator)), 'UNAUTHENTICATED');
  });
});

describe('as a second factor (passkeyFactor, a Factor of the registry)', () => {
  test("accepts the user's own passkey once, and refuses another user's, a replay and a missing challenge", async () => {
    const runtime = server.app.runtime;
    const alice = await userWithPasskey();
    const bob = await userWithPasskey();
    const row = (id: number) => ({ id }) as UserRow;
    const verify = (userId: number, response: unknown) => passkeyFactor.verify!(runtime, row(userId), response, { purpose: 'second_factor' });
    assert.equal(await hasFactor(runtime.db, passkeyFactor, alice.id), true);
    assert.equal(await hasFactor(runtime.db, passkeyFactor, (await registerUser(server)).id), false);

    const options = (await passkeyFactor.begin!(runtime, row(alice.id), 'second_factor')) as { allowCredentials: { id: string }[] };
    assert.deepEqual(options.allowCredentials.map((c) => c.id), [alice.authenticator.credentials[0]!.id]);
    const response = alice.authenticator.authenticate(options);
    assert.equal(await verify(alice.id, response), true);
    assert.equal(await verify(alice.id, response), false, 'replay');

    const forAlice = await passkeyFactor.begin!(runtime, row(alice.id), 'second_factor');
    assert.equal(await verify(alice.id, bob.authenticator.authenticate(forAlice)), false, "Bob's passkey for Alice");
    const forBob = await passkeyFactor.begin!(runtime, row(bob.id), 'second_factor');
    assert.equal(await verify(alice.id, alice.authenticator.authenticate(forBob)), false, "a response to Bob's challenge");
    assert.equal(await verify(alice.id, { nonsense: true }), false);
  });
});

describe('rate limits', () => {
  test('startPasskeySignIn and finishPasskeySignIn are limited per address', async () => {
    const limited = await startTestServer({ PUBLIC_URL: ORIGIN, RATE_LIMIT_PASSKEY_IP: '3/600' }, server.db);
    try {
      const codes: unknown[] = [];
      for (let i = 0; i < 5; i++) codes.push(errorCode(await limited.request(StartPasskeySignIn, {})));
      assert.deepEqual(codes, [undefined, undefined, undefined, 'RATE_LIMITED', 'RATE_LIMITED']);
      const finishes: unknown[] = [];
      for (let i = 0; i < 5; i++) finishes.push(errorCode(await limited.request(FinishPasskeySignIn, { input: { challengeId: 'x', response: {} } })));
      assert.deepEqual(finishes, ['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED', 'RATE_LIMITED']);
    } finally {
      await limited.close();
    }
  });

  test('registrations started are limited per user, and passkeys per account', async () => {
    const limited = await startTestServer({ PUBLIC_URL: ORIGIN, RATE_LIMIT_PASSKEY_USER: '3/3600', PASSKEY_MAX_PER_USER: '1' }, server.db);
    try {
      const account = await registerUser(limited);
      const first = await limited.request(StartPasskeyRegistration, {}, { token: account.token });
      const response = new SoftAuthenticator(ORIGIN).register(first.data!.startPasskeyRegistration.options);
      assert.equal((await limited.request(FinishPasskeyRegistration, { input: { response } }, { token: account.token })).errors, undefined);
      // The account is full: a second passkey is refused before any ceremony starts.
      assert.equal(errorCode(await limited.request(StartPasskeyRegistration, {}, { token: account.token })), 'CONFLICT');
      assert.equal(errorCode(await limited.request(StartPasskeyRegistration, {}, { token: account.token })), 'CONFLICT');
      assert.equal(errorCode(await limited.request(StartPasskeyRegistration, {}, { token: account.token })), 'RATE_LIMITED');
      // Another user has a count of their own.
      const other = await registerUser(limited);
      assert.equal(errorCode(await limited.request(StartPasskeyRegistration, {}, { token: other.token })), undefined);
    } finally {
      await limited.close();
    }
  });
});
