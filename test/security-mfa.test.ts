// Attacking the second factor: brute force of a challenge (the lock holds, even for the right code, and a new
// challenge does not reset it), reuse and concurrent use of a challenge, tampered and foreign challenge tokens, a
// challenge carried to another browser, and an enrollment-only session trying everything else over HTTP, SSE and
// graphql-ws.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Users } from './support/admin-operations.js';
import { registerUser, ROOT_ADMIN } from './support/accounts.js';
import { codeAt, enrollTotp, freshStep } from './support/mfa.js';
import {
  ChangePassword,
  CompleteMfaSignIn,
  DisableTotp,
  Login,
  LoginWithSessionFlag,
  Me,
  MySessions,
  NotificationReceived,
  RegenerateBackupCodes,
  UpdateProfile,
} from './support/operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { challenge, session } from './support/sign-in.js';
import { openEventStream } from './support/sse.js';
import { execute, openSocket, subscribe } from './support/ws.js';

let server: TestServer;

before(async () => {
  server = await startTestServer({ MFA_LOCKOUT_SECONDS: '900', MFA_REQUIRED_ROLES: 'Admin' });
});
after(async () => server.close());

type Errors = { errors?: readonly { extensions?: Record<string, unknown> }[] };
const reason = (result: Errors) => result.errors?.[0]?.extensions?.reason;

async function enrolled() {
  const account = await registerUser(server);
  return { ...account, ...(await enrollTotp(server, account.token)) };
}

async function passwordStep(identifier: string, password: string) {
  const result = await server.request(Login, { input: { identifier, password } });
  return challenge(result.data!.login);
}

test('brute force: after five wrong codes the right one is refused for the whole lock, on any challenge, by any answer', async () => {
  await freshStep();
  const account = await enrolled();
  const step = await passwordStep(account.input.username, account.input.password);
  // Wrong codes sent at once, as an attacker would: every one counts.
  const wrong = await Promise.all(Array.from({ length: 5 }, (_, i) => server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, code: String(200000 + i) } })));
  for (const result of wrong) assert.equal(reason(result), 'WRONG_MFA_CODE');
  for (const answer of [{ code: codeAt(account.totp) }, { backupCode: account.backupCodes[0]! }, { code: codeAt(account.totp, 1) }]) {
    const fresh = await passwordStep(account.input.username, account.input.password);
    for (const token of [step.challengeToken, fresh.challengeToken]) {
      const result = await server.request(CompleteMfaSignIn, { input: { challengeToken: token, ...answer } });
      assert.equal(errorCode(result), 'RATE_LIMITED');
      assert.equal(reason(result), 'MFA_LOCKED');
    }
  }
  // The lock covers the sensitive mutations that take a code too.
  assert.equal(reason(await server.request(DisableTotp, { input: { code: codeAt(account.totp) } }, { token: account.token })), 'MFA_LOCKED');
  // Nothing was used up meanwhile: the backup code still works once the lock is lifted (by hand here: it is 15 minutes).
  await server.db.query("UPDATE login_lockouts SET locked_until = NOW(3) - INTERVAL 1 SECOND WHERE lock_key = ?", [`m:${account.id}`]);
  const fresh = await passwordStep(account.input.username, account.input.password);
  assert.equal((await server.request(CompleteMfaSignIn, { input: { challengeToken: fresh.challengeToken, backupCode: account.backupCodes[0]! } })).errors, undefined);
});

test('a challenge is single use even under concurrent answers, and a used one stays dead', async () => {
  await freshStep();
  const account = await enrolled();
  const step = await passwordStep(account.input.username, account.input.password);
  const answers = await Promise.all([
    server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, code: codeAt(account.totp) } }),
    server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, backupCode: account.backupCodes[1]! } }),
    server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, backupCode: account.backupCodes[2]! } }),
  ]);
  assert.equal(answers.filter((a) => a.errors === undefined).length, 1, JSON.stringify(answers.map((a) => a.errors?.[0]?.extensions)));
  for (const answer of answers.filter((a) => a.errors)) assert.equal(reason(answer), 'INVALID_MFA_CHALLENGE');
  assert.equal(reason(await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, backupCode: account.backupCodes[3]! } })), 'INVALID_MFA_CHALLENGE');
});

test('tampered, made-up, oversized and another user\'s challenge tokens get one answer and no session', async () => {
  await freshStep();
  const victim = await enrolled();
  const attacker = await enrolled();
  const step = await passwordStep(victim.input.username, victim.input.password);
  const flipped = step.challengeToken.slice(0, -1) + (step.challengeToken.endsWith('A') ? 'B' : 'A');
  for (const challengeToken of [flipped, 'x'.repeat(43), '', 'y'.repeat(5000)]) {
    const result = await server.request(CompleteMfaSignIn, { input: { challengeToken, code: codeAt(victim.totp) } });
    assert.equal(reason(result), 'INVALID_MFA_CHALLENGE', challengeToken.slice(0, 10));
    assert.equal(result.data, null);
  }
  // The attacker's own valid code on the victim's challenge: a wrong code for the victim, no session.
  const crossed = await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, code: codeAt(attacker.totp) } });
  if (codeAt(attacker.totp) !== codeAt(victim.totp)) assert.equal(reason(crossed), 'WRONG_MFA_CODE');
  // The challenge taken to another browser is refused without being used up.
  const elsewhere = await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, code: codeAt(victim.totp) } }, { headers: { 'user-agent': 'curl/8.0' } });
  assert.equal(reason(elsewhere), 'INVALID_MFA_CHALLENGE');
  const done = await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, code: codeAt(victim.totp) } });
  assert.equal(done.errors, undefined, JSON.stringify(done.errors));
  assert.equal(done.data!.completeMfaSignIn.user.id, String(victim.id));
  // Only a hash of the challenge is stored.
  const rows = await server.db.query<{ token_hash: string }[]>('SELECT token_hash FROM sign_in_flows WHERE user_id = ?', [victim.id]);
  assert.ok(rows.length > 0 && rows.every((r) => r.token_hash !== step.challengeToken && /^[0-9a-f]{64}$/.test(r.token_hash)));
});

test('an enrollment-only session reaches nothing but me, enrollment and sign-out: HTTP, SSE and graphql-ws', async () => {
  const signedIn = await server.request(LoginWithSessionFlag, { input: { identifier: ROOT_ADMIN.username, password: ROOT_ADMIN.password } });
  const limited = session(signedIn.data!.login);
  assert.equal(limited.mfaEnrollmentRequired, true);
  const token = limited.token;
  const refused = [
    await server.request(Users, { first: 1 }, { token }),
    await server.request(MySessions, {}, { token }),
    await server.request(UpdateProfile, { input: { username: 'taken_over' } }, { token }),
    await server.request(ChangePassword, { input: { currentPassword: ROOT_ADMIN.password, newPassword: 'something else entirely' } }, { token }),
    await server.request(RegenerateBackupCodes, { input: { password: ROOT_ADMIN.password } }, { token }),
  ];
  for (const result of refused) {
    assert.equal(errorCode(result), 'FORBIDDEN', JSON.stringify(result.errors));
    assert.equal(reason(result), 'MFA_ENROLLMENT_REQUIRED');
  }
  assert.equal((await server.request(Me, {}, { token })).data!.me.username, ROOT_ADMIN.username);

  // A subscription over SSE: refused with the same reason, no event stream.
  const stream = await openEventStream(server.url, NotificationReceived, { token });
  const first = await stream.next(5000);
  stream.close();
  assert.equal((first.errors?.[0]?.extensions as Record<string, unknown> | undefined)?.reason, 'MFA_ENROLLMENT_REQUIRED');

  // And over graphql-ws, queries and subscriptions alike.
  const socket = openSocket(server.url, { token });
  try {
    await socket.connected;
    assert.equal(reason(await execute(socket, Users, { first: 1 })), 'MFA_ENROLLMENT_REQUIRED');
    const subscription = await subscribe(socket, NotificationReceived);
    assert.equal((await subscription.next(5000)).errors?.[0]?.extensions?.reason, 'MFA_ENROLLMENT_REQUIRED');
    assert.equal((await execute(socket, Me, {})).data?.me.username, ROOT_ADMIN.username);
  } finally {
    await socket.dispose();
  }
});
