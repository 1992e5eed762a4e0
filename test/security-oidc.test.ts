// Attacks on sign-in through an OpenID provider, against a real oidc-provider and the real server over HTTP: a
// callback with a tampered state, from another browser, replayed, or with no flow behind it; a one-time code replayed,
// expired or made up; a flow whose nonce or PKCE verifier no longer matches what the provider signed (the ID-token and
// code checks must fail closed); a return address outside the allowlist; a provider that is down or cancelled; an
// address claimed unverified at the provider to take or hold it before its owner registers (pre-account takeover);
// an account registered with someone else's address and a provider linked before its owner resets the password or
// proves the address (pre-hijack); a link ticket opened in another browser or posted from another site; linking and
// unlinking on a session whose proof is old, over HTTP, SSE and graphql-ws.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { freePort } from './support/haproxy.js';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider.js';
import { CompleteOidcSignIn, CookieJar, fragmentOf, get, locationOf, MyLinkedAccounts, openCallback, openLink, StartOidcLink, toCallback, UnlinkAccount } from './support/oidc-flow.js';
import {
  ChangePassword,
  Login,
  Me,
  Notifications,
  Reauthenticate,
  RequestPasswordReset,
  ResetPassword,
  RevokeOtherSessions,
  UpdateProfile,
  VerificationState,
  VerifyEmail,
} from './support/operations.js';
import { login as passwordLogin, newUserInput, register, registerUser } from './support/accounts.js';
import { eventually } from './support/eventually.js';
import { session } from './support/sign-in.js';
import { linkToken, startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { provedAgo } from './support/step-up.js';
import { over as overTransport, type Transport } from './support/transports.js';

let server: TestServer;
let provider: TestOidcProvider;
let smtp: TestSmtpServer;
let app: string;
const ALLOWED_APP = 'http://app.example.test/signed-in';

before(async () => {
  // Reset and verification links are read where their owner would: in the mail, from a real SMTP server.
  smtp = await startSmtpServer();
  const port = await freePort();
  app = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider([{ clientId: 'line-client', clientSecret: 'line-secret-0123456789', redirectUris: [`${app}/auth/oidc/line/callback`] }]);
  const closed = await freePort();
  server = await startTestServer({
    PORT: String(port),
    PUBLIC_URL: app,
    OIDC_PROVIDERS: 'line,down',
    OIDC_LINE_ISSUER: provider.issuer,
    OIDC_LINE_CLIENT_ID: 'line-client',
    OIDC_LINE_CLIENT_SECRET: 'line-secret-0123456789',
    OIDC_DOWN_ISSUER: `http://127.0.0.1:${closed}`,
    OIDC_DOWN_CLIENT_ID: 'nobody',
    OIDC_DOWN_LABEL: 'Down Corp',
    OIDC_ALLOW_INSECURE_ISSUER: 'true',
    OIDC_REDIRECT_ALLOWLIST: ALLOWED_APP,
    SMTP_URL: smtp.url,
    // A session's age is changed in the database below; every request must read it.
    SESSION_CACHE_MS: '0',
  });
});
after(async () => {
  await server?.close();
  await provider?.close();
  await smtp?.close();
});

let counter = 0;
function providerUser(claims: { email_verified?: boolean; name?: string } = {}) {
  counter += 1;
  const login = `sec${process.pid}x${counter}`;
  provider.users.set(login, { email: `${login}@example.com`, email_verified: true, name: `Sec User ${counter}`, ...claims });
  return login;
}

const start = (path = '') => `${app}/auth/oidc/line/start${path}`;
const count = async (table: string) => Number((await server.db.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);

test('a return address outside the allowlist is refused before any flow starts; an allowed one is kept to the end', async () => {
  const flows = await count('oidc_flows');
  for (const bad of ['https://evil.example/', `${app}.evil.example/`, 'javascript:alert(1)', `${ALLOWED_APP}/../x`, `${ALLOWED_APP}?x=1`, '//evil.example/']) {
    const response = await get(new CookieJar(), start(`?redirect=${encodeURIComponent(bad)}`));
    assert.equal(response.status, 400, bad);
    assert.equal(response.headers.get('location'), null);
  }
  assert.equal(await count('oidc_flows'), flows, 'no flow was stored');

  const jar = new CookieJar();
  const callback = await toCallback(jar, start(`?redirect=${encodeURIComponent(ALLOWED_APP)}`), providerUser());
  const end = await openCallback(jar, callback);
  assert.equal(`${end.origin}${end.pathname}`, ALLOWED_APP);
  assert.ok(fragmentOf(end).get('oidc_code'), 'the code is in the fragment, never in the query');
  assert.equal(end.search, '');
});

test('a callback with no flow behind it, a tampered state or another browser\'s state gets no code', async () => {
  const codes = await count('oidc_sign_in_codes');
  // No flow, no cookie.
  let end = await openCallback(new CookieJar(), new URL(`${app}/auth/oidc/line/callback?code=abc&state=xyz`));
  assert.equal(fragmentOf(end).get('oidc_error'), 'OIDC_STATE_MISMATCH');
  // A cookie that matches the made-up state, but no flow in the database.
  const forged = new CookieJar();
  forged.cookies.set('oidc_state', 'xyz');
  end = await openCallback(forged, new URL(`${app}/auth/oidc/line/callback?code=abc&state=xyz`));
  assert.equal(fragmentOf(end).get('oidc_error'), 'OIDC_STATE_MISMATCH');

  const victim = new CookieJar();
  const callback = await toCallback(victim, start(), providerUser());
  // The state changed by one character.
  const tampered = new URL(callback);
  const state = tampered.searchParams.get('state')!;
  tampered.searchParams.set('state', `${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}`);
  end = await openCallback(victim, tampered);
  assert.equal(fragmentOf(end).get('oidc_error'), 'OIDC_STATE_MISMATCH');
  // The victim's callback opened in an attacker's browser (with the attacker's own flow cookie).
  const attacker = new CookieJar();
  await get(attacker, start());
  assert.ok(attacker.cookies.get('oidc_state'));
  end = await openCallback(attacker, callback);
  assert.equal(fragmentOf(end).get('oidc_error'), 'OIDC_STATE_MISMATCH');
  assert.equal(await count('oidc_sign_in_codes'), codes, 'no code was issued');

  // The real one still works, once; opened again it is a replay.
  end = await openCallback(victim, callback);
  assert.ok(fragmentOf(end).get('oidc_code'));
  victim.cookies.set('oidc_state', callback.searchParams.get('state')!);
  end = await openCallback(victim, callback);
  assert.equal(fragmentOf(end).get('oidc_error'), 'OIDC_STATE_MISMATCH');
});

test('a one-time code works once, within a minute; a replayed, expired or made-up one is OIDC_CODE_EXPIRED', async () => {
  const jar = new CookieJar();
  const code = fragmentOf(await openCallback(jar, await toCallback(jar, start(), providerUser()))).get('oidc_code')!;
  const first = await server.request(CompleteOidcSignIn, { input: { code } });
  assert.equal(first.errors, undefined, JSON.stringify(first.errors));
  assert.ok(session(first.data!.completeOidcSignIn).token);
  const replay = await server.request(CompleteOidcSignIn, { input: { code } });
  assert.equal(errorCode(replay), 'OIDC_CODE_EXPIRED');
  assert.equal(replay.data, null);

  const jar2 = new CookieJar();
  const late = fragmentOf(await openCallback(jar2, await toCallback(jar2, start(), providerUser()))).get('oidc_code')!;
  await server.db.query('UPDATE oidc_sign_in_codes SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE used_at IS NULL');
  assert.equal(errorCode(await server.request(CompleteOidcSignIn, { input: { code: late } })), 'OIDC_CODE_EXPIRED');
  for (const made of ['', 'x', late.slice(0, -1), 'a'.repeat(5000)]) {
    assert.equal(errorCode(await server.request(CompleteOidcSignIn, { input: { code: made } })), 'OIDC_CODE_EXPIRED', made.slice(0, 10));
  }
});

test('the nonce and the PKCE verifier are checked: a flow that no longer matches what the provider issued fails closed', async () => {
  for (const column of ['nonce', 'code_verifier']) {
    const codes = await count('oidc_sign_in_codes');
    const jar = new CookieJar();
    const callback = await toCallback(jar, start(), providerUser());
    // What the flow expects is changed after the provider has issued its code (and signed the nonce into the ID token).
    await server.db.query(`UPDATE oidc_flows SET ${column} = ? WHERE used_at IS NULL`, [column === 'nonce' ? 'not-the-nonce-that-was-sent' : 'x'.repeat(43)]);
    const end = await openCallback(jar, callback);
    assert.equal(fragmentOf(end).get('oidc_error'), 'OIDC_FAILED', column);
    assert.equal(await count('oidc_sign_in_codes'), codes, `no code issued after a bad ${column}`);
  }
});

test('a provider that cannot be reached is OIDC_PROVIDER_UNAVAILABLE; cancelling at the provider is OIDC_CANCELLED', async () => {
  const response = await get(new CookieJar(), `${app}/auth/oidc/down/start`);
  const end = locationOf(response, app);
  assert.equal(fragmentOf(end).get('oidc_error'), 'OIDC_PROVIDER_UNAVAILABLE');
  const account = await register(server);
  assert.equal(errorCode(await server.request(StartOidcLink, { input: { provider: 'down' } }, { token: account.token })), 'OIDC_PROVIDER_UNAVAILABLE');
  assert.equal(errorCode(await server.request(StartOidcLink, { input: { provider: 'nosuch' } }, { token: account.token })), 'BAD_USER_INPUT');
  assert.equal((await get(new CookieJar(), `${app}/auth/oidc/nosuch/start`)).status, 404);

  const jar = new CookieJar();
  const cancelled = await openCallback(jar, await toCallback(jar, start(), providerUser(), { cancel: true }));
  assert.equal(fragmentOf(cancelled).get('oidc_error'), 'OIDC_CANCELLED');
});

test('an account made by a provider has no password: password sign-in refuses it like a wrong password, and its only link cannot be removed', async () => {
  const login = providerUser({ name: 'Nopass Person' });
  const jar = new CookieJar();
  const code = fragmentOf(await openCallback(jar, await toCallback(jar, start(), login))).get('oidc_code')!;
  const signedIn = session((await server.request(CompleteOidcSignIn, { input: { code } })).data!.completeOidcSignIn);
  assert.equal(signedIn.user.hasPassword, false);
  for (const password of ['', 'any password', 'null']) {
    const attempt = await server.request(Login, { input: { identifier: signedIn.user.username, password } });
    assert.ok(['UNAUTHENTICATED', 'BAD_USER_INPUT'].includes(String(errorCode(attempt))), JSON.stringify(attempt.errors));
    assert.equal(attempt.data, null);
  }
  const unlink = await server.request(UnlinkAccount, { input: { provider: 'line' } }, { token: signedIn.token });
  assert.equal(errorCode(unlink), 'CONFLICT');
  assert.equal(unlink.errors?.[0]?.extensions?.reason, 'LAST_SIGN_IN_METHOD');
  assert.equal(Number((await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM user_identities WHERE user_id = ?', [signedIn.user.id]))[0]!.n), 1);
});

test('a link ticket works once, and only for the provider it was made for', async () => {
  const account = await register(server);
  const { url } = (await server.request(StartOidcLink, { input: { provider: 'line' } }, { token: account.token })).data!.startOidcLink;
  const ticket = new URL(url).searchParams.get('ticket')!;
  // The ticket on another provider's route: not that provider's flow.
  assert.equal(fragmentOf(await openLink(new CookieJar(), `${app}/auth/oidc/down/start?ticket=${ticket}`)).get('oidc_error'), 'OIDC_STATE_MISMATCH');
  const jar = new CookieJar();
  assert.ok((await openLink(jar, url)).href.startsWith(provider.issuer), 'sent to the provider');
  assert.equal(fragmentOf(await openLink(new CookieJar(), url)).get('oidc_error'), 'OIDC_STATE_MISMATCH');
});

test('the first password of a provider-made account needs a recent proof; then password sign-in works and the link can go', async () => {
  const jar = new CookieJar();
  const code = fragmentOf(await openCallback(jar, await toCallback(jar, start(), providerUser({ name: 'First Password' })))).get('oidc_code')!;
  const signedIn = session((await server.request(CompleteOidcSignIn, { input: { code } })).data!.completeOidcSignIn);
  // A session whose proof is old (stolen, or left open): it may not give the account a password.
  await server.db.query('UPDATE sessions SET proved_at = NOW(3) - INTERVAL 2 DAY WHERE user_id = ?', [signedIn.user.id]);
  const stale = await server.request(ChangePassword, { input: { currentPassword: '', newPassword: 'a fresh password 1' } }, { token: signedIn.token });
  assert.equal(errorCode(stale), 'REAUTH_REQUIRED');
  await server.db.query('UPDATE sessions SET proved_at = NOW(3) WHERE user_id = ?', [signedIn.user.id]);
  const guessed = await server.request(ChangePassword, { input: { currentPassword: 'guess', newPassword: 'a fresh password 1' } }, { token: signedIn.token });
  assert.equal(errorCode(guessed), 'BAD_USER_INPUT');
  const set = await server.request(ChangePassword, { input: { currentPassword: '', newPassword: 'a fresh password 1' } }, { token: signedIn.token });
  assert.equal(set.errors, undefined, JSON.stringify(set.errors));
  const login = await server.request(Login, { input: { identifier: signedIn.user.username, password: 'a fresh password 1' } });
  assert.equal(login.errors, undefined, JSON.stringify(login.errors));
  // Now a second way in exists: the link can be removed, and an empty current password no longer passes.
  const unlink = await server.request(UnlinkAccount, { input: { provider: 'line' } }, { token: signedIn.token });
  assert.equal(unlink.errors, undefined, JSON.stringify(unlink.errors));
  assert.deepEqual(unlink.data!.unlinkAccount.linkedAccounts, []);
  const again = await server.request(ChangePassword, { input: { currentPassword: '', newPassword: 'another password 2' } }, { token: session(login.data!.login).token });
  assert.equal(errorCode(again), 'BAD_USER_INPUT');
});

// ------------------------------------------------------------------------------- take-overs through an address

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const rowsOf = async <T>(query: string, values: unknown[]) => server.db.query<T[]>(query, values);
const identitiesOf = async (userId: number | string) =>
  Number((await rowsOf<{ n: number }>('SELECT COUNT(*) AS n FROM user_identities WHERE user_id = ?', [Number(userId)]))[0]!.n);

/** A provider account whose email claim is `email`, vouched for (`email_verified`) or not. */
function providerUserClaiming(email: string, emailVerified: boolean): string {
  const login = providerUser({ email_verified: emailVerified });
  provider.users.set(login, { ...provider.users.get(login)!, email });
  return login;
}

/** A sign-in with the provider as `login` in a fresh browser, to its end: the session it gives, or its `#oidc_error=`. */
async function providerSignIn(login: string) {
  const jar = new CookieJar();
  const end = fragmentOf(await openCallback(jar, await toCallback(jar, start(), login)));
  const code = end.get('oidc_code');
  if (!code) return { error: end.get('oidc_error') ?? `no code and no error in ${end}` };
  const result = await server.request(CompleteOidcSignIn, { input: { code } });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return { signedIn: session(result.data!.completeOidcSignIn) };
}

/** Links the provider account `login` to the account signed in with `token`, from its profile page in a fresh browser. */
async function linkProvider(token: string, login: string): Promise<void> {
  const started = await server.request(StartOidcLink, { input: { provider: 'line' } }, { token });
  assert.equal(started.errors, undefined, JSON.stringify(started.errors));
  const jar = new CookieJar();
  const atProvider = await openLink(jar, started.data!.startOidcLink.url);
  assert.ok(atProvider.href.startsWith(provider.issuer), `sent to the provider, not ${atProvider.href}`);
  const end = await openCallback(jar, await toCallback(jar, atProvider.href, login, { callbackOrigin: app }));
  assert.equal(fragmentOf(end).get('oidc_linked'), 'line', `the link ended at ${end.href}`);
}

/** The token of the newest link to `path` mailed to `to` (waiting for it to arrive). */
async function mailedLink(to: string, path: '/verify-email' | '/reset-password', what: (text: string) => boolean = () => true): Promise<string> {
  const mail = await eventually(
    () =>
      smtp.messages.findLast((m) => (m.to as { text: string } | undefined)?.text === to && (m.text ?? '').includes(`${path}?token=`) && what(m.text ?? '')) ??
      false,
    { timeoutMs: 10_000, what: `a ${path} link mailed to ${to}` },
  );
  return linkToken(mail, path);
}

test('an address the provider does not vouch for takes nothing: its owner registers and signs in, and the provider account never reaches them', async () => {
  const victim = newUserInput();
  // The same address as written, and as written to slip past a comparison of the exact text.
  const claims = [victim.email, victim.email.toUpperCase()];
  const attackers: { login: string; userId: string; username: string }[] = [];
  for (const email of claims) {
    const login = providerUserClaiming(email, false);
    const first = await providerSignIn(login);
    assert.ok(first.signedIn, `the first sign-in makes an account (${first.error})`);
    assert.equal(first.signedIn.user.email, null, 'the account does not get the address');
    assert.equal(first.signedIn.user.emailVerified, false);
    const state = await server.request(VerificationState, {}, { token: first.signedIn.token });
    assert.equal(state.data!.me.email, null);
    assert.equal(state.data!.me.pendingEmail?.toLowerCase(), victim.email, 'the address only waits to be proven');
    attackers.push({ login, userId: first.signedIn.user.id, username: first.signedIn.user.username });
  }
  assert.deepEqual(await rowsOf('SELECT id FROM users WHERE email = ?', [victim.email]), [], 'no account holds the address');

  // The owner registers with their address, and signs in with their password.
  const owner = await registerUser(server, victim);
  assert.equal(owner.user.email, victim.email);
  await passwordLogin(server, victim.username, victim.password);
  assert.deepEqual(await rowsOf<{ id: number }>('SELECT id FROM users WHERE email = ?', [victim.email]), [{ id: owner.id }]);

  // The provider accounts sign in again to their own accounts, never to the owner's.
  for (const attacker of attackers) {
    const again = await providerSignIn(attacker.login);
    assert.ok(again.signedIn, `the attacker's own account (${again.error})`);
    assert.equal(again.signedIn.user.id, attacker.userId);
    assert.notEqual(again.signedIn.user.id, owner.user.id);
    assert.equal(again.signedIn.user.email, null);
  }
  assert.equal(await identitiesOf(owner.id), 0, 'nothing is linked to the owner');
  // New provider accounts claiming the address now (vouched for or not) find it taken and sign in to nothing: the
  // owner has not proven it yet, so no provider may join their account by it.
  for (const verified of [false, true]) {
    const codes = await count('oidc_sign_in_codes');
    const claimed = await providerSignIn(providerUserClaiming(victim.email, verified));
    assert.equal(claimed.error, 'OIDC_EMAIL_IN_USE', `email_verified ${verified}`);
    assert.equal(await count('oidc_sign_in_codes'), codes, 'no code was issued');
  }
  assert.equal(await identitiesOf(owner.id), 0);

  // The verification link the attackers' accounts had sent to the owner's address cannot move the address to them.
  for (const attacker of attackers) {
    const token = await mailedLink(victim.email, '/verify-email', (text) => text.includes(attacker.username));
    const taken = await server.request(VerifyEmail, { input: { token } });
    assert.ok(taken.errors?.length, `verifying ${attacker.username}'s pending address is refused: ${JSON.stringify(taken.data)}`);
    assert.deepEqual(await rowsOf<{ id: number }>('SELECT id FROM users WHERE email = ?', [victim.email]), [{ id: owner.id }]);
    assert.deepEqual(await rowsOf('SELECT email FROM users WHERE id = ?', [Number(attacker.userId)]), [{ email: null }]);
  }
  await passwordLogin(server, victim.username, victim.password);
});

test('pre-hijack: an account registered with the owner\'s address and a provider linked to it lose the link when the owner resets the password', async () => {
  const victim = newUserInput();
  // The attacker registers first, with the owner's address (they cannot prove it) and a password of their own.
  const attacker = await registerUser(server, { ...victim, password: 'the attacker knows this one' });
  const attackerProvider = providerUser({ name: 'Pre Hijacker' });
  await linkProvider(attacker.token, attackerProvider);
  assert.equal(await identitiesOf(attacker.id), 1);
  // Until the owner acts, the link is the attacker's way in.
  const before = await providerSignIn(attackerProvider);
  assert.equal(before.signedIn?.user.id, attacker.user.id);

  // The owner cannot register (the address is taken), so asks for a reset link and uses it.
  assert.equal((await server.request(RequestPasswordReset, { input: { identifier: victim.email } })).data?.requestPasswordReset, true);
  const token = await mailedLink(victim.email, '/reset-password');
  const reset = await server.request(ResetPassword, { input: { token, newPassword: 'the owner takes it back 7' } });
  assert.equal(reset.errors, undefined, JSON.stringify(reset.errors));
  const owner = session(reset.data!.resetPassword);
  assert.equal(owner.user.id, attacker.user.id, 'the same account, now the owner\'s');

  assert.equal(await identitiesOf(attacker.id), 0, 'user_identities holds no link for the account');
  assert.deepEqual((await server.request(MyLinkedAccounts, {}, { token: owner.token })).data!.myLinkedAccounts, []);
  // The attacker's provider account now signs in to an account of its own (its own vouched-for address), never the owner's.
  const after = await providerSignIn(attackerProvider);
  if (after.signedIn) assert.notEqual(after.signedIn.user.id, attacker.user.id, 'the provider account no longer reaches the owner');
  assert.equal(await identitiesOf(attacker.id), 0);
  // Nor do the attacker's session and password.
  assert.equal(errorCode(await server.request(Me, {}, { token: attacker.token })), 'UNAUTHENTICATED');
  assert.equal(errorCode(await server.request(Login, { input: { identifier: victim.email, password: 'the attacker knows this one' } })), 'UNAUTHENTICATED');

  // The owner is told what went, so they can link their own providers again.
  const notices = (await server.request(Notifications, {}, { token: owner.token })).data!.notifications.edges.map((e) => e.node);
  assert.ok(
    notices.some((n) => /linked accounts/i.test(n.message) && /removed/i.test(`${n.title} ${n.message}`)),
    `a notice says the linked accounts were removed: ${JSON.stringify(notices)}`,
  );
});

test('pre-hijack: proving the account\'s own address ends the links made before it; a link made after survives proving a new address', async () => {
  const account = await registerUser(server);
  const early = providerUser({ name: 'Before Proof' });
  await linkProvider(account.token, early);
  assert.equal((await providerSignIn(early)).signedIn?.user.id, account.user.id, 'linked');

  // The registration link, opened by whoever reads the mailbox: the address is proven at last.
  const verified = await server.request(VerifyEmail, { input: { token: await mailedLink(account.input.email, '/verify-email') } });
  assert.equal(verified.errors, undefined, JSON.stringify(verified.errors));
  assert.equal((await server.request(VerificationState, {}, { token: account.token })).data!.me.emailVerified, true);
  assert.equal(await identitiesOf(account.id), 0, 'the link made before the proof ended');
  const afterProof = await providerSignIn(early);
  if (afterProof.signedIn) assert.notEqual(afterProof.signedIn.user.id, account.user.id, 'the early provider account no longer reaches it');
  const notices = (await server.request(Notifications, {}, { token: account.token })).data!.notifications.edges.map((e) => e.node);
  assert.ok(notices.some((n) => /linked accounts added before/i.test(n.message)), `a notice says the links were removed: ${JSON.stringify(notices)}`);

  // A link made by the proven owner, then a new address asked for and proven: the link stays.
  const late = providerUser({ name: 'After Proof' });
  await linkProvider(account.token, late);
  const newEmail = newUserInput().email;
  const changed = await server.request(UpdateProfile, { input: { email: newEmail } }, { token: account.token });
  assert.equal(changed.errors, undefined, JSON.stringify(changed.errors));
  const moved = await server.request(VerifyEmail, { input: { token: await mailedLink(newEmail, '/verify-email') } });
  assert.equal(moved.errors, undefined, JSON.stringify(moved.errors));
  assert.equal((await server.request(VerificationState, {}, { token: account.token })).data!.me.email, newEmail);
  assert.equal(await identitiesOf(account.id), 1, 'the later link survives');
  assert.equal((await providerSignIn(late)).signedIn?.user.id, account.user.id);
});

// ------------------------------------------------------------------------------------ link tickets and step-up

test('a link ticket opened in another browser or posted from another site starts no flow; the profile page\'s own POST works once', async () => {
  const account = await register(server);
  const { url } = (await server.request(StartOidcLink, { input: { provider: 'line' } }, { token: account.token })).data!.startOidcLink;
  const ticket = new URL(url).searchParams.get('ticket')!;
  const flowOf = () => rowsOf('SELECT id, state_hash, ticket_hash, used_at, user_id FROM oidc_flows WHERE ticket_hash = ?', [sha256(ticket)]);
  const stored = await flowOf();
  assert.equal(stored.length, 1);

  const other = 'http://app.example.test';
  const refused: [string, RequestInit][] = [
    ['a link clicked in another browser (GET)', {}],
    ['a GET claiming to come from our page', { headers: { origin: app, 'sec-fetch-site': 'same-origin' } }],
    ['a form posted from another site', { method: 'POST', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } }],
    ['another site, from a browser that sends no Sec-Fetch-Site', { method: 'POST', headers: { origin: 'https://evil.example' } }],
    ['the allowlisted app, which is another origin', { method: 'POST', headers: { origin: other, 'sec-fetch-site': 'cross-site' } }],
    ['our origin named, but the browser says cross-site', { method: 'POST', headers: { origin: app, 'sec-fetch-site': 'cross-site' } }],
    ['a sibling site', { method: 'POST', headers: { origin: app.replace(/:\d+$/, ':1'), 'sec-fetch-site': 'same-site' } }],
    ['a sandboxed or data: page (Origin null)', { method: 'POST', headers: { origin: 'null', 'sec-fetch-site': 'cross-site' } }],
    ['a POST with no Origin', { method: 'POST' }],
  ];
  for (const [what, init] of refused) {
    const jar = new CookieJar();
    const response = await get(jar, url, init);
    assert.equal(response.status, 400, what);
    assert.equal(response.headers.get('location'), null, what);
    assert.equal(jar.cookies.get('oidc_state'), undefined, `${what}: no flow cookie`);
    assert.deepEqual(await flowOf(), stored, `${what}: the flow is untouched`);
  }

  // From the profile page of the browser that asked: to the provider, and to a link of that browser's provider account.
  const jar = new CookieJar();
  const atProvider = await openLink(jar, url);
  assert.ok(atProvider.href.startsWith(provider.issuer));
  assert.ok(jar.cookies.get('oidc_state'), 'the flow is bound to this browser');
  const end = await openCallback(jar, await toCallback(jar, atProvider.href, providerUser(), { callbackOrigin: app }));
  assert.equal(fragmentOf(end).get('oidc_linked'), 'line');
  assert.equal(await identitiesOf(account.id), 1);
  // Once only.
  assert.equal(fragmentOf(await openLink(new CookieJar(), url)).get('oidc_error'), 'OIDC_STATE_MISMATCH');
  assert.equal(fragmentOf(await openLink(jar, url)).get('oidc_error'), 'OIDC_STATE_MISMATCH');
});

/** One operation over HTTP POST, SSE or graphql-ws, its one result as a client would read it. */
const over = <TData, TVars extends Record<string, unknown>>(transport: Transport, document: TypedDocumentNode<TData, TVars>, variables: TVars, token: string) =>
  overTransport(server, transport, document, variables, token);

test('startOidcLink and unlinkAccount on a session whose proof is old are REAUTH_REQUIRED over every transport and change nothing', async () => {
  const account = await registerUser(server);
  await linkProvider(account.token, providerUser({ name: 'Stale Session' }));
  await server.db.query('UPDATE sessions SET proved_at = NOW(3) - INTERVAL 2 DAY WHERE user_id = ?', [account.id]);
  const flowsOf = async () => rowsOf('SELECT id, used_at FROM oidc_flows WHERE user_id = ? ORDER BY id', [account.id]);
  const identitiesBefore = await rowsOf('SELECT * FROM user_identities WHERE user_id = ?', [account.id]);
  const flowsBefore = await flowsOf();

  for (const transport of ['POST', 'SSE', 'ws'] as const) {
    for (const provider of ['line', 'down', 'nosuch']) {
      const link = await over(transport, StartOidcLink, { input: { provider } }, account.token);
      assert.equal(errorCode(link), 'REAUTH_REQUIRED', `${transport} startOidcLink ${provider}: ${JSON.stringify(link)}`);
      assert.equal(link.data ?? null, null);
      const unlink = await over(transport, UnlinkAccount, { input: { provider } }, account.token);
      assert.equal(errorCode(unlink), 'REAUTH_REQUIRED', `${transport} unlinkAccount ${provider}: ${JSON.stringify(unlink)}`);
      assert.equal(unlink.data ?? null, null);
    }
  }
  assert.deepEqual(await flowsOf(), flowsBefore, 'no link flow was started');
  assert.deepEqual(await rowsOf('SELECT * FROM user_identities WHERE user_id = ?', [account.id]), identitiesBefore, 'the link is untouched');

  // The same session, once it proves who holds it again, may do both.
  await provedAgo(server, account.id, 2 * 86_400);
  const proved = await server.request(Reauthenticate, { input: { password: account.input.password } }, { token: account.token });
  assert.equal(proved.errors, undefined, JSON.stringify(proved.errors));
  const link = await server.request(StartOidcLink, { input: { provider: 'line' } }, { token: account.token });
  assert.equal(link.errors, undefined, JSON.stringify(link.errors));
  const unlink = await server.request(UnlinkAccount, { input: { provider: 'line' } }, { token: account.token });
  assert.equal(unlink.errors, undefined, JSON.stringify(unlink.errors));
  assert.deepEqual(unlink.data!.unlinkAccount.linkedAccounts, []);
});

// ---------------------------------------------- what a take-over or an unlink leaves behind (review of issue 23)

test('a link on its way (a ticket, or a flow already at the provider) links nothing once its session is gone or the password was reset', async () => {
  for (const end of ['session revoked', 'password reset'] as const) {
    const account = await registerUser(server);
    // The attacker's stolen (fresh) session asks for two links: one ticket kept, one flow taken to the provider.
    const stolen = await passwordLogin(server, account.input.username, account.input.password);
    const ticket = (await server.request(StartOidcLink, { input: { provider: 'line' } }, { token: stolen })).data!.startOidcLink.url;
    const pending = (await server.request(StartOidcLink, { input: { provider: 'line' } }, { token: stolen })).data!.startOidcLink.url;
    const jar = new CookieJar();
    const atProvider = await openLink(jar, pending);
    const callback = await toCallback(jar, atProvider.href, providerUser({ name: 'Lingering Link' }), { callbackOrigin: app });
    // The owner takes the account back.
    if (end === 'session revoked') {
      assert.equal((await server.request(Reauthenticate, { input: { password: account.input.password } }, { token: account.token })).errors, undefined);
      const revoked = await server.request(RevokeOtherSessions, {}, { token: account.token });
      assert.equal(revoked.errors, undefined, JSON.stringify(revoked.errors));
    } else {
      await server.request(RequestPasswordReset, { input: { identifier: account.input.email } });
      const token = await mailedLink(account.input.email, '/reset-password');
      assert.equal((await server.request(ResetPassword, { input: { token, newPassword: 'owner is back 88' } })).errors, undefined);
    }
    assert.equal(fragmentOf(await openCallback(jar, callback)).get('oidc_error'), 'OIDC_STATE_MISMATCH', `${end}: the flow at the provider`);
    assert.equal(fragmentOf(await openLink(new CookieJar(), ticket)).get('oidc_error'), 'OIDC_STATE_MISMATCH', `${end}: the kept ticket`);
    assert.equal(await identitiesOf(account.id), 0, `${end}: nothing was linked`);
  }
});

test("a provider sign-in's one-time code signs nobody in once its link is gone", async () => {
  const account = await registerUser(server);
  const login = providerUser({ name: 'Unlinked Meanwhile' });
  await linkProvider(account.token, login);
  const jar = new CookieJar();
  const code = fragmentOf(await openCallback(jar, await toCallback(jar, start(), login))).get('oidc_code')!;
  const unlinked = await server.request(UnlinkAccount, { input: { provider: 'line' } }, { token: account.token });
  assert.equal(unlinked.errors, undefined, JSON.stringify(unlinked.errors));
  const late = await server.request(CompleteOidcSignIn, { input: { code } });
  assert.equal(errorCode(late), 'OIDC_CODE_EXPIRED');
});
