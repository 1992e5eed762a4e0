// A database of its own for each benchmark run (realtime_auth_bench_<random>), dropped at the end, and bulk seeding
// for when the API would be too slow to create thousands of accounts.
import { randomUUID } from 'node:crypto';
import type { Config } from '../../src/config.js';
import { ARGON2_OPTIONS, hashPassword } from '../../src/modules/auth/passwords.js';
import { signAccessToken } from '../../src/modules/auth/tokens.js';
import { createScratchDatabase, type TestDatabase } from '../../test/support/database.js';

/** The MariaDB server: BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL (database part ignored), else local. */
export function benchServerUrl(): URL {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
  url.pathname = '/';
  return url;
}

export type BenchDatabase = TestDatabase;

/** Creates an empty database; the first server process started on it migrates and seeds it. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const db = await createScratchDatabase('realtime_auth_bench', benchServerUrl());
  await db.query("SET time_zone = '+00:00'");
  return db;
}

/** Parameters the server is started with (see startService): the JWT secret seeding signs with. */
export const BENCH_JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256-0123456789abcdef';
export const BENCH_PASSWORD = 'correct horse battery staple';

/** The slice of Config that signAccessToken reads, with the same issuer and audience as src/config.ts. */
const JWT_CONFIG = {
  jwt: { secret: new TextEncoder().encode(BENCH_JWT_SECRET), issuer: 'realtime-membership', audience: 'realtime-membership' },
} as unknown as Config;

export interface SeededUser {
  id: number;
  username: string;
  /** An access token the server accepts: a session row plus a JWT signed as the server signs them. */
  token: string;
}

let passwordHash: Promise<string> | undefined;
/** One argon2id hash of BENCH_PASSWORD with the service's own parameters, shared by every seeded user. */
export function benchPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(BENCH_PASSWORD, ARGON2_OPTIONS);
  return passwordHash;
}
export { ARGON2_OPTIONS };

/**
 * Inserts `count` users of the User role (with their user_status rows) and one live session each, and signs an
 * access token for each session with signAccessToken, exactly as login does: what the server checks (signature,
 * issuer, audience, expiry, the `sid` session row, the user) is the same. The server must have migrated and seeded
 * the database first.
 */
export async function seedUsers(db: BenchDatabase, count: number, prefix: string): Promise<SeededUser[]> {
  const hash = await benchPasswordHash();
  const [role] = await db.query<{ id: number }[]>("SELECT id FROM roles WHERE name = 'User'");
  if (!role) throw new Error('the database has not been seeded yet: start a server on it first');
  const users: SeededUser[] = [];
  const expiresAt = new Date(Date.now() + 3600_000);
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, i) => start + i);
    const rows = batch.map((n) => {
      const username = `${prefix}${n}`;
      return [username, username, `${username}@bench.example`, null, hash, role.id];
    });
    await db.query(
      'INSERT INTO users (username, username_key, email, phone, password_hash, role_id) VALUES ?',
      [rows],
    );
    const names = rows.map((r) => r[0] as string);
    const found = await db.query<{ id: number; username: string }[]>('SELECT id, username FROM users WHERE username IN (?)', [names]);
    const idOf = new Map(found.map((r) => [r.username, r.id]));
    const ids = names.map((name) => idOf.get(name)!);
    await db.query('INSERT INTO user_status (user_id) VALUES ?', [ids.map((id) => [id])]);
    const jtis = ids.map(() => randomUUID());
    await db.query('INSERT INTO sessions (jti, user_id, expires_at, ip, user_agent, last_used_at) VALUES ?', [
      ids.map((id, i) => [jtis[i], id, expiresAt, '127.0.0.1', 'bench', new Date()]),
    ]);
    const tokens = await Promise.all(
      ids.map((id, i) => signAccessToken(JWT_CONFIG, { userId: id, sessionId: jtis[i]!, expiresAt })),
    );
    ids.forEach((id, i) => users.push({ id, username: `${prefix}${batch[i]}`, token: tokens[i]! }));
  }
  return users;
}
