// Chat messages: direct (two users) or to everyone. Stored before they are published, so a message a sender saw
// acknowledged is never lost, and history can always be read back.
import { and, eq, isNull, or } from 'drizzle-orm';
import { newestFirstCursor, newestFirstPage } from '../../db/keyset.js';
import { messages, type MessageRow } from '../../db/schema.js';
import { badInput, notFound } from '../../errors.js';
import type { MessageSentEvent } from '../../events.js';
import type { PageRequest } from '../../pagination.js';
import type { Runtime } from '../../runtime.js';
import { enforceRateLimits } from '../../rate-limit.js';
import { assertPlainText } from '../../validation.js';
import { findUserById } from '../users/queries.js';
import { parseIdempotencyKey, storeOnce } from './idempotency.js';

export const MESSAGE_MAX_LENGTH = 2000;

export function toMessageEvent(row: MessageRow): MessageSentEvent {
  return { id: row.id, senderId: row.senderId, recipientId: row.recipientId, content: row.content, createdAt: row.createdAt.toISOString() };
}

export function fromMessageEvent(event: MessageSentEvent): MessageRow {
  return { ...event, idempotencyKey: null, createdAt: new Date(event.createdAt) };
}

/** Whether `userId` may see the message: everyone sees broadcasts; a direct message only its two users. */
export function canSeeMessage(message: Pick<MessageRow, 'senderId' | 'recipientId'>, userId: number): boolean {
  return message.recipientId === null || message.senderId === userId || message.recipientId === userId;
}

/** Trims surrounding white space; rejects empty, oversized and control-character content. */
export function validateContent(raw: string, field = 'content', max = MESSAGE_MAX_LENGTH): string {
  const content = raw.trim();
  if (!content) throw badInput(field, 'Write something first: empty messages are not sent');
  if ([...content].length > max) throw badInput(field, `Too long: at most ${max} characters`);
  assertPlainText(content, field, { multiline: true });
  return content;
}

export async function sendMessage(
  runtime: Runtime,
  senderId: number,
  input: { content: string; recipientId?: number | null; idempotencyKey?: string | null },
): Promise<MessageRow> {
  const content = validateContent(input.content);
  const idempotencyKey = parseIdempotencyKey(input.idempotencyKey);
  const recipientId = input.recipientId ?? null;
  const { row, created } = await storeOnce({
    key: idempotencyKey,
    uniqueIndex: 'messages_sender_idempotency_key_unique',
    find: async (key) => (await runtime.db.select().from(messages).where(and(eq(messages.senderId, senderId), eq(messages.idempotencyKey, key))))[0],
    sameAs: (earlier) => earlier.content === content && earlier.recipientId === recipientId,
    // A retry of a stored message neither counts against the rate limit nor checks the recipient again.
    insert: async () => {
      await enforceRateLimits(runtime.rateLimits, [{ key: `messages:user:${senderId}`, limit: runtime.config.rateLimits.messagesPerUser }]);
      if (recipientId !== null) {
        if (recipientId === senderId) throw badInput('recipientId', 'You cannot send a direct message to yourself');
        const recipient = await findUserById(runtime.db, recipientId);
        if (!recipient || !recipient.isActive) throw notFound('Recipient');
      }
      const [result] = await runtime.db.insert(messages).values({ senderId, recipientId, content, idempotencyKey });
      const [inserted] = await runtime.db.select().from(messages).where(eq(messages.id, result.insertId));
      return inserted!;
    },
  });
  if (created) runtime.events.publish('messageSent', toMessageEvent(row));
  return row;
}

const CURSOR_KIND = 'messages';

export const messageCursor = (row: MessageRow): string => newestFirstCursor(CURSOR_KIND, row.id);

/**
 * A page of history, newest first: the room everyone shares, or the conversation between `viewerId` and `withUserId`.
 */
export async function listMessages(runtime: Runtime, viewerId: number, withUserId: number | null, page: PageRequest): Promise<MessageRow[]> {
  const conversation =
    withUserId === null
      ? isNull(messages.recipientId)
      : or(
          and(eq(messages.senderId, viewerId), eq(messages.recipientId, withUserId)),
          and(eq(messages.senderId, withUserId), eq(messages.recipientId, viewerId)),
        )!;
  const { where, orderBy } = newestFirstPage(messages.id, CURSOR_KIND, page);
  return runtime.db
    .select()
    .from(messages)
    .where(and(conversation, where))
    .orderBy(...orderBy)
    .limit(page.limit);
}
