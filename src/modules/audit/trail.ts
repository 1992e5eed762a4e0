// Reading the audit trail: its filters, pages, and the redaction of personal data a reader may not see.
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { newestFirstCursor, newestFirstPage, timeWindow } from '../../db/keyset.js';
import { auditEvents, type AuditEventRow } from '../../db/schema.js';
import { badInput } from '../../errors.js';
import type { PageRequest } from '../../pagination.js';

export interface AuditFilter {
  actorId?: number | null;
  targetUserId?: number | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const ACTION_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;

export function parseAction(value: string | null | undefined): string | null {
  if (value == null || value === '') return null;
  if (!ACTION_PATTERN.test(value)) throw badInput('action', 'An action is an upper-case name such as USER_DISABLED');
  return value;
}

function conditions(filter: AuditFilter): SQL | undefined {
  return and(
    // An act's consequences are read through the act (consequencesOf), so each act is one entry of the trail.
    isNull(auditEvents.parentId),
    filter.actorId != null ? eq(auditEvents.actorId, filter.actorId) : undefined,
    filter.targetUserId != null ? eq(auditEvents.targetUserId, filter.targetUserId) : undefined,
    filter.action != null ? eq(auditEvents.action, filter.action) : undefined,
    timeWindow(auditEvents.at, filter),
  );
}

const CURSOR_KIND = 'audit-events';

export const auditCursor = (row: AuditEventRow): string => newestFirstCursor(CURSOR_KIND, row.id);

export async function listAuditEvents(db: DbOrTx, filter: AuditFilter, page: PageRequest): Promise<AuditEventRow[]> {
  const { where, orderBy } = newestFirstPage(auditEvents.id, CURSOR_KIND, page);
  return db
    .select()
    .from(auditEvents)
    .where(and(conditions(filter), where))
    .orderBy(...orderBy)
    .limit(page.limit);
}

export async function countAuditEvents(db: DbOrTx, filter: AuditFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(auditEvents).where(conditions(filter));
  return Number(row?.n ?? 0);
}

/** The consequences of several acts at once (one query for a page of them). */
export async function consequencesOf(db: DbOrTx, actIds: readonly number[]): Promise<Map<number, AuditEventRow[]>> {
  const byAct = new Map<number, AuditEventRow[]>(actIds.map((id) => [id, []]));
  if (actIds.length === 0) return byAct;
  const rows = await db.select().from(auditEvents).where(inArray(auditEvents.parentId, [...actIds])).orderBy(asc(auditEvents.id));
  for (const row of rows) byAct.get(row.parentId!)?.push(row);
  return byAct;
}

/**
 * Snapshot keys holding contact details: the User type shows them only to the user and to holders of `user:write`
 * (users/schema.ts, privateToSelfOrStaff), and the trail shows them to no one else either.
 */
const PERSONAL_KEYS = new Set(['email', 'phone', 'pendingEmail', 'pendingPhone', 'identifier', 'recipient', 'target']);
export const REDACTED = '[redacted]';

/** A snapshot with every personal value replaced, at any depth. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, PERSONAL_KEYS.has(key) && v !== null ? REDACTED : redact(v)]));
}

/** Whether a reader sees the contact details in an event's snapshots: as on User, themselves or `user:write`. */
export function seesPersonalData(readerId: number, readerPermissions: ReadonlySet<string>, event: Pick<AuditEventRow, 'targetUserId'>): boolean {
  return readerPermissions.has('user:write') || event.targetUserId === readerId;
}
