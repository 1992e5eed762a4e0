// Statements built once per database handle (Drizzle prepared queries): building one (the tables, every column)
// can cost more CPU than running it, on paths that run on every request or sign-in.
import type { DbOrTx } from './client.js';

/** `build` run once per handle, its result kept for as long as the handle lives. */
export function preparedPerDb<D extends DbOrTx, T>(build: (db: D) => T): (db: D) => T {
  const built = new WeakMap<D, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) built.set(db, (value = build(db)));
    return value;
  };
}
