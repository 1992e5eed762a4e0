// Access tokens: HS256 JWTs carrying the user id (`sub`) and the session they belong to (`jti`).
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Config } from '../../config.js';
import { unauthenticated } from '../../errors.js';

export interface AccessClaims {
  userId: number;
  jti: string;
}

export async function signAccessToken(config: Config, claims: AccessClaims & { expiresAt: Date }): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setJti(claims.jti)
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
      requiredClaims: ['sub', 'jti', 'exp'],
    });
    const userId = Number(payload.sub);
    if (!Number.isSafeInteger(userId) || userId <= 0 || typeof payload.jti !== 'string') {
      throw unauthenticated('Invalid token', 'INVALID_TOKEN');
    }
    return { userId, jti: payload.jti };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthenticated('Your session has expired; sign in again', 'TOKEN_EXPIRED');
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
