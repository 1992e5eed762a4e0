// GraphiQL at GET /graphql in headless Chromium, with every request outside this server refused (as on a machine
// without internet): it loads, runs a query with an Authorization header from its headers tab, shows the docs, and
// runs a subscription over graphql-ws. No failed request, no console error, no CSP violation. Screenshots go to
// test/artifacts/web/graphiql-*.png.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, waitUntil } from './support/browser.js';
import { register, signInRootAdmin, type Account } from './support/accounts.js';
import { SendNotification } from './support/operations.js';
import { startTestServer, type TestServer } from './support/server.js';

const LIVE_MS = 20_000;

let server: TestServer;
let browser: Browser;
let page: Page;
let user: Account;
const problems: string[] = [];

before(async () => {
  server = await startTestServer();
  user = await register(server);
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Offline: anything not served by this server fails the test.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request outside the server: ${url}`);
    return route.abort();
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Replaces the text of one of GraphiQL's Monaco editors by typing, as a person would. */
async function typeInto(editor: string, text: string): Promise<void> {
  await page.locator(`${editor} .monaco-editor:visible`).first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Monaco closes brackets and quotes itself; typed closers overtype them, so the text ends up as written.
  await page.keyboard.type(text, { delay: 5 });
}

/** The result pane's text (Monaco draws spaces as no-break spaces). */
async function responseText(): Promise<string> {
  return (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
}

test('GraphiQL loads from this server alone, with a strict Content-Security-Policy', async () => {
  const response = await page.goto(`${server.url}/graphql`);
  assert.equal(response?.status(), 200);
  const csp = response!.headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'(;|$)/, 'no inline or remote scripts');
  await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: LIVE_MS });
  await screenshot(page, 'graphiql-loaded');
  assert.deepEqual(problems, []);
});

test('a query runs with the Authorization header from the headers tab', async () => {
  await page.getByRole('button', { name: 'Headers' }).click();
  await typeInto('.graphiql-editor-tool', `{"Authorization": "Bearer ${user.token}"}`);
  await typeInto('.graphiql-query-editor', '{ me { username } }');
  await page.locator('.graphiql-execute-button').click();
  await waitUntil(page, `document.querySelector('.graphiql-response')?.innerText.includes(${JSON.stringify(user.username)})`, LIVE_MS);
  await screenshot(page, 'graphiql-query');
  assert.match(await responseText(), new RegExp(`"username": "${user.username}"`));
  assert.deepEqual(problems, []);
});

test('the docs explorer shows the schema', async () => {
  await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
  const docs = page.locator('.graphiql-doc-explorer');
  await docs.waitFor({ timeout: LIVE_MS });
  await docs.getByText('Query', { exact: true }).first().click();
  await docs.getByText('me', { exact: true }).first().waitFor({ timeout: LIVE_MS });
  await screenshot(page, 'graphiql-docs');
  assert.deepEqual(problems, []);
});

test('a subscription runs over graphql-ws and shows what arrives', async () => {
  await typeInto('.graphiql-query-editor', 'subscription { notificationReceived { title message } }');
  await page.locator('.graphiql-execute-button').click();
  const admin = await signInRootAdmin(server);
  const title = `GraphiQL live ${Date.now()}`;
  // The subscription is live once the socket is open and the operation sent; until then, send again.
  const deadline = Date.now() + LIVE_MS;
  while (!(await responseText()).includes(title)) {
    assert.ok(Date.now() < deadline, `no notification in GraphiQL: ${await responseText()}`);
    const sent = await server.request(SendNotification, { input: { userId: user.id, title, message: 'ส่งถึงคุณ' } }, { token: admin.token });
    assert.equal(sent.errors, undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await screenshot(page, 'graphiql-subscription');
  assert.deepEqual(problems, []);
});
