// The password as a factor (FACTORS): what sign-in by password, `reauthenticate` and changePassword's current
// password all check, always against the hash as stored now, always taking as long whether or not there is one.
import { and, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { users, type UserRow } from '../../db/schema.js';
import { getDummyHash, hashPassword, needsRehash, PASSWORD_MAX_LENGTH, verifyPassword } from './passwords.js';
import type { Factor, ProofRuntime } from './proofs.js';

/**
 * Whether `password` is the account's (an unknown account, or one with no password, is checked against a dummy
 * hash so it takes as long and never matches). A right password stored with other argon2 parameters than the
 * configured ones is rehashed, the only moment that can happen.
 */
export async function checkPassword(runtime: ProofRuntime, user: Pick<UserRow, 'id' | 'passwordHash'> | undefined, password: string): Promise<boolean> {
  if (!password || password.length > PASSWORD_MAX_LENGTH) return false;
  const stored = user?.passwordHash ?? null;
  const ok = await verifyPassword(stored ?? (await getDummyHash(runtime.config.argon2)), password);
  if (!ok || stored === null || !user) return false;
  await rehashIfNeeded(runtime, { id: user.id, passwordHash: stored }, password);
  return true;
}

/**
 * Replaces a stored hash made with other argon2 parameters than the configured ones, after the password proved
 * right. Only if the row still holds the hash that was verified: a password changed meanwhile is never overwritten.
 * A failure is logged, never shown: the sign-in itself went through.
 */
async function rehashIfNeeded(runtime: ProofRuntime, user: { id: number; passwordHash: string }, password: string): Promise<void> {
  if (!needsRehash(user.passwordHash, runtime.config.argon2)) return;
  try {
    const passwordHash = await hashPassword(password, runtime.config.argon2);
    await runtime.db.update(users).set({ passwordHash }).where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
  } catch (error) {
    runtime.log.warn({ err: error, userId: user.id }, 'Could not rehash a password with the configured argon2 parameters');
  }
}

export const passwordFactor: Factor = {
  method: 'PASSWORD',
  purposes: ['sign_in', 'reauth'],
  answer: 'password',
  lockout: 'account',
  present: (userId, heldAt) =>
    sql`EXISTS (SELECT 1 FROM ${users} WHERE ${and(
      eq(users.id, userId),
      isNotNull(users.passwordHash),
      heldAt ? or(isNull(users.passwordChangedAt), lte(users.passwordChangedAt, heldAt)) : undefined,
    )})`,
  async verify(runtime, user, answer) {
    if (typeof answer !== 'string') return false;
    // The hash as stored now: `user` may be a cached or socket-long copy.
    const [current] = await runtime.db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    return checkPassword(runtime, current, answer);
  },
};
