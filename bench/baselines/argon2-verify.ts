// Baseline for the login benchmark: argon2id verification alone, with the service's library and parameters
// (the hash in BENCH_HASH was made by the service's hashPassword), CONCURRENCY verifications in flight for
// SECONDS seconds. Prints one JSON line: {"verifications": n, "seconds": s, "cpuMs": CPU time of every thread}.
import { verify } from '@node-rs/argon2';

const hash = process.env.BENCH_HASH!;
const password = process.env.BENCH_PASSWORD!;
const concurrency = Number(process.env.CONCURRENCY ?? 8);
const seconds = Number(process.env.SECONDS ?? 5);

if (!(await verify(hash, password))) throw new Error('the baseline was given a hash that does not match the password');
let count = 0;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const until = started + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      if (!(await verify(hash, password))) throw new Error('verification failed');
      count += 1;
    }
  }),
);
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ verifications: count, seconds: (performance.now() - started) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 }));
