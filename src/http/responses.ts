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

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** If-None-Match uses the weak comparison: W/"x" and "x" match. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(etag));
}

/**
 * Runs a route's `respond` so that nothing it does can escape as an unhandled rejection (which would end the
 * process): a failure, thrown or rejected, before anything was sent is logged and answered with a 500; one after
 * (most likely the client went away while a file was streaming) ends the response. `what` names the thing served
 * in the log line. A `respond` that returns no promise costs no promise.
 */
export function respondSafely(runtime: Pick<Runtime, 'log'>, res: ServerResponse, what: string, respond: () => unknown): void {
  const fail = (error: unknown) => {
    if (res.headersSent) {
      runtime.log.debug({ err: error }, `Response interrupted while serving ${what}`);
      res.destroy();
      return;
    }
    runtime.log.error({ err: error }, `Serving ${what} failed`);
    try {
      sendText(res, 500, 'Internal server error');
    } catch {
      res.destroy(); // the connection is already gone
    }
  };
  try {
    const outcome = respond();
    // Yoga's listener may hand back a promise-like that is not a Promise.
    if (isPromiseLike(outcome)) outcome.then(undefined, fail);
  } catch (error) {
    fail(error);
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
