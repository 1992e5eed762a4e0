// Second factors through the API as a client uses them: TOTP enrollment with codes computed here from the secret,
// the two-step sign-in on every way in, replay and drift, the lockout held for its length, backup codes, the
// enrollment-only session of MFA_REQUIRED_ROLES over HTTP and graphql-ws, and an administrator's reset.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LoginHistory, Users } from './support/admin-operations.js';
import { registerUser, ROOT_ADMIN, signInRootAdmin } from './support/accounts.js';
import { eventually } from './support/eventually.js';
import { authenticator, codeAt, enrollTotp, freshStep } from './support/mfa.js';
import {
  CompleteMfaSignIn,
  ConfirmTotpEnrollment,
  DisableTotp,
  Login,
  LoginWithSessionFlag,
  Me,
  MfaState,
  Notifications,
  RefreshToken,
  RegenerateBackupCodes,
  RegisterUser,
  RequestPasswordReset,
  RequestSignInCode,
  ResetPassword,
  ResetUserSecondFactors,
  SignInWithCode,
  StartTotpEnrollment,
  UsersMfaState,
} from './support/operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { challenge, session } from './support/sign-in.js';
import { lastMailTo, linkToken, mailMatching, startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { execute, openSocket } from './support/ws.js';
import { provedAgo } from './support/step-up.js';

let server: TestServer;
let smtp: TestSmtpServer;

before(async () => {
  smtp = await startSmtpServer();
  // A short second-factor lock, so a test can watch it end; the password lockout at 3 for the sign-in-code test.
  server = await startTestServer({ SMTP_URL: smtp.url, DEFAULT_LOCALE: 'en', MFA_LOCKOUT_SECONDS: '4', LOCKOUT_THRESHOLD: '3', LOCKOUT_BASE_SECONDS: '60' });
});
after(async () => {
  await server.close();
  await smtp.close();
});

const reason = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.reason;

async function enrolledUser() {
  const account = await registerUser(server);
  const enrolled = await enrollTotp(server, account.token);
  return { ...account, ...enrolled };
}

async function passwordStep(target: TestServer, identifier: string, password: string, headers: Record<string, string> = {}) {
  const result = await target.request(Login, { input: { identifier, password } }, { headers });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return challenge(result.data!.login);
}

test('enrollment: an otpauth URI and QR code, confirmed by a code, ten backup codes, mfaEnabled for the owner', async () => {
  const account = await registerUser(server);
  const started = await server.request(StartTotpEnrollment, {}, { token: account.token });
  assert.equal(started.errors, undefined, JSON.stringify(started.errors));
  const { secret, otpauthUri, qrCodeSvg } = started.data!.startTotpEnrollment;
  assert.match(secret, /^[A-Z2-7]{32}$/);
  const uri = new URL(otpauthUri);
  assert.equal(uri.protocol, 'otpauth:');
  assert.equal(uri.host, 'totp');
  assert.equal(uri.searchParams.get('issuer'), 'Realtime Membership');
  assert.equal(uri.searchParams.get('algorithm'), 'SHA1');
  assert.equal(uri.searchParams.get('digits'), '6');
  assert.equal(uri.searchParams.get('period'), '30');
  assert.equal(uri.searchParams.get('secret'), secret);
  assert.match(qrCodeSvg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);

  // A wrong code changes nothing.
  const wrong = await server.request(ConfirmTotpEnrollment, { input: { code: '000000' === codeAt(authenticator(secret)) ? '111111' : '000000' } }, { token: account.token });
  assert.equal(errorCode(wrong), 'BAD_USER_INPUT');
  assert.deepEqual((await server.request(MfaState, {}, { token: account.token })).data!.me, { id: String(account.id), mfaEnabled: false, mfaMethods: [] });
  assert.equal((await server.request(Login, { input: { identifier: account.input.username, password: account.input.password } })).data!.login.__typename, 'AuthPayload');

  const confirmed = await server.request(ConfirmTotpEnrollment, { input: { code: codeAt(authenticator(secret)) } }, { token: account.token });
  assert.equal(confirmed.errors, undefined, JSON.stringify(confirmed.errors));
  const { backupCodes, user, session: replaced } = confirmed.data!.confirmTotpEnrollment;
  assert.equal(backupCodes.length, 10);
  assert.equal(new Set(backupCodes).size, 10);
  for (const code of backupCodes) assert.match(code, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
  assert.deepEqual(user, { id: String(account.id), mfaEnabled: true, mfaMethods: ['TOTP', 'BACKUP_CODE'] });
  assert.equal(replaced, null, 'a full session stays as it is');

  // Starting again while on is refused; the secret is not replaced.
  assert.equal(errorCode(await server.request(StartTotpEnrollment, {}, { token: account.token })), 'CONFLICT');
  // Stored encrypted: the base32 secret is nowhere in the row.
  const [row] = await server.db.query<{ secret_encrypted: string }[]>('SELECT secret_encrypted FROM mfa_totp WHERE user_id = ?', [account.id]);
  assert.ok(row && !row.secret_encrypted.includes(secret));
  const codes = await server.db.query<{ code_hash: string }[]>('SELECT code_hash FROM mfa_backup_codes WHERE user_id = ?', [account.id]);
  assert.equal(codes.length, 10);
  for (const code of backupCodes) assert.ok(!codes.some((c) => c.code_hash.includes(code.replace('-', ''))));

  // Others do not see it; an administrator does.
  const other = await registerUser(server);
  const seenByOther = await server.request(UsersMfaState, { search: account.input.username }, { token: other.token });
  assert.deepEqual(seenByOther.data!.users.edges.map((e) => [e.node.mfaEnabled, e.node.mfaMethods]), [[false, []]]);
  const admin = await signInRootAdmin(server);
  const seenByAdmin = await server.request(UsersMfaState, { search: account.input.username }, { token: admin.token });
  assert.deepEqual(seenByAdmin.data!.users.edges.map((e) => [e.node.mfaEnabled, e.node.mfaMethods]), [[true, ['TOTP', 'BACKUP_CODE']]]);
});

test('sign-in becomes two steps: a challenge, then a TOTP code; a code works once, ±1 step of drift', async () => {
  await freshStep();
  const account = await enrolledUser();
  const first = await passwordStep(server, account.input.email, account.input.password);
  assert.deepEqual(first.methods, ['TOTP', 'BACKUP_CODE']);
  const ttl = Date.parse(first.expiresAt) - Date.now();
  assert.ok(ttl > 290_000 && ttl <= 300_000, `lives 5 minutes (${ttl} ms)`);

  const done = await server.request(CompleteMfaSignIn, { input: { challengeToken: first.challengeToken, code: codeAt(account.totp) } });
  assert.equal(done.errors, undefined, JSON.stringify(done.errors));
  assert.equal(done.data!.completeMfaSignIn.user.id, String(account.id));
  assert.equal((await server.request(Me, {}, { token: done.data!.completeMfaSignIn.token })).data!.me.id, String(account.id));

  // The challenge worked once.
  const again = await server.request(CompleteMfaSignIn, { input: { challengeToken: first.challengeToken, code: codeAt(account.totp, 1) } });
  assert.equal(reason(again), 'INVALID_MFA_CHALLENGE');

  // The same code on a new challenge: replay, refused.
  const second = await passwordStep(server, account.input.username, account.input.password);
  const replay = await server.request(CompleteMfaSignIn, { input: { challengeToken: second.challengeToken, code: codeAt(account.totp) } });
  assert.equal(errorCode(replay), 'UNAUTHENTICATED');
  assert.equal(reason(replay), 'WRONG_MFA_CODE');
  // So is the step before it (older than one used), and two steps ahead (beyond the drift allowed).
  assert.equal(reason(await server.request(CompleteMfaSignIn, { input: { challengeToken: second.challengeToken, code: codeAt(account.totp, -1) } })), 'WRONG_MFA_CODE');
  assert.equal(reason(await server.request(CompleteMfaSignIn, { input: { challengeToken: second.challengeToken, code: codeAt(account.totp, 2) } })), 'WRONG_MFA_CODE');
  // One step ahead (a phone's clock running fast) is accepted.
  const ahead = await server.request(CompleteMfaSignIn, { input: { challengeToken: second.challengeToken, code: codeAt(account.totp, 1) } });
  assert.equal(ahead.errors, undefined, JSON.stringify(ahead.errors));

  // Recorded: the challenge, the wrong codes, the success.
  const admin = await signInRootAdmin(server);
  const history = await server.request(LoginHistory, { userId: String(account.id), first: 20 }, { token: admin.token });
  const reasons = history.data!.loginHistory.edges.map((e) => e.node.reason);
  assert.ok(reasons.includes('MFA_CHALLENGE') && reasons.includes('MFA_WRONG_CODE'), JSON.stringify(reasons));
});

test('one step behind (a slow phone clock) is accepted', async () => {
  await freshStep();
  const account = await registerUser(server);
  const started = (await server.request(StartTotpEnrollment, {}, { token: account.token })).data!.startTotpEnrollment;
  const totp = authenticator(started.secret);
  // Confirmed with a step-behind code...
  assert.equal((await server.request(ConfirmTotpEnrollment, { input: { code: codeAt(totp, -2) } }, { token: account.token })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal((await server.request(ConfirmTotpEnrollment, { input: { code: codeAt(totp, -1) } }, { token: account.token })).errors, undefined);
  // ...and a sign-in with the current one.
  const step = await passwordStep(server, account.input.username, account.input.password);
  assert.equal((await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, code: codeAt(totp) } })).errors, undefined);
});

test('five wrong codes in a row lock the second factor for its whole length, whatever is sent meanwhile', async () => {
  await freshStep(12_000);
  const account = await enrolledUser();
  const step = await passwordStep(server, account.input.username, account.input.password);
  for (let i = 0; i < 5; i += 1) {
    const wrong = await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, code: String(100000 + i) } });
    assert.equal(reason(wrong), 'WRONG_MFA_CODE');
  }
  const lockedAt = Date.now();
  // The right code, a backup code, a new challenge: all refused while locked.
  const right = await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, code: codeAt(account.totp) } });
  assert.equal(errorCode(right), 'RATE_LIMITED');
  assert.equal(reason(right), 'MFA_LOCKED');
  assert.equal(reason(await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, backupCode: account.backupCodes[0]! } })), 'MFA_LOCKED');
  const fresh = await passwordStep(server, account.input.username, account.input.password);
  assert.equal(reason(await server.request(CompleteMfaSignIn, { input: { challengeToken: fresh.challengeToken, code: codeAt(account.totp) } })), 'MFA_LOCKED');
  // Held to the end (MFA_LOCKOUT_SECONDS=4 here), then the right code works.
  const done = await eventually(
    async () => {
      const result = await server.request(CompleteMfaSignIn, { input: { challengeToken: fresh.challengeToken, code: codeAt(account.totp) } });
      if (reason(result) === 'MFA_LOCKED') return false;
      return result;
    },
    { timeoutMs: 8000, intervalMs: 250, what: 'the lock to end' },
  );
  assert.ok(Date.now() - lockedAt >= 3900, 'not before its length');
  assert.equal(done.errors, undefined, JSON.stringify(done.errors));
  const admin = await signInRootAdmin(server);
  const history = await server.request(LoginHistory, { userId: String(account.id), first: 30 }, { token: admin.token });
  assert.ok(history.data!.loginHistory.edges.some((e) => e.node.reason === 'MFA_LOCKED_OUT'));
});

test('a backup code works once, in any case or spacing', async () => {
  const account = await enrolledUser();
  const code = account.backupCodes[3]!;
  const first = await passwordStep(server, account.input.username, account.input.password);
  const used = await server.request(CompleteMfaSignIn, { input: { challengeToken: first.challengeToken, backupCode: ` ${code.toUpperCase().replace('-', ' ')} ` } });
  assert.equal(used.errors, undefined, JSON.stringify(used.errors));
  const second = await passwordStep(server, account.input.username, account.input.password);
  assert.equal(reason(await server.request(CompleteMfaSignIn, { input: { challengeToken: second.challengeToken, backupCode: code } })), 'WRONG_MFA_CODE');
  // Another one still works.
  assert.equal((await server.request(CompleteMfaSignIn, { input: { challengeToken: second.challengeToken, backupCode: account.backupCodes[4]! } })).errors, undefined);
});

test('bad answers: none, two at once, a passkey with no passkey provider, an expired challenge, another browser', async () => {
  await freshStep();
  const account = await enrolledUser();
  const step = await passwordStep(server, account.input.username, account.input.password);
  assert.equal(errorCode(await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken } })), 'BAD_USER_INPUT');
  assert.equal(errorCode(await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, code: '123456', backupCode: 'abcde-fghjk' } })), 'BAD_USER_INPUT');
  const passkey = await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, passkeyResponse: { id: 'x' } } });
  assert.equal(errorCode(passkey), 'BAD_USER_INPUT');
  assert.match(passkey.errors![0]!.message, /passkey/i);
  // From another browser: the challenge is bound to the first step's.
  const elsewhere = await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, code: codeAt(account.totp) } }, { headers: { 'user-agent': 'Other Browser/1.0' } });
  assert.equal(reason(elsewhere), 'INVALID_MFA_CHALLENGE');
  // Expired.
  await server.db.query('UPDATE sign_in_flows SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE user_id = ?', [account.id]);
  assert.equal(reason(await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, code: codeAt(account.totp) } })), 'INVALID_MFA_CHALLENGE');
  // None of it used the code up.
  const fresh = await passwordStep(server, account.input.username, account.input.password);
  assert.equal((await server.request(CompleteMfaSignIn, { input: { challengeToken: fresh.challengeToken, code: codeAt(account.totp) } })).errors, undefined);
});

test('every way in answers the challenge: password reset and sign-in by code; refresh is not a way in', async () => {
  await freshStep();
  const account = await enrolledUser();
  await lastMailTo(smtp, account.input.email);
  // Refresh continues a session that exists (it passed its sign-in); it asks for no second step.
  const refreshed = await server.request(RefreshToken, { input: { refreshToken: account.refreshToken } });
  assert.equal(refreshed.errors, undefined, JSON.stringify(refreshed.errors));
  assert.ok(refreshed.data!.refreshToken.token);
  let count = smtp.messages.length;
  await server.request(RequestPasswordReset, { input: { identifier: account.input.email } });
  const mail = await lastMailTo(smtp, account.input.email, { after: count });
  const reset = await server.request(ResetPassword, { input: { token: linkToken(mail, '/reset-password'), newPassword: 'a new password for mfa' } });
  assert.equal(reset.errors, undefined, JSON.stringify(reset.errors));
  const resetChallenge = challenge(reset.data!.resetPassword);
  const afterReset = await server.request(CompleteMfaSignIn, { input: { challengeToken: resetChallenge.challengeToken, code: codeAt(account.totp) } });
  assert.equal(afterReset.errors, undefined, JSON.stringify(afterReset.errors));

  count = smtp.messages.length;
  await server.request(RequestSignInCode, { input: { identifier: account.input.username } });
  // The reset's "password changed" notice may still be on its way: the code's own mail is the one to read.
  const codeMail = await mailMatching(smtp, account.input.email, /Your sign-in code is \d{6}/, { after: count });
  const emailCode = /Your sign-in code is (\d{6})/.exec(codeMail.subject ?? '')![1]!;
  const byCode = await server.request(SignInWithCode, { input: { identifier: account.input.username, code: emailCode } });
  assert.equal(byCode.errors, undefined, JSON.stringify(byCode.errors));
  const codeChallenge = challenge(byCode.data!.signInWithCode);
  assert.equal((await server.request(CompleteMfaSignIn, { input: { challengeToken: codeChallenge.challengeToken, code: codeAt(account.totp, 1) } })).errors, undefined);
});

test('regenerateBackupCodes and disableTotp need the password, a fresh code or a recent proof; turning off ends the second step', async () => {
  await freshStep();
  const account = await enrolledUser();
  // With no proof in the input, the session's own proof must be recent (REAUTH_MAX_AGE): here it is made old.
  await provedAgo(server, account.id, 2 * 86400);
  assert.equal(errorCode(await server.request(RegenerateBackupCodes, { input: {} }, { token: account.token })), 'REAUTH_REQUIRED');
  assert.equal(errorCode(await server.request(DisableTotp, { input: {} }, { token: account.token })), 'REAUTH_REQUIRED');
  assert.equal(errorCode(await server.request(RegenerateBackupCodes, { input: { password: 'not it' } }, { token: account.token })), 'BAD_USER_INPUT');
  const regenerated = await server.request(RegenerateBackupCodes, { input: { password: account.input.password } }, { token: account.token });
  assert.equal(regenerated.errors, undefined, JSON.stringify(regenerated.errors));
  const fresh = regenerated.data!.regenerateBackupCodes.backupCodes;
  assert.equal(fresh.length, 10);
  // The old codes are void, the new ones work.
  const step = await passwordStep(server, account.input.username, account.input.password);
  assert.equal(reason(await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, backupCode: account.backupCodes[0]! } })), 'WRONG_MFA_CODE');
  assert.equal((await server.request(CompleteMfaSignIn, { input: { challengeToken: step.challengeToken, backupCode: fresh[0]! } })).errors, undefined);

  assert.equal(errorCode(await server.request(DisableTotp, { input: { code: '000000' } }, { token: account.token })), 'BAD_USER_INPUT');
  const disabled = await server.request(DisableTotp, { input: { code: codeAt(account.totp) } }, { token: account.token });
  assert.equal(disabled.errors, undefined, JSON.stringify(disabled.errors));
  assert.deepEqual(disabled.data!.disableTotp.user, { id: String(account.id), mfaEnabled: false, mfaMethods: [] });
  assert.equal((await server.request(Login, { input: { identifier: account.input.username, password: account.input.password } })).data!.login.__typename, 'AuthPayload');
});

test('resetUserSecondFactors: user:write only, needs a reason, recorded, the user notified; sign-in is one step again', async () => {
  const account = await enrolledUser();
  const other = await registerUser(server);
  const forbidden = await server.request(ResetUserSecondFactors, { input: { userId: String(account.id), reason: 'lost phone' } }, { token: other.token });
  assert.equal(errorCode(forbidden), 'FORBIDDEN');
  const admin = await signInRootAdmin(server);
  assert.equal(errorCode(await server.request(ResetUserSecondFactors, { input: { userId: String(account.id), reason: ' ' } }, { token: admin.token })), 'BAD_USER_INPUT');
  assert.equal(errorCode(await server.request(ResetUserSecondFactors, { input: { userId: '999999', reason: 'lost phone' } }, { token: admin.token })), 'NOT_FOUND');
  const reset = await server.request(ResetUserSecondFactors, { input: { userId: String(account.id), reason: 'lost phone' } }, { token: admin.token });
  assert.equal(reset.errors, undefined, JSON.stringify(reset.errors));
  assert.deepEqual(reset.data!.resetUserSecondFactors.user, { id: String(account.id), mfaEnabled: false, mfaMethods: [] });
  const [entry] = await server.db.query<{ actor_id: number; reason: string; action: string }[]>(
    "SELECT actor_id, reason, action FROM permission_history WHERE target_user_id = ? AND action = 'USER_SECOND_FACTORS_RESET'",
    [account.id],
  );
  assert.deepEqual(entry, { actor_id: Number(admin.id), reason: 'lost phone', action: 'USER_SECOND_FACTORS_RESET' });
  const notes = await server.request(Notifications, { first: 5 }, { token: account.token });
  assert.ok(notes.data!.notifications.edges.some((e) => /two-factor/i.test(e.node.title) && e.node.message.includes('lost phone')));
  assert.equal((await server.request(Login, { input: { identifier: account.input.username, password: account.input.password } })).data!.login.__typename, 'AuthPayload');
});

test('wrong sign-in codes count toward the account lockout, which then stops codes and passwords alike', async () => {
  const account = await registerUser(server);
  await lastMailTo(smtp, account.input.email);
  const count = smtp.messages.length;
  await server.request(RequestSignInCode, { input: { identifier: account.input.username } });
  const mail = await lastMailTo(smtp, account.input.email, { after: count });
  const code = /Your sign-in code is (\d{6})/.exec(mail.subject ?? '')![1]!;
  const wrong = code === '000000' ? '000001' : '000000';
  // LOCKOUT_THRESHOLD=3 on this server; a code allows five tries, so the lockout is what stops the fourth.
  for (let i = 0; i < 3; i += 1) assert.equal(errorCode(await server.request(SignInWithCode, { input: { identifier: account.input.username, code: wrong } })), 'BAD_USER_INPUT');
  assert.equal(errorCode(await server.request(SignInWithCode, { input: { identifier: account.input.username, code } })), 'RATE_LIMITED');
  assert.equal(errorCode(await server.request(Login, { input: { identifier: account.input.username, password: account.input.password } })), 'RATE_LIMITED');
});

test('MFA_REQUIRED_ROLES: a member without a second factor gets an enrollment-only session, over HTTP and graphql-ws', async () => {
  const strict = await startTestServer({ MFA_REQUIRED_ROLES: 'Admin, Moderator' });
  try {
    await freshStep();
    const first = await strict.request(LoginWithSessionFlag, { input: { identifier: ROOT_ADMIN.username, password: ROOT_ADMIN.password } });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const limited = session(first.data!.login);
    assert.equal(limited.mfaEnrollmentRequired, true);
    // `me` works; everything else is FORBIDDEN with reason MFA_ENROLLMENT_REQUIRED.
    assert.equal((await strict.request(Me, {}, { token: limited.token })).data!.me.username, ROOT_ADMIN.username);
    const users = await strict.request(Users, { first: 1 }, { token: limited.token });
    assert.equal(errorCode(users), 'FORBIDDEN');
    assert.equal(reason(users), 'MFA_ENROLLMENT_REQUIRED');
    const socket = openSocket(strict.url, { token: limited.token });
    try {
      const overWs = await execute(socket, Users, { first: 1 });
      assert.equal(reason(overWs), 'MFA_ENROLLMENT_REQUIRED');
      assert.equal((await execute(socket, Me, {})).data?.me.username, ROOT_ADMIN.username);
    } finally {
      await socket.dispose();
    }
    // A plain member is not concerned.
    const member = await registerUser(strict);
    assert.equal((await strict.request(Users, { first: 1 }, { token: member.token })).errors, undefined);

    // Enrolling hands out a full session and ends the limited one.
    const started = (await strict.request(StartTotpEnrollment, {}, { token: limited.token })).data!.startTotpEnrollment;
    const totp = authenticator(started.secret);
    const confirmed = await strict.request(ConfirmTotpEnrollment, { input: { code: codeAt(totp, -1) } }, { token: limited.token });
    assert.equal(confirmed.errors, undefined, JSON.stringify(confirmed.errors));
    const full = confirmed.data!.confirmTotpEnrollment.session!;
    assert.equal(full.mfaEnrollmentRequired, false);
    assert.equal((await strict.request(Users, { first: 1 }, { token: full.token })).errors, undefined);
    assert.equal(errorCode(await strict.request(Me, {}, { token: limited.token })), 'UNAUTHENTICATED');
    // From now on the admin signs in in two steps.
    const next = await strict.request(Login, { input: { identifier: ROOT_ADMIN.username, password: ROOT_ADMIN.password } });
    assert.equal(next.data!.login.__typename, 'MfaChallenge');
  } finally {
    await strict.close();
  }
});

test('REQUIRE_VERIFIED_EMAIL: registerUser answers EmailVerificationRequired, not a session', async () => {
  const strict = await startTestServer({ REQUIRE_VERIFIED_EMAIL: 'true' });
  try {
    const result = await strict.request(RegisterUser, { input: { username: 'unverified_one', email: 'unverified_one@example.com', phone: '0812223344', password: 'correct horse battery' } });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const answer = result.data!.registerUser;
    assert.equal(answer.__typename, 'EmailVerificationRequired');
    assert.equal(answer.__typename === 'EmailVerificationRequired' && answer.email, 'unverified_one@example.com');
    assert.ok(!JSON.stringify(answer).includes('token'));
    assert.equal(errorCode(await strict.request(Login, { input: { identifier: 'unverified_one', password: 'correct horse battery' } })), 'EMAIL_NOT_VERIFIED');
  } finally {
    await strict.close();
  }
});
