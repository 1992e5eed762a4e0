// The mysql2 connection pool and the Drizzle handle over it.
import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import mysql, { type Pool, type PoolOptions } from 'mysql2/promise';
import * as schema from './schema.js';

/** `$client`: the pool, for the few statements that run as server-side prepared statements (see sessions.ts). */
export type Db = MySql2Database<typeof schema> & { $client: Pool };
/** A Drizzle handle or an open transaction: services accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  pool: Pool;
  close(): Promise<void>;
}

export function poolOptions(url: string, overrides: PoolOptions = {}): PoolOptions {
  return {
    uri: url,
    connectionLimit: 10,
    // Dates travel as UTC in both directions, and CURRENT_TIMESTAMP defaults agree with them (see below).
    timezone: 'Z',
    charset: 'UTF8MB4_BIN',
    supportBigNumbers: true,
    enableKeepAlive: true,
    // Server-side prepared statements kept per connection (mysql2's default: 16,000). Only a few statements run that
    // way (`$client.execute`, see sessions.ts), and mysql2's cache allocates four arrays of this length for every
    // connection up front: 512 KB each, 5 MB for a full pool of 10, against ~8 KB at 256.
    maxPreparedStatements: 256,
    ...overrides,
  };
}

export function createDatabase(url: string, overrides: PoolOptions = {}): Database {
  const pool = mysql.createPool(poolOptions(url, overrides));
  // Column defaults use CURRENT_TIMESTAMP, which follows the session time zone: make every session UTC.
  pool.pool.on('connection', (connection) => {
    // With a callback, a failure (the server gone right after the handshake) is this query's, not an 'error'
    // event on the connection; the connection's next use reports it.
    connection.query("SET time_zone = '+00:00'", () => {});
  });
  const db = drizzle(pool, { schema, mode: 'default' });
  return { db, pool, close: () => pool.end() };
}
