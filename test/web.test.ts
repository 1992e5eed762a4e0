// The web client in real headless Chromium against the real server: people register and sign in, see each other
// online, chat, get notifications live, upload avatars; admins manage users; the page survives a network drop and
// shares one sign-in between tabs. Screenshots go to test/artifacts/web/.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.js';
import { type Person, closePerson, evaluate, launchBrowser, openPerson, screenshot, storedSession, submitRegistration, waitUntil, watch } from './support/browser.js';
import { image } from './support/images.js';
import { Login, SendMessage, SendNotification } from './support/operations.js';
import { startTestServer, type TestServer } from './support/server.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { accountWithRole, newUserInput, registerUser, signInRootAdmin, type NewUserInput } from './support/accounts.js';

/** Generous: two CPU cores are shared with the rest of the suite and a browser. */
const LIVE_MS = 15_000;

let server: TestServer;
let browser: Browser;
let uploadDir: string;
const people: Person[] = [];

before(async () => {
  await buildWeb();
  uploadDir = await mkdtemp(join(tmpdir(), 'web-test-'));
  server = await startTestServer({ UPLOAD_DIR: uploadDir });
  browser = await launchBrowser();
});
after(async () => {
  for (const person of people.splice(0)) await person.context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
});

async function open(url = `${server.url}/`, options: Parameters<typeof openPerson>[2] = {}): Promise<Person> {
  const person = await openPerson(browser, url, options);
  people.push(person);
  return person;
}

async function close(...persons: Person[]): Promise<void> {
  for (const person of persons) {
    people.splice(people.indexOf(person), 1);
    await closePerson(person);
  }
}

let thaiCounter = 0;
/** A registration with a Thai username (letters of any script are allowed). */
function thaiUser(): NewUserInput {
  thaiCounter += 1;
  return newUserInput({ username: `สมชาย${process.pid % 1000}${thaiCounter}` });
}

async function registerInPage(page: Page, input: NewUserInput): Promise<string> {
  await submitRegistration(page, input);
  await connected(page);
  return userIdIn(page);
}

async function signInPage(page: Page, identifier: string, password: string): Promise<void> {
  await page.locator('#login-identifier').fill(identifier);
  await page.locator('#login-password').fill(password);
  await page.locator('#login-submit').click();
}

async function connected(page: Page): Promise<void> {
  await page.locator('#conn-status[data-state="connected"]').waitFor({ timeout: LIVE_MS });
}

async function userIdIn(page: Page): Promise<string> {
  const session = await storedSession(page);
  assert.ok(session, 'signed in');
  return session.userId;
}

function conv(page: Page, userId: string) {
  return page.locator(`#conv-list a[data-user-id="${userId}"]`);
}

function messageText(page: Page, text: string) {
  return page.locator('#message-list li .content', { hasText: text });
}

async function sendInPage(page: Page, text: string): Promise<void> {
  await page.locator('#message-input').fill(text);
  await page.locator('#message-input').press('Enter');
  await messageText(page, text).waitFor({ timeout: LIVE_MS });
}

describe('language', () => {
  test('Thai by default, rendered in a Thai font; the switch is remembered across reloads', async () => {
    const visitor = await open();
    const { page } = visitor;
    assert.equal(await page.locator('html').getAttribute('lang'), 'th');
    assert.equal(await page.locator('#auth-title').textContent(), 'ยินดีต้อนรับ');
    assert.equal(await page.title(), 'สมาชิก');

    // The fonts Chromium really drew the heading with: a Thai face, so no empty boxes.
    const cdp = await visitor.context.newCDPSession(page);
    const { root } = (await cdp.send('DOM.getDocument')) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#auth-title' })) as { nodeId: number };
    await cdp.send('CSS.enable');
    const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: { familyName: string; glyphCount: number }[] };
    assert.ok(
      fonts.some((f) => /Loma|Garuda|Waree|Umpush|Kinnari|Norasi|Sawasdee|Tlwg|Noto Sans Thai|Sarabun|Leelawadee|Thonburi/i.test(f.familyName)),
      `a Thai font: ${JSON.stringify(fonts)}`,
    );
    await screenshot(page, 'language-thai-default');

    await page.locator('#lang-switch').click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.locator('#auth-title').textContent(), 'Welcome');
    assert.equal(await page.locator('#login-submit').textContent(), 'Sign in');
    await page.reload();
    await page.locator('#auth-title', { hasText: 'Welcome' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await screenshot(page, 'language-english-after-reload');

    // Signed in, the whole frame follows the switch, and what was typed stays.
    await registerInPage(page, newUserInput());
    assert.equal(await page.locator('#nav-chat').textContent(), 'Chat');
    await page.locator('#message-input').fill('half-written');
    await page.locator('#lang-switch').click();
    assert.equal(await page.locator('#nav-chat').textContent(), 'แชท');
    assert.equal(await page.locator('#message-input').inputValue(), 'half-written');
    await page.reload();
    await connected(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'th');
    assert.equal(await page.locator('#nav-profile').textContent(), 'โปรไฟล์');
    await close(visitor);
  });
});

describe('forms', () => {
  test("the API's errors appear next to the field they concern", async () => {
    const taken = await registerUser(server);
    const visitor = await open();
    const { page } = visitor;
    const input = newUserInput({ email: taken.input.email });
    await submitRegistration(page, input);

    // CONFLICT on email: under the email box, in Thai, the box marked invalid and focused; nothing else flagged.
    await page.locator('#register-email-error', { hasText: 'อีเมลนี้ลงทะเบียนไว้แล้ว' }).waitFor();
    assert.equal(await page.locator('#register-email').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#register-email-error').getAttribute('id'), (await page.locator('#register-email').getAttribute('aria-describedby'))?.split(' ').at(-1));
    assert.equal(await evaluate<string>(page, 'document.activeElement.id'), 'register-email');
    assert.equal(await page.locator('#register-username-error').isHidden(), true);
    await screenshot(page, 'forms-duplicate-email');

    // Several bad fields at once (extensions.fieldErrors): each under its own box; in English the server's words.
    await page.locator('#lang-switch').click();
    await page.locator('#register-username').fill('1-not-a-name');
    await page.locator('#register-email').fill(newUserInput().email);
    await page.locator('#register-phone').fill('12');
    await page.locator('#register-submit').click();
    await page.locator('#register-username-error:visible').waitFor();
    await page.locator('#register-phone-error:visible').waitFor();
    assert.equal(await page.locator('#register-email-error').isHidden(), true, 'the fixed email is no longer flagged');
    assert.match((await page.locator('#register-phone-error').textContent()) ?? '', /phone/i);
    await screenshot(page, 'forms-several-fields-english');

    // A wrong password: under the password, for the form as a whole.
    await page.locator('#tab-login').click();
    await signInPage(page, taken.input.username, 'wrong password!');
    await page.locator('#login-error', { hasText: 'Wrong username, email, phone or password.' }).waitFor();
    // Empty boxes are flagged before anything is sent.
    await page.locator('#login-identifier').fill('');
    await page.locator('#login-submit').click();
    await page.locator('#login-identifier-error', { hasText: 'Required.' }).waitFor();
    await close(visitor);
  });
});

describe('two people', () => {
  test('register, see each other online, exchange a direct message, get a notification live; disabled, one is sent back to sign-in', async () => {
    const alice = await open();
    const bob = await open();
    const admin = await open();
    const aliceInput = thaiUser();
    const bobInput = newUserInput();

    const aliceId = await registerInPage(alice.page, aliceInput);
    const bobId = await registerInPage(bob.page, bobInput);

    // Bob signs out and back in with his phone number, written the international way.
    await bob.page.locator('#logout').click();
    await bob.page.locator('#auth-notice', { hasText: 'คุณออกจากระบบแล้ว' }).waitFor();
    await signInPage(bob.page, `+66${bobInput.phone.replace(/\D/g, '').slice(1)}`, bobInput.password);
    await connected(bob.page);
    assert.equal(await userIdIn(bob.page), bobId);

    // Each sees the other online.
    await conv(alice.page, bobId).locator('.dot[data-status="ONLINE"]').waitFor({ timeout: LIVE_MS });
    await conv(bob.page, aliceId).locator('.dot[data-status="ONLINE"]').waitFor({ timeout: LIVE_MS });
    await screenshot(alice.page, 'people-alice-sees-bob-online');

    // Alice writes to Bob directly.
    await conv(alice.page, bobId).click();
    await alice.page.locator('#conv-title', { hasText: bobInput.username }).waitFor();
    await sendInPage(alice.page, 'สวัสดีครับ Bob 👋 ยินดีที่ได้รู้จัก');
    // Bob is in the room: a toast and an unread count on Alice's conversation, then the message when he opens it.
    await bob.page.locator('#toasts .toast', { hasText: aliceInput.username }).waitFor({ timeout: LIVE_MS });
    assert.equal(await conv(bob.page, aliceId).locator('.badge').textContent(), '1');
    await screenshot(bob.page, 'people-bob-gets-a-message');
    await conv(bob.page, aliceId).click();
    await messageText(bob.page, 'สวัสดีครับ Bob 👋 ยินดีที่ได้รู้จัก').waitFor({ timeout: LIVE_MS });
    assert.equal(await conv(bob.page, aliceId).locator('.badge').count(), 0, 'read once opened');
    await sendInPage(bob.page, 'Hello อลิซ, nice to meet you');
    await messageText(alice.page, 'Hello อลิซ, nice to meet you').waitFor({ timeout: LIVE_MS });
    assert.equal(await alice.page.locator('#message-list li').count(), 2);
    await screenshot(alice.page, 'people-direct-messages-alice');
    await screenshot(bob.page, 'people-direct-messages-bob');

    // An admin finds Bob and sends him a notification: his badge counts it live.
    await signInPage(admin.page, 'root_admin', 'admin-password-1');
    await connected(admin.page);
    await admin.page.locator('#nav-admin').click();
    await admin.page.locator('#admin-search').fill(bobInput.username);
    await admin.page.locator('#admin-search-form button[type=submit]').click();
    const row = admin.page.locator(`#admin-users li[data-username="${bobInput.username}"]`);
    await row.waitFor();
    await row.locator('button[data-action=manage]').click();
    await admin.page.locator('#notify-title').fill('ยินดีต้อนรับ');
    await admin.page.locator('#notify-message').fill('ขอบคุณที่สมัครสมาชิกครับ');
    await admin.page.locator('#notify-form button[type=submit]').click();
    await admin.page.locator('#notify-notice', { hasText: 'ส่งแล้ว' }).waitFor();

    await bob.page.locator('#unread-badge:visible', { hasText: '1' }).waitFor({ timeout: LIVE_MS });
    await bob.page.locator('#toasts .toast', { hasText: 'ยินดีต้อนรับ' }).waitFor();
    assert.equal(await bob.page.title(), '(1) สมาชิก');
    await screenshot(bob.page, 'notifications-bob-badge');
    await bob.page.locator('#nav-notifications').click();
    const item = bob.page.locator('#notif-list li.unread', { hasText: 'ยินดีต้อนรับ' });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /ขอบคุณที่สมัครสมาชิกครับ/);
    await screenshot(bob.page, 'notifications-bob-list');
    await item.locator('button[data-action=mark-read]').click();
    await bob.page.locator('#unread-badge').waitFor({ state: 'hidden' });
    await bob.page.locator('#notif-list li:not(.unread)', { hasText: 'ยินดีต้อนรับ' }).waitFor();

    // The admin disables Bob: his page is back at sign-in at once, and Alice sees him go offline.
    await admin.page.locator('#detail-status-reason').fill('ทดสอบการระงับบัญชี');
    await admin.page.locator('#status-toggle').click();
    await admin.page.locator('#status-notice:not(:empty)').waitFor();
    await bob.page.locator('#login-form').waitFor({ timeout: LIVE_MS });
    await bob.page.locator('#auth-notice', { hasText: 'เซสชันของคุณสิ้นสุดแล้ว' }).waitFor();
    assert.equal(await storedSession(bob.page), null, 'the tokens are forgotten');
    assert.equal(new URL(bob.page.url()).hash, '#/login');
    await screenshot(bob.page, 'people-bob-disabled-back-at-sign-in');
    await screenshot(admin.page, 'admin-after-disabling-bob');
    await conv(alice.page, bobId).locator('.dot[data-status="OFFLINE"]').waitFor({ timeout: LIVE_MS });

    // And cannot sign in again.
    await signInPage(bob.page, bobInput.email, bobInput.password);
    await bob.page.locator('#login-error', { hasText: 'บัญชีนี้ถูกระงับการใช้งาน' }).waitFor();
    await close(alice, bob, admin);
  });
});

describe('connection', () => {
  let proxy: TcpProxy | undefined;
  after(async () => {
    await proxy?.close();
  });

  test('after a network drop the socket reconnects without a reload, and what was said meanwhile appears', async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
    // Carol reaches the server through a proxy the test can cut; Dave directly.
    const carol = await open(`http://127.0.0.1:${proxy.port}/`);
    const dave = await open();
    const carolId = await registerInPage(carol.page, thaiUser());
    await registerInPage(dave.page, newUserInput());
    const admin = await signInRootAdmin(server);
    await sendInPage(dave.page, 'ก่อนหลุด: everyone still here');
    await messageText(carol.page, 'ก่อนหลุด: everyone still here').waitFor({ timeout: LIVE_MS });
    await evaluate(carol.page, 'window.__sameDocument = true');

    await proxy.cut();
    await carol.page.locator('#conn-status[data-state="reconnecting"]').waitFor({ timeout: LIVE_MS });
    await screenshot(carol.page, 'connection-dropped');
    await sendInPage(dave.page, 'ระหว่างหลุด: said while Carol was offline');
    const notified = await server.request(SendNotification, { input: { userId: carolId, title: 'ระหว่างหลุด', message: 'sent while offline' } }, { token: admin.token });
    assert.equal(notified.errors, undefined);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await messageText(carol.page, 'ระหว่างหลุด').count(), 0, 'nothing can arrive while the network is down');

    await proxy.restore();
    await connected(carol.page);
    await messageText(carol.page, 'ระหว่างหลุด: said while Carol was offline').waitFor({ timeout: LIVE_MS });
    await carol.page.locator('#unread-badge:visible', { hasText: '1' }).waitFor({ timeout: LIVE_MS });
    await sendInPage(dave.page, 'หลังต่อใหม่: and live again');
    await messageText(carol.page, 'หลังต่อใหม่: and live again').waitFor({ timeout: LIVE_MS });
    assert.equal(await evaluate(carol.page, 'window.__sameDocument'), true, 'the page was not reloaded');
    const texts = await carol.page.locator('#message-list li .content').allTextContents();
    const order = ['ก่อนหลุด', 'ระหว่างหลุด', 'หลังต่อใหม่'].map((prefix) => texts.findIndex((t) => t.startsWith(prefix)));
    assert.deepEqual([...order].sort((a, b) => a - b), order, `in the order said: ${JSON.stringify(texts)}`);
    assert.equal(new Set(texts).size, texts.length, 'no message shown twice');
    await screenshot(carol.page, 'connection-restored');
    await close(carol, dave);
  });
});

describe('presence', () => {
  test('a tab left in the background shows its user away, and online again when it comes back', async () => {
    const erin = await open();
    const frank = await open();
    const erinId = await registerInPage(erin.page, thaiUser());
    await registerInPage(frank.page, newUserInput());
    await conv(frank.page, erinId).locator('.dot[data-status="ONLINE"]').waitFor({ timeout: LIVE_MS });
    // What the browser does when the user switches to another tab or app.
    const setVisibility = (state: 'hidden' | 'visible') =>
      evaluate(erin.page, `Object.defineProperty(document, 'visibilityState', { value: '${state}', configurable: true }); document.dispatchEvent(new Event('visibilitychange'))`);
    await setVisibility('hidden');
    await conv(frank.page, erinId).locator('.dot[data-status="AWAY"]').waitFor({ timeout: LIVE_MS });
    assert.equal(await conv(frank.page, erinId).locator('.dot').getAttribute('aria-label'), 'ไม่อยู่');
    await screenshot(frank.page, 'presence-away');
    await setVisibility('visible');
    await conv(frank.page, erinId).locator('.dot[data-status="ONLINE"]').waitFor({ timeout: LIVE_MS });
    await close(erin, frank);
  });
});

describe('profile', () => {
  test('an avatar is previewed when picked, shown once uploaded, refused when not an image, and removed', async () => {
    const person = await open();
    const { page } = person;
    const userId = await registerInPage(page, thaiUser());
    await page.locator('#nav-profile').click();
    await page.locator('#avatar-frame .avatar-initial').waitFor();

    await page.locator('#avatar-file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await image('png', 640, 480) });
    const preview = page.locator('#avatar-image');
    await preview.waitFor();
    assert.match((await preview.getAttribute('src')) ?? '', /^blob:/, 'the picked file, before any upload');
    assert.equal(await page.locator('#avatar-caption').textContent(), 'ตัวอย่างรูปโปรไฟล์ใหม่');
    await screenshot(page, 'profile-avatar-preview');

    await page.locator('#avatar-upload').click();
    await page.locator('#avatar-notice', { hasText: 'บันทึกรูปโปรไฟล์แล้ว' }).waitFor();
    assert.match((await preview.getAttribute('src')) ?? '', new RegExp(`^/avatars/${userId}\\?v=`));
    await waitUntil(page, `document.getElementById('avatar-image').naturalWidth === 512`);
    assert.match((await page.locator('#whoami img').getAttribute('src')) ?? '', new RegExp(`^/avatars/${userId}/thumb\\?v=`), 'the header shows the new thumbnail');
    await screenshot(page, 'profile-avatar-uploaded');
    const firstUrl = await preview.getAttribute('src');

    // Something that is not an image: refused next to the file box, the saved avatar kept.
    await page.locator('#avatar-file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('this is not a picture at all') });
    await page.locator('#avatar-caption', { hasText: 'ไฟล์นี้แสดงเป็นรูปภาพไม่ได้' }).waitFor();
    await page.locator('#avatar-upload').click();
    await page.locator('#avatar-file-error:visible').waitFor();
    assert.equal(await page.locator('#avatar-file').getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'profile-avatar-refused');

    // Replaced by another image: a new URL.
    await page.locator('#avatar-file').setInputFiles({ name: 'again.jpg', mimeType: 'image/jpeg', buffer: await image('jpeg', 300, 300) });
    await page.locator('#avatar-upload').click();
    await waitUntil(page, `/^\\/avatars\\//.test(document.getElementById('avatar-image')?.getAttribute('src') ?? '') && document.getElementById('avatar-image').getAttribute('src') !== ${JSON.stringify(firstUrl)}`);

    await page.locator('#avatar-delete').click();
    await page.locator('#avatar-notice', { hasText: 'ลบรูปโปรไฟล์แล้ว' }).waitFor();
    await page.locator('#avatar-frame .avatar-initial').waitFor();
    assert.equal((await fetch(`${server.url}/avatars/${userId}`)).status, 404);
    await close(person);
  });

  test('details and password: saved, normalized, and refused next to the field', async () => {
    const person = await open();
    const { page } = person;
    const input = thaiUser();
    await registerInPage(page, input);
    await page.locator('#nav-profile').click();
    await page.locator('#profile-phone').fill('089 555 0000');
    await page.locator('#profile-form button[type=submit]').click();
    await page.locator('#profile-notice', { hasText: 'บันทึกแล้ว' }).waitFor();
    // A new number waits for its SMS code: the one in use stays, the new one shows as pending, normalized.
    await page.locator('#verification-phone-pending', { hasText: '+66895550000' }).waitFor();

    await page.locator('#current-password').fill('not my password');
    await page.locator('#new-password').fill('a brand new password');
    await page.locator('#confirm-password').fill('a brand new password');
    await page.locator('#password-form button[type=submit]').click();
    await page.locator('#current-password-error', { hasText: 'รหัสผ่านปัจจุบันไม่ถูกต้อง' }).waitFor();
    await page.locator('#current-password').fill(input.password);
    await page.locator('#confirm-password').fill('something else');
    await page.locator('#password-form button[type=submit]').click();
    await page.locator('#confirm-password-error', { hasText: 'รหัสผ่านทั้งสองช่องไม่ตรงกัน' }).waitFor();
    await page.locator('#confirm-password').fill('a brand new password');
    await page.locator('#password-form button[type=submit]').click();
    await page.locator('#password-notice:not(:empty)').waitFor();
    const login = await server.request(Login, { input: { identifier: input.username, password: 'a brand new password' } });
    assert.equal(login.errors, undefined, 'the new password works');
    await screenshot(page, 'profile-saved');
    await close(person);
  });
});

describe('chat history', () => {
  test('older messages load when scrolling up, keeping the place, until the beginning', async () => {
    const [x, y] = await Promise.all([registerUser(server), registerUser(server)]);
    for (let i = 0; i < 45; i += 1) {
      const [from, to] = i % 2 === 0 ? [x, y] : [y, x];
      const sent = await server.request(SendMessage, { input: { content: `ข้อความที่ ${i}`, recipientId: String(to.id) } }, { token: from.token });
      assert.equal(sent.errors, undefined);
    }
    const person = await open(`${server.url}/#/chat/${y.id}`);
    const { page } = person;
    await signInPage(page, x.input.email, x.input.password);
    await connected(page);
    await messageText(page, 'ข้อความที่ 44').waitFor();
    assert.equal(await page.locator('#message-list li').count(), 30, 'the latest page');
    assert.equal(await messageText(page, 'ข้อความที่ 14').count(), 0);
    assert.equal(await page.locator('#conv-title').textContent(), `แชทกับ ${y.input.username}`, 'named though offline');

    await evaluate(page, `document.getElementById('messages').scrollTop = 0`);
    await messageText(page, 'ข้อความที่ 0').waitFor();
    assert.equal(await page.locator('#message-list li').count(), 45);
    await page.locator('#history-edge', { hasText: 'นี่คือจุดเริ่มต้นของบทสนทนา' }).waitFor();
    assert.ok((await evaluate<number>(page, `document.getElementById('messages').scrollTop`)) > 0, 'the view stayed where the reader was');
    await screenshot(page, 'chat-history-loaded');
    await close(person);
  });
});

describe('administration', () => {
  test('search a page at a time, change a role with its history, see sign-ins; each part only with its permission', async () => {
    const prefix = `pg${process.pid % 1000}x`;
    const users = [];
    for (let i = 0; i < 25; i += 1) users.push(await registerUser(server, { username: `${prefix}${String(i).padStart(2, '0')}` }));
    const target = users[0]!;
    assert.equal((await server.request(Login, { input: { identifier: target.input.username, password: 'wrong' } })).errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assert.equal((await server.request(Login, { input: { identifier: target.input.email, password: target.input.password } })).errors, undefined);

    const admin = await open(`${server.url}/#/admin`);
    const { page } = admin;
    await signInPage(page, 'root_admin', 'admin-password-1');
    await connected(page);
    await page.locator('#nav-admin').click();
    await page.locator('#admin-search').fill(prefix);
    await page.locator('#admin-search-form button[type=submit]').click();
    await page.locator('#admin-summary', { hasText: '1–20 จาก 25' }).waitFor();
    assert.equal(await page.locator('#admin-users li').count(), 20);
    await page.locator('#admin-next').click();
    await page.locator('#admin-summary', { hasText: '21–25 จาก 25' }).waitFor();
    assert.equal(await page.locator('#admin-users li').count(), 5);
    assert.equal(await page.locator('#admin-next').isDisabled(), true);
    await page.locator('#admin-prev').click();
    await page.locator('#admin-summary', { hasText: '1–20 จาก 25' }).waitFor();
    assert.equal(await page.locator('#admin-prev').isDisabled(), true);

    // Newest first: the first user registered is on the second page.
    await page.locator('#admin-next').click();
    const row = page.locator(`#admin-users li[data-username="${target.input.username}"]`);
    await row.locator('button[data-action=manage]').click();
    await page.locator('#user-detail-title', { hasText: target.input.username }).waitFor();
    await page.locator('#user-login-history li[data-success="false"]').waitFor();
    await page.locator('#user-login-history li[data-success="true"]').waitFor();

    await page.locator('#detail-role option', { hasText: 'Moderator' }).waitFor({ state: 'attached' });
    await page.locator('#detail-role').selectOption({ label: 'Moderator' });
    await page.locator('#detail-role-reason').fill('ช่วยดูแลห้องแชท');
    await page.locator('#role-form button[type=submit]').click();
    await page.locator('#role-notice', { hasText: 'เปลี่ยนบทบาทเป็น Moderator แล้ว' }).waitFor();
    assert.equal(await row.locator('.role-name').textContent(), 'Moderator');
    const entry = page.locator('#user-permission-history li[data-action="USER_ROLE_CHANGED"]');
    await entry.waitFor();
    assert.match((await entry.textContent()) ?? '', /เปลี่ยนบทบาท.*\(User → Moderator\).*ช่วยดูแลห้องแชท/s);
    await screenshot(page, 'admin-user-detail');

    await page.locator('#admin-tab-history').click();
    await page.locator('#permission-history li[data-action="USER_ROLE_CHANGED"]', { hasText: target.input.username }).waitFor();
    await page.locator('#admin-tab-logins').click();
    await page.locator('#login-history li').first().waitFor();
    await page.locator('#login-filter').selectOption('false');
    await waitUntil(page, `(() => { const items = [...document.querySelectorAll('#login-history li')]; return items.length > 0 && items.every((li) => li.dataset.success === 'false'); })()`);
    await screenshot(page, 'admin-login-history');
    await close(admin);

    // The new moderator: users, sign-ins and notifications, but no role changes, no disabling, no permission history.
    const moderator = await open();
    await signInPage(moderator.page, target.input.username, target.input.password);
    await connected(moderator.page);
    await moderator.page.locator('#nav-admin').click();
    assert.deepEqual(await moderator.page.locator('#admin nav.tabs a').evaluateAll((links) => links.map((a) => a.id)), ['admin-tab-users', 'admin-tab-logins', 'admin-tab-activity', 'admin-tab-broadcast']);
    await moderator.page.locator('#admin-users li').first().waitFor();
    await moderator.page.locator('#admin-users li button[data-action=manage]').first().click();
    await moderator.page.locator('#notify-form').waitFor();
    assert.equal(await moderator.page.locator('#role-form').count(), 0);
    assert.equal(await moderator.page.locator('#status-form').count(), 0);
    assert.equal(await moderator.page.locator('#user-permission-history').count(), 0);
    await moderator.page.locator('#user-login-history').waitFor({ state: 'attached' });
    await screenshot(moderator.page, 'admin-moderator-view');
    await close(moderator);

    // A plain user has no admin area, even by typing its address.
    const plain = await open(`${server.url}/#/admin`);
    const plainUser = users[2]!;
    await signInPage(plain.page, plainUser.input.username, plainUser.input.password);
    await connected(plain.page);
    assert.equal(await plain.page.locator('#nav-admin').count(), 0);
    await plain.page.goto(`${server.url}/#/admin`);
    await plain.page.locator('#chat').waitFor();
    assert.equal(new URL(plain.page.url()).hash, '#/chat');
    await close(plain);
  });
});

describe('phone-sized screen', () => {
  test('every screen fits a 360 px wide phone without scrolling sideways', async () => {
    const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
    const adminUser = await accountWithRole(server, (await signInRootAdmin(server)).token, 'Admin', newUserInput());
    const person = await open(`${server.url}/`, phone);
    const { page } = person;
    const fits = async (name: string) => {
      const widths = await evaluate<{ doc: number; view: number; inner: number; main: number }>(
        page,
        `({ doc: document.documentElement.scrollWidth, view: document.documentElement.clientWidth, inner: window.innerWidth, main: document.getElementById('view').scrollWidth })`,
      );
      assert.ok(widths.doc <= widths.view && widths.main <= widths.view, `${name} fits: ${JSON.stringify(widths)}`);
      await screenshot(page, `phone-${name}`);
    };
    await fits('sign-in');
    await page.locator('#tab-register').click();
    await page.locator('#register-submit').click();
    await page.locator('#register-username-error:visible').waitFor();
    await fits('register-with-errors');

    await page.locator('#tab-login').click();
    await signInPage(page, adminUser.username, adminUser.password);
    await connected(page);
    await sendInPage(page, 'ข้อความยาว '.repeat(30) + 'https://example.com/' + 'a'.repeat(120));
    await fits('chat');
    await page.locator('#nav-notifications').click();
    await page.locator('#notifications').waitFor();
    await fits('notifications');
    await page.locator('#nav-profile').click();
    await page.locator('#profile').waitFor();
    await fits('profile');
    await page.locator('#nav-admin').click();
    await page.locator('#admin-users li').first().waitFor();
    await page.locator('#admin-users li button[data-action=manage]').first().click();
    await page.locator('#user-detail-title').waitFor();
    await fits('admin');
    await close(person);
  });
});

describe('several tabs', () => {
  test('tabs share one sign-in and refresh its short-lived tokens without ever spending a refresh token twice', async () => {
    // A separate server whose access tokens live 10 seconds, so refreshes come every few seconds.
    const quick = await startTestServer({ ACCESS_TOKEN_TTL: '10' });
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const errors: Error[] = [];
    try {
      const first = await context.newPage();
      watch(first, errors);
      await first.goto(`${quick.url}/`);
      const input = newUserInput();
      await registerInPage(first, input);
      const second = await context.newPage();
      watch(second, errors);
      await second.goto(`${quick.url}/`);
      await connected(second);

      const seen = new Set<string>();
      const deadline = Date.now() + 45_000;
      while (seen.size < 4 && Date.now() < deadline) {
        const stored = await storedSession(first);
        assert.ok(stored, 'still signed in');
        seen.add(stored.refreshToken);
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.ok(seen.size >= 4, `three refreshes or more (saw ${seen.size} refresh tokens)`);

      for (const page of [first, second]) {
        assert.equal(await page.locator('#login-form').count(), 0, 'neither tab was signed out');
        await connected(page);
      }
      await sendInPage(second, 'sent with a refreshed token');
      await messageText(first, 'sent with a refreshed token').waitFor({ timeout: LIVE_MS });

      const sessions = await quick.db.query<{ revoked_at: Date | null }[]>('SELECT revoked_at FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)', [input.username]);
      assert.deepEqual(sessions.map((s) => s.revoked_at), [null], 'one session, never revoked for a reused refresh token');
      const [{ used }] = (await quick.db.query<{ used: number }[]>(
        'SELECT COUNT(*) AS used FROM refresh_tokens WHERE used_at IS NOT NULL AND session_id IN (SELECT id FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?))',
        [input.username],
      )) as [{ used: number }];
      assert.ok(Number(used) >= 3, `each refresh used a token once (${used})`);
      await screenshot(second, 'tabs-still-signed-in');
    } finally {
      await context.close();
      await quick.close();
    }
    assert.deepEqual(errors.map(String), []);
  });
});
