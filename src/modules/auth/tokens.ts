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

export async function signAccessToken(config: Config, claims: AccessClaims & { expiresAt: Date }): Promise<string> {
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setJti(randomUUID())
    .setIssuer(config.jwt.issuer)
    .setAudience(config.jwt.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
    .sign(config.jwt.secret);
}

/** Verifies signature, algorithm, issuer, audience and lifetime; any failure is UNAUTHENTICATED. */
export async function verifyAccessToken(config: Config, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, config.jwt.secret, {
      algorithms: ['HS256'],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      requiredClaims: ['sub', 'sid', 'jti', 'exp'],
    });
    const userId = Number(payload.sub);
    if (!Number.isSafeInteger(userId) || userId <= 0 || typeof payload.sid !== 'string') {
      throw unauthenticated('Invalid token', 'INVALID_TOKEN');
    }
    return { userId, sessionId: payload.sid };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthenticated('Your access token has expired; refresh it or sign in again', 'TOKEN_EXPIRED');
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
