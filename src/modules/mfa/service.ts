// Second factors: the sign-in step that turns a first step into a challenge, the challenge's answer, TOTP
// enrollment, backup codes, turning TOTP off, and an administrator's reset.
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { Secret } from 'otpauth';
import QRCode from 'qrcode';
import { writeThenAnnounce } from '../../changes.js';
import type { DbOrTx } from '../../db/client.js';
import { loginLockouts, mfaBackupCodes, mfaChallenges, mfaTotp, roles, type UserRow } from '../../db/schema.js';
import { AppError, badInput, conflict, notFound } from '../../errors.js';
import { enforceRateLimits, ipKey, rateLimited } from '../../rate-limit.js';
import type { Runtime } from '../../runtime.js';
import { optionalText, parseId, validateAll } from '../../validation.js';
import { recordHistory, REASON_MAX } from '../audit/permission-history.js';
import { recordLoginAttempt } from '../audit/login-history.js';
import { clearLockout, lockoutRemainingMs, recordFailure, type LockoutState } from '../auth/lockout.js';
import { startSession, type AuthResult } from '../auth/service.js';
import type { ReauthVerifier } from '../auth/reauth-verifiers.js';
import { revokeSessions, type ClientInfo } from '../auth/sessions.js';
import { assertRecentProof, reauthenticate } from '../auth/step-up.js';
import { hasFactor, readFacts, type SecondFactorAnswers, type SecondFactorMethod, type SignInChallenge, type SignInProof, type SignInStep, type SignInStepRuntime } from '../auth/sign-in-steps.js';
import type { Viewer } from '../auth/viewer.js';
import { notifySystem } from '../realtime/notifications.js';
import { findUserById } from '../users/queries.js';
import { hasTotp, stepOfCode, totpOf, useTotpCode } from './factors.js';
import { backupCodeHash, encryptSecret, decryptSecret, newBackupCodes, newChallengeToken, normalizeBackupCode } from './secrets.js';

/** The second factor's lockout lives beside the password's (login_lockouts), under its own key. */
export const mfaLockKey = (userId: number) => `m:${userId}`;
const CHALLENGE_TOKEN_MAX = 128;
const METHOD_ORDER: SecondFactorMethod[] = ['TOTP', 'PASSKEY', 'BACKUP_CODE'];

const hashChallenge = (token: string) => createHash('sha256').update(token).digest('hex');
const userAgentOf = (client: ClientInfo) => client.userAgent?.slice(0, 512) ?? null;

/** The second factors the user has, in the order a client should offer them. */
export async function methodsOf(runtime: SignInStepRuntime, user: UserRow, db: DbOrTx = runtime.db): Promise<SecondFactorMethod[]> {
  return methodsPresent(runtime, await readFacts(db, runtime.secondFactors.map((factor) => factor.present(user.id))));
}

/** The methods whose fact (in SECOND_FACTORS' order) is true, in the order a client should offer them. */
function methodsPresent(runtime: SignInStepRuntime, present: readonly boolean[]): SecondFactorMethod[] {
  const have = runtime.secondFactors.filter((_, i) => present[i]).map((factor) => factor.method);
  return METHOD_ORDER.filter((method) => have.includes(method));
}

/** Whether the user's role is one of MFA_REQUIRED_ROLES, as an SQL truth value; undefined when none is. */
function mustHaveSecondFactor(runtime: SignInStepRuntime, user: UserRow): SQL | undefined {
  const required = runtime.config.mfa.requiredRoles;
  if (required.length === 0) return undefined;
  return sql`EXISTS (SELECT 1 FROM ${roles} WHERE ${roles.id} = ${user.roleId} AND ${inArray(roles.name, [...required])})`;
}

function historyOf(user: UserRow, client: ClientInfo, failure: string | null) {
  return { identifier: user.username, identifierKey: user.usernameKey, userId: user.id, failure, ip: client.ip, userAgent: client.userAgent };
}

/**
 * The last sign-in step: a user with a second factor gets a challenge instead of a session; a member of an
 * MFA_REQUIRED_ROLES role without one gets a session that can only enroll.
 */
export const secondFactorStep: SignInStep = {
  name: 'second-factor',
  // Each factor's presence, then (with MFA_REQUIRED_ROLES) whether the user's role requires one.
  facts(runtime, user, proof) {
    // A user-verified passkey is possession and a PIN or biometric at once: no second step after it.
    if (proof === 'passkey') return [];
    const required = mustHaveSecondFactor(runtime, user);
    return [...runtime.secondFactors.map((factor) => factor.present(user.id)), ...(required ? [required] : [])];
  },
  async check(runtime, user, client, proof, facts) {
    if (proof === 'passkey') return;
    const methods = methodsPresent(runtime, facts);
    if (methods.length > 0) return { challenge: await issueChallenge(runtime, user, client, proof, methods) };
    if (facts[runtime.secondFactors.length]) return { enrollmentOnly: true };
  },
};

async function issueChallenge(runtime: SignInStepRuntime, user: UserRow, client: ClientInfo, proof: SignInProof, methods: SecondFactorMethod[]): Promise<SignInChallenge> {
  const challengeToken = newChallengeToken();
  const expiresAt = new Date(Date.now() + runtime.config.mfa.challengeTtlMs);
  await runtime.db.transaction(async (tx) => {
    await tx.insert(mfaChallenges).values({ tokenHash: hashChallenge(challengeToken), userId: user.id, firstStep: proof.slice(0, 32), ip: client.ip, userAgent: userAgentOf(client), expiresAt });
    await recordLoginAttempt(tx, historyOf(user, client, 'MFA_CHALLENGE'), { inTransaction: true });
    // Now and then, challenges long dead go (they are useless after expires_at, kept a day for investigations).
    if (Math.random() < 1 / 200) await tx.delete(mfaChallenges).where(lt(mfaChallenges.expiresAt, new Date(Date.now() - 86_400_000))).limit(1000);
  });
  return { challengeToken, methods, expiresAt };
}

/** One answer for an unknown, used, expired, or someone else's challenge (another address or browser): none is told apart. */
const invalidChallenge = () =>
  new AppError('UNAUTHENTICATED', 'This sign-in step has expired or was already used; sign in again', { reason: 'INVALID_MFA_CHALLENGE', field: 'challengeToken' });
const wrongAnswer = (field: string) => new AppError('UNAUTHENTICATED', 'That code is not right; try again', { reason: 'WRONG_MFA_CODE', field });
const lockedOut = (ms: number) => {
  const error = rateLimited(ms, 'Too many wrong codes; your second factor is locked for a while');
  return new AppError(error.code, error.message, { ...error.details, reason: 'MFA_LOCKED' });
};

async function mfaLockout(tx: DbOrTx, userId: number): Promise<LockoutState | undefined> {
  const [row] = await tx.select({ failures: loginLockouts.failures, lockedUntil: loginLockouts.lockedUntil }).from(loginLockouts).where(eq(loginLockouts.lockKey, mfaLockKey(userId)));
  return row;
}

/**
 * The active user a challenge belongs to, if it may still be answered by this client: unused, unexpired, and from
 * the address and browser of the first step. Undefined otherwise (all told apart from nothing: invalidChallenge).
 */
async function holderOf(db: DbOrTx, challenge: typeof mfaChallenges.$inferSelect | undefined, client: ClientInfo, now: Date): Promise<UserRow | undefined> {
  if (!challenge || challenge.usedAt || challenge.expiresAt <= now || challenge.ip !== client.ip || challenge.userAgent !== userAgentOf(client)) return undefined;
  const user = await findUserById(db, challenge.userId);
  return user?.isActive ? user : undefined;
}

/**
 * What the client needs before it can answer a challenge with a factor that signs something the server chose (a
 * passkey): the factor's options, from its `begin`. The challenge is checked as completeMfaSignIn checks it, but not
 * used up: the answer still goes to completeMfaSignIn. Limited per address like completeMfaSignIn (same bucket).
 */
export async function startMfaChallenge(runtime: Runtime, input: { challengeToken: string; method: SecondFactorMethod }, client: ClientInfo): Promise<unknown> {
  if (!input.challengeToken || input.challengeToken.length > CHALLENGE_TOKEN_MAX) throw invalidChallenge();
  await enforceRateLimits(runtime.rateLimits, [{ key: `mfa:ip:${ipKey(client)}`, limit: runtime.config.rateLimits.loginPerIp }]);
  const factor = runtime.secondFactors.find((f) => f.method === input.method);
  if (!factor?.begin) throw badInput('method', 'This kind of answer needs nothing started first: send it to completeMfaSignIn');
  const [challenge] = await runtime.db.select().from(mfaChallenges).where(eq(mfaChallenges.tokenHash, hashChallenge(input.challengeToken)));
  const user = await holderOf(runtime.db, challenge, client, new Date());
  if (!user) throw invalidChallenge();
  if (!(await hasFactor(runtime.db, factor, user.id))) throw badInput('method', 'This account has no second factor of this kind');
  return factor.begin(runtime, user);
}

/** The answer the client gave: exactly one of them. */
function pickAnswer(answers: SecondFactorAnswers): { field: keyof SecondFactorAnswers; value: unknown } {
  const given = (['code', 'backupCode', 'passkeyResponse'] as const).filter((field) => answers[field] !== null && answers[field] !== undefined && answers[field] !== '');
  if (given.length !== 1) throw badInput('code', 'Give one answer: a code from your authenticator app, a backup code or a passkey');
  const field = given[0]!;
  const value = answers[field];
  if (typeof value === 'string' && value.length > 64) throw badInput(field, 'This answer is too long');
  return { field, value };
}

/**
 * The second step: the challenge (single use, unexpired, from the address and browser of the first step) and one
 * answer to it. A wrong answer counts toward the second factor's lockout; a right one uses the challenge up and
 * starts the session. All in one transaction holding the challenge row, so two answers cannot both use it.
 */
export async function completeMfaSignIn(runtime: Runtime, input: { challengeToken: string } & SecondFactorAnswers, client: ClientInfo): Promise<AuthResult> {
  if (!input.challengeToken || input.challengeToken.length > CHALLENGE_TOKEN_MAX) throw invalidChallenge();
  const { field, value } = pickAnswer(input);
  await enforceRateLimits(runtime.rateLimits, [{ key: `mfa:ip:${ipKey(client)}`, limit: runtime.config.rateLimits.loginPerIp }]);
  const factor = runtime.secondFactors.find((f) => f.answer === field);
  if (!factor) throw badInput(field, field === 'passkeyResponse' ? 'No passkey is registered for this account' : 'This kind of answer is not accepted');

  const outcome = await runtime.db.transaction(async (tx) => {
    const [challenge] = await tx.select().from(mfaChallenges).where(eq(mfaChallenges.tokenHash, hashChallenge(input.challengeToken))).for('update');
    const now = new Date();
    const user = await holderOf(tx, challenge, client, now);
    if (!challenge || !user) return { kind: 'invalid' as const };
    const lockedMs = lockoutRemainingMs(await mfaLockout(tx, user.id), now.getTime());
    if (lockedMs > 0) {
      await recordLoginAttempt(tx, historyOf(user, client, 'MFA_LOCKED_OUT'), { inTransaction: true });
      return { kind: 'locked' as const, lockedMs };
    }
    if (!(await hasFactor(tx, factor, user.id))) {
      if (field === 'passkeyResponse') return { kind: 'no_factor' as const };
    } else if (await factor.verify(runtime, user, value, tx)) {
      await tx.update(mfaChallenges).set({ usedAt: now }).where(eq(mfaChallenges.id, challenge.id));
      await clearLockout(tx, mfaLockKey(user.id));
      await recordLoginAttempt(tx, historyOf(user, client, null), { inTransaction: true });
      return { kind: 'ok' as const, user };
    }
    await tx.update(mfaChallenges).set({ attempts: sql`${mfaChallenges.attempts} + 1` }).where(eq(mfaChallenges.id, challenge.id));
    await recordFailure(tx, mfaLockKey(user.id), runtime.config.mfa.lockout, now);
    await recordLoginAttempt(tx, historyOf(user, client, 'MFA_WRONG_CODE'), { inTransaction: true });
    return { kind: 'wrong' as const };
  });
  switch (outcome.kind) {
    case 'invalid':
      throw invalidChallenge();
    case 'locked':
      throw lockedOut(outcome.lockedMs);
    case 'no_factor':
      throw badInput('passkeyResponse', 'No passkey is registered for this account');
    case 'wrong':
      throw wrongAnswer(field);
    case 'ok':
      return startSession(runtime, outcome.user, client);
  }
}

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
  await tx.insert(mfaBackupCodes).values(codes.map((code) => ({ userId, codeHash: backupCodeHash(runtime.config, userId, normalizeBackupCode(code)!) })));
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
  return { backupCodes, user, session: limited ? await startSession(runtime, user, client) : null };
}

export interface SecondFactorProof {
  password?: string | null;
  code?: string | null;
}

/**
 * For turning TOTP off or making new backup codes: the current password or a fresh TOTP code in the input (checked
 * as `reauthenticate` checks them, lockouts and history included), or else a session that proved who holds it
 * within REAUTH_MAX_AGE (REAUTH_REQUIRED otherwise).
 */
async function requireProof(runtime: Runtime, viewer: Viewer, proof: SecondFactorProof, client: ClientInfo): Promise<void> {
  if (!proof.password && !proof.code) return assertRecentProof(runtime, viewer.session.id);
  await reauthenticate(runtime, viewer, { password: proof.password || null, code: proof.code || null }, client);
}

/**
 * A TOTP code as the proof of `reauthenticate` (and so of every check built on it): used up like at sign-in, and a
 * wrong one counts toward the second factor's lockout.
 */
export const totpReauthVerifier: ReauthVerifier = {
  method: 'code',
  name: 'TOTP',
  async verify(runtime, user, value, client) {
    const code = typeof value === 'string' ? value : '';
    if (!code || code.length > 16) throw badInput('code', 'That code is not right; try again');
    const outcome = await runtime.db.transaction(async (tx) => {
      const lockedMs = lockoutRemainingMs(await mfaLockout(tx, user.id));
      if (lockedMs > 0) return { ok: false, lockedMs };
      if (await useTotpCode(runtime.config, tx, user, code)) {
        await clearLockout(tx, mfaLockKey(user.id));
        return { ok: true, lockedMs: 0 };
      }
      await recordFailure(tx, mfaLockKey(user.id), runtime.config.mfa.lockout);
      await recordLoginAttempt(tx, historyOf(user, client, 'MFA_WRONG_CODE'), { inTransaction: true });
      return { ok: false, lockedMs: 0 };
    });
    if (outcome.lockedMs > 0) throw lockedOut(outcome.lockedMs);
    if (!outcome.ok) throw badInput('code', 'That code is not right; try again');
  },
};

export async function regenerateBackupCodes(runtime: Runtime, viewer: Viewer, proof: SecondFactorProof, client: ClientInfo): Promise<string[]> {
  if (!(await hasTotp(runtime.db, viewer.user.id))) throw badInput('code', 'Turn on two-factor authentication first');
  await requireProof(runtime, viewer, proof, client);
  return runtime.db.transaction((tx) => replaceBackupCodes(runtime, tx, viewer.user.id));
}

/** Turns TOTP off, and the backup codes with it (they are its fallback). */
export async function disableTotp(runtime: Runtime, viewer: Viewer, proof: SecondFactorProof, client: ClientInfo): Promise<UserRow> {
  if (!(await hasTotp(runtime.db, viewer.user.id))) throw badInput('code', 'Two-factor authentication is not on');
  await requireProof(runtime, viewer, proof, client);
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
    for (const factor of runtime.secondFactors) await factor.remove(tx, user.id);
    await tx.delete(mfaTotp).where(eq(mfaTotp.userId, user.id));
    await tx.update(mfaChallenges).set({ usedAt: new Date() }).where(and(eq(mfaChallenges.userId, user.id), isNull(mfaChallenges.usedAt)));
    await clearLockout(tx, mfaLockKey(user.id));
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
