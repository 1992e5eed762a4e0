// Attacks on the lifetime of live streams: a subscription must not outlive its session on any transport that
// carries one (SSE by POST and GET, graphql-ws), whatever ended the session, on one instance or across two on
// Redis; and a socket authenticated by many operations at once is counted (and uncounted) once for presence.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { eventually } from './support/eventually.js';
import { after, before, describe, test } from 'node:test';
import type { ExecutionResult } from 'graphql';
import { print } from 'graphql';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { DeleteUser, SetUserStatus } from './support/admin-operations.js';
import { ChangePassword, Login, Logout, MessageReceived, MySessions, OnlineUsers, RefreshToken, RevokeOtherSessions, RevokeSession, SendMessage } from './support/operations.js';
import { registerUser, signInRootAdmin } from './support/accounts.js';
import { requestAt, startTestServer, TEST_JWT_SECRET, type TestServer } from './support/server.js';
import { deleteRedisKeys, TEST_REDIS_URL } from './support/redis.js';
import { openEventStream } from './support/sse.js';
import { openSocket } from './support/ws.js';
import type { MessageReceivedSubscription } from './gql/graphql.js';
import { session } from './support/sign-in.js';

const TRANSPORTS = ['SSE POST', 'SSE GET', 'graphql-ws'] as const;
type Transport = (typeof TRANSPORTS)[number];

/** A messageReceived subscription on any transport, seen the same way: results with when they arrived, and its end. */
interface LiveStream {
  transport: Transport;
  events: { at: number; result: ExecutionResult<MessageReceivedSubscription> }[];
  /** When the server ended it; `error` is the last result's first error (SSE) or the close frame (graphql-ws). */
  ended: Promise<{ at: number; code?: unknown; reason?: unknown; closeCode?: number; complete?: boolean }>;
  close(): void;
}

async function openStream(transport: Transport, baseUrl: string, token: string): Promise<LiveStream> {
  const events: LiveStream['events'] = [];
  if (transport === 'graphql-ws') {
    const socket = openSocket(baseUrl, { token });
    await socket.connected;
    socket.client.subscribe<MessageReceivedSubscription>(
      { query: print(MessageReceived) },
      { next: (result) => events.push({ at: Date.now(), result: result as ExecutionResult<MessageReceivedSubscription> }), error: () => undefined, complete: () => undefined },
    );
    return {
      transport,
      events,
      ended: socket.closed.then(({ code, reason }) => ({ at: Date.now(), closeCode: code, reason })),
      close: () => void socket.dispose(),
    };
  }
  const stream = await openEventStream(baseUrl, MessageReceived, { token, method: transport === 'SSE GET' ? 'GET' : 'POST' });
  assert.equal(stream.status, 200);
  const record = () => {
    while (events.length < stream.received.length) events.push({ at: Date.now(), result: stream.received[events.length]! });
  };
  const poll = setInterval(record, 5);
  return {
    transport,
    events,
    ended: stream.ended.then(({ complete, at }) => {
      clearInterval(poll);
      record();
      const error = stream.received.at(-1)?.errors?.[0];
      return { at, complete, code: error?.extensions?.code, reason: error?.extensions?.reason };
    }),
    close: () => {
      clearInterval(poll);
      stream.close();
    },
  };
}

/** Resolves with `promise`, or rejects once `ms` have passed. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))),
  ]);
}

const until = (condition: () => boolean | Promise<boolean>, ms: number, what: string) => eventually(condition, { timeoutMs: ms, what });

const delivered = (stream: LiveStream, content: string) => stream.events.some((e) => e.result.data?.messageReceived.content === content);

let probes = 0;
/** Sends `to` direct messages until each stream delivers one: they are registered and live, and have caught up. */
async function live(streams: LiveStream | LiveStream[], baseUrl: string, sender: { token: string }, to: number): Promise<void> {
  const all = Array.isArray(streams) ? streams : [streams];
  const deadline = Date.now() + 5000;
  for (;;) {
    const content = `probe ${++probes}`;
    const sent = await requestAt(baseUrl, SendMessage, { input: { content, recipientId: String(to) } }, { token: sender.token });
    assert.equal(sent.errors, undefined, JSON.stringify(sent.errors));
    try {
      await until(() => all.every((stream) => delivered(stream, content)), 300, 'probe');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${all.filter((s) => !delivered(s, content)).map((s) => s.transport)} never delivered`, { cause: error });
    }
  }
}

/** Sends a message after the end and checks that nothing with data arrived after the first `seen` events. */
async function assertSilentAfter(stream: LiveStream, seen: number, baseUrl: string, sender: { token: string }, to: number) {
  await requestAt(baseUrl, SendMessage, { input: { content: 'after the end', recipientId: String(to) } }, { token: sender.token });
  await stream.ended;
  const late = stream.events.slice(seen).filter((e) => e.result.data);
  assert.deepEqual(late.map((e) => e.result.data?.messageReceived.content), [], `${stream.transport} delivered after the session ended`);
}

let server: TestServer;
let sender: Awaited<ReturnType<typeof registerUser>>;
let admin: { token: string };
const streams: LiveStream[] = [];

async function stream(transport: Transport, token: string, baseUrl = server.url) {
  const s = await openStream(transport, baseUrl, token);
  streams.push(s);
  return s;
}

before(async () => {
  server = await startTestServer();
  sender = await registerUser(server);
  admin = await signInRootAdmin(server);
});
after(async () => {
  for (const s of streams) s.close();
  await server?.close();
});

type Victim = Awaited<ReturnType<typeof registerUser>> & { otherToken: string; sessionId: string };

/** A user signed in twice; `token` and `sessionId` are the first sign-in's (read from the table, so nothing caches it). */
async function newVictim(target: TestServer = server): Promise<Victim> {
  const user = await registerUser(target);
  const other = await target.request(Login, { input: { identifier: user.input.username, password: user.input.password } });
  const [first] = await target.db.query<{ id: number }[]>('SELECT id FROM sessions WHERE user_id = ? ORDER BY id LIMIT 1', [user.id]);
  return { ...user, otherToken: session(other.data!.login).token, sessionId: String(first!.id) };
}

/** Each way a session is revoked, done by whoever can do it; `reason` is what an SSE client is told. */
const REVOCATIONS: { cause: string; reason: string; revoke: (v: Victim, at: TestServer, adminToken: string) => Promise<unknown> }[] = [
  { cause: 'logout', reason: 'SESSION_REVOKED', revoke: (v, at) => at.request(Logout, {}, { token: v.token }) },
  { cause: 'revokeSession from another session', reason: 'SESSION_REVOKED', revoke: (v, at) => at.request(RevokeSession, { id: v.sessionId }, { token: v.otherToken }) },
  { cause: 'revokeOtherSessions', reason: 'SESSION_REVOKED', revoke: (v, at) => at.request(RevokeOtherSessions, {}, { token: v.otherToken }) },
  {
    cause: 'password change in another session',
    reason: 'SESSION_REVOKED',
    revoke: (v, at) => at.request(ChangePassword, { input: { currentPassword: v.input.password, newPassword: 'a new password 42' } }, { token: v.otherToken }),
  },
  {
    cause: 'refresh token reuse',
    reason: 'SESSION_REVOKED',
    revoke: async (v, at) => {
      await at.request(RefreshToken, { input: { refreshToken: v.refreshToken } });
      return at.request(RefreshToken, { input: { refreshToken: v.refreshToken } });
    },
  },
  { cause: 'account disabled', reason: 'ACCOUNT_DISABLED', revoke: (v, at, adminToken) => at.request(SetUserStatus, { input: { userId: String(v.id), active: false } }, { token: adminToken }) },
  { cause: 'account deleted', reason: 'ACCOUNT_DISABLED', revoke: (v, at, adminToken) => at.request(DeleteUser, { input: { userId: String(v.id) } }, { token: adminToken }) },
];

/** Asserts the stream ended within a second of `since` and told the client why. */
async function assertEnded(stream: LiveStream, since: number, reason: string) {
  const end = await within(stream.ended, 3000, `${stream.transport} stream end`);
  assert.ok(end.at - since < 1000, `${stream.transport} ended ${end.at - since} ms after`);
  if (stream.transport === 'graphql-ws') assert.equal(end.closeCode, 4403);
  else assert.deepEqual({ complete: end.complete, code: end.code, reason: end.reason }, { complete: true, code: 'UNAUTHENTICATED', reason });
}

describe('a stream ends within a second of its session being revoked', () => {
  for (const { cause, reason, revoke } of REVOCATIONS) {
    for (const transport of TRANSPORTS) {
      test(`${cause}, over ${transport}`, async () => {
        const victim = await newVictim();
        const s = await stream(transport, victim.token);
        await live(s, server.url, sender, victim.id);
        const since = Date.now();
        const seen = s.events.length;
        await revoke(victim, server, admin.token);
        await assertEnded(s, since, reason);
        await assertSilentAfter(s, seen, server.url, sender, victim.id);
      });
    }
  }

  test("only the revoked session's streams end: the user's other session keeps receiving on every transport", async () => {
    const victim = await newVictim();
    const doomed = await Promise.all(TRANSPORTS.map((t) => stream(t, victim.token)));
    const kept = await Promise.all(TRANSPORTS.map((t) => stream(t, victim.otherToken)));
    await live([...doomed, ...kept], server.url, sender, victim.id);
    const since = Date.now();
    await server.request(Logout, {}, { token: victim.token });
    for (const s of doomed) await assertEnded(s, since, 'SESSION_REVOKED');
    await live(kept, server.url, sender, victim.id);
  });

  test('a revoked token cannot open a stream on any transport', async () => {
    const victim = await newVictim();
    await server.request(Logout, {}, { token: victim.token });
    for (const method of ['POST', 'GET'] as const) {
      const refused = await openEventStream(server.url, MessageReceived, { token: victim.token, method });
      await refused.ended;
      assert.equal(refused.received.some((r) => r.data), false);
      assert.equal(refused.received[0]?.errors?.[0]?.extensions?.reason, 'SESSION_REVOKED', `SSE ${method}`);
    }
    assert.equal((await openSocket(server.url, { token: victim.token }).closed).code, 4403);
  });

  test('subscriptions are not served as multipart/mixed (only SSE and graphql-ws carry them)', async () => {
    const victim = await newVictim();
    for (const method of ['POST', 'GET'] as const) {
      const multipart = await openEventStream(server.url, MessageReceived, { token: victim.token, method, accept: 'multipart/mixed' });
      assert.equal(multipart.status, 406, `multipart ${method}`);
      await multipart.ended;
    }
  });
});

describe('expiry', () => {
  for (const transport of TRANSPORTS) {
    test(`a stream ends within a second of its session's expiry unless a refresh extended it, over ${transport}`, async () => {
      const [lapsing, refreshed] = await Promise.all([newVictim(), newVictim()]);
      const expiresAt = new Date(Date.now() + 2000);
      await server.db.query('UPDATE sessions SET expires_at = ? WHERE id IN (?, ?)', [expiresAt, lapsing.sessionId, refreshed.sessionId]);
      const doomed = await stream(transport, lapsing.token);
      const kept = await stream(transport, refreshed.token);
      await live(doomed, server.url, sender, lapsing.id);
      await live(kept, server.url, sender, refreshed.id);
      const seen = doomed.events.length;
      const extended = await server.request(RefreshToken, { input: { refreshToken: refreshed.refreshToken } });
      assert.equal(extended.errors, undefined, JSON.stringify(extended.errors));

      const end = await within(doomed.ended, 4000, 'expiry');
      assert.ok(end.at >= expiresAt.getTime() && end.at - expiresAt.getTime() < 1000, `ended ${end.at - expiresAt.getTime()} ms after expiry`);
      if (transport === 'graphql-ws') assert.deepEqual({ code: end.closeCode, reason: end.reason }, { code: 4403, reason: 'Session expired' });
      else assert.equal(end.reason, 'SESSION_EXPIRED');
      await assertSilentAfter(doomed, seen, server.url, sender, lapsing.id);
      await live(kept, server.url, sender, refreshed.id);
    });
  }

  test("a stream is bound to its session, not to its access token: it outlives the token's exp on every transport", async () => {
    const victim = await newVictim();
    const [session] = await server.db.query<{ jti: string }[]>('SELECT jti FROM sessions WHERE id = ?', [victim.sessionId]);
    const exp = Math.floor(Date.now() / 1000) + 2;
    const shortLived = await new SignJWT({ sid: session!.jti })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(victim.id))
      .setJti(randomBytes(8).toString('hex'))
      .setIssuer('realtime-membership')
      .setAudience('realtime-membership')
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const opened = await Promise.all(TRANSPORTS.map((t) => stream(t, shortLived)));
    await live(opened, server.url, sender, victim.id);
    await until(() => Date.now() > exp * 1000 + 200, 5000, 'token exp');
    await live(opened, server.url, sender, victim.id);
    // …and the session still ends them.
    const since = Date.now();
    await server.request(Logout, {}, { token: victim.token });
    for (const s of opened) await assertEnded(s, since, 'SESSION_REVOKED');
  });
});

describe('two instances on Redis', () => {
  const prefix = `test_${randomBytes(4).toString('hex')}:`;
  let a: TestServer;
  let b: TestServer;
  let pairSender: Awaited<ReturnType<typeof registerUser>>;
  let pairAdmin: { token: string };

  before(async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
    a = await startTestServer(env);
    b = await startTestServer(env, a.db);
    pairSender = await registerUser(a);
    pairAdmin = await signInRootAdmin(b);
  });
  after(async () => {
    for (const s of streams) s.close();
    await b?.close();
    await a?.close();
    await deleteRedisKeys(prefix);
  });

  for (const { cause, reason, revoke } of REVOCATIONS.filter((r) => ['logout', 'account disabled', 'revokeSession from another session'].includes(r.cause))) {
    test(`${cause} on instance B ends the session's streams on instance A within a second, on every transport`, async () => {
      const victim = await newVictim(a);
      // A request first, so instance A holds the session in its cache when B revokes it.
      await a.request(MySessions, {}, { token: victim.token });
      const opened = await Promise.all(TRANSPORTS.map((t) => stream(t, victim.token, a.url)));
      await live(opened, a.url, pairSender, victim.id);
      const since = Date.now();
      const seen = opened.map((s) => s.events.length);
      await revoke(victim, b, pairAdmin.token);
      for (const [i, s] of opened.entries()) {
        await assertEnded(s, since, reason);
        await assertSilentAfter(s, seen[i]!, b.url, pairSender, victim.id);
      }
      // Nor can the token open a new one on A, although A had its session cached.
      const again = await openEventStream(a.url, MessageReceived, { token: victim.token });
      await again.ended;
      assert.equal(again.received[0]?.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    });
  }
});

describe('shutdown', () => {
  test('a server going down ends its SSE streams with SERVER_RESTARTING instead of waiting for them forever', async () => {
    const own = await startTestServer();
    try {
      const user = await registerUser(own);
      const opened = await Promise.all((['POST', 'GET'] as const).map((method) => openEventStream(own.url, MessageReceived, { token: user.token, method })));
      const started = Date.now();
      await within(own.app.close(), 3000, 'shutdown');
      for (const s of opened) {
        const end = await s.ended;
        assert.ok(end.complete && end.at - started < 1000);
        assert.equal(s.received.at(-1)?.errors?.[0]?.extensions?.code, 'SERVER_RESTARTING');
      }
    } finally {
      await own.close();
    }
  });
});

describe('ghost presence', () => {
  /** A raw graphql-transport-ws socket that authenticates only through its operations, as GraphiQL does. */
  async function rawSocket(baseUrl: string) {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const messages: { id?: string; type: string }[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await until(() => messages.some((m) => m.type === 'connection_ack'), 3000, 'connection_ack');
    return { socket, messages };
  }

  const online = async (userId: number) => {
    const result = await server.request(OnlineUsers, {}, { token: sender.token });
    return result.data!.onlineUsers.some((u) => u.id === String(userId));
  };

  test('many subscribe messages at once on an unauthenticated socket count it once: closing it takes the user offline', async () => {
    const user = await registerUser(server);
    const OPERATIONS = 40;
    const sockets = await Promise.all([rawSocket(server.url), rawSocket(server.url)]);
    for (const [n, { socket }] of sockets.entries()) {
      // All at once: each arrives while the others are still checking the token.
      for (let i = 0; i < OPERATIONS; i++) {
        socket.send(
          JSON.stringify({
            id: `s${n}-${i}`,
            type: 'subscribe',
            payload: { query: 'subscription { messageReceived { content } }', extensions: { headers: { Authorization: `Bearer ${user.token}` } } },
          }),
        );
      }
    }
    // Every operation was let in: each receives a message (sent again until they all have: they start asynchronously).
    const received = ({ messages }: (typeof sockets)[number]) => new Set(messages.filter((m) => m.type === 'next').map((m) => m.id)).size;
    await until(
      async () => {
        await requestAt(server.url, SendMessage, { input: { content: 'to every operation', recipientId: String(user.id) } }, { token: sender.token });
        await new Promise((r) => setTimeout(r, 200));
        return sockets.every((socket) => received(socket) === OPERATIONS);
      },
      5000,
      'every operation receives',
    );
    assert.equal(await online(user.id), true);

    const [first, second] = sockets;
    first!.socket.close();
    await new Promise((r) => first!.socket.once('close', r));
    await until(async () => (await online(user.id)) === true, 1000, 'still online on the second socket');
    second!.socket.close();
    await until(async () => !(await online(user.id)), 2000, 'offline once both sockets closed');
  });
});
