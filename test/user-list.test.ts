// Listing users over GraphQL: keyset pagination over 250 users, search by each identifier, filters, privacy.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DeleteUser, SetUserStatus, User, UserIds, Users } from './support/admin-operations.js';
import { accountWithRole, register, roleIds, signInRootAdmin, type Account } from './support/accounts.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import type { UserOrder, UsersQueryVariables } from './gql/graphql.js';

let server: TestServer;
let admin: { id: string; token: string };
let roleId: Record<string, string>;

const PAGE_USERS = 250;

before(async () => {
  server = await startTestServer();
  admin = await signInRootAdmin(server);
  roleId = await roleIds(server, admin.token);
  // 250 users written directly (hashing 250 passwords through registerUser would only slow the test). Ten share
  // each creation instant, so ordering by time must fall back to the id; usernames are a permutation of the
  // numbers, so username order differs from id order.
  const values: unknown[] = [];
  for (let i = 0; i < PAGE_USERS; i += 1) {
    const n = String((i * 37) % PAGE_USERS).padStart(3, '0');
    const createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 10)));
    values.push(`Page${n}`, `page${n}`, `page${n}@example.com`, `+6680000${n}`, 'not-a-real-hash', Number(roleId.User), createdAt);
  }
  const placeholders = Array.from({ length: PAGE_USERS }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
  await server.db.query(`INSERT INTO users (username, username_key, email, phone, password_hash, role_id, created_at) VALUES ${placeholders}`, values);
});
after(async () => {
  await server?.close();
});

async function expectedIds(orderBy: string, where = "username_key LIKE 'page%'"): Promise<string[]> {
  const rows = await server.db.query<{ id: number }[]>(`SELECT id FROM users WHERE ${where} AND deleted_at IS NULL ORDER BY ${orderBy}`);
  return rows.map((r) => String(r.id));
}

/** Pages through `users` forwards, checking each page's shape, and returns the ids in the order served. */
async function pageThrough(variables: UsersQueryVariables, pageSize: number, between?: (page: number) => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null | undefined;
  for (let page = 0; ; page += 1) {
    const result = await server.request(Users, { ...variables, first: pageSize, after }, { token: admin.token });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const { edges, pageInfo } = result.data!.users;
    assert.ok(edges.length <= pageSize);
    assert.equal(pageInfo.hasPreviousPage, page > 0);
    ids.push(...edges.map((e) => e.node.id));
    if (edges.length > 0) {
      assert.equal(pageInfo.startCursor, edges[0]!.cursor);
      assert.equal(pageInfo.endCursor, edges.at(-1)!.cursor);
    }
    if (!pageInfo.hasNextPage) break;
    assert.equal(edges.length, pageSize, 'only the last page is short');
    after = pageInfo.endCursor;
    await between?.(page);
    assert.ok(page < 100, 'pagination terminates');
  }
  return ids;
}

describe('users: pagination', () => {
  const orders: [UserOrder | undefined, string][] = [
    [undefined, 'created_at DESC, id DESC'],
    [{ field: 'CREATED_AT', direction: 'ASC' }, 'created_at ASC, id ASC'],
    [{ field: 'USERNAME', direction: 'ASC' }, 'username_key ASC, id ASC'],
    [{ field: 'USERNAME', direction: 'DESC' }, 'username_key DESC, id DESC'],
  ];
  for (const [orderBy, sql] of orders) {
    test(`pages through all ${PAGE_USERS} users in a stable order with no duplicates or gaps (${orderBy ? `${orderBy.field} ${orderBy.direction}` : 'default: newest first'})`, async () => {
      const ids = await pageThrough({ search: 'page', orderBy }, 30);
      assert.equal(ids.length, PAGE_USERS);
      assert.equal(new Set(ids).size, PAGE_USERS, 'no duplicates');
      assert.deepEqual(ids, await expectedIds(sql), 'exactly the expected order, so no gaps');
    });
  }

  test('totalCount counts every match, whatever the page', async () => {
    const first = await server.request(Users, { search: 'page', first: 7 }, { token: admin.token });
    assert.equal(first.data!.users.totalCount, PAGE_USERS);
    const later = await server.request(Users, { search: 'page', first: 7, after: first.data!.users.pageInfo.endCursor }, { token: admin.token });
    assert.equal(later.data!.users.totalCount, PAGE_USERS);
    const all = await server.request(Users, { first: 1 }, { token: admin.token });
    assert.equal(all.data!.users.totalCount, PAGE_USERS + 1, 'and the root admin');
  });

  test('a page continues right after its cursor while users are being added', async () => {
    const order: UserOrder = { field: 'USERNAME', direction: 'ASC' };
    const original = await expectedIds('username_key ASC, id ASC');
    const added: string[] = [];
    const ids = await pageThrough({ search: 'page', orderBy: order }, 40, async (page) => {
      if (page !== 0) return;
      // One sorts before the pages already read (never served), one after (served in its place).
      for (const n of ['000a', '999z']) {
        const result = await server.db.query<{ insertId: number }>(
          'INSERT INTO users (username, username_key, email, phone, password_hash, role_id) VALUES (?, ?, ?, NULL, ?, ?)',
          [`page${n}`, `page${n}`, `page${n}@example.com`, 'x', Number(roleId.User)],
        );
        added.push(String(result.insertId));
      }
    });
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    assert.deepEqual(ids.filter((id) => !added.includes(id)), original, 'every original user once, in order');
    assert.ok(!ids.includes(added[0]!) && ids.includes(added[1]!));
    await server.db.query('DELETE FROM users WHERE id IN (?)', [added.map(Number)]);
  });

  test('newest-first pages do not repeat anyone when newer users arrive meanwhile', async () => {
    let added = 0;
    const ids = await pageThrough({ search: 'page' }, 50, async () => {
      const n = `new${added++}`;
      await server.db.query('INSERT INTO users (username, username_key, email, phone, password_hash, role_id, created_at) VALUES (?, ?, ?, NULL, ?, ?, ?)', [
        `page${n}`,
        `page${n}`,
        `page${n}@example.com`,
        'x',
        Number(roleId.User),
        new Date(Date.UTC(2026, 1, 1, 0, 0, added)), // after every seeded user
      ]);
    });
    assert.equal(added, 4);
    assert.equal(new Set(ids).size, PAGE_USERS);
    assert.equal(ids.length, PAGE_USERS);
    await server.db.query("DELETE FROM users WHERE username_key LIKE 'pagenew%'");
  });

  test('last/before pages backwards to exactly the previous page', async () => {
    const one = await server.request(Users, { search: 'page', first: 20 }, { token: admin.token });
    const two = await server.request(Users, { search: 'page', first: 20, after: one.data!.users.pageInfo.endCursor }, { token: admin.token });
    const back = await server.request(Users, { search: 'page', last: 20, before: two.data!.users.pageInfo.startCursor }, { token: admin.token });
    assert.equal(back.errors, undefined, JSON.stringify(back.errors));
    assert.deepEqual(
      back.data!.users.edges.map((e) => e.node.id),
      one.data!.users.edges.map((e) => e.node.id),
    );
    assert.equal(back.data!.users.pageInfo.hasNextPage, true);
  });

  test('page sizes above 100 or below 0, and foreign or broken cursors, are BAD_USER_INPUT naming the argument', async () => {
    const cases: [UsersQueryVariables, string][] = [
      [{ first: 101 }, 'first'],
      [{ first: -1 }, 'first'],
      [{ last: 1000 }, 'last'],
      [{ first: 5, after: 'garbage' }, 'after'],
      [{ last: 5, before: Buffer.from('["users:CREATED_AT:DESC","x",1]').toString('base64url') }, 'before'],
    ];
    for (const [variables, field] of cases) {
      const result = await server.request(Users, variables, { token: admin.token });
      assert.equal(errorCode(result), 'BAD_USER_INPUT', JSON.stringify(variables));
      assert.equal(result.errors![0]!.extensions!.field, field, JSON.stringify(variables));
    }
    const byName = await server.request(Users, { first: 5, orderBy: { field: 'USERNAME', direction: 'ASC' } }, { token: admin.token });
    const mixed = await server.request(Users, { first: 5, after: byName.data!.users.pageInfo.endCursor }, { token: admin.token });
    assert.equal(errorCode(mixed), 'BAD_USER_INPUT', 'a cursor from another ordering is refused, not misread');
    const huge = await server.request(Users, { first: 2 ** 31 }, { token: admin.token });
    assert.equal(errorCode(huge), 'BAD_USER_INPUT');
    const zero = await server.request(Users, { first: 0 }, { token: admin.token });
    assert.deepEqual(zero.data?.users.edges, []);
    const fullPage = await server.request(UserIds, { search: 'page', first: 100 }, { token: admin.token });
    assert.equal(fullPage.data!.users.edges.length, 100);
  });
});

describe('users: filters and search', () => {
  let searcher: Account;
  let other: Account;

  before(async () => {
    searcher = await register(server, { username: 'Searcher_One', email: 'Alpha.Search@Example.com', phone: '086-555-0001' });
    other = await register(server, { username: 'searcher2', email: 'beta@example.org', phone: '+66 86 555 0002' });
    await register(server, { username: 'wild_card', email: 'w1@example.net', phone: '086-777-0001' });
    await register(server, { username: 'wildXcard', email: 'w2@example.net', phone: '086-777-0002' });
  });

  async function search(term: string, token = admin.token) {
    const result = await server.request(Users, { search: term, first: 100 }, { token });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    return result.data!.users.edges.map((e) => e.node.username).sort();
  }

  test('by username prefix, in any case', async () => {
    assert.deepEqual(await search('searcher'), ['Searcher_One', 'searcher2']);
    assert.deepEqual(await search('SEARCHER_o'), ['Searcher_One']);
    assert.deepEqual(await search('  searcher2  '), ['searcher2']);
  });

  test('by email prefix, in any case', async () => {
    assert.deepEqual(await search('alpha.search@'), ['Searcher_One']);
    assert.deepEqual(await search('ALPHA'), ['Searcher_One']);
    assert.deepEqual(await search('beta@example.org'), ['searcher2']);
  });

  test('by phone prefix, written nationally or internationally, with or without separators', async () => {
    for (const term of ['0865550001', '086-555-0001', '086 555', '+66 86 555 0001', '+6686555', '66865550001', '865550001']) {
      assert.ok((await search(term)).includes('Searcher_One'), term);
    }
    assert.deepEqual(await search('08655500'), ['Searcher_One', 'searcher2']);
    assert.deepEqual(await search('0865550002'), ['searcher2']);
  });

  test('LIKE wildcards in the search are taken literally', async () => {
    assert.deepEqual(await search('wild_'), ['wild_card']);
    assert.deepEqual(await search('wild%'), []);
    assert.deepEqual(await search('%'), []);
    assert.deepEqual(await search('_'), []);
    assert.deepEqual(await search('!'), []);
  });

  test('an empty search lists everyone; an overlong one is BAD_USER_INPUT', async () => {
    const everyone = await server.request(UserIds, { search: '   ', first: 1 }, { token: admin.token });
    assert.equal(everyone.errors, undefined);
    const long = await server.request(Users, { search: 'x'.repeat(255) }, { token: admin.token });
    assert.equal(errorCode(long), 'BAD_USER_INPUT');
    assert.equal(long.errors![0]!.extensions!.field, 'search');
  });

  test('a member without user:write searches usernames only: hidden emails and phones cannot be probed', async () => {
    const member = await register(server);
    assert.deepEqual(await search('searcher', member.token), ['Searcher_One', 'searcher2']);
    assert.deepEqual(await search('alpha.search', member.token), []);
    assert.deepEqual(await search('0865550001', member.token), []);
  });

  test('role and status filters combine with search and with each other', async () => {
    const moderator = await accountWithRole(server, admin.token, 'Moderator', { username: 'searcher_mod' });
    await server.request(SetUserStatus, { input: { userId: other.id, active: false } }, { token: admin.token });

    const mods = await server.request(Users, { search: 'searcher', role: roleId.Moderator, first: 10 }, { token: admin.token });
    assert.deepEqual(mods.data!.users.edges.map((e) => e.node.id), [moderator.id]);
    assert.equal(mods.data!.users.totalCount, 1);
    const disabled = await server.request(Users, { status: 'DISABLED', first: 10 }, { token: admin.token });
    assert.deepEqual(disabled.data!.users.edges.map((e) => e.node.id), [other.id]);
    const activeSearchers = await server.request(Users, { search: 'searcher', status: 'ACTIVE', first: 10 }, { token: admin.token });
    assert.deepEqual(activeSearchers.data!.users.edges.map((e) => e.node.username).sort(), ['Searcher_One', 'searcher_mod']);
    const activeUsers = await server.request(Users, { role: roleId.User, status: 'ACTIVE', search: 'searcher', first: 10 }, { token: admin.token });
    assert.deepEqual(activeUsers.data!.users.edges.map((e) => e.node.id), [searcher.id]);
    const noSuchRole = await server.request(Users, { role: '999999', first: 10 }, { token: admin.token });
    assert.deepEqual(noSuchRole.data!.users.edges, []);
    const badRole = await server.request(Users, { role: 'Admin', first: 10 }, { token: admin.token });
    assert.equal(errorCode(badRole), 'BAD_USER_INPUT');
    assert.equal(badRole.errors![0]!.extensions!.field, 'role');
    await server.request(SetUserStatus, { input: { userId: other.id, active: true } }, { token: admin.token });
  });

  test('deleted users are left out of lists and searches, and user(id) is NOT_FOUND for them', async () => {
    const gone = await register(server, { username: 'searcher_gone' });
    assert.ok((await search('searcher_gone')).includes('searcher_gone'));
    await server.request(DeleteUser, { input: { userId: gone.id } }, { token: admin.token });
    assert.deepEqual(await search('searcher_gone'), []);
    assert.equal(errorCode(await server.request(User, { id: gone.id }, { token: admin.token })), 'NOT_FOUND');
  });
});

describe('user(id) and private contact details', () => {
  test('email and phone are visible to the user and to holders of user:write, and null for other members and moderators', async () => {
    const alice = await register(server);
    const bob = await register(server);
    const moderator = await accountWithRole(server, admin.token, 'Moderator');

    const byBob = await server.request(User, { id: alice.id }, { token: bob.token });
    assert.equal(byBob.errors, undefined, JSON.stringify(byBob.errors));
    assert.equal(byBob.data!.user.username, alice.username);
    assert.equal(byBob.data!.user.email, null);
    assert.equal(byBob.data!.user.phone, null);
    const byModerator = await server.request(User, { id: alice.id }, { token: moderator.token });
    assert.equal(byModerator.data!.user.email, null);

    const byAdmin = await server.request(User, { id: alice.id }, { token: admin.token });
    assert.equal(byAdmin.data!.user.email, alice.email);
    assert.equal(byAdmin.data!.user.phone, alice.phone);
    const bySelf = await server.request(User, { id: alice.id }, { token: alice.token });
    assert.equal(bySelf.data!.user.email, alice.email);

    const listedToBob = await server.request(Users, { search: alice.username, first: 1 }, { token: bob.token });
    assert.equal(listedToBob.data!.users.edges[0]!.node.email, null);
    const listedToAdmin = await server.request(Users, { search: alice.username, first: 1 }, { token: admin.token });
    assert.equal(listedToAdmin.data!.users.edges[0]!.node.phone, alice.phone);
  });

  test('an unknown id is NOT_FOUND and a malformed one BAD_USER_INPUT', async () => {
    assert.equal(errorCode(await server.request(User, { id: '999999' }, { token: admin.token })), 'NOT_FOUND');
    const malformed = await server.request(User, { id: 'abc' }, { token: admin.token });
    assert.equal(errorCode(malformed), 'BAD_USER_INPUT');
    assert.equal(malformed.errors![0]!.extensions!.field, 'id');
  });
});
