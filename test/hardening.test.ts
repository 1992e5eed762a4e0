// Query safety, HTTP hygiene, logs, metrics and graceful shutdown.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Login, Me } from './support/operations.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { startServerProcess } from './support/process.js';
import { errorCode, startTestServer, TEST_JWT_SECRET, type TestServer } from './support/server.js';
import { registerUser } from './support/accounts.js';
import { openSocket } from './support/ws.js';

let server: TestServer;
before(async () => {
  server = await startTestServer({ CORS_ORIGINS: 'https://app.example.com', METRICS_TOKEN: 'metrics-secret' });
});
after(async () => {
  await server?.close();
});

async function post(body: unknown, headers: Record<string, string> = {}, url = server.url) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

describe('query limits', () => {
  test('too deep, too many aliases, too many tokens, too costly: refused before anything runs', async () => {
    const { token } = await registerUser(server);
    const auth = { authorization: `Bearer ${token}` };
    const nest = (depth: number): string => (depth === 0 ? 'id' : `role { permissions { id } } sender: role { ${nest(depth - 1)} }`);
    const cases = {
      depth: `{ me { ${nest(12)} } }`,
      aliases: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
      tokens: `{ me { ${'id '.repeat(2500)}} }`,
      directives: `{ me { id ${'@include(if: true) '.repeat(11)}} }`,
    };
    for (const [limit, query] of Object.entries(cases)) {
      const { body } = await post({ query }, auth);
      assert.equal(body.data ?? null, null, limit);
      assert.ok(body.errors?.[0]?.extensions?.code, `${limit}: a typed error`);
      assert.match(body.errors![0]!.message, /limit|exceeded|depth|cost/i, limit);
    }
    const fine = await post({ query: '{ me { id role { name } } }' }, auth);
    assert.equal(fine.body.errors, undefined, 'an ordinary query passes');
  });

  test('a request body over MAX_BODY_SIZE is refused with 413 and a typed error', async () => {
    const { status, body } = await post({ query: '{ me { id } }', variables: { padding: 'x'.repeat(150 * 1024) } });
    assert.equal(status, 413);
    assert.equal(body.errors![0]!.extensions!.code, 'REQUEST_ENTITY_TOO_LARGE');
  });

  test('in production: no introspection, no GraphiQL, no "did you mean" hints', async () => {
    const db = await createTestDatabase();
    const prod = await startTestServer({ NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET }, db);
    try {
      const introspection = await post({ query: '{ __schema { types { name } } }' }, {}, prod.url);
      assert.equal(introspection.body.errors![0]!.extensions!.code, 'GRAPHQL_VALIDATION_FAILED');
      const typo = await post({ query: '{ mee { id } }' }, {}, prod.url);
      assert.doesNotMatch(typo.body.errors![0]!.message, /Did you mean/);
      const page = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
      assert.doesNotMatch(await page.text(), /GraphiQL/i);
    } finally {
      await prod.close();
      await db.drop();
    }
    // Development keeps them, for people exploring the API.
    assert.match((await post({ query: '{ mee { id } }' })).body.errors![0]!.message, /Did you mean "me"\?/);
    assert.ok((await post({ query: '{ __schema { queryType { name } } }' })).body.data);
  });
});

describe('HTTP', () => {
  test('security headers on every answer', async () => {
    for (const path of ['/graphql', '/health', '/avatars/1', '/nowhere']) {
      const response = await fetch(`${server.url}${path}`, { method: path === '/graphql' ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: path === '/graphql' ? '{"query":"{ __typename }"}' : undefined });
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/, path);
      assert.ok(response.headers.get('x-request-id'), path);
    }
    const graphiql = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    assert.match(await graphiql.text(), /graphiql/i);
    // GraphiQL comes from this server alone (see test/graphiql.test.ts): no inline or outside scripts.
    const graphiqlPolicy = graphiql.headers.get('content-security-policy') ?? '';
    assert.match(graphiqlPolicy, /script-src 'self'(;|$)/);
    assert.doesNotMatch(graphiqlPolicy, /https?:|unsafe-eval/);
  });

  test('CORS: only the configured origins, never with credentials', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    const allowed = await preflight('https://app.example.com');
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://app.example.com');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /authorization/);
    assert.notEqual(allowed.headers.get('access-control-allow-credentials'), 'true');
    const other = await preflight('https://evil.example');
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const simple = await post({ query: '{ __typename }' }, { origin: 'https://evil.example' });
    assert.equal(simple.headers.get('access-control-allow-origin'), null);
  });
});

describe('operations', () => {
  test('/metrics needs its token, and reports requests, operations, sockets, online users and the pool', async () => {
    assert.equal((await fetch(`${server.url}/metrics`)).status, 401);
    assert.equal((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status, 401);
    const user = await registerUser(server);
    await server.request(Me, {}, { token: user.token });
    const socket = openSocket(server.url, { token: user.token });
    await socket.connected;
    await new Promise((r) => setTimeout(r, 200));
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret' } });
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.match(text, /http_requests_total\{method="POST",route="graphql",status="200"\} \d+/);
    assert.match(text, /graphql_operations_total\{operation="Me",type="query",outcome="ok"\} [1-9]/);
    assert.match(text, /graphql_operation_duration_seconds_count\{operation="RegisterUser",type="mutation"\} [1-9]/);
    assert.match(text, /websocket_connections_open 1/);
    assert.match(text, /users_online [1-9]/);
    assert.match(text, /db_pool_connections\{state="idle"\} \d+/);
    assert.match(text, /process_resident_memory_bytes \d+/);
    await socket.dispose();
  });

  test('JSON logs: every line of a request carries its id, and no password or token is ever written', async () => {
    const db = await createTestDatabase();
    const password = 'Hunter2-very-secret';
    const instance = await startServerProcess({ DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'debug', DATA_DIR: `/tmp/membership-logs-${process.pid}` });
    try {
      const headers = { 'content-type': 'application/json', 'x-request-id': 'trace-me-123' };
      const register = await fetch(`${instance.url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: 'mutation ($input: RegisterUserInput!) { registerUser(input: $input) { ... on AuthPayload { token refreshToken } } }', variables: { input: { username: 'logcheck', email: 'logcheck@example.com', phone: '0899990000', password } } }),
      });
      assert.equal(register.headers.get('x-request-id'), 'trace-me-123');
      const { data } = (await register.json()) as { data: { registerUser: { token: string; refreshToken: string } } };
      await fetch(`${instance.url}/graphql`, { method: 'POST', headers: { ...headers, 'x-request-id': 'second-request', authorization: `Bearer ${data.registerUser.token}` }, body: JSON.stringify({ query: '{ me { id } }' }) });
      await new Promise((r) => setTimeout(r, 300));

      const lines = instance.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
      const traced = lines.filter((l) => l.requestId === 'trace-me-123');
      assert.ok(traced.length >= 2, 'the request line and the lines written while handling it');
      assert.ok(traced.some((l) => l.msg === 'request' && l.status === 200 && l.path === '/graphql'));
      assert.ok(lines.some((l) => l.requestId === 'second-request' && l.msg === 'request'));
      const everything = instance.output();
      for (const secret of [password, data.registerUser.token, data.registerUser.refreshToken]) assert.ok(!everything.includes(secret), 'a secret reached the log');
    } finally {
      await instance.stop();
      await db.drop();
    }
  });

  test('SIGTERM: in-flight requests finish, sockets are told to reconnect (1012), the process exits cleanly', async () => {
    const db = await createTestDatabase();
    const instance = await startServerProcess({ DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, DATA_DIR: `/tmp/membership-sigterm-${process.pid}`, ADMIN_USERNAME: 'root_admin', ADMIN_EMAIL: 'root_admin@example.com', ADMIN_PASSWORD: 'admin-password-1' });
    try {
      const first = await fetch(`${instance.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { login(input: { identifier: "root_admin", password: "admin-password-1" }) { ... on AuthPayload { token } } }' }) });
      const { token } = ((await first.json()) as { data: { login: { token: string } } }).data.login;
      const socket = openSocket(instance.url, { token });
      await socket.connected;

      // A sign-in takes tens of milliseconds of argon2: the signal arrives while it is being answered.
      const inFlight = fetch(`${instance.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { login(input: { identifier: "root_admin", password: "admin-password-1" }) { ... on AuthPayload { token } } }' }) });
      await new Promise((r) => setTimeout(r, 5));
      const exited = instance.stop();
      const answer = (await (await inFlight).json()) as { data?: { login: { token: string } } };
      assert.ok(answer.data?.login.token, 'the request in flight was answered');
      assert.equal((await socket.closed).code, 1012);
      assert.equal(await exited, 0);
      assert.match(instance.output(), /Shutting down/);
    } finally {
      await instance.stop();
      await db.drop();
    }
  });
});

describe('forged tokens', () => {
  test('alg none, a wrong key, an expired token and a future nbf are all UNAUTHENTICATED, over HTTP and sockets', async () => {
    const { SignJWT, UnsecuredJWT } = await import('jose');
    const user = await registerUser(server);
    const [row] = await server.db.query<{ jti: string }[]>('SELECT jti FROM sessions WHERE user_id = ?', [user.id]);
    const claims = { sid: row!.jti };
    const now = Math.floor(Date.now() / 1000);
    const signed = (key: string, exp = now + 600, nbf?: number) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(String(user.id)).setJti('forged').setIssuer('realtime-membership').setAudience('realtime-membership').setExpirationTime(exp);
      if (nbf) jwt.setNotBefore(nbf);
      return jwt.sign(new TextEncoder().encode(key));
    };
    const forged = {
      'alg none': new UnsecuredJWT(claims).setSubject(String(user.id)).setJti('forged').setIssuer('realtime-membership').setAudience('realtime-membership').setExpirationTime(now + 600).encode(),
      'wrong key': await signed('another-secret-that-is-long-enough-0123456789'),
      expired: await signed(TEST_JWT_SECRET, now - 10),
      'future nbf': await signed(TEST_JWT_SECRET, now + 600, now + 300),
    };
    for (const [kind, token] of Object.entries(forged)) {
      const result = await server.request(Me, {}, { token });
      assert.equal(errorCode(result), 'UNAUTHENTICATED', kind);
      assert.equal(result.data, null, kind);
      const socket = openSocket(server.url, { token });
      assert.equal((await socket.closed).code, 4403, kind);
    }
    assert.ok((await server.request(Me, {}, { token: await signed(TEST_JWT_SECRET) })).data?.me, 'the same claims, properly signed, work');
    assert.equal(errorCode(await server.request(Login, { input: { identifier: user.input.username, password: 'x' } }, { token: forged['alg none'] })), 'UNAUTHENTICATED');
  });
});
