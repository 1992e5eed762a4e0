// Attacks on the lockouts with answers sent all at once, for every kind of proof: a password (known account and
// unknown identifier), a TOTP code and a backup code at the second step, a code sent by email (known and unknown), and
// a password and a TOTP code to reauthenticate. Each lockout is counted before the answer is compared, so N answers
// at once count N: at most the threshold are compared, the rest are refused as locked, and the right answer after
// them is refused too (issue 23's second finding: ten wrong codes sent at once were all compared).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerUser } from './support/accounts.js';
import { gq } from './support/audit.js';
import { codeAt, enrollTotp, freshStep } from './support/mfa.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { lastMailTo, startSmtpServer, type TestSmtpServer } from './support/smtp.js';

const THRESHOLD = 5;
const AT_ONCE = 12;
let server: TestServer;
let smtp: TestSmtpServer;

before(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({
    SMTP_URL: smtp.url,
    DEFAULT_LOCALE: 'en',
    LOCKOUT_THRESHOLD: String(THRESHOLD),
    LOCKOUT_BASE_SECONDS: '600',
    MFA_LOCKOUT_THRESHOLD: String(THRESHOLD),
    RATE_LIMIT_RECOVERY_ATTEMPTS_IP: '1000/600',
  });
});
after(async () => {
  await server?.close();
  await smtp?.close();
});

type Result = Awaited<ReturnType<typeof gq>>;
const reasonOf = (result: Result) => result.errors?.[0]?.extensions?.reason;

/** The answers' outcomes, counted: `compared` (wrong, checked) and `locked` (refused before any check). */
function tally(results: Result[], compared: (r: Result) => boolean) {
  const locked = results.filter((r) => errorCode(r) === 'RATE_LIMITED').length;
  const checked = results.filter(compared).length;
  assert.equal(locked + checked, results.length, `every answer is either checked or locked: ${JSON.stringify(results.map((r) => r.errors?.[0]?.extensions))}`);
  return { checked, locked };
}

async function history(where: string, params: unknown[]): Promise<Record<string, number>> {
  const rows = await server.db.query<{ reason: string | null; n: number }[]>(`SELECT reason, COUNT(*) AS n FROM login_history WHERE ${where} GROUP BY reason`, params);
  return Object.fromEntries(rows.map((r) => [r.reason ?? 'SUCCESS', Number(r.n)]));
}

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { token } ... on MfaChallenge { challengeToken } } }';
const COMPLETE = 'mutation ($input: CompleteMfaSignInInput!) { completeMfaSignIn(input: $input) { token } }';
const REAUTH = 'mutation ($input: ReauthenticateInput!) { reauthenticate(input: $input) { provedAt } }';
const SIGN_IN_CODE = 'mutation ($input: SignInWithCodeInput!) { signInWithCode(input: $input) { __typename } }';

describe('a password, sent wrong many times at once', () => {
  test('to a known account: the threshold are compared, the rest locked, and the right password after them refused', async () => {
    const account = await registerUser(server);
    const results = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => gq(server, LOGIN, { input: { identifier: account.input.username, password: `wrong guess ${i}` } })));
    assert.deepEqual(tally(results, (r) => reasonOf(r) === 'INVALID_CREDENTIALS'), { checked: THRESHOLD, locked: AT_ONCE - THRESHOLD });
    assert.equal(errorCode(await gq(server, LOGIN, { input: { identifier: account.input.email, password: account.input.password } })), 'RATE_LIMITED');
    assert.deepEqual(await history("user_id = ? AND reason IS NOT NULL", [account.id]), { WRONG_PASSWORD: THRESHOLD, LOCKED_OUT: AT_ONCE - THRESHOLD + 1 });
  });

  test('to an identifier that names no account: locked the same way, so the lockout does not tell the two apart', async () => {
    const ghost = `nobody_${process.pid}_${Date.now()}`;
    const results = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => gq(server, LOGIN, { input: { identifier: ghost, password: `wrong guess ${i}` } })));
    assert.deepEqual(tally(results, (r) => reasonOf(r) === 'INVALID_CREDENTIALS'), { checked: THRESHOLD, locked: AT_ONCE - THRESHOLD });
    assert.deepEqual(await history('identifier_key = ?', [ghost]), { UNKNOWN_IDENTIFIER: THRESHOLD, LOCKED_OUT: AT_ONCE - THRESHOLD });
  });
});

describe('the second step, answered wrong many times at once', () => {
  for (const kind of ['code', 'backupCode'] as const) {
    test(`a ${kind === 'code' ? 'TOTP code' : 'backup code'} on ${AT_ONCE} sign-ins at once: the threshold are compared, and the right answer after them is refused`, async () => {
      await freshStep();
      const account = await registerUser(server);
      const { totp, backupCodes } = await enrollTotp(server, account.token);
      const challenges: string[] = [];
      for (let i = 0; i < AT_ONCE + 1; i += 1) {
        const step = await gq(server, LOGIN, { input: { identifier: account.input.username, password: account.input.password } });
        challenges.push(step.data!.login.challengeToken as string);
      }
      const wrong = (i: number) => (kind === 'code' ? String(100000 + i) : `wrong-${String(i).padStart(5, '0')}`);
      const results = await Promise.all(challenges.slice(0, AT_ONCE).map((challengeToken, i) => gq(server, COMPLETE, { input: { challengeToken, [kind]: wrong(i) } })));
      assert.deepEqual(tally(results, (r) => reasonOf(r) === 'WRONG_MFA_CODE'), { checked: THRESHOLD, locked: AT_ONCE - THRESHOLD });
      for (const result of results.filter((r) => errorCode(r) === 'RATE_LIMITED')) assert.equal(reasonOf(result), 'MFA_LOCKED');
      const right = kind === 'code' ? codeAt(totp) : backupCodes[0]!;
      const after = await gq(server, COMPLETE, { input: { challengeToken: challenges.at(-1)!, [kind]: right } });
      assert.equal(reasonOf(after), 'MFA_LOCKED');
      assert.deepEqual(await history("user_id = ? AND reason LIKE 'MFA_%' AND reason <> 'MFA_CHALLENGE'", [account.id]), { MFA_WRONG_CODE: THRESHOLD, MFA_LOCKED_OUT: AT_ONCE - THRESHOLD + 1 });
    });
  }

  test('many answers to one sign-in at once: it counts them all, and is void at the threshold', async () => {
    await freshStep();
    const account = await registerUser(server);
    const { totp } = await enrollTotp(server, account.token);
    // Five wrong codes to one flow leave the second factor locked too; a higher factor lock shows the flow's own cap.
    const roomy = await startTestServer({ MFA_LOCKOUT_THRESHOLD: '100' }, server.db);
    try {
      const step = await gq(roomy, LOGIN, { input: { identifier: account.input.username, password: account.input.password } });
      const challengeToken = step.data!.login.challengeToken as string;
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => gq(roomy, COMPLETE, { input: { challengeToken, code: String(200000 + i) } })));
      // The flow's cap is MFA_LOCKOUT_THRESHOLD answers (100 here): all 8 compared.
      assert.equal(results.filter((r) => reasonOf(r) === 'WRONG_MFA_CODE').length, 8);
      const [row] = await server.db.query<{ attempts: number }[]>('SELECT attempts FROM sign_in_flows WHERE user_id = ? ORDER BY id DESC LIMIT 1', [account.id]);
      assert.equal(Number(row!.attempts), 8, 'each answer counted on the flow');
      await server.db.query('UPDATE sign_in_flows SET attempts = 100 WHERE user_id = ?', [account.id]);
      assert.equal(reasonOf(await gq(roomy, COMPLETE, { input: { challengeToken, code: codeAt(totp) } })), 'INVALID_MFA_CHALLENGE', 'spent: even the right code is refused');
    } finally {
      await roomy.app.close();
    }
  });
});

describe('a code sent by email, guessed many times at once', () => {
  test('for a known account: the threshold are compared, then the account is locked, the real code too', async () => {
    const account = await registerUser(server);
    // The verification mail of the registration first, so the next one to the address is the code.
    await lastMailTo(smtp, account.input.email);
    const count = smtp.messages.length;
    await gq(server, 'mutation ($input: RequestSignInCodeInput!) { requestSignInCode(input: $input) }', { input: { identifier: account.input.email } });
    const mail = await lastMailTo(smtp, account.input.email, { after: count });
    const code = /Your sign-in code is (\d{6})/.exec(mail.subject ?? '')![1]!;
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
    const results = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => gq(server, SIGN_IN_CODE, { input: { identifier: account.input.email, code: wrong(i) } })));
    assert.deepEqual(tally(results, (r) => reasonOf(r) === 'INVALID_TOKEN'), { checked: THRESHOLD, locked: AT_ONCE - THRESHOLD });
    assert.equal(errorCode(await gq(server, SIGN_IN_CODE, { input: { identifier: account.input.email, code } })), 'RATE_LIMITED');
    // The password is refused too: it is one lock for the account.
    assert.equal(errorCode(await gq(server, LOGIN, { input: { identifier: account.input.username, password: account.input.password } })), 'RATE_LIMITED');
  });

  test('for an identifier that names no account: the same answers, in the same numbers', async () => {
    const ghost = `ghost_${process.pid}_${Date.now()}@example.com`;
    const results = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => gq(server, SIGN_IN_CODE, { input: { identifier: ghost, code: String(300000 + i) } })));
    assert.deepEqual(tally(results, (r) => reasonOf(r) === 'INVALID_TOKEN'), { checked: THRESHOLD, locked: AT_ONCE - THRESHOLD });
    assert.deepEqual(await history('identifier_key = ?', [ghost]), { WRONG_CODE: THRESHOLD, LOCKED_OUT: AT_ONCE - THRESHOLD });
  });
});

describe('reauthenticate, answered wrong many times at once', () => {
  test('with passwords: the threshold are compared, the account locks, and the right password is refused', async () => {
    const account = await registerUser(server);
    const results = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => gq(server, REAUTH, { input: { password: `wrong guess ${i}` } }, account.token)));
    assert.deepEqual(tally(results, (r) => errorCode(r) === 'BAD_USER_INPUT'), { checked: THRESHOLD, locked: AT_ONCE - THRESHOLD });
    assert.equal(errorCode(await gq(server, REAUTH, { input: { password: account.input.password } }, account.token)), 'RATE_LIMITED');
    assert.deepEqual(await history("user_id = ? AND reason LIKE 'REAUTH%'", [account.id]), { REAUTH_WRONG_PASSWORD: THRESHOLD, REAUTH_LOCKED_OUT: AT_ONCE - THRESHOLD + 1 });
  });

  test('with TOTP codes: the threshold are compared, the second factor locks, and the right code is refused', async () => {
    await freshStep();
    const account = await registerUser(server);
    const { totp } = await enrollTotp(server, account.token);
    // Held at the session's last proof, so it may prove it again.
    await server.db.query('UPDATE mfa_totp SET enabled_at = NOW(3) - INTERVAL 1 HOUR WHERE user_id = ?', [account.id]);
    const results = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => gq(server, REAUTH, { input: { code: String(400000 + i) } }, account.token)));
    assert.deepEqual(tally(results, (r) => errorCode(r) === 'BAD_USER_INPUT'), { checked: THRESHOLD, locked: AT_ONCE - THRESHOLD });
    const right = await gq(server, REAUTH, { input: { code: codeAt(totp) } }, account.token);
    assert.equal(reasonOf(right), 'MFA_LOCKED');
  });
});
