// Attacks the process itself: with the database cut off, every route, over every transport, is hit again and again
// (the class: a request whose failure nobody handles ends the process). The service runs as its own process, so a
// crash shows as an exit. It must answer each request (a 5xx with a body, or typed GraphQL errors), log no
// unhandled rejection, and recover by itself once the database is back. /health and /metrics, which anyone can
// poll, must not turn polling into database load.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { print } from 'graphql';
import { uploadAvatar } from './support/avatars.js';
import { newUserInput } from './support/accounts.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { image } from './support/images.js';
import { Logout, Me, MessageReceived, RegisterUser, SendMessage, UpdateProfile } from './support/operations.js';
import { startServerProcess, type ServerProcess } from './support/process.js';
import { requestAt, TEST_JWT_SECRET } from './support/server.js';
import { proxyDatabase, startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { openSocket } from './support/ws.js';
import { eventually } from './support/eventually.js';
import { session } from './support/sign-in.js';

const METRICS_TOKEN = 'scraper-secret-0123456789';
const ROUNDS = 4;
/** What the process log must never say: each is a failure that escaped its request. */
const ESCAPED = /Unhandled promise rejection|Uncaught exception|UnhandledPromiseRejection/;

let db: TestDatabase;
let proxy: TcpProxy;
let server: ServerProcess;
let token: string;
let avatar: Buffer;

before(async () => {
  db = await createTestDatabase();
  let viaProxy: string;
  ({ proxy, url: viaProxy } = await proxyDatabase(db));
  const scratch = `/tmp/membership-crash-${process.pid}`;
  server = await startServerProcess({
    NODE_ENV: 'production',
    DATABASE_URL: viaProxy,
    JWT_SECRET: TEST_JWT_SECRET,
    METRICS_TOKEN,
    DATA_DIR: scratch,
    UPLOAD_DIR: `${scratch}/uploads`,
    LOG_LEVEL: 'info',
    RATE_LIMIT_LOGIN_IP: '100000/60',
    RATE_LIMIT_REGISTER_IP: '100000/60',
    RATE_LIMIT_MESSAGES_USER: '100000/60',
    RATE_LIMIT_UPLOADS_USER: '100000/60',
    // The outbox and privacy workers poll the database on their own clocks; the byte count below is about what
    // /health and /metrics cost, so those clocks are set past the end of this file.
    DELIVERY_POLL_MS: '3600000',
    PRIVACY_WORKER_POLL_MS: '3600000',
  });
  const registered = await requestAt(server.url, RegisterUser, { input: newUserInput() });
  assert.equal(registered.errors, undefined, JSON.stringify(registered.errors));
  token = session(registered.data!.registerUser).token;
  avatar = await image('png', 64, 64);
});
after(async () => {
  await server?.stop();
  await proxy?.close();
  await db?.drop();
});

function assertAlive(): void {
  assert.equal(server.child.exitCode, null, `the server exited:\n${server.output()}`);
  assert.equal(server.child.signalCode, null, `the server was killed:\n${server.output()}`);
  assert.doesNotMatch(server.output(), ESCAPED);
}

const auth = () => ({ authorization: `Bearer ${token}` });

/** Reads a text/event-stream response until its first complete event, the stream's end, or `ms`. */
async function firstEvent(response: Response, ms = 3000): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = setTimeout(() => void reader.cancel(), ms);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.includes('\n\n') && /event: (next|complete)/.test(text)) break;
    }
  } finally {
    clearTimeout(deadline);
    await reader.cancel().catch(() => undefined);
  }
  return text;
}

/** Each route and transport, as an attacker hammering a service whose database is gone would use it. */
const hits: Record<string, () => Promise<void>> = {
  'POST /graphql query': async () => {
    const result = await requestAt(server.url, Me, {}, { token });
    assert.ok(result.errors?.length, 'an error, not data');
    assert.equal(typeof result.errors[0]!.extensions?.code, 'string');
    assert.doesNotMatch(JSON.stringify(result.errors), /ECONNREFUSED|127\.0\.0\.1/, 'details stay in the log');
  },
  'POST /graphql mutation': async () => {
    const result = await requestAt(server.url, RegisterUser, { input: newUserInput() });
    assert.ok(result.errors?.length);
    assert.equal(typeof result.errors[0]!.extensions?.code, 'string');
    const sent = await requestAt(server.url, SendMessage, { input: { content: 'hello?' } }, { token });
    assert.ok(sent.errors?.length);
  },
  'GET /graphql query': async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(print(Me))}`, { headers: { ...auth(), accept: 'application/json' } });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    assert.equal(typeof body.errors?.[0]?.extensions?.code, 'string');
  },
  'POST /graphql subscription over SSE': async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: print(MessageReceived) }),
    });
    assert.ok(response.status < 500 || (await response.text()).length > 0);
    if (response.ok) await firstEvent(response, 500);
  },
  'GET /graphql subscription over SSE': async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(print(MessageReceived))}`, { headers: { ...auth(), accept: 'text/event-stream' } });
    assert.ok(response.status < 500 || (await response.text()).length > 0);
    if (response.ok) await firstEvent(response, 500);
  },
  'graphql-ws connect, query and subscribe': async () => {
    const socket = openSocket(server.url, { token });
    const outcome = await Promise.race([socket.connected.then(() => 'connected' as const), socket.closed]);
    if (outcome === 'connected') {
      const result = await new Promise<unknown>((resolve) => {
        socket.client.subscribe({ query: print(Me) }, { next: resolve, error: resolve, complete: () => resolve(undefined) });
      });
      assert.ok(result !== undefined, 'the query was answered');
    } else {
      assert.ok([4403, 4500].includes(outcome.code), `closed with ${outcome.code} ${outcome.reason}`);
    }
    await socket.dispose();
  },
  'POST /graphql upload': async () => {
    const result = await uploadAvatar(server, { bytes: avatar, name: 'me.png' }, { token });
    assert.ok(result.errors?.length);
    assert.equal(typeof result.errors[0]!.extensions?.code, 'string');
  },
  'GET /health': async () => {
    const response = await fetch(`${server.url}/health`);
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as { database: { status: string } }).database.status, 'down');
  },
  'GET /metrics': async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    assert.equal(response.status, 200);
    assert.match(await response.text(), /^users_online \d+$/m);
  },
  'GET /avatars': async () => {
    for (const path of ['/avatars/1', '/avatars/1/thumb']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 500);
      assert.ok((await response.text()).length > 0);
    }
  },
  'GET / (the web client)': async () => {
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    await response.arrayBuffer();
  },
};

test('/health and /metrics reach the database at most about once a second, however often anyone asks', async () => {
  const scrape = () => fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) => r.text());
  await Promise.all([fetch(`${server.url}/health`).then((r) => r.json()), scrape()]); // warm: pool connections open
  const before = proxy.bytesUpstream();
  const started = performance.now();
  const answers = await Promise.all([
    ...Array.from({ length: 300 }, () => fetch(`${server.url}/health`).then((r) => r.status)),
    ...Array.from({ length: 100 }, () => scrape().then(() => 200)),
  ]);
  const seconds = (performance.now() - started) / 1000;
  const bytes = proxy.bytesUpstream() - before;
  assert.ok(answers.every((status) => status === 200));
  // A `SELECT 1` is 13 bytes on the wire and the online count under 200: one of each per second (per 5 s for the
  // count) plus room for a reconnect. One query per request would be over 12 KB.
  const allowed = 13 * (Math.ceil(seconds) + 1) + 200 * (Math.ceil(seconds / 5) + 1) + 400;
  assert.ok(bytes <= allowed, `${bytes} bytes reached the database in ${seconds.toFixed(2)} s for 400 requests (allowed ${allowed})`);
});

test('with the database gone, every route answers, again and again, and the process stays up', async () => {
  const socket = openSocket(server.url, { token });
  await socket.connected;
  await proxy.cut();
  try {
    // /health shares one probe a second: the outage shows within about a second.
    const down = Date.now() + 3000;
    while (Date.now() < down && (await fetch(`${server.url}/health`).then((r) => r.status)) !== 503) await new Promise((r) => setTimeout(r, 100));
    for (let round = 0; round < ROUNDS; round += 1) {
      const outcomes = await Promise.allSettled(Object.values(hits).map((hit) => hit()));
      outcomes.forEach((outcome, i) => {
        if (outcome.status === 'rejected') assert.fail(`${Object.keys(hits)[i]} (round ${round + 1}): ${String(outcome.reason?.stack ?? outcome.reason)}`);
      });
      assertAlive();
    }
    // The online count could not be read: /metrics says its value is stale, within the count's lifetime (5 s).
    await eventually(
      async () => assert.match(await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text(), /^users_online_stale 1$/m),
      { timeoutMs: 8000, intervalMs: 250 },
    );
  } finally {
    await proxy.restore();
    await socket.dispose();
  }
  assertAlive();
});

test('once the database is back, the service recovers by itself', async () => {
  await eventually(async () => assert.equal((await fetch(`${server.url}/health`)).status, 200), { timeoutMs: 15_000, intervalMs: 200 });
  const me = await requestAt(server.url, Me, {}, { token });
  assert.equal(me.errors, undefined, JSON.stringify(me.errors));
  const socket = openSocket(server.url, { token });
  await socket.connected;
  await socket.dispose();
  assertAlive();
});

test('with Redis gone, requests that publish events answer and the process stays up', async () => {
  // Events cross Redis: a publish that fails there must be this request's problem, not an unhandled rejection.
  const redisProxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
  const instance = await startServerProcess({
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
    REDIS_KEY_PREFIX: `crash-${process.pid}:`,
    DATA_DIR: `/tmp/membership-crash-redis-${process.pid}`,
    LOG_LEVEL: 'info',
    RATE_LIMIT_REGISTER_IP: '100000/60',
  });
  try {
    const accounts = await Promise.all([0, 1, 2].map(() => requestAt(instance.url, RegisterUser, { input: newUserInput() })));
    await redisProxy.cut();
    const answers = await Promise.all(
      accounts.flatMap(({ data }) => [
        requestAt(instance.url, UpdateProfile, { input: { email: newUserInput().email } }, { token: session(data!.registerUser).token }),
        requestAt(instance.url, Logout, {}, { token: session(data!.registerUser).token }),
      ]),
    );
    for (const answer of answers) assert.ok(answer.status < 500 || answer.errors?.length, JSON.stringify(answer));
    // ioredis gives a command up after a few reconnect attempts; by then its failure must have been handled.
    await eventually(() => assert.match(instance.output(), /Redis publish failed/), { timeoutMs: 10_000, intervalMs: 100 });
    assert.equal(instance.child.exitCode, null, instance.output());
    assert.doesNotMatch(instance.output(), ESCAPED);
  } finally {
    await instance.stop();
    await redisProxy.close();
  }
});
