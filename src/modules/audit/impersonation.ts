// Impersonation: a holder of `user:impersonate` signs in as another user for at most an hour, on the record. The
// session is the user's own kind (it sees and does what the user may), marked with its impersonator so every act
// in it carries both identities (./mutation-plugin.ts) and the acts that would let it keep the account are refused
// (./guard.ts).
import { writeThenAnnounce } from '../../changes.js';
import { AppError, badInput, notFound } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import { optionalText, parseId, validateAll } from '../../validation.js';
import { accessTokenFor, type AuthResult } from '../auth/service.js';
import { createSession, IMPERSONATION_TTL_SECONDS, revokeSessions, type ClientInfo } from '../auth/sessions.js';
import type { Viewer } from '../auth/viewer.js';
import { ADMIN_ROLE } from '../roles/catalog.js';
import { lockAuthorization } from '../roles/guard.js';
import { findRole, permissionNamesOfUser } from '../roles/service.js';
import { notifySystem } from '../realtime/notifications.js';
import { findUserById } from '../users/queries.js';
import { impersonationForbidden } from './guard.js';
import { recordHistory, REASON_MAX } from './permission-history.js';

function refused(message: string, reason: string): AppError {
  return new AppError('FORBIDDEN', message, { reason, field: 'userId' });
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
  const { session, refresh, target } = await writeThenAnnounce(runtime, async (tx) => {
    // Under the authorization lock, so the target cannot become an Admin between this check and the session.
    await lockAuthorization(tx);
    const target = await findUserById(tx, values.userId);
    if (!target) throw notFound('User');
    if (!target.isActive) throw new AppError('CONFLICT', 'This account is disabled', { reason: 'ACCOUNT_DISABLED', field: 'userId' });
    const role = await findRole(tx, target.roleId);
    const permissions = await permissionNamesOfUser(tx, target.id);
    if (role?.name === ADMIN_ROLE || permissions.has('user:impersonate')) {
      throw refused('Administrators and holders of user:impersonate cannot be impersonated', 'TARGET_PROTECTED');
    }
    // Nobody gains a permission by acting as someone else (a support role impersonating a custom role manager).
    const own = await permissionNamesOfUser(tx, viewer.user.id);
    if ([...permissions].some((name) => !own.has(name))) {
      throw refused('This user holds permissions you do not have', 'TARGET_PROTECTED');
    }
    const created = await createSession(tx, target.id, client, Math.min(IMPERSONATION_TTL_SECONDS, runtime.config.jwt.sessionTtlSeconds), {
      impersonatorId: viewer.user.id,
    });
    await recordHistory(
      tx,
      [
        {
          actorId: viewer.user.id,
          action: 'IMPERSONATION_STARTED',
          targetUserId: target.id,
          before: null,
          after: { sessionId: created.session.id, expiresAt: created.session.expiresAt.toISOString() },
          reason: values.reason,
        },
      ],
      // The act is the impersonator's own, made from their own (ordinary) session.
      { impersonatorId: null },
    );
    return { ...created, target };
  });
  await notifySystem(
    runtime,
    target.id,
    'ผู้ดูแลระบบกำลังใช้งานบัญชีของคุณ · An administrator is acting as you',
    `${viewer.user.username}: ${values.reason}`,
  );
  const access = await accessTokenFor(runtime, target.id, session);
  return { ...access, refreshToken: refresh.token, refreshTokenExpiresAt: refresh.expiresAt, user: target, mfaEnrollmentRequired: false, impersonatorId: viewer.user.id };
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
