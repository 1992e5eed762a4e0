// The factors this module provides, TOTP (RFC 6238 with otpauth) and backup codes (src/modules/auth/proofs.ts), and
// the checks enrollment and the sensitive mutations share.
import { and, eq, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { Config } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { mfaBackupCodes, mfaTotp, type UserRow } from '../../db/schema.js';
import { hasFactor, type Factor } from '../auth/proofs.js';
import { backupCodeHash, decryptSecret, normalizeBackupCode } from './secrets.js';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export function totpOf(config: Config, label: string, secret: Secret): TOTP {
  return new TOTP({ issuer: config.mfa.appName, label, algorithm: 'SHA1', digits: 6, period: 30, secret });
}

/** The time step `code` belongs to, within one step of now either way (clock drift); undefined when it is wrong. */
export function stepOfCode(totp: TOTP, code: string, now = Date.now()): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? undefined : totp.counter({ timestamp: now }) + delta;
}

/**
 * Whether `code` is a current code of the user's TOTP that was not used before. The step it belongs to is recorded
 * by a conditional update, so of two requests with the same code (or an older one) only one gets through.
 */
export async function useTotpCode(config: Config, tx: DbOrTx, user: Pick<UserRow, 'id' | 'username'>, code: string, heldAt?: Date): Promise<boolean> {
  const [row] = await tx
    .select()
    .from(mfaTotp)
    .where(and(eq(mfaTotp.userId, user.id), isNotNull(mfaTotp.enabledAt), heldAt ? lte(mfaTotp.enabledAt, heldAt) : undefined));
  if (!row) return false;
  const step = stepOfCode(totpOf(config, user.username, Secret.fromBase32(decryptSecret(config, row.secretEncrypted))), code.trim());
  if (step === undefined) return false;
  const [result] = await tx
    .update(mfaTotp)
    .set({ lastUsedStep: step })
    .where(and(eq(mfaTotp.userId, user.id), or(isNull(mfaTotp.lastUsedStep), lt(mfaTotp.lastUsedStep, step))));
  return result.affectedRows === 1;
}

/** Uses up one of the user's backup codes; false when it is wrong or was used. */
export async function useBackupCode(config: Config, tx: DbOrTx, userId: number, typed: string): Promise<boolean> {
  const code = normalizeBackupCode(typed);
  if (!code) return false;
  const [result] = await tx
    .update(mfaBackupCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(mfaBackupCodes.userId, userId), eq(mfaBackupCodes.codeHash, backupCodeHash(config, userId, code)), isNull(mfaBackupCodes.usedAt)));
  return result.affectedRows === 1;
}

/** The user has TOTP turned on (enrolled and confirmed), since `heldAt` at the latest. */
const totpPresent = (userId: number, heldAt?: Date): SQL =>
  sql`EXISTS (SELECT 1 FROM ${mfaTotp} WHERE ${and(eq(mfaTotp.userId, userId), isNotNull(mfaTotp.enabledAt), heldAt ? lte(mfaTotp.enabledAt, heldAt) : undefined)})`;
/** The user has a backup code left (made by `heldAt` at the latest). */
const backupCodePresent = (userId: number, heldAt?: Date): SQL =>
  sql`EXISTS (SELECT 1 FROM ${mfaBackupCodes} WHERE ${and(eq(mfaBackupCodes.userId, userId), isNull(mfaBackupCodes.usedAt), heldAt ? lte(mfaBackupCodes.createdAt, heldAt) : undefined)})`;

export function hasTotp(db: DbOrTx, userId: number): Promise<boolean> {
  return hasFactor(db, totpFactor, userId);
}

/** A code is used up like at sign-in (its step never works again); wrong ones count toward the second factor's lock. */
export const totpFactor: Factor = {
  method: 'TOTP',
  purposes: ['second_factor', 'reauth'],
  answer: 'code',
  lockout: 'second_factor',
  present: totpPresent,
  verify: (runtime, user, value, { heldAt }) =>
    typeof value === 'string' && value.length <= 16 ? useTotpCode(runtime.config, runtime.db, user, value, heldAt) : Promise.resolve(false),
  remove: async (tx, userId) => {
    await tx.delete(mfaTotp).where(eq(mfaTotp.userId, userId));
  },
};

export const backupCodeFactor: Factor = {
  method: 'BACKUP_CODE',
  purposes: ['second_factor'],
  answer: 'backupCode',
  lockout: 'second_factor',
  present: backupCodePresent,
  verify: (runtime, user, value) => (typeof value === 'string' && value.length <= 64 ? useBackupCode(runtime.config, runtime.db, user.id, value) : Promise.resolve(false)),
  remove: async (tx, userId) => {
    await tx.delete(mfaBackupCodes).where(eq(mfaBackupCodes.userId, userId));
  },
};

