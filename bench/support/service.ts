// The service under test, started as `npm start` starts it, in a process of its own on the benchmark database,
// and the few API calls the benchmarks make to set themselves up.
import { BENCH_JWT_SECRET, type BenchDatabase } from './database.js';
import { startProcess, type ServerProcess } from './processes.js';
import { session } from '../../test/support/sign-in.js';
import { START_ARGS } from '../../scripts/start-args.js';

export const BENCH_ADMIN = { username: 'bench_admin', email: 'bench_admin@bench.example', password: 'bench-admin-password' };

/**
 * The environment every service process gets: rate limits and the lockout raised out of the way (one client
 * address signs in thousands of times), heartbeats at their default.
 */
export function serviceEnv(db: BenchDatabase, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: db.url,
    JWT_SECRET: BENCH_JWT_SECRET,
    ADMIN_USERNAME: BENCH_ADMIN.username,
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    LOG_LEVEL: 'info',
    RATE_LIMIT_LOGIN_IP: '1000000/60',
    RATE_LIMIT_LOGIN_IDENTIFIER: '1000000/60',
    RATE_LIMIT_REGISTER_IP: '1000000/60',
    RATE_LIMIT_REGISTER_EMAIL: '1000000/60',
    RATE_LIMIT_REFRESH_IP: '1000000/60',
    RATE_LIMIT_IDENTITY_CHANGES_USER: '1000000/60',
    RATE_LIMIT_IDENTITY_CHANGES_IP: '1000000/60',
    LOCKOUT_THRESHOLD: '1000',
    // Every benchmark client comes from 127.0.0.1 (10,000 sockets in the fan-out part); bench/abuse.ts puts it back.
    MAX_CONNECTIONS_PER_IP: '0',
    ...extra,
  };
}

const profileFlags = (name: string) => (process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=.data/profiles/${name}`] : []);

/**
 * The service as `npm start` runs it (scripts/start-args.ts). BENCH_PROFILE=1 adds --cpu-prof, writing a
 * profile of each service process into .data/profiles/<name>/ when it stops (summarize with bench/profile-summary.ts).
 */
export function startService(db: BenchDatabase, extra: Record<string, string> = {}, name = 'service'): Promise<ServerProcess> {
  return startProcess(name, [...profileFlags(name), ...START_ARGS], serviceEnv(db, extra));
}

/**
 * A `me` baseline (bench/baselines/<file>.ts) on the benchmark database, with `extra` settings (SESSION_CACHE_MS:
 * see bench/baselines/me-work.ts). BENCH_PROFILE=1 profiles it too, into .data/profiles/<name>/.
 */
export function startBaseline(db: BenchDatabase, name: string, file: string, extra: Record<string, string> = {}): Promise<ServerProcess> {
  return startProcess(name, [...profileFlags(name), '--import', 'tsx', `bench/baselines/${file}.ts`], { DATABASE_URL: db.url, JWT_SECRET: BENCH_JWT_SECRET, ...extra });
}

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export async function graphql<T = Record<string, unknown>>(baseUrl: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

/** Signs in through the real `login` mutation; throws on any error. */
export async function login(baseUrl: string, identifier: string, password: string): Promise<{ token: string; userId: number }> {
  const result = await graphql<{ login: { __typename: 'AuthPayload'; token: string; user: { id: string } } }>(
    baseUrl,
    'mutation ($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { token user { id } } } }',
    { input: { identifier, password } },
  );
  if (!result.data) throw new Error(`login as ${identifier} failed: ${JSON.stringify(result.errors)}`);
  return { token: session(result.data.login).token, userId: Number(session(result.data.login).user.id) };
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!, i);
      }
    }),
  );
  return results;
}
