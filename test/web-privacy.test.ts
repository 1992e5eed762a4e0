// The "Your data" screens in real headless Chromium against the real server: registering with the terms checkbox,
// downloading a copy of one's data, scheduling and cancelling the account's deletion, and the prompt shown when
// the terms change. Screenshots go to test/artifacts/web/ (privacy-*.png), in English and Thai.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.js';
import { type Person, closePerson, launchBrowser, openPerson, screenshot, submitRegistration } from './support/browser.js';
import { newUserInput } from './support/accounts.js';
import { startTestServer, type TestServer } from './support/server.js';

const LIVE_MS = 15_000;
let server: TestServer;
let browser: Browser;
const people: Person[] = [];

before(async () => {
  await buildWeb();
  server = await startTestServer({ TERMS_VERSION: '2026-11', PRIVACY_WORKER_POLL_MS: '100', DEFAULT_LOCALE: 'en' });
  browser = await launchBrowser();
});
after(async () => {
  for (const person of people.splice(0)) await closePerson(person);
  await browser?.close();
  await server?.close();
});

test('register with the terms, download my data, delete and cancel, and accept new terms', async () => {
  const person = await openPerson(browser, `${server.url}/`, { locale: 'en-US' });
  people.push(person);
  const { page } = person;
  const input = newUserInput();
  await submitRegistration(page, input);
  // Without the box ticked the server refuses, and the form says why.
  await page.locator('#register-error:not(:empty)').waitFor({ timeout: LIVE_MS });
  await page.locator('#register-terms').check();
  await page.locator('#register-submit').click();
  await page.locator('#conn-status[data-state="connected"]').waitFor({ timeout: LIVE_MS });

  await page.locator('#nav-profile').click();
  await page.locator('#privacy-card').scrollIntoViewIfNeeded();
  await page.locator('#export-data').click();
  const link = page.locator('#export-link');
  await link.waitFor({ timeout: LIVE_MS });
  const href = (await link.getAttribute('href'))!;
  const zip = await fetch(new URL(href, server.url));
  assert.equal(zip.status, 200);
  const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
  assert.equal((JSON.parse(strFromU8(files['profile.json']!)) as { username: string }).username, input.username);
  await screenshot(page, 'privacy-export-ready');

  await page.locator('#delete-password').fill(input.password);
  await page.locator('#delete-account').click();
  await page.locator('#deletion-scheduled').waitFor({ timeout: LIVE_MS });
  const first = (await page.locator('#deletion-scheduled').textContent())!;
  await page.locator('#privacy-card').scrollIntoViewIfNeeded();
  await screenshot(page, 'privacy-deletion-scheduled-1');
  await page.locator('#lang-switch').click();
  await page.locator('#privacy-card').scrollIntoViewIfNeeded();
  const second = (await page.locator('#deletion-scheduled').textContent())!;
  await screenshot(page, 'privacy-deletion-scheduled-2');
  // Whichever language the page started in, both are there: Thai and English.
  assert.match(`${first}\n${second}`, /will be deleted on/);
  assert.match(`${first}\n${second}`, /บัญชีของคุณจะถูกลบ/);
  await page.locator('#cancel-deletion').click();
  await page.locator('#deletion-notice').waitFor({ timeout: LIVE_MS });
  const [row] = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM account_deletions');
  assert.equal(Number(row!.n), 0);

  // The operator publishes new terms (here: the acceptance is gone); on the next load the prompt is all there is.
  await server.db.query('DELETE FROM consents');
  await page.reload();
  await page.locator('#terms-accept:not([disabled])').waitFor({ timeout: LIVE_MS });
  assert.match((await page.locator('#terms-body').textContent())!, /2026-11/);
  await screenshot(page, 'privacy-terms-prompt');
  await page.locator('#terms-accept').click();
  await page.locator('#terms-prompt').waitFor({ state: 'detached', timeout: LIVE_MS });
  const [consent] = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM consents');
  assert.equal(Number(consent!.n), 1);
});
