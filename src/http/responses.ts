// Small answers for the plain HTTP routes (avatars, the web client's files): text, conditional GETs, and the guard
// that turns a failure into a logged 500.
import type { ServerResponse } from 'node:http';
import type { Runtime } from '../runtime.js';

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** If-None-Match uses the weak comparison: W/"x" and "x" match. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(etag));
}

/**
 * Runs a route's `respond` and never rejects: a failure before anything was sent is logged and answered with a
 * 500; one after (most likely the client went away while a file was streaming) ends the response. `what` names
 * the thing served in the log line.
 */
export async function respondSafely(runtime: Runtime, res: ServerResponse, what: string, respond: () => Promise<void>): Promise<void> {
  try {
    await respond();
  } catch (error) {
    if (res.headersSent) {
      runtime.log.debug({ err: error }, `Response interrupted while serving ${what}`);
      res.destroy();
      return;
    }
    runtime.log.error({ err: error }, `Serving ${what} failed`);
    sendText(res, 500, 'Internal server error');
  }
}
