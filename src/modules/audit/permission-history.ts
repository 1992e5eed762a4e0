// The permission history: an append-only audit trail of who changed which role, permission or user, and how.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { newestFirstCursor, newestFirstPage, timeWindow } from '../../db/keyset.js';
import { permissionHistory } from '../../db/schema.js';
import type { PageRequest } from '../../pagination.js';

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
  // Personal data rights (src/modules/privacy/): the actor is the user themself, or the admin who deleted them.
  'ACCOUNT_DELETION_REQUESTED',
  'ACCOUNT_DELETION_CANCELLED',
  'ACCOUNT_ERASED',
  'DATA_EXPORTED',
  'TERMS_ACCEPTED',
] as const;

export type HistoryAction = (typeof HISTORY_ACTIONS)[number];
export type HistoryRow = typeof permissionHistory.$inferSelect & { action: HistoryAction };

export const REASON_MAX = 500;

export interface HistoryEntry {
  actorId: number;
  action: HistoryAction;
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

/** Writes history rows; call it inside the transaction that makes the change, so both commit or neither does. */
export async function recordHistory(tx: DbOrTx, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(permissionHistory).values(
    entries.map((e) => ({
      actorId: e.actorId,
      action: e.action,
      targetUserId: e.targetUserId ?? null,
      targetRoleId: e.targetRoleId ?? null,
      targetPermissionId: e.targetPermissionId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      reason: e.reason ?? null,
    })),
  );
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
    filter.actions?.length ? inArray(permissionHistory.action, filter.actions) : undefined,
    filter.actorId != null ? eq(permissionHistory.actorId, filter.actorId) : undefined,
    filter.targetUserId != null ? eq(permissionHistory.targetUserId, filter.targetUserId) : undefined,
    filter.targetRoleId != null ? eq(permissionHistory.targetRoleId, filter.targetRoleId) : undefined,
    filter.targetPermissionId != null ? eq(permissionHistory.targetPermissionId, filter.targetPermissionId) : undefined,
    timeWindow(permissionHistory.createdAt, filter),
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
