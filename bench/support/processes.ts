// Server processes for the benchmarks (the service, and the baselines), each pinned to the "server" CPUs while
// the load generator keeps to the "client" CPUs, plus what is measured from outside a process (RSS, CPU time).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Which CPUs the servers and the load generator use. With two or more CPUs and taskset, the servers get the last
 * CPU and the load generator the first (BENCH_SERVER_CPUS / BENCH_CLIENT_CPUS override, as taskset lists, e.g.
 * "2,3"); otherwise nothing is pinned and the report says so. MariaDB and Redis are never pinned: they run
 * wherever the kernel puts them.
 */
export const cpuLayout = (() => {
  const cpus = availableParallelism();
  const taskset = hasTaskset();
  const server = process.env.BENCH_SERVER_CPUS ?? (cpus >= 2 ? String(cpus - 1) : undefined);
  const client = process.env.BENCH_CLIENT_CPUS ?? (cpus >= 2 ? Array.from({ length: cpus - 1 }, (_, i) => i).join(',') : undefined);
  const pinned = taskset && server !== undefined && client !== undefined;
  return {
    cpus,
    pinned,
    server: pinned ? server : undefined,
    client: pinned ? client : undefined,
    describe: () =>
      pinned
        ? `servers pinned to CPU ${server}, load generator to CPU ${client} (taskset); MariaDB and Redis unpinned`
        : `nothing pinned (${taskset ? `${cpus} CPU` : 'taskset not found'}): servers, load generator and databases share every CPU`,
  };
})();

/** Pins this process (every thread: the load generator, its libuv pool) to the client CPUs. */
export function pinLoadGenerator(): void {
  if (cpuLayout.client) execFileSync('taskset', ['-a', '-cp', cpuLayout.client, String(process.pid)], { stdio: 'ignore' });
}

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  url: string;
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ServerProcess>();

/**
 * Starts `node <args>` pinned to the server CPUs and resolves with its URL once it prints "Listening on <url>"
 * (the service's own start-up line; the baselines print the same). `node` is this process's binary unless another
 * is named (to compare Node versions).
 */
export function startProcess(name: string, args: string[], env: Record<string, string>, timeoutMs = 120_000, node = process.execPath): Promise<ServerProcess> {
  const command = cpuLayout.server ? 'taskset' : node;
  const argv = cpuLayout.server ? ['-c', cpuLayout.server, node, ...args] : args;
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let started = false;
    const onData = (data: Buffer) => {
      // Keep the start-up and the last lines only: a long run's log is not worth the memory.
      output = (output + data.toString()).slice(-20_000);
      if (started) return;
      const match = /Listening on (http:\/\/[^\s"]+)/.exec(output);
      if (!match) return;
      started = true;
      clearTimeout(timer);
      const server: ServerProcess = {
        name,
        child,
        pid: child.pid!,
        url: match[1]!,
        output: () => output,
        stop: () =>
          new Promise<void>((done) => {
            running.delete(server);
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(force);
              done();
            });
            child.kill('SIGTERM');
          }),
      };
      running.add(server);
      resolve(server);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      if (!started) reject(new Error(`${name} exited (${code ?? signal}) before listening:\n${output}`));
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
  });
}

/** Every process still running: stopped when the harness exits, even on failure. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}
process.once('exit', () => {
  for (const p of running) p.child.kill('SIGKILL');
});

/** Resident set size of a process, in bytes (Linux /proc). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb * 1024;
}

/**
 * User + system CPU time of a process (all its threads), in milliseconds; with `mainThreadOnly`, of its main
 * thread alone (the JavaScript thread; the rest is libuv's pool, V8's helpers).
 */
export function cpuTimeMs(pid: number, mainThreadOnly = false): number {
  const path = mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
  const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}
