// One row per sign-in. A token is only as good as its session: revoked, expired or belonging to a disabled or
// deleted user means it no longer works, whatever its signature says.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import type { SessionsRevokedEvent } from '../../events.js';
import { refreshTokens, sessions, users, type SessionRow, type UserRow } from '../../db/schema.js';
import { newRefreshToken } from './tokens.js';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** How often last_used_at is refreshed: often enough to be useful, rarely enough not to write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

/** Stores a new refresh token for the session (the only place the token exists in clear is the answer). */
export async function issueRefreshToken(db: DbOrTx, sessionId: number, ttlSeconds: number): Promise<IssuedRefreshToken> {
  const { token, hash } = newRefreshToken();
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  await db.insert(refreshTokens).values({ sessionId, tokenHash: hash, expiresAt });
  return { token, expiresAt };
}

/** A new sign-in: the session row and its first refresh token, together. */
export async function createSession(
  db: DbOrTx,
  userId: number,
  client: ClientInfo,
  ttlSeconds: number,
): Promise<{ session: Pick<SessionRow, 'id' | 'jti' | 'expiresAt'>; refresh: IssuedRefreshToken }> {
  const jti = randomUUID();
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const [result] = await db.insert(sessions).values({
    jti,
    userId,
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 512) ?? null,
    lastUsedAt: new Date(),
  });
  const refresh = await issueRefreshToken(db, result.insertId, ttlSeconds);
  return { session: { id: result.insertId, jti, expiresAt }, refresh };
}

export type SessionCheck =
  | { ok: true; session: SessionRow; user: UserRow }
  | { ok: false; reason: 'SESSION_NOT_FOUND' | 'SESSION_REVOKED' | 'SESSION_EXPIRED' | 'ACCOUNT_DISABLED' };

/** The session and its user by the token's claims, built once per database handle. */
const sessionQuery = preparedPerDb((db: DbOrTx) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.jti, sql.placeholder('jti')), eq(sessions.userId, sql.placeholder('userId'))))
    .limit(1)
    .prepare(),
);

/** Looks up the session of a verified token (by its public id) together with its user, in one query. */
export async function checkSession(db: DbOrTx, jti: string, userId: number): Promise<SessionCheck> {
  const [row] = await sessionQuery(db).execute({ jti, userId });
  if (!row) return { ok: false, reason: 'SESSION_NOT_FOUND' };
  if (row.session.revokedAt) return { ok: false, reason: 'SESSION_REVOKED' };
  if (row.session.expiresAt.getTime() <= Date.now()) return { ok: false, reason: 'SESSION_EXPIRED' };
  if (!row.user.isActive || row.user.deletedAt) return { ok: false, reason: 'ACCOUNT_DISABLED' };
  return { ok: true, session: row.session, user: row.user };
}

export async function touchSession(db: DbOrTx, session: SessionRow): Promise<void> {
  if (session.lastUsedAt && Date.now() - session.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  // Noted on the row object too: the session cache shares it between requests, which then need not write again.
  session.lastUsedAt = new Date();
  await db.update(sessions).set({ lastUsedAt: session.lastUsedAt }).where(eq(sessions.id, session.id));
}

export type RevokeOptions = SessionsRevokedEvent;

/**
 * Marks sessions revoked. Call it inside writeThenAnnounce (changes.ts) and announce the revocation there, so it is
 * published once the transaction has committed and nothing acts on a revocation that was rolled back.
 */
export async function revokeSessions(db: DbOrTx, options: RevokeOptions): Promise<number> {
  const conditions: SQL[] = [eq(sessions.userId, options.userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())];
  if (options.sessionIds) {
    if (options.sessionIds.length === 0) return 0;
    conditions.push(inArray(sessions.id, options.sessionIds));
  }
  if (options.exceptSessionIds?.length) conditions.push(notInArray(sessions.id, options.exceptSessionIds));
  const [result] = await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: options.reason })
    .where(and(...conditions));
  return result.affectedRows;
}
