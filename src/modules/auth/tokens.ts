// Access tokens: short-lived HS256 JWTs naming the user (`sub`) and the session they belong to (`sid`); each has
// its own `jti`. Refresh tokens: opaque random strings, stored only as SHA-256 hashes.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Config } from '../../config.js';
import { unauthenticated } from '../../errors.js';

export interface AccessClaims {
  userId: number;
  /** The session's public id (sessions.jti). */
  sessionId: string;
}

/**
 * The secret as a WebCrypto key, imported once: given the raw bytes, jose imports them again for every token,
 * which cost about as much as checking the signature itself.
 */
const keys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
function hmacKey(secret: Uint8Array): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = crypto.subtle.importKey('raw', secret as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])));
  return key;
}

/**
 * Tokens whose signature and claims were already checked, by secret. The same bytes under the same key always
 * verify the same way, so a token is verified once; only its expiry, which depends on the time, is checked on
 * every use. Bounded: the oldest are forgotten first (and then simply verified again).
 */
const VERIFIED_MAX = 20_000;
const verifiedBySecret = new WeakMap<Uint8Array, Map<string, { claims: AccessClaims; exp: number }>>();

function tokenExpired(): never {
  throw unauthenticated('Your access token has expired; refresh it or sign in again', 'TOKEN_EXPIRED');
}

export async function signAccessToken(config: Config, claims: AccessClaims & { expiresAt: Date }): Promise<string> {
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setJti(randomUUID())
    .setIssuer(config.jwt.issuer)
    .setAudience(config.jwt.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
    .sign(await hmacKey(config.jwt.secret));
}

/** The claims of a token verified before and not expired since, without waiting; undefined otherwise. */
export function knownAccessToken(config: Config, token: string): AccessClaims | undefined {
  const known = verifiedBySecret.get(config.jwt.secret)?.get(token);
  return known && known.exp > Math.floor(Date.now() / 1000) ? known.claims : undefined;
}

/** Verifies signature, algorithm, issuer, audience and lifetime; any failure is UNAUTHENTICATED. */
export async function verifyAccessToken(config: Config, token: string): Promise<AccessClaims> {
  let verified = verifiedBySecret.get(config.jwt.secret);
  if (!verified) verifiedBySecret.set(config.jwt.secret, (verified = new Map()));
  const known = verified.get(token);
  if (known) {
    // jose's rule: expired once `exp` is not after the current second.
    if (known.exp > Math.floor(Date.now() / 1000)) return known.claims;
    verified.delete(token);
    tokenExpired();
  }
  try {
    const { payload } = await jwtVerify(token, await hmacKey(config.jwt.secret), {
      algorithms: ['HS256'],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      requiredClaims: ['sub', 'sid', 'jti', 'exp'],
    });
    const userId = Number(payload.sub);
    if (!Number.isSafeInteger(userId) || userId <= 0 || typeof payload.sid !== 'string') {
      throw unauthenticated('Invalid token', 'INVALID_TOKEN');
    }
    const claims = { userId, sessionId: payload.sid };
    verified.set(token, { claims, exp: payload.exp! });
    if (verified.size > VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    return claims;
  } catch (error) {
    if (error instanceof errors.JWTExpired) tokenExpired();
    if (error instanceof errors.JOSEError) throw unauthenticated('Invalid token', 'INVALID_TOKEN');
    throw error;
  }
}

/** The token of an `Authorization: Bearer …` value, or undefined when there is none. */
export function bearerToken(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
