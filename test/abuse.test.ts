// Brute force and abuse: sliding-window rate limits on login, register and refresh (per IP and per identifier,
// shared through Redis), and progressive lockout of an identifier after repeated failures.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Redis } from 'ioredis';
import { uploadAvatar } from './support/avatars.js';
import { image } from './support/images.js';
import { Login, RefreshToken, RegisterUser, SendMessage } from './support/operations.js';
import { createTestDatabase } from './support/database.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { newUserInput, registerUser } from './support/accounts.js';

const servers: TestServer[] = [];
after(async () => {
  for (const server of servers.reverse()) await server.close();
});

async function serverWith(env: Record<string, string>, db?: Awaited<ReturnType<typeof createTestDatabase>>) {
  const server = await startTestServer({ TRUST_PROXY: 'true', ...env }, db);
  servers.push(server);
  return server;
}

const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

test('login is limited per IP, with a retry-after, and other addresses are unaffected', async () => {
  const server = await serverWith({ RATE_LIMIT_LOGIN_IP: '3/60' });
  const user = await registerUser(server);
  const attempt = (ip: string) => server.request(Login, { input: { identifier: user.input.username, password: user.input.password } }, from(ip));
  for (let i = 0; i < 3; i += 1) assert.equal((await attempt('198.51.100.1')).errors, undefined);
  const limited = await attempt('198.51.100.1');
  assert.equal(errorCode(limited), 'RATE_LIMITED');
  const retryAfter = limited.errors![0]!.extensions!.retryAfterSeconds as number;
  assert.ok(retryAfter > 0 && retryAfter <= 60, `retryAfterSeconds ${retryAfter}`);
  assert.equal((await attempt('198.51.100.2')).errors, undefined, 'another address still signs in');
});

test('login is limited per identifier across addresses', async () => {
  const server = await serverWith({ RATE_LIMIT_LOGIN_IDENTIFIER: '2/60' });
  const user = await registerUser(server);
  const attempt = (identifier: string, ip: string) => server.request(Login, { input: { identifier, password: 'wrong password' } }, from(ip));
  assert.equal(errorCode(await attempt(user.input.email, '203.0.113.1')), 'UNAUTHENTICATED');
  assert.equal(errorCode(await attempt(user.input.email.toUpperCase(), '203.0.113.2')), 'UNAUTHENTICATED');
  assert.equal(errorCode(await attempt(user.input.email, '203.0.113.3')), 'RATE_LIMITED', 'the same identifier, however written, from a third address');
  assert.equal(errorCode(await attempt(user.input.username, '203.0.113.3')), 'UNAUTHENTICATED', 'a different identifier has its own window');
});

test('registration is limited per IP and per email', async () => {
  const server = await serverWith({ RATE_LIMIT_REGISTER_IP: '2/3600', RATE_LIMIT_REGISTER_EMAIL: '1/3600' });
  const register = (ip: string, overrides = {}) => server.request(RegisterUser, { input: newUserInput(overrides) }, from(ip));
  assert.equal((await register('192.0.2.10')).errors, undefined);
  assert.equal((await register('192.0.2.10')).errors, undefined);
  const limited = await register('192.0.2.10');
  assert.equal(errorCode(limited), 'RATE_LIMITED');
  const [{ n }] = (await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM users')) as [{ n: number }];
  assert.equal(n, 3, 'the refused registration wrote nothing (the admin and two users)');

  // The same email from many addresses: a taken email first gets CONFLICT, then the email's own limit applies
  // (it counts only attempts that find the email taken, see security-rate-limits.test.ts).
  const email = 'popular@example.com';
  assert.equal((await register('192.0.2.20', { email })).errors, undefined);
  assert.equal(errorCode(await register('192.0.2.21', { email })), 'CONFLICT');
  assert.equal(errorCode(await register('192.0.2.22', { email })), 'RATE_LIMITED');
});

test('refresh is limited per IP', async () => {
  const server = await serverWith({ RATE_LIMIT_REFRESH_IP: '2/60' });
  const user = await registerUser(server);
  let token = user.refreshToken;
  for (let i = 0; i < 2; i += 1) {
    const refreshed = await server.request(RefreshToken, { input: { refreshToken: token } }, from('198.51.100.50'));
    assert.equal(refreshed.errors, undefined);
    token = refreshed.data!.refreshToken.refreshToken;
  }
  assert.equal(errorCode(await server.request(RefreshToken, { input: { refreshToken: token } }, from('198.51.100.50'))), 'RATE_LIMITED');
  assert.equal((await server.request(RefreshToken, { input: { refreshToken: token } }, from('198.51.100.51'))).errors, undefined, 'the token was not spent by the refused attempt');
});

test('a user sending messages too fast is slowed down, and nothing refused is stored', async () => {
  const server = await serverWith({ RATE_LIMIT_MESSAGES_USER: '3/60' });
  const user = await registerUser(server);
  const other = await registerUser(server);
  const send = (token: string) => server.request(SendMessage, { input: { content: 'spam?' } }, { token });
  for (let i = 0; i < 3; i += 1) assert.equal((await send(user.token)).errors, undefined);
  const limited = await send(user.token);
  assert.equal(errorCode(limited), 'RATE_LIMITED');
  assert.ok((limited.errors![0]!.extensions!.retryAfterSeconds as number) > 0);
  assert.equal((await send(other.token)).errors, undefined, 'another user is not affected');
  const [{ n }] = (await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM messages WHERE sender_id = ?', [user.id])) as [{ n: number }];
  assert.equal(n, 3);
});

test('avatar uploads are limited per user', async () => {
  const server = await serverWith({ RATE_LIMIT_UPLOADS_USER: '2/60', UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'membership-abuse-')) });
  const user = await registerUser(server);
  const file = { bytes: await image('png', 64, 64), name: 'me.png' };
  assert.equal((await uploadAvatar(server, file, { token: user.token })).errors, undefined);
  assert.equal((await uploadAvatar(server, file, { token: user.token })).errors, undefined);
  assert.equal(errorCode(await uploadAvatar(server, file, { token: user.token })), 'RATE_LIMITED');
});

test('repeated failures lock the identifier out, progressively; the lockout is logged and ends', async () => {
  const server = await serverWith({ LOCKOUT_THRESHOLD: '3', LOCKOUT_BASE_SECONDS: '2', LOCKOUT_MAX_SECONDS: '60' });
  const user = await registerUser(server);
  const attempt = (password: string, ip = '198.51.100.77') => server.request(Login, { input: { identifier: user.input.username, password } }, from(ip));
  for (let i = 0; i < 3; i += 1) assert.equal((await attempt('wrong password')).errors![0]!.extensions!.reason, 'INVALID_CREDENTIALS');

  const locked = await attempt(user.input.password, '198.51.100.78');
  assert.equal(errorCode(locked), 'RATE_LIMITED', 'even the right password, from anywhere');
  assert.ok((locked.errors![0]!.extensions!.retryAfterSeconds as number) <= 2);
  const [row] = await server.db.query<{ reason: string; success: number }[]>('SELECT reason, success FROM login_history ORDER BY id DESC LIMIT 1');
  assert.deepEqual(row, { reason: 'LOCKED_OUT', success: 0 });

  await new Promise((r) => setTimeout(r, 2100));
  assert.equal(errorCode(await attempt('wrong password')), 'UNAUTHENTICATED', 'the lock ended; a fourth failure is counted');
  const longer = await attempt(user.input.password);
  assert.equal(errorCode(longer), 'RATE_LIMITED');
  assert.ok((longer.errors![0]!.extensions!.retryAfterSeconds as number) > 2, 'and the next lock is longer (doubled)');

  await new Promise((r) => setTimeout(r, 4100));
  assert.equal((await attempt(user.input.password)).errors, undefined, 'after it, the right password works');
  assert.equal(errorCode(await attempt('wrong password')), 'UNAUTHENTICATED');
  assert.equal((await attempt(user.input.password)).errors, undefined, 'a success reset the count');
});

test('instances sharing Redis share the limits', async () => {
  const prefix = `test_${randomBytes(4).toString('hex')}:`;
  const env = { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: prefix, RATE_LIMIT_LOGIN_IP: '3/60' };
  const a = await serverWith(env);
  const b = await serverWith(env, a.db);
  try {
    const user = await registerUser(a);
    const attempt = (server: TestServer) => server.request(Login, { input: { identifier: user.input.username, password: user.input.password } }, from('198.51.100.99'));
    assert.equal((await attempt(a)).errors, undefined);
    assert.equal((await attempt(b)).errors, undefined);
    assert.equal((await attempt(a)).errors, undefined);
    assert.equal(errorCode(await attempt(b)), 'RATE_LIMITED');
  } finally {
    const redis = new Redis(env.REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
});
