// A passkey as the second factor and the step-up proof in the web client, in real headless Chromium with a virtual
// authenticator (Chrome DevTools Protocol WebAuthn domain) against the real server: add a passkey, sign out, sign in
// with the password, answer the second step with "Use a passkey"; then remove the passkey after REAUTH_MAX_AGE,
// confirming in the reauthentication prompt with the passkey instead of the password.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.js';
import { newUserInput } from './support/accounts.js';
import { closePerson, launchBrowser, openPerson, registerInBrowser, screenshot, storedSession, type Person } from './support/browser.js';
import { startTestServer, type TestServer } from './support/server.js';
import { provedAgo } from './support/step-up.js';

const LIVE_MS = 15_000;
let server: TestServer;
let browser: Browser;
/** http://localhost:<port>: WebAuthn needs a secure context and a domain for its RP ID (127.0.0.1 is no domain). */
let origin: string;
const people: Person[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

before(async () => {
  await buildWeb();
  const port = await freePort();
  origin = `http://localhost:${port}`;
  server = await startTestServer({ PORT: String(port), PUBLIC_URL: origin, DEFAULT_LOCALE: 'en' });
  browser = await launchBrowser();
});
after(async () => {
  for (const person of people.splice(0)) await closePerson(person);
  await browser?.close();
  await server?.close();
});

async function openWithAuthenticator(url: string): Promise<Person & { cdp: CDPSession; authenticatorId: string }> {
  const person = await openPerson(browser, url);
  people.push(person);
  await person.page.evaluate(`localStorage.setItem('membership.lang', 'en')`);
  await person.page.reload();
  const cdp = await person.context.newCDPSession(person.page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { ...person, cdp, authenticatorId };
}

async function register(page: Page) {
  const input = await registerInBrowser(page, newUserInput(), LIVE_MS);
  return { input, userId: Number((await storedSession(page))!.userId) };
}

test('the second step answered with a passkey, and the reauthentication prompt confirmed with one', async () => {
  const { page, cdp, authenticatorId } = await openWithAuthenticator(`${origin}/`);
  const { input, userId } = await register(page);
  await page.locator('#nav-profile').click();
  await page.locator('#passkeys-empty').waitFor({ timeout: LIVE_MS });
  await page.locator('#passkey-add').click();
  await page.locator('#passkeys-notice', { hasText: 'Passkey added.' }).waitFor({ timeout: LIVE_MS });

  // The password alone no longer signs in: the second step offers the passkey and nothing to type.
  await page.locator('#logout').click();
  await page.locator('#login-form').waitFor({ timeout: LIVE_MS });
  await page.locator('#login-identifier').fill(input.username);
  await page.locator('#login-password').fill(input.password);
  await page.locator('#login-submit').click();
  await page.locator('#mfa-step').waitFor({ timeout: LIVE_MS });
  assert.equal(await storedSession(page), null, 'no session before the second step');
  assert.equal(await page.locator('#mfa-code, #mfa-backup-code').count(), 0);
  await screenshot(page, 'mfa-passkey-step');
  const before = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]!.signCount;
  await page.locator('#mfa-passkey').click();
  await page.locator('#conn-status[data-state="connected"]').waitFor({ timeout: LIVE_MS });
  assert.equal(Number((await storedSession(page))!.userId), userId);
  assert.ok((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]!.signCount > before, 'the authenticator signed');
  const [history] = await server.db.query<{ reasons: string }[]>("SELECT GROUP_CONCAT(reason ORDER BY id) AS reasons FROM login_history WHERE user_id = ? AND reason LIKE 'MFA%'", [userId]);
  assert.equal(history!.reasons, 'MFA_CHALLENGE');

  // Removing the passkey after REAUTH_MAX_AGE: the prompt offers the passkey, which confirms it is the user.
  await provedAgo(server, userId, 2 * 86400);
  await page.locator('#nav-profile').click();
  const item = page.locator('#passkey-list li.passkey');
  await item.locator('.passkey-remove').click();
  await item.locator('.passkey-remove', { hasText: 'Remove for good' }).click();
  const dialog = page.locator('#reauth-dialog');
  await dialog.waitFor({ timeout: LIVE_MS });
  await page.locator('#reauth-passkey').click();
  await dialog.waitFor({ state: 'detached', timeout: LIVE_MS });
  await page.locator('#passkeys-empty').waitFor({ timeout: LIVE_MS });
  const [rows] = await server.db.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM login_history WHERE user_id = ? AND reason = 'PASSKEY_REAUTHENTICATED' AND success = 1", [userId]);
  assert.equal(Number(rows!.n), 1);
});
