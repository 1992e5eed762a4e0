// GET/HEAD /exports/<id>?expires=<ms>&sig=<hmac>: a data export's zip. The signed link is the whole credential (a
// browser download sends no bearer token), so it is checked in constant time, expires, and names one export only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors.js';
import { sendText } from '../../http/responses.js';
import type { HttpRoute } from '../../http/routes.js';
import type { Runtime } from '../../runtime.js';
import { openExport, verifyExportLink } from './exports.js';

const ROUTE = /^\/exports\/([0-9a-f]{32})$/;

export async function serveExport(runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const match = ROUTE.exec(url.pathname);
  if (!match) return sendText(res, 404, 'Not found');
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
  const id = match[1]!;
  const expires = url.searchParams.get('expires');
  // Forged, altered and expired links get the same answer, and so does a link to an export that is gone.
  if (!verifyExportLink(runtime.config, id, expires, url.searchParams.get('sig'))) return sendText(res, 403, 'This link is not valid or has expired');
  let opened;
  try {
    opened = await openExport(runtime, id);
  } catch (error) {
    if (error instanceof AppError) return sendText(res, 404, 'Not found');
    throw error;
  }
  const { row, object } = opened;
  // A link is for one version of the export: the expiry it was signed with must be the row's.
  if (row.expiresAt!.getTime() !== Number(expires)) {
    object.body.destroy();
    return sendText(res, 403, 'This link is not valid or has expired');
  }
  res.writeHead(200, {
    'content-type': 'application/zip',
    'content-length': object.size,
    'content-disposition': `attachment; filename="my-data-${row.createdAt.toISOString().slice(0, 10)}.zip"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  if (req.method === 'HEAD') {
    object.body.destroy();
    res.end();
    return;
  }
  await pipeline(object.body, res);
}

export const exportsRoute: HttpRoute = {
  name: 'exports',
  owns: (path) => path === '/exports' || path.startsWith('/exports/'),
  handle: serveExport,
};
