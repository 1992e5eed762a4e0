// Rows read with mysql2's `execute` (server-side prepared statements, the binary protocol) instead of through Drizzle,
// on the paths that run on every request or sign-in, mapped to what Drizzle would have returned.
import { getTableColumns } from 'drizzle-orm';
import type { MySqlTable } from 'drizzle-orm/mysql-core';

/**
 * Reads a row of `table` as Drizzle would return it, from mysql2's binary protocol: dates already arrive as Date
 * objects (the pool's time zone is UTC), every other value goes through its column's own mapping.
 */
export function rowMapper<T extends MySqlTable>(table: T, alias: string): (raw: Record<string, unknown>) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => [key, `${alias}_${column.name}`, column] as const);
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, name, column] of columns) {
      const value = raw[name];
      row[key] = value === null || value === undefined ? null : value instanceof Date ? value : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  };
}

/** `alias`.`column` AS `alias_column` for every column: one flat row, no name clashes (mysql2's nestTables costs more). */
export const selectAll = (table: MySqlTable, alias: string) => Object.values(getTableColumns(table)).map((c) => `${alias}.\`${c.name}\` AS \`${alias}_${c.name}\``);
