// Notifications: to one user or to everyone, stored, delivered live, and marked read per user. A notification to
// everyone is one row; who has read it is kept in notification_reads, like for direct ones.
import { and, count, eq, gte, isNull, or, sql, type SQL } from 'drizzle-orm';
import { newestFirstCursor, newestFirstPage } from '../../db/keyset.js';
import { notificationReads, notifications, users, type NotificationRow } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { NotificationCreatedEvent } from '../../events.js';
import type { PageRequest } from '../../pagination.js';
import type { Runtime } from '../../runtime.js';
import { validateAll } from '../../validation.js';
import { findUserById } from '../users/queries.js';
import { parseIdempotencyKey, storeOnce } from './idempotency.js';
import { validateContent } from './messages.js';
import { recordHistory, type HistoryEntry } from '../audit/permission-history.js';

export const TITLE_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 5000;

export type NotificationWithRead = NotificationRow & { readAt: Date | null };

export function toNotificationEvent(row: NotificationRow): NotificationCreatedEvent {
  // The sender's idempotency key stays out of what every instance and subscriber receives.
  const { idempotencyKey: _key, ...event } = row;
  return { ...event, createdAt: row.createdAt.toISOString() };
}

export function fromNotificationEvent(event: NotificationCreatedEvent): NotificationRow {
  return { ...event, kind: event.kind as NotificationRow['kind'], idempotencyKey: null, createdAt: new Date(event.createdAt) };
}

/** Notifications `userId` can see: addressed to them, or to everyone since they joined. */
function visibleTo(userId: number, joinedAt: Date): SQL {
  return or(eq(notifications.userId, userId), and(isNull(notifications.userId), gte(notifications.createdAt, joinedAt)))!;
}

async function joinedAt(runtime: Runtime, userId: number): Promise<Date> {
  const [row] = await runtime.db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, userId));
  if (!row) throw notFound('User');
  return row.createdAt;
}

type NewNotification = {
  userId: number | null;
  senderId: number | null;
  kind: NotificationRow['kind'];
  title: string;
  message: string;
  idempotencyKey?: string | null;
};

/** `audit`: the audit-trail entry of a notification a person sent (an administrative act), written with it. */
async function create(runtime: Runtime, values: NewNotification, audit?: (row: NotificationRow) => HistoryEntry): Promise<NotificationRow> {
  const fields = validateAll({
    title: () => validateContent(values.title, 'title', TITLE_MAX_LENGTH),
    message: () => validateContent(values.message, 'message', BODY_MAX_LENGTH),
    idempotencyKey: () => parseIdempotencyKey(values.idempotencyKey),
  });
  const { senderId } = values;
  const { row, created } = await storeOnce({
    // Only a user's sends carry a key; the service's own notifications are never retried by a client.
    key: senderId === null ? null : fields.idempotencyKey,
    uniqueIndex: 'notifications_sender_idempotency_key_unique',
    find: async (key) =>
      (await runtime.db.select().from(notifications).where(and(eq(notifications.senderId, senderId!), eq(notifications.idempotencyKey, key))))[0],
    sameAs: (earlier) =>
      earlier.kind === values.kind && earlier.userId === values.userId && earlier.title === fields.title && earlier.message === fields.message,
    insert: () =>
      runtime.db.transaction(async (tx) => {
        const [result] = await tx.insert(notifications).values({ ...values, ...fields });
        const [inserted] = await tx.select().from(notifications).where(eq(notifications.id, result.insertId));
        if (audit) await recordHistory(tx, [audit(inserted!)]);
        return inserted!;
      }),
  });
  if (created) runtime.events.publish('notificationCreated', toNotificationEvent(row));
  return row;
}

export async function sendNotification(
  runtime: Runtime,
  senderId: number,
  input: { userId: number; title: string; message: string; idempotencyKey?: string | null },
) {
  const recipient = await findUserById(runtime.db, input.userId);
  if (!recipient) throw notFound('User');
  return create(runtime, { ...input, userId: recipient.id, senderId, kind: 'direct' }, (row) => ({
    actorId: senderId,
    action: 'NOTIFICATION_SENT',
    targetUserId: recipient.id,
    after: { notificationId: row.id, title: row.title, message: row.message },
  }));
}

export async function broadcastNotification(
  runtime: Runtime,
  senderId: number,
  input: { title: string; message: string; idempotencyKey?: string | null },
) {
  return create(runtime, { ...input, userId: null, senderId, kind: 'broadcast' }, (row) => ({
    actorId: senderId,
    action: 'NOTIFICATION_BROADCAST',
    after: { notificationId: row.id, title: row.title, message: row.message },
  }));
}

/** A notification from the system itself (role changed, account re-enabled, ...). */
export async function notifySystem(runtime: Runtime, userId: number, title: string, message: string) {
  return create(runtime, { userId, senderId: null, kind: 'system', title, message });
}

const CURSOR_KIND = 'notifications';

export const notificationCursor = (row: NotificationRow): string => newestFirstCursor(CURSOR_KIND, row.id);

/** The user's notifications, newest first. */
export async function listNotifications(runtime: Runtime, userId: number, unreadOnly: boolean, page: PageRequest): Promise<NotificationWithRead[]> {
  const { where, orderBy } = newestFirstPage(notifications.id, CURSOR_KIND, page);
  const conditions: (SQL | undefined)[] = [visibleTo(userId, await joinedAt(runtime, userId)), where];
  if (unreadOnly) conditions.push(isNull(notificationReads.readAt));
  const rows = await runtime.db
    .select({ notification: notifications, readAt: notificationReads.readAt })
    .from(notifications)
    .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, userId)))
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(page.limit);
  return rows.map((r) => ({ ...r.notification, readAt: r.readAt }));
}

export async function unreadCount(runtime: Runtime, userId: number): Promise<number> {
  const [row] = await runtime.db
    .select({ n: count() })
    .from(notifications)
    .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, userId)))
    .where(and(visibleTo(userId, await joinedAt(runtime, userId)), isNull(notificationReads.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the user's notifications read; NOT_FOUND for one they cannot see (someone else's included). */
export async function markRead(runtime: Runtime, userId: number, notificationId: number): Promise<NotificationWithRead> {
  const [row] = await runtime.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), visibleTo(userId, await joinedAt(runtime, userId))));
  if (!row) throw notFound('Notification');
  await runtime.db.insert(notificationReads).ignore().values({ notificationId, userId, readAt: new Date() });
  const [read] = await runtime.db
    .select({ readAt: notificationReads.readAt })
    .from(notificationReads)
    .where(and(eq(notificationReads.notificationId, notificationId), eq(notificationReads.userId, userId)));
  return { ...row, readAt: read!.readAt };
}

/** Marks every notification the user can see read; returns how many were unread. */
export async function markAllRead(runtime: Runtime, userId: number): Promise<number> {
  const joined = await joinedAt(runtime, userId);
  const [result] = await runtime.db.execute(sql`
    INSERT IGNORE INTO ${notificationReads} (notification_id, user_id, read_at)
    SELECT ${notifications.id}, ${userId}, ${new Date()}
    FROM ${notifications}
    LEFT JOIN ${notificationReads} ON ${notificationReads.notificationId} = ${notifications.id} AND ${notificationReads.userId} = ${userId}
    WHERE ${visibleTo(userId, joined)} AND ${notificationReads.readAt} IS NULL`);
  return (result as unknown as { affectedRows: number }).affectedRows;
}
