// How avatar files are named in storage, and writing or removing one upload's renditions together.
// Keys are built only from the user's integer id and a hash the server computed, never from client input.
import { createHash } from 'node:crypto';
import type { ObjectStorage } from '../../storage/index.js';
import { AVATAR_SIZES, type AvatarSize } from './images.js';

const SIZES = Object.keys(AVATAR_SIZES) as AvatarSize[];
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The key naming one upload's files: a hash of their content (16 URL-safe characters), so a URL holding it can be
 * cached for good by browsers and CDNs, and re-uploading the same image writes the same objects.
 */
export function avatarKeyFor(files: Record<AvatarSize, Buffer>): string {
  const hash = createHash('sha256');
  for (const size of SIZES) hash.update(files[size]);
  return hash.digest('base64url').slice(0, 16);
}

/** `avatars/<user id>/<key>-<size>.webp`, also the path under AVATAR_PUBLIC_BASE_URL. */
export function avatarObjectKey(userId: number, key: string, size: AvatarSize): string {
  if (!Number.isSafeInteger(userId) || userId <= 0) throw new Error(`Not a user id: ${userId}`);
  // The key comes from our own database, but an object key is never built from an unchecked string.
  if (!KEY_PATTERN.test(key)) throw new Error('Not an avatar key');
  return `avatars/${userId}/${key}-${size}.webp`;
}

/** Renditions never change under a key (it is their hash): caches may keep them for good. */
export const AVATAR_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const AVATAR_CONTENT_TYPE = 'image/webp';

/** Writes every rendition; on failure whatever was written is removed again. */
export async function writeAvatarFiles(storage: ObjectStorage, userId: number, key: string, files: Record<AvatarSize, Buffer>): Promise<void> {
  try {
    await Promise.all(
      SIZES.map((size) => storage.put(avatarObjectKey(userId, key, size), files[size], { contentType: AVATAR_CONTENT_TYPE, cacheControl: AVATAR_CACHE_CONTROL })),
    );
  } catch (error) {
    await removeAvatarFiles(storage, userId, key).catch(() => undefined);
    throw error;
  }
}

/** Removes one upload's files; files already gone are fine. */
export async function removeAvatarFiles(storage: ObjectStorage, userId: number, key: string): Promise<void> {
  await storage.delete(SIZES.map((size) => avatarObjectKey(userId, key, size)));
}
