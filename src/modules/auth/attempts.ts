// The one protocol every proof goes through, whatever its kind (a password, a TOTP or backup code, a passkey, a
// code sent by email or SMS, a reset link): rate limits, then the attempt counted toward its lockout *before* the
// answer is compared (so N answers sent at once count N and the lock holds), then the comparison, then the login
// history row and, on success, the count cleared. A proof that names no account is locked like one that does, under
// the identifier's own key, so the lockout never tells the two apart.
import { AppError } from '../../errors.js';
import { enforceRateLimits, rateLimited, type RateLimitRule } from '../../rate-limit.js';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginHistory, loginLockouts } from '../../db/schema.js';
import { loginAttemptRow, recordLoginAttempt, type LoginAttempt } from '../audit/login-history.js';
import type { UserRow } from '../../db/schema.js';
import { accountLockKey, clearLockout, identifierLockKey, reserveAttempt, secondFactorLockKey } from './lockout.js';
import type { ProofRuntime, Refusal } from './proofs.js';
import type { ClientInfo } from './sessions.js';

export interface AttemptSpec {
  /** The account the proof is for, when it names one. */
  user: UserRow | undefined;
  /** What names it, as typed (for the history) and as a key (the lock of an identifier that names no account). */
  identifier: string;
  identifierKey: string;
  client: ClientInfo;
  /**
   * The lock its wrong answers count toward: the account's (the identifier's when it names none), the account's
   * second factor's, or none (a signature or a 256-bit token nobody can guess; rate limits still apply).
   */
  lockout: 'account' | 'second_factor' | null;
  /** Rate limits counted first, right or wrong. */
  limits?: readonly RateLimitRule[];
  /**
   * The login history's `reason`: on success (null for a plain sign-in; false when the caller records the success
   * itself, with what the proof was used for), for a wrong answer, while locked.
   */
  reasons: { success: string | null | false; failure: string; locked: string };
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** The error a locked attempt gets: RATE_LIMITED with a retry time; MFA_LOCKED for a second factor. */
export function lockedError(lockout: 'account' | 'second_factor', ms: number): AppError {
  if (lockout === 'account') return rateLimited(ms, 'Too many failed attempts for this account; try again later');
  const error = rateLimited(ms, 'Too many wrong codes; your second factor is locked for a while');
  return new AppError(error.code, error.message, { ...error.details, reason: 'MFA_LOCKED' });
}

function lockKeyOf(spec: AttemptSpec): string | undefined {
  if (spec.lockout === 'account') return spec.user ? accountLockKey(spec.user.id) : identifierLockKey(spec.identifierKey);
  if (spec.lockout === 'second_factor') return spec.user ? secondFactorLockKey(spec.user.id) : identifierLockKey(spec.identifierKey);
  return undefined;
}

/**
 * Runs one attempt at a proof: `compare` is called only once the attempt is counted and not locked, and says whether
 * the answer is right (with what it yields) or why not. Throws RATE_LIMITED when a limit or the lock refuses it.
 */
export async function attempt<R>(runtime: ProofRuntime, spec: AttemptSpec, compare: () => Promise<R | Refusal | false>): Promise<Outcome<Exclude<R, Refusal | false>>> {
  if (spec.limits?.length) await enforceRateLimits(runtime.rateLimits, spec.limits);
  const lockKey = lockKeyOf(spec);
  const history = (failure: string | null) => ({
    identifier: spec.identifier,
    identifierKey: spec.identifierKey,
    userId: spec.user?.id ?? null,
    failure,
    ip: spec.client.ip,
    userAgent: spec.client.userAgent,
  });
  if (lockKey) {
    const settings = spec.lockout === 'second_factor' ? runtime.config.mfa.lockout : runtime.config.lockout;
    const lockedMs = await reserveAttempt(runtime.db, lockKey, settings);
    if (lockedMs > 0) {
      await recordLoginAttempt(runtime.db, history(spec.reasons.locked), { success: false });
      throw lockedError(spec.lockout!, lockedMs);
    }
  }
  const result = await compare();
  if (result === false || isRefusal(result)) {
    const refusal: Refusal = result === false ? { refused: spec.reasons.failure } : (result as Refusal);
    await recordLoginAttempt(runtime.db, history(refusal.refused), { success: false });
    return { ok: false, refusal };
  }
  const success = spec.reasons.success === false ? undefined : history(spec.reasons.success);
  if (lockKey && success) await clearLockoutAndRecord(runtime.db, lockKey, success);
  else if (lockKey) await clearLockout(runtime.db, lockKey);
  else if (success) await recordLoginAttempt(runtime.db, success, { success: true });
  return { ok: true, value: result as Exclude<R, Refusal | false> };
}

/**
 * A success's two writes, the count cleared and the history row, in one round trip (every sign-in makes them: see
 * bench/NOTES.md): one MariaDB compound statement of Drizzle's own statements, in that order, so a failure of the
 * second leaves the count cleared, never a lock after a success.
 */
async function clearLockoutAndRecord(db: Db, lockKey: string, attempt: LoginAttempt): Promise<void> {
  const clear = db.delete(loginLockouts).where(eq(loginLockouts.lockKey, lockKey)).toSQL();
  const record = db.insert(loginHistory).values(loginAttemptRow(attempt, true)).toSQL();
  await db.$client.query(`BEGIN NOT ATOMIC ${clear.sql}; ${record.sql}; END`, [...clear.params, ...record.params]);
}

function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value && typeof (value as Refusal).refused === 'string';
}
