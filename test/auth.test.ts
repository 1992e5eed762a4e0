// Accounts end to end over HTTP: register, log in by each identifier, log out, profile, password change.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ChangePassword, Login, Logout, Me, RegisterUser, UpdateProfile, VerificationState } from './support/operations.js';
import { newUserInput, registerUser, type NewUserInput } from './support/accounts.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { session } from './support/sign-in.js';

let server: TestServer;
const newUser = newUserInput;
const register = (overrides: Partial<NewUserInput> = {}) => registerUser(server, overrides);

before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server?.close();
});

describe('registerUser', () => {
  test('creates a User-role account, signs it in, and normalizes email and phone', async () => {
    const { input, token, user, expiresAt, refreshTokenExpiresAt } = await register({ email: 'Mixed.Case@Example.COM' });
    assert.ok(token.split('.').length === 3, 'a JWT');
    const accessLife = new Date(expiresAt).getTime() - Date.now();
    assert.ok(accessLife > 14 * 60_000 && accessLife <= 15 * 60_000, 'the access token lives ACCESS_TOKEN_TTL (15 minutes by default)');
    assert.ok(new Date(refreshTokenExpiresAt).getTime() > Date.now() + 23 * 3600_000, 'the sign-in lives JWT_EXPIRES_IN (a day by default)');
    assert.equal(user.username, input.username);
    assert.equal(user.email, 'mixed.case@example.com');
    assert.equal(user.phone, `+66${input.phone.replaceAll('-', '').slice(1)}`, 'E.164');
    assert.equal(user.role.name, 'User');
    assert.equal(user.isActive, true);

    const me = await server.request(Me, {}, { token });
    assert.equal(me.data?.me.id, user.id);
  });

  test('Thai usernames round-trip unchanged', async () => {
    const { token } = await register({ username: 'สมชาย_ใจดี' });
    const me = await server.request(Me, {}, { token });
    assert.equal(me.data?.me.username, 'สมชาย_ใจดี');
    const [row] = await server.db.query<{ username: string }[]>('SELECT username FROM users WHERE id = ?', [Number(me.data!.me.id)]);
    assert.equal(row!.username, 'สมชาย_ใจดี');
  });

  for (const field of ['username', 'email', 'phone'] as const) {
    test(`a taken ${field} is a CONFLICT naming it, and nothing is written`, async () => {
      const first = await register();
      const usersBefore = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM users');
      const clash = newUser({
        // Different spelling, same identity: case for username and email, format for phone.
        [field]: { username: first.input.username.toUpperCase(), email: first.input.email.toUpperCase(), phone: first.user.phone! }[field],
      });
      const result = await server.request(RegisterUser, { input: clash });
      assert.equal(errorCode(result), 'CONFLICT');
      assert.equal(result.errors![0]!.extensions!.field, field);
      assert.deepEqual(await server.db.query('SELECT COUNT(*) AS n FROM users'), usersBefore);
    });
  }

  test('the same phone written two ways is the same number', async () => {
    const first = await register({ phone: '+66 81 999 0001' });
    assert.equal(first.user.phone, '+66819990001');
    const result = await server.request(RegisterUser, { input: newUser({ phone: '081-999-0001' }) });
    assert.equal(errorCode(result), 'CONFLICT');
    assert.equal(result.errors![0]!.extensions!.field, 'phone');
  });

  const invalid = [
    ['username', { username: 'ab' }],
    ['username', { username: '1abc' }],
    ['username', { username: 'has space' }],
    ['email', { email: 'not-an-email' }],
    ['email', { email: 'a@b' }],
    ['phone', { phone: '12345' }],
    ['phone', { phone: 'call me' }],
    ['password', { password: 'short' }],
  ] as const;
  for (const [field, override] of invalid) {
    test(`rejects an invalid ${field} (${JSON.stringify(Object.values(override)[0])}) with BAD_USER_INPUT naming it`, async () => {
      const usersBefore = await server.db.query('SELECT COUNT(*) AS n FROM users');
      const result = await server.request(RegisterUser, { input: newUser(override) });
      assert.equal(errorCode(result), 'BAD_USER_INPUT');
      assert.equal(result.errors![0]!.extensions!.field, field);
      assert.ok(result.errors![0]!.message.length > 10, 'a message a person can read');
      assert.deepEqual(await server.db.query('SELECT COUNT(*) AS n FROM users'), usersBefore);
    });
  }

  test('reports every invalid field at once', async () => {
    const result = await server.request(RegisterUser, { input: newUser({ email: 'nope', password: 'short' }) });
    assert.equal(errorCode(result), 'BAD_USER_INPUT');
    assert.deepEqual(
      (result.errors![0]!.extensions!.fieldErrors as { field: string }[]).map((e) => e.field),
      ['email', 'password'],
    );
  });
});

describe('login', () => {
  test('works with the username, the email and the phone number, in any case or format', async () => {
    const { input, user } = await register();
    const identifiers = [input.username, input.username.toUpperCase(), input.email, input.email.toUpperCase(), input.phone, user.phone!];
    for (const identifier of identifiers) {
      const result = await server.request(Login, { input: { identifier, password: input.password } });
      assert.equal(result.errors, undefined, `${identifier}: ${JSON.stringify(result.errors)}`);
      assert.equal(session(result.data!.login).user.id, user.id);
      const me = await server.request(Me, {}, { token: session(result.data!.login).token });
      assert.equal(me.data?.me.id, user.id);
    }
  });

  test('a wrong password and an unknown account get the same answer, and both are recorded', async () => {
    const { input, user } = await register();
    const wrong = await server.request(Login, { input: { identifier: input.email, password: 'not the password' } }, { headers: { 'user-agent': 'WrongPasswordAgent/1.0' } });
    const unknown = await server.request(Login, { input: { identifier: 'nobody@example.com', password: 'whatever123' } });
    for (const result of [wrong, unknown]) {
      assert.equal(errorCode(result), 'UNAUTHENTICATED');
      assert.equal(result.errors![0]!.extensions!.reason, 'INVALID_CREDENTIALS');
      assert.equal(result.data, null);
    }
    assert.equal(wrong.errors![0]!.message, unknown.errors![0]!.message);

    const rows = await server.db.query<{ user_id: number | null; success: number; reason: string; ip: string; user_agent: string; identifier: string }[]>(
      'SELECT user_id, success, reason, ip, user_agent, identifier FROM login_history ORDER BY id DESC LIMIT 2',
    );
    assert.deepEqual(
      rows.map((r) => [r.user_id, r.success, r.reason, r.identifier]),
      [
        [null, 0, 'UNKNOWN_IDENTIFIER', 'nobody@example.com'],
        [Number(user.id), 0, 'WRONG_PASSWORD', input.email],
      ],
    );
    assert.equal(rows[1]!.ip, '127.0.0.1');
    assert.equal(rows[1]!.user_agent, 'WrongPasswordAgent/1.0');
  });

  test('a successful login is recorded with IP and User-Agent; X-Forwarded-For is ignored without TRUST_PROXY', async () => {
    const { input, user } = await register();
    await server.request(Login, { input: { identifier: input.username, password: input.password } }, { headers: { 'user-agent': 'Mozilla/5.0 Test', 'x-forwarded-for': '203.0.113.9' } });
    const [row] = await server.db.query<{ success: number; ip: string; user_agent: string; reason: string | null }[]>(
      'SELECT success, ip, user_agent, reason FROM login_history WHERE user_id = ? ORDER BY id DESC LIMIT 1',
      [Number(user.id)],
    );
    assert.deepEqual(row, { success: 1, ip: '127.0.0.1', user_agent: 'Mozilla/5.0 Test', reason: null });
  });

  test('an unknown identifier costs about as much time as a wrong password (a dummy hash is verified)', async () => {
    const { input } = await register();
    const time = async (identifier: string) => {
      const started = performance.now();
      await server.request(Login, { input: { identifier, password: 'wrong password' } });
      return performance.now() - started;
    };
    await time('warm-up-nobody');
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      wrong.push(await time(input.username));
      unknown.push(await time(`nobody${i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
    // Not a performance target: a structural check that both paths run argon2 (a skipped hash is ~10x faster).
    assert.ok(median(unknown) > median(wrong) * 0.5, `unknown ${median(unknown)} ms vs wrong password ${median(wrong)} ms`);
  });

  test('empty or oversized input is BAD_USER_INPUT', async () => {
    assert.equal(errorCode(await server.request(Login, { input: { identifier: '  ', password: 'x' } })), 'BAD_USER_INPUT');
    assert.equal(errorCode(await server.request(Login, { input: { identifier: 'someone', password: '' } })), 'BAD_USER_INPUT');
    const huge = await server.request(Login, { input: { identifier: 'someone', password: 'x'.repeat(100_000) } });
    assert.equal(errorCode(huge), 'BAD_USER_INPUT');
    assert.equal(huge.errors![0]!.extensions!.field, 'password');
  });
});

describe('tokens and sessions', () => {
  test('no token, a garbage token and a forged token are UNAUTHENTICATED', async () => {
    assert.equal(errorCode(await server.request(Me, {})), 'UNAUTHENTICATED');
    assert.equal(errorCode(await server.request(Me, {}, { token: 'not-a-jwt' })), 'UNAUTHENTICATED');
    const { token } = await register();
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('forged signature').toString('base64url')}`;
    assert.equal(errorCode(await server.request(Me, {}, { token: forged })), 'UNAUTHENTICATED');
    const basic = await server.request(Me, {}, { headers: { authorization: `Basic ${token}` } });
    assert.equal(errorCode(basic), 'UNAUTHENTICATED');
  });

  test('logout revokes the token server-side; other sessions keep working', async () => {
    const { input, token } = await register();
    const other = await server.request(Login, { input: { identifier: input.username, password: input.password } });
    const out = await server.request(Logout, {}, { token });
    assert.deepEqual(out.data, { logout: { success: true } });

    const reused = await server.request(Me, {}, { token });
    assert.equal(errorCode(reused), 'UNAUTHENTICATED');
    assert.equal(reused.errors![0]!.extensions!.reason, 'SESSION_REVOKED');
    assert.equal(errorCode(await server.request(Logout, {}, { token })), 'UNAUTHENTICATED');
    assert.ok((await server.request(Me, {}, { token: session(other.data!.login).token })).data?.me);
  });

  test('an expired session is rejected even though the JWT itself is still valid', async () => {
    const { token, user } = await register();
    await server.db.query('UPDATE sessions SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE user_id = ?', [Number(user.id)]);
    const result = await server.request(Me, {}, { token });
    assert.equal(errorCode(result), 'UNAUTHENTICATED');
    assert.equal(result.errors![0]!.extensions!.reason, 'SESSION_EXPIRED');
  });

  test('a disabled user can neither use an existing token nor log in', async () => {
    const { input, token, user } = await register();
    await server.db.query('UPDATE users SET is_active = 0 WHERE id = ?', [Number(user.id)]);
    const me = await server.request(Me, {}, { token });
    assert.equal(errorCode(me), 'UNAUTHENTICATED');
    assert.equal(me.errors![0]!.extensions!.reason, 'ACCOUNT_DISABLED');

    const login = await server.request(Login, { input: { identifier: input.username, password: input.password } });
    assert.equal(errorCode(login), 'UNAUTHENTICATED');
    assert.equal(login.errors![0]!.extensions!.reason, 'ACCOUNT_DISABLED');
    const [row] = await server.db.query<{ reason: string }[]>('SELECT reason FROM login_history WHERE user_id = ? ORDER BY id DESC LIMIT 1', [Number(user.id)]);
    assert.equal(row!.reason, 'ACCOUNT_DISABLED');
  });
});

describe('profile', () => {
  test('updateProfile changes only the given fields and normalizes them; a new email waits for verification', async () => {
    const { token, user } = await register();
    const result = await server.request(UpdateProfile, { input: { email: 'New.Address@Example.com', username: 'ผู้ใช้ใหม่' } }, { token });
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data!.updateProfile.user, { id: user.id, username: 'ผู้ใช้ใหม่', email: user.email, phone: user.phone });
    assert.equal((await server.request(VerificationState, {}, { token })).data!.me.pendingEmail, 'new.address@example.com');
  });

  test("updateProfile refuses someone else's identifiers and bad values, changing nothing", async () => {
    const a = await register();
    const b = await register();
    const taken = await server.request(UpdateProfile, { input: { email: a.input.email, phone: '0899999999' } }, { token: b.token });
    assert.equal(errorCode(taken), 'CONFLICT');
    assert.equal(taken.errors![0]!.extensions!.field, 'email');
    const bad = await server.request(UpdateProfile, { input: { phone: 'abc' } }, { token: b.token });
    assert.equal(errorCode(bad), 'BAD_USER_INPUT');
    assert.equal(bad.errors![0]!.extensions!.field, 'phone');
    const me = await server.request(Me, {}, { token: b.token });
    assert.equal(me.data!.me.email, b.input.email);
    assert.equal(me.data!.me.phone, b.user.phone);
  });

  test("updateProfile keeps the user's own values without a conflict and needs a token", async () => {
    const { token, input } = await register();
    const same = await server.request(UpdateProfile, { input: { email: input.email } }, { token });
    assert.equal(same.errors, undefined);
    assert.equal(errorCode(await server.request(UpdateProfile, { input: { email: 'x@example.com' } })), 'UNAUTHENTICATED');
  });

  test('changePassword needs the current password, applies the policy, and revokes every other session', async () => {
    const { input, token } = await register();
    const second = session((await server.request(Login, { input: { identifier: input.email, password: input.password } })).data!.login).token;
    const third = session((await server.request(Login, { input: { identifier: input.phone, password: input.password } })).data!.login).token;

    const wrong = await server.request(ChangePassword, { input: { currentPassword: 'nope nope', newPassword: 'brand new password' } }, { token });
    assert.equal(errorCode(wrong), 'BAD_USER_INPUT');
    assert.equal(wrong.errors![0]!.extensions!.field, 'currentPassword');
    const weak = await server.request(ChangePassword, { input: { currentPassword: input.password, newPassword: 'short' } }, { token });
    assert.equal(weak.errors![0]!.extensions!.field, 'newPassword');
    assert.ok((await server.request(Me, {}, { token: second })).data?.me, 'failed attempts revoke nothing');

    const changed = await server.request(ChangePassword, { input: { currentPassword: input.password, newPassword: 'brand new password' } }, { token });
    assert.deepEqual(changed.data, { changePassword: { success: true, revokedSessions: 2 } });
    for (const other of [second, third]) {
      const result = await server.request(Me, {}, { token: other });
      assert.equal(result.errors![0]!.extensions!.reason, 'SESSION_REVOKED');
    }
    assert.ok((await server.request(Me, {}, { token })).data?.me, 'the session that changed it stays signed in');
    assert.equal(errorCode(await server.request(Login, { input: { identifier: input.email, password: input.password } })), 'UNAUTHENTICATED');
    assert.equal((await server.request(Login, { input: { identifier: input.email, password: 'brand new password' } })).errors, undefined);
  });
});

describe('errors', () => {
  test('an internal failure is masked for the client, logged for operators, and changes nothing', async () => {
    const { input } = await register();
    // Break the database under the service: the login history table disappears.
    await server.db.query('RENAME TABLE login_history TO login_history_away');
    try {
      const result = await server.request(Login, { input: { identifier: input.username, password: input.password } });
      assert.equal(errorCode(result), 'INTERNAL_SERVER_ERROR');
      assert.equal(result.errors![0]!.message, 'Unexpected error.');
      assert.doesNotMatch(JSON.stringify(result), /login_history|ER_NO_SUCH_TABLE|sql/i, 'no internals leak');
    } finally {
      await server.db.query('RENAME TABLE login_history_away TO login_history');
    }
  });

  test('malformed requests get typed errors', async () => {
    const post = (body: string) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { errors: { extensions?: { code?: string } }[] },
      }));
    assert.equal((await post('{ "query": "{ me { id ')).body.errors[0]!.extensions?.code !== undefined, true);
    assert.equal((await post(JSON.stringify({ query: '{ me { id ' }))).body.errors[0]!.extensions?.code, 'GRAPHQL_PARSE_FAILED');
    assert.equal((await post(JSON.stringify({ query: '{ nope }' }))).body.errors[0]!.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    const wrongType = await post(JSON.stringify({ query: 'mutation ($input: LoginInput!) { login(input: $input) { ... on AuthPayload { token } } }', variables: { input: { identifier: 5 } } }));
    assert.equal(wrongType.body.errors[0]!.extensions?.code, 'BAD_USER_INPUT');
  });
});
