// GET/HEAD /avatars/<userId> (512 px) and /avatars/<userId>/thumb (128 px): the stored WebP files, with an ETag
// and caching headers. Only those exact paths exist; the user id is the only part of the URL that is used.
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { etagMatches, sendText } from '../../http/responses.js';
import type { HttpRoute } from '../../http/routes.js';
import type { Runtime } from '../../runtime.js';
import type { AvatarSize } from './images.js';
import { findAvatar, type StoredAvatar } from './service.js';
import { avatarFilePath } from './storage.js';

const ROUTE = /^\/avatars\/([1-9][0-9]{0,9})(\/thumb)?$/;
const MAX_USER_ID = 2_147_483_647;

/** The URL `avatarUrl` hands out: versioned by the key, so it changes whenever the avatar does. */
export function avatarUrl(userId: number, key: string, size: AvatarSize): string {
  return `/avatars/${userId}${size === 'thumb' ? '/thumb' : ''}?v=${encodeURIComponent(key)}`;
}

export function isAvatarPath(path: string): boolean {
  return path === '/avatars' || path.startsWith('/avatars/');
}

/** A URL naming the current version never changes content; any other must be revalidated (cheaply, by ETag). */
const CACHE_VERSIONED = 'public, max-age=31536000, immutable';
const CACHE_UNVERSIONED = 'public, max-age=0, must-revalidate';

async function openAvatar(runtime: Runtime, userId: number, size: AvatarSize): Promise<{ avatar: StoredAvatar; file: FileHandle } | undefined> {
  // Two tries: an upload that replaces the avatar between the lookup and the open removes the file just found.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const avatar = await findAvatar(runtime, userId);
    if (!avatar) return undefined;
    try {
      return { avatar, file: await open(avatarFilePath(runtime.config.uploadDir, userId, avatar.key, size), 'r') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (attempt === 1) runtime.log.warn({ userId, key: avatar.key, size }, 'Avatar file missing');
    }
  }
  return undefined;
}

/** Answers a request for any path under /avatars. A failure rejects: the dispatcher (app.ts, respondSafely) logs it and answers 500. */
export async function serveAvatar(runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '';
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? '' : url.slice(queryStart + 1);
  const match = ROUTE.exec(path);
  const userId = Number(match?.[1]);
  if (!match || userId > MAX_USER_ID) return sendText(res, 404, 'Not found');
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
  const size: AvatarSize = match[2] ? 'thumb' : 'main';

  const opened = await openAvatar(runtime, userId, size);
  if (!opened) return sendText(res, 404, 'Not found');
  const { avatar, file } = opened;
  try {
    const etag = `"${avatar.key}-${size}"`;
    const headers: Record<string, string | number> = {
      etag,
      'cache-control': new URLSearchParams(query).get('v') === avatar.key ? CACHE_VERSIONED : CACHE_UNVERSIONED,
      'x-content-type-options': 'nosniff',
    };
    if (avatar.updatedAt) headers['last-modified'] = avatar.updatedAt.toUTCString();
    if (etagMatches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const { size: length } = await file.stat();
    res.writeHead(200, { ...headers, 'content-type': 'image/webp', 'content-length': length });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(file.createReadStream({ autoClose: false }), res);
  } finally {
    await file.close();
  }
}

export const avatarsRoute: HttpRoute = { name: 'avatars', owns: isAvatarPath, handle: serveAvatar };
