// Creates the database when missing and applies the committed migrations in drizzle/, one instance at a time.
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import mysql from 'mysql2/promise';
import type { Database } from './client.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Connects without selecting a database and creates `name` if it is not there yet. */
export async function ensureDatabaseExists(url: string, name: string): Promise<void> {
  const serverUrl = new URL(url);
  serverUrl.pathname = '/';
  const connection = await mysql.createConnection({ uri: serverUrl.toString(), connectTimeout: 5000 });
  try {
    // `name` was validated as [A-Za-z0-9_]+ in config, so quoting it is enough.
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await connection.end();
  }
}

/**
 * Applies pending migrations while holding a named lock, so several instances starting together
 * do not race each other through the same DDL.
 */
export async function withStartupLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  const connection = await database.pool.getConnection();
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>("SELECT GET_LOCK('realtime_membership_startup', 120) AS ok");
    if (rows[0]?.ok !== 1) throw new Error('Timed out waiting for another instance to finish migrating the database');
    try {
      return await work();
    } finally {
      await connection.query("SELECT RELEASE_LOCK('realtime_membership_startup')");
    }
  } finally {
    connection.release();
  }
}

export async function runMigrations(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
}
