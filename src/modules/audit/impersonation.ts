// Impersonation: a holder of `user:impersonate` signs in as another user for at most an hour, on the record. The
// session is the user's own kind (it sees and does what the user may), marked with its impersonator so every act
// in it carries both identities (./mutation-plugin.ts); it holds no proof of the user, so nothing that needs one
// (a change to the account's ways in) can be done in it. Its right is one rule (impersonationBlocker), checked when it
// starts and again after every change to authorization (roles, permissions, users' roles and status), in that
// change's own transaction: an impersonation whose right is gone ends with the change, on every instance.
import { and, gt, isNotNull, isNull } from 'drizzle-orm';
import { writeThenAnnounce, type Announcements } from '../../changes.js';
import type { DbOrTx } from '../../db/client.js';
import { sessions, type UserRow } from '../../db/schema.js';
import { AppError, badInput, notFound } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import { optionalText, parseId, validateAll } from '../../validation.js';
import { openImpersonationSession, type AuthResult } from '../auth/flows.js';
import { revokeSessions, type ClientInfo } from '../auth/sessions.js';
import { impersonationForbidden } from '../auth/step-up.js';
import type { Viewer } from '../auth/viewer.js';
import { ADMIN_ROLE } from '../roles/catalog.js';
import { lockAuthorization } from '../roles/guard.js';
import { findRole, permissionNamesOfUser } from '../roles/service.js';
import { notifySystem } from '../realtime/notifications.js';
import { findUserById } from '../users/queries.js';
import { recordConsequences, recordHistory, REASON_MAX } from './permission-history.js';

function refused(message: string, reason: string): AppError {
  return new AppError('FORBIDDEN', message, { reason, field: 'userId' });
}

/**
 * Why `impersonatorId` may not act as `target` now, or null when it may: the impersonator is active and holds
 * `user:impersonate` and every permission the target has (nobody gains a permission by acting as someone else), and
 * the target is no Admin and no holder of `user:impersonate` (no chains, no acting as a peer).
 */
async function impersonationBlocker(tx: DbOrTx, impersonatorId: number, target: UserRow): Promise<AppError | null> {
  const impersonator = await findUserById(tx, impersonatorId);
  if (!impersonator?.isActive) return refused('The impersonator is no longer active', 'IMPERSONATOR_INACTIVE');
  const own = await permissionNamesOfUser(tx, impersonatorId);
  if (!own.has('user:impersonate')) return refused('You no longer hold user:impersonate', 'IMPERSONATION_RIGHT_LOST');
  const role = await findRole(tx, target.roleId);
  const theirs = await permissionNamesOfUser(tx, target.id);
  if (role?.name === ADMIN_ROLE || theirs.has('user:impersonate')) {
    return refused('Administrators and holders of user:impersonate cannot be impersonated', 'TARGET_PROTECTED');
  }
  if ([...theirs].some((name) => !own.has(name))) return refused('This user holds permissions you do not have', 'TARGET_PROTECTED');
  return null;
}

export async function startImpersonation(
  runtime: Runtime,
  viewer: Viewer,
  input: { userId: string; reason: string },
  client: ClientInfo,
): Promise<AuthResult & { impersonatorId: number }> {
  const values = validateAll({
    userId: () => parseId(input.userId, 'userId'),
    reason: () => {
      const reason = optionalText(input.reason, 'reason', REASON_MAX);
      if (!reason) throw badInput('reason', 'Say why you act as this user: it is kept in the audit trail and shown to them');
      return reason;
    },
  });
  // No chains: an impersonation session holds the user's permissions, never the impersonator's.
  if (viewer.session.impersonatorId != null) throw impersonationForbidden();
  if (values.userId === viewer.user.id) throw badInput('userId', 'You cannot act as yourself');
  const { issue, target } = await writeThenAnnounce(runtime, async (tx) => {
    // Under the authorization lock, so the target cannot become an Admin between this check and the session.
    await lockAuthorization(tx);
    const target = await findUserById(tx, values.userId);
    if (!target) throw notFound('User');
    if (!target.isActive) throw new AppError('CONFLICT', 'This account is disabled', { reason: 'ACCOUNT_DISABLED', field: 'userId' });
    const blocker = await impersonationBlocker(tx, viewer.user.id, target);
    if (blocker) throw blocker;
    const opened = await openImpersonationSession(runtime, tx, target, viewer.user.id, client);
    await recordHistory(
      tx,
      [
        {
          actorId: viewer.user.id,
          action: 'IMPERSONATION_STARTED',
          targetUserId: target.id,
          before: null,
          after: { sessionId: opened.session.id, expiresAt: opened.session.expiresAt.toISOString() },
          reason: values.reason,
        },
      ],
      // The act is the impersonator's own, made from their own (ordinary) session.
      { impersonatorId: null },
    );
    return { issue: opened.issue, target };
  });
  await notifySystem(
    runtime,
    target.id,
    'ผู้ดูแลระบบกำลังใช้งานบัญชีของคุณ · An administrator is acting as you',
    `${viewer.user.username}: ${values.reason}`,
  );
  return { ...(await issue()), impersonatorId: viewer.user.id };
}

/** Ends the caller's impersonation session (the impersonator's own session was never touched). */
export async function stopImpersonation(runtime: Runtime, viewer: Viewer): Promise<void> {
  const impersonatorId = viewer.session.impersonatorId;
  if (impersonatorId == null) throw new AppError('CONFLICT', 'This session is not an impersonation', { reason: 'NOT_IMPERSONATING' });
  const revocation = { userId: viewer.user.id, sessionIds: [viewer.session.id], reason: 'impersonation_stopped' };
  await writeThenAnnounce(runtime, async (tx, announce) => {
    await revokeSessions(tx, revocation);
    await recordHistory(tx, [{ actorId: impersonatorId, action: 'IMPERSONATION_STOPPED', targetUserId: viewer.user.id, before: { sessionId: viewer.session.id }, after: null }]);
    announce.sessionsRevoked(revocation);
  });
}

/**
 * After every change to authorization (roles/guard.ts changeAuthorization), in its transaction: each live
 * impersonation is checked against the rule again, and those whose right is gone end, on the record, announced once
 * the change commits. There are few at any time (an hour each, started by hand).
 */
export async function endBrokenImpersonations(tx: DbOrTx, announce: Announcements): Promise<void> {
  const live = await tx
    .select({ id: sessions.id, userId: sessions.userId, impersonatorId: sessions.impersonatorId })
    .from(sessions)
    .where(and(isNotNull(sessions.impersonatorId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())));
  for (const session of live) {
    const target = await findUserById(tx, session.userId);
    const blocker = target ? await impersonationBlocker(tx, session.impersonatorId!, target) : null;
    if (!blocker) continue;
    const revocation = { userId: session.userId, sessionIds: [session.id], reason: 'impersonation_right_lost' };
    await revokeSessions(tx, revocation);
    // A consequence of the change that broke it (one act per change, test/audit.test.ts).
    const ended = { sessionId: session.id, impersonatorId: session.impersonatorId, why: blocker.details.reason };
    await recordConsequences(tx, [{ actorId: null, action: 'IMPERSONATION_STOPPED', targetUserId: session.userId, before: ended, after: null }], { impersonatorId: null });
    announce.sessionsRevoked(revocation);
  }
}
