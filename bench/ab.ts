// A/B tool for work on the service, not part of `npm run bench`: runs the `me` load against several builds of the
// service and the Fastify baseline, in turn, round after round, so each comparison shares the same noise.
// Run: npx tsx bench/ab.ts name=path/to/server.(ts|js) [name=…] [--seconds 5] [--rounds 3] [--query '…']
// A path ending in .ts runs with --import tsx, like `npm start`; a .js path runs as plain node (e.g. a tsc build).
// `name="node=/path/to/node … path"` runs that variant on another Node binary (e.g. .data/toolchain/node-24.x/bin/node).
// The first variant must be a build of the service: the users sign in through it.
import { BENCH_PASSWORD, createBenchDatabase, seedUsers } from './support/database.js';
import { load, type LoadResult } from './support/load.js';
import { cpuLayout, pinLoadGenerator, startProcess, stopAll, type ServerProcess } from './support/processes.js';
import { login, mapLimit, serviceEnv, startBaseline } from './support/service.js';
import { fmt, median, table } from './support/stats.js';
import { takeOption } from './support/part.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => takeOption(args, name, fallback);
const seconds = Number(option('seconds', '5'));
const rounds = Number(option('rounds', '3'));
const connections = Number(option('connections', '32'));
const query = option('query', 'query Me { me { id username email phone } }');
// name=path, or name="--node-flag … VAR=value … path" to try V8 or Node options or settings on the same code.
const variants = args.map((a) => {
  const i = a.indexOf('=');
  const words = a.slice(i + 1).trim().split(/\s+/);
  const options = words.slice(0, -1);
  const setting = /^[A-Z_]+=|^node=/;
  const env = Object.fromEntries(options.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
  const node = options.find((w) => w.startsWith('node='))?.slice('node='.length);
  return { name: a.slice(0, i), path: words.at(-1)!, flags: options.filter((w) => !setting.test(w)), env, node };
});

pinLoadGenerator();
console.log(`# ${cpuLayout.describe()}`);
const db = await createBenchDatabase();
try {
  const servers: ServerProcess[] = [];
  for (const { name, path, flags, env, node } of variants) {
    const profile = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=.data/profiles/${name}`] : [];
    const argv = [...profile, ...flags, ...(path.endsWith('.ts') ? ['--import', 'tsx', path] : [path])];
    servers.push(await startProcess(name, argv, serviceEnv(db, env), undefined, node));
  }
  servers.push(await startBaseline(db, 'fastify', 'fastify-me'));
  const users = await seedUsers(db, 100, 'ab_');
  const tokens = (await mapLimit(users, 4, (u) => login(servers[0]!.url, u.username, BENCH_PASSWORD))).map((l) => l.token);
  const body = JSON.stringify({ query });
  const run = (server: ServerProcess, s: number) => load({ server, body, tokens, connections, durationSeconds: s, expect: '"data"' });
  for (const server of servers) await run(server, 2);
  const results = new Map<string, LoadResult[]>(servers.map((s) => [s.name, []]));
  for (let r = 0; r < rounds; r += 1) {
    const order = r % 2 === 0 ? servers : [...servers].reverse();
    for (const server of order) results.get(server.name)!.push(await run(server, seconds));
  }
  const base = median(results.get('fastify')!.map((x) => x.requestsPerSecond));
  console.log(
    table(
      ['variant', 'req/s (median)', 'per round', 'p50 ms', 'p99 ms', 'CPU µs/req', 'per round', 'failures', 'vs fastify'],
      servers.map((s) => {
        const rs = results.get(s.name)!;
        const rps = median(rs.map((x) => x.requestsPerSecond));
        const cpus = rs.map((x) => ((x.serverCpu / 100) * seconds * 1e6) / x.total);
        const cpuPerReq = median(cpus);
        return [s.name, fmt.int(rps), rs.map((x) => fmt.int(x.requestsPerSecond)).join(' '), fmt.ms(median(rs.map((x) => x.latency.p50))),
          fmt.ms(median(rs.map((x) => x.latency.p99))), fmt.int(cpuPerReq), cpus.map(fmt.int).join(' '), String(rs.reduce((a, x) => a + x.failures, 0)), fmt.ratio(rps / base)];
      }),
    ),
  );
} finally {
  await stopAll();
  await db.drop();
}
