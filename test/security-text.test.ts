// Text that is not what it looks like, sent the way an attacker would over every transport that carries it (HTTP
// POST, SSE, graphql-ws; HTTP GET for queries): look-alike usernames, invisible and mixed-script names, lone
// surrogates, C1 controls, bidi overrides and invisible format characters in every free-text field, NUL and ESC in
// login identifiers, and DateTime values outside years 0001-9999. Each must be refused before anything is stored.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ExecutionResult } from 'graphql';
import { register, signInRootAdmin, type Account } from './support/accounts.js';
import { startTestServer, type TestServer } from './support/server.js';
import { openSocket, type TestSocket } from './support/ws.js';

type Result = ExecutionResult<Record<string, unknown>> & { errors?: { message: string; extensions?: Record<string, unknown> }[] };
type Transport = 'POST' | 'SSE' | 'graphql-ws' | 'GET';

let server: TestServer;
let adminToken: string;
let user: Account;
const sockets = new Map<string, TestSocket>();

before(async () => {
  server = await startTestServer();
  adminToken = (await signInRootAdmin(server)).token;
  user = await register(server);
});
after(async () => {
  await Promise.all([...sockets.values()].map((socket) => socket.dispose()));
  await server?.close();
});

const viaPost = (query: string, variables: Record<string, unknown>, token?: string) => requestRaw(server.url, query, variables, token);

async function requestRaw(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Result> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    // JSON.stringify writes a lone surrogate as a \udXXX escape: exactly the raw JSON an attacker sends.
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result;
}

async function viaGet(query: string, variables: Record<string, unknown>, token?: string): Promise<Result> {
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  const response = await fetch(`${server.url}/graphql?${params}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return (await response.json()) as Result;
}

/** Yoga's SSE transport: the first `next` event of the stream. */
async function viaSse(query: string, variables: Record<string, unknown>, token?: string): Promise<Result> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
  const text = await response.text();
  const data = /event: next\ndata: (.*)\n/.exec(text)?.[1];
  assert.ok(data, `no next event in ${text.slice(0, 200)}`);
  return JSON.parse(data) as Result;
}

async function viaSocket(query: string, variables: Record<string, unknown>, token?: string): Promise<Result> {
  let socket = sockets.get(token ?? '');
  if (!socket) {
    socket = openSocket(server.url, token ? { token } : {});
    sockets.set(token ?? '', socket);
  }
  await socket.connected;
  return new Promise<Result>((resolve) => {
    socket.client.subscribe<Record<string, unknown>>(
      { query, variables },
      {
        next: (value) => resolve(value as Result),
        // Errors before execution (validation) arrive as an error message rather than a result.
        error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String(error) }] } as Result),
        complete: () => undefined,
      },
    );
  });
}

const TRANSPORTS = { POST: viaPost, SSE: viaSse, 'graphql-ws': viaSocket, GET: viaGet } as const;

/** The same operation over every transport that can carry it: GET only carries queries. */
async function everywhere(query: string, variables: Record<string, unknown>, token?: string): Promise<[Transport, Result][]> {
  const transports = (Object.keys(TRANSPORTS) as Transport[]).filter((t) => t !== 'GET' || !/^\s*mutation\b/.test(query));
  const results: [Transport, Result][] = [];
  for (const transport of transports) results.push([transport, await TRANSPORTS[transport](query, variables, token)]);
  return results;
}

function assertRefused(results: [Transport, Result][], code: string, field: string | undefined, what: string): void {
  for (const [transport, result] of results) {
    const error = result.errors?.[0];
    assert.equal(error?.extensions?.code, code, `${what} over ${transport}: ${JSON.stringify(result).slice(0, 300)}`);
    if (field) assert.equal(error?.extensions?.field, field, `${what} over ${transport} names the field`);
  }
}

const COUNTED_TABLES = ['users', 'messages', 'notifications', 'roles', 'permissions', 'permission_history', 'login_history', 'sessions'];

async function counts(): Promise<Record<string, number>> {
  const state: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const [row] = await server.db.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM \`${table}\``);
    state[table] = Number(row!.n);
  }
  return state;
}

const REGISTER = 'mutation ($input: RegisterUserInput!) { registerUser(input: $input) { ... on AuthPayload { user { id username } } } }';
const UPDATE_PROFILE = 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { user { username } } }';
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { ... on AuthPayload { token } } }';

let serial = 0;
/** A registration input with a fresh email and phone, so only the username can conflict. */
function registration(username: string) {
  serial += 1;
  const n = String(serial).padStart(4, '0');
  return { input: { username, email: `text${n}@example.com`, phone: `089-555-${n}`, password: 'correct horse battery' } };
}

/** Each name is refused with `code` as a new user's and as an existing user's new name, and nothing is created. */
async function assertNamesRefused(names: readonly (readonly [string, string])[], code: string): Promise<void> {
  const before = await counts();
  for (const [name, how] of names) {
    assertRefused(await everywhere(REGISTER, registration(name)), code, 'username', `registering ${JSON.stringify(name)} (${how})`);
    assertRefused(await everywhere(UPDATE_PROFILE, { input: { username: name } }, user.token), code, 'username', `renaming to ${JSON.stringify(name)} (${how})`);
  }
  assert.deepEqual(await counts(), before, 'nothing was created');
}

describe('look-alike usernames', () => {
  test('a look-alike of a taken name is a CONFLICT, on registration and on a username change, over every transport', async () => {
    for (const name of ['maxim', 'paypal', 'ioana', 'paya']) {
      const created = await viaPost(REGISTER, registration(name));
      assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    }
    const lookAlikes = [
      ['MAXIM', 'case'],
      ['rnaxim', 'rn for m'],
      ['pɑypɑl', 'Latin alpha for a'],
      ['paypaI', 'capital I for l'],
      ['ıoana', 'dotless i'],
      ['ⅰoana', 'roman numeral one (NFKC)'],
      ['рауа', 'all-Cyrillic whole-script look-alike of paya'],
    ] as const;
    await assertNamesRefused(lookAlikes, 'CONFLICT');
  });

  test('invisible characters, mixed scripts and stacked marks are refused', async () => {
    const refused = [
      ['аdmin', 'Cyrillic а among Latin'],
      ['admιn', 'Greek iota among Latin'],
      ['ad\u034Fmin', 'combining grapheme joiner'],
      ['ad\u3164min', 'Hangul filler'],
      ['ad\u17B5min', 'Khmer inherent vowel'],
      ['admin\uFE0F', 'variation selector'],
      ['ad\u200Dmin', 'zero-width joiner'],
      ['ad\u200Bmin', 'zero-width space'],
      ['a\u0301\u0302\u0303\u0304\u0305dmin', 'five stacked marks'],
      ['a\u0301\u0301dmin', 'a repeated mark'],
      ['สมชายab', 'Thai with Latin letters'],
      ['ad\u202Emin', 'a bidi override'],
    ] as const;
    await assertNamesRefused(refused, 'BAD_USER_INPUT');
  });

  test('rows made before the skeleton column get one at start-up, so their look-alikes are refused too', async () => {
    await server.db.query(
      "INSERT INTO users (username, username_key, email, password_hash, role_id) SELECT 'oldtimer', 'oldtimer', 'oldtimer@example.com', password_hash, role_id FROM users LIMIT 1",
    );
    const second = await startTestServer({}, server.db);
    try {
      const [row] = await server.db.query<{ s: string | null }[]>("SELECT username_skeleton AS s FROM users WHERE username_key = 'oldtimer'");
      assert.equal(row!.s, 'oldtirner');
      assertRefused([['POST', await requestRaw(second.url, REGISTER, registration('o1dtimer'))]], 'CONFLICT', 'username', 'a look-alike of a backfilled name');
    } finally {
      await second.close();
    }
  });

  test('Thai names with combining vowels and tone marks, and Thai with digits, keep working', async () => {
    for (const name of ['สมชาย', 'น้ำผึ้ง', 'กิ่งแก้ว', 'ศุภชัย', 'ประยุทธ์', 'สมศรี_99', '田中taro']) {
      const input = registration(name);
      const created = await viaPost(REGISTER, input);
      assert.equal(created.errors, undefined, `${name}: ${JSON.stringify(created.errors)}`);
      const signedIn = await viaPost(LOGIN, { input: { identifier: name, password: input.input.password } });
      assert.equal(signedIn.errors, undefined, `${name} signs in by username: ${JSON.stringify(signedIn.errors)}`);
    }
  });
});

describe('text that is not what it looks like, in every free-text field', () => {
  // Never text: lone surrogates (JSON allows them, storage turned them into U+FFFD), C1 controls, bidi overrides and
  // isolates, invisible format characters, tag characters that smuggle hidden text.
  const HOSTILE = [
    ['a lone high surrogate', 'x\uD800y'],
    ['a lone low surrogate', '\uDC00'],
    ['NEL (C1)', 'x\u0085y'],
    ['CSI (C1)', 'x\u009B31my'],
    ['ESC', 'x\u001B[31my'],
    ['right-to-left override', 'x\u202Ey'],
    ['right-to-left isolate', 'x\u2067y'],
    ['zero-width space', 'x\u200By'],
    ['byte order mark', '\uFEFFx'],
    ['a tag character', `x${String.fromCodePoint(0xe0041)}y`],
  ] as const;
  // One line only: line breaks and direction marks are for text that may span lines.
  const NOT_ONE_LINE = [
    ['a line break', 'x\ny'],
    ['a right-to-left mark', 'x\u200Fy'],
  ] as const;

  interface Target {
    field: string;
    query: string;
    variables: (value: string) => Record<string, unknown>;
    token: () => string | undefined;
    multiline: boolean;
  }
  const targets: Target[] = [
    { field: 'content', query: 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }', variables: (v) => ({ input: { content: v } }), token: () => user.token, multiline: true },
    { field: 'title', query: 'mutation ($input: SendNotificationInput!) { sendNotification(input: $input) { notification { id } } }', variables: (v) => ({ input: { userId: user.id, title: v, message: 'hello' } }), token: () => adminToken, multiline: false },
    { field: 'message', query: 'mutation ($input: SendNotificationInput!) { sendNotification(input: $input) { notification { id } } }', variables: (v) => ({ input: { userId: user.id, title: 'hello', message: v } }), token: () => adminToken, multiline: true },
    { field: 'message', query: 'mutation ($input: BroadcastNotificationInput!) { broadcastNotification(input: $input) { notification { id } } }', variables: (v) => ({ input: { title: 'hello', message: v } }), token: () => adminToken, multiline: true },
    { field: 'name', query: 'mutation ($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }', variables: (v) => ({ input: { name: v } }), token: () => adminToken, multiline: false },
    { field: 'description', query: 'mutation ($input: CreateRoleInput!) { createRole(input: $input) { role { id } } }', variables: (v) => ({ input: { name: 'Text', description: v } }), token: () => adminToken, multiline: true },
    { field: 'reason', query: 'mutation ($input: CreatePermissionInput!) { createPermission(input: $input) { permission { id } } }', variables: (v) => ({ input: { name: 'text:test', reason: v } }), token: () => adminToken, multiline: true },
    { field: 'reason', query: 'mutation ($input: SetUserStatusInput!) { setUserStatus(input: $input) { revokedSessions } }', variables: (v) => ({ input: { userId: user.id, active: true, reason: v } }), token: () => adminToken, multiline: true },
    { field: 'username', query: UPDATE_PROFILE, variables: (v) => ({ input: { username: `name${v}` } }), token: () => user.token, multiline: false },
    { field: 'email', query: REGISTER, variables: (v) => ({ input: { ...registration('textual').input, email: `a${v}@example.com` } }), token: () => undefined, multiline: false },
    { field: 'identifier', query: LOGIN, variables: (v) => ({ input: { identifier: `root_admin${v}`, password: 'admin-password-1' } }), token: () => undefined, multiline: false },
    { field: 'search', query: 'query ($search: String) { users(search: $search, first: 5) { totalCount } }', variables: (v) => ({ search: v }), token: () => adminToken, multiline: false },
  ];

  test('each hostile value is BAD_USER_INPUT naming the field, over every transport, and nothing is stored', async () => {
    const before = await counts();
    for (const target of targets) {
      const values = target.multiline ? HOSTILE : [...HOSTILE, ...NOT_ONE_LINE];
      for (const [label, value] of values) {
        assertRefused(await everywhere(target.query, target.variables(value), target.token()), 'BAD_USER_INPUT', target.field, `${target.field} with ${label}`);
      }
    }
    assert.deepEqual(await counts(), before, 'nothing was stored, not even a login attempt');
  });

  test('a password is checked for well-formedness only, so a lone surrogate cannot hash like U+FFFD', async () => {
    const before = await counts();
    assertRefused(await everywhere(LOGIN, { input: { identifier: 'root_admin', password: 'admin-password-\uD800' } }), 'BAD_USER_INPUT', 'password', 'a password with a lone surrogate');
    assert.deepEqual(await counts(), before);
  });

  test('a literal in the document is checked like a variable', async () => {
    assertRefused(await everywhere('mutation { sendMessage(input: { content: "x\\u202Ey" }) { message { id } } }', {}, user.token), 'BAD_USER_INPUT', 'content', 'an RLO in a literal');
    assertRefused(await everywhere('query { users(search: "x\\u0085", first: 5) { totalCount } }', {}, adminToken), 'BAD_USER_INPUT', 'search', 'a C1 control in a literal');
  });

  test('real text passes: Thai, direction marks and line breaks in messages, emoji sequences and flags', async () => {
    const text = 'สวัสดีครับ 👨‍👩‍👧 🏴󠁧󠁢󠁥󠁮󠁧󠁿\nשלום\u200F 123\tok';
    for (const [transport, result] of await everywhere('mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { content } } }', { input: { content: text } }, user.token)) {
      assert.equal(result.errors, undefined, `${transport}: ${JSON.stringify(result.errors)}`);
      assert.equal((result.data?.sendMessage as { message: { content: string } }).message.content, text, transport);
    }
    const [stored] = await server.db.query<{ content: string }[]>('SELECT content FROM messages ORDER BY id DESC LIMIT 1');
    assert.equal(stored!.content, text, 'stored exactly as sent');
  });

  test('a raw JSON body with a \\ud800 escape is refused, not stored as U+FFFD', async () => {
    const before = await counts();
    const body = '{"query":"mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }","variables":{"input":{"content":"hi \\ud800 there"}}}';
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` }, body });
    const result = (await response.json()) as Result;
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(result.errors?.[0]?.extensions?.field, 'content');
    assert.deepEqual(await counts(), before);
    const [replaced] = await server.db.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM messages WHERE content LIKE '%\uFFFD%'");
    assert.equal(Number(replaced!.n), 0);
  });
});

describe('login identifiers with control characters', () => {
  test('NUL and ESC are refused before anything is counted or recorded', async () => {
    const before = await counts();
    for (const identifier of ['root_admin\u0000', '\u001B[2Jroot_admin', 'root\u0000admin@example.com', '\u0000', '081\u001B234\u00005678']) {
      assertRefused(await everywhere(LOGIN, { input: { identifier, password: 'admin-password-1' } }), 'BAD_USER_INPUT', 'identifier', `identifier ${JSON.stringify(identifier)}`);
    }
    assert.deepEqual(await counts(), before, 'login_history holds none of them');
    const [stored] = await server.db.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM login_history WHERE identifier LIKE CONCAT('%', CHAR(0), '%') OR identifier LIKE CONCAT('%', CHAR(27), '%')");
    assert.equal(Number(stored!.n), 0);
  });
});

describe('DateTime', () => {
  const QUERY = 'query ($from: DateTime) { loginHistory(from: $from, first: 1) { totalCount } }';
  test('only RFC 3339 date-times with years 0001 to 9999, as variables and literals, over every transport', async () => {
    const refused = [
      '10000-01-01T00:00:00Z',
      '+010000-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      '-000001-01-01T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59-01:00',
      '2026-02-30T00:00:00Z',
      '2026-11-25',
      '2026-11-25 01:09:08Z',
      '2026-11-25T01:09:08',
      'Wed, 25 Nov 2026 01:09:08 GMT',
      '1700000000',
    ];
    for (const value of refused) {
      assertRefused(await everywhere(QUERY, { from: value }, adminToken), 'BAD_USER_INPUT', undefined, `from = ${value}`);
      assertRefused(await everywhere(`query { loginHistory(from: ${JSON.stringify(value)}, first: 1) { totalCount } }`, {}, adminToken), 'BAD_USER_INPUT', undefined, `literal ${value}`);
    }
    for (const value of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-11-25T08:09:08+07:00', '2024-02-29T00:00:00.123456Z']) {
      for (const [transport, result] of await everywhere(QUERY, { from: value }, adminToken)) {
        assert.equal(result.errors, undefined, `${value} over ${transport}: ${JSON.stringify(result.errors)}`);
      }
    }
  });
});
