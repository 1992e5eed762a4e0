// The `me` work every baseline server does, written once so the peers differ only in the server around it: the
// bearer token verified with jose (same algorithm, issuer, audience and required claims as
// src/modules/auth/tokens.ts, the key imported once as the service does), the session and its user read in one
// mysql2 prepared statement on a pool of the service's size, checked the same way, and the same four fields.
//
// SESSION_CACHE_MS > 0 gives a baseline the equivalent of the service's two shortcuts, so that it can be compared
// with the service on default settings: each token verified once (then only its expiry is checked, at most
// 20,000 remembered), and a good session remembered for SESSION_CACHE_MS (its user id and expiry checked on every
// use, refusals always read afresh). Unlike the service's cache, nothing invalidates it early: no event bus, a
// bound on staleness only, which makes it cheaper than the service's. 0 (the default): full work on every request.
import { jwtVerify } from 'jose';
import mysql, { type RowDataPacket } from 'mysql2/promise';

export const baselineHost = { port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' };

// Imported once as a CryptoKey, as the service does (given raw bytes, jose would import them for every token).
const secret = await crypto.subtle.importKey('raw', new TextEncoder().encode(process.env.JWT_SECRET!), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
export const pool = mysql.createPool({ uri: process.env.DATABASE_URL!, connectionLimit: 10, timezone: 'Z', charset: 'UTF8MB4_BIN', supportBigNumbers: true, enableKeepAlive: true });

const SQL = `SELECT s.id AS session_id, s.revoked_at, s.expires_at, u.id, u.username, u.email, u.phone, u.is_active, u.deleted_at
  FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.jti = ? AND s.user_id = ? LIMIT 1`;

const cacheMs = Number(process.env.SESSION_CACHE_MS ?? 0);
/** What the baselines were started with, for their start-up line. */
export const cachesDescription = cacheMs > 0 ? `tokens verified once, sessions cached ${cacheMs} ms` : 'no caches';

export interface Me {
  id: string;
  username: string;
  email: string | null;
  phone: string | null;
}

/** A refusal, which each server turns into its own UNAUTHENTICATED error. */
export class Unauthenticated extends Error {}

interface Claims {
  userId: number;
  sessionId: string;
  exp: number;
}
const verified = new Map<string, Claims>();
const sessions = new Map<string, { row: RowDataPacket; until: number }>();

async function verify(token: string): Promise<Claims> {
  const known = cacheMs > 0 ? verified.get(token) : undefined;
  if (known) {
    if (known.exp > Math.floor(Date.now() / 1000)) return known;
    verified.delete(token);
    throw new Unauthenticated('Invalid token');
  }
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: 'realtime-membership',
      audience: 'realtime-membership',
      requiredClaims: ['sub', 'sid', 'jti', 'exp'],
    });
    const claims = { userId: Number(payload.sub), sessionId: String(payload.sid), exp: payload.exp! };
    if (cacheMs > 0) {
      verified.set(token, claims);
      if (verified.size > 20_000) verified.delete(verified.keys().next().value!);
    }
    return claims;
  } catch {
    throw new Unauthenticated('Invalid token');
  }
}

async function sessionRow({ sessionId, userId }: Claims): Promise<RowDataPacket | undefined> {
  const now = Date.now();
  const cached = cacheMs > 0 ? sessions.get(sessionId) : undefined;
  if (cached && cached.until > now && cached.row.id === userId) return cached.row;
  const [rows] = await pool.execute<RowDataPacket[]>(SQL, [sessionId, userId]);
  const row = rows[0];
  if (!row || row.revoked_at || row.expires_at.getTime() <= now || !row.is_active || row.deleted_at) return undefined;
  if (cacheMs > 0) sessions.set(sessionId, { row, until: now + cacheMs });
  return row;
}

/** The caller of an `Authorization` header value, or Unauthenticated. */
export async function me(authorization: string | undefined): Promise<Me> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw new Unauthenticated('No token');
  const claims = await verify(match[1]!);
  const row = await sessionRow(claims);
  // A cached session's own end is checked on every use, as a read would.
  if (!row || row.expires_at.getTime() <= Date.now()) throw new Unauthenticated('Invalid session');
  return { id: String(row.id), username: row.username, email: row.email, phone: row.phone };
}

/** The `me` schema the GraphQL peers serve: the service's User type, cut to the fields the benchmark reads. */
export const ME_SCHEMA = `
  type User { id: ID! username: String! email: String phone: String }
  type Query { me: User! }
`;

/** Prints the line the harness waits for and closes `close` and the pool on SIGTERM / SIGINT. */
export function announce(url: string, close: () => Promise<unknown>): void {
  console.log(`Listening on ${url.replace('localhost', '127.0.0.1')} (${cachesDescription})`);
  const stop = () => void close().then(() => pool.end()).then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
