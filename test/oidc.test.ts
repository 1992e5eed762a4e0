// Sign-in with OpenID providers in the web client, in real headless Chromium against the real server and a real
// OpenID Provider (oidc-provider) configured as two providers ("line" and "corp", two clients of one issuer): the
// first sign-in creates the account, the second finds it; an existing account is linked automatically only when its
// email is verified on both sides; linking from the profile; the unlink rules.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.js';
import { register } from './support/accounts.js';
import { closePerson, launchBrowser, openPerson, screenshot, storedSession, type Person } from './support/browser.js';
import { freePort } from './support/haproxy.js';
import { startOidcProvider, type ProviderUser, type TestOidcProvider } from './support/oidc-provider.js';
import { startTestServer, type TestServer } from './support/server.js';

const LIVE_MS = 20_000;
let server: TestServer;
let provider: TestOidcProvider;
let browser: Browser;
let app: string;
const people: Person[] = [];

before(async () => {
  await buildWeb();
  const port = await freePort();
  app = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider([
    { clientId: 'line-client', clientSecret: 'line-secret-0123456789', redirectUris: [`${app}/auth/oidc/line/callback`] },
    { clientId: 'corp-client', clientSecret: 'corp-secret-0123456789', redirectUris: [`${app}/auth/oidc/corp/callback`] },
  ]);
  server = await startTestServer({
    PORT: String(port),
    PUBLIC_URL: app,
    DEFAULT_LOCALE: 'en',
    OIDC_PROVIDERS: 'line,corp',
    OIDC_LINE_ISSUER: provider.issuer,
    OIDC_LINE_CLIENT_ID: 'line-client',
    OIDC_LINE_CLIENT_SECRET: 'line-secret-0123456789',
    OIDC_CORP_ISSUER: provider.issuer,
    OIDC_CORP_CLIENT_ID: 'corp-client',
    OIDC_CORP_CLIENT_SECRET: 'corp-secret-0123456789',
    OIDC_CORP_LABEL: 'Corp ID',
    OIDC_ALLOW_INSECURE_ISSUER: 'true',
  });
  browser = await launchBrowser();
});
after(async () => {
  for (const person of people.splice(0)) await closePerson(person);
  await browser?.close();
  await server?.close();
  await provider?.close();
});

async function open(): Promise<Person> {
  const person = await openPerson(browser, `${app}/`);
  people.push(person);
  return person;
}

let counter = 0;
function providerUser(claims: ProviderUser): string {
  counter += 1;
  const login = `p${process.pid}x${counter}`;
  provider.users.set(login, { email: `${login}@example.com`, email_verified: true, ...claims });
  return login;
}

/** Clicks "Continue with …" (or a Link button) and, if the provider asks, signs in there as `login`. */
async function throughProvider(page: Page, button: string, login: string): Promise<void> {
  await page.locator(button).click();
  await page.waitForURL((url) => url.href.startsWith(provider.issuer) || url.href.startsWith(app), { timeout: LIVE_MS });
  const form = page.locator('input[name="login"]');
  if (await form.isVisible({ timeout: 3000 }).catch(() => false)) {
    await form.fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
  }
  await page.waitForURL((url) => url.href.startsWith(app), { timeout: LIVE_MS });
}

const connected = (page: Page) => page.locator('#conn-status[data-state="connected"]').waitFor({ timeout: LIVE_MS });
const whoami = async (page: Page) => (await page.locator('#whoami .whoami-name').textContent())?.trim();

test('the first sign-in with a provider creates the account (a Thai name as its username), the second finds it', async () => {
  const login = providerUser({ name: 'สมชาย ใจดี' });
  const { page } = await open();
  await page.locator('#oidc-start-line').waitFor({ timeout: LIVE_MS });
  assert.equal((await page.locator('#oidc-start-corp').textContent())?.trim(), 'ดำเนินการต่อด้วย Corp ID', 'the page speaks Thai by default');
  await throughProvider(page, '#oidc-start-line', login);
  await connected(page);
  assert.equal(await whoami(page), 'สมชาย_ใจดี');
  assert.equal(new URL(page.url()).hash, '#/chat', 'the one-time code left the address bar');
  const first = await storedSession(page);
  assert.ok(first);
  const rows = await server.db.query<{ id: number; password_hash: string | null; phone: string | null; email_verified_at: Date | null }[]>(
    'SELECT id, password_hash, phone, email_verified_at FROM users WHERE email = ?',
    [`${login}@example.com`],
  );
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.password_hash, null);
  assert.equal(rows[0]!.phone, null);
  assert.ok(rows[0]!.email_verified_at, 'the provider said the email is verified');
  await screenshot(page, 'oidc-signed-in');

  await page.locator('#logout').click();
  await page.locator('#oidc-start-line').waitFor({ timeout: LIVE_MS });
  await throughProvider(page, '#oidc-start-line', login);
  await connected(page);
  assert.equal((await storedSession(page))!.userId, first.userId, 'the same account');
  assert.equal(Number((await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM users WHERE email = ?', [`${login}@example.com`]))[0]!.n), 1);
  const history = await server.db.query<{ identifier: string; success: number }[]>('SELECT identifier, success FROM login_history WHERE user_id = ? ORDER BY id', [rows[0]!.id]);
  assert.deepEqual(history.map((r) => [r.identifier, r.success]), [[`oidc:line:${login}`, 1], [`oidc:line:${login}`, 1]], 'login_history names the provider');

  // A second user with the same name gets a suffix.
  const twin = providerUser({ name: 'สมชาย ใจดี' });
  const other = await open();
  await other.page.locator('#oidc-start-line').waitFor({ timeout: LIVE_MS });
  await throughProvider(other.page, '#oidc-start-line', twin);
  await connected(other.page);
  assert.equal(await whoami(other.page), 'สมชาย_ใจดี_2');
});

test('an existing account is linked automatically only when its email is verified on both sides', async () => {
  // Verified here and at the provider: the provider sign-in lands in the existing account.
  const verified = await register(server);
  await server.db.query('UPDATE users SET email_verified_at = NOW(3) WHERE id = ?', [verified.id]);
  const same = providerUser({ email: verified.email, email_verified: true, name: 'Someone Else' });
  const a = await open();
  await a.page.locator('#oidc-start-line').waitFor({ timeout: LIVE_MS });
  await throughProvider(a.page, '#oidc-start-line', same);
  await connected(a.page);
  assert.equal(await whoami(a.page), verified.username);

  // Not verified here: refused, with a screen that says what to do.
  const unverifiedHere = await register(server);
  const b = await open();
  await b.page.locator('#oidc-start-line').waitFor({ timeout: LIVE_MS });
  await throughProvider(b.page, '#oidc-start-line', providerUser({ email: unverifiedHere.email, email_verified: true }));
  await b.page.locator('#oidc-result[data-error="OIDC_EMAIL_IN_USE"]').waitFor({ timeout: LIVE_MS });
  assert.match((await b.page.locator('#oidc-message').textContent()) ?? '', /มีบัญชีที่ใช้อีเมลนี้อยู่แล้ว/);
  await screenshot(b.page, 'oidc-email-in-use');
  assert.equal(await storedSession(b.page), null, 'not signed in');

  // Not verified at the provider: refused too.
  const verifiedHere = await register(server);
  await server.db.query('UPDATE users SET email_verified_at = NOW(3) WHERE id = ?', [verifiedHere.id]);
  const c = await open();
  await c.page.locator('#oidc-start-line').waitFor({ timeout: LIVE_MS });
  await throughProvider(c.page, '#oidc-start-line', providerUser({ email: verifiedHere.email, email_verified: false }));
  await c.page.locator('#oidc-result[data-error="OIDC_EMAIL_IN_USE"]').waitFor({ timeout: LIVE_MS });
  await c.page.locator('#oidc-back').click();
  await c.page.locator('#login-form').waitFor({ timeout: LIVE_MS });
  assert.equal(Number((await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM user_identities WHERE user_id IN (?, ?)', [unverifiedHere.id, verifiedHere.id]))[0]!.n), 0);
});

test('a signed-in user links a provider from the profile and unlinks it; the last way in cannot be unlinked', async () => {
  const account = await register(server);
  const { page } = await open();
  await page.locator('#login-identifier').fill(account.username);
  await page.locator('#login-password').fill(account.password);
  await page.locator('#login-submit').click();
  await connected(page);
  await page.locator('#nav-profile').click();
  await page.locator('#link-corp').click();
  await page.waitForURL((url) => url.href.startsWith(provider.issuer), { timeout: LIVE_MS });
  await page.locator('input[name="login"]').fill(providerUser({ email: 'someone-else@example.com' }));
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.href.startsWith(app), { timeout: LIVE_MS });
  await page.locator('#linked-accounts [data-provider="corp"]').waitFor({ timeout: LIVE_MS });
  assert.equal(new URL(page.url()).hash, '#/profile');
  await screenshot(page, 'oidc-linked');
  // It has a password, so the link can go.
  await page.locator('#unlink-corp').click();
  await page.locator('#link-corp').waitFor({ timeout: LIVE_MS });
  assert.equal(await page.locator('#linked-accounts [data-provider]').count(), 0);

  // An account made by a provider: its only link stays until another way in exists.
  const login = providerUser({ name: 'Only Link' });
  const other = await open();
  await other.page.locator('#oidc-start-line').waitFor({ timeout: LIVE_MS });
  await throughProvider(other.page, '#oidc-start-line', login);
  await connected(other.page);
  await other.page.locator('#nav-profile').click();
  await other.page.locator('#first-password-hint').waitFor({ timeout: LIVE_MS });
  await other.page.locator('#unlink-line').click();
  await other.page.locator('#linked-error:has-text("ช่องทางเดียว")').waitFor({ timeout: LIVE_MS });
  // Linking the second provider (the provider remembers the sign-in) makes the first removable.
  await throughProvider(other.page, '#link-corp', login);
  await other.page.locator('#linked-accounts [data-provider="corp"]').waitFor({ timeout: LIVE_MS });
  await other.page.locator('#unlink-line').click();
  await other.page.locator('#link-line').waitFor({ timeout: LIVE_MS });
  assert.deepEqual(await other.page.locator('#linked-accounts [data-provider]').evaluateAll((els) => els.map((e) => e.getAttribute('data-provider'))), ['corp']);
});
