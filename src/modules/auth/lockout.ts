// Progressive lockout: after `threshold` failures in a row, attempts are refused for a time that doubles with every
// further failure, up to a maximum. A lock belongs to the account (its username, email and phone share one row of
// login_lockouts), to the identifier when it names no account, or to the account's second factor, and lives in
// MariaDB so it holds across restarts and instances. Every attempt is counted *before* its answer is compared
// (reserveAttempt), in one atomic statement, so N answers sent at once count N and at most `threshold` of them are
// ever compared; a right answer then clears the count (clearLockout). An attempt refused while locked changes
// nothing: it neither wears the lock down nor stretches it, and a right answer is refused too.
import type { RowDataPacket } from 'mysql2/promise';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { loginLockouts } from '../../db/schema.js';

export interface LockoutSettings {
  threshold: number;
  baseSeconds: number;
  maxSeconds: number;
}

/**
 * Failures this old (counted from the last failure, or from the end of the lock it caused, whichever is later) are
 * forgotten: someone who mistypes a password once a week is never locked out, and a lock longer than this still
 * doubles the next one.
 */
const MEMORY_SECONDS = 24 * 3600;
/** One reservation in this many also clears rows forgotten long ago (unknown identifiers would otherwise pile up). */
const CLEANUP_EVERY = 500;

export const accountLockKey = (userId: number) => `u:${userId}`;
export const identifierLockKey = (identifierKey: string) => `k:${identifierKey.slice(0, 254)}`;
export const secondFactorLockKey = (userId: number) => `m:${userId}`;

/**
 * One round trip, one transaction: the row is created or locked (INSERT … ON DUPLICATE KEY UPDATE takes the row's
 * exclusive lock at once, so concurrent reservations queue instead of deadlocking), then, unless a lock is running,
 * the attempt is counted and the lock set when the count reaches the threshold. The lock runs from this attempt for
 * base × 2^(count − threshold) seconds, capped at the maximum.
 */
const RESERVE_SQL = `BEGIN NOT ATOMIC
  DECLARE k VARCHAR(260) DEFAULT ?; DECLARE t DATETIME(3) DEFAULT CAST(? AS DATETIME(3));
  DECLARE threshold INT DEFAULT ?; DECLARE base_s INT DEFAULT ?; DECLARE max_s INT DEFAULT ?; DECLARE memory_s INT DEFAULT ?;
  DECLARE f INT; DECLARE lu DATETIME(3); DECLARE la DATETIME(3); DECLARE counted BOOLEAN DEFAULT FALSE;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
  START TRANSACTION;
  INSERT INTO \`login_lockouts\` (lock_key, failures, last_failure_at) VALUES (k, 0, t) ON DUPLICATE KEY UPDATE lock_key = lock_key;
  SELECT failures, locked_until, last_failure_at INTO f, lu, la FROM \`login_lockouts\` WHERE lock_key = k;
  IF lu IS NULL OR lu <= t THEN
    SET f = IF(GREATEST(la, COALESCE(lu, la)) < t - INTERVAL memory_s SECOND, 1, f + 1);
    SET lu = IF(f >= threshold, t + INTERVAL LEAST(base_s * POW(2, LEAST(f - threshold, 30)), max_s) SECOND, NULL);
    UPDATE \`login_lockouts\` SET failures = f, locked_until = lu, last_failure_at = t WHERE lock_key = k;
    SET counted = TRUE;
  END IF;
  COMMIT;
  SELECT counted, lu AS locked_until;
END`;

/**
 * Counts an attempt against `lockKey` before its answer is compared. Resolves to 0 when the attempt may go on (it
 * is counted: a right answer must clearLockout), or to the milliseconds left of a running lock (nothing changed).
 */
export async function reserveAttempt(db: Db, lockKey: string, settings: LockoutSettings, now = new Date()): Promise<number> {
  const [results] = await db.$client.query<RowDataPacket[][]>(RESERVE_SQL, [
    lockKey,
    now,
    settings.threshold,
    settings.baseSeconds,
    settings.maxSeconds,
    MEMORY_SECONDS,
  ]);
  const row = results[0]![0]!;
  if (Math.random() < 1 / CLEANUP_EVERY) void sweep(db, now).catch(() => undefined);
  if (Number(row.counted) === 1) return 0;
  return Math.max(1, (row.locked_until as Date).getTime() - now.getTime());
}

/**
 * Removes rows forgotten long ago. The keys are read first and deleted by primary key, as a reservation locks them: a
 * DELETE through the last_failure_at index would lock in the other order and could deadlock with one.
 */
async function sweep(db: Db, now: Date): Promise<void> {
  const forgetBefore = new Date(now.getTime() - MEMORY_SECONDS * 1000);
  const stale = sql`last_failure_at < ${forgetBefore} AND (locked_until IS NULL OR locked_until < ${forgetBefore})`;
  const rows = await db.select({ key: loginLockouts.lockKey }).from(loginLockouts).where(stale).limit(1000);
  if (rows.length === 0) return;
  await db.delete(loginLockouts).where(and(inArray(loginLockouts.lockKey, rows.map((row) => row.key)), stale));
}

/** A success ends a run of failures. */
export async function clearLockout(tx: DbOrTx, lockKey: string): Promise<void> {
  await tx.delete(loginLockouts).where(eq(loginLockouts.lockKey, lockKey));
}
