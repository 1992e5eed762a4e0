// Progressive lockout: after LOCKOUT_THRESHOLD failed sign-ins in a row for an identifier, further attempts are
// refused for a time that doubles with every further failure. Counted from login_history, so it holds across
// restarts and instances. Refused attempts (LOCKED_OUT) do not count, or an attacker could lock a user out forever.
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginHistory } from '../../db/schema.js';
import type { Runtime } from '../../runtime.js';

const COUNTED_FAILURES = new Set(['WRONG_PASSWORD', 'UNKNOWN_IDENTIFIER']);
/** Failures older than this no longer count towards a lockout. */
const MEMORY_MS = 24 * 3600_000;

/**
 * The failed attempts since the identifier's last success (a success ends a run of failures), newest first. Only
 * failures are fetched, so the usual case, a user whose last attempt succeeded, reads no rows at all; the query is
 * run on every sign-in, so it is built once (a prepared query) per database handle.
 */
function failuresSinceLastSuccess(db: Db) {
  const key = sql.placeholder('key');
  const lastSuccess = sql`COALESCE((SELECT ${loginHistory.id} FROM ${loginHistory} WHERE ${loginHistory.identifierKey} = ${key} AND ${loginHistory.success} = 1 ORDER BY ${loginHistory.id} DESC LIMIT 1), 0)`;
  return db
    .select({ reason: loginHistory.reason, createdAt: loginHistory.createdAt })
    .from(loginHistory)
    .where(and(eq(loginHistory.identifierKey, key), eq(loginHistory.success, false), gt(loginHistory.createdAt, sql.placeholder('since')), gt(loginHistory.id, lastSuccess)))
    .orderBy(desc(loginHistory.id))
    .limit(sql.placeholder('limit'))
    .prepare();
}
const queries = new WeakMap<Db, ReturnType<typeof failuresSinceLastSuccess>>();

/** Milliseconds until `identifierKey` may try again; 0 when it is not locked. */
export async function lockoutRemainingMs(runtime: Runtime, identifierKey: string): Promise<number> {
  const { threshold, baseSeconds, maxSeconds } = runtime.config.lockout;
  let query = queries.get(runtime.db);
  if (!query) queries.set(runtime.db, (query = failuresSinceLastSuccess(runtime.db)));
  const recent = await query.execute({ key: identifierKey, since: new Date(Date.now() - MEMORY_MS), limit: threshold + 32 });
  let failures = 0;
  let lastFailure: Date | undefined;
  for (const attempt of recent) {
    if (!COUNTED_FAILURES.has(attempt.reason ?? '')) continue;
    failures += 1;
    lastFailure ??= attempt.createdAt;
  }
  if (failures < threshold || !lastFailure) return 0;
  const lockMs = Math.min(baseSeconds * 2 ** (failures - threshold), maxSeconds) * 1000;
  return Math.max(0, lastFailure.getTime() + lockMs - Date.now());
}
