// The Activity tab and impersonation in the web client, in real headless Chromium against the real server: an
// Admin filters the audit trail, acts as a member (the banner says so on every screen), stops, and is back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.js';
import { ROOT_ADMIN, register, signInRootAdmin, type Account } from './support/accounts.js';
import { gq, ok } from './support/audit.js';
import { closePerson, launchBrowser, openPerson, screenshot, type Person } from './support/browser.js';
import { startTestServer, type TestServer } from './support/server.js';

const LIVE_MS = 15_000;
let server: TestServer;
let browser: Browser;
let member: Account;
const people: Person[] = [];

before(async () => {
  await buildWeb();
  server = await startTestServer({ DEFAULT_LOCALE: 'en' });
  browser = await launchBrowser();
  member = await register(server);
  const admin = await signInRootAdmin(server);
  ok(await gq(server, 'mutation ($input: SetUserStatusInput!) { setUserStatus(input: $input) { revokedSessions } }', { input: { userId: member.id, active: false, reason: 'spam wave' } }, admin.token));
  ok(await gq(server, 'mutation ($input: SetUserStatusInput!) { setUserStatus(input: $input) { revokedSessions } }', { input: { userId: member.id, active: true, reason: 'appeal accepted' } }, admin.token));
});
after(async () => {
  for (const person of people.splice(0)) await closePerson(person);
  await browser?.close();
  await server?.close();
});

test('an Admin filters the Activity tab, acts as a member behind a banner, and stops', async () => {
  const person = await openPerson(browser, `${server.url}/`);
  people.push(person);
  const { page } = person;
  await page.locator('#login-identifier').fill(ROOT_ADMIN.username);
  await page.locator('#login-password').fill(ROOT_ADMIN.password);
  await page.locator('#login-submit').click();
  await page.locator('#conn-status[data-state="connected"]').waitFor({ timeout: LIVE_MS });

  // The Activity tab, in Thai first (the default language), then in English.
  await page.goto(`${server.url}/#/admin/activity`);
  await page.locator('#activity-list li[data-action="USER_ENABLED"]').waitFor({ timeout: LIVE_MS });
  await page.locator('#lang-switch').click();
  await page.locator('#admin-tab-activity', { hasText: /Activity|กิจกรรม/ }).waitFor();
  const thai = (await page.locator('#admin-tab-activity').textContent()) === 'กิจกรรม';
  if (!thai) await page.locator('#lang-switch').click();
  await page.locator('#admin-tab-activity', { hasText: 'กิจกรรม' }).waitFor();
  await screenshot(page, 'audit-activity-th');
  await page.locator('#lang-switch').click();
  await page.locator('#admin-tab-activity', { hasText: 'Activity' }).waitFor();

  await page.locator('#activity-target').fill(member.id);
  await page.locator('#activity-action').selectOption('USER_DISABLED');
  await page.locator('#activity-form button[type=submit]').click();
  await page.locator('#activity-list li[data-action="USER_DISABLED"]', { hasText: 'spam wave' }).waitFor();
  await page.locator('#activity-list li[data-action="USER_ENABLED"]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#activity-list li').count(), 1);
  await screenshot(page, 'audit-activity-filtered');

  // The CSV button downloads the same rows.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#activity-csv').click()]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(path, 'utf8');
  assert.match(csv, /"USER_DISABLED"/);
  assert.doesNotMatch(csv, /"USER_ENABLED"/);

  // Act as the member from the user's detail.
  await page.goto(`${server.url}/#/admin`);
  const row = page.locator(`#admin-users li[data-username="${member.username}"]`);
  await row.locator('button[data-action=manage]').click();
  await page.locator('#impersonate-reason').fill('Ticket 7: sees no messages');
  await page.locator('#impersonate-start').click();
  const banner = page.locator('#impersonation-banner:not([hidden])');
  await banner.waitFor({ timeout: LIVE_MS });
  assert.match((await banner.textContent()) ?? '', new RegExp(`You \\(root_admin\\) are acting as ${member.username}`));
  await page.locator('#whoami', { hasText: member.username }).waitFor();
  assert.equal(await page.locator('#nav-admin').count(), 0, 'the member has no admin area');
  await page.locator('#nav-profile').click();
  await banner.waitFor();
  await screenshot(page, 'audit-impersonation-banner');

  await page.locator('#impersonation-stop').click();
  await page.locator('#whoami', { hasText: ROOT_ADMIN.username }).waitFor({ timeout: LIVE_MS });
  await page.locator('#impersonation-banner[hidden]').waitFor({ state: 'attached' });
  await page.locator('#nav-admin').waitFor();

  const [started] = await server.db.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM audit_events WHERE action IN ('IMPERSONATION_STARTED', 'IMPERSONATION_STOPPED') AND target_user_id = ?", [member.id]);
  assert.equal(Number(started!.n), 2);
});
