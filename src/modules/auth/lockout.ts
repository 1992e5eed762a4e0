// Progressive lockout: after LOCKOUT_THRESHOLD failed sign-ins in a row for an identifier, further attempts are
// refused for a time that doubles with every further failure. Counted from login_history, so it holds across
// restarts and instances. Refused attempts (LOCKED_OUT) do not count, or an attacker could lock a user out forever.
import { and, desc, eq, gt } from 'drizzle-orm';
import { loginHistory } from '../../db/schema.js';
import type { Runtime } from '../../runtime.js';

const COUNTED_FAILURES = new Set(['WRONG_PASSWORD', 'UNKNOWN_IDENTIFIER']);
/** Failures older than this no longer count towards a lockout. */
const MEMORY_MS = 24 * 3600_000;

/** Milliseconds until `identifierKey` may try again; 0 when it is not locked. */
export async function lockoutRemainingMs(runtime: Runtime, identifierKey: string): Promise<number> {
  const { threshold, baseSeconds, maxSeconds } = runtime.config.lockout;
  const recent = await runtime.db
    .select({ success: loginHistory.success, reason: loginHistory.reason, createdAt: loginHistory.createdAt })
    .from(loginHistory)
    .where(and(eq(loginHistory.identifierKey, identifierKey), gt(loginHistory.createdAt, new Date(Date.now() - MEMORY_MS))))
    .orderBy(desc(loginHistory.id))
    .limit(threshold + 32);
  let failures = 0;
  let lastFailure: Date | undefined;
  for (const attempt of recent) {
    if (attempt.success) break;
    if (!COUNTED_FAILURES.has(attempt.reason ?? '')) continue;
    failures += 1;
    lastFailure ??= attempt.createdAt;
  }
  if (failures < threshold || !lastFailure) return 0;
  const lockMs = Math.min(baseSeconds * 2 ** (failures - threshold), maxSeconds) * 1000;
  return Math.max(0, lastFailure.getTime() + lockMs - Date.now());
}
