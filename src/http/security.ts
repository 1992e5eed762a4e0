// Response headers every HTTP answer carries, and who may call the API from a browser (CORS).
import type { ServerResponse } from 'node:http';
import type { Config } from '../config.js';

/** Headers for every response: no MIME sniffing, no framing, no referrer leaking tokens in URLs. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  // Everything but pages is data: it may run nothing and load nothing. Pages set their own policy.
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
}

/**
 * Browsers may call the API from the origins in CORS_ORIGINS only (by default none but the service's own).
 * Tokens travel in the Authorization header, never cookies, so credentials are not allowed cross-origin.
 */
export function corsOptions(config: Config) {
  const allowed = config.http.corsOrigins;
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || allowed.length === 0) return false as const;
    if (!allowed.includes('*') && !allowed.includes(origin)) return false as const;
    return {
      origin: allowed.includes('*') ? '*' : origin,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'graphql-preflight', 'x-request-id'],
      exposedHeaders: ['x-request-id'],
      credentials: false,
      maxAge: 600,
    };
  };
}
