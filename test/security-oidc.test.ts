// Attacks on sign-in through an OpenID provider, against a real oidc-provider and the real server over HTTP: a
// callback with a tampered state, from another browser, replayed, or with no flow behind it; a one-time code replayed,
// expired or made up; a flow whose nonce or PKCE verifier no longer matches what the provider signed (the ID-token and
// code checks must fail closed); a return address outside the allowlist; a provider that is down or cancelled.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { freePort } from './support/haproxy.js';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider.js';
import { CompleteOidcSignIn, CookieJar, fragmentOf, get, locationOf, openCallback, openLink, StartOidcLink, toCallback, UnlinkAccount } from './support/oidc-flow.js';
import { ChangePassword, Login } from './support/operations.js';
import { register } from './support/accounts.js';
import { session } from './support/sign-in.js';

let server: TestServer;
let provider: TestOidcProvider;
let app: string;
const ALLOWED_APP = 'http://app.example.test/signed-in';

before(async () => {
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
    // A session's age is changed in the database below; every request must read it.
    SESSION_CACHE_MS: '0',
  });
});
after(async () => {
  await server?.close();
  await provider?.close();
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
