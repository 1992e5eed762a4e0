// Progressive lockout: after LOCKOUT_THRESHOLD verified failures in a row, sign-in is refused for a time that
// doubles with every further failure, up to LOCKOUT_MAX_SECONDS. It is a property of the account (its username,
// email and phone share one row of login_lockouts), or of the identifier when it matches no account, and lives in
// MariaDB so it holds across restarts and instances. An attempt refused while locked is logged but changes nothing
// here: it neither wears the lock down nor stretches it, and a correct password is refused too.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import { loginLockouts, type LoginLockoutRow } from '../../db/schema.js';
import type { Config } from '../../config.js';

export type LockoutState = Pick<LoginLockoutRow, 'failures' | 'lockedUntil'>;

/** Failures this old are forgotten: someone who mistypes a password once a week is never locked out. */
const MEMORY_SECONDS = 24 * 3600;
/** One failure in this many also clears rows forgotten long ago (unknown identifiers would otherwise pile up). */
const CLEANUP_EVERY = 500;

export const accountLockKey = (userId: number) => `u:${userId}`;
export const identifierLockKey = (identifierKey: string) => `k:${identifierKey.slice(0, 254)}`;

/** Milliseconds until the lock ends; 0 when there is none. */
export function lockoutRemainingMs(state: LockoutState | null | undefined, now = Date.now()): number {
  return state?.lockedUntil ? Math.max(0, state.lockedUntil.getTime() - now) : 0;
}

const lockoutByKey = preparedPerDb((db: Db) =>
  db
    .select({ failures: loginLockouts.failures, lockedUntil: loginLockouts.lockedUntil })
    .from(loginLockouts)
    .where(eq(loginLockouts.lockKey, sql.placeholder('key')))
    .prepare(),
);

/** The lockout of an identifier that matched no account (an account's comes with its row, see loginQueries). */
export async function readLockout(db: Db, lockKey: string): Promise<LockoutState | undefined> {
  const [row] = await lockoutByKey(db).execute({ key: lockKey });
  return row;
}

/**
 * Counts a verified failure, atomically (concurrent failures all count). The lock runs from this failure for
 * base × 2^(failures − threshold) seconds, capped at max; it is never shortened by a concurrent write.
 * MariaDB assigns ON DUPLICATE KEY UPDATE columns left to right, so `locked_until` sees the new `failures` and
 * `failures` the old `last_failure_at`.
 */
export async function recordFailure(tx: DbOrTx, lockKey: string, { threshold, baseSeconds, maxSeconds }: Config['lockout'], now = new Date()) {
  const at = sql`CAST(${now} AS DATETIME(3))`;
  const lockUntil = (failures: SQL) =>
    sql`IF(${failures} >= ${threshold}, ${at} + INTERVAL LEAST(${baseSeconds} * POW(2, LEAST(${failures} - ${threshold}, 30)), ${maxSeconds}) SECOND, NULL)`;
  const forgetBefore = new Date(now.getTime() - MEMORY_SECONDS * 1000);
  await tx.execute(sql`
    INSERT INTO ${loginLockouts} (lock_key, failures, last_failure_at, locked_until)
    VALUES (${lockKey}, 1, ${at}, ${lockUntil(sql`1`)})
    ON DUPLICATE KEY UPDATE
      failures = IF(last_failure_at < ${forgetBefore}, 1, failures + 1),
      locked_until = COALESCE(GREATEST(locked_until, ${lockUntil(sql`failures`)}), ${lockUntil(sql`failures`)}, locked_until),
      last_failure_at = ${at}`);
  if (Math.random() < 1 / CLEANUP_EVERY) {
    await tx.execute(sql`DELETE FROM ${loginLockouts} WHERE last_failure_at < ${forgetBefore} AND (locked_until IS NULL OR locked_until < ${now}) LIMIT 1000`);
  }
}

/** A success ends a run of failures. */
export async function clearLockout(tx: DbOrTx, lockKey: string): Promise<void> {
  await tx.delete(loginLockouts).where(eq(loginLockouts.lockKey, lockKey));
}
