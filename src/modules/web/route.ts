// The browser client's static files (web/public/, the bundle included once built) at `/` and, the same files again,
// under `/public/`. Only regular files inside that folder with a known type are served; anything else is a 404.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { etagMatches, sendText } from '../../http/responses.js';
import type { HttpRoute } from '../../http/routes.js';
import type { Runtime } from '../../runtime.js';

/** web/public/ of the project: index.html, styles, icons, and build/ (the esbuild bundle, `npm run build:web`). */
export const WEB_ROOT = fileURLToPath(new URL('../../../web/public/', import.meta.url));

/** The types served; a file of any other kind is not part of the client, so it is a 404 (source maps too, in production). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The page may talk only to this server (fetch and graphql-ws: CSP 3 lets 'self' match ws: and wss: on the same
 * host), show images from here, picked files (blob: previews) and, with AVATAR_PUBLIC_BASE_URL, avatars from
 * that origin, and run only our own scripts and styles.
 */
function contentSecurityPolicy(avatarPublicBaseUrl: string | undefined): string {
  return [
    "default-src 'self'",
    `img-src 'self' blob:${avatarPublicBaseUrl ? ` ${new URL(avatarPublicBaseUrl).origin}` : ''}`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const MAX_PATH_LENGTH = 1024;
const LANDING_PAGES = new Set(['/verify-email', '/reset-password']);

/** Everything that is not an API route: the client's files, or a 404. */

/**
 * The file a URL path names, relative to the root, or undefined when it names none we would serve: `/` and
 * `/public/` are index.html, `/public/x` is `/x`, and no segment may be empty, `.`/`..`, hidden, or hold a
 * separator or NUL once decoded.
 */
export function resolveWebPath(urlPath: string): string | undefined {
  if (urlPath.length > MAX_PATH_LENGTH || !urlPath.startsWith('/')) return undefined;
  // The pages links in messages open (src/modules/recovery/): the client reads the token and shows them.
  if (LANDING_PAGES.has(urlPath)) return 'index.html';
  let path = urlPath === '/public' || urlPath.startsWith('/public/') ? urlPath.slice('/public'.length) : urlPath;
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const segments: string[] = [];
  for (const raw of path.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  if (!(extname(segments[segments.length - 1]!).toLowerCase() in CONTENT_TYPES)) return undefined;
  return segments.join('/');
}

let loggedMissingBundle = false;
let realRoot: Promise<string> | undefined;

/** Answers a GET or HEAD for a client file. A failure rejects: the dispatcher (app.ts, respondSafely) logs it and answers 500. */
export async function serveWeb(runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const urlPath = (req.url ?? '/').split('?')[0]!;
  // The app's own relative URLs (./build/app.js) must resolve under /public/, so the folder needs its slash.
  if (urlPath === '/public') return sendText(res, 308, 'Moved', { location: '/public/' });
  const file = resolveWebPath(urlPath);
  if (!file) return sendText(res, 404, 'Not found');
  // A source map hands out the client's source; a development build's map may still lie beside the bundle.
  if (runtime.config.env === 'production' && extname(file).toLowerCase() === '.map') return sendText(res, 404, 'Not found');

  const absolute = join(WEB_ROOT, file);
  let real: string;
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    // A symbolic link inside the folder must not lead outside it.
    real = await realpath(absolute);
    const inside = relative(await (realRoot ??= realpath(WEB_ROOT)), real);
    if (inside.startsWith('..') || inside.startsWith(sep)) return sendText(res, 404, 'Not found');
    info = await stat(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    if (file === 'build/app.js' && !loggedMissingBundle) {
      loggedMissingBundle = true;
      runtime.log.warn('The web client is not built: run `npm run build:web` (npm start does it first)');
    }
    return sendText(res, 404, 'Not found');
  }
  if (!info.isFile()) return sendText(res, 404, 'Not found');

  // Every response is revalidated (cheap: a 304 by ETag), so a rebuilt bundle is picked up on the next load.
  const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
  const type = CONTENT_TYPES[extname(file).toLowerCase()]!;
  const headers: Record<string, string | number> = {
    etag,
    'last-modified': info.mtime.toUTCString(),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  if (type.startsWith('text/html')) {
    headers['content-security-policy'] = contentSecurityPolicy(runtime.config.avatarPublicBaseUrl);
    headers['x-frame-options'] = 'DENY';
  }
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': type, 'content-length': info.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(real), res);
}

/** Every GET or HEAD no other route owns; listed last. Labelled `other` in the metrics, as it always was. */
export const webRoute: HttpRoute = { name: 'other', owns: () => true, methods: ['GET', 'HEAD'], handle: serveWeb };
