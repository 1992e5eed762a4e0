// The session cache (src/modules/auth/session-cache.ts) never lets a revoked session, a disabled account or a
// stale profile through: each test warms the cache first (the same token used twice), then changes something and
// checks the very next request, on this instance and on another one sharing Redis.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ChangeUserRole, Roles, SetUserStatus } from './support/admin-operations.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { Login, Logout, Me, MySessions, OnlineUsers, RevokeSession, UpdateProfile } from './support/operations.js';
import { startServerProcess, type ServerProcess } from './support/process.js';
import { errorCode, requestAt, startTestServer, TEST_JWT_SECRET, type TestServer } from './support/server.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { eventually } from './support/eventually.js';
import { deleteRedisKeys, TEST_REDIS_URL as REDIS_URL } from './support/redis.js';
import { registerUser, signInRootAdmin } from './support/accounts.js';
import { session } from './support/sign-in.js';

/** Uses the token twice, so its session is certainly in the cache. */
async function warm(url: string, token: string) {
  for (let i = 0; i < 2; i += 1) {
    const me = await requestAt(url, Me, {}, { token });
    assert.equal(me.errors, undefined, JSON.stringify(me.errors));
  }
}

const reasonOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.reason;

describe('one instance', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server?.close();
  });

  test('a session revoked from another session fails on its next request', async () => {
    const user = await registerUser(server);
    const other = session((await server.request(Login, { input: { identifier: user.input.username, password: user.input.password } })).data!.login).token;
    await warm(server.url, user.token);
    assert.ok(server.app.runtime.sessionCache.size > 0, 'the session is cached');
    const sessions = (await server.request(MySessions, {}, { token: other })).data!.mySessions;
    const target = sessions.find((s) => !s.current)!;
    assert.equal((await server.request(RevokeSession, { id: target.id }, { token: other })).errors, undefined);
    assert.equal(reasonOf(await server.request(Me, {}, { token: user.token })), 'SESSION_REVOKED');
  });

  test('a disabled account fails on its next request; a role change applies to the next request', async () => {
    const admin = await signInRootAdmin(server);
    const user = await registerUser(server);
    const roleIds = Object.fromEntries((await server.request(Roles, {}, { token: admin.token })).data!.roles.map((r) => [r.name, r.id]));
    await warm(server.url, user.token);

    // `roles` needs role:manage, which only Admin has.
    assert.equal(errorCode(await server.request(Roles, {}, { token: user.token })), 'FORBIDDEN');
    await server.request(ChangeUserRole, { input: { userId: String(user.id), roleId: roleIds.Admin! } }, { token: admin.token });
    assert.equal((await server.request(Roles, {}, { token: user.token })).errors, undefined, 'promoted: allowed at once');
    assert.equal((await server.request(Me, {}, { token: user.token })).data!.me.role.name, 'Admin');
    await server.request(ChangeUserRole, { input: { userId: String(user.id), roleId: roleIds.User! } }, { token: admin.token });
    assert.equal(errorCode(await server.request(Roles, {}, { token: user.token })), 'FORBIDDEN', 'demoted: refused at once');

    await server.request(SetUserStatus, { input: { userId: String(user.id), active: false } }, { token: admin.token });
    assert.equal(errorCode(await server.request(Me, {}, { token: user.token })), 'UNAUTHENTICATED');
  });

  test('a profile change shows on the next request', async () => {
    const user = await registerUser(server);
    await warm(server.url, user.token);
    const username = `renamed_${randomBytes(3).toString('hex')}`;
    assert.equal((await server.request(UpdateProfile, { input: { username } }, { token: user.token })).errors, undefined);
    assert.equal((await server.request(Me, {}, { token: user.token })).data!.me.username, username);
  });

  test('OnlineUsers and other queries still work for a cached caller', async () => {
    const user = await registerUser(server);
    await warm(server.url, user.token);
    assert.equal((await server.request(OnlineUsers, {}, { token: user.token })).errors, undefined);
  });
});

describe('a change nobody announced (edited in SQL)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ SESSION_CACHE_MS: '400' });
  });
  after(async () => {
    await server?.close();
  });

  test('is seen once the entry is older than SESSION_CACHE_MS', async () => {
    const user = await registerUser(server);
    await warm(server.url, user.token);
    await server.db.query('UPDATE sessions SET revoked_at = NOW(3) WHERE user_id = ?', [user.id]);
    const cache = server.app.runtime.sessionCache;
    const realClock = cache.clock;
    // Moved past the entry's end rather than waited for.
    cache.clock = () => realClock() + cache.ttlMs + 1;
    try {
      assert.equal(reasonOf(await server.request(Me, {}, { token: user.token })), 'SESSION_REVOKED');
    } finally {
      cache.clock = realClock;
    }
  });
});

describe('two instances on Redis', () => {
  const prefix = `test_${randomBytes(4).toString('hex')}:`;
  let db: TestDatabase;
  let a: ServerProcess;
  let b: TestServer;
  before(async () => {
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: prefix, JWT_SECRET: TEST_JWT_SECRET };
    a = await startServerProcess({ ...env, ADMIN_USERNAME: 'root_admin', ADMIN_EMAIL: 'root_admin@example.com', ADMIN_PASSWORD: 'admin-password-1', LOG_LEVEL: 'info' });
    b = await startTestServer(env, db);
  });
  after(async () => {
    await a?.stop();
    await b?.close();
    await db?.drop();
    await deleteRedisKeys(prefix, REDIS_URL);
  });

  test('a session signed out on B fails at once on A, where it was cached (20 times over)', async () => {
    for (let i = 0; i < 20; i += 1) {
      const user = await registerUser(b);
      await warm(a.url, user.token);
      assert.equal((await b.request(Logout, {}, { token: user.token })).errors, undefined);
      assert.equal(reasonOf(await requestAt(a.url, Me, {}, { token: user.token })), 'SESSION_REVOKED', `attempt ${i + 1}`);
    }
  });

  test('an account disabled through B fails at once on A', async () => {
    const admin = await signInRootAdmin(b);
    const user = await registerUser(b);
    await warm(a.url, user.token);
    await b.request(SetUserStatus, { input: { userId: String(user.id), active: false } }, { token: admin.token });
    assert.equal(errorCode(await requestAt(a.url, Me, {}, { token: user.token })), 'UNAUTHENTICATED');
  });
});

describe('while Redis is unreachable', () => {
  const prefix = `test_${randomBytes(4).toString('hex')}:`;
  let proxy: TcpProxy;
  let server: TestServer;
  before(async () => {
    const redis = new URL(REDIS_URL);
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    server = await startTestServer({ REDIS_URL: `redis://127.0.0.1:${proxy.port}`, REDIS_KEY_PREFIX: prefix });
  });
  after(async () => {
    await proxy?.restore();
    await server?.close();
    await proxy?.close();
  });

  test('the cache is off, so changes other instances announce (and this one cannot hear) still count', async () => {
    const user = await registerUser(server);
    await warm(server.url, user.token);
    const cache = server.app.runtime.sessionCache;
    assert.equal(cache.enabled, true);

    await proxy.cut();
    await eventually(() => assert.equal(cache.enabled, false, 'off once the subscription connection is lost'), { timeoutMs: 2000 });
    assert.equal(cache.size, 0, 'and emptied');
    // As if another instance had revoked it and published over Redis: this instance never hears of it.
    await server.db.query('UPDATE sessions SET revoked_at = NOW(3) WHERE user_id = ?', [user.id]);
    assert.equal(reasonOf(await server.request(Me, {}, { token: user.token })), 'SESSION_REVOKED');

    await proxy.restore();
    await eventually(() => assert.equal(cache.enabled, true, 'on again once Redis is back'), { timeoutMs: 5000 });
  });
});
