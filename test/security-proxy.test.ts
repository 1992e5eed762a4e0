// Attacks with a forged X-Forwarded-For: dodging the per-address limits and writing a chosen (or malformed) address
// into login_history, with and without a proxy in front, over HTTP and graphql-ws.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, test } from 'node:test';
import { print, type ExecutionResult } from 'graphql';
import { ConfigError, loadConfig } from '../src/config.js';
import { Login } from './support/operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { registerUser } from './support/accounts.js';
import { execute, openSocket, type TestSocket } from './support/ws.js';
import { startForwardingProxy, type ForwardingProxy } from './support/forwarding-proxy.js';

/** The attacker's own address (any 127.x works on loopback); the proxy connects from 127.0.0.3. */
const CLIENT = '127.0.0.2';
const PROXY = '127.0.0.3';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

async function serverWith(env: Record<string, string>): Promise<TestServer> {
  const server = await startTestServer({ RATE_LIMIT_LOGIN_IP: '4/60', ...env });
  closers.push(() => server.close());
  return server;
}

async function proxyFor(server: TestServer): Promise<ForwardingProxy> {
  const proxy = await startForwardingProxy(server.url, PROXY);
  closers.push(() => proxy.close());
  return proxy;
}

/** A login over HTTP POST from CLIENT, with whatever X-Forwarded-For the attacker writes. */
function httpLogin(baseUrl: string, forwardedFor: string, identifier: string, password: string): Promise<ExecutionResult<unknown>> {
  const body = JSON.stringify({ query: print(Login), variables: { input: { identifier, password } } });
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/graphql`, { method: 'POST', localAddress: CLIENT, headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(JSON.parse(text) as ExecutionResult<unknown>));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A login over a graphql-ws socket opened from CLIENT with a forged X-Forwarded-For on its upgrade request. */
async function socketLogin(baseUrl: string, forwardedFor: string, identifier: string, password: string): Promise<ExecutionResult<unknown>> {
  const socket: TestSocket = openSocket(baseUrl, { localAddress: CLIENT, headers: { 'x-forwarded-for': forwardedFor } });
  try {
    return await execute(socket, Login, { input: { identifier, password } });
  } finally {
    await socket.dispose();
  }
}

const FORGED = ['203.0.113.5', '198.51.100.7, 203.0.113.6', "'); DROP TABLE users; --", '::1', '10.0.0.1,10.0.0.2,10.0.0.3', 'unknown'];

/**
 * Sends a forged header per attempt, alternating HTTP and graphql-ws: every attempt must be recorded as coming from
 * `expectedIp`, and the per-address limit (4 a minute) must refuse the fifth whatever the header says.
 */
async function attackThrough(server: TestServer, baseUrl: string, expectedIp: string) {
  const user = await registerUser(server);
  const results: unknown[] = [];
  for (let i = 0; i < 6; i += 1) {
    const send = i % 2 === 0 ? httpLogin : socketLogin;
    results.push(errorCode(await send(baseUrl, FORGED[i]!, user.input.username, `guess ${i}`)));
  }
  assert.deepEqual(results, ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'RATE_LIMITED']);
  const rows = await server.db.query<{ ip: string }[]>('SELECT ip FROM login_history WHERE user_id = ?', [user.id]);
  assert.deepEqual(
    rows.map((r) => r.ip),
    Array(4).fill(expectedIp),
    'login_history holds the real address',
  );
}

test('without TRUST_PROXY a forged X-Forwarded-For is ignored', async () => {
  const server = await serverWith({});
  await attackThrough(server, server.url, CLIENT);
});

test('with TRUST_PROXY=1 behind one proxy, only the entry the proxy wrote counts', async () => {
  const server = await serverWith({ TRUST_PROXY: '1' });
  await attackThrough(server, (await proxyFor(server)).url, CLIENT);
});

test('with TRUST_PROXY naming the proxy, entries left of its own are ignored, and a client that bypasses it gets no say', async () => {
  const env = { TRUST_PROXY: `10.0.0.0/8, ${PROXY}` };
  const proxied = await serverWith(env);
  await attackThrough(proxied, (await proxyFor(proxied)).url, CLIENT);
  const bypassed = await serverWith(env);
  await attackThrough(bypassed, bypassed.url, CLIENT);
});

test('with TRUST_PROXY=1 but no proxy in front, a malformed entry falls back to the socket address', async () => {
  const server = await serverWith({ TRUST_PROXY: '1', RATE_LIMIT_LOGIN_IP: '100/60' });
  const user = await registerUser(server);
  for (const forged of ["'); DROP TABLE users; --", 'x'.repeat(300), '1.2.3.4.5']) {
    assert.equal(errorCode(await httpLogin(server.url, forged, user.input.username, 'guess')), 'UNAUTHENTICATED');
    assert.equal(errorCode(await socketLogin(server.url, forged, user.input.username, 'guess')), 'UNAUTHENTICATED');
  }
  const rows = await server.db.query<{ ip: string }[]>('SELECT DISTINCT ip FROM login_history WHERE user_id = ?', [user.id]);
  assert.deepEqual(rows, [{ ip: CLIENT }]);
});

test('TRUST_PROXY is validated at start-up', () => {
  const base = { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40) };
  for (const good of ['false', 'true', '0', '2', '10.0.0.1', '10.0.0.0/8, 192.168.0.0/16', '::1, fd00::/8']) {
    assert.doesNotThrow(() => loadConfig({ ...base, TRUST_PROXY: good }), good);
  }
  for (const bad of ['maybe', '10.0.0.0/33', '10.0.0.1/8/8', '300.1.1.1', 'fd00::/129', '10.0.0.0/x']) {
    assert.throws(() => loadConfig({ ...base, TRUST_PROXY: bad }), (error: unknown) => error instanceof ConfigError && /TRUST_PROXY/.test(error.message), bad);
  }
});
