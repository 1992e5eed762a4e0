// Baseline for the login benchmark: argon2id verification alone, with the service's library and parameters
// (the hash in BENCH_HASH was made by the service's hashPassword), CONCURRENCY verifications in flight for
// SECONDS seconds; with SLOTS=cpus at most one hashing per CPU this process may run on, as the service does (else
// as many as the library runs at once: libuv's pool size).
// Prints one JSON line: {"verifications": n, "seconds": s, "cpuMs": CPU time of every thread}.
import { verify } from '@node-rs/argon2';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';

const hash = process.env.BENCH_HASH!;
const password = process.env.BENCH_PASSWORD!;
const concurrency = Number(process.env.CONCURRENCY ?? 8);
const seconds = Number(process.env.SECONDS ?? 5);
const slots = pLimit(process.env.SLOTS === 'cpus' ? availableParallelism() : Infinity);

if (!(await verify(hash, password))) throw new Error('the baseline was given a hash that does not match the password');
let count = 0;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const until = started + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      if (!(await slots(() => verify(hash, password)))) throw new Error('verification failed');
      count += 1;
    }
  }),
);
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ verifications: count, seconds: (performance.now() - started) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 }));
