// Outgoing email and SMS through real parts: an SMTP server (smtp-server, messages parsed with mailparser) and an
// HTTP listener as the SMS gateway. Messages are stored first and sent by the queue: a failing or slow server
// delays them, a restart loses none, and without SMTP_URL / SMS_WEBHOOK_URL they are written as files.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { templates, smsTemplates } from '../src/delivery/templates.js';
import { createTestDatabase } from './support/database.js';
import { eventually } from './support/eventually.js';
import { startTestServer, type TestServer } from './support/server.js';
import { SMTP_PASSWORD, SMTP_USER, startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { startSmsGateway, type SmsGateway } from './support/sms.js';

const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function server(env: Record<string, string>, db?: Awaited<ReturnType<typeof createTestDatabase>>): Promise<TestServer> {
  const started = await startTestServer({ DELIVERY_RETRY_SECONDS: '1', ...env }, db);
  cleanups.push(() => started.close());
  return started;
}

async function smtp(port?: number): Promise<TestSmtpServer> {
  const started = await startSmtpServer(port);
  cleanups.push(() => started.close());
  return started;
}

async function outboxRows(target: TestServer) {
  return target.db.query<{ id: number; status: string; attempts: number; last_error: string | null; kind: string }[]>('SELECT id, status, attempts, last_error, kind FROM outbox ORDER BY id');
}

async function metric(target: TestServer, line: RegExp): Promise<number> {
  const text = await (await fetch(`${target.url}/metrics`)).text();
  const match = text.split('\n').find((l) => line.test(l));
  return match ? Number(match.split(' ').at(-1)) : 0;
}

const resetEmail = (to: string) => ({ channel: 'email' as const, to, kind: 'password_reset', ...templates.passwordReset('th', { username: 'สมชาย', link: 'http://localhost:3000/reset-password?token=abc', minutes: 30 }) });

test('an email goes out through SMTP with a Thai subject, a text part and an HTML part', async () => {
  const mail = await smtp();
  const app = await server({ SMTP_URL: mail.url, MAIL_FROM: 'Members <no-reply@example.com>' });
  await app.app.runtime.delivery.send(resetEmail('somchai@example.com'));
  const [message] = await mail.received(1);
  assert.equal(message!.subject, 'ตั้งรหัสผ่านใหม่');
  assert.match(mail.raw[0]!.toString(), /^Subject: =\?UTF-8\?[BQ]\?/m, 'the subject is encoded (RFC 2047)');
  assert.deepEqual(message!.from?.value, [{ name: 'Members', address: 'no-reply@example.com' }]);
  assert.equal((message!.to as { text: string }).text, 'somchai@example.com');
  assert.match(message!.text ?? '', /สวัสดีคุณ สมชาย/);
  assert.match(message!.text ?? '', /http:\/\/localhost:3000\/reset-password\?token=abc/);
  assert.match(String(message!.html), /<a href="http:\/\/localhost:3000\/reset-password\?token=abc"/);
  await eventually(async () => assert.deepEqual((await outboxRows(app)).map((r) => [r.status, r.attempts]), [['sent', 1]]), { timeoutMs: 5000 });
  assert.equal(await metric(app, /^delivery_messages_total\{channel="email",outcome="sent"\}/), 1);
});

test('a mail server that refuses for a while gets the message later; one that keeps refusing is given up on', async () => {
  const mail = await smtp();
  const app = await server({ SMTP_URL: mail.url, DELIVERY_MAX_ATTEMPTS: '3' });
  mail.refuseNext(2);
  await app.app.runtime.delivery.send(resetEmail('retry@example.com'));
  await mail.received(1, 15_000);
  await eventually(async () => assert.deepEqual((await outboxRows(app)).map((r) => [r.status, r.attempts]), [['sent', 3]]), { timeoutMs: 5000 });
  assert.equal(await metric(app, /^delivery_messages_total\{channel="email",outcome="retry"\}/), 2);

  mail.refuseNext(3);
  await app.app.runtime.delivery.send(resetEmail('never@example.com'));
  await eventually(async () => assert.equal((await outboxRows(app))[1]?.status, 'failed'), { timeoutMs: 15_000 });
  const [, failed] = await outboxRows(app);
  assert.equal(failed!.attempts, 3);
  assert.match(failed!.last_error ?? '', /451|Try again later/);
  assert.equal(await metric(app, /^delivery_messages_total\{channel="email",outcome="failed"\}/), 1);
  assert.equal(mail.messages.length, 1);
});

test('a slow mail server never holds up the caller', async () => {
  const mail = await smtp();
  mail.delayMs = 3000;
  const app = await server({ SMTP_URL: mail.url });
  const started = performance.now();
  await app.app.runtime.delivery.send(resetEmail('slow@example.com'));
  assert.ok(performance.now() - started < 1000, 'stored and queued, not sent, before returning');
  await mail.received(1, 15_000);
});

test('a message stored while the mail server is down is sent after a restart', async () => {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  // The mail server's port, held meanwhile by something that hangs up on every connection (and so cannot be handed
  // to another listener of this test run): every attempt fails until the mail server starts there.
  const down = createNetServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
  const { port } = down.address() as AddressInfo;
  const url = `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`;
  const first = await startTestServer({ SMTP_URL: url, DELIVERY_RETRY_SECONDS: '1' }, db);
  await first.app.runtime.delivery.send(resetEmail('after-restart@example.com'));
  await eventually(async () => assert.ok((await outboxRows(first))[0]!.attempts >= 1), { timeoutMs: 5000 });
  await first.close();

  await new Promise((resolve) => down.close(resolve));
  const mail = await smtp(port);
  const second = await server({ SMTP_URL: url }, db);
  const [message] = await mail.received(1, 15_000);
  assert.equal((message!.to as { text: string }).text, 'after-restart@example.com');
  await eventually(async () => assert.equal((await outboxRows(second))[0]!.status, 'sent'), { timeoutMs: 5000 });
});

async function smsGateway(): Promise<SmsGateway> {
  const gateway = await startSmsGateway();
  cleanups.push(() => gateway.close());
  return gateway;
}

test('an SMS goes to the webhook as JSON with the bearer token, again after the gateway fails', async () => {
  const gateway = await smsGateway();
  gateway.failNext = 1;
  const app = await server({ SMS_WEBHOOK_URL: gateway.url, SMS_WEBHOOK_TOKEN: 'gateway-token' });
  const text = smsTemplates.code('th', { code: '123456', minutes: 10, purpose: 'sign_in' });
  await app.app.runtime.delivery.send({ channel: 'sms', to: '+66812345678', kind: 'sign_in_code', text });
  await eventually(() => assert.equal(gateway.received.length, 1), { timeoutMs: 10_000 });
  assert.deepEqual(gateway.received[0], { body: { to: '+66812345678', text }, authorization: 'Bearer gateway-token' });
  assert.match(text, /^123456 /);
  await eventually(async () => assert.deepEqual((await outboxRows(app)).map((r) => [r.status, r.attempts]), [['sent', 2]]), { timeoutMs: 5000 });
});

test('with no SMTP_URL and no SMS_WEBHOOK_URL, messages are written under DATA_DIR as .eml and text files', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'outbox-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const app = await server({ DATA_DIR: dataDir });
  await app.app.runtime.delivery.send(resetEmail('laptop@example.com'));
  await app.app.runtime.delivery.send({ channel: 'sms', to: '+66812345678', kind: 'sign_in_code', text: smsTemplates.code('en', { code: '654321', minutes: 10, purpose: 'sign_in' }) });
  const files = async (folder: string) => (await readdir(join(dataDir, folder)).catch(() => [])).map((name) => join(dataDir, folder, name));
  await eventually(async () => assert.equal((await files('mail')).length + (await files('sms')).length, 2), { timeoutMs: 5000 });
  const [eml] = await files('mail');
  assert.match(eml!, /\.eml$/);
  const parsed = await simpleParser(await readFile(eml!));
  assert.equal(parsed.subject, 'ตั้งรหัสผ่านใหม่');
  assert.match(String(parsed.html), /reset-password\?token=abc/);
  const [sms] = await files('sms');
  assert.match(await readFile(sms!, 'utf8'), /To: \+66812345678[\s\S]*654321 is your code to sign in/);
});
