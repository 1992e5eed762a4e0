// The recovery flows in the web client, in real headless Chromium against the real server, with messages delivered
// through a real SMTP server and an HTTP SMS gateway: the link is read from the delivered email and opened in the
// page, as its reader would.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.js';
import { type Person, closePerson, launchBrowser, openPerson, registerInBrowser, screenshot, storedSession } from './support/browser.js';
import { newUserInput } from './support/accounts.js';
import { eventually } from './support/eventually.js';
import { startTestServer, type TestServer } from './support/server.js';
import { startSmsGateway, type SmsGateway } from './support/sms.js';
import { lastMailTo, startSmtpServer, type TestSmtpServer } from './support/smtp.js';

const LIVE_MS = 15_000;
let server: TestServer;
let browser: Browser;
let smtp: TestSmtpServer;
let sms: SmsGateway;
const people: Person[] = [];

before(async () => {
  await buildWeb();
  smtp = await startSmtpServer();
  sms = await startSmsGateway();
  server = await startTestServer({ SMTP_URL: smtp.url, SMS_WEBHOOK_URL: sms.url, DEFAULT_LOCALE: 'en' });
  browser = await launchBrowser();
});
after(async () => {
  for (const person of people.splice(0)) await closePerson(person);
  await browser?.close();
  await server?.close();
  await smtp?.close();
  await sms?.close();
});

async function open(url: string): Promise<Person> {
  const person = await openPerson(browser, url);
  people.push(person);
  return person;
}

/** The message's link, on this test server (PUBLIC_URL names no port the test could know in advance). */
function linkIn(text: string, path: string): string {
  const link = new URL(new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]+`).exec(text)![0]);
  return `${server.url}${link.pathname}${link.search}`;
}

const register = (page: Page) => registerInBrowser(page, newUserInput(), LIVE_MS);

test('register, open the emailed link, and the profile shows the email verified; the phone by SMS code', async () => {
  const { page } = await open(`${server.url}/`);
  const input = await register(page);
  const mail = await lastMailTo(smtp, input.email);
  await page.goto(linkIn(mail.text ?? '', '/verify-email'));
  await page.locator('#verify-continue').waitFor({ timeout: LIVE_MS });
  assert.equal(new URL(page.url()).search, '', 'the token leaves the address bar');
  await screenshot(page, 'recovery-verified');
  await page.locator('#verify-continue').click();
  await page.locator('#nav-profile').click();
  await page.locator('#verification-email [data-verified="true"]').waitFor({ timeout: LIVE_MS });
  assert.equal(await page.locator('#verification-phone [data-verified]').getAttribute('data-verified'), 'false');

  const before = sms.received.length;
  await page.locator('#send-verification-sms').click();
  const phone = (await page.locator('#verification-phone').textContent())!.match(/\+\d+/)![0];
  const code = /^(\d{6})/.exec(await sms.lastTo(phone, { after: before }))![1]!;
  await page.locator('#phone-code').fill(code);
  await page.locator('#verify-phone-form-submit').click();
  await page.locator('#verification-phone [data-verified="true"]').waitFor({ timeout: LIVE_MS });
  await screenshot(page, 'recovery-profile');
});

test('forgot password by email: the link from the message sets a new password and signs in', async () => {
  const first = await open(`${server.url}/`);
  const input = await register(first.page);
  await lastMailTo(smtp, input.email);
  const count = smtp.messages.length;
  const { page } = await open(`${server.url}/#/login`);
  await page.locator('#link-forgot').click();
  await page.locator('#forgot-identifier').fill(input.email);
  await page.locator('#forgot-form-submit').click();
  await page.locator('#forgot-sent').waitFor({ timeout: LIVE_MS });
  const mail = await lastMailTo(smtp, input.email, { after: count });
  await page.goto(linkIn(mail.text ?? '', '/reset-password'));
  await page.locator('#reset-password').fill('a new web password');
  await page.locator('#reset-form-submit').click();
  await page.locator('#conn-status[data-state="connected"]').waitFor({ timeout: LIVE_MS });
  assert.ok(await storedSession(page));
  // The other tab's session was revoked by the reset.
  await first.page.locator('#login-form').waitFor({ timeout: LIVE_MS });
});

test('forgot password by phone: the SMS code entered in the page sets the password; sign-in by a code', async () => {
  const { page } = await open(`${server.url}/`);
  const input = await register(page);
  await page.locator('#logout').click();
  await page.locator('#link-forgot').click();
  const before = sms.received.length;
  await page.locator('#forgot-identifier').fill(input.phone);
  await page.locator('#forgot-form-submit').click();
  await page.locator('#reset-code').waitFor({ timeout: LIVE_MS });
  const text = await eventuallySms(before);
  await page.locator('#reset-code').fill(/^(\d{6})/.exec(text)![1]!);
  await page.locator('#reset-code-password').fill('reset in the browser');
  await page.locator('#reset-code-form-submit').click();
  await page.locator('#conn-status[data-state="connected"]').waitFor({ timeout: LIVE_MS });

  await page.locator('#logout').click();
  await page.locator('#link-code').click();
  const count = smtp.messages.length;
  await page.locator('#code-identifier').fill(input.username);
  await page.locator('#code-request-form-submit').click();
  await page.locator('#code-value').waitFor({ timeout: LIVE_MS });
  const mail = await lastMailTo(smtp, input.email, { after: count });
  await page.locator('#code-value').fill(/(\d{6})/.exec(mail.subject ?? '')![1]!);
  await page.locator('#code-form-submit').click();
  await page.locator('#conn-status[data-state="connected"]').waitFor({ timeout: LIVE_MS });
});

function eventuallySms(after: number): Promise<string> {
  return eventually(() => sms.received[after]?.body.text ?? false, { timeoutMs: LIVE_MS, what: 'an SMS' });
}
