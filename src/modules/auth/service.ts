// Registration, sign-in by password, sign-out, password changes and the session's refresh. Each way in proves
// its first factor through `attempt` (attempts.ts) and hands the account to `signIn` (flows.ts).
import { and, desc, eq, getTableName, gt, isNull } from 'drizzle-orm';
import type { RowDataPacket } from 'mysql2/promise';
import { rowMapper, selectAll } from '../../db/raw-rows.js';
import { enqueueEmailVerification } from '../recovery/verification.js';
import { assertTermsAcceptedAtRegistration, recordConsent } from '../privacy/consent.js';
import { refreshTokens, sessions, users, userStatus, type UserRow } from '../../db/schema.js';
import { AppError, badInput, notFound } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import { assertPlainText, validateAll } from '../../validation.js';
import { DEFAULT_ROLE } from '../roles/catalog.js';
import { roleIdByName } from '../roles/service.js';
import { classifyIdentifier, normalizeEmail, normalizePhone, normalizeUsername, type Identifier } from '../users/identity.js';
import { assertIdentityAvailable, findUserById, isConflictOn, rethrowIdentityConflict } from '../users/queries.js';
import { enforceRateLimits, ipKey } from '../../rate-limit.js';
import { attempt } from './attempts.js';
import { accessTokenFor, signIn, type AuthResult, type SignInResult } from './flows.js';
import { checkPassword } from './password-factor.js';
import { checkPasswordPolicy, hashPassword, PASSWORD_MAX_LENGTH } from './passwords.js';
import { assertStrongPassword } from './password-strength.js';
import { markProved } from './step-up.js';
import { writeThenAnnounce } from '../../changes.js';
import { issueRefreshToken, revokeSessions, sessionLifeLeft, signOutEverywhere, type ClientInfo } from './sessions.js';
import { hashRefreshToken } from './tokens.js';
import type { Viewer } from './viewer.js';

export type { AuthResult, SignInResult };

/** How registration ends: a session, or (REQUIRE_VERIFIED_EMAIL) the address that must be verified first. */
export type RegisterResult = SignInResult | { kind: 'verify_email'; email: string };

export interface RegisterInput {
  username: string;
  email: string;
  phone: string;
  password: string;
  acceptTerms?: boolean | null;
}

export async function registerUser(runtime: Runtime, input: RegisterInput, client: ClientInfo): Promise<RegisterResult> {
  const values = validateAll({
    username: () => normalizeUsername(input.username),
    email: () => normalizeEmail(input.email),
    phone: () => normalizePhone(input.phone, runtime.config.phoneDefaultRegion),
    password: () => checkPasswordPolicy(input.password),
    acceptTerms: () => assertTermsAcceptedAtRegistration(runtime.config.privacy.termsVersion, input.acceptTerms),
  });
  const { username, usernameKey, usernameSkeleton } = values.username;
  // No account yet, so no chosen language: DEFAULT_LOCALE (the web client shows its own text for the code).
  await assertStrongPassword(input.password, { username, email: values.email, phone: values.phone }, runtime.config.defaultLocale);
  const { rateLimits } = runtime.config;
  await enforceRateLimits(runtime.rateLimits, [
    { key: `register:ip:${ipKey(client)}`, limit: rateLimits.registerPerIp },
    { key: `identity:ip:${ipKey(client)}`, limit: rateLimits.identityChangesPerIp },
  ]);
  // The per-email limit counts only attempts that find the email taken. Counted on every attempt, it let anyone
  // block sign-up for a chosen (free) address for an hour; counted this way it caps probing of one address from
  // many IPs, and can never stand in the way of the address's owner, whose address is free until they register.
  await assertIdentityAvailable(runtime.db, { usernameKey, usernameSkeleton, email: values.email, phone: values.phone }).catch(async (error: unknown) => {
    if (isConflictOn(error, 'email')) await enforceRateLimits(runtime.rateLimits, [{ key: `register:email:${values.email}`, limit: rateLimits.registerPerEmail }]);
    throw error;
  });
  const passwordHash = await hashPassword(input.password, runtime.config.argon2);
  const roleId = await roleIdByName(runtime.db, DEFAULT_ROLE);

  const userId = await runtime.db
    .transaction(async (tx) => {
      const [result] = await tx
        .insert(users)
        .values({ username, usernameKey, usernameSkeleton, email: values.email, phone: values.phone, passwordHash, passwordChangedAt: new Date(), roleId });
      await tx.insert(userStatus).values({ userId: result.insertId });
      const { termsVersion } = runtime.config.privacy;
      if (termsVersion) await recordConsent(tx, result.insertId, termsVersion, client);
      await enqueueEmailVerification(runtime, tx, { id: result.insertId, username, locale: null }, values.email);
      return result.insertId;
    })
    .catch(rethrowIdentityConflict);
  runtime.delivery.kick();
  const user = (await findUserById(runtime.db, userId))!;
  // The account exists either way; what it may not have is a session before its address is proven.
  if (runtime.config.recovery.requireVerifiedEmail) return { kind: 'verify_email', email: values.email };
  return signIn(runtime, user, client, 'registration');
}

/**
 * The account an identifier names, by column, as a statement prepared on the server (mysql2's `execute`, cached per
 * connection) and mapped as Drizzle maps a user row: every sign-in runs one, and Drizzle's text query had mysql2
 * call a typeCast callback for each of the ~20 columns, then mapped every value again (see checkSession in
 * sessions.ts, the same change).
 */
const accountSql = (column: string) =>
  `SELECT ${selectAll(users, 'u').join(', ')} FROM \`${getTableName(users)}\` u WHERE u.\`${column}\` = ? AND u.\`${users.deletedAt.name}\` IS NULL LIMIT 1`;
const ACCOUNT_BY: Record<Identifier['kind'], string> = { email: accountSql(users.email.name), phone: accountSql(users.phone.name), username: accountSql(users.usernameKey.name) };
const accountOf = rowMapper(users, 'u');

async function findAccount(runtime: Runtime, identifier: Identifier | undefined): Promise<UserRow | undefined> {
  if (!identifier) return undefined;
  const [rows] = await runtime.db.$client.execute<RowDataPacket[]>(ACCOUNT_BY[identifier.kind], [identifier.value]);
  return rows[0] ? accountOf(rows[0]) : undefined;
}

/**
 * Sign-in by password: input checks, then one `attempt` (rate limits per address and identifier, the lockout of the
 * account or of the identifier, counted before the password is compared; the login history), then the sign-in steps.
 * An unknown identifier takes as long as a wrong password and is locked the same way.
 */
export async function login(runtime: Runtime, input: { identifier: string; password: string }, client: ClientInfo): Promise<SignInResult> {
  const identifierText = input.identifier.trim();
  if (!identifierText) throw badInput('identifier', 'Enter your username, email or phone number');
  if (identifierText.length > 254) throw badInput('identifier', 'Username, email or phone number is too long');
  // Before anything is counted or recorded: NUL, ESC and their kind never reach login_history.
  assertPlainText(identifierText, 'identifier');
  if (!input.password) throw badInput('password', 'Enter your password');
  if (input.password.length > PASSWORD_MAX_LENGTH) throw badInput('password', `Password must be at most ${PASSWORD_MAX_LENGTH} characters long`);

  const identifier = classifyIdentifier(identifierText, runtime.config.phoneDefaultRegion);
  const identifierKey = identifier?.value ?? identifierText.toLowerCase();
  const { rateLimits } = runtime.config;
  const limits = [
    { key: `login:ip:${ipKey(client)}`, limit: rateLimits.loginPerIp },
    { key: `login:id:${identifierKey}`, limit: rateLimits.loginPerIdentifier },
  ];
  // Counted before the account is looked up, so a full limit costs no query.
  await enforceRateLimits(runtime.rateLimits, limits);
  const user = await findAccount(runtime, identifier);
  const outcome = await attempt(
    runtime,
    { user, identifier: identifierText, identifierKey, client, lockout: 'account', reasons: { success: null, failure: user ? 'WRONG_PASSWORD' : 'UNKNOWN_IDENTIFIER', locked: 'LOCKED_OUT' } },
    async () => {
      if (!(await checkPassword(runtime, user, input.password)) || !user) return false;
      // Only said to someone who knows the password.
      if (!user.isActive) return { refused: 'ACCOUNT_DISABLED', error: new AppError('UNAUTHENTICATED', 'This account is disabled', { reason: 'ACCOUNT_DISABLED' }) };
      return user;
    },
  );
  if (!outcome.ok) throw outcome.refusal.error ?? new AppError('UNAUTHENTICATED', 'Wrong username, email, phone number or password', { reason: 'INVALID_CREDENTIALS' });
  return signIn(runtime, outcome.value, client, 'password');
}

export async function logout(runtime: Runtime, viewer: Viewer): Promise<void> {
  const revocation = { userId: viewer.user.id, sessionIds: [viewer.session.id], reason: 'logout' };
  await writeThenAnnounce(
    runtime,
    async (db, announce) => {
      await revokeSessions(db, revocation);
      announce.sessionsRevoked(revocation);
    },
    { transaction: false },
  );
}

/**
 * The proof it needs is the `recentProof` scope's (schema.ts): the current password in the input (a wrong one counts
 * toward the lockout like a failed sign-in), or, for an account that has none yet (made through an OpenID provider),
 * a recent proof of the session. Every other session is signed out; the session's proof time moves to now, and
 * links, codes and sign-ins begun before the change stop working (users.password_changed_at).
 */
export async function changePassword(runtime: Runtime, viewer: Viewer, input: { newPassword: string }): Promise<{ revokedSessions: number }> {
  const user = (await findUserById(runtime.db, viewer.user.id))!;
  await assertStrongPassword(input.newPassword, user, user.locale ?? runtime.config.defaultLocale, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword, runtime.config.argon2);
  const revocation = { userId: viewer.user.id, exceptSessionIds: [viewer.session.id], reason: 'password_changed' };
  const revokedSessions = await writeThenAnnounce(runtime, async (tx, announce) => {
    const now = new Date();
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, viewer.user.id));
    await markProved(tx, viewer.session.id, now);
    announce.userChanged(viewer.user.id);
    return signOutEverywhere(tx, announce, revocation);
  });
  return { revokedSessions };
}

/** changePassword's checks of the new password that need no proof, so a typo costs no try against the lockout. */
export function checkNewPassword(input: { currentPassword: string; newPassword: string }): void {
  checkPasswordPolicy(input.newPassword, 'newPassword');
  if (input.newPassword === input.currentPassword) throw badInput('newPassword', 'New password must be different from the current one');
}

/**
 * Trades a refresh token for a new access token and a new refresh token (rotation). A refresh token that was
 * already used means a copy is in someone else's hands: the whole session is revoked, for both of them.
 */
export async function refreshSession(runtime: Runtime, refreshToken: string, client: ClientInfo): Promise<AuthResult> {
  if (!refreshToken || refreshToken.length > 128) throw badInput('refreshToken', 'Refresh token is missing or malformed');
  await enforceRateLimits(runtime.rateLimits, [{ key: `refresh:ip:${ipKey(client)}`, limit: runtime.config.rateLimits.refreshPerIp }]);
  const hash = hashRefreshToken(refreshToken);
  const outcome = await writeThenAnnounce(runtime, async (tx, announce) => {
    const [row] = await tx
      .select({ token: refreshTokens, session: sessions, user: users })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(refreshTokens.tokenHash, hash))
      .for('update');
    if (!row) return { failure: 'INVALID_REFRESH_TOKEN' as const };
    const { token, session, user } = row;
    if (session.revokedAt) return { failure: 'SESSION_REVOKED' as const };
    if (token.usedAt) {
      const revocation = { userId: user.id, sessionIds: [session.id], reason: 'refresh_token_reused' };
      await revokeSessions(tx, revocation);
      // Committed even though the refresh fails: sockets of the stolen session close too.
      announce.sessionsRevoked(revocation);
      return { failure: 'REFRESH_TOKEN_REUSED' as const };
    }
    if (token.expiresAt.getTime() <= Date.now() || session.expiresAt.getTime() <= Date.now()) return { failure: 'SESSION_EXPIRED' as const };
    if (!user.isActive || user.deletedAt) return { failure: 'ACCOUNT_DISABLED' as const };

    // An impersonation ends an hour after it began, an enrollment-only session REAUTH_MAX_AGE after, however often
    // either is refreshed.
    const ttlSeconds = sessionLifeLeft(session, { sessionTtlSeconds: runtime.config.jwt.sessionTtlSeconds, reauthMaxAgeSeconds: runtime.config.stepUp.reauthMaxAgeSeconds });
    if (ttlSeconds <= 0) return { failure: 'SESSION_EXPIRED' as const };
    const now = new Date();
    await tx.update(refreshTokens).set({ usedAt: now }).where(eq(refreshTokens.id, token.id));
    const next = await issueRefreshToken(tx, session.id, ttlSeconds);
    await tx.update(sessions).set({ expiresAt: next.expiresAt, lastUsedAt: now, ip: client.ip, userAgent: client.userAgent?.slice(0, 512) ?? null }).where(eq(sessions.id, session.id));
    return { failure: null, user, session: { jti: session.jti, expiresAt: next.expiresAt, enrollmentOnly: session.enrollmentOnly }, next };
  });
  if (outcome.failure !== null) {
    throw new AppError('UNAUTHENTICATED', REFRESH_FAILURES[outcome.failure], { reason: outcome.failure });
  }
  const access = await accessTokenFor(runtime, outcome.user.id, outcome.session);
  return { ...access, refreshToken: outcome.next.token, refreshTokenExpiresAt: outcome.next.expiresAt, user: outcome.user, mfaEnrollmentRequired: outcome.session.enrollmentOnly };
}

const REFRESH_FAILURES = {
  INVALID_REFRESH_TOKEN: 'This refresh token is not valid; sign in again',
  SESSION_REVOKED: 'This session has been signed out; sign in again',
  REFRESH_TOKEN_REUSED: 'This refresh token was already used, so the session has been signed out everywhere; sign in again',
  SESSION_EXPIRED: 'Your session has expired; sign in again',
  ACCOUNT_DISABLED: 'This account is disabled',
} as const;

/** The caller's live sessions, most recently used first. */
export async function listSessions(runtime: Runtime, userId: number) {
  return runtime.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastUsedAt), desc(sessions.id));
}

/** Signs out one of the caller's own sessions; NOT_FOUND for anyone else's (or an ended one). */
export async function revokeOwnSession(runtime: Runtime, userId: number, sessionId: number): Promise<void> {
  const revocation = { userId, sessionIds: [sessionId], reason: 'revoked_by_user' };
  await writeThenAnnounce(
    runtime,
    async (db, announce) => {
      if ((await revokeSessions(db, revocation)) === 0) throw notFound('Session');
      announce.sessionsRevoked(revocation);
    },
    { transaction: false },
  );
}

/** Signs out every session of the caller but the current one; returns how many. */
export async function revokeOtherSessions(runtime: Runtime, viewer: Viewer): Promise<number> {
  const revocation = { userId: viewer.user.id, exceptSessionIds: [viewer.session.id], reason: 'revoked_by_user' };
  return writeThenAnnounce(runtime, (tx, announce) => signOutEverywhere(tx, announce, revocation));
}
