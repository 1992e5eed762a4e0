// HAProxy as deployed (deploy/haproxy.cfg), run by a test on loopback: the shipped file with only its `bind` and
// `server` lines rewritten for the test's ports, and logging to stdout instead of syslog.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './process.js';

/** Why the deployment test cannot run here, or undefined when HAProxy is installed. */
export function haproxyMissing(): string | undefined {
  const probe = spawnSync('haproxy', ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return 'haproxy is not installed and could not be (scripts/ensure-haproxy.sh, run by npm test, installs it with apt-get as root)';
  }
  return undefined;
}

/** The shipped configuration, with the test's listening port and instances. */
export async function haproxyConfigFor(port: number, instances: string[]): Promise<string> {
  const shipped = await readFile(join(ROOT, 'deploy', 'haproxy.cfg'), 'utf8');
  const replace = (text: string, pattern: RegExp, by: string) => {
    if (!pattern.test(text)) throw new Error(`deploy/haproxy.cfg no longer has a line matching ${pattern}`);
    return text.replace(pattern, by);
  };
  let config = replace(shipped, /^ {4}bind :8080$/m, `    bind 127.0.0.1:${port}`);
  config = replace(config, /^ {4}log \/dev\/log local0$/m, '    log stdout format raw local0 info');
  const servers = instances.map((url, i) => `    server app${i + 1} ${new URL(url).host} check`).join('\n');
  return replace(config, /^ {4}server app1 .*\n {4}server app2 .*$/m, servers);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface TestHaproxy {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts HAProxy in the foreground and resolves once every instance behind it passes its health check. */
export async function startHaproxy(instances: string[], timeoutMs = 20_000): Promise<TestHaproxy> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'haproxy-'));
  const file = join(dir, 'haproxy.cfg');
  await writeFile(file, await haproxyConfigFor(port, instances));
  const check = spawnSync('haproxy', ['-c', '-q', '-f', file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy refuses the configuration:\n${check.stderr}`);
  // -db: stay in the foreground, logging to stdout; -W: master-worker, so SIGTERM stops it cleanly.
  const child = spawn('haproxy', ['-db', '-W', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const haproxy: TestHaproxy = {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}:\n${output}`);
    // Each instance is up when HAProxy's own check says so: every one of N requests in a row answered.
    const answers = await Promise.all(instances.map(() => fetch(`${url}/health`).then((r) => r.status, () => 0)));
    if (answers.every((status) => status === 200) && instancesUp(output, instances.length)) return haproxy;
    if (Date.now() > deadline) {
      await haproxy.stop();
      throw new Error(`haproxy did not see every instance up within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** HAProxy logs "Server app/appN is UP" when a server that started down passes `rise` checks; with none logged
 * DOWN, every server is up from the start. */
function instancesUp(output: string, count: number): boolean {
  for (let i = 1; i <= count; i += 1) {
    const down = output.lastIndexOf(`app/app${i} is DOWN`);
    if (down !== -1 && output.lastIndexOf(`app/app${i} is UP`) < down) return false;
  }
  return true;
}
