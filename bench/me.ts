// Part 1: the authenticated `me` query over HTTP: the service on default settings and with SESSION_CACHE_MS=0,
// against the GraphQL servers users would pick instead (Mercurius + graphql-jit, Apollo Server 5) and a bare
// Fastify route, all doing the same work (bench/baselines/me-work.ts), each with no caches and with the
// equivalent of the service's (verify-once and a 2 s session cache). Every side runs in turn, round after round,
// the order reversed each round, same load, same tokens.
import { BENCH_PASSWORD, seedUsers } from './support/database.js';
import { load, type LoadResult } from './support/load.js';
import { isMain, runAlone, timedParams, type PartOptions, type PartResult, type Verdict } from './support/part.js';
import type { ServerProcess } from './support/processes.js';
import { login, mapLimit, startBaseline, startService } from './support/service.js';
import { fmt, median, table } from './support/stats.js';

const QUERY = 'query Me { me { id username email phone } }';
/** The peers' equivalent of the service's default caches (see bench/baselines/me-work.ts). */
const CACHED = { SESSION_CACHE_MS: '2000' };

type SideKey = 'service' | 'serviceNoCache' | 'mercurius' | 'mercuriusCached' | 'apollo' | 'apolloCached' | 'fastify' | 'fastifyCached';
interface Side {
  key: SideKey;
  label: string;
  server: ServerProcess;
  results: LoadResult[];
}

export async function benchMe({ smoke, db }: PartOptions): Promise<PartResult> {
  const params = timedParams(
    smoke,
    { users: 5, connections: 8, warmupSeconds: 0, durationSeconds: 1, rounds: 1 },
    { users: 100, connections: 32, warmupSeconds: 3, durationSeconds: 10, rounds: 3 },
  );
  // The service first: it migrates and seeds the database the others read.
  const service = await startService(db);
  const others = await Promise.allSettled([
    startService(db, { SESSION_CACHE_MS: '0' }, 'service-no-cache'),
    startBaseline(db, 'mercurius', 'mercurius-me'),
    startBaseline(db, 'mercurius-cached', 'mercurius-me', CACHED),
    startBaseline(db, 'apollo', 'apollo-me'),
    startBaseline(db, 'apollo-cached', 'apollo-me', CACHED),
    startBaseline(db, 'fastify', 'fastify-me'),
    startBaseline(db, 'fastify-cached', 'fastify-me', CACHED),
  ]);
  const servers = [service, ...others.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))];
  try {
    const failed = others.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
    const labels: [SideKey, string][] = [
      ['service', 'service (Yoga), default settings'],
      ['serviceNoCache', 'service, SESSION_CACHE_MS=0'],
      ['mercurius', 'Mercurius + graphql-jit'],
      ['mercuriusCached', 'Mercurius + graphql-jit, with caches'],
      ['apollo', 'Apollo Server 5'],
      ['apolloCached', 'Apollo Server 5, with caches'],
      ['fastify', 'Fastify + jose + mysql2'],
      ['fastifyCached', 'Fastify + jose + mysql2, with caches'],
    ];
    const sides: Side[] = labels.map(([key, label], i) => ({ key, label, server: servers[i]!, results: [] }));
    const side = (key: SideKey) => sides.find((s) => s.key === key)!;

    // Accounts seeded in SQL, tokens from the real login mutation.
    const users = await seedUsers(db, params.users, 'me_');
    const tokens = (await mapLimit(users, 4, (u) => login(service.url, u.username, BENCH_PASSWORD))).map((l) => l.token);
    const body = JSON.stringify({ query: QUERY });
    const run = (server: ServerProcess, durationSeconds: number) =>
      load({ server, body, tokens, connections: params.connections, durationSeconds, expect: '"username"' });

    if (params.warmupSeconds > 0) for (const s of sides) await run(s.server, params.warmupSeconds);
    for (let r = 0; r < params.rounds; r += 1) {
      // Reverse the order every other round, so a burst of noise from the neighbours does not always land on the same sides.
      for (const s of r % 2 === 0 ? sides : [...sides].reverse()) s.results.push(await run(s.server, params.durationSeconds));
    }

    // CPU time per request holds up better than req/s when neighbours take the CPU, and it shows what is not a
    // race between the servers: they read MariaDB, which runs unpinned next to the load generator.
    const cpuPerRequest = (r: LoadResult) => ((r.serverCpu / 100) * params.durationSeconds * 1e6) / r.total;
    const rps = (key: SideKey) => median(side(key).results.map((r) => r.requestsPerSecond));
    const cpu = (key: SideKey) => median(side(key).results.map(cpuPerRequest));
    const rows = sides.map((s) => [
      s.label,
      fmt.int(rps(s.key)),
      s.results.map((r) => fmt.int(r.requestsPerSecond)).join(' '),
      fmt.ms(median(s.results.map((r) => r.latency.p50))),
      fmt.ms(median(s.results.map((r) => r.latency.p99))),
      fmt.int(cpu(s.key)),
      s.results.map((r) => fmt.int(cpuPerRequest(r))).join(' '),
      String(s.results.reduce((a, r) => a + r.failures, 0)),
    ]);

    const versus = (part: string, key: SideKey, against: SideKey, target: string, bound: number): Verdict => {
      const ratio = rps(key) / rps(against);
      return {
        part,
        measured: fmt.int(rps(key)),
        baseline: `${fmt.int(rps(against))} (${side(against).label})`,
        ratio: `${fmt.ratio(ratio)} (CPU/request: ${fmt.ratio(cpu(against) / cpu(key))})`,
        target,
        met: ratio >= bound,
      };
    };
    const cpuRatio = cpu('service') / cpu('fastifyCached');
    const verdicts: Verdict[] = [
      versus('1. `me`, default settings, vs Mercurius + jit with caches (req/s)', 'service', 'mercuriusCached', '≥ 1.0×', 1),
      versus('1. `me`, default settings, vs Apollo Server with caches (req/s)', 'service', 'apolloCached', '≥ 1.0×', 1),
      {
        part: '1. `me`, default settings, CPU µs per request',
        measured: fmt.int(cpu('service')),
        baseline: `${fmt.int(cpu('fastifyCached'))} (${side('fastifyCached').label})`,
        ratio: fmt.ratio(cpuRatio),
        target: '≤ 1.1×',
        met: cpuRatio <= 1.1,
      },
      versus('1. `me`, SESSION_CACHE_MS=0, vs Mercurius + jit (req/s)', 'serviceNoCache', 'mercurius', '≥ 0.9×', 0.9),
    ];
    const report = [
      `## 1. Authenticated \`me\` over HTTP`,
      `${QUERY}; ${params.users} users signed in through \`login\`, tokens round-robin; autocannon, ${params.connections} connections, ` +
        `${params.rounds} × ${params.durationSeconds} s per side, the order reversed every other round` +
        `${params.warmupSeconds > 0 ? `, after ${params.warmupSeconds} s of warm-up each` : ''}. Medians over the rounds. ` +
        `Every peer does the work of bench/baselines/me-work.ts (jose, one mysql2 prepared statement, the same checks); ` +
        `"with caches": each token verified once and a good session reused for 2 s, the service's defaults.`,
      '',
      table(['', 'req/s', 'per round', 'p50 ms', 'p99 ms', 'CPU µs / request', 'per round', 'failures'], rows),
      '',
      `Service on default settings: ${fmt.ratio(rps('service') / rps('mercuriusCached'))} of Mercurius + jit with caches ` +
        `(${fmt.ratio(rps('service') / rps('mercurius'))} of it without), ${fmt.ratio(rps('service') / rps('apolloCached'))} of Apollo with caches ` +
        `(${fmt.ratio(rps('service') / rps('apollo'))} without), ${fmt.ratio(rps('service') / rps('fastify'))} of bare Fastify without caches; ` +
        `CPU per request ${fmt.ratio(cpuRatio)} of Fastify with caches. With SESSION_CACHE_MS=0: ` +
        `${fmt.ratio(rps('serviceNoCache') / rps('mercurius'))} of Mercurius + jit (CPU per request ${fmt.ratio(cpu('serviceNoCache') / cpu('mercurius'))} of its).`,
    ].join('\n');
    return { report, verdicts };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

if (isMain(import.meta)) await runAlone(benchMe);
