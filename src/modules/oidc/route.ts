// GET /auth/oidc/<name>/start (?redirect=<allowed app URL>) sends the browser to the provider; GET
// /auth/oidc/<name>/callback is where the provider sends it back. Both end in a redirect: to the provider, or to the
// app with `#oidc_code=`, `#oidc_linked=` or `#oidc_error=` (a fragment: never sent to a server or in a Referer).
// A link ticket (startOidcLink) is redeemed only by a POST /auth/oidc/<name>/start?ticket=… from this service's own
// pages (fetch, same origin), which sets the flow's cookie and answers `{"location": …}` for the page to go to: the
// flow belongs to the browser that asked for it, and a ticket URL opened in another browser, or posted from another
// site, links nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../errors.js';
import { clientIp } from '../../graphql/context.js';
import { sendText } from '../../http/responses.js';
import type { HttpRoute } from '../../http/routes.js';
import type { Runtime } from '../../runtime.js';
import { allowedReturnUrl, defaultReturnUrl, FLOW_COOKIE, finishCallback, findProvider, redeemLinkTicket, startSignIn, type StartedFlow } from './service.js';

const ROUTE = /^\/auth\/oidc\/([a-z][a-z0-9]{0,31})\/(start|callback)$/;

/** Sends the browser to `location`: a redirect, or for a page's own POST, the place to go as JSON. */
function redirect(res: ServerResponse, location: string, cookie?: string, asJson = false): void {
  const headers = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', ...(cookie ? { 'set-cookie': cookie } : {}) };
  if (!asJson) {
    res.writeHead(302, { location, ...headers });
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ location }));
}

/** The flow's binding cookie: only this route reads it, only over the top-level navigations of the flow (Lax). */
function flowCookie(runtime: Runtime, value: string, maxAgeSeconds: number): string {
  const secure = runtime.config.publicUrl.startsWith('https:') ? '; Secure' : '';
  return `${FLOW_COOKIE}=${value}; Path=/auth/oidc/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

const withError = (url: string, code: string) => `${url.split('#')[0]}#${new URLSearchParams({ oidc_error: code })}`;

/** A POST from a page of PUBLIC_URL's origin, as browsers say (Origin, and Sec-Fetch-Site where they send it). */
function fromOwnPage(runtime: Runtime, req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return req.headers.origin === new URL(runtime.config.publicUrl).origin && (site === undefined || site === 'same-origin');
}

async function start(runtime: Runtime, provider: string, query: URLSearchParams, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const ticket = query.get('ticket');
  if ((req.method === 'POST') !== (ticket !== null) || (ticket !== null && !fromOwnPage(runtime, req))) {
    // A ticket only from this service's own pages, and a POST only with one.
    return sendText(res, 400, 'Start linking from your profile page on this service.\nเริ่มการเชื่อมโยงจากหน้าโปรไฟล์ของคุณบนบริการนี้');
  }
  const requested = query.get('redirect');
  let returnUrl: string;
  try {
    returnUrl = ticket !== null ? defaultReturnUrl(runtime) : allowedReturnUrl(runtime, requested);
  } catch {
    // Not an app we may send people to: say so here rather than redirect anywhere.
    return sendText(res, 400, 'This return address is not allowed.\nที่อยู่สำหรับกลับนี้ไม่ได้รับอนุญาต');
  }
  let started: StartedFlow;
  try {
    started = ticket !== null ? await redeemLinkTicket(runtime, provider, ticket) : await startSignIn(runtime, provider, requested);
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith('OIDC_')) return redirect(res, withError(returnUrl, error.code), undefined, ticket !== null);
    throw error;
  }
  redirect(res, started.authorizationUrl, flowCookie(runtime, started.state, Math.round(runtime.config.oidc.flowTtlMs / 1000)), ticket !== null);
}

async function callback(runtime: Runtime, provider: string, query: URLSearchParams, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const client = {
    ip: clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], runtime.config.trustProxy),
    userAgent: req.headers['user-agent'] ?? null,
  };
  const outcome = await finishCallback(runtime, provider, query, readCookie(req, FLOW_COOKIE), client);
  // A used-up flow's cookie goes; a forged callback (a link someone else made) must not end this browser's own flow.
  redirect(res, outcome.location, outcome.flowEnded ? flowCookie(runtime, '', 0) : undefined);
}

async function serveOidc(runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://internal');
  const match = ROUTE.exec(url.pathname);
  if (!match || !findProvider(runtime, match[1]!)) return sendText(res, 404, 'Not found');
  if (match[2] === 'start') return start(runtime, match[1]!, url.searchParams, req, res);
  if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed');
  return callback(runtime, match[1]!, url.searchParams, req, res);
}

export const oidcRoute: HttpRoute = {
  name: 'oidc',
  owns: (path) => path.startsWith('/auth/oidc/'),
  methods: ['GET', 'POST'],
  handle: serveOidc,
};
