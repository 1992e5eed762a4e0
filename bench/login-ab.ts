// A/B tool for work on the sign-in path, not part of `npm run bench`: the `login` load of bench/login.ts against
// several builds of the service, and argon2id verification alone (one hashing per CPU, the service's way), in turn,
// round after round, so each comparison shares the same noise. Each build's sign-ins/s is divided by the argon2id
// rate of its own round; CPU per sign-in is split between the JavaScript thread and the others (argon2id's pool).
// Run: npx tsx bench/login-ab.ts name=path/to/server.ts [name=…] [--seconds 10] [--rounds 3] [--connections 8]
// e.g. before=/tmp/before/src/server.ts (a `git archive` of the older commit with node_modules linked in) after=src/server.ts
import { BENCH_PASSWORD, createBenchDatabase, seedUsers } from './support/database.js';
import { LOGIN, rawVerifications } from './login.js';
import { load } from './support/load.js';
import { cpuLayout, cpuTimeMs, pinLoadGenerator, startProcess, stopAll, type ServerProcess } from './support/processes.js';
import { serviceEnv } from './support/service.js';
import { fmt, median, table } from './support/stats.js';
import { takeOption } from './support/part.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => takeOption(args, name, fallback);
const seconds = Number(option('seconds', '10'));
const rounds = Number(option('rounds', '3'));
const connections = Number(option('connections', '8'));
const variants = args.map((a) => ({ name: a.slice(0, a.indexOf('=')), path: a.slice(a.indexOf('=') + 1) }));

pinLoadGenerator();
console.log(`# ${cpuLayout.describe()}; ${connections} connections, ${rounds} × ${seconds} s per side`);
const db = await createBenchDatabase();
try {
  const servers: ServerProcess[] = [];
  for (const { name, path } of variants) servers.push(await startProcess(name, ['--import', 'tsx', path], serviceEnv(db)));
  const identifiers = (await seedUsers(db, 200, 'ab_')).map((u) => u.username);
  const body = (i: number) => JSON.stringify({ query: LOGIN, variables: { input: { identifier: identifiers[i % identifiers.length], password: BENCH_PASSWORD } } });
  const logins = async (server: ServerProcess, s: number) => {
    const main = cpuTimeMs(server.pid, true);
    const all = cpuTimeMs(server.pid);
    const result = await load({ server, body, connections, durationSeconds: s, expect: '"token"' });
    const mainMs = (cpuTimeMs(server.pid, true) - main) / result.total;
    return { ...result, mainMs, otherMs: (cpuTimeMs(server.pid) - all) / result.total - mainMs };
  };
  for (const server of servers) await logins(server, 3);
  const sides = [...servers.map((server) => ({ name: server.name, run: () => logins(server, seconds) })), { name: 'argon2id', run: () => rawVerifications(connections, seconds, true) }];
  const results = new Map<string, { perSecond: number; mainMs?: number; otherMs: number; failures: number }[]>(sides.map((s) => [s.name, []]));
  for (let r = 0; r < rounds; r += 1) {
    for (const side of r % 2 === 0 ? sides : [...sides].reverse()) {
      const x = await side.run();
      results.get(side.name)!.push('requestsPerSecond' in x
        ? { perSecond: x.requestsPerSecond, mainMs: x.mainMs, otherMs: x.otherMs, failures: x.failures }
        : { perSecond: x.perSecond, otherMs: x.cpuMsEach, failures: 0 });
    }
  }
  const raw = results.get('argon2id')!;
  console.log(
    table(
      ['side', 'per second (median)', 'per round', 'ratio to argon2id (median)', 'per round', 'JS thread CPU ms each', 'per round', 'other threads CPU ms each', 'failures'],
      sides.map(({ name }) => {
        const rs = results.get(name)!;
        const ratios = rs.map((x, i) => x.perSecond / raw[i]!.perSecond);
        const main = rs.map((x) => x.mainMs ?? 0);
        return [name, fmt.int(median(rs.map((x) => x.perSecond))), rs.map((x) => fmt.int(x.perSecond)).join(' '), fmt.ratio(median(ratios)), ratios.map(fmt.ratio).join(' '),
          name === 'argon2id' ? '' : fmt.ms(median(main)), name === 'argon2id' ? '' : main.map(fmt.ms).join(' '), fmt.ms(median(rs.map((x) => x.otherMs))), String(rs.reduce((a, x) => a + x.failures, 0))];
      }),
    ),
  );
} finally {
  await stopAll();
  await db.drop();
}
