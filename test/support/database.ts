// Every test file gets its own freshly created database, dropped at the end.
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

/** The server tests connect to: TEST_DATABASE_URL, else DATABASE_URL, else the local default. */
export function testServerUrl(): URL {
  const url = new URL(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
  url.pathname = '/';
  return url;
}

export interface TestDatabase {
  name: string;
  url: string;
  /** Runs SQL directly, for arranging state the API cannot (yet) reach and for checking what was written. */
  query<T = mysql.RowDataPacket[]>(sql: string, params?: unknown[]): Promise<T>;
  drop(): Promise<void>;
}

/**
 * Creates an empty database named `<prefix>_<random>` on `server`, with a connection to it for direct queries
 * (the benchmarks' databases are made here too).
 */
export async function createScratchDatabase(prefix: string, server: URL): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  const admin = await mysql.createConnection({ uri: server.toString(), timezone: 'Z' });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await admin.query(`USE \`${name}\``);
  return {
    name,
    url: url.toString(),
    query: async <T>(sql: string, params: unknown[] = []) => (await admin.query(sql, params))[0] as T,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

export function createTestDatabase(): Promise<TestDatabase> {
  return createScratchDatabase('realtime_auth_test', testServerUrl());
}
