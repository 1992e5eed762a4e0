// Two-factor authentication in the web client, in real headless Chromium against the real server: set up an
// authenticator from the QR code on the profile (the code computed here from the secret the page shows, as an app
// would), keep the backup codes, sign out, and sign in again in two steps: with a TOTP code, then with a backup code.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.js';
import { type Person, closePerson, launchBrowser, openPerson, screenshot, submitRegistration } from './support/browser.js';
import { newUserInput, register, ROOT_ADMIN } from './support/accounts.js';
import { authenticator, codeAt, enrollTotp, freshStep } from './support/mfa.js';
import { MfaState } from './support/operations.js';
import { startTestServer, type TestServer } from './support/server.js';

const LIVE_MS = 15_000;
let server: TestServer;
let browser: Browser;
const people: Person[] = [];

before(async () => {
  await buildWeb();
  server = await startTestServer({ DEFAULT_LOCALE: 'en' });
  browser = await launchBrowser();
});
after(async () => {
  for (const person of people.splice(0)) await closePerson(person);
  await browser?.close();
  await server?.close();
});

const connected = (page: Page) => page.locator('#conn-status[data-state="connected"]').waitFor({ timeout: LIVE_MS });

async function signIn(page: Page, identifier: string, password: string) {
  await page.locator('#login-identifier').fill(identifier);
  await page.locator('#login-password').fill(password);
  await page.locator('#login-submit').click();
}

test('enroll with the QR code, keep the backup codes, sign out, sign in with a TOTP code and then a backup code', async () => {
  await freshStep();
  const person = await openPerson(browser, `${server.url}/`);
  people.push(person);
  const { page } = person;
  const input = newUserInput();
  await submitRegistration(page, input);
  await connected(page);

  await page.locator('#nav-profile').click();
  await page.locator('#mfa-status[data-enabled="false"]').waitFor({ timeout: LIVE_MS });
  await page.locator('#mfa-start').click();
  const qr = page.locator('#mfa-qr');
  await qr.waitFor({ timeout: LIVE_MS });
  // The QR code is drawn, at its size, not a broken image.
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('#mfa-qr');
    return img !== null && img.complete && img.naturalWidth > 0;
  }, undefined, { timeout: LIVE_MS });
  const box = await qr.boundingBox();
  assert.ok(box && box.width >= 150 && box.height >= 150, `QR code size ${JSON.stringify(box)}`);
  await qr.scrollIntoViewIfNeeded();
  await page.locator('#mfa').screenshot({ path: '/tmp/mfa-qr.png' });
  await screenshot(page, 'mfa-enrollment');
  const secret = (await page.locator('#mfa-secret').textContent())!.trim();
  const totp = authenticator(secret);

  await page.locator('#mfa-confirm-code').fill(codeAt(totp, -1));
  await page.locator('#mfa-confirm-submit').click();
  await page.locator('#mfa-backup-codes li').first().waitFor({ timeout: LIVE_MS });
  const backupCodes = await page.locator('#mfa-backup-codes li').allTextContents();
  assert.equal(backupCodes.length, 10);
  await page.locator('#mfa-codes-done').click();
  await page.locator('#mfa-status[data-enabled="true"]').waitFor({ timeout: LIVE_MS });

  // Sign out; signing in asks for the second step, and a wrong code says so.
  await page.locator('#logout').click();
  await signIn(page, input.username, input.password);
  await page.locator('#mfa-code').waitFor({ timeout: LIVE_MS });
  await page.locator('#mfa-code').fill('000000' === codeAt(totp) ? '111111' : '000000');
  await page.locator('#mfa-submit').click();
  await page.locator('#mfa-code-error:not(:empty), #mfa-error:not(:empty)').first().waitFor({ timeout: LIVE_MS });
  await page.locator('#mfa-code').fill(codeAt(totp));
  await page.locator('#mfa-submit').click();
  await connected(page);

  // Again, with a backup code this time.
  await page.locator('#logout').click();
  await signIn(page, input.email, input.password);
  await page.locator('#mfa-switch').click();
  await page.locator('#mfa-backup-code').fill(backupCodes[0]!);
  await page.locator('#mfa-submit').click();
  await connected(page);
  assert.deepEqual(person.errors, []);
});


test("an Admin sees a user's second factors in the user detail and resets them with a reason", async () => {
  const member = await register(server);
  await enrollTotp(server, member.token);
  const person = await openPerson(browser, `${server.url}/`);
  people.push(person);
  const { page } = person;
  await signIn(page, ROOT_ADMIN.username, ROOT_ADMIN.password);
  await connected(page);

  await page.goto(`${server.url}/#/admin`);
  await page.locator(`#admin-users li[data-username="${member.username}"] button[data-action=manage]`).click();
  const methods = page.locator('#detail-mfa-methods');
  await methods.locator('li[data-method="TOTP"]').waitFor({ timeout: LIVE_MS });
  assert.deepEqual(await methods.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-method'))), ['TOTP', 'BACKUP_CODE']);
  await methods.scrollIntoViewIfNeeded();
  await screenshot(page, 'mfa-admin-factors');
  // A reason is required: the reset is refused in the page without one.
  await page.locator('#mfa-reset').click();
  await page.locator('#mfa-reset-reason[aria-invalid="true"]').waitFor({ timeout: LIVE_MS });
  await page.locator('#mfa-reset-reason').fill('Lost phone and backup codes, identity checked on a call');
  await page.locator('#mfa-reset').click();
  // (The seeded admin's page is in Thai.)
  await page.locator('#mfa-reset-notice', { hasText: /Second factors removed|ลบวิธียืนยันตัวตนขั้นที่สองแล้ว/ }).waitFor({ timeout: LIVE_MS });
  await methods.locator('li', { hasText: /None|ไม่มี/ }).waitFor();
  assert.equal(await methods.locator('li[data-method]').count(), 0);
  assert.equal(await page.locator('#mfa-reset-form').isHidden(), true, 'nothing left to reset');
  await screenshot(page, 'mfa-admin-reset');

  const status = await server.request(MfaState, {}, { token: member.token });
  assert.equal(status.errors, undefined, JSON.stringify(status.errors));
  assert.deepEqual(status.data!.me.mfaMethods, []);
});
