// Account deletion (PDPA's right to erasure): a request, a grace period (DELETION_GRACE_DAYS) during which signing
// in cancels a self-deletion, and a purge that erases or anonymises every personal value the account left behind.
// What is kept, and why, is in the README ("Personal data").
import { and, eq, inArray, isNull, lte, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  accountDeletions,
  consents,
  dataExports,
  loginHistory,
  loginLockouts,
  messages,
  mfaBackupCodes,
  mfaTotp,
  notificationReads,
  notifications,
  oidcFlows,
  oidcSignInCodes,
  outbox,
  auditEvents,
  passkeys,
  sessions,
  signInFlows,
  userIdentities,
  users,
  userStatus,
  verificationTokens,
  webauthnChallenges,
  type AccountDeletionRow,
  type UserRow,
} from '../../db/schema.js';
import type { Runtime } from '../../runtime.js';
import { enforceRateLimits } from '../../rate-limit.js';
import { writeThenAnnounce } from '../../changes.js';
import { recordHistory } from '../audit/permission-history.js';
import { accountLockKey, identifierLockKey, secondFactorLockKey } from '../auth/lockout.js';
import { signOutEverywhere } from '../auth/sessions.js';
import type { SignInStep } from '../auth/proofs.js';
import type { Viewer } from '../auth/viewer.js';
import { removeAvatarFiles } from '../avatars/storage.js';
import { notifySystem } from '../realtime/notifications.js';

const CLAIM_MS = 10 * 60_000;

/** The username (and username key) an erased account keeps; identity.ts refuses it to everyone else. */
export const tombstoneName = (userId: number) => `deleted-${userId}`;
/** A unique placeholder for the NOT NULL, unique email column: the `.invalid` TLD can never be an address (RFC 2606). */
export const tombstoneEmail = (userId: number) => `deleted-${userId}@erased.invalid`;

export async function pendingDeletion(db: DbOrTx, userId: number): Promise<AccountDeletionRow | undefined> {
  const [row] = await db.select().from(accountDeletions).where(and(eq(accountDeletions.userId, userId), isNull(accountDeletions.erasedAt)));
  return row;
}

/**
 * Inside the caller's transaction: the account will be erased after the grace period. Used by deleteMyAccount and
 * by the admin's deleteUser (users/admin.ts), so both end in the same purge. A second request keeps the first date.
 */
export async function scheduleErasure(tx: DbOrTx, graceMs: number, userId: number, requestedBy: number, byAdmin: boolean): Promise<Date> {
  const existing = await pendingDeletion(tx, userId);
  if (existing && (!byAdmin || existing.byAdmin)) return existing.scheduledFor;
  const scheduledFor = new Date(Date.now() + graceMs);
  // An admin's deletion replaces the user's own request: the user can no longer cancel it by signing in.
  await tx
    .insert(accountDeletions)
    .values({ userId, requestedBy, byAdmin, scheduledFor })
    .onDuplicateKeyUpdate({ set: { requestedBy, byAdmin, scheduledFor, requestedAt: new Date(), erasedAt: null, claimedUntil: null } });
  return scheduledFor;
}

/**
 * deleteMyAccount's tries, counted before its proof (its `recentProof` scope) is checked, right or wrong: a stolen
 * access token gets a few guesses, not a dictionary.
 */
export function limitDeletionAttempts(runtime: Runtime, userId: number): Promise<void> {
  return enforceRateLimits(runtime.rateLimits, [{ key: `delete-account:user:${userId}`, limit: runtime.config.privacy.deletionAttemptsPerUser }]);
}

/** deleteMyAccount, its proof checked by its scope: schedules the purge and signs out every other session. */
export async function requestDeletion(runtime: Runtime, viewer: Viewer): Promise<{ scheduledFor: Date }> {
  const userId = viewer.user.id;
  const revocation = { userId, exceptSessionIds: [viewer.session.id], reason: 'account_deletion_requested' };
  const scheduledFor = await writeThenAnnounce(runtime, async (tx, announce) => {
    const when = await scheduleErasure(tx, runtime.config.privacy.deletionGraceMs, userId, userId, false);
    await recordHistory(tx, [{ actorId: userId, action: 'ACCOUNT_DELETION_REQUESTED', targetUserId: userId, after: { scheduledFor: when.toISOString() } }]);
    // The session that asked stays, so its screen can show the date and offer to cancel; any other is signed out.
    await signOutEverywhere(tx, announce, revocation);
    announce.userChanged(userId);
    return when;
  });
  return { scheduledFor };
}

/** Removes a pending self-deletion inside `tx`; false when there was none (or an admin's, which is not the user's to cancel). */
async function cancelIn(tx: DbOrTx, userId: number, actorId: number, how: string): Promise<boolean> {
  const row = await pendingDeletion(tx, userId);
  if (!row || row.byAdmin) return false;
  await tx.delete(accountDeletions).where(and(eq(accountDeletions.userId, userId), isNull(accountDeletions.erasedAt)));
  await recordHistory(tx, [
    { actorId, action: 'ACCOUNT_DELETION_CANCELLED', targetUserId: userId, before: { scheduledFor: row.scheduledFor.toISOString() }, reason: how },
  ]);
  return true;
}

const CANCELLED_TITLE = 'ยกเลิกการลบบัญชีแล้ว · Account deletion cancelled';

export async function cancelDeletion(runtime: Runtime, userId: number): Promise<boolean> {
  const cancelled = await runtime.db.transaction((tx) => cancelIn(tx, userId, userId, 'cancelled'));
  if (cancelled) await notifySystem(runtime, userId, CANCELLED_TITLE, 'บัญชีของคุณจะไม่ถูกลบ · Your account will not be deleted.');
  return cancelled;
}

/**
 * The last sign-in step: a sign-in (password, code, or any later proof) during the grace period cancels the user's
 * own deletion, and says so in a notification. Last, so a sign-in stopped by an earlier step (a second factor)
 * cancels nothing. The notification is written here, not published: the step has no event bus, and the new
 * session reads it when it loads its notifications.
 */
export const cancelDeletionStep: SignInStep = {
  name: 'cancel-account-deletion',
  // A deletion the user asked for and that has not run yet (an admin's is not cancelled by signing in).
  facts: (_runtime, { user }) => [
    sql`EXISTS (SELECT 1 FROM ${accountDeletions} WHERE ${accountDeletions.userId} = ${user.id} AND ${accountDeletions.erasedAt} IS NULL AND ${accountDeletions.byAdmin} = FALSE)`,
  ],
  async check(runtime, { user }, [waiting]) {
    if (!waiting) return;
    await runtime.db.transaction(async (tx) => {
      if (!(await cancelIn(tx, user.id, user.id, 'signed_in'))) return;
      await tx.insert(notifications).values({
        userId: user.id,
        senderId: null,
        kind: 'system',
        title: CANCELLED_TITLE,
        message: 'คุณเข้าสู่ระบบระหว่างช่วงรอลบ บัญชีจึงจะไม่ถูกลบ · You signed in during the grace period, so your account will not be deleted.',
      });
    });
    runtime.log.info({ userId: user.id }, 'Account deletion cancelled by signing in');
  },
};

// ---- the purge

/** Replaces every occurrence of the erased person's strings in a JSON value (audit before/after snapshots). */
export function scrub(value: unknown, needles: readonly string[]): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const needle of needles) out = out.split(needle).join('[erased]');
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, needles));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, needles)]));
  return value;
}

/** The strings that identify the person: what must not survive anywhere. */
function personalStrings(user: UserRow): string[] {
  const values = [user.username, user.usernameKey, user.email, user.phone, user.pendingEmail, user.pendingPhone];
  // Longest first, so an email is replaced whole before the username inside it.
  return [...new Set(values.filter((v): v is string => !!v && v.length >= 3))].sort((a, b) => b.length - a.length);
}

/** Erases one account whose grace period is over; claimed, so it runs once whatever the number of instances. */
export async function eraseAccount(runtime: Runtime, userId: number): Promise<void> {
  const { deletionMessages } = runtime.config.privacy;
  const revocation = { userId, reason: 'account_erased' };
  const files = await writeThenAnnounce(runtime, async (tx, announce) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    const [deletion] = await tx.select().from(accountDeletions).where(eq(accountDeletions.userId, userId)).for('update');
    if (!user || !deletion || deletion.erasedAt) return { avatarKey: null, exportKeys: [] as string[] };
    const needles = personalStrings(user);
    const keys = [user.usernameKey, user.email, user.phone, user.pendingEmail, user.pendingPhone].filter((v): v is string => !!v);
    const addresses = [user.email, user.phone, user.pendingEmail, user.pendingPhone].filter((v): v is string => !!v);

    // Sessions: revoked (sockets close, caches forget them on every instance), then gone with their refresh tokens.
    await signOutEverywhere(tx, announce, revocation);
    // Link flows point at sessions: they go first.
    await tx.delete(oidcFlows).where(eq(oidcFlows.userId, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(verificationTokens).where(eq(verificationTokens.userId, userId));
    // Every way in and every proof in progress: second factors (the TOTP secret, backup codes), passkeys, linked
    // providers (a leftover would also keep that provider account from ever signing in again), their ceremonies and
    // the waiting sign-ins (with their address and browser).
    for (const [table, column] of [
      [mfaTotp, mfaTotp.userId],
      [mfaBackupCodes, mfaBackupCodes.userId],
      [passkeys, passkeys.userId],
      [webauthnChallenges, webauthnChallenges.userId],
      [userIdentities, userIdentities.userId],
      [oidcSignInCodes, oidcSignInCodes.userId],
      [signInFlows, signInFlows.userId],
    ] as const) {
      await tx.delete(table).where(eq(column, userId));
    }
    await tx.delete(userStatus).where(eq(userStatus.userId, userId));
    // Messages sent to the addresses: delivered or not, they name the person and are of no further use.
    if (addresses.length) await tx.delete(outbox).where(inArray(outbox.recipient, addresses));

    // Notifications to them go; reads of broadcasts by them go.
    await tx.delete(notifications).where(eq(notifications.userId, userId));
    await tx.delete(notificationReads).where(eq(notificationReads.userId, userId));
    if (deletionMessages === 'remove') {
      await tx.delete(messages).where(or(eq(messages.senderId, userId), eq(messages.recipientId, userId)));
      await tx.delete(notifications).where(eq(notifications.senderId, userId));
    }
    // keep: their messages stay, from a user now named deleted-<id> (shown as a deleted user).

    // Security logs keep the event (who by id, when, the outcome) but nothing that names or locates the person.
    const tomb = tombstoneName(userId);
    await tx
      .update(loginHistory)
      .set({ identifier: tomb, identifierKey: tomb, ip: null, userAgent: null })
      .where(or(eq(loginHistory.userId, userId), keys.length ? and(isNull(loginHistory.userId), inArray(loginHistory.identifierKey, keys)) : undefined));
    await tx.delete(loginLockouts).where(inArray(loginLockouts.lockKey, [accountLockKey(userId), secondFactorLockKey(userId), ...keys.map(identifierLockKey)]));
    await tx.update(consents).set({ ip: null, userAgent: null }).where(eq(consents.userId, userId));

    // Audit rows keep the ids; names, addresses and numbers inside their snapshots and reasons are scrubbed.
    const history = await tx
      .select()
      .from(auditEvents)
      .where(or(eq(auditEvents.targetUserId, userId), eq(auditEvents.actorId, userId), eq(auditEvents.impersonatorId, userId)));
    for (const row of history) {
      const before = scrub(row.before, needles);
      const after = scrub(row.after, needles);
      const reason = row.reason === null ? null : (scrub(row.reason, needles) as string);
      // Where they acted (or impersonated), the address and browser the act came from are theirs too.
      const located = row.actorId === userId || row.impersonatorId === userId ? { ip: null, userAgent: null } : {};
      if (JSON.stringify([before, after, reason]) !== JSON.stringify([row.before, row.after, row.reason]) || ('ip' in located && (row.ip !== null || row.userAgent !== null))) {
        await tx.update(auditEvents).set({ before, after, reason, ...located }).where(eq(auditEvents.id, row.id));
      }
    }

    const exportRows = await tx.select({ id: dataExports.id, objectKey: dataExports.objectKey }).from(dataExports).where(eq(dataExports.userId, userId));
    await tx.delete(dataExports).where(eq(dataExports.userId, userId));

    await tx
      .update(users)
      .set({
        username: tomb,
        usernameKey: tomb,
        usernameSkeleton: null,
        email: tombstoneEmail(userId),
        phone: null,
        pendingEmail: null,
        pendingPhone: null,
        locale: null,
        // No argon2 hash matches the empty string, and sign-in skips deleted accounts before it gets here anyway.
        passwordHash: '',
        avatarKey: null,
        avatarUpdatedAt: null,
        emailVerifiedAt: null,
        phoneVerifiedAt: null,
        isActive: false,
        deletedAt: user.deletedAt ?? new Date(),
      })
      .where(eq(users.id, userId));
    const erasedAt = new Date();
    await tx.update(accountDeletions).set({ erasedAt, claimedUntil: null }).where(eq(accountDeletions.userId, userId));
    await recordHistory(tx, [
      { actorId: deletion.requestedBy ?? userId, action: 'ACCOUNT_ERASED', targetUserId: userId, after: { erasedAt: erasedAt.toISOString(), messages: deletionMessages } },
    ]);
    announce.userChanged(userId);
    return { avatarKey: user.avatarKey, exportKeys: exportRows.map((r) => r.objectKey).filter((k): k is string => !!k) };
  });
  // Files after commit: a rolled-back purge must not have lost them. A failure here is logged; the rows are gone.
  try {
    if (files.avatarKey) await removeAvatarFiles(runtime.storage, userId, files.avatarKey);
    if (files.exportKeys.length) await runtime.storage.delete(files.exportKeys);
  } catch (error) {
    runtime.log.error({ err: error, userId }, 'An erased account left files in storage');
  }
}

/** Claims due deletions with SKIP LOCKED (several instances, restarts) and erases them one by one. */
export async function eraseDueAccounts(runtime: Runtime): Promise<number> {
  let erased = 0;
  for (;;) {
    const due = await runtime.db.transaction(async (tx) => {
      const now = new Date();
      const rows = await tx
        .select({ userId: accountDeletions.userId })
        .from(accountDeletions)
        .where(and(isNull(accountDeletions.erasedAt), lte(accountDeletions.scheduledFor, now), or(isNull(accountDeletions.claimedUntil), lt(accountDeletions.claimedUntil, now))))
        .limit(5)
        .for('update', { skipLocked: true });
      if (rows.length) {
        await tx
          .update(accountDeletions)
          .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS) })
          .where(inArray(accountDeletions.userId, rows.map((r) => r.userId)));
      }
      return rows;
    });
    for (const { userId } of due) {
      try {
        await eraseAccount(runtime, userId);
        erased += 1;
      } catch (error) {
        // The claim runs out and the purge is tried again.
        runtime.log.error({ err: error, userId }, 'Erasing an account failed; it will be tried again');
      }
    }
    if (due.length < 5) return erased;
  }
}

/** When the account's erasure is scheduled, if it is. */
export async function deletionScheduledFor(db: DbOrTx, userId: number): Promise<Date | null> {
  return (await pendingDeletion(db, userId))?.scheduledFor ?? null;
}
