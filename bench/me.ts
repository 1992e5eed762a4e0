// Part 1: the authenticated `me` query over HTTP, against a bare Fastify route that verifies the same JWT and reads
// the same row with mysql2 (bench/baselines/fastify-me.ts). Both run in turn, same load, same tokens.
import { BENCH_JWT_SECRET, BENCH_PASSWORD, seedUsers } from './support/database.js';
import { load, type LoadResult } from './support/load.js';
import { isMain, runAlone, timedParams, type PartOptions, type PartResult } from './support/part.js';
import { startProcess, type ServerProcess } from './support/processes.js';
import { login, mapLimit, startService } from './support/service.js';
import { fmt, mean, table } from './support/stats.js';

const QUERY = 'query Me { me { id username email phone } }';

export async function benchMe({ smoke, db }: PartOptions): Promise<PartResult> {
  const params = timedParams(
    smoke,
    { users: 5, connections: 8, warmupSeconds: 1, durationSeconds: 2, rounds: 1 },
    { users: 100, connections: 32, warmupSeconds: 3, durationSeconds: 10, rounds: 3 },
  );
  const service = await startService(db);
  const baseline = await startProcess('fastify-me', ['--import', 'tsx', 'bench/baselines/fastify-me.ts'], { DATABASE_URL: db.url, JWT_SECRET: BENCH_JWT_SECRET });
  try {
    // Accounts seeded in SQL, tokens from the real login mutation.
    const users = await seedUsers(db, params.users, 'me_');
    const tokens = (await mapLimit(users, 4, (u) => login(service.url, u.username, BENCH_PASSWORD))).map((l) => l.token);
    const body = JSON.stringify({ query: QUERY });
    const run = (server: ServerProcess, durationSeconds: number) =>
      load({ server, body, tokens, connections: params.connections, durationSeconds, expect: '"username"' });

    await run(baseline, params.warmupSeconds);
    await run(service, params.warmupSeconds);
    const rounds: { baseline: LoadResult; service: LoadResult }[] = [];
    for (let r = 0; r < params.rounds; r += 1) {
      // Alternate which goes first, so a burst of noise from the neighbours does not always land on the same side.
      if (r % 2 === 0) {
        const b = await run(baseline, params.durationSeconds);
        rounds.push({ baseline: b, service: await run(service, params.durationSeconds) });
      } else {
        const s = await run(service, params.durationSeconds);
        rounds.push({ service: s, baseline: await run(baseline, params.durationSeconds) });
      }
    }

    // CPU time per request holds up better than req/s when neighbours take the CPU, and it shows what is not a
    // race between the two servers: the baseline reads MariaDB on every request, and MariaDB (unpinned) shares a
    // CPU with the load generator, which may hold it back.
    const cpuPerRequest = (r: LoadResult) => ((r.serverCpu / 100) * params.durationSeconds * 1e6) / r.total;
    const row = (label: string, r: LoadResult) => [label, fmt.int(r.requestsPerSecond), fmt.ms(r.latency.p50), fmt.ms(r.latency.p99), fmt.int(r.failures), fmt.pct(r.serverCpu), fmt.int(cpuPerRequest(r))];
    const rows = rounds.flatMap((r, i) => [
      row(`round ${i + 1}: Fastify + jose + mysql2`, r.baseline),
      row(`round ${i + 1}: service (Yoga)`, r.service),
      [`round ${i + 1}: ratio`, fmt.ratio(r.service.requestsPerSecond / r.baseline.requestsPerSecond), '', '', '', '', fmt.ratio(cpuPerRequest(r.baseline) / cpuPerRequest(r.service))],
    ]);
    const ratios = rounds.map((r) => r.service.requestsPerSecond / r.baseline.requestsPerSecond);
    const serviceRps = mean(rounds.map((r) => r.service.requestsPerSecond));
    const baselineRps = mean(rounds.map((r) => r.baseline.requestsPerSecond));
    const ratio = serviceRps / baselineRps;
    const cpuRatio = mean(rounds.map((r) => cpuPerRequest(r.baseline))) / mean(rounds.map((r) => cpuPerRequest(r.service)));
    const report = [
      `## 1. Authenticated \`me\` over HTTP`,
      `${QUERY}; ${params.users} users signed in through \`login\`, tokens round-robin; autocannon, ${params.connections} connections, ` +
        `${params.rounds} × ${params.durationSeconds} s per side, alternating, after ${params.warmupSeconds} s of warm-up each.`,
      '',
      table(['', 'req/s', 'p50 ms', 'p99 ms', 'failures', 'server CPU', 'CPU µs / request'], rows),
      '',
      `Mean throughput ratio ${fmt.ratio(ratio)} (rounds: ${ratios.map(fmt.ratio).join(', ')}); target ≥ 0.80×. ` +
        `CPU efficiency (baseline's CPU per request / service's): ${fmt.ratio(cpuRatio)}.`,
    ].join('\n');
    return {
      report,
      verdicts: [
        {
          part: '1. `me` over HTTP (req/s)',
          measured: fmt.int(serviceRps),
          baseline: `${fmt.int(baselineRps)} (Fastify)`,
          ratio: `${fmt.ratio(ratio)} (CPU/request: ${fmt.ratio(cpuRatio)})`,
          target: '≥ 0.80×',
          met: ratio >= 0.8,
        },
      ],
    };
  } finally {
    await Promise.all([service.stop(), baseline.stop()]);
  }
}

if (isMain(import.meta)) await runAlone(benchMe);
