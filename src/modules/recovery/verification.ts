// Verified email and phone: a link to the address (at registration, on request, and for a new address asked for in
// updateProfile), a code to the phone; the sign-in step that refuses unverified accounts when REQUIRE_VERIFIED_EMAIL.
// Kept apart from service.ts (which starts sessions) so registration and profile changes can send links without an
// import cycle.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users, type UserRow } from '../../db/schema.js';
import { enqueue } from '../../delivery/queue.js';
import { smsTemplates, templates } from '../../delivery/templates.js';
import { AppError } from '../../errors.js';
import { enforceRateLimits, ipKey } from '../../rate-limit.js';
import type { Runtime } from '../../runtime.js';
import { writeThenAnnounce } from '../../changes.js';
import { readFacts, type FactorMethod, type ProofRuntime, type SignInStep, type TakeOver } from '../auth/proofs.js';
import type { ClientInfo } from '../auth/sessions.js';
import { notifySystem } from '../realtime/notifications.js';
import { findUserById, rethrowIdentityConflict } from '../users/queries.js';
import { linkTo, localeOf, minutes, recordRecoveryEvent } from './events.js';
import { issueCode, issueLinkToken, useCode, useLinkToken } from './tokens.js';

type Sender = Pick<ProofRuntime, 'config'>;
type Recipient = Pick<UserRow, 'id' | 'username' | 'locale'>;

/** Stores a verification link for `email` and its message, in the caller's transaction; `runtime.delivery.kick()` after commit. */
export async function enqueueEmailVerification(runtime: Sender, tx: DbOrTx, user: Recipient, email: string): Promise<void> {
  const { config } = runtime;
  const ttlMs = config.recovery.emailVerificationTtlMs;
  const token = await issueLinkToken(tx, config, { purpose: 'verify_email', userId: user.id, target: email, ttlMs });
  const content = templates.verifyEmail(localeOf(config, user), { username: user.username, link: linkTo(config, '/verify-email', token), hours: Math.round(ttlMs / 3600_000) });
  await enqueue(tx, { channel: 'email', to: email, kind: 'verify_email', ...content });
}

/** A new email asked for: a verification link to it, and a notice to the address in use. */
export async function enqueueEmailChange(runtime: Sender, tx: DbOrTx, user: Recipient & Pick<UserRow, 'email'>, newEmail: string): Promise<void> {
  await enqueueEmailVerification(runtime, tx, user, newEmail);
  if (!user.email) return;
  const notice = templates.emailChangeNotice(localeOf(runtime.config, user), { username: user.username, newEmail });
  await enqueue(tx, { channel: 'email', to: user.email, kind: 'email_change_notice', ...notice });
}

/** Stores a phone verification code for `phone` and its SMS, in the caller's transaction. */
export async function enqueuePhoneVerification(runtime: Sender, tx: DbOrTx, user: Recipient, phone: string): Promise<void> {
  const { config } = runtime;
  const code = await issueCode(tx, config, { purpose: 'verify_phone', userId: user.id, target: phone, ttlMs: config.recovery.codeTtlMs });
  await enqueue(tx, { channel: 'sms', to: phone, kind: 'verify_phone', text: smsTemplates.code(localeOf(config, user), { code, minutes: minutes(config.recovery.codeTtlMs), purpose: 'verify_phone' }) });
}

/** Counts a message sent to an account and asked for from an address: RATE_LIMITED when either is full. */
export async function limitMessages(runtime: Runtime, userId: number, client: ClientInfo): Promise<void> {
  const { limits } = runtime.config.recovery;
  await enforceRateLimits(runtime.rateLimits, [
    { key: `recovery:account:${userId}`, limit: limits.perAccount },
    { key: `recovery:ip:${ipKey(client)}`, limit: limits.perIp },
  ]);
}

/** Counts a token or code tried from an address, before it is looked at. */
export async function limitAttempts(runtime: Runtime, client: ClientInfo): Promise<void> {
  await enforceRateLimits(runtime.rateLimits, [{ key: `recovery:attempt:ip:${ipKey(client)}`, limit: runtime.config.recovery.limits.attemptsPerIp }]);
}

/**
 * Sends a new proof for the pending address, or for the current one while it is unverified (a link for an email, a
 * code for a phone); false when there is nothing to verify.
 */
async function requestVerification(runtime: Runtime, user: UserRow, client: ClientInfo, kind: 'email' | 'phone'): Promise<boolean> {
  const target = kind === 'email' ? (user.pendingEmail ?? (user.emailVerifiedAt ? null : user.email)) : (user.pendingPhone ?? (user.phoneVerifiedAt ? null : user.phone));
  if (!target) return false;
  await limitMessages(runtime, user.id, client);
  await runtime.db.transaction(async (tx) => {
    await (kind === 'email' ? enqueueEmailVerification : enqueuePhoneVerification)(runtime, tx, user, target);
    await recordRecoveryEvent(tx, kind === 'email' ? 'EMAIL_VERIFICATION_SENT' : 'PHONE_VERIFICATION_SENT', { userId: user.id, identifier: target, client });
  });
  runtime.delivery.kick();
  return true;
}

export const requestEmailVerification = (runtime: Runtime, user: UserRow, client: ClientInfo) => requestVerification(runtime, user, client, 'email');
export const requestPhoneVerification = (runtime: Runtime, user: UserRow, client: ClientInfo) => requestVerification(runtime, user, client, 'phone');

const ENDED_TITLE = 'นำช่องทางเข้าสู่ระบบออกแล้ว · Ways to sign in were removed';
const ENDED_WHY: Record<TakeOver, [th: string, en: string]> = {
  password_reset: ['รหัสผ่านของคุณถูกรีเซ็ต', 'Your password was reset'],
  address_proven: ['ที่อยู่ของคุณได้รับการยืนยันแล้ว', 'Your address was confirmed'],
};
const METHOD_NAMES: Partial<Record<FactorMethod, [th: string, en: string]>> = {
  OIDC: ['บัญชีที่เชื่อมโยง', 'linked accounts'],
  PASSKEY: ['พาสคีย์', 'passkeys'],
};

/** The owner's notice of what a take-over removed: in Thai and English, as every system notice. */
function endedMessage(when: TakeOver, methods: readonly FactorMethod[]): string {
  const names = methods.map((method) => METHOD_NAMES[method] ?? [method, method]);
  const [whyTh, whyEn] = ENDED_WHY[when];
  return (
    `${whyTh} จึงนำ${names.map(([th]) => th).join('และ')}ที่เพิ่มไว้ก่อนหน้านี้ออก หากเป็นของคุณ โปรดเพิ่มใหม่ในโปรไฟล์ · ` +
    `${whyEn}, so the ${names.map(([, en]) => en).join(' and ')} added before it were removed. If they were yours, add them again from your profile.`
  );
}

/**
 * At a take-over (TakeOver), in its transaction: the ways in the factors registry says end then (`endsWhen`: linked
 * providers, passkeys) are removed. Returns what went, and the notice to send the owner once committed.
 */
export async function endWaysIn(runtime: Runtime, tx: DbOrTx, userId: number, when: TakeOver): Promise<Ended> {
  const ending = runtime.factors.filter((factor) => factor.endsWhen?.includes(when) && factor.remove);
  const held = await readFacts(tx, ending.map((factor) => factor.present(userId)));
  const methods: FactorMethod[] = [];
  for (const [i, factor] of ending.entries()) {
    if (!held[i]) continue;
    await factor.remove!(tx, userId);
    methods.push(factor.method);
  }
  return {
    methods,
    notify: async () => {
      if (methods.length > 0) await notifySystem(runtime, userId, ENDED_TITLE, endedMessage(when, methods));
    },
  };
}

interface Ended {
  methods: FactorMethod[];
  /** Tells the owner what went; call once the transaction has committed. */
  notify(): Promise<void>;
}

const NOTHING_ENDED: Ended = { methods: [], notify: async () => undefined };

/**
 * A proof came through `target` (a link or code sent there), in the caller's transaction: when it is the account's
 * own email or phone and was never proven, it is now, and whoever registered it may not have been its owner, so the
 * ways in that end when an address is proven at last go (endWaysIn). A pending address replacing the old one proves
 * nothing about the account's past. Returns the notice to send once committed.
 */
export async function proveAddress(runtime: Runtime, tx: DbOrTx, user: UserRow, target: string): Promise<Ended> {
  const kind = target === user.email ? 'email' : target === user.phone ? 'phone' : undefined;
  if (!kind || (kind === 'email' ? user.emailVerifiedAt : user.phoneVerifiedAt)) return NOTHING_ENDED;
  const now = new Date();
  await tx
    .update(users)
    .set(kind === 'email' ? { emailVerifiedAt: now } : { phoneVerifiedAt: now })
    .where(eq(users.id, user.id));
  return endWaysIn(runtime, tx, user.id, 'address_proven');
}

/** A link or code that is unknown, used, expired, void or someone else's: one answer for all, so none is told apart. */
export const invalidToken = (field: string) => new AppError('BAD_USER_INPUT', 'This link or code is wrong, used or expired; ask for a new one', { field, reason: 'INVALID_TOKEN' });

/**
 * Uses a verification link. The address it was sent to becomes the verified email: the pending one replaces the
 * old, or the current one is marked verified. A link for an address the account no longer has or asks for is refused.
 */
export async function verifyEmail(runtime: Runtime, token: string, client: ClientInfo): Promise<UserRow> {
  await limitAttempts(runtime, client);
  return verified(runtime, client, 'email', async (tx) => useLinkToken(tx, runtime.config, 'verify_email', token));
}

export async function verifyPhone(runtime: Runtime, user: UserRow, code: string, client: ClientInfo): Promise<UserRow> {
  await limitAttempts(runtime, client);
  return verified(runtime, client, 'phone', async (tx) => useCode(tx, runtime.config, 'verify_phone', user.id, code), user.id);
}

async function verified(
  runtime: Runtime,
  client: ClientInfo,
  kind: 'email' | 'phone',
  use: (tx: DbOrTx) => Promise<{ userId: number; target: string } | undefined>,
  userId: number | null = null,
): Promise<UserRow> {
  const field = kind === 'email' ? 'token' : 'code';
  const outcome = await writeThenAnnounce(runtime, async (tx, announce) => {
    const row = await use(tx);
    const user = row && (await findUserById(tx, row.userId));
    const pending = kind === 'email' ? user?.pendingEmail : user?.pendingPhone;
    const current = kind === 'email' ? user?.email : user?.phone;
    if (!row || !user || (row.target !== pending && row.target !== current)) return undefined;
    const now = new Date();
    let ended: Ended = NOTHING_ENDED;
    if (row.target === current) ended = await proveAddress(runtime, tx, user, row.target);
    else {
      const changes = kind === 'email' ? { email: row.target, pendingEmail: null, emailVerifiedAt: now } : { phone: row.target, pendingPhone: null, phoneVerifiedAt: now };
      await tx.update(users).set(changes).where(eq(users.id, user.id)).catch(rethrowIdentityConflict);
    }
    await recordRecoveryEvent(tx, kind === 'email' ? 'EMAIL_VERIFIED' : 'PHONE_VERIFIED', { userId: user.id, identifier: row.target, client });
    announce.userChanged(user.id);
    return { userId: user.id, ended };
  });
  if (outcome === undefined) {
    // Outside the transaction, which a refusal does not roll back anyway: the try is what is recorded.
    await recordRecoveryEvent(runtime.db, kind === 'email' ? 'BAD_TOKEN' : 'WRONG_CODE', { userId, identifier: kind, client, success: false });
    throw invalidToken(field);
  }
  await outcome.ended.notify();
  return (await findUserById(runtime.db, outcome.userId))!;
}

/** With REQUIRE_VERIFIED_EMAIL, an account whose email is not verified cannot sign in (the answer says why). */
export const verifiedEmailStep: SignInStep = {
  name: 'verified-email',
  async check(runtime, { user }) {
    if (!runtime.config.recovery.requireVerifiedEmail || user.emailVerifiedAt) return;
    throw new AppError('EMAIL_NOT_VERIFIED', 'Verify your email address first: open the link we sent you, or ask for a new one', { reason: 'EMAIL_NOT_VERIFIED' });
  },
};


