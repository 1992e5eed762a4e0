// Attacks on the rate limits: making a long limit forget (item 9), using profile changes and registration as an
// oracle of who is registered (item 6), and using the per-email registration limit to block a chosen address (13).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ExecutionResult } from 'graphql';
import { Login, RefreshToken, RegisterUser, UpdateProfile } from './support/operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { newUserInput, registerUser } from './support/accounts.js';
import { execute, openSocket, type TestSocket } from './support/ws.js';

const servers: TestServer[] = [];
const sockets: TestSocket[] = [];
after(async () => {
  for (const socket of sockets) await socket.dispose();
  for (const server of servers.reverse()) await server.close();
});

async function serverWith(env: Record<string, string>) {
  const server = await startTestServer({ TRUST_PROXY: '1', ...env });
  servers.push(server);
  return server;
}

function socketFor(server: TestServer, token?: string) {
  const socket = openSocket(server.url, { token });
  sockets.push(socket);
  return socket;
}

const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

test('a one-hour limit is not forgotten when short-window keys are swept', async () => {
  const server = await serverWith({ RATE_LIMIT_LOGIN_IDENTIFIER: '2/3600', RATE_LIMIT_REFRESH_IP: '1/1' });
  const socket = socketFor(server);
  const login = (over: 'http' | 'ws') => {
    const variables = { input: { identifier: 'victim_name', password: 'guess' } };
    return over === 'ws' ? execute(socket, Login, variables) : server.request(Login, variables);
  };
  assert.equal(errorCode(await login('http')), 'UNAUTHENTICATED');
  assert.equal(errorCode(await login('ws')), 'UNAUTHENTICATED');
  const lastHit = Date.now();

  // Other traffic on a one-second limit: its keys age out, and every thousandth hit sweeps the store. Keep it up until
  // the identifier's hits are older than that second, then long enough for several more sweeps.
  let calls = 0;
  const burst = () => Promise.all(Array.from({ length: 25 }, (_, i) => server.request(RefreshToken, { input: { refreshToken: `forged-${calls + i}` } }, from(`203.0.113.${(calls + i) % 200}`))));
  while (Date.now() - lastHit < 1500) calls += (await burst()).length;
  for (let i = 0; i < 2100; i += 25) calls += (await burst()).length;

  assert.equal(errorCode(await login('http')), 'RATE_LIMITED', `still limited after ${calls} other requests`);
  const overSocket = await login('ws');
  assert.equal(errorCode(overSocket), 'RATE_LIMITED');
  assert.ok((overSocket.errors![0]!.extensions!.retryAfterSeconds as number) > 3500, 'with the hour nearly whole');
});

test('updateProfile stops answering whether an email or phone is taken after a few tries per user, over HTTP and graphql-ws alike', async () => {
  const server = await serverWith({ RATE_LIMIT_IDENTITY_CHANGES_USER: '4/3600' });
  const taken = await registerUser(server);
  const prober = await registerUser(server);
  const socket = socketFor(server, prober.token);
  await socket.connected;
  const probe = (i: number, input: { email?: string; phone?: string; username?: string }): Promise<ExecutionResult<unknown>> =>
    i % 2 === 0 ? server.request(UpdateProfile, { input }, { token: prober.token, ...from(`198.51.100.${i}`) }) : execute(socket, UpdateProfile, { input });

  const answers = [
    await probe(0, { email: taken.input.email }),
    await probe(1, { phone: taken.input.phone }),
    await probe(2, { email: 'free-one@example.com' }),
    await probe(3, { username: taken.input.username }),
  ].map(errorCode);
  assert.deepEqual(answers, ['CONFLICT', 'CONFLICT', undefined, 'CONFLICT'], 'a person gets real answers');

  // From then on the same answer whether the value is taken or free, whatever the address or transport.
  const later = [
    await probe(4, { email: taken.input.email }),
    await probe(5, { email: 'free-two@example.com' }),
    await probe(6, { phone: '089-999-0000' }),
    await probe(7, { phone: taken.input.phone }),
  ];
  for (const result of later) assert.equal(errorCode(result), 'RATE_LIMITED');
  // The accepted change waits for verification (pending_email); the refused ones touched neither column.
  const [row] = await server.db.query<{ email: string; pending_email: string }[]>('SELECT email, pending_email FROM users WHERE id = ?', [prober.id]);
  assert.deepEqual([row!.email, row!.pending_email], [prober.input.email, 'free-one@example.com'], 'a refused change changed nothing');

  const other = await registerUser(server);
  assert.equal((await server.request(UpdateProfile, { input: { email: 'other-new@example.com' } }, { token: other.token })).errors, undefined, 'another user is not affected');
});

test('identity checks are limited per address too, shared by updateProfile and registration', async () => {
  const server = await serverWith({ RATE_LIMIT_IDENTITY_CHANGES_IP: '3/3600' });
  const taken = await registerUser(server, {});
  const accounts = [await registerUser(server), await registerUser(server)];
  const ip = '192.0.2.77';
  assert.equal(errorCode(await server.request(UpdateProfile, { input: { email: taken.input.email } }, { token: accounts[0]!.token, ...from(ip) })), 'CONFLICT');
  assert.equal(errorCode(await server.request(UpdateProfile, { input: { phone: taken.input.phone } }, { token: accounts[1]!.token, ...from(ip) })), 'CONFLICT');
  assert.equal(errorCode(await server.request(RegisterUser, { input: newUserInput({ email: taken.input.email }) }, from(ip))), 'CONFLICT');
  assert.equal(errorCode(await server.request(RegisterUser, { input: newUserInput({ email: taken.input.email }) }, from(ip))), 'RATE_LIMITED');
  assert.equal(errorCode(await server.request(UpdateProfile, { input: { email: 'free@example.com' } }, { token: accounts[0]!.token, ...from(ip) })), 'RATE_LIMITED');
  // A forged header in front of the proxy's entry changes nothing: the proxy's entry (the rightmost) is the address.
  assert.equal(errorCode(await server.request(UpdateProfile, { input: { email: 'free@example.com' } }, { token: accounts[0]!.token, headers: { 'x-forwarded-for': `10.9.8.7, ${ip}` } })), 'RATE_LIMITED');
  assert.equal((await server.request(UpdateProfile, { input: { email: 'free@example.com' } }, { token: accounts[0]!.token, ...from('192.0.2.78') })).errors, undefined, 'another address is not affected');
});

test('nobody can block sign-up for a chosen email; probing a taken one is limited', async () => {
  const server = await serverWith({ RATE_LIMIT_REGISTER_EMAIL: '2/3600' });
  const existing = await registerUser(server);
  const victim = 'victim@example.com';
  // The attacker tries the victim's address many times from many addresses, failing on something else each time.
  for (let i = 0; i < 6; i += 1) {
    const input = i % 2 === 0 ? newUserInput({ email: victim, username: existing.input.username }) : newUserInput({ email: victim, password: 'short' });
    const code = errorCode(await server.request(RegisterUser, { input }, from(`198.51.100.${i + 1}`)));
    assert.equal(code, i % 2 === 0 ? 'CONFLICT' : 'BAD_USER_INPUT', `attempt ${i}`);
  }
  const owner = await server.request(RegisterUser, { input: newUserInput({ email: victim }) }, from('203.0.113.9'));
  assert.equal(owner.errors, undefined, 'the owner registers');

  // Now taken, the address may be probed twice an hour in all, from anywhere.
  assert.equal(errorCode(await server.request(RegisterUser, { input: newUserInput({ email: victim }) }, from('198.51.100.20'))), 'CONFLICT');
  assert.equal(errorCode(await server.request(RegisterUser, { input: newUserInput({ email: victim.toUpperCase() }) }, from('198.51.100.21'))), 'CONFLICT');
  assert.equal(errorCode(await server.request(RegisterUser, { input: newUserInput({ email: victim }) }, from('198.51.100.22'))), 'RATE_LIMITED');
  assert.equal((await server.request(RegisterUser, { input: newUserInput() }, from('198.51.100.22'))).errors, undefined, 'other addresses register freely');
});
