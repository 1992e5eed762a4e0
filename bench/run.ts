// Runs the benchmarks (all, or the parts named) and prints what was measured, how, on what, and a summary against
// the targets. `npm run bench [-- part …]`, `npm run bench:smoke` (each part for a few seconds with small numbers:
// it checks that the harness works and measures nothing worth reading). A missed target does not fail the run; a
// part that breaks does.
import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { Redis } from 'ioredis';
import { benchAbuse } from './abuse.js';
import { benchAvatars } from './avatars.js';
import { benchFanOut } from './fanout.js';
import { benchLogin } from './login.js';
import { benchMe } from './me.js';
import { benchMemory } from './memory.js';
import { benchScaleOut } from './scale-out.js';
import { createBenchDatabase } from './support/database.js';
import type { Part, Verdict } from './support/part.js';
import { cpuLayout, pinLoadGenerator, ROOT, stopAll } from './support/processes.js';
import { table } from './support/stats.js';

const PARTS: Record<string, Part> = {
  me: benchMe,
  login: benchLogin,
  fanout: benchFanOut,
  memory: benchMemory,
  'scale-out': benchScaleOut,
  avatars: benchAvatars,
  abuse: benchAbuse,
};

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !(n in PARTS));
if (unknown.length) {
  console.error(`Unknown part(s): ${unknown.join(', ')}. Parts: ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
const selected = names.length ? names : Object.keys(PARTS);

function quiet(command: string, argv: string[]): string {
  try {
    return execFileSync(command, argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function versions(db: Awaited<ReturnType<typeof createBenchDatabase>>) {
  const [row] = await db.query<{ v: string }[]>('SELECT VERSION() AS v');
  let redis = 'not reachable';
  const client = new Redis(process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    redis = /redis_version:(\S+)/.exec(await client.info('server'))?.[1] ?? 'unknown';
  } catch {
    // reported as not reachable
  } finally {
    client.disconnect();
  }
  return { mariadb: row?.v ?? 'unknown', redis };
}

pinLoadGenerator();
const started = new Date();
const load = loadavg().map((l) => l.toFixed(2)).join(' ');
const db = await createBenchDatabase();
let failed = false;
const verdicts: Verdict[] = [];
try {
  const v = await versions(db);
  console.log(
    [
      `# Benchmarks${smoke ? ' (smoke: a few seconds per part, small numbers; not results)' : ''}`,
      '',
      `- command: \`npm run ${smoke ? 'bench:smoke' : 'bench'}${names.length ? ` -- ${names.join(' ')}` : ''}\`, ${started.toISOString()}, commit ${quiet('git', ['rev-parse', '--short', 'HEAD'])}`,
      `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM (${(freemem() / 1024 ** 3).toFixed(0)} free), load average ${load} at the start (other jobs share this machine)`,
      `- Node ${process.version}, MariaDB ${v.mariadb}, Redis ${v.redis}; the service runs as npm start does (node --import tsx src/server.ts, NODE_ENV=production)`,
      `- ${cpuLayout.describe()}; open files limit ${quiet('bash', ['-c', 'ulimit -n'])}`,
    ].join('\n'),
  );
  for (const name of selected) {
    const partStarted = performance.now();
    try {
      const result = await PARTS[name]!({ smoke, db });
      console.log(`\n${result.report}\n\n_${name}: ${((performance.now() - partStarted) / 1000).toFixed(0)} s, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} after_`);
      verdicts.push(...result.verdicts);
    } catch (error) {
      failed = true;
      console.error(`\n## ${name}: FAILED\n`, error);
      await stopAll();
    }
  }
  if (verdicts.length) {
    const met = (v: Verdict) => (v.met === undefined ? '–' : v.met ? 'met' : 'missed');
    console.log(`\n## Summary\n\n${table(['part', 'service', 'baseline', 'ratio', 'target', smoke ? 'target met (smoke: not meaningful)' : 'target met'], verdicts.map((v) => [v.part, v.measured, v.baseline, v.ratio, v.target, met(v)]))}`);
  }
} finally {
  await stopAll();
  await db.drop();
}
process.exit(failed ? 1 : 0);
