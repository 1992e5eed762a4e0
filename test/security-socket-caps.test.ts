// Attacks the caps on realtime connections: more sockets than allowed for one user and from one address, more
// subscriptions than allowed on one socket and over SSE, operations and raw messages flooded down one socket. Each
// refusal must be the documented close code or GraphQL error, and an honest user must not notice the abuser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { print, type ExecutionResult } from 'graphql';
import WebSocket from 'ws';
import { registerUser } from './support/accounts.js';
import { MessageReceived, SendMessage } from './support/operations.js';
import { startTestServer, type TestServer } from './support/server.js';
import { openSocket, subscribe, type SocketOptions, type TestSocket } from './support/ws.js';
import { eventually } from './support/eventually.js';

const CAPS = {
  WS_MAX_SOCKETS_PER_USER: '3',
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '4',
  WS_MAX_OPERATIONS_PER_SECOND: '10',
  MAX_CONNECTIONS_PER_IP: '6',
  SSE_MAX_STREAMS_PER_USER: '2',
};

let server: TestServer;
const opened: { dispose(): unknown }[] = [];

before(async () => {
  // TRUST_PROXY so each test (and each attacker) comes from an address of its own through X-Forwarded-For.
  server = await startTestServer({ ...CAPS, TRUST_PROXY: 'true' });
});
after(async () => {
  await Promise.all(opened.map((s) => s.dispose()));
  await server.close();
});

const from = (ip: string): Record<string, string> => ({ 'x-forwarded-for': ip });

function socket(options: SocketOptions): TestSocket {
  const s = openSocket(server.url, options);
  opened.push(s);
  return s;
}

/** Resolves with how the socket ended up: connected, or closed with a code and reason first. */
async function outcome(s: TestSocket): Promise<{ connected: true } | { code: number; reason: string }> {
  return Promise.race([s.connected.then(() => ({ connected: true as const })), s.closed]);
}

async function until(check: () => Promise<boolean>, what: string, deadlineMs = 3000): Promise<void> {
  await eventually(check, { timeoutMs: deadlineMs, intervalMs: 25, what });
}

/** A subscription over Server-Sent Events, as Yoga serves them to `accept: text/event-stream` (GET or POST). */
async function openStream(method: 'GET' | 'POST', token: string, ip: string) {
  const controller = new AbortController();
  const query = print(MessageReceived);
  const headers = { accept: 'text/event-stream', authorization: `Bearer ${token}`, ...from(ip) };
  const response =
    method === 'GET'
      ? await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, { headers, signal: controller.signal })
      : await fetch(`${server.url}/graphql`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal: controller.signal });
  assert.equal(response.status, 200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const stream = {
    /** The next `next` event's payload (an error refusal arrives as one too), or a failure after `timeoutMs`. */
    async next(timeoutMs = 3000): Promise<ExecutionResult> {
      const deadline = setTimeout(() => controller.abort(), timeoutMs);
      try {
        for (;;) {
          const block = /(?:^|\n)event: next\ndata: (.*)\n\n/.exec(buffer);
          if (block) {
            buffer = buffer.slice(block.index + block[0].length);
            return JSON.parse(block[1]!) as ExecutionResult;
          }
          const { value, done } = await reader.read();
          if (done) assert.fail(`stream ended without an event: ${buffer}`);
          buffer += value;
        }
      } finally {
        clearTimeout(deadline);
      }
    },
    dispose: () => controller.abort(),
  };
  opened.push(stream);
  return stream;
}

async function sendDirect(token: string, recipientId: number, content: string) {
  const sent = await server.request(SendMessage, { input: { content, recipientId: String(recipientId) } }, { token });
  assert.equal(sent.errors, undefined, JSON.stringify(sent.errors));
}

test('a user holds at most WS_MAX_SOCKETS_PER_USER sockets; the next is closed with 4291 and others connect', async () => {
  const abuser = await registerUser(server);
  const honest = await registerUser(server);
  const held = [1, 2, 3].map(() => socket({ token: abuser.token, headers: from('198.51.100.1') }));
  for (const s of held) assert.deepEqual(await outcome(s), { connected: true });
  // The same user from any address, and however many more times it tries.
  for (const ip of ['198.51.100.1', '198.51.100.2']) {
    assert.deepEqual(await outcome(socket({ token: abuser.token, headers: from(ip) })), { code: 4291, reason: 'Too many sockets for this user' });
  }
  assert.deepEqual(await outcome(socket({ token: honest.token, headers: from('198.51.100.1') })), { connected: true }, 'another user is unaffected');
  // A socket authenticated by its first operation (as GraphiQL does) is held to the same cap.
  const anonymous = socket({ headers: from('198.51.100.3') });
  await anonymous.connected;
  const viaHeaders = await new Promise<unknown>((resolve) => {
    anonymous.client.subscribe({ query: print(MessageReceived), extensions: { headers: { authorization: `Bearer ${abuser.token}` } } }, { next: resolve, error: resolve, complete: () => resolve('complete') });
  });
  assert.ok(viaHeaders, 'the operation was answered');
  assert.equal((await anonymous.closed).code, 4291);
  // The cap is on sockets open now: closing one makes room.
  await held[0]!.dispose();
  await until(async () => {
    const retry = socket({ token: abuser.token, headers: from('198.51.100.1') });
    return 'connected' in (await outcome(retry));
  }, 'a socket connects once one of the three closed');
});

test('an address holds at most MAX_CONNECTIONS_PER_IP sockets and SSE streams together; the next socket gets 4292', async () => {
  const ip = '203.0.113.50';
  const user = await registerUser(server);
  // Anonymous sockets need no account, so only the address bounds them.
  const anonymous = [1, 2, 3, 4].map(() => socket({ headers: from(ip) }));
  for (const s of anonymous) assert.deepEqual(await outcome(s), { connected: true });
  const stream = await openStream('POST', user.token, ip);
  const held = socket({ token: user.token, headers: from(ip) });
  assert.deepEqual(await outcome(held), { connected: true }, 'the sixth connection (4 sockets, 1 stream, 1 socket)');
  assert.deepEqual(await outcome(socket({ headers: from(ip) })), { code: 4292, reason: 'Too many connections from this address' });
  assert.deepEqual(await outcome(socket({ token: user.token, headers: from(ip) })), { code: 4292, reason: 'Too many connections from this address' });
  const refusedStream = await openStream('GET', user.token, ip);
  const refusal = await refusedStream.next();
  assert.equal(refusal.errors?.[0]?.extensions?.code, 'TOO_MANY_SUBSCRIPTIONS');
  assert.equal(refusal.errors?.[0]?.extensions?.reason, 'ADDRESS');
  assert.deepEqual(await outcome(socket({ headers: from('203.0.113.51') })), { connected: true }, 'another address is unaffected');
  // The stream inside the cap still works.
  const other = await registerUser(server);
  await sendDirect(other.token, user.id, 'through the stream');
  assert.equal(((await stream.next()).data as { messageReceived: { content: string } }).messageReceived.content, 'through the stream');
  // Closing the stream gives its place back.
  stream.dispose();
  await until(async () => 'connected' in (await outcome(socket({ headers: from(ip) }))), 'a socket connects once the stream closed');
});

test('SSE streams per user are capped over GET and POST with TOO_MANY_SUBSCRIPTIONS, and closing one makes room', async () => {
  const user = await registerUser(server);
  const sender = await registerUser(server);
  const first = await openStream('GET', user.token, '192.0.2.70');
  const second = await openStream('POST', user.token, '192.0.2.71');
  for (const method of ['GET', 'POST'] as const) {
    const refused = await (await openStream(method, user.token, '192.0.2.72')).next();
    assert.equal(refused.errors?.[0]?.extensions?.code, 'TOO_MANY_SUBSCRIPTIONS', method);
    assert.equal(refused.errors?.[0]?.extensions?.reason, 'USER');
    assert.equal(refused.errors?.[0]?.extensions?.limit, 2);
  }
  await sendDirect(sender.token, user.id, 'to both streams');
  for (const stream of [first, second]) {
    assert.equal(((await stream.next()).data as { messageReceived: { content: string } }).messageReceived.content, 'to both streams');
  }
  first.dispose();
  await until(async () => {
    const retry = await openStream('POST', user.token, '192.0.2.73');
    await sendDirect(sender.token, user.id, 'after one closed');
    const event = await retry.next();
    retry.dispose();
    return event.errors === undefined;
  }, 'a new stream is accepted once one closed');
});

test('a socket holds at most WS_MAX_SUBSCRIPTIONS_PER_SOCKET operations; the next gets TOO_MANY_SUBSCRIPTIONS, the socket lives on', async () => {
  const user = await registerUser(server);
  const sender = await registerUser(server);
  const s = socket({ token: user.token, headers: from('192.0.2.80') });
  await s.connected;
  const subscriptions = [];
  for (let i = 0; i < 4; i += 1) subscriptions.push(await subscribe(s, MessageReceived));
  const refused = await subscribe(s, MessageReceived);
  const { error } = await refused.ended;
  const [first] = error as { extensions?: Record<string, unknown> }[];
  assert.equal(first?.extensions?.code, 'TOO_MANY_SUBSCRIPTIONS');
  assert.equal(first?.extensions?.reason, 'SOCKET');
  await sendDirect(sender.token, user.id, 'still delivered');
  for (const sub of subscriptions) assert.equal((await sub.next()).data?.messageReceived.content, 'still delivered');
  subscriptions[0]!.unsubscribe();
  const replacement = await subscribe(s, MessageReceived);
  await sendDirect(sender.token, user.id, 'to the replacement');
  assert.equal((await replacement.next()).data?.messageReceived.content, 'to the replacement');
});

/** A bare graphql-transport-ws client, so a test can send messages as fast as an attacker would. */
async function rawSocket(token: string, ip: string) {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: from(ip) });
  opened.push({ dispose: () => ws.terminate() });
  const messages: { id?: string; type: string; payload?: { extensions?: Record<string, unknown> }[] }[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString())));
  await new Promise((resolve) => ws.once('open', resolve));
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await until(async () => messages.some((m) => m.type === 'connection_ack'), 'connection_ack');
  return { ws, messages, closed };
}

test('operations past WS_MAX_OPERATIONS_PER_SECOND get RATE_LIMITED; a socket that keeps flooding is closed with 4293', async () => {
  const user = await registerUser(server);
  const { ws, messages, closed } = await rawSocket(user.token, '192.0.2.90');
  // A burst of 30 queries: the bucket lets 10 through (some of which meet the cap on operations open at once), the
  // rest are refused one by one and the socket stays open.
  for (let i = 0; i < 30; i += 1) ws.send(JSON.stringify({ id: `q${i}`, type: 'subscribe', payload: { query: '{ __typename }' } }));
  await until(async () => new Set(messages.filter((m) => m.type === 'next' || m.type === 'error').map((m) => m.id)).size === 30, 'every query answered');
  const codes = messages.filter((m) => m.type === 'error').map((m) => m.payload?.[0]?.extensions?.code);
  const limited = messages.filter((m) => m.type === 'error' && m.payload?.[0]?.extensions?.code === 'RATE_LIMITED');
  assert.ok(limited.length >= 18 && limited.length <= 20, `${limited.length} of 30 rate-limited`);
  assert.ok(codes.every((code) => code === 'RATE_LIMITED' || code === 'TOO_MANY_SUBSCRIPTIONS'), codes.join());
  for (const m of limited) assert.equal(m.payload?.[0]?.extensions?.retryAfterSeconds, 1);
  assert.ok(messages.some((m) => m.type === 'next'), 'the allowed ones ran');
  assert.equal(ws.readyState, WebSocket.OPEN);
  // A client that ignores the refusals and floods: cut off after 4 messages per allowed operation.
  const flood = JSON.stringify({ id: 'f', type: 'complete' });
  for (let i = 0; i < 1000; i += 1) ws.send(flood);
  assert.deepEqual(await closed, { code: 4293, reason: 'Too many messages' });
});

test('an honest user is unaffected while an abuser holds every cap and floods', async () => {
  const abuser = await registerUser(server);
  const honest = await registerUser(server);
  const sender = await registerUser(server);
  const floods = await Promise.all([1, 2, 3].map(() => rawSocket(abuser.token, '198.51.100.200')));
  const own = socket({ token: honest.token, headers: from('198.51.100.201') });
  await own.connected;
  const inbox = await subscribe(own, MessageReceived);
  const flooding = floods.map(async ({ ws, closed }) => {
    for (let round = 0; ws.readyState === WebSocket.OPEN && round < 200; round += 1) {
      for (let i = 0; i < 20; i += 1) ws.send(JSON.stringify({ id: `${round}:${i}`, type: 'subscribe', payload: { query: 'subscription { messageReceived { id } }' } }));
      await new Promise((r) => setImmediate(r));
    }
    return closed;
  });
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    await sendDirect(sender.token, honest.id, `honest ${i}`);
    assert.equal((await inbox.next(1000)).data?.messageReceived.content, `honest ${i}`);
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200);
    assert.ok(performance.now() - started < 1000, `message ${i} and /health within 1 s`);
  }
  for (const { code } of await Promise.all(flooding)) assert.equal(code, 4293, 'every flooding socket was cut off');
});
