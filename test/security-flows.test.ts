// Attacks on the sign-in flows (src/modules/auth/flows.ts), the one way to a session: a session opened anywhere else
// in the code; a way in that skips a sign-in step (issue 23: the second step used to skip the one that cancels a
// pending account deletion, so each way in is walked here: a password, a code by email, a reset link, a passkey, a
// provider, and the second step after a password); a waiting sign-in continued after the password changed.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { registerUser } from './support/accounts.js';
import { gq } from './support/audit.js';
import { freePort } from './support/haproxy.js';
import { codeAt, enrollTotp, freshStep } from './support/mfa.js';
import { CookieJar, fragmentOf, openCallback, toCallback } from './support/oidc-flow.js';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider.js';
import { startTestServer, type TestServer } from './support/server.js';
import { lastMailTo, linkToken, startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { SoftAuthenticator } from './support/webauthn.js';

let server: TestServer;
let provider: TestOidcProvider;
let smtp: TestSmtpServer;
let app: string;

before(async () => {
  const port = await freePort();
  app = `http://127.0.0.1:${port}`;
  smtp = await startSmtpServer();
  provider = await startOidcProvider([{ clientId: 'line-client', clientSecret: 'line-secret-0123456789', redirectUris: [`${app}/auth/oidc/line/callback`] }]);
  server = await startTestServer({
    PORT: String(port),
    PUBLIC_URL: app,
    SMTP_URL: smtp.url,
    DEFAULT_LOCALE: 'en',
    OIDC_PROVIDERS: 'line',
    OIDC_LINE_ISSUER: provider.issuer,
    OIDC_LINE_CLIENT_ID: 'line-client',
    OIDC_LINE_CLIENT_SECRET: 'line-secret-0123456789',
    OIDC_ALLOW_INSECURE_ISSUER: 'true',
  });
});
after(async () => {
  await server?.close();
  await provider?.close();
  await smtp?.close();
});

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { token } ... on MfaChallenge { challengeToken } } }';
const COMPLETE = 'mutation ($input: CompleteMfaSignInInput!) { completeMfaSignIn(input: $input) { token } }';

test('sessions are opened in flows.ts and nowhere else in the code', async () => {
  const root = join(import.meta.dirname, '..', 'src');
  const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.ts'));
  const openers: string[] = [];
  for (const file of files) {
    const text = await readFile(join(root, file), 'utf8');
    if (/\b(openSession|createSession)\(/.test(text)) openers.push(file.replaceAll('\\', '/'));
  }
  // sessions.ts defines them; flows.ts is the only caller.
  assert.deepEqual(openers.sort(), ['modules/auth/flows.ts', 'modules/auth/sessions.ts']);
});

/** Schedules the account's deletion from its own session, as deleteMyAccount does. */
async function scheduleDeletion(token: string, password: string | null) {
  const result = await gq(server, 'mutation ($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) { scheduledFor } }', { input: password ? { password } : {} }, token);
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
}

async function pendingDeletion(userId: number | string): Promise<boolean> {
  const [row] = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM account_deletions WHERE user_id = ? AND erased_at IS NULL', [Number(userId)]);
  return Number(row!.n) === 1;
}

/** What the server mails to the account's address after `mutation` (a reset link, a sign-in code). */
async function mailAfter(email: string, mutation: 'requestSignInCode' | 'requestPasswordReset') {
  const count = smtp.messages.length;
  const type = mutation === 'requestSignInCode' ? 'RequestSignInCodeInput' : 'RequestPasswordResetInput';
  await gq(server, `mutation ($input: ${type}!) { ${mutation}(input: $input) }`, { input: { identifier: email } });
  return lastMailTo(smtp, email, { after: count });
}

const signInCode = async (email: string) => /Your sign-in code is (\d{6})/.exec((await mailAfter(email, 'requestSignInCode')).subject ?? '')![1]!;

/** A passkey of a new software authenticator, added from the session of `token`; the authenticator holds it. */
async function withPasskey(token: string): Promise<SoftAuthenticator> {
  const authenticator = new SoftAuthenticator(app);
  const started = await gq(server, 'mutation { startPasskeyRegistration { options } }', {}, token);
  const finished = await gq(
    server,
    'mutation ($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) { passkey { id } } }',
    { input: { response: authenticator.register(started.data!.startPasskeyRegistration.options) } },
    token,
  );
  assert.equal(finished.errors, undefined, JSON.stringify(finished.errors));
  return authenticator;
}

/** A sign-in with the passkey `authenticator` holds, alone (no username). */
async function passkeySignIn(authenticator: SoftAuthenticator) {
  const options = (await gq(server, 'mutation { startPasskeySignIn { challengeId options } }')).data!.startPasskeySignIn;
  return gq(server, 'mutation ($input: FinishPasskeySignInInput!) { finishPasskeySignIn(input: $input) { token } }', {
    input: { challengeId: options.challengeId, response: authenticator.authenticate(options.options) },
  });
}

describe('every way in cancels a pending deletion', () => {
  test('a password', async () => {
    const account = await registerUser(server);
    await scheduleDeletion(account.token, account.input.password);
    assert.equal(await pendingDeletion(account.id), true);
    const result = await gq(server, LOGIN, { input: { identifier: account.input.username, password: account.input.password } });
    assert.equal(result.data!.login.__typename, 'AuthPayload');
    assert.equal(await pendingDeletion(account.id), false);
  });

  test('a password and then the second step: only the second step, which opens the session, cancels it', async () => {
    await freshStep();
    const account = await registerUser(server);
    const { totp } = await enrollTotp(server, account.token);
    await scheduleDeletion(account.token, account.input.password);
    const first = await gq(server, LOGIN, { input: { identifier: account.input.username, password: account.input.password } });
    assert.equal(first.data!.login.__typename, 'MfaChallenge');
    assert.equal(await pendingDeletion(account.id), true, 'a password alone opened nothing and cancels nothing');
    const second = await gq(server, COMPLETE, { input: { challengeToken: first.data!.login.challengeToken, code: codeAt(totp) } });
    assert.equal(second.errors, undefined, JSON.stringify(second.errors));
    assert.equal(await pendingDeletion(account.id), false);
  });

  test('a code by email', async () => {
    const account = await registerUser(server);
    await lastMailTo(smtp, account.input.email);
    await scheduleDeletion(account.token, account.input.password);
    const code = await signInCode(account.input.email);
    const result = await gq(server, 'mutation ($input: SignInWithCodeInput!) { signInWithCode(input: $input) { __typename } }', { input: { identifier: account.input.email, code } });
    assert.equal(result.data!.signInWithCode.__typename, 'AuthPayload');
    assert.equal(await pendingDeletion(account.id), false);
  });

  test('a reset link', async () => {
    const account = await registerUser(server);
    await lastMailTo(smtp, account.input.email);
    await scheduleDeletion(account.token, account.input.password);
    const token = linkToken(await mailAfter(account.input.email, 'requestPasswordReset'), '/reset-password');
    const result = await gq(server, 'mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename } }', { input: { token, newPassword: 'lantern quartz harbour 5' } });
    assert.equal(result.data!.resetPassword.__typename, 'AuthPayload');
    assert.equal(await pendingDeletion(account.id), false);
  });

  test('a passkey alone', async () => {
    const account = await registerUser(server);
    const authenticator = await withPasskey(account.token);
    await scheduleDeletion(account.token, account.input.password);
    const result = await passkeySignIn(authenticator);
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.equal(await pendingDeletion(account.id), false);
  });

  test('a provider', async () => {
    const login = `flows${process.pid}x${Date.now()}`;
    provider.users.set(login, { email: `${login}@example.com`, email_verified: true, name: 'Flow Walker' });
    const signInThroughProvider = async () => {
      const jar = new CookieJar();
      const code = fragmentOf(await openCallback(jar, await toCallback(jar, `${app}/auth/oidc/line/start`, login))).get('oidc_code')!;
      const result = await gq(server, 'mutation ($input: CompleteOidcSignInInput!) { completeOidcSignIn(input: $input) { ... on AuthPayload { token user { id } } } }', { input: { code } });
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      return result.data!.completeOidcSignIn as { token: string; user: { id: string } };
    };
    const first = await signInThroughProvider();
    // No password: its fresh session is the proof deleteMyAccount needs.
    await scheduleDeletion(first.token, null);
    assert.equal(await pendingDeletion(first.user.id), true);
    await signInThroughProvider();
    assert.equal(await pendingDeletion(first.user.id), false);
  });
});

describe('a sign-in waiting for its second step', () => {
  test('dies when the password changes meanwhile: the old password cannot finish it', async () => {
    await freshStep();
    const account = await registerUser(server);
    const { totp } = await enrollTotp(server, account.token);
    const waiting = await gq(server, LOGIN, { input: { identifier: account.input.username, password: account.input.password } });
    const challengeToken = waiting.data!.login.challengeToken as string;
    const changed = await gq(
      server,
      'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { success } }',
      { input: { currentPassword: account.input.password, newPassword: 'a changed lantern 44' } },
      account.token,
    );
    assert.equal(changed.errors, undefined, JSON.stringify(changed.errors));
    const late = await gq(server, COMPLETE, { input: { challengeToken, code: codeAt(totp) } });
    assert.equal(late.errors?.[0]?.extensions?.reason, 'INVALID_MFA_CHALLENGE');
  });
});

describe('a take-over ends the ways in that skip the password', () => {
  test('a passkey planted while the session was fresh signs nobody in after the owner resets the password', async () => {
    const account = await registerUser(server);
    await lastMailTo(smtp, account.input.email);
    // The attacker, with a fresh stolen session, registers a passkey of their own.
    const planted = await withPasskey(account.token);
    // The owner resets the password.
    const token = linkToken(await mailAfter(account.input.email, 'requestPasswordReset'), '/reset-password');
    const reset = await gq(server, 'mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { ... on AuthPayload { token } } }', { input: { token, newPassword: 'owner again lantern 6' } });
    assert.equal(reset.errors, undefined, JSON.stringify(reset.errors));
    // The planted passkey is gone: its sign-in is refused, and the owner is told.
    const attempt = await passkeySignIn(planted);
    assert.equal(attempt.errors?.[0]?.extensions?.reason, 'INVALID_CREDENTIALS');
    const notices = await gq(server, '{ notifications(first: 10) { edges { node { title message } } } }', {}, reset.data!.resetPassword.token);
    assert.ok(
      (notices.data!.notifications.edges as { node: { message: string } }[]).some((e) => /passkeys added before it were removed/.test(e.node.message)),
      JSON.stringify(notices.data),
    );
  });

  test('a code by email proves the address it went to: the account is verified, and providers linked before it end', async () => {
    const account = await registerUser(server);
    await lastMailTo(smtp, account.input.email);
    // A link made while the address was unproven (by whoever registered it), arranged in the database.
    await server.db.query("INSERT INTO user_identities (user_id, provider, subject, email_verified) VALUES (?, 'line', ?, 1)", [account.id, `early-${account.id}`]);
    const code = await signInCode(account.input.email);
    const result = await gq(server, 'mutation ($input: SignInWithCodeInput!) { signInWithCode(input: $input) { ... on AuthPayload { user { emailVerified } } } }', {
      input: { identifier: account.input.email, code },
    });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.equal(result.data!.signInWithCode.user.emailVerified, true);
    const [row] = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM user_identities WHERE user_id = ?', [account.id]);
    assert.equal(Number(row!.n), 0);
  });
});
