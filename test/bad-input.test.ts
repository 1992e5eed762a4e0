// Hostile input at every argument of every query and mutation, generated from the schema itself so a new field is
// covered the day it is added: each value must get a typed error, and the database must not change.
import { OIDC_ERROR_CODES } from '../src/errors.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import { getSchema } from '../src/graphql/schema.js';
import { accountWithRole, register, ROOT_ADMIN, signInRootAdmin, type Account } from './support/accounts.js';
import { SendNotification } from './support/operations.js';
import { startTestServer, type TestServer } from './support/server.js';

/** The codes a client can switch on; anything else (or no code) is a failure of this suite. */
const TYPED = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'REQUEST_ENTITY_TOO_LARGE',
  // Domain codes a client switches on too (src/errors.ts): a refused password, step-up, a provider's sign-in code.
  'WEAK_PASSWORD',
  'REAUTH_REQUIRED',
  'EMAIL_NOT_VERIFIED',
  ...OIDC_ERROR_CODES,
]);

/** Fields tested elsewhere or taking no arguments a client controls. */
const SKIPPED = new Set(['uploadAvatar']);

let server: TestServer;
let adminToken: string;
let victim: Account;
const ids: Record<string, string> = {};

before(async () => {
  server = await startTestServer();
  adminToken = (await signInRootAdmin(server)).token;
  victim = await accountWithRole(server, adminToken, 'User');
  const [moderator] = await server.db.query<{ id: number }[]>("SELECT id FROM roles WHERE name = 'Moderator'");
  ids.role = String(moderator!.id);
  // A custom role and permission, so deleting or editing them is not refused as "built-in" before the hostile value is seen.
  await server.db.query("INSERT INTO permissions (name, description) VALUES ('test:thing', 'a custom permission')");
  await server.db.query("INSERT INTO roles (name, description) VALUES ('Custom', 'a custom role')");
  const [permission] = await server.db.query<{ id: number }[]>("SELECT id FROM permissions WHERE name = 'test:thing'");
  const [custom] = await server.db.query<{ id: number }[]>("SELECT id FROM roles WHERE name = 'Custom'");
  ids.permission = String(permission!.id);
  ids.customRole = String(custom!.id);
  const sent = await server.request(SendNotification, { input: { userId: String(victim.id), title: 'hello', message: 'there' } }, { token: adminToken });
  ids.notification = sent.data!.sendNotification.notification.id;
});
after(async () => {
  await server?.close();
});

/** Valid values for required arguments, so a request fails because of the hostile value and nothing else. */
function baselineString(name: string): string {
  const values: Record<string, string> = {
    identifier: victim.username,
    password: 'correct horse battery',
    currentPassword: ROOT_ADMIN.password,
    newPassword: 'another good password',
    email: 'fresh.user@example.com',
    phone: '0891112233',
    username: 'freshuser',
    name: 'test:other',
    content: 'hello',
    title: 'hello',
    message: 'hello',
    refreshToken: 'not-a-token',
  };
  return values[name] ?? 'hello';
}

function baselineId(field: string, argName: string): string {
  if (argName === 'roleId' || argName === 'role') return ids.role!;
  if (argName === 'permissionIds') return ids.permission!;
  if (argName === 'id') {
    if (/Role$/.test(field)) return ids.customRole!;
    if (/Permission$/.test(field)) return ids.permission!;
    if (field === 'markNotificationRead') return ids.notification!;
    return victim.id;
  }
  return victim.id;
}

function baseline(field: string, name: string, type: GraphQLInputType): unknown {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) return [baseline(field, name, nullable.ofType)];
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, baseline(field, f.name, f.type)]),
    );
  }
  if (isEnumType(named)) return named.getValues()[0]!.name;
  switch (named.name) {
    case 'ID':
      return baselineId(field, name);
    case 'Int':
      return 5;
    case 'Boolean':
      return name === 'active' ? false : true;
    case 'DateTime':
      return new Date().toISOString();
    default:
      return baselineString(name);
  }
}

/** Values no argument of this type should accept: wrong types, malformed, out of range, hostile text. */
function hostileValues(named: GraphQLNamedType, name: string): [string, unknown][] {
  const wrongTypes: [string, unknown][] = [
    ['an object', { $gt: '' }],
    ['a list', [1, 2]],
  ];
  if (isEnumType(named)) return [['an unknown enum value', 'NOT_A_VALUE'], ['a number', 1], ...wrongTypes];
  switch (named.name) {
    case 'ID':
      return [
        ['an SQL fragment', '1 OR 1=1'],
        ['a negative id', '-1'],
        ['zero', '0'],
        ['a huge id', '99999999999999999999999'],
        ['a fraction', '1.5'],
        ['a path', '../../etc/passwd'],
        ['an empty id', ''],
        ['a boolean', true],
        ...wrongTypes,
      ];
    case 'Int':
      return [
        ['a negative count', -1],
        ['a huge count', 1_000_000_000],
        ['an overflowing number', 2 ** 31],
        ['a fraction', 1.5],
        ['a numeric string', '5'],
        ...wrongTypes,
      ];
    case 'Boolean':
      return [['a string', 'yes'], ['a number', 1], ...wrongTypes];
    case 'DateTime':
      return [['not a date', 'yesterday'], ['a number', 1700000000], ['an impossible date', '2026-02-31T99:00:00Z'], ...wrongTypes];
    default: {
      const text: [string, unknown][] = [
        ['control characters', `bad\u0000\u0007\u001b[31m${baselineString(name)}`],
        ['a lone surrogate', `\uD800${baselineString(name)}`],
        ['a direction override', `\u202E${baselineString(name)}`],
        ['a 64 KB string', 'A'.repeat(64 * 1024)],
        ['a 1 MB string', 'A'.repeat(1024 * 1024)],
        ['a number', 42],
        ...wrongTypes,
      ];
      // A cursor is opaque: any text not made by the server is malformed.
      if (name === 'after' || name === 'before') text.push(['a forged cursor', Buffer.from('["users",1]').toString('base64url')]);
      return text;
    }
  }
}

interface Case {
  field: string;
  operation: 'query' | 'mutation';
  path: string;
  label: string;
  variables: Record<string, unknown>;
  document: string;
}

/** Every (field, argument path, hostile value) triple, with the other arguments at their baseline. */
function cases(): Case[] {
  const schema = getSchema();
  const out: Case[] = [];
  for (const [operation, root] of [
    ['query', schema.getQueryType()!],
    ['mutation', schema.getMutationType()!],
  ] as const) {
    for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (SKIPPED.has(field.name) || field.args.length === 0) continue;
      const selection = selectionFor(getNamedType(field.type));
      const declarations = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const document = `${operation} Hostile(${declarations}) { ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')}) ${selection} }`;
      const base = () =>
        Object.fromEntries(field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, baseline(field.name, a.name, a.type)]));
      for (const arg of field.args) {
        const named = getNamedType(arg.type);
        const leaves: { path: string[]; name: string; named: GraphQLNamedType }[] = isInputObjectType(named)
          ? Object.values(named.getFields()).map((f) => ({ path: [arg.name, f.name], name: f.name, named: getNamedType(f.type) }))
          : [{ path: [arg.name], name: arg.name, named }];
        for (const leaf of leaves) {
          for (const [label, value] of hostileValues(leaf.named, leaf.name)) {
            const variables = base();
            if (leaf.path.length === 1) variables[arg.name] = isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type) ? [value] : value;
            else {
              const input = { ...((variables[arg.name] as Record<string, unknown>) ?? baseline(field.name, arg.name, arg.type)) };
              const fieldType = (named as import('graphql').GraphQLInputObjectType).getFields()[leaf.name]!.type;
              input[leaf.name] = isListType(isNonNullType(fieldType) ? fieldType.ofType : fieldType) ? [value] : value;
              variables[arg.name] = input;
            }
            out.push({ field: field.name, operation, path: leaf.path.join('.'), label, variables, document });
          }
        }
      }
    }
  }
  return out;
}

/** The smallest valid selection: scalars need none, objects get __typename. */
function selectionFor(type: GraphQLNamedType): string {
  return isScalarType(type) || isEnumType(type) ? '' : '{ __typename }';
}

/** Row counts of every table and checksums of the ones that hold accounts and permissions. */
async function snapshot(): Promise<Record<string, unknown>> {
  const tables = await server.db.query<{ name: string }[]>(
    'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME',
  );
  const state: Record<string, unknown> = {};
  for (const { name } of tables) {
    // Every sign-in attempt is recorded by design, failed ones included, and a failed one counts towards a lockout.
    if (name === 'login_history' || name === 'login_lockouts' || name === '__drizzle_migrations') continue;
    const [row] = await server.db.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM \`${name}\``);
    state[name] = row!.n;
  }
  for (const name of ['users', 'roles', 'permissions', 'role_permissions', 'sessions', 'user_status']) {
    const [row] = await server.db.query<{ Checksum: number }[]>(`CHECKSUM TABLE \`${name}\``);
    state[`checksum:${name}`] = row!.Checksum;
  }
  return state;
}

async function send(document: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, body };
}

describe('hostile values in every argument', () => {
  test('each gets a typed error and the database is unchanged', async () => {
    const all = cases();
    assert.ok(all.length > 300, `only ${all.length} cases: is the schema being read?`);
    const before = await snapshot();
    const failures: string[] = [];
    for (const c of all) {
      const { status, body } = await send(c.document, c.variables, adminToken);
      const code = body.errors?.[0]?.extensions?.code;
      const answered = body.data?.[c.field];
      if (!code || !TYPED.has(code) || (answered !== undefined && answered !== null) || status >= 500) {
        failures.push(`${c.operation} ${c.field}(${c.path} = ${c.label}): status ${status}, code ${code ?? 'none'}, data ${JSON.stringify(body.data)?.slice(0, 80)}`);
      }
    }
    assert.deepEqual(failures, [], `${failures.length} of ${all.length} hostile values were not refused with a typed error`);
    assert.deepEqual(await snapshot(), before, 'the database changed');
    assert.ok((await send('{ me { id } }', {}, adminToken)).body.data, 'the admin session survived it all');
  });

  test('without a token every field that needs one is UNAUTHENTICATED, changing nothing', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    const seen = new Set<string>();
    for (const c of cases()) {
      if (seen.has(c.field)) continue;
      seen.add(c.field);
      const { body } = await send(c.document, c.variables);
      const code = body.errors?.[0]?.extensions?.code;
      if (!code || !TYPED.has(code)) failures.push(`${c.field}: ${code ?? 'no code'}`);
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(await snapshot(), before);
  });
});

describe('hostile text that is valid text', () => {
  test('SQL metacharacters are data: stored and searched verbatim, never executed', async () => {
    const before = await snapshot();
    const sql = `Robert'); DROP TABLE users; -- " \\ % _ \`x\``;
    const sent = await send('mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { content } } }', { input: { content: sql } }, victim.token);
    assert.equal((sent.body.data?.sendMessage as { message: { content: string } }).message.content, sql);
    const [stored] = await server.db.query<{ content: string }[]>('SELECT content FROM messages ORDER BY id DESC LIMIT 1');
    assert.equal(stored!.content, sql);
    for (const search of [sql, '%', '_', "' OR '1'='1"]) {
      const found = await send('query ($search: String) { users(search: $search, first: 10) { totalCount } }', { search }, adminToken);
      assert.deepEqual(found.body.data, { users: { totalCount: 0 } }, `search ${JSON.stringify(search)} matched as a pattern`);
    }
    const login = await send('mutation ($input: LoginInput!) { login(input: $input) { ... on AuthPayload { token } } }', { input: { identifier: "admin' --", password: "' OR '1'='1" } });
    assert.equal(login.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const after = await snapshot();
    assert.equal(after.messages, (before.messages as number) + 1, 'exactly the one message was added');
    assert.deepEqual({ ...after, messages: before.messages }, before, 'and nothing else changed');
  });

  test('a body that is not valid UTF-8 is refused as a bad request', async () => {
    const head = Buffer.from('{"query":"mutation ($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }","variables":{"input":{"content":"');
    const body = Buffer.concat([head, Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}}}')]);
    const before = await snapshot();
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${victim.token}` }, body });
    const json = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    assert.equal(response.status, 400);
    assert.equal(json.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
    assert.deepEqual(await snapshot(), before);
  });
});
