// GET/HEAD /avatars/<userId> (512 px) and /avatars/<userId>/thumb (128 px): the stored WebP files, with an ETag
// and caching headers. Only those exact paths exist; the user id is the only part of the URL that is used.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config.js';
import { etagMatches, sendText } from '../../http/responses.js';
import type { HttpRoute } from '../../http/routes.js';
import type { Runtime } from '../../runtime.js';
import type { StoredObject } from '../../storage/index.js';
import type { AvatarSize } from './images.js';
import { findAvatar, type StoredAvatar } from './service.js';
import { AVATAR_CACHE_CONTROL, AVATAR_CONTENT_TYPE, avatarObjectKey } from './storage.js';

const ROUTE = /^\/avatars\/([1-9][0-9]{0,9})(\/thumb)?$/;
const MAX_USER_ID = 2_147_483_647;

/**
 * The URL `avatarUrl` hands out, naming the current version (the content hash), so it changes whenever the avatar
 * does: the stored object itself under AVATAR_PUBLIC_BASE_URL when set, else this server's route.
 */
export function avatarUrl(config: Pick<Config, 'avatarPublicBaseUrl'>, userId: number, key: string, size: AvatarSize): string {
  if (config.avatarPublicBaseUrl) return `${config.avatarPublicBaseUrl}/${avatarObjectKey(userId, key, size)}`;
  return `/avatars/${userId}${size === 'thumb' ? '/thumb' : ''}?v=${encodeURIComponent(key)}`;
}

export function isAvatarPath(path: string): boolean {
  return path === '/avatars' || path.startsWith('/avatars/');
}

/** A URL naming the current version never changes content; any other must be revalidated (cheaply, by ETag). */
const CACHE_UNVERSIONED = 'public, max-age=0, must-revalidate';

const etagOf = (avatar: StoredAvatar, size: AvatarSize) => `"${avatar.key}-${size}"`;

/**
 * The user's avatar and, unless the client's copy is current (`If-None-Match`), its file. Two tries: an upload
 * that replaces the avatar between the lookup and the read removes the file just found.
 */
async function openAvatar(
  runtime: Runtime,
  userId: number,
  size: AvatarSize,
  ifNoneMatch: string | undefined,
): Promise<{ avatar: StoredAvatar; object?: StoredObject } | undefined> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const avatar = await findAvatar(runtime, userId);
    if (!avatar) return undefined;
    // The ETag is known from the database: a revalidation costs storage nothing.
    if (etagMatches(ifNoneMatch, etagOf(avatar, size))) return { avatar };
    const object = await runtime.storage.get(avatarObjectKey(userId, avatar.key, size));
    if (object) return { avatar, object };
    if (attempt === 1) runtime.log.warn({ userId, key: avatar.key, size }, 'Avatar file missing');
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

  const opened = await openAvatar(runtime, userId, size, req.headers['if-none-match']);
  if (!opened) return sendText(res, 404, 'Not found');
  const { avatar, object } = opened;
  const headers: Record<string, string | number> = {
    etag: etagOf(avatar, size),
    'cache-control': new URLSearchParams(query).get('v') === avatar.key ? AVATAR_CACHE_CONTROL : CACHE_UNVERSIONED,
    'x-content-type-options': 'nosniff',
  };
  if (avatar.updatedAt) headers['last-modified'] = avatar.updatedAt.toUTCString();
  if (!object) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': AVATAR_CONTENT_TYPE, 'content-length': object.size });
  if (req.method === 'HEAD') {
    object.body.destroy();
    res.end();
    return;
  }
  // Streamed as it arrives (from disk or the bucket); a client that hangs up ends the read too.
  await pipeline(object.body, res);
}

export const avatarsRoute: HttpRoute = { name: 'avatars', owns: isAvatarPath, handle: serveAvatar };
