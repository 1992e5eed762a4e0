// The audit trail's write API (recordHistory) and the permission history, its part about roles, permissions and
// users' roles and status: every administrative act is one row of audit_events, written in the act's transaction.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { newestFirstCursor, newestFirstPage, timeWindow } from '../../db/keyset.js';
import { auditEvents } from '../../db/schema.js';
import type { PageRequest } from '../../pagination.js';
import { currentAuditContext, lastActId, noteActRecorded, type AuditContext } from './scope.js';

// The table's old name, for the queries below: the permission history reads the audit trail.
const permissionHistory = auditEvents;

export const HISTORY_ACTIONS = [
  'ROLE_CREATED',
  'ROLE_UPDATED',
  'ROLE_DELETED',
  'PERMISSION_CREATED',
  'PERMISSION_UPDATED',
  'PERMISSION_DELETED',
  'PERMISSION_GRANTED',
  'PERMISSION_REVOKED',
  'USER_ROLE_CHANGED',
  'USER_DISABLED',
  'USER_ENABLED',
  'USER_DELETED',
  'USER_SECOND_FACTORS_RESET',
  // Personal data rights (src/modules/privacy/): the actor is the user themself, or the admin who deleted them.
  'ACCOUNT_DELETION_REQUESTED',
  'ACCOUNT_DELETION_CANCELLED',
  'ACCOUNT_ERASED',
  'DATA_EXPORTED',
  'TERMS_ACCEPTED',
] as const;

export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** The audit trail's other acts; a module adding an administrative act adds its action here. */
export const OTHER_AUDIT_ACTIONS = [
  'NOTIFICATION_SENT',
  'NOTIFICATION_BROADCAST',
  'USER_SESSIONS_REVOKED',
  'IMPERSONATION_STARTED',
  'IMPERSONATION_STOPPED',
  /** A mutation made in an impersonation session that recorded no act of its own (sendMessage, updateProfile, ...). */
  'IMPERSONATED_ACT',
] as const;

export const AUDIT_ACTIONS = [...HISTORY_ACTIONS, ...OTHER_AUDIT_ACTIONS] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type HistoryRow = typeof permissionHistory.$inferSelect & { action: HistoryAction };

export const REASON_MAX = 500;

export interface HistoryEntry {
  /** Null for the system itself (a scheduled erasure, a start-up repair). */
  actorId: number | null;
  action: AuditAction;
  targetUserId?: number;
  targetRoleId?: number;
  targetPermissionId?: number;
  /** JSON snapshots of the target before and after the change; null for "did not exist". */
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** The history entry of a user moved from one role to another. */
export function roleChange(
  actorId: number,
  userId: number,
  from: { id: number; name: string },
  to: { id: number; name: string },
  reason: string | null,
): HistoryEntry {
  return {
    actorId,
    action: 'USER_ROLE_CHANGED',
    targetUserId: userId,
    targetRoleId: to.id,
    before: { roleId: from.id, roleName: from.name },
    after: { roleId: to.id, roleName: to.name },
    reason,
  };
}

/**
 * Writes one act to the audit trail: `entries[0]` is the act, any further entries its consequences (the grants of a
 * new role, a deleted role's former holders moved), stored with `parent_id` pointing at it. Call it inside the
 * transaction that makes the change, so both commit or neither does. IP, User-Agent, request id and impersonator
 * come from the request (./scope.ts) unless `context` names them.
 */
export async function recordHistory(tx: DbOrTx, entries: HistoryEntry[], context?: AuditContext): Promise<void> {
  const [act, ...consequences] = entries;
  if (!act) return;
  const common = currentAuditContext(context);
  const [inserted] = await tx.insert(auditEvents).values(auditRow(act, null, common));
  if (consequences.length > 0) await tx.insert(auditEvents).values(consequences.map((e) => auditRow(e, inserted.insertId, common)));
  noteActRecorded(inserted.insertId);
}

function auditRow(e: HistoryEntry, parentId: number | null, common: Required<AuditContext>) {
  return {
    actorId: e.actorId,
    action: e.action,
    parentId,
    targetUserId: e.targetUserId ?? null,
    targetRoleId: e.targetRoleId ?? null,
    targetPermissionId: e.targetPermissionId ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason ?? null,
    ...common,
  };
}

/**
 * Consequences found after an act was recorded (an impersonation its change of authorization ended), in the act's
 * transaction: rows pointing at the act the current request recorded last, or, outside any, acts of their own.
 */
export async function recordConsequences(tx: DbOrTx, entries: HistoryEntry[], context?: AuditContext): Promise<void> {
  const parentId = lastActId();
  if (parentId === undefined) {
    for (const entry of entries) await recordHistory(tx, [entry], context);
    return;
  }
  const common = currentAuditContext(context);
  if (entries.length > 0) await tx.insert(auditEvents).values(entries.map((e) => auditRow(e, parentId, common)));
}

export interface HistoryFilter {
  actions?: HistoryAction[] | null;
  actorId?: number | null;
  targetUserId?: number | null;
  targetRoleId?: number | null;
  targetPermissionId?: number | null;
  from?: Date | null;
  to?: Date | null;
}

function conditions(filter: HistoryFilter): SQL | undefined {
  return and(
    // The trail's other acts are not part of the permission history (nor of its GraphQL enum).
    inArray(permissionHistory.action, filter.actions?.length ? filter.actions : [...HISTORY_ACTIONS]),
    filter.actorId != null ? eq(permissionHistory.actorId, filter.actorId) : undefined,
    filter.targetUserId != null ? eq(permissionHistory.targetUserId, filter.targetUserId) : undefined,
    filter.targetRoleId != null ? eq(permissionHistory.targetRoleId, filter.targetRoleId) : undefined,
    filter.targetPermissionId != null ? eq(permissionHistory.targetPermissionId, filter.targetPermissionId) : undefined,
    timeWindow(permissionHistory.at, filter),
  );
}

const CURSOR_KIND = 'permission-history';

export const historyCursor = (row: HistoryRow): string => newestFirstCursor(CURSOR_KIND, row.id);

export async function listHistory(db: DbOrTx, filter: HistoryFilter, page: PageRequest): Promise<HistoryRow[]> {
  const { where, orderBy } = newestFirstPage(permissionHistory.id, CURSOR_KIND, page);
  const rows = await db
    .select()
    .from(permissionHistory)
    .where(and(conditions(filter), where))
    .orderBy(...orderBy)
    .limit(page.limit);
  return rows as HistoryRow[];
}

export async function countHistory(db: DbOrTx, filter: HistoryFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(permissionHistory).where(conditions(filter));
  return Number(row?.n ?? 0);
}
