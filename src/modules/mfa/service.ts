// Second factors: the sign-in step that limits members of MFA_REQUIRED_ROLES without one to enrolling, TOTP
// enrollment, backup codes, turning TOTP off, and an administrator's reset. The second step of a sign-in itself is
// the identity core's (src/modules/auth/flows.ts); TOTP and backup codes plug into it as factors (./factors.ts).
import { eq, inArray, isNull, and, sql, type SQL } from 'drizzle-orm';
import { Secret } from 'otpauth';
import QRCode from 'qrcode';
import { writeThenAnnounce } from '../../changes.js';
import type { DbOrTx } from '../../db/client.js';
import { mfaBackupCodes, mfaTotp, roles, type UserRow } from '../../db/schema.js';
import { badInput, conflict, notFound } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import { optionalText, parseId, validateAll } from '../../validation.js';
import { recordHistory, REASON_MAX } from '../audit/permission-history.js';
import { endWaitingFlows, signInAfterEnrollment, type AuthResult } from '../auth/flows.js';
import { clearLockout, secondFactorLockKey } from '../auth/lockout.js';
import { factorsFor, secondFactorsOf, type ProofRuntime, type SignInStep } from '../auth/proofs.js';
import { revokeSessions, type ClientInfo } from '../auth/sessions.js';
import type { Viewer } from '../auth/viewer.js';
import { notifySystem } from '../realtime/notifications.js';
import { findUserById } from '../users/queries.js';
import { hasTotp, stepOfCode, totpOf } from './factors.js';
import { backupCodeHash, encryptSecret, decryptSecret, newBackupCodes, normalizeBackupCode } from './secrets.js';

/** The second factors the user has, in the order a client should offer them. */
export function methodsOf(runtime: ProofRuntime, user: Pick<UserRow, 'id'>, db: DbOrTx = runtime.db) {
  return secondFactorsOf(runtime, user.id, db);
}

/** Whether the user's role is one of MFA_REQUIRED_ROLES, as an SQL truth value; undefined when none is. */
function mustHaveSecondFactor(runtime: ProofRuntime, user: UserRow): SQL | undefined {
  const required = runtime.config.mfa.requiredRoles;
  if (required.length === 0) return undefined;
  return sql`EXISTS (SELECT 1 FROM ${roles} WHERE ${roles.id} = ${user.roleId} AND ${inArray(roles.name, [...required])})`;
}

/**
 * After the second step: a member of an MFA_REQUIRED_ROLES role who has no second factor gets a session that can
 * only enroll one (a sign-in that proved two factors already has one).
 */
export const enrollmentStep: SignInStep = {
  name: 'second-factor-required',
  facts(runtime, flow) {
    const required = flow.assurance >= 2 ? undefined : mustHaveSecondFactor(runtime, flow.user);
    return required ? [required, ...factorsFor(runtime, 'second_factor').map((factor) => factor.present(flow.user.id))] : [];
  },
  async check(_runtime, _flow, [required, ...present]) {
    if (required && !present.some(Boolean)) return { enrollmentOnly: true };
  },
};

export interface TotpEnrollment {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}

/** A new secret waiting for its first code (replacing one that never got it). CONFLICT when TOTP is already on. */
export async function startTotpEnrollment(runtime: Runtime, viewer: Viewer): Promise<TotpEnrollment> {
  if (await hasTotp(runtime.db, viewer.user.id)) throw conflict('totp', 'Two-factor authentication is already on; turn it off first to set up a new authenticator');
  const secret = new Secret({ size: 20 });
  const secretEncrypted = encryptSecret(runtime.config, secret.base32);
  await runtime.db
    .insert(mfaTotp)
    .values({ userId: viewer.user.id, secretEncrypted })
    .onDuplicateKeyUpdate({ set: { secretEncrypted, enabledAt: null, lastUsedStep: null } });
  const otpauthUri = totpOf(runtime.config, viewer.user.username, secret).toString();
  const qrCodeSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret: secret.base32, otpauthUri, qrCodeSvg };
}

/** Stores ten new backup codes (the old ones stop working) and returns them: the only time they exist in clear. */
async function replaceBackupCodes(runtime: Runtime, tx: DbOrTx, userId: number): Promise<string[]> {
  const codes = newBackupCodes();
  await tx.delete(mfaBackupCodes).where(eq(mfaBackupCodes.userId, userId));
  const createdAt = new Date();
  await tx.insert(mfaBackupCodes).values(codes.map((code) => ({ userId, codeHash: backupCodeHash(runtime.config, userId, normalizeBackupCode(code)!), createdAt })));
  return codes;
}

export interface ConfirmTotpResult {
  backupCodes: string[];
  user: UserRow;
  /** A full session replacing an enrollment-only one; null when the caller's session was a full one already. */
  session: AuthResult | null;
}

/** The first code from the authenticator turns TOTP on and yields the backup codes. */
export async function confirmTotpEnrollment(runtime: Runtime, viewer: Viewer, code: string, client: ClientInfo): Promise<ConfirmTotpResult> {
  const userId = viewer.user.id;
  const [row] = await runtime.db.select().from(mfaTotp).where(eq(mfaTotp.userId, userId));
  if (!row) throw badInput('code', 'Start the set-up first (startTotpEnrollment)');
  if (row.enabledAt) throw conflict('code', 'Two-factor authentication is already on');
  const step = stepOfCode(totpOf(runtime.config, viewer.user.username, Secret.fromBase32(decryptSecret(runtime.config, row.secretEncrypted))), code.trim());
  if (step === undefined) throw badInput('code', 'That code is not right; check the time on your phone and try the newest code');
  const limited = viewer.session.enrollmentOnly;
  const backupCodes = await writeThenAnnounce(runtime, async (tx, announce) => {
    const [result] = await tx
      .update(mfaTotp)
      .set({ enabledAt: new Date(), lastUsedStep: step })
      .where(and(eq(mfaTotp.userId, userId), isNull(mfaTotp.enabledAt), eq(mfaTotp.secretEncrypted, row.secretEncrypted)));
    // Someone confirmed (or restarted) in between: this code belonged to a secret no longer waiting.
    if (result.affectedRows !== 1) throw conflict('code', 'The set-up changed meanwhile; start again');
    const codes = await replaceBackupCodes(runtime, tx, userId);
    if (limited) {
      // The enrollment-only session has done its job; the answer carries a full one instead.
      const revocation = { userId, sessionIds: [viewer.session.id], reason: 'mfa_enrolled' };
      await revokeSessions(tx, revocation);
      announce.sessionsRevoked(revocation);
    }
    announce.userChanged(userId);
    return codes;
  });
  const user = (await findUserById(runtime.db, userId))!;
  if (!limited) return { backupCodes, user, session: null };
  const next = await signInAfterEnrollment(runtime, user, client);
  return { backupCodes, user, session: next.kind === 'session' ? next : null };
}

/** New backup codes; the proof it needs is its `recentProof` scope's (schema.ts). */
export async function regenerateBackupCodes(runtime: Runtime, viewer: Viewer): Promise<string[]> {
  if (!(await hasTotp(runtime.db, viewer.user.id))) throw badInput('code', 'Turn on two-factor authentication first');
  return runtime.db.transaction((tx) => replaceBackupCodes(runtime, tx, viewer.user.id));
}

/** Turns TOTP off, and the backup codes with it (they are its fallback); the proof is its `recentProof` scope's. */
export async function disableTotp(runtime: Runtime, viewer: Viewer): Promise<UserRow> {
  if (!(await hasTotp(runtime.db, viewer.user.id))) throw badInput('code', 'Two-factor authentication is not on');
  await writeThenAnnounce(runtime, async (tx, announce) => {
    await tx.delete(mfaTotp).where(eq(mfaTotp.userId, viewer.user.id));
    await tx.delete(mfaBackupCodes).where(eq(mfaBackupCodes.userId, viewer.user.id));
    announce.userChanged(viewer.user.id);
  });
  return (await findUserById(runtime.db, viewer.user.id))!;
}

/**
 * An administrator removes every second factor of a user who lost theirs: recorded in the history with the actor
 * and the reason, and the user is told. Open challenges die too (they were for the factors being removed).
 */
export async function resetUserSecondFactors(runtime: Runtime, actorId: number, input: { userId: string; reason: string }): Promise<UserRow> {
  const values = validateAll({
    userId: () => parseId(input.userId, 'userId'),
    reason: () => optionalText(input.reason, 'reason', REASON_MAX),
  });
  if (!values.reason) throw badInput('reason', 'Say why the second factors are reset');
  const reason = values.reason;
  const before = await writeThenAnnounce(runtime, async (tx, announce) => {
    const user = await findUserById(tx, values.userId);
    if (!user) throw notFound('User');
    const methods = await methodsOf(runtime, user, tx);
    for (const factor of factorsFor(runtime, 'second_factor')) await factor.remove?.(tx, user.id);
    await tx.delete(mfaTotp).where(eq(mfaTotp.userId, user.id));
    await endWaitingFlows(tx, user.id);
    await clearLockout(tx, secondFactorLockKey(user.id));
    await recordHistory(tx, [{ actorId, action: 'USER_SECOND_FACTORS_RESET', targetUserId: user.id, before: { methods }, after: { methods: [] }, reason }]);
    announce.userChanged(user.id);
    return methods;
  });
  await notifySystem(
    runtime,
    values.userId,
    'การยืนยันตัวตนสองขั้นตอนถูกรีเซ็ต · Your two-factor authentication was reset',
    `ผู้ดูแลระบบลบวิธียืนยันตัวตนขั้นที่สองของคุณ (${before.join(', ') || '—'}) เหตุผล: ${reason} · An administrator removed your second factors. Reason: ${reason}`,
  );
  return (await findUserById(runtime.db, values.userId))!;
}
