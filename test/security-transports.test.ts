// Attacks the GraphQL pipeline through every transport that carries a document: the same hostile documents over
// HTTP POST, HTTP GET, SSE (POST and GET) and graphql-ws, in production mode, must meet the same refusal (same
// `extensions.code`, same message), leak no "Did you mean" hint, and leave the socket open for the next operation.
// Also: a multipart upload mapped into a variable of another type, and over-long variable values, are refused
// without echoing the value.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { GraphQLFormattedError } from 'graphql';
import { openSocket, type TestSocket } from './support/ws.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from './support/server.js';

interface Answer {
  data?: unknown;
  errors?: readonly GraphQLFormattedError[];
}

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

type Transport = (operation: Operation) => Promise<Answer>;

let server: TestServer;
let socket: TestSocket;

before(async () => {
  server = await startTestServer({ NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET });
  socket = openSocket(server.url);
  await socket.connected;
});
after(async () => {
  await socket?.dispose();
  await server?.close();
});

function getUrl({ query, variables }: Operation): string {
  const params = new URLSearchParams({ query });
  if (variables) params.set('variables', JSON.stringify(variables));
  return `${server.url}/graphql?${params}`;
}

async function json(response: Response): Promise<Answer> {
  return (await response.json()) as Answer;
}

/** The `next` events of a text/event-stream answer, read to its end (a query's stream completes by itself). */
async function events(response: Response): Promise<Answer> {
  assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
  const text = await response.text();
  const answers = text
    .split('\n\n')
    .filter((block) => /^event: next$/m.test(block))
    .map((block) => JSON.parse(block.match(/^data: (.*)$/m)![1]!) as Answer);
  assert.equal(answers.length, 1, `one result in ${text.slice(0, 500)}`);
  return answers[0]!;
}

/** One operation on the shared socket: its single result, or the errors of a graphql-ws `error` message. */
function overSocket(operation: Operation): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answer: Answer | undefined;
    socket.client.subscribe(operation, {
      next: (value) => (answer = value as Answer),
      error: (error) => (Array.isArray(error) ? resolve({ errors: error as GraphQLFormattedError[] }) : reject(new Error(`the socket failed: ${JSON.stringify(error)}`))),
      complete: () => (answer ? resolve(answer) : reject(new Error('completed without a result'))),
    });
  });
}

const transports: Record<string, Transport> = {
  'HTTP POST': async (operation) =>
    json(await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify(operation) })),
  'HTTP GET': async (operation) => json(await fetch(getUrl(operation), { headers: { accept: 'application/graphql-response+json' } })),
  'SSE POST': async (operation) =>
    events(await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify(operation) })),
  'SSE GET': async (operation) => events(await fetch(getUrl(operation), { headers: { accept: 'text/event-stream' } })),
  'graphql-ws': overSocket,
};

const nest = (depth: number): string => (depth === 0 ? 'id' : `role { id permissions { id } } sender: role { ${nest(depth - 1)} }`);

/** Each document is refused before anything runs, with the code every transport must give. */
const hostile: Record<string, Operation & { code: string; message?: RegExp }> = {
  'introspection __schema': { query: '{ __schema { types { name } } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /introspection/i },
  'introspection __type': { query: '{ __type(name: "User") { fields { name } } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /introspection/i },
  'introspection inside a fragment': { query: 'query { ...F } fragment F on Query { __schema { queryType { name } } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /introspection/i },
  'too deep': { query: `{ me { ${nest(12)} } }`, code: 'GRAPHQL_VALIDATION_FAILED', message: /depth/i },
  'too many aliases': { query: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`, code: 'GRAPHQL_VALIDATION_FAILED', message: /aliases/i },
  'too many tokens': { query: `{ me { ${'id '.repeat(2001)}} }`, code: 'GRAPHQL_PARSE_FAILED', message: /token/i },
  'too many directives': { query: `{ me { id ${'@include(if: true) '.repeat(11)}} }`, code: 'GRAPHQL_VALIDATION_FAILED', message: /directives/i },
  costly: { query: '{ users(first: 100) { edges { node { id username role { id name permissions { id name description } } } } } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /cost/i },
  'a syntax error': { query: '{ me { id }', code: 'GRAPHQL_PARSE_FAILED', message: /Syntax Error/ },
  'a misspelt field': { query: '{ mee { id } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /mee/ },
  'a misspelt field on a type': { query: '{ me { usernam } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /usernam/ },
  'a misspelt argument': { query: '{ users(frist: 1) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /frist/ },
  'a misspelt type': { query: 'query ($order: UserOrdr) { users(orderBy: $order) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /UserOrdr/ },
  'a fragment on a misspelt type': { query: '{ me { ... on Usr { id } } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /Usr/ },
  'a misspelt directive argument': { query: '{ me { id @include(iff: true) } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /iff/ },
  'a misspelt enum value in a literal': { query: '{ me { avatarUrl(size: THUMBB) } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /THUMBB/ },
  'a misspelt enum value in a variable': {
    query: 'query ($size: AvatarSize) { me { avatarUrl(size: $size) } }',
    variables: { size: 'THUMBB' },
    code: 'BAD_USER_INPUT',
    message: /THUMBB/,
  },
  'a misspelt input field in a literal': { query: '{ users(orderBy: { feild: USERNAME, field: USERNAME, direction: ASC }) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /feild/ },
  'a misspelt input field in a variable': {
    query: 'query ($order: UserOrder) { users(orderBy: $order) { totalCount } }',
    variables: { order: { feild: 'USERNAME', field: 'USERNAME', direction: 'ASC' } },
    code: 'BAD_USER_INPUT',
    message: /feild/,
  },
  'a misspelt enum value inside an input variable': {
    query: 'query ($order: UserOrder) { users(orderBy: $order) { totalCount } }',
    variables: { order: { field: 'USERNAM', direction: 'ASC' } },
    code: 'BAD_USER_INPUT',
    message: /USERNAM/,
  },
  'a bad variable type': { query: 'query ($first: Int) { users(first: $first) { totalCount } }', variables: { first: 'ten' }, code: 'BAD_USER_INPUT', message: /Int/ },
  'a huge value for an Int variable': {
    query: 'query ($first: Int) { users(first: $first) { totalCount } }',
    variables: { first: 'x'.repeat(2000) },
    code: 'BAD_USER_INPUT',
    message: /Int/,
  },
  'an object for a String variable': {
    query: 'query ($search: String) { users(search: $search) { totalCount } }',
    variables: { search: { path: '/etc/passwd', buffer: 'x'.repeat(500) } },
    code: 'BAD_USER_INPUT',
  },
  'a variable type that is not an input type': { query: 'query ($user: User) { me { id } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /User/ },
  'a subscription with a misspelt field': { query: 'subscription { messageReceived { contnet } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /contnet/ },
  'a subscription with a huge variable value': {
    query: 'subscription ($size: AvatarSize) { messageReceived { id sender { avatarUrl(size: $size) } } }',
    variables: { size: 'x'.repeat(5000) },
    code: 'BAD_USER_INPUT',
    message: /AvatarSize/,
  },
  'a missing required variable': { query: 'query ($first: Int!) { users(first: $first) { totalCount } }', code: 'BAD_USER_INPUT', message: /first/ },
};

/** What a client may be shown: no suggestion, and no long echo of what it sent. */
function assertNothingLeaks(name: string, answer: Answer) {
  for (const error of answer.errors ?? []) {
    assert.doesNotMatch(error.message, /did you mean/i, `${name}: ${error.message}`);
    assert.doesNotMatch(error.message, /xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx|passwd|buffer/, `${name} echoes the value: ${error.message}`);
    assert.ok(error.message.length <= 300, `${name}: a message of ${error.message.length} characters`);
    assert.equal(error.extensions?.http, undefined, `${name}: transport details in extensions`);
  }
}

describe('every transport applies the same pipeline (production)', () => {
  for (const [name, { query, variables, ...expected }] of Object.entries(hostile)) {
    test(name, async () => {
      const answers: Record<string, Answer> = {};
      for (const [transport, send] of Object.entries(transports)) {
        answers[transport] = await send({ query, variables });
        // The refusal was for that operation only: the socket still answers the next one.
        assert.deepEqual(await overSocket({ query: '{ __typename }' }), { data: { __typename: 'Query' } }, `${name}: the socket after ${transport}`);
      }
      const reference = answers['HTTP POST']!;
      assert.ok(reference.errors?.length, `${name}: refused over HTTP POST, got ${JSON.stringify(reference)}`);
      assert.equal(reference.data ?? null, null, `${name}: nothing ran`);
      assert.equal(reference.errors[0]!.extensions?.code, expected.code, `${name}: ${JSON.stringify(reference.errors)}`);
      if (expected.message) assert.match(reference.errors[0]!.message, expected.message, name);
      for (const [transport, answer] of Object.entries(answers)) {
        assertNothingLeaks(`${name} over ${transport}`, answer);
        assert.deepEqual(
          answer.errors?.map((error) => ({ message: error.message, code: error.extensions?.code })),
          reference.errors.map((error) => ({ message: error.message, code: error.extensions?.code })),
          `${name}: ${transport} answers as HTTP POST does`,
        );
      }
    });
  }
});

test('a bad token in one operation\'s headers (as GraphiQL sends them) is an error for that operation, not the socket', async () => {
  const answer = await new Promise<Answer>((resolve, reject) => {
    socket.client.subscribe(
      { query: '{ me { id } }', extensions: { headers: { authorization: 'Bearer not-a-token' } } },
      { next: (value) => resolve(value as Answer), error: (error) => (Array.isArray(error) ? resolve({ errors: error as GraphQLFormattedError[] }) : reject(new Error('the socket failed'))), complete: () => undefined },
    );
  });
  assert.equal(answer.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', JSON.stringify(answer));
  assert.deepEqual(await overSocket({ query: '{ __typename }' }), { data: { __typename: 'Query' } });
});

describe('an upload mapped into a variable of another type (multipart)', () => {
  const fileName = 'holiday-photo-7f3a.png';
  /** A GraphQL multipart request, as apollo-upload-client sends one, with the file mapped to `path`. */
  async function upload(query: string, variables: Record<string, unknown>, path: string): Promise<Answer> {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query, variables }));
    form.append('map', JSON.stringify({ 1: [path] }));
    form.append('1', new Blob([new Uint8Array(4096).fill(7)], { type: 'image/png' }), fileName);
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'apollo-require-preflight': 'true' }, body: form });
    return json(response);
  }

  const cases: Record<string, { query: string; variables: Record<string, unknown>; path: string }> = {
    'a String variable': { query: 'mutation ($email: String) { updateProfile(input: { email: $email }) { user { id } } }', variables: { email: null }, path: 'variables.email' },
    'a field of an input object variable': {
      query: 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id } } }',
      variables: { input: { email: null } },
      path: 'variables.input.email',
    },
    'an item of a list variable': {
      query: 'mutation ($ids: [ID!]) { createRole(input: { name: "x", permissionIds: $ids }) { role { id } } }',
      variables: { ids: [null] },
      path: 'variables.ids.0',
    },
    'a DateTime variable': { query: 'query ($from: DateTime) { loginHistory(from: $from) { totalCount } }', variables: { from: null }, path: 'variables.from' },
  };

  for (const [name, { query, variables, path }] of Object.entries(cases)) {
    test(name, async () => {
      const answer = await upload(query, variables, path);
      assert.equal(answer.data ?? null, null, `${name}: nothing ran`);
      assert.equal(answer.errors?.length, 1, JSON.stringify(answer.errors));
      const [error] = answer.errors!;
      assert.equal(error!.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(error));
      assert.match(error!.message, /file upload/, `${name}: says what was sent`);
      for (const internal of [fileName, 'createReadStream', 'promise', 'stream', 'function', 'Buffer', 'mimetype', '/tmp']) {
        assert.ok(!error!.message.includes(internal), `${name}: the message echoes ${internal}: ${error!.message}`);
      }
      assertNothingLeaks(name, answer);
    });
  }
});
