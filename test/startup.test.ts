// Starting the service as `npm start` does: configuration checks, database creation, seeding, and what happens
// when MariaDB is missing.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createTestDatabase, testServerUrl } from './support/database.js';
import { runUntilExit, startServerProcess } from './support/process.js';
import { TEST_JWT_SECRET } from './support/server.js';
import { session } from './support/sign-in.js';

const cleanups: (() => Promise<unknown> | void)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'membership-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function graphql(url: string, query: string, variables?: unknown, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { token user { username role { name } } } } }';

describe('configuration', () => {
  test('each bad value gets its own clear message and the process exits', async () => {
    const { code, output } = await runUntilExit({ PORT: 'abc', JWT_EXPIRES_IN: '-5', MAX_FILE_SIZE: 'lots', DATABASE_URL: 'postgres://x/y', DATA_DIR: tempDir() });
    assert.equal(code, 1);
    assert.match(output, /PORT: must be a whole number from 0 to 65535 \(got "abc"\)/);
    assert.match(output, /JWT_EXPIRES_IN: must be a whole number/);
    assert.match(output, /MAX_FILE_SIZE: must be a whole number/);
    assert.match(output, /DATABASE_URL: must look like mysql:\/\//);
  });

  test('production refuses to start without a long enough JWT_SECRET', async () => {
    const missing = await runUntilExit({ NODE_ENV: 'production', DATA_DIR: tempDir() });
    assert.equal(missing.code, 1);
    assert.match(missing.output, /JWT_SECRET: is required in production/);
    const short = await runUntilExit({ NODE_ENV: 'production', JWT_SECRET: 'too-short', DATA_DIR: tempDir() });
    assert.equal(short.code, 1);
    assert.match(short.output, /JWT_SECRET: must be at least 32 characters/);
  });

  test('DB_HOST / DB_PORT / DB_USER / DB_PASSWORD / DB_NAME build the database URL', () => {
    const config = loadConfig({ DB_HOST: 'db.internal', DB_PORT: '3307', DB_USER: 'app', DB_PASSWORD: 'p@ss word', DB_NAME: 'members', JWT_SECRET: TEST_JWT_SECRET });
    assert.equal(config.database.url, 'mysql://app:p%40ss%20word@db.internal:3307/members');
    assert.equal(config.database.name, 'members');
    assert.equal(config.database.explicit, true);
  });
});

describe('database', () => {
  test('an unreachable DATABASE_URL gets a message saying what was tried and how to fix it', async () => {
    const { code, output } = await runUntilExit({ DATABASE_URL: 'mysql://root@127.0.0.1:1/realtime_auth', DATA_DIR: tempDir() });
    assert.equal(code, 1);
    assert.match(output, /Could not reach MariaDB at root@127\.0\.0\.1:1 \(ECONNREFUSED\)/);
    assert.match(output, /npm run db:local/);
    assert.doesNotMatch(output, /\n\s+at /, 'a message, not a stack trace');
  });

  test('creates the database, seeds roles, permissions and a first admin with a generated password, once', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    await db.query(`DROP DATABASE \`${db.name}\``);
    const dataDir = tempDir();
    const env = { DATABASE_URL: db.url, DATA_DIR: dataDir };

    const first = await startServerProcess(env);
    const password = /generated password \\?"([^"\\]+)\\?"/.exec(first.output())?.[1];
    assert.ok(password, `the generated password is printed:\n${first.output()}`);
    const login = await graphql(first.url, LOGIN, { input: { identifier: 'admin', password } });
    assert.deepEqual(session(login.data?.login).user, { username: 'admin', role: { name: 'Admin' } });
    const token = session(login.data.login).token as string;
    assert.equal(await first.stop(), 0, 'SIGTERM stops it cleanly');
    assert.ok(existsSync(join(dataDir, 'jwt-secret')), 'a development JWT secret was generated and kept');

    const second = await startServerProcess(env);
    assert.doesNotMatch(second.output(), /generated password/, 'no second admin');
    const me = await graphql(second.url, '{ me { username } }', undefined, token);
    assert.deepEqual(me.data, { me: { username: 'admin' } }, 'tokens survive a restart');
    await second.stop();

    await db.query(`USE \`${db.name}\``);
    const roles = await db.query<{ name: string; permissions: string }[]>(
      `SELECT r.name, GROUP_CONCAT(p.name ORDER BY p.name) AS permissions FROM roles r
       LEFT JOIN role_permissions rp ON rp.role_id = r.id LEFT JOIN permissions p ON p.id = rp.permission_id
       GROUP BY r.id ORDER BY r.id`,
    );
    assert.deepEqual(roles, [
      { name: 'Admin', permissions: 'notification:send,report:view,role:manage,user:delete,user:impersonate,user:read,user:write' },
      { name: 'Moderator', permissions: 'notification:send,report:view,user:read' },
      { name: 'User', permissions: 'user:read' },
    ]);
    const [{ admins }] = (await db.query<{ admins: number }[]>('SELECT COUNT(*) AS admins FROM users')) as [{ admins: number }];
    assert.equal(admins, 1);
    const [charset] = await db.query<{ c: string }[]>('SELECT DEFAULT_CHARACTER_SET_NAME AS c FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [db.name]);
    assert.equal(charset!.c, 'utf8mb4');
  });

  test('seeding leaves edited built-in roles alone on restart, and ADMIN_* creates that admin', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const env = {
      DATABASE_URL: db.url,
      DATA_DIR: tempDir(),
      JWT_SECRET: TEST_JWT_SECRET,
      ADMIN_USERNAME: 'chief',
      ADMIN_EMAIL: 'chief@example.com',
      ADMIN_PASSWORD: 'granite-orchid-42',
    };
    const first = await startServerProcess(env);
    const login = await graphql(first.url, LOGIN, { input: { identifier: 'chief@example.com', password: 'granite-orchid-42' } });
    assert.deepEqual(session(login.data?.login).user, { username: 'chief', role: { name: 'Admin' } });
    await first.stop();

    await db.query("DELETE rp FROM role_permissions rp JOIN roles r ON r.id = rp.role_id JOIN permissions p ON p.id = rp.permission_id WHERE r.name = 'Moderator' AND p.name = 'report:view'");
    const second = await startServerProcess(env);
    await second.stop();
    const [row] = await db.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM role_permissions rp JOIN roles r ON r.id = rp.role_id WHERE r.name = 'Moderator'");
    assert.equal(row!.n, 2, "the admin's edit survived the restart");
  });

  test('with no DATABASE_URL and nothing answering at the default, a private MariaDB is started under the data dir', async () => {
    const dataDir = tempDir();
    const base = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' });
    // Nothing listens on port 1: the same situation as a fresh machine where MariaDB is installed but not running.
    const config = { ...base, host: '127.0.0.1', port: 0, database: { url: 'mysql://root@127.0.0.1:1/realtime_auth', name: 'realtime_auth', explicit: false } };
    cleanups.push(async () => {
      const pidFile = join(dataDir, 'mariadb', 'mariadb.pid');
      if (!existsSync(pidFile)) return;
      const pid = Number(readFileSync(pidFile, 'utf8'));
      process.kill(pid, 'SIGTERM');
      // Wait for it to exit before its files are removed.
      for (let i = 0; i < 200; i += 1) {
        try {
          process.kill(pid, 0);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    const app = await startApp(config, createLogger('silent'));
    try {
      const health = await fetch(`${app.url}/health`);
      assert.equal(health.status, 200);
      const port = Number(readFileSync(join(dataDir, 'mariadb', 'port'), 'utf8'));
      assert.notEqual(port, Number(testServerUrl().port || 3306));
      assert.ok(existsSync(join(dataDir, 'mariadb', 'data', 'realtime_auth')), 'the database lives in the private data dir');
    } finally {
      await app.close();
    }
  });
});
