// Attacks with cross-site request forgery: everything a page on another site can make a browser send here without a
// CORS preflight (a form POST, urlencoded, multipart or text/plain; a no-cors fetch with a body of no type; a GET
// link or image), with and without the headers Apollo clients add, asking for JSON or for an event stream. None may
// run a mutation: each is refused with a 4xx (a typed BAD_REQUEST where the answer is JSON) and the database is
// left as it was. A JSON POST of the same mutation, the control, succeeds.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { print } from 'graphql';
import { newUserInput, type NewUserInput } from './support/accounts.js';
import { RegisterUser } from './support/operations.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;

before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server?.close();
});

const QUERY = print(RegisterUser);

/** The bodies a cross-site page can send, each with the Content-Type the browser gives it (null: none at all). */
const SIMPLE_BODIES: { name: string; contentType: string | null; body: (input: NewUserInput) => BodyInit }[] = [
  {
    name: 'form, urlencoded',
    contentType: 'application/x-www-form-urlencoded',
    body: (input) => new URLSearchParams({ query: QUERY, variables: JSON.stringify({ input }) }).toString(),
  },
  {
    name: 'form, urlencoded with a charset',
    contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
    body: (input) => new URLSearchParams({ query: QUERY, variables: JSON.stringify({ input }) }).toString(),
  },
  { name: 'text/plain (a form with enctype=text/plain, or a no-cors fetch of a string)', contentType: 'text/plain;charset=UTF-8', body: (input) => JSON.stringify({ query: QUERY, variables: { input } }) },
  { name: 'text/plain holding a GraphQL document', contentType: 'text/plain', body: (input) => `mutation { registerUser(input: { username: "${input.username}", email: "${input.email}", phone: "${input.phone}", password: "${input.password}" }) { ... on AuthPayload { token } } }` },
  { name: 'no Content-Type (a no-cors fetch of a typeless Blob)', contentType: null, body: (input) => new Blob([JSON.stringify({ query: QUERY, variables: { input } })]) },
  {
    name: 'form, multipart (GraphQL multipart request without a file)',
    contentType: 'multipart/form-data', // fetch adds the boundary
    body: (input) => {
      const form = new FormData();
      form.append('operations', JSON.stringify({ query: QUERY, variables: { input } }));
      form.append('map', '{}');
      return form;
    },
  },
];

/** Headers that force a preflight: a cross-site page cannot add them, so a request with one is not a forgery. */
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name', 'graphql-preflight'];

async function usersNamed(username: string): Promise<number> {
  const [row] = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM users WHERE username = ?', [username]);
  return Number(row!.n);
}

async function assertRefused(response: Response, what: string): Promise<void> {
  const text = await response.text();
  assert.ok(response.status >= 400 && response.status < 500, `${what}: answered ${response.status} ${text.slice(0, 200)}`);
  if (/json/.test(response.headers.get('content-type') ?? '')) {
    const body = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    assert.equal(body.data, undefined, `${what}: no data`);
    assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_REQUEST', `${what}: ${text.slice(0, 200)}`);
  }
}

describe('a POST that is not JSON runs nothing', () => {
  for (const kind of SIMPLE_BODIES) {
    for (const accept of ['application/graphql-response+json, application/json', 'text/event-stream']) {
      for (const extra of [undefined, ...PREFLIGHT_HEADERS]) {
        // A multipart request with a preflight header is an upload the browser preflighted: the upload path, tested
        // in avatars.test.ts. Every other combination is refused, the header notwithstanding.
        if (kind.contentType === 'multipart/form-data' && extra) continue;
        const what = `${kind.name}, accept ${accept.split(',')[0]}${extra ? `, with ${extra}` : ''}`;
        test(what, async () => {
          const input = newUserInput();
          const headers: Record<string, string> = { accept, origin: 'https://evil.example' };
          if (kind.contentType && kind.contentType !== 'multipart/form-data') headers['content-type'] = kind.contentType;
          if (extra) headers[extra] = 'true';
          const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: kind.body(input) });
          await assertRefused(response, what);
          assert.equal(await usersNamed(input.username), 0, `${what}: the user must not exist`);
        });
      }
    }
  }
});

describe('a GET never runs a mutation', () => {
  for (const accept of ['application/json', 'text/event-stream', 'text/html']) {
    test(`GET with a mutation in the URL, accept ${accept}`, async () => {
      const input = newUserInput();
      const url = `${server.url}/graphql?${new URLSearchParams({ query: QUERY, variables: JSON.stringify({ input }) })}`;
      const response = await fetch(url, { headers: { accept } });
      if (accept === 'text/html') {
        // GraphiQL's page (on outside production), which runs nothing until its user presses the button.
        assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      } else {
        assert.ok(response.status >= 400 && response.status < 500, `answered ${response.status}`);
      }
      await response.arrayBuffer();
      assert.equal(await usersNamed(input.username), 0);
    });
  }
});

test('the same mutation as JSON (the control) runs', async () => {
  const input = newUserInput();
  const result = await server.request(RegisterUser, { input });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  assert.equal(await usersNamed(input.username), 1);
});
