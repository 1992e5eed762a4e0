// Headless Chromium for the web client's tests: Debian's /usr/bin/chromium (scripts/ensure-chromium.sh installs it;
// nothing is ever downloaded) driven by playwright-core, one browser context per person.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { newUserInput, type NewUserInput } from './accounts.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/web/', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and unhandled rejections in the page. */
  errors: Error[];
}

/** A new browser profile (own storage, own cookies) with one tab open at `url`. */
export async function openPerson(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, ...options });
  const errors: Error[] = [];
  const page = await context.newPage();
  watch(page, errors);
  await page.goto(url);
  return { context, page, errors };
}

export function watch(page: Page, errors: Error[]): void {
  page.on('pageerror', (error) => errors.push(error));
  if (process.env.WEB_TEST_CONSOLE) page.on('console', (message) => console.log(`[browser ${message.type()}] ${message.text()}`));
}

export async function closePerson(person: Person | undefined): Promise<void> {
  if (!person) return;
  await person.context.close();
  assert.deepEqual(person.errors.map(String), [], 'no uncaught errors in the page');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/**
 * Waits until an expression is truthy in the page. (page.waitForFunction evaluates strings with eval, which the
 * client's Content-Security-Policy rightly forbids; plain evaluation over the DevTools protocol is not affected.)
 */
export async function waitUntil(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(expression)) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${expression}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The sign-in the web client keeps in IndexedDB (web/src/token-store.ts), or null. */
export function storedSession(page: Page): Promise<{ userId: string; token: string; refreshToken: string } | null> {
  return evaluate(
    page,
    `new Promise((resolve, reject) => {
      const opened = indexedDB.open('membership', 1);
      opened.onupgradeneeded = () => opened.result.createObjectStore('session');
      opened.onerror = () => reject(opened.error);
      opened.onsuccess = () => {
        const db = opened.result;
        const request = db.transaction('session', 'readonly').objectStore('session').get('current');
        request.onsuccess = () => { resolve(request.result ?? null); db.close(); };
        request.onerror = () => reject(request.error);
      };
    })`,
  );
}

/** Reads a value from the page; the expression is a string so the Node-side type check needs no DOM types. */
export function evaluate<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/** Fills in the web client's registration form with `input` and sends it. */
export async function submitRegistration(page: Page, input: NewUserInput): Promise<void> {
  await page.locator('#tab-register').click();
  await page.locator('#register-username').fill(input.username);
  await page.locator('#register-email').fill(input.email);
  await page.locator('#register-phone').fill(input.phone);
  await page.locator('#register-password').fill(input.password);
  await page.locator('#register-submit').click();
}

/** Registers a new account through the web client and waits until its live connection is up. */
export async function registerInBrowser(page: Page, input: NewUserInput = newUserInput(), timeoutMs = 15_000): Promise<NewUserInput> {
  await submitRegistration(page, input);
  await page.locator('#conn-status[data-state="connected"]').waitFor({ timeout: timeoutMs });
  return input;
}
