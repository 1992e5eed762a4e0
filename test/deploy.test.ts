// The deployment as shipped: HAProxy (deploy/haproxy.cfg) in front of two instances, each its own process, on
// Redis, MariaDB and an S3-compatible bucket (s3rver). Clients connect only through the proxy, from addresses of
// their own (127.0.0.x), so the instances must read them from X-Forwarded-For (TRUST_PROXY=1).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { registerUser } from './support/accounts.js';
import { rawRequest, uploadAvatar } from './support/avatars.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { haproxyMissing, startHaproxy, type TestHaproxy } from './support/haproxy.js';
import { image } from './support/images.js';
import { MessageReceived, Messages, OnlineUsers, PresenceChanged, SendMessage } from './support/operations.js';
import { startServerProcess, type ServerProcess } from './support/process.js';
import { deleteRedisKeys, TEST_REDIS_URL } from './support/redis.js';
import { startTestS3, type TestS3 } from './support/s3.js';
import { requestAt, TEST_JWT_SECRET } from './support/server.js';
import { openSocket, subscribe, type TestSocket, type TestSubscription } from './support/ws.js';
import type { MessageReceivedSubscription, PresenceChangedSubscription } from './gql/graphql.js';

const skip = haproxyMissing();
const HEARTBEAT_MS = 300;
const CONNECTIONS_PER_IP = 2;
/** The web client's first four waits at their longest (0.5 + 1 + 2 + 4 s, +25 %): its retries, not luck. */
const RETRY_DEADLINE_MS = (500 + 1000 + 2000 + 4000) * 1.25;
const prefix = `test_${randomBytes(4).toString('hex')}:`;

let s3: TestS3;
let db: TestDatabase;
let instances: ServerProcess[] = [];
let proxy: TestHaproxy;
const opened: TestSocket[] = [];

interface Member {
  id: number;
  token: string;
  socket: TestSocket;
  messages: TestSubscription<MessageReceivedSubscription>;
  presence: TestSubscription<PresenceChangedSubscription>;
  /** Every message id this member has seen, live or fetched after a reconnect. */
  seen: Set<string>;
}
const members: Member[] = [];

function socket(url: string, options: Parameters<typeof openSocket>[1]) {
  const s = openSocket(url, options);
  opened.push(s);
  return s;
}

async function until<T>(what: string, deadlineMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    // A request cut by the kill is an answer of "not yet", as it is to a client that tries again.
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${deadlineMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The instance's own count of open graphql-ws sockets (its /metrics, asked directly, not through the proxy). */
async function openSockets(instance: ServerProcess): Promise<number> {
  const text = await (await fetch(`${instance.url}/metrics`)).text();
  return Number(/^websocket_connections_open (\d+)$/m.exec(text)?.[1]);
}

/** The next presence change about `userId`, skipping changes about others (members arriving in `before`). */
async function nextChangeOf(member: Member, userId: number) {
  for (;;) {
    const change = (await member.presence.next()).data!.presenceChanged;
    if (change.user.id === String(userId)) return change.status;
  }
}

/**
 * Sends a message through the proxy as the web client does: a request cut by a dying instance is sent again with
 * the same idempotency key, so it is stored once.
 */
async function sendThroughProxy(token: string, content: string): Promise<string> {
  const idempotencyKey = randomBytes(12).toString('hex');
  const sent = await until(`"${content}" sent`, RETRY_DEADLINE_MS, () => requestAt(proxy.url, SendMessage, { input: { content, idempotencyKey } }, { token }));
  assert.equal(sent.errors, undefined, JSON.stringify(sent.errors));
  return sent.data!.sendMessage.message.id;
}

async function online(token: string): Promise<string[]> {
  const result = await requestAt(proxy.url, OnlineUsers, {}, { token });
  return result.data!.onlineUsers.map((u) => u.id).sort();
}

/** Registers through the proxy, as a browser would (registerUser only needs `request`). */
const registerThroughProxy = () => registerUser({ url: proxy.url, request: (d, v, o) => requestAt(proxy.url, d, v, o) } as Parameters<typeof registerUser>[0]);

before(async () => {
  if (skip) return;
  s3 = await startTestS3();
  db = await createTestDatabase();
  const env = {
    ...s3.env,
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    WS_HEARTBEAT_MS: String(HEARTBEAT_MS),
    TRUST_PROXY: '1',
    MAX_CONNECTIONS_PER_IP: String(CONNECTIONS_PER_IP),
    RATE_LIMIT_REGISTER_IP: '1000/60',
    RATE_LIMIT_IDENTITY_CHANGES_IP: '1000/60',
    // startServerProcess waits for the 'Listening on' line, logged at info.
    LOG_LEVEL: 'info',
  };
  // One after the other: the first applies the migrations, the second finds them done.
  instances.push(await startServerProcess(env));
  instances.push(await startServerProcess(env));
  proxy = await startHaproxy(instances.map((i) => i.url));

  for (let i = 0; i < 4; i += 1) {
    const user = await registerThroughProxy().catch((error: unknown) => {
      // What the proxy and the instances said is what tells a refused request from a dead instance.
      throw new Error(`registration ${i + 1} through the proxy failed: ${String(error)}\n--- haproxy\n${proxy.output()}\n${instances.map((instance, n) => `--- instance ${n + 1}\n${instance.output().slice(-4000)}`).join('\n')}`);
    });
    // Each member is a client of its own, at an address of its own, reconnecting as the web client does.
    const live = socket(proxy.url, { token: user.token, localAddress: `127.0.0.${20 + i}`, reconnect: true });
    await live.connected;
    members.push({ id: user.id, token: user.token, socket: live, messages: await subscribe(live, MessageReceived), presence: await subscribe(live, PresenceChanged), seen: new Set() });
  }
});
after(async () => {
  await Promise.all(opened.map((s) => s.dispose()));
  await proxy?.stop();
  await Promise.all(instances.map((i) => i.stop()));
  await db?.drop();
  await s3?.close();
  if (!skip) await deleteRedisKeys(prefix);
});

test('clients connected through the proxy land on both instances, chat and see each other come and go', { skip }, async () => {
  const [a, b] = instances as [ServerProcess, ServerProcess];
  const counts = await until('all four sockets counted', 5000, async () => {
    const both = [await openSockets(a), await openSockets(b)];
    return both[0]! + both[1]! === members.length ? both : undefined;
  });
  assert.ok(counts.every((n) => n > 0), `both instances hold sockets (${counts.join(' + ')})`);

  await sendThroughProxy(members[0]!.token, 'hello, everyone');
  for (const member of members) {
    const received = (await member.messages.next()).data!.messageReceived;
    assert.equal(received.content, 'hello, everyone');
    member.seen.add(received.id);
  }
  const everyone = members.map((m) => String(m.id)).sort();
  assert.deepEqual((await online(members[1]!.token)).filter((id) => everyone.includes(id)), everyone);

  // A newcomer (a third socket on one instance: the per-address cap of 2 would refuse it if the proxy's address counted).
  const newcomer = await registerThroughProxy();
  const arriving = socket(proxy.url, { token: newcomer.token, localAddress: '127.0.0.30' });
  await arriving.connected;
  for (const member of members) assert.equal(await nextChangeOf(member, newcomer.id), 'ONLINE');
  await arriving.dispose();
  for (const member of members) assert.equal(await nextChangeOf(member, newcomer.id), 'OFFLINE');
});

test('the per-address cap counts the address HAProxy saw, per instance, whatever X-Forwarded-For the client forges', { skip }, async () => {
  const outcomes: ('open' | number)[] = [];
  const sockets: TestSocket[] = [];
  for (let i = 0; i < 5; i += 1) {
    const s = socket(proxy.url, { token: members[0]!.token, localAddress: '127.0.0.40', headers: { 'x-forwarded-for': `10.0.${i}.1` } });
    sockets.push(s);
    outcomes.push(await s.connected.then(() => 'open' as const, async () => (await s.closed).code));
  }
  const accepted = outcomes.filter((o) => o === 'open').length;
  // At most CONNECTIONS_PER_IP on each of the two instances, so some of five are refused; at least one instance's worth gets in.
  assert.ok(accepted >= CONNECTIONS_PER_IP && accepted <= 2 * CONNECTIONS_PER_IP, `accepted ${accepted}: ${outcomes.join(', ')}`);
  assert.ok(outcomes.includes(4292), `refused with 4292: ${outcomes.join(', ')}`);
  // Another address through the same proxy is untouched.
  const other = socket(proxy.url, { token: members[1]!.token, localAddress: '127.0.0.41' });
  await other.connected;
  await Promise.all([...sockets, other].map((s) => s.dispose()));
});

test('an avatar uploaded through one instance is served by the other and through the proxy', { skip }, async () => {
  const [a, b] = instances as [ServerProcess, ServerProcess];
  const member = members[0]!;
  const uploaded = await uploadAvatar(a, { bytes: await image('png', 400, 300), name: 'me.png' }, { token: member.token });
  assert.equal(uploaded.errors, undefined, JSON.stringify(uploaded.errors));
  const path = uploaded.data!.uploadAvatar.user.avatarUrl!;
  const fromB = await rawRequest(b, path);
  assert.equal(fromB.status, 200);
  assert.equal(fromB.headers['content-type'], 'image/webp');
  const viaProxy = await fetch(`${proxy.url}${path}`);
  assert.equal(viaProxy.status, 200);
  assert.deepEqual(Buffer.from(await viaProxy.arrayBuffer()), fromB.body);
});

test('SIGKILL one instance: its clients reconnect through the proxy to the other in time, presence is right again, no message is lost', { skip }, async (t) => {
  const [a, b] = instances as [ServerProcess, ServerProcess];
  // One more client, connected to A directly and never reconnecting: it must go offline.
  const leaver = await registerThroughProxy();
  const gone = socket(a.url, { token: leaver.token });
  await gone.connected;
  await until('the leaver online', 3000, async () => ((await online(members[0]!.token)).includes(String(leaver.id)) ? true : undefined));
  const onA = await openSockets(a);
  assert.ok(onA >= 2, 'A holds members and the leaver');
  const connectionsBefore = members.map((m) => m.socket.connections());

  const killed = Date.now();
  a.child.kill('SIGKILL');
  // Sent while A's clients are away: through the proxy, which must retry past the dead instance.
  const contents = ['while you were away 1', 'while you were away 2', 'while you were away 3'];
  const ids: string[] = [];
  for (const content of contents) ids.push(await sendThroughProxy(members[1]!.token, content));

  await until('every member connected to B', RETRY_DEADLINE_MS, async () =>
    members.every((m) => m.socket.isConnected()) && (await openSockets(b)) === members.length ? true : undefined,
  );
  const moved = members.filter((m, i) => m.socket.connections() > connectionsBefore[i]!);
  assert.equal(moved.length, onA - 1, "exactly A's members reconnected");
  const movedMs = Date.now() - killed;
  assert.ok(movedMs < RETRY_DEADLINE_MS);
  t.diagnostic(`${moved.length} clients moved to the surviving instance ${movedMs} ms after the SIGKILL`);

  // What each member saw live, plus, for those that reconnected, what they fetch (as the web client does).
  for (const member of members) {
    for (const event of await member.messages.collect(0)) member.seen.add(event.data!.messageReceived.id);
    if (moved.includes(member)) {
      const page = await requestAt(proxy.url, Messages, { first: 20 }, { token: member.token });
      for (const edge of page.data!.messages.edges) member.seen.add(edge.node.id);
    }
  }
  for (const member of members) {
    const live = await until(`member ${member.id} has every message`, 3000, async () => {
      for (const event of await member.messages.collect(0)) member.seen.add(event.data!.messageReceived.id);
      return ids.every((id) => member.seen.has(id)) ? true : undefined;
    });
    assert.ok(live);
  }

  // Presence: the members stay online (they moved), the leaver's socket died with A and the survivor notices.
  const everyone = members.map((m) => String(m.id)).sort();
  await until('presence right again', HEARTBEAT_MS * 15, async () => {
    const ids = await online(members[0]!.token);
    return ids.includes(String(leaver.id)) || !everyone.every((id) => ids.includes(id)) ? undefined : true;
  });
});
