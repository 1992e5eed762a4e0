// Attacks on the sign-in lockout: wearing it down with refused retries, dodging it through the account's other
// identifiers, other addresses or the other transport, and how many password guesses it leaves per hour.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ExecutionResult } from 'graphql';
import { Login } from './support/operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { registerUser } from './support/accounts.js';
import { execute, openSocket, type TestSocket } from './support/ws.js';
import { identifierLockKey, reserveAttempt } from '../src/modules/auth/lockout.js';

const servers: TestServer[] = [];
const sockets: TestSocket[] = [];
after(async () => {
  for (const socket of sockets) await socket.dispose();
  for (const server of servers.reverse()) await server.close();
});

/** A server whose lockout is scaled down so a test sees several locks end; every other limit stays out of the way. */
async function lockoutServer(lockout: { threshold: number; base: number; max: number }) {
  const server = await startTestServer({
    TRUST_PROXY: '1',
    LOCKOUT_THRESHOLD: String(lockout.threshold),
    LOCKOUT_BASE_SECONDS: String(lockout.base),
    LOCKOUT_MAX_SECONDS: String(lockout.max),
  });
  servers.push(server);
  return server;
}

/** The attacker's ways in: HTTP from ever-changing addresses, and a graphql-ws socket. */
function attacker(server: TestServer) {
  const socket = openSocket(server.url);
  sockets.push(socket);
  let n = 0;
  return (identifier: string, password: string): Promise<ExecutionResult<unknown>> => {
    n += 1;
    if (n % 4 === 0) return execute(socket, Login, { input: { identifier, password } });
    return server.request(Login, { input: { identifier, password } }, { headers: { 'x-forwarded-for': `198.51.100.${n % 250}` } });
  };
}

async function verifiedAttempts(server: TestServer, userId: number | null, identifierKey?: string): Promise<{ verified: number; refused: number }> {
  const [row] = await server.db.query<{ verified: number; refused: number }[]>(
    `SELECT CAST(COALESCE(SUM(reason IN ('WRONG_PASSWORD', 'UNKNOWN_IDENTIFIER', 'ACCOUNT_DISABLED') OR success = 1), 0) AS UNSIGNED) AS verified,
            CAST(COALESCE(SUM(reason = 'LOCKED_OUT'), 0) AS UNSIGNED) AS refused
       FROM login_history WHERE ${userId === null ? 'identifier_key = ?' : 'user_id = ?'}`,
    [userId ?? identifierKey],
  );
  return { verified: Number(row!.verified), refused: Number(row!.refused) };
}

/**
 * The most password checks an attacker can get within `seconds` against one account: `threshold` at once, then one
 * each time a lock ends (the attacker's best strategy), each lock twice the last, up to `max`. The README's figure.
 */
export function maxVerificationsWithin(seconds: number, { threshold, base, max }: { threshold: number; base: number; max: number }): number {
  let t = 0;
  let count = 0;
  while (t < seconds) {
    count += 1;
    if (count >= threshold) t += Math.min(base * 2 ** (count - threshold), max);
  }
  return count;
}

test('the figure: with the defaults an account gets 10 password checks in the first hour, then 1 an hour', () => {
  const defaults = { threshold: 5, base: 60, max: 3600 };
  assert.equal(maxVerificationsWithin(3600, defaults), 10);
  assert.equal(maxVerificationsWithin(2 * 3600, defaults) - maxVerificationsWithin(3600, defaults), 1);
  assert.equal(maxVerificationsWithin(24 * 3600, defaults), 33);
});

test('the lock holds its full length while the attacker keeps trying through the username, email and phone, and refused retries do not wear it down', async () => {
  const lockSeconds = 4;
  const server = await lockoutServer({ threshold: 3, base: lockSeconds, max: 60 });
  const user = await registerUser(server);
  const { username, email, phone, password } = user.input;
  const e164 = `+66${phone.replace(/-/g, '').slice(1)}`;
  const identifiers = [username, email, phone, username.toUpperCase(), email.toUpperCase(), e164];
  const attempt = attacker(server);

  // One failure through each identifier: the account has one counter, so the third locks it.
  let lockStarted = 0;
  for (const identifier of [username, email, phone]) {
    lockStarted = Date.now();
    assert.equal(errorCode(await attempt(identifier, 'wrong password')), 'UNAUTHENTICATED');
  }
  const lockEnds = lockStarted + lockSeconds * 1000;

  // Far more refused attempts than the old 35-row window, right and wrong passwords, every identifier and transport.
  let refused = 0;
  for (let i = 0; Date.now() < lockEnds - 300 || refused < 40; i += 1) {
    const result = await attempt(identifiers[i % identifiers.length]!, i % 3 === 0 ? password : `guess ${i}`);
    if (Date.now() >= lockEnds) break; // the lock may end during a long refused run; only its length is asserted
    assert.equal(errorCode(result), 'RATE_LIMITED', `attempt ${i} during the lock (${lockEnds - Date.now()} ms left)`);
    const retryAfter = result.errors![0]!.extensions!.retryAfterSeconds as number;
    assert.ok(retryAfter >= 1 && retryAfter <= lockSeconds, `retryAfterSeconds ${retryAfter} neither grows nor is cut`);
    refused += 1;
  }
  assert.ok(refused >= 40, `${refused} refused attempts`);
  assert.deepEqual(await verifiedAttempts(server, user.id), { verified: 3, refused }, 'three guesses checked, and every refusal logged');

  // When the lock ends the right password works (polled: the attacker's refusals did not extend it), and resets the count.
  const deadline = lockEnds + 3000;
  let signedIn: ExecutionResult<unknown> | undefined;
  while (Date.now() < deadline) {
    const result = await server.request(Login, { input: { identifier: email, password } });
    if (!result.errors) {
      signedIn = result;
      break;
    }
    assert.equal(errorCode(result), 'RATE_LIMITED');
  }
  assert.ok(signedIn, 'the owner signs in once the lock has run its length');
  assert.equal(errorCode(await attempt(phone, 'wrong password')), 'UNAUTHENTICATED', 'a success reset the count');
  assert.equal(errorCode(await attempt(username, 'wrong password')), 'UNAUTHENTICATED');
});

test('identifiers that match no account are locked the same way, each on its own; accounts are not affected', async () => {
  const server = await lockoutServer({ threshold: 3, base: 30, max: 60 });
  const user = await registerUser(server);
  const attempt = attacker(server);
  for (let i = 0; i < 3; i += 1) assert.equal(errorCode(await attempt('no_such_user', 'guess')), 'UNAUTHENTICATED');
  for (let i = 0; i < 5; i += 1) assert.equal(errorCode(await attempt(i % 2 ? 'NO_SUCH_USER' : 'no_such_user', 'guess')), 'RATE_LIMITED');
  assert.deepEqual(await verifiedAttempts(server, null, 'no_such_user'), { verified: 3, refused: 5 });
  assert.equal(errorCode(await attempt('another_ghost', 'guess')), 'UNAUTHENTICATED', 'another unknown name has its own counter');
  assert.equal((await server.request(Login, { input: { identifier: user.input.username, password: user.input.password } })).errors, undefined);
});

test('however hard the attacker tries, it gets no more password checks than the lockout figure allows', async () => {
  // The defaults scaled down 60×-ish: a 1 s first lock doubling to 4 s; the attacker retries as fast as it can.
  const policy = { threshold: 3, base: 1, max: 4 };
  const seconds = 8;
  const server = await lockoutServer(policy);
  const user = await registerUser(server);
  const { username, email, phone } = user.input;
  const attempt = attacker(server);
  const started = Date.now();
  let attempts = 0;
  while (Date.now() - started < seconds * 1000) {
    const code = errorCode(await attempt([username, email, phone][attempts % 3]!, `guess ${attempts}`));
    assert.ok(code === 'UNAUTHENTICATED' || code === 'RATE_LIMITED', String(code));
    attempts += 1;
  }
  const { verified: guesses, refused } = await verifiedAttempts(server, user.id);
  const allowed = maxVerificationsWithin(seconds, policy);
  assert.ok(guesses <= allowed, `${guesses} guesses in ${seconds} s, the figure allows ${allowed}`);
  assert.ok(guesses >= policy.threshold + 2, `${guesses} guesses: each lock ended and let one more through`);
  assert.equal(guesses + refused, attempts, 'every attempt is in login_history');
});

test('a lock longer than the day failures are remembered still counts: the next failure after it doubles the lock', async () => {
  const server = await lockoutServer({ threshold: 3, base: 60, max: 7 * 86400 });
  const { db } = server.app.runtime;
  const key = identifierLockKey(`long-lock-${process.pid}`);
  const settings = { threshold: 3, baseSeconds: 60, maxSeconds: 7 * 86400 };
  // Ten failures, the last three days ago, locked until an hour ago (a lock of almost three days).
  await server.db.query('INSERT INTO login_lockouts (lock_key, failures, last_failure_at, locked_until) VALUES (?, 10, NOW(3) - INTERVAL 3 DAY, NOW(3) - INTERVAL 1 HOUR)', [key]);
  assert.equal(await reserveAttempt(db, key, settings), 0, 'the lock is over: this attempt is counted and compared');
  const [row] = await server.db.query<{ failures: number; seconds: number }[]>('SELECT failures, TIMESTAMPDIFF(SECOND, last_failure_at, locked_until) AS seconds FROM login_lockouts WHERE lock_key = ?', [key]);
  assert.equal(Number(row!.failures), 11, 'remembered, not started again from one');
  assert.equal(Number(row!.seconds), Math.min(60 * 2 ** (11 - 3), 7 * 86400));
  assert.ok((await reserveAttempt(db, key, settings)) > 0, 'and the next attempt is refused');
});
