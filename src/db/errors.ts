// Recognizing MariaDB errors a service turns into client errors.

interface MysqlError {
  errno?: number;
  code?: string;
  sqlMessage?: string;
}

function asMysqlError(error: unknown): MysqlError | undefined {
  // Drizzle wraps driver errors in DrizzleQueryError with the original as `cause`.
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if (typeof (e as MysqlError).errno === 'number') return e as MysqlError;
  }
  return undefined;
}

/** The name of the unique index a duplicate-key error hit, or undefined for any other error. */
export function duplicateKeyName(error: unknown): string | undefined {
  const e = asMysqlError(error);
  if (e?.errno !== 1062) return undefined;
  return /for key '(?:[^'.]*\.)?([^']+)'/.exec(e.sqlMessage ?? '')?.[1] ?? '';
}

/** A foreign key pointed at a row that does not exist (or a row is still referenced). */
export function isForeignKeyViolation(error: unknown): boolean {
  const errno = asMysqlError(error)?.errno;
  return errno === 1451 || errno === 1452;
}
