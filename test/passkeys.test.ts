// Passkeys in the web client, in real headless Chromium with a virtual authenticator (Chrome DevTools Protocol
// WebAuthn domain: CTAP2, resident keys, user verification) against the real server: add a passkey while signed
// in, sign out, sign in with no username; rename and remove it; a browser without the passkey fails cleanly.
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.js';
import { newUserInput } from './support/accounts.js';
import { type Person, closePerson, launchBrowser, openPerson, registerInBrowser, screenshot, storedSession } from './support/browser.js';
import { startTestServer, type TestServer } from './support/server.js';

const LIVE_MS = 15_000;
let server: TestServer;
let browser: Browser;
/** http://localhost:<port>: WebAuthn needs a secure context and a domain for its RP ID (127.0.0.1 is no domain). */
let origin: string;
const people: Person[] = [];

/** A port free now, so PUBLIC_URL (the RP ID and origin the server expects) can name it before the server starts. */
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

/** A browser profile with a platform authenticator that holds resident keys and always verifies its user. */
async function openWithAuthenticator(url: string, lang: 'en' | 'th' = 'en'): Promise<Person & { cdp: CDPSession; authenticatorId: string }> {
  const person = await openPerson(browser, url);
  people.push(person);
  // The client speaks Thai unless told otherwise (web/src/i18n.ts keeps the choice in localStorage).
  await person.page.evaluate(`localStorage.setItem('membership.lang', '${lang}')`);
  await person.page.reload();
  const cdp = await person.context.newCDPSession(person.page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { ...person, cdp, authenticatorId };
}

const register = (page: Page) => registerInBrowser(page, newUserInput(), LIVE_MS);

const passkeyItems = (page: Page) => page.locator('#passkey-list li.passkey');

test('add a passkey while signed in, sign out, and sign in with it alone; rename it; remove it', async () => {
  const person = await openWithAuthenticator(`${origin}/`);
  const { page, cdp, authenticatorId } = person;
  await register(page);
  const signedUp = (await storedSession(page))!;

  await page.locator('#nav-profile').click();
  await page.locator('#passkeys-empty').waitFor({ timeout: LIVE_MS });
  await page.locator('#passkey-name').fill('Work laptop');
  await page.locator('#passkey-add').click();
  await page.locator('#passkeys-notice', { hasText: 'Passkey added.' }).waitFor({ timeout: LIVE_MS });
  assert.equal(await passkeyItems(page).count(), 1);
  assert.equal(await passkeyItems(page).locator('.passkey-name').textContent(), 'Work laptop');
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.equal(credentials.length, 1);
  assert.ok(credentials[0]!.isResidentCredential, 'a discoverable credential, so no username is needed to sign in');
  assert.equal(credentials[0]!.rpId, 'localhost');

  // Adding a second one on the same authenticator: the browser refuses (excludeCredentials), the page says why.
  await page.locator('#passkey-add').click();
  await page.locator('#passkey-add-error', { hasText: 'already holds a passkey' }).waitFor({ timeout: LIVE_MS });
  assert.equal(await passkeyItems(page).count(), 1);

  await page.locator('#logout').click();
  await page.locator('#login-form').waitFor({ timeout: LIVE_MS });
  await page.locator('#passkey-signin').click();
  await page.locator('#conn-status[data-state="connected"]').waitFor({ timeout: LIVE_MS });
  const viaPasskey = (await storedSession(page))!;
  assert.equal(viaPasskey.userId, signedUp.userId, 'signed in as the same user, without typing who');
  assert.notEqual(viaPasskey.refreshToken, signedUp.refreshToken);
  const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.ok(after.credentials[0]!.signCount >= 1, 'the authenticator counted the use');

  await page.locator('#nav-profile').click();
  await passkeyItems(page).locator('text=/last used/').waitFor({ timeout: LIVE_MS });
  await passkeyItems(page).locator('.passkey-rename').click();
  const renameBox = passkeyItems(page).locator('input[id^="passkey-rename-"]');
  await renameBox.fill('Phone');
  await renameBox.press('Enter');
  await page.locator('#passkeys-notice', { hasText: 'Passkey renamed.' }).waitFor({ timeout: LIVE_MS });
  assert.equal(await passkeyItems(page).locator('.passkey-name').textContent(), 'Phone');
  await page.locator('#passkeys').screenshot({ path: '/tmp/passkeys.png' });
  await screenshot(page, 'passkeys-profile');

  // Removing takes a second click on a button that says what it does.
  await passkeyItems(page).locator('.passkey-remove').click();
  await passkeyItems(page).locator('.passkey-remove', { hasText: 'Remove for good' }).click();
  await page.locator('#passkeys-empty').waitFor({ timeout: LIVE_MS });

  // The authenticator still holds the key, but it signs nobody in any more.
  await page.locator('#logout').click();
  await page.locator('#passkey-signin').click();
  await page.locator('#passkey-signin-error', { hasText: 'not registered here' }).waitFor({ timeout: LIVE_MS });
  assert.equal(await storedSession(page), null);
  await page.locator('#login-form').waitFor();
});

test('a browser whose authenticator holds no passkey registered here fails cleanly and stays on the sign-in form', async () => {
  const { page, cdp, authenticatorId } = await openWithAuthenticator(`${origin}/#/login`);
  // A passkey for this site the server never saw (made elsewhere, or removed since): with none at all, headless
  // Chromium would wait out the ceremony's whole timeout for a person to pick one.
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  await cdp.send('WebAuthn.addCredential', {
    authenticatorId,
    credential: {
      credentialId: randomBytes(16).toString('base64'),
      isResidentCredential: true,
      rpId: 'localhost',
      privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      userHandle: randomBytes(32).toString('base64'),
      signCount: 0,
    },
  });
  await page.locator('#passkey-signin').click();
  await page.locator('#passkey-signin-error', { hasText: 'not registered here' }).waitFor({ timeout: LIVE_MS });
  assert.equal(await storedSession(page), null);
  assert.ok(await page.locator('#passkey-signin').isEnabled(), 'the button can be tried again');
  await screenshot(page, 'passkeys-signin-failed');
});

test('the passkey parts speak Thai', async () => {
  const { page } = await openWithAuthenticator(`${origin}/#/login`, 'th');
  await page.locator('#passkey-signin', { hasText: 'เข้าสู่ระบบด้วยพาสคีย์' }).waitFor({ timeout: LIVE_MS });
  await register(page);
  await page.locator('#nav-profile').click();
  await page.locator('#passkeys h2', { hasText: 'พาสคีย์' }).waitFor({ timeout: LIVE_MS });
  await page.locator('#passkey-add').click();
  await page.locator('#passkeys-notice', { hasText: 'เพิ่มพาสคีย์แล้ว' }).waitFor({ timeout: LIVE_MS });
  await page.locator('#passkeys').screenshot({ path: '/tmp/passkeys-th.png' });
});
