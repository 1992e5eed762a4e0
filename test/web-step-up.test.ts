// The reauthentication prompt in the web client, in real headless Chromium against the real server: a sensitive
// change (a new email or phone) on a session whose proof is older than REAUTH_MAX_AGE brings up a password prompt;
// the right password sends the change again, a wrong one is refused in the prompt, cancelling changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.js';
import { type Person, closePerson, launchBrowser, openPerson, registerInBrowser, screenshot, storedSession } from './support/browser.js';
import { newUserInput } from './support/accounts.js';
import { startTestServer, type TestServer } from './support/server.js';
import { provedAgo } from './support/step-up.js';

const LIVE_MS = 15_000;
let server: TestServer;
let browser: Browser;
const people: Person[] = [];

before(async () => {
  await buildWeb();
  server = await startTestServer({ DEFAULT_LOCALE: 'en', REAUTH_MAX_AGE: '600' });
  browser = await launchBrowser();
});
after(async () => {
  for (const person of people.splice(0)) await closePerson(person);
  await browser?.close();
  await server?.close();
});

async function register(page: Page) {
  const input = await registerInBrowser(page, newUserInput(), LIVE_MS);
  const stored = await storedSession(page);
  return { input, userId: Number(stored!.userId) };
}

async function ageProof(userId: number): Promise<void> {
  await provedAgo(server, userId, 3600);
}

async function pending(userId: number): Promise<{ pending_email: string | null; pending_phone: string | null }> {
  const [row] = await server.db.query<{ pending_email: string | null; pending_phone: string | null }[]>('SELECT pending_email, pending_phone FROM users WHERE id = ?', [userId]);
  return row!;
}

test('a new email after REAUTH_MAX_AGE asks for the password, refuses a wrong one, then saves the change', async () => {
  const person = await openPerson(browser, `${server.url}/`);
  people.push(person);
  const { page } = person;
  const { input, userId } = await register(page);
  await ageProof(userId);

  await page.locator('#nav-profile').click();
  const newEmail = `again-${input.email}`;
  await page.locator('#profile-email').fill(newEmail);
  await page.locator('#profile-form button[type="submit"]').click();
  const dialog = page.locator('#reauth-dialog');
  await dialog.waitFor({ timeout: LIVE_MS });
  assert.equal(await dialog.evaluate((el) => (el as HTMLDialogElement).open), true);
  assert.equal((await pending(userId)).pending_email, null, 'nothing saved before the password');

  await page.locator('#reauth-password').fill('not the password at all');
  await page.locator('#reauth-form button[type="submit"]').click();
  await page.locator('#reauth-password-error:not([hidden])').waitFor({ timeout: LIVE_MS });
  await screenshot(page, 'step-up-prompt-wrong-password');
  assert.equal((await pending(userId)).pending_email, null);

  await page.locator('#reauth-password').fill(input.password);
  await page.locator('#reauth-form button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached', timeout: LIVE_MS });
  await page.locator('#profile-notice').filter({ hasText: /Saved|บันทึกแล้ว/ }).waitFor({ timeout: LIVE_MS });
  assert.equal((await pending(userId)).pending_email, newEmail);
  await screenshot(page, 'step-up-saved');
  const [history] = await server.db.query<{ reasons: string }[]>("SELECT GROUP_CONCAT(reason ORDER BY id) AS reasons FROM login_history WHERE user_id = ? AND reason LIKE 'REAUTH%'", [userId]);
  assert.equal(history!.reasons, 'REAUTH_WRONG_PASSWORD,REAUTHENTICATED');
});

test('cancelling the prompt leaves the change unsaved and says why', async () => {
  const person = await openPerson(browser, `${server.url}/`);
  people.push(person);
  const { page } = person;
  const { userId } = await register(page);
  await ageProof(userId);
  await page.locator('#nav-profile').click();
  await page.locator('#profile-phone').fill('089-777-0123');
  await page.locator('#profile-form button[type="submit"]').click();
  await page.locator('#reauth-dialog').waitFor({ timeout: LIVE_MS });
  await page.locator('#reauth-cancel').click();
  await page.locator('#reauth-dialog').waitFor({ state: 'detached', timeout: LIVE_MS });
  await page.locator('#profile-form .form-error:not([hidden])').waitFor({ timeout: LIVE_MS });
  const shown = await page.locator('#profile-form .form-error').textContent();
  assert.ok(/password again|รหัสผ่านอีกครั้ง/.test(shown ?? ''), shown ?? '');
  assert.equal((await pending(userId)).pending_phone, null);
});
