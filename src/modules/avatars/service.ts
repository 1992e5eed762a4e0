// Avatars: make an uploaded image the user's avatar, remove it, and look it up for the HTTP route.
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users, type UserRow } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { enforceRateLimits } from '../../rate-limit.js';
import { writeThenAnnounce } from '../../changes.js';
import type { Runtime } from '../../runtime.js';
import { findUserById } from '../users/queries.js';
import { processAvatarImage } from './images.js';
import { avatarKeyFor, removeAvatarFiles, writeAvatarFiles } from './storage.js';

export interface StoredAvatar {
  key: string;
  updatedAt: Date | null;
}

/**
 * Processes `upload` (the file's bytes) and makes it the user's avatar. A refused or failed upload changes nothing:
 * the image is checked and converted before anything is written, its files are written before the row points at
 * them, and they are removed again if the row cannot be updated. The files it replaces are removed only after the
 * new ones are committed.
 */
export async function setAvatar(runtime: Runtime, userId: number, upload: Buffer): Promise<UserRow> {
  // Decoding and resizing costs real CPU: a user gets a few tries a minute.
  await enforceRateLimits(runtime.rateLimits, [{ key: `avatars:user:${userId}`, limit: runtime.config.rateLimits.uploadsPerUser }]);
  const started = performance.now();
  const processed = await processAvatarImage(upload).catch((error: unknown) => {
    if (error instanceof AppError && error.cause) runtime.log.info({ userId, err: error.cause }, 'Avatar upload could not be decoded');
    throw error;
  });
  runtime.log.debug({ userId, source: processed.source, ms: Math.round(performance.now() - started) }, 'Avatar processed');

  const key = avatarKeyFor(processed);
  await writeAvatarFiles(runtime.storage, userId, key, processed);
  let previousKey: string | null;
  try {
    previousKey = await writeThenAnnounce(runtime, async (tx, announce) => {
      const current = await lockAvatarKey(tx, userId);
      await tx.update(users).set({ avatarKey: key, avatarUpdatedAt: new Date() }).where(eq(users.id, userId));
      announce.userChanged(userId);
      return current;
    });
  } catch (error) {
    await removeQuietly(runtime, userId, key);
    throw error;
  }
  // The same image uploaded again has the same key: its files are the current ones.
  if (previousKey && previousKey !== key) await removeQuietly(runtime, userId, previousKey);
  return (await findUserById(runtime.db, userId))!;
}

/**
 * The user's current avatar key, with their row locked until the transaction ends, so two racing changes each
 * remove exactly the files they replaced.
 */
async function lockAvatarKey(tx: DbOrTx, userId: number): Promise<string | null> {
  const [row] = await tx
    .select({ avatarKey: users.avatarKey })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .for('update');
  if (!row) throw notFound('User');
  return row.avatarKey;
}

/** Clears the user's avatar and removes its files; `removed` is false when there was none. */
export async function removeAvatar(runtime: Runtime, userId: number): Promise<{ user: UserRow; removed: boolean }> {
  const previousKey = await writeThenAnnounce(runtime, async (tx, announce) => {
    const current = await lockAvatarKey(tx, userId);
    if (current !== null) {
      await tx.update(users).set({ avatarKey: null, avatarUpdatedAt: null }).where(eq(users.id, userId));
      announce.userChanged(userId);
    }
    return current;
  });
  if (previousKey) await removeQuietly(runtime, userId, previousKey);
  return { user: (await findUserById(runtime.db, userId))!, removed: previousKey !== null };
}

/** The user's current avatar, or undefined when they have none (or do not exist). */
export async function findAvatar(runtime: Runtime, userId: number): Promise<StoredAvatar | undefined> {
  const [row] = await runtime.db
    .select({ key: users.avatarKey, updatedAt: users.avatarUpdatedAt })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  return row?.key ? { key: row.key, updatedAt: row.updatedAt } : undefined;
}

/**
 * Files left behind are only wasted space: the row no longer points at them, so the request still succeeds. Keys
 * are content hashes, so a racing upload of the same image may have made `key` current again: then they stay.
 */
async function removeQuietly(runtime: Runtime, userId: number, key: string): Promise<void> {
  try {
    if ((await findAvatar(runtime, userId))?.key === key) return;
    await removeAvatarFiles(runtime.storage, userId, key);
  } catch (error) {
    runtime.log.warn({ err: error, userId, key }, 'Could not remove avatar files');
  }
}
