// Password reset (a link by email, or a code by SMS when the identifier is a phone number) and sign-in by a code.
// Asking answers the same, in the same time, whether or not the account exists: only the checks every request gets
// (input, the per-identifier and per-address limits) run before the answer; finding the account and sending run
// after it, and an account's own limit silently drops messages past it.
import { and, eq, isNull } from 'drizzle-orm';
import { writeThenAnnounce } from '../../changes.js';
import { users, type UserRow, type VerificationPurpose } from '../../db/schema.js';
import { enqueue } from '../../delivery/queue.js';
import { smsTemplates, templates } from '../../delivery/templates.js';
import { AppError, badInput } from '../../errors.js';
import { enforceRateLimits, ipKey } from '../../rate-limit.js';
import type { Runtime } from '../../runtime.js';
import { assertPlainText } from '../../validation.js';
import { attempt } from '../auth/attempts.js';
import { signIn, type SignInResult } from '../auth/flows.js';
import { accountLockKey, clearLockout } from '../auth/lockout.js';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { assertStrongPassword } from '../auth/password-strength.js';
import { signOutEverywhere, type ClientInfo } from '../auth/sessions.js';
import { classifyIdentifier, type Identifier } from '../users/identity.js';
import { findUserById } from '../users/queries.js';
import { linkTo, localeOf, minutes, recordRecoveryEvent } from './events.js';
import { issueCode, issueLinkToken, useCode, useLinkToken, voidTokens, type BeforeUse } from './tokens.js';
import { endWaysIn, invalidToken, proveAddress } from './verification.js';

/** The identifier as typed, checked and classified (username, email or phone), or BAD_USER_INPUT. */
function parseIdentifier(runtime: Runtime, raw: string): { text: string; identifier: Identifier | undefined; key: string } {
  const text = raw.trim();
  if (!text) throw badInput('identifier', 'Enter your username, email or phone number');
  if (text.length > 254) throw badInput('identifier', 'Username, email or phone number is too long');
  assertPlainText(text, 'identifier');
  const identifier = classifyIdentifier(text, runtime.config.phoneDefaultRegion);
  return { text, identifier, key: identifier?.value ?? text.toLowerCase() };
}

async function findAccount(runtime: Runtime, identifier: Identifier | undefined): Promise<UserRow | undefined> {
  if (!identifier) return undefined;
  const column = { email: users.email, phone: users.phone, username: users.usernameKey }[identifier.kind];
  const [user] = await runtime.db
    .select()
    .from(users)
    .where(and(eq(column, identifier.value), isNull(users.deletedAt)))
    .limit(1);
  return user?.isActive ? user : undefined;
}

/** Work done after the answer; its failures are logged, never shown (they would tell whether the account exists). */
function afterAnswer(runtime: Runtime, what: string, work: () => Promise<void>): void {
  work().catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'RATE_LIMITED') runtime.log.info({ what }, 'A recovery message was not sent: the account is at its limit');
    else runtime.log.error({ err: error, what }, 'A recovery message could not be prepared');
  });
}

type CodePurpose = Extract<VerificationPurpose, 'password_reset' | 'sign_in'>;

/**
 * The common half of requestPasswordReset and requestSignInCode: limits per identifier and address, then the
 * answer; the message (a reset link, or a code by SMS for a phone number and by email otherwise) is prepared after.
 */
async function requestMessage(runtime: Runtime, purpose: CodePurpose, rawIdentifier: string, client: ClientInfo): Promise<true> {
  const { text, identifier, key } = parseIdentifier(runtime, rawIdentifier);
  const { limits } = runtime.config.recovery;
  await enforceRateLimits(runtime.rateLimits, [
    { key: `recovery:id:${key}`, limit: limits.perIdentifier },
    { key: `recovery:ip:${ipKey(client)}`, limit: limits.perIp },
  ]);
  const event = purpose === 'password_reset' ? 'PASSWORD_RESET_REQUESTED' : 'SIGN_IN_CODE_REQUESTED';
  afterAnswer(runtime, purpose, async () => {
    const user = await findAccount(runtime, identifier);
    if (!user) {
      await recordRecoveryEvent(runtime.db, event, { userId: null, identifier: text, client, success: false });
      return;
    }
    // An account with no address on the channel (an email the provider did not vouch for, no phone) gets nothing.
    const channel = identifier!.kind === 'phone' && user.phone ? 'sms' : user.email ? 'email' : undefined;
    if (!channel) {
      await recordRecoveryEvent(runtime.db, event, { userId: user.id, identifier: text, client, success: false });
      return;
    }
    await enforceRateLimits(runtime.rateLimits, [{ key: `recovery:account:${user.id}`, limit: limits.perAccount }]);
    await runtime.db.transaction(async (tx) => {
      await enqueueMessage(runtime, tx, purpose, user, channel);
      await recordRecoveryEvent(tx, event, { userId: user.id, identifier: text, client });
    });
    runtime.delivery.kick();
  });
  return true;
}

async function enqueueMessage(runtime: Runtime, tx: Parameters<typeof enqueue>[0], purpose: CodePurpose, user: UserRow, channel: 'sms' | 'email'): Promise<void> {
  const { config } = runtime;
  const email = user.email!;
  const { codeTtlMs, resetLinkTtlMs } = config.recovery;
  const locale = localeOf(config, user);
  const kind = purpose === 'password_reset' ? 'password_reset' : 'sign_in_code';
  if (channel === 'sms') {
    const code = await issueCode(tx, config, { purpose, userId: user.id, target: user.phone!, ttlMs: codeTtlMs });
    await enqueue(tx, { channel, to: user.phone!, kind, text: smsTemplates.code(locale, { code, minutes: minutes(codeTtlMs), purpose }) });
  } else if (purpose === 'password_reset') {
    const token = await issueLinkToken(tx, config, { purpose, userId: user.id, target: email, ttlMs: resetLinkTtlMs });
    const content = templates.passwordReset(locale, { username: user.username, link: linkTo(config, '/reset-password', token), minutes: minutes(resetLinkTtlMs) });
    await enqueue(tx, { channel, to: email, kind, ...content });
  } else {
    const code = await issueCode(tx, config, { purpose, userId: user.id, target: email, ttlMs: codeTtlMs });
    await enqueue(tx, { channel, to: email, kind, ...templates.signInCode(locale, { username: user.username, code, minutes: minutes(codeTtlMs) }) });
  }
}

export const requestPasswordReset = (runtime: Runtime, identifier: string, client: ClientInfo) => requestMessage(runtime, 'password_reset', identifier, client);

export function requestSignInCode(runtime: Runtime, identifier: string, client: ClientInfo): Promise<true> {
  assertPasswordless(runtime);
  return requestMessage(runtime, 'sign_in', identifier, client);
}

function assertPasswordless(runtime: Runtime): void {
  if (!runtime.config.recovery.passwordless) throw new AppError('FORBIDDEN', 'Sign-in by code is turned off on this service', { reason: 'PASSWORDLESS_DISABLED' });
}

export interface ResetPasswordInput {
  token?: string | null;
  identifier?: string | null;
  code?: string | null;
  newPassword: string;
}

/**
 * Whose token or code this is, used up, through `attempt` like every proof: the per-address limit, then (for a
 * sign-in code, a way in like a password) the lockout of the account, or of the identifier when it names none, so
 * the lockout never tells the two apart; a reset code has its own CODE_MAX_ATTEMPTS instead, so nobody can lock an
 * owner out of recovering their account. Wrong ones are recorded; success is recorded by the caller with what it did.
 */
async function useProof(
  runtime: Runtime,
  purpose: CodePurpose,
  proof: { token?: string | null; identifier?: string | null; code?: string | null },
  client: ClientInfo,
  beforeUse?: BeforeUse,
) {
  const limits = [{ key: `recovery:attempt:ip:${ipKey(client)}`, limit: runtime.config.recovery.limits.attemptsPerIp }];
  const reasons = { success: false as const, failure: 'WRONG_CODE', locked: 'LOCKED_OUT' };
  if (proof.token) {
    const token = proof.token;
    const outcome = await attempt(
      runtime,
      { user: undefined, identifier: purpose, identifierKey: purpose, client, lockout: null, limits, reasons: { ...reasons, failure: 'BAD_TOKEN' } },
      async () => (await useLinkToken(runtime.db, runtime.config, purpose, token, beforeUse)) ?? false,
    );
    if (!outcome.ok) throw invalidToken('token');
    return outcome.value;
  }
  if (!proof.identifier || !proof.code) throw badInput('token', 'Give the token from the link, or the identifier and the code');
  const { text, identifier, key } = parseIdentifier(runtime, proof.identifier);
  const user = await findAccount(runtime, identifier);
  const code = proof.code;
  const outcome = await attempt(
    runtime,
    { user, identifier: text, identifierKey: key, client, lockout: purpose === 'sign_in' ? 'account' : null, limits, reasons },
    async () => (user && (await useCode(runtime.db, runtime.config, purpose, user.id, code, beforeUse))) || false,
  );
  if (!outcome.ok) throw invalidToken('code');
  return outcome.value;
}

/**
 * Sets a new password with a reset link's token or an SMS code: every session is revoked, the lockout cleared, the
 * owner told by email, and the caller signed in through the sign-in steps. The address the proof came through is
 * verified by it.
 */
export async function resetPassword(runtime: Runtime, input: ResetPasswordInput, client: ClientInfo): Promise<SignInResult> {
  checkPasswordPolicy(input.newPassword, 'newPassword');
  // Strength is judged against the account's own details and in its language, so only once the proof names the
  // account; a weak password is refused before the proof is used up, so the same link or code works again.
  const row = await useProof(runtime, 'password_reset', input, client, async (proof) => {
    const owner = await findUserById(runtime.db, proof.userId);
    if (owner) await assertStrongPassword(input.newPassword, owner, localeOf(runtime.config, owner), 'newPassword');
  });
  const passwordHash = await hashPassword(input.newPassword, runtime.config.argon2);
  const revocation = { userId: row.userId, reason: 'password_reset' };
  const ended = await writeThenAnnounce(runtime, async (tx, announce) => {
    const user = (await findUserById(tx, row.userId))!;
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
    // Whoever holds the address takes the account over: ways in that skip the password (a linked provider, a
    // passkey) were added by whoever held it before, and end here; the owner adds them again if they were theirs.
    const removed = await endWaysIn(runtime, tx, user.id, 'password_reset');
    // What a proven address ends, a reset ended already.
    await proveAddress(runtime, tx, user, row.target);
    await signOutEverywhere(tx, announce, revocation);
    announce.userChanged(user.id);
    await clearLockout(tx, accountLockKey(user.id));
    // Any other reset link or code still out there stops working.
    await voidTokens(tx, user.id, 'password_reset');
    if (user.email) await enqueue(tx, { channel: 'email', to: user.email, kind: 'password_changed', ...templates.passwordChanged(localeOf(runtime.config, user), { username: user.username }) });
    await recordRecoveryEvent(tx, 'PASSWORD_RESET', { userId: user.id, identifier: row.target, client });
    return removed;
  });
  runtime.delivery.kick();
  await ended.notify();
  const user = (await findUserById(runtime.db, row.userId))!;
  // A new password is not a second factor: a user who has one still answers its challenge.
  return signIn(runtime, user, client, 'password_reset');
}

/** Signs in with a code sent by requestSignInCode, through the sign-in steps. */
export async function signInWithCode(runtime: Runtime, input: { identifier: string; code: string }, client: ClientInfo): Promise<SignInResult> {
  assertPasswordless(runtime);
  const row = await useProof(runtime, 'sign_in', { identifier: input.identifier, code: input.code }, client);
  const found = await findUserById(runtime.db, row.userId);
  if (!found?.isActive) throw invalidToken('code');
  // The code proves the address it went to, as a reset link does.
  const ended = await writeThenAnnounce(runtime, async (tx, announce) => {
    const proven = await proveAddress(runtime, tx, found, row.target);
    await recordRecoveryEvent(tx, 'SIGN_IN_CODE', { userId: found.id, identifier: input.identifier.trim(), client });
    if (proven.methods.length > 0) announce.userChanged(found.id);
    return proven;
  });
  await ended.notify();
  return signIn(runtime, (await findUserById(runtime.db, found.id))!, client, 'sign_in_code');
}
