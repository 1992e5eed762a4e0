// A private MariaDB under .data/mariadb for machines where none is running: `npm run db:local`, and the fallback
// `npm start` uses when no DATABASE_URL was given and the default one does not answer.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

const BINARY_CANDIDATES = ['/usr/sbin/mariadbd', '/usr/bin/mariadbd', '/usr/local/bin/mariadbd', '/usr/sbin/mysqld'];
const INSTALL_CANDIDATES = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db', '/usr/local/bin/mariadb-install-db'];

export function findOnPath(candidates: string[], name: string): string | undefined {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  return onPath || candidates.find((c) => existsSync(c));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function portAnswers(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface LocalMariadb {
  url: string;
  port: number;
  dataDir: string;
  /** False when an instance started earlier was still running and was reused. */
  started: boolean;
}

/**
 * Starts (or reuses) a MariaDB server whose files live in `<dataDir>/mariadb`, listening on 127.0.0.1 only.
 * The port is chosen once and remembered, so the printed DATABASE_URL stays valid across restarts.
 */
export async function startLocalMariadb(dataDir: string, databaseName: string): Promise<LocalMariadb> {
  const mariadbd = findOnPath(BINARY_CANDIDATES, 'mariadbd');
  if (!mariadbd) {
    throw new Error('No mariadbd binary was found. Install MariaDB (on Debian: `sudo apt-get install mariadb-server`) or set DATABASE_URL.');
  }
  const dir = join(dataDir, 'mariadb');
  const files = join(dir, 'data');
  const portFile = join(dir, 'port');
  mkdirSync(dir, { recursive: true });
  const port = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : await freePort();
  writeFileSync(portFile, String(port));
  const url = `mysql://root@127.0.0.1:${port}/${databaseName}`;
  if (await portAnswers(port)) return { url, port, dataDir: dir, started: false };

  const user = userInfo().username;
  if (!existsSync(join(files, 'mysql'))) {
    const installer = findOnPath(INSTALL_CANDIDATES, 'mariadb-install-db');
    if (!installer) throw new Error('mariadbd was found but mariadb-install-db was not; install the mariadb-server package.');
    const install = spawnSync(
      installer,
      ['--no-defaults', `--datadir=${files}`, `--user=${user}`, '--auth-root-authentication-method=normal', '--skip-test-db'],
      { encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`mariadb-install-db failed:\n${install.stderr || install.stdout}`);
  }
  const child = spawn(
    mariadbd,
    [
      '--no-defaults',
      `--datadir=${files}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(dir, 'mariadb.sock')}`,
      `--pid-file=${join(dir, 'mariadb.pid')}`,
      `--log-error=${join(dir, 'error.log')}`,
      `--user=${user}`,
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_bin',
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
  for (let waited = 0; waited < 30_000; waited += 250) {
    if (await portAnswers(port)) return { url, port, dataDir: dir, started: true };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8').split('\n').slice(-15).join('\n') : '';
  throw new Error(`The local MariaDB did not start on port ${port}. Last lines of ${join(dir, 'error.log')}:\n${log}`);
}
