// Two instances behind any load balancer, sharing MariaDB and Redis: they deliver each other's events, agree on
// presence, and clean up after an instance that dies without a goodbye.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { after, before, test } from 'node:test';
import { Logout, MessageReceived, NotificationReceived, OnlineUsers, PresenceChanged, SendMessage, SendNotification } from './support/operations.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { startServerProcess, type ServerProcess } from './support/process.js';
import { requestAt, startTestServer, TEST_JWT_SECRET, type TestServer } from './support/server.js';
import { registerUser, signInRootAdmin } from './support/accounts.js';
import { openSocket, subscribe, type TestSocket } from './support/ws.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const HEARTBEAT_MS = 300;
const prefix = `test_${randomBytes(4).toString('hex')}:`;
let db: TestDatabase;
let a: ServerProcess;
let b: TestServer;
let redis: Redis;
const sockets: TestSocket[] = [];

function socket(url: string, token: string) {
  const s = openSocket(url, { token });
  sockets.push(s);
  return s;
}

before(async () => {
  db = await createTestDatabase();
  const env = { DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: prefix, WS_HEARTBEAT_MS: String(HEARTBEAT_MS), JWT_SECRET: TEST_JWT_SECRET };
  // Instance A is a process of its own, so the last test can kill it outright.
  a = await startServerProcess({ ...env, ADMIN_USERNAME: 'root_admin', ADMIN_EMAIL: 'root_admin@example.com', ADMIN_PASSWORD: 'admin-password-1', LOG_LEVEL: 'info' });
  b = await startTestServer(env, db);
  redis = new Redis(REDIS_URL);
});
after(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await a?.stop();
  await b?.close();
  await db?.drop();
  if (redis) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
});

test('a message sent to instance A reaches a subscriber on instance B', async () => {
  const [alice, bob] = await Promise.all([registerUser(b), registerUser(b)]);
  const atB = await subscribe(socket(b.url, bob.token), MessageReceived);
  const sent = await requestAt(a.url, SendMessage, { input: { content: 'across instances', recipientId: String(bob.id) } }, { token: alice.token });
  assert.equal(sent.errors, undefined, JSON.stringify(sent.errors));
  const received = (await atB.next()).data!.messageReceived;
  assert.equal(received.content, 'across instances');
  assert.equal(received.sender.id, String(alice.id));
});

test('a notification sent through B reaches a subscriber on A, and logging out on B closes the socket on A', async () => {
  const admin = await signInRootAdmin(b);
  const user = await registerUser(b);
  const live = socket(a.url, user.token);
  const atA = await subscribe(live, NotificationReceived);
  await b.request(SendNotification, { input: { userId: String(user.id), title: 'Hi from B', message: '…' } }, { token: admin.token });
  assert.equal((await atA.next()).data!.notificationReceived.title, 'Hi from B');

  const started = Date.now();
  await b.request(Logout, {}, { token: user.token });
  assert.equal((await live.closed).code, 4403);
  assert.ok(Date.now() - started < 1000);
});

test('both instances agree on presence: tabs on different instances count once', async () => {
  const watcher = await registerUser(b);
  const user = await registerUser(b);
  const changes = await subscribe(socket(b.url, watcher.token), PresenceChanged);
  const mine = async () =>
    (await changes.collect(500)).map((e) => e.data!.presenceChanged).filter((c) => c.user.id === String(user.id)).map((c) => c.status);

  const onA = socket(a.url, user.token);
  await onA.connected;
  assert.deepEqual(await mine(), ['ONLINE']);
  const onB = socket(b.url, user.token);
  await onB.connected;
  assert.deepEqual(await mine(), []);
  const listed = await requestAt(a.url, OnlineUsers, {}, { token: watcher.token });
  assert.ok(listed.data!.onlineUsers.some((u) => u.id === String(user.id)), 'instance A lists the user too');

  await onA.dispose();
  assert.deepEqual(await mine(), [], 'still connected through B');
  await onB.dispose();
  assert.deepEqual(await mine(), ['OFFLINE']);
});

test("when an instance dies, the other removes its sockets from presence", async () => {
  const watcher = await registerUser(b);
  const user = await registerUser(b);
  const changes = await subscribe(socket(b.url, watcher.token), PresenceChanged);
  // The watcher's own ONLINE may come through too, depending on when its socket's presence is settled.
  const nextOfUser = async (timeoutMs?: number) => {
    for (;;) {
      const change = (await changes.next(timeoutMs)).data!.presenceChanged;
      if (change.user.id === String(user.id)) return change;
    }
  };
  const onA = socket(a.url, user.token);
  await onA.connected;
  assert.equal((await nextOfUser()).status, 'ONLINE');
  assert.ok(await redis.exists(...(await redis.keys(`${prefix}presence:instance:*`))), 'A keeps its counts in Redis');

  a.child.kill('SIGKILL');
  assert.equal((await nextOfUser(HEARTBEAT_MS * 15)).status, 'OFFLINE');
  const counts = await redis.hgetall(`${prefix}presence:counts`);
  assert.equal(counts[String(user.id)], undefined);
});
