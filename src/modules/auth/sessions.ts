// One row per sign-in. A token is only as good as its session: revoked, expired or belonging to a disabled or
// deleted user means it no longer works, whatever its signature says.
import { randomUUID } from 'node:crypto';
import { and, eq, getTableName, gt, inArray, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { RowDataPacket } from 'mysql2/promise';
import type { Db, DbOrTx } from '../../db/client.js';
import { rowMapper, selectAll } from '../../db/raw-rows.js';
import type { Announcements, SessionsRevokedEvent } from '../../events.js';
import { recordConsequences } from '../audit/permission-history.js';
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

/** A new refresh token of `sessionId`: the row to store (its hash only) and what the client is given. */
function newRefreshTokenRow(sessionId: number | SQL, ttlSeconds: number) {
  const { token, hash } = newRefreshToken();
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  return { row: { sessionId, tokenHash: hash, expiresAt }, issued: { token, expiresAt } };
}

/** Stores a new refresh token for the session (the only place the token exists in clear is the answer). */
export async function issueRefreshToken(db: DbOrTx, sessionId: number, ttlSeconds: number): Promise<IssuedRefreshToken> {
  const { row, issued } = newRefreshTokenRow(sessionId, ttlSeconds);
  await db.insert(refreshTokens).values(row);
  return issued;
}

/** The longest an impersonation session lives, refreshes included (see refreshSession). */
export const IMPERSONATION_TTL_SECONDS = 3600;

/**
 * Seconds a session may still live from `now`, refreshes included: an impersonation an hour from its start, an
 * enrollment-only session (MFA_REQUIRED_ROLES) REAUTH_MAX_AGE from its start (its one use, adding a first second factor,
 * needs a proof that recent: after that, sign in again), any other JWT_EXPIRES_IN from now.
 */
export function sessionLifeLeft(
  session: { impersonatorId: number | null; enrollmentOnly: boolean; createdAt: Date },
  limits: { sessionTtlSeconds: number; reauthMaxAgeSeconds: number },
  now = Date.now(),
): number {
  const cap = session.impersonatorId !== null ? IMPERSONATION_TTL_SECONDS : session.enrollmentOnly ? limits.reauthMaxAgeSeconds : undefined;
  if (cap === undefined) return limits.sessionTtlSeconds;
  return Math.min(limits.sessionTtlSeconds, (session.createdAt.getTime() + cap * 1000 - now) / 1000);
}

/** A session just opened: its row's keys and its first refresh token. */
interface NewSession {
  session: Pick<SessionRow, 'id' | 'jti' | 'expiresAt'>;
  refresh: IssuedRefreshToken;
}

interface NewSessionOptions {
  impersonatorId?: number;
  enrollmentOnly?: boolean;
  /** Factors the sign-in proved (sessions.assurance): 0 for an impersonation. */
  assurance: number;
}

/** The row of a new session (what createSession and openSession insert). */
function newSessionRow(userId: number, client: ClientInfo, ttlSeconds: number, options: NewSessionOptions) {
  const jti = randomUUID();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  return {
    jti,
    userId,
    impersonatorId: options.impersonatorId ?? null,
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 512) ?? null,
    lastUsedAt: now,
    enrollmentOnly: options.enrollmentOnly ?? false,
    assurance: options.assurance,
    // Every session begins with a proof (a password, a code, a passkey, a new account's own password); an
    // impersonation's proves nothing about the user, so it never passes a step-up check.
    provedAt: options.assurance > 0 ? now : null,
  };
}

/**
 * A new session: its row and its first refresh token, together (in the caller's transaction). Only sign-in flows
 * (flows.ts) open sessions; see test/security-flows.test.ts.
 */
export async function createSession(db: DbOrTx, userId: number, client: ClientInfo, ttlSeconds: number, options: NewSessionOptions): Promise<NewSession> {
  const row = newSessionRow(userId, client, ttlSeconds, options);
  const [result] = await db.insert(sessions).values(row);
  const refresh = await issueRefreshToken(db, result.insertId, ttlSeconds);
  return { session: { id: result.insertId, jti: row.jti, expiresAt: row.expiresAt }, refresh };
}

/**
 * createSession's two rows in one round trip instead of four (BEGIN, two INSERTs, COMMIT): one MariaDB compound
 * statement runs the same transaction, and its handler rolls it back and re-raises the error if either INSERT fails,
 * so the rows exist together or not at all, as in createSession. The INSERTs are Drizzle's own (`toSQL`), their
 * values sent as every other query's are. For a sign-in, the hot path; createSession is for callers with a
 * transaction of their own.
 */
export async function openSession(db: Db, userId: number, client: ClientInfo, ttlSeconds: number, options: NewSessionOptions): Promise<NewSession> {
  const row = newSessionRow(userId, client, ttlSeconds, options);
  const token = newRefreshTokenRow(sql.raw('new_session_id'), ttlSeconds);
  const session = db.insert(sessions).values(row).toSQL();
  const refresh = db.insert(refreshTokens).values(token.row).toSQL();
  const [results] = await db.$client.query<RowDataPacket[][]>(
    'BEGIN NOT ATOMIC DECLARE new_session_id BIGINT; DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END; ' +
      `START TRANSACTION; ${session.sql}; SET new_session_id = LAST_INSERT_ID(); ${refresh.sql}; COMMIT; SELECT new_session_id AS id; END`,
    [...session.params, ...refresh.params],
  );
  const id = Number(results[0]![0]!.id);
  return { session: { id, jti: row.jti, expiresAt: row.expiresAt }, refresh: token.issued };
}

export type SessionCheck =
  | { ok: true; session: SessionRow; user: UserRow }
  | { ok: false; reason: 'SESSION_NOT_FOUND' | 'SESSION_REVOKED' | 'SESSION_EXPIRED' | 'ACCOUNT_DISABLED' };

/**
 * The session and its user by the token's claims, as a statement prepared on the server (mysql2's `execute`,
 * cached per connection). With the session cache off this runs on
 * every request: Drizzle's own path (a text query with a typeCast callback mysql2 calls for each of the ~30
 * columns, then every value mapped again) cost 139 µs of CPU per call against 37 µs for this one.
 */
const SESSION_SQL =
  `SELECT ${[...selectAll(sessions, 's'), ...selectAll(users, 'u')].join(', ')} FROM \`${getTableName(sessions)}\` s ` +
    `INNER JOIN \`${getTableName(users)}\` u ON u.\`id\` = s.\`user_id\` WHERE s.\`jti\` = ? AND s.\`user_id\` = ? LIMIT 1`;
const sessionOf = rowMapper(sessions, 's');
const userOf = rowMapper(users, 'u');

/** Looks up the session of a verified token (by its public id) together with its user, in one query. */
export async function checkSession(db: Db, jti: string, userId: number): Promise<SessionCheck> {
  const [rows] = await db.$client.execute<RowDataPacket[]>(SESSION_SQL, [jti, userId]);
  const raw = rows[0];
  if (!raw) return { ok: false, reason: 'SESSION_NOT_FOUND' };
  const row = { session: sessionOf(raw), user: userOf(raw) };
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

/**
 * Ends the live impersonations `impersonatorId` started, in the caller's transaction, on the record (consequences of
 * the act the request recorded, if any) and announced once it commits: they act on the impersonator's authority,
 * so signing the impersonator out everywhere ends them too.
 */
export async function endImpersonationsBy(db: DbOrTx, announce: Announcements, impersonatorId: number, reason: string): Promise<void> {
  const acting = await db
    .select({ id: sessions.id, userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.impersonatorId, impersonatorId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())));
  for (const session of acting) {
    const ended = { userId: session.userId, sessionIds: [session.id], reason };
    await revokeSessions(db, ended);
    await recordConsequences(db, [{ actorId: null, action: 'IMPERSONATION_STOPPED', targetUserId: session.userId, before: { sessionId: session.id, impersonatorId, why: reason }, after: null }], {
      impersonatorId: null,
    });
    announce.sessionsRevoked(ended);
  }
}

/**
 * Signs a user out everywhere (but `exceptSessionIds`), in the caller's transaction: their sessions, and the
 * impersonations they started (a password reset, "sign out everywhere", an account erased must end those too).
 * Every revocation is announced once the transaction commits. Returns how many of the user's own sessions ended.
 */
export async function signOutEverywhere(db: DbOrTx, announce: Announcements, revocation: Omit<RevokeOptions, 'sessionIds'>): Promise<number> {
  const revoked = await revokeSessions(db, revocation);
  announce.sessionsRevoked(revocation);
  await endImpersonationsBy(db, announce, revocation.userId, revocation.reason);
  return revoked;
}
