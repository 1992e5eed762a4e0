// Getting from configuration to a ready database: reach the server (or start a private one), create the
// database, migrate it and seed it.
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createDatabase, type Database } from './client.js';
import { startLocalMariadb } from './local-mariadb.js';
import { ensureDatabaseExists, runMigrations, withStartupLock } from './migrate.js';
import { seed } from './seed.js';
import { backfillUsernameSkeletons } from './username-skeletons.js';

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET', 'EAI_AGAIN', 'PROTOCOL_CONNECTION_LOST']);

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

function describe(url: string): string {
  const u = new URL(url);
  return `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.hostname}:${u.port || 3306}`;
}

function errorCode(error: unknown): string {
  return (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
}

function howToFix(config: Config, url: string, error: unknown): string {
  const code = errorCode(error);
  const lines = [`Could not reach MariaDB at ${describe(url)} (${code}).`];
  if (code === 'ER_ACCESS_DENIED_ERROR') {
    lines.push('The server answered but refused the user or password: fix the credentials in DATABASE_URL (or DB_USER / DB_PASSWORD).');
  } else {
    lines.push(
      'To fix it, do one of:',
      '  - start MariaDB: `sudo service mariadb start` (or `sudo start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd`);',
      '  - point DATABASE_URL at a running server, e.g. DATABASE_URL=mysql://user:password@host:3306/realtime_auth;',
      '  - run `npm run db:local` to start a private MariaDB under .data/ and use the DATABASE_URL it prints.',
    );
    if (config.database.explicit) lines.push('(No private MariaDB was started because DATABASE_URL or DB_* was set explicitly.)');
  }
  return lines.join('\n');
}

/** Creates the database if needed, falling back to a private MariaDB when the default URL does not answer. */
async function reachServer(config: Config, log: Logger): Promise<string> {
  const { url, name, explicit } = config.database;
  try {
    await ensureDatabaseExists(url, name);
    return url;
  } catch (error) {
    if (explicit || !CONNECTION_ERRORS.has(errorCode(error))) throw new DatabaseUnreachableError(howToFix(config, url, error), { cause: error });
    log.warn(`No MariaDB answers at ${describe(url)} (${errorCode(error)}) and DATABASE_URL is not set: starting a private one under ${config.dataDir}/mariadb`);
    let local;
    try {
      local = await startLocalMariadb(config.dataDir, name);
    } catch (localError) {
      throw new DatabaseUnreachableError(`${howToFix(config, url, error)}\nStarting a private MariaDB failed too: ${(localError as Error).message}`, { cause: localError });
    }
    log.info({ databaseUrl: local.url }, `Using the private MariaDB (${local.started ? 'started' : 'already running'}); set DATABASE_URL=${local.url} to use it directly`);
    await ensureDatabaseExists(local.url, name);
    return local.url;
  }
}

export async function openDatabase(config: Config, log: Logger): Promise<{ database: Database; url: string }> {
  const url = await reachServer(config, log);
  // mysql2 captures a stack trace on every query (\`trace\`) so that a database error names the code that sent it:
  // ~15 µs of CPU per query, and each sign-in sends four. Kept for development and tests, where errors are read;
  // in production a failed query is logged with its request id and operation instead.
  const database = createDatabase(url, { trace: config.env !== 'production' });
  try {
    await withStartupLock(database, async () => {
      await runMigrations(database);
      await backfillUsernameSkeletons(database.db, log);
      await seed(database.db, config, log);
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  return { database, url };
}
