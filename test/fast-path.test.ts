// The GraphQL fast path (src/graphql/fast-path.ts) answers exactly as Yoga does. Each request is sent over real
// HTTP to two servers on the same database: one as deployed (a plain JSON POST takes the fast path) and one with
// GRAPHQL_FAST_PATH=false (everything through Yoga). Status, content type, CORS headers and body must be the same,
// for answers that succeed, fail validation, fail authorization, from allowed and other origins, and for the
// requests the fast path hands over to Yoga after reading them (syntax errors, unknown parameters, batches, bad
// UTF-8).
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, test } from 'node:test';
import { registerUser } from './support/accounts.js';
import { startTestServer, type TestServer } from './support/server.js';

const METRICS_TOKEN = 'fast-path-metrics-secret';
let server: TestServer;
let yogaOnly: TestServer;
const CORS_ORIGINS = 'https://app.example.com,https://admin.example.com';

/** How many requests the fast path has answered (its counter in /metrics). */
async function fastAnswers(): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return Number(/^graphql_fast_path_answers_total (\d+)$/m.exec(text)?.[1]);
}
before(async () => {
  server = await startTestServer({ METRICS_TOKEN, CORS_ORIGINS });
  yogaOnly = await startTestServer({ METRICS_TOKEN, CORS_ORIGINS, GRAPHQL_FAST_PATH: 'false' }, server.db);
});
after(async () => {
  await yogaOnly?.close();
  await server?.close();
});

interface Answer {
  status: number;
  contentType: string | undefined;
  /** The CORS headers, by name. */
  cors: Record<string, string>;
  body: string;
}

/** A raw POST, so that no header is added but those given (fetch would add Accept). */
function post(body: string | Buffer, headers: Record<string, string>, to: TestServer = server): Promise<Answer> {
  const url = new URL('/graphql', to.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const cors = Object.fromEntries(Object.entries(res.headers).filter(([name]) => name.startsWith('access-control-') || name === 'vary')) as Record<string, string>;
        resolve({ status: res.statusCode!, contentType: res.headers['content-type'], cors, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The answer on the fast path and through Yoga, which must be the same. */
async function both(body: string | Buffer, headers: Record<string, string>): Promise<Answer> {
  const fast = await post(body, { 'content-type': 'application/json', ...headers });
  const yoga = await post(body, { 'content-type': 'application/json', ...headers }, yogaOnly);
  assert.deepEqual(fast, yoga, `${String(body).slice(0, 80)} ${JSON.stringify(headers)}`);
  return fast;
}

test('every kind of answer is the same on the fast path as through Yoga', async () => {
  const { token } = await registerUser(server);
  const auth = { authorization: `Bearer ${token}` };
  const me = JSON.stringify({ query: 'query Me { me { id username email phone } }' });

  const signedIn = await both(me, auth);
  assert.equal(signedIn.status, 200);
  assert.match(signedIn.body, /"username"/);
  // Accept variants: none, anything, JSON, the GraphQL response type (400 for request errors there), and the lists
  // clients send (Apollo Client's, urql's, a browser's), q-values, charsets, types Yoga does not answer with JSON.
  for (const accept of [
    '*/*',
    'application/json',
    'application/graphql-response+json',
    'application/graphql-response+json,application/json;q=0.9',
    'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
    'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'application/json;q=0.1, application/graphql-response+json',
    'Application/JSON; charset=UTF-8',
    'application/json; charset=latin1, application/*',
    'application/json; charset=latin1',
    'application/*',
    'text/html',
    'image/png, */*;q=0.1',
  ]) {
    await both(me, { ...auth, accept });
  }
  // Origins: allowed ones get Yoga's CORS headers, others none, the same either way.
  for (const origin of ['https://app.example.com', 'https://admin.example.com', 'https://elsewhere.example', 'null']) {
    const answer = await both(me, { ...auth, origin });
    assert.equal(answer.status, 200);
    if (origin.endsWith('.example.com')) assert.equal(answer.cors['access-control-allow-origin'], origin);
    if (origin === 'https://elsewhere.example') assert.deepEqual(answer.cors, {});
  }
  await both(JSON.stringify({ query: '{ me { id nope } }' }), { ...auth, origin: 'https://app.example.com' });

  // Errors: no token, a bad token, a validation error, a variable of the wrong type, an unknown operation name.
  assert.match((await both(me, {})).body, /UNAUTHENTICATED/);
  await both(me, { authorization: 'Bearer not-a-token' });
  await both(me, { authorization: 'Basic abc' });
  const invalid = JSON.stringify({ query: '{ me { id nope } }' });
  assert.match((await both(invalid, auth)).body, /GRAPHQL_VALIDATION_FAILED/);
  assert.equal((await both(invalid, { ...auth, accept: 'application/graphql-response+json' })).status, 400);
  await both(JSON.stringify({ query: 'query U($id: ID!) { user(id: $id) { id } }', variables: { id: { nested: true } } }), auth);
  await both(JSON.stringify({ query: 'query A { me { id } } query B { me { username } }', operationName: 'B' }), auth);
  await both(JSON.stringify({ query: 'query A { me { id } } query B { me { username } }' }), auth);
  await both(JSON.stringify({ query: 'query A { me { id } }', operationName: 'C' }), auth);
  // A mutation, refused (wrong password): the same typed error either way.
  await both(JSON.stringify({ query: 'mutation { login(input: { identifier: "nobody_here", password: "wrong password" }) { ... on AuthPayload { token } } }' }), {});

  // Handed to Yoga after the body was read: syntax errors, the token limit, unknown parameters, batches, not an
  // object, bad JSON, bad UTF-8, a subscription over plain POST.
  assert.match((await both(JSON.stringify({ query: '{ me { id ' }), auth)).body, /GRAPHQL_PARSE_FAILED/);
  await both(JSON.stringify({ query: `{ me { ${'id '.repeat(2500)}} }` }), auth);
  assert.match((await both(JSON.stringify({ query: '{ me { id } }', extra: 1 }), auth)).body, /Unexpected parameter/);
  await both(JSON.stringify([{ query: '{ me { id } }' }]), auth);
  await both(JSON.stringify({ query: 42 }), auth);
  await both('"just a string"', auth);
  await both('{"query": ', auth);
  await both(Buffer.from([0x7b, 0x22, 0x71, 0xff, 0x22, 0x7d]), auth);
  // (Accept: JSON, or both sides would stream the subscription over SSE for ever.)
  await both(JSON.stringify({ query: 'subscription { messageReceived { id } }' }), { ...auth, accept: 'application/json' });
});

test("Apollo Client's and urql's requests take the fast path; requests that are not plain do not", async () => {
  const { token } = await registerUser(server);
  const me = JSON.stringify({ query: 'query Me { me { id username } }' });
  const taken = async (headers: Record<string, string>, body = me) => {
    const before = await fastAnswers();
    const answer = await post(body, { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers });
    assert.ok(answer.status === 200 || /BAD_REQUEST/.test(answer.body), answer.body);
    return (await fastAnswers()) - before === 1;
  };
  assert.equal(await taken({ accept: 'application/graphql-response+json,application/json;q=0.9' }), true, 'Apollo Client');
  assert.equal(await taken({ accept: 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed' }), true, 'urql');
  assert.equal(await taken({}), true, 'no Accept');
  assert.equal(await taken({ accept: 'application/json', origin: 'https://app.example.com' }), true, 'a browser on an allowed origin');
  assert.equal(await taken({ accept: 'text/event-stream' }), false, 'event stream only');
  assert.equal(await taken({ accept: 'application/json' }, JSON.stringify([{ query: '{ me { id } }' }])), false, 'a batch');
});

test('the fast path answers a plain request in full, with the service headers', async () => {
  const { token } = await registerUser(server);
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(response.headers.get('x-request-id'));
  assert.equal(response.headers.get('content-length'), String(Buffer.byteLength(await response.text())));
});
