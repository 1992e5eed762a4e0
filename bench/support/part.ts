// What every benchmark part returns, and running a part on its own (`npx tsx bench/<part>.ts [--smoke]`).
import { pathToFileURL } from 'node:url';
import { createBenchDatabase, type BenchDatabase } from './database.js';
import { cpuLayout, pinLoadGenerator, stopAll } from './processes.js';

export interface PartOptions {
  smoke: boolean;
  db: BenchDatabase;
}

/** One line of the summary table. */
export interface Verdict {
  part: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | undefined;
}

export interface PartResult {
  /** The part's own report: parameters, every round, the table. */
  report: string;
  verdicts: Verdict[];
}

export type Part = (options: PartOptions) => Promise<PartResult>;

/**
 * The parameters of a timed part: the smoke or the full set, with BENCH_DURATION (seconds per round) and
 * BENCH_ROUNDS applied, for quick comparisons while working on the service (the README's figures use the defaults).
 */
export function timedParams<T extends { durationSeconds: number; rounds: number }>(smoke: boolean, smokeParams: T, fullParams: T): T {
  const params = { ...(smoke ? smokeParams : fullParams) };
  if (process.env.BENCH_DURATION) params.durationSeconds = Number(process.env.BENCH_DURATION);
  if (process.env.BENCH_ROUNDS) params.rounds = Number(process.env.BENCH_ROUNDS);
  return params;
}

export function isMain(meta: ImportMeta): boolean {
  return process.argv[1] !== undefined && meta.url === pathToFileURL(process.argv[1]).href;
}

/** Runs one part by itself, with a database of its own. */
export async function runAlone(part: Part): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  pinLoadGenerator();
  console.log(`# ${cpuLayout.describe()}`);
  const db = await createBenchDatabase();
  try {
    const result = await part({ smoke, db });
    console.log(result.report);
  } finally {
    await stopAll();
    await db.drop();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The value of `--name value` on a bench tool's command line, or `fallback`; both words are taken out of `args`, so
 * what is left once every option is read are the tool's positional arguments.
 */
export function takeOption(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1]! : fallback;
}
