// Where avatar files live under UPLOAD_DIR, and writing them so that nobody ever reads a half-written file.
// Paths are built only from the user's integer id and a key the server generated, never from client input.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AVATAR_SIZES, type AvatarSize } from './images.js';

const SIZES = Object.keys(AVATAR_SIZES) as AvatarSize[];
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A fresh, unguessable name for one upload's files (16 URL-safe characters). */
export function newAvatarKey(): string {
  return randomBytes(12).toString('base64url');
}

function userDirectory(uploadDir: string, userId: number): string {
  if (!Number.isSafeInteger(userId) || userId <= 0) throw new Error(`Not a user id: ${userId}`);
  return join(uploadDir, 'avatars', String(userId));
}

export function avatarFilePath(uploadDir: string, userId: number, key: string, size: AvatarSize): string {
  // The key comes from our own database, but a path is never built from an unchecked string.
  if (!KEY_PATTERN.test(key)) throw new Error('Not an avatar key');
  return join(userDirectory(uploadDir, userId), `${key}-${size}.webp`);
}

/**
 * Writes each rendition under a temporary name in its final directory, then renames it into place (atomic on one
 * file system). On failure whatever was written is removed again.
 */
export async function writeAvatarFiles(uploadDir: string, userId: number, key: string, files: Record<AvatarSize, Buffer>): Promise<void> {
  await mkdir(userDirectory(uploadDir, userId), { recursive: true });
  const written: string[] = [];
  try {
    for (const size of SIZES) {
      const path = avatarFilePath(uploadDir, userId, key, size);
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      written.push(temporary);
      await writeFile(temporary, files[size], { flag: 'wx' });
      await rename(temporary, path);
      written.push(path);
    }
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, { force: true })));
    throw error;
  }
}

/** Removes one upload's files; files already gone are fine. */
export async function removeAvatarFiles(uploadDir: string, userId: number, key: string): Promise<void> {
  await Promise.all(SIZES.map((size) => rm(avatarFilePath(uploadDir, userId, key, size), { force: true })));
}
