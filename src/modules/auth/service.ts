// Registration, sign-in, sign-out and password changes.
import { and, desc, eq, getTableName, gt, isNull } from 'drizzle-orm';
import type { RowDataPacket } from 'mysql2/promise';
import { rowMapper, selectAll } from '../../db/raw-rows.js';
import { recordLoginAttempt, type LoginAttempt } from '../audit/login-history.js';
import { passSignInSteps, type SignInChallenge, type SignInProof } from './sign-in-steps.js';
import { enqueueEmailVerification } from '../recovery/verification.js';
import { assertTermsAcceptedAtRegistration, recordConsent } from '../privacy/consent.js';
import { loginLockouts, refreshTokens, sessions, users, userStatus, type UserRow } from '../../db/schema.js';
import { AppError, badInput, notFound } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import { assertPlainText, validateAll } from '../../validation.js';
import { DEFAULT_ROLE } from '../roles/catalog.js';
import { roleIdByName } from '../roles/service.js';
import { classifyIdentifier, normalizeEmail, normalizePhone, normalizeUsername, type Identifier } from '../users/identity.js';
import { assertIdentityAvailable, findUserById, isConflictOn, rethrowIdentityConflict } from '../users/queries.js';
import { enforceRateLimits, ipKey, rateLimited } from '../../rate-limit.js';
import { accountLockKey, clearLockout, identifierLockKey, lockoutRemainingMs, readLockout, recordFailure, type LockoutState } from './lockout.js';
import { checkPasswordPolicy, getDummyHash, hashPassword, PASSWORD_MAX_LENGTH, verifyPassword } from './passwords.js';
import { assertStrongPassword } from './password-strength.js';
import { markProved, rehashIfNeeded, verifyOwnPassword } from './step-up.js';
import { writeThenAnnounce } from '../../changes.js';
import { IMPERSONATION_TTL_SECONDS, openSession, issueRefreshToken, revokeSessions, type ClientInfo } from './sessions.js';
import { hashRefreshToken, signAccessToken } from './tokens.js';
import type { Viewer } from './viewer.js';

export interface AuthResult {
  /** The access JWT. */
  token: string;
  expiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserRow;
  /** The session may only enroll a second factor (MFA_REQUIRED_ROLES); see src/modules/mfa/. */
  mfaEnrollmentRequired: boolean;
}

/** How a sign-in ends: a session, or a second step to answer with `completeMfaSignIn`. */
export type SignInResult = ({ kind: 'session' } & AuthResult) | ({ kind: 'challenge' } & SignInChallenge);

/** How registration ends: a session, or (REQUIRE_VERIFIED_EMAIL) the address that must be verified first. */
export type RegisterResult = SignInResult | { kind: 'verify_email'; email: string };

export interface RegisterInput {
  username: string;
  email: string;
  phone: string;
  password: string;
  acceptTerms?: boolean | null;
}

export type LoginFailure = 'UNKNOWN_IDENTIFIER' | 'WRONG_PASSWORD' | 'ACCOUNT_DISABLED' | 'LOCKED_OUT';

/** An access token for the session, never outliving it. */
export async function accessTokenFor(runtime: Runtime, userId: number, session: { jti: string; expiresAt: Date }) {
  const expiresAt = new Date(Math.min(Date.now() + runtime.config.jwt.accessTtlSeconds * 1000, session.expiresAt.getTime()));
  return { token: await signAccessToken(runtime.config, { userId, sessionId: session.jti, expiresAt }), expiresAt };
}

/**
 * A new session for a user who has proven who they are (a password and the sign-in steps, registration, and
 * later OIDC or a passkey): the session row, its refresh token and an access token.
 */
export async function startSession(runtime: Runtime, user: UserRow, client: ClientInfo, options: { enrollmentOnly?: boolean } = {}): Promise<AuthResult> {
  const { session, refresh } = await openSession(runtime.db, user.id, client, runtime.config.jwt.sessionTtlSeconds, options);
  const access = await accessTokenFor(runtime, user.id, session);
  return { ...access, refreshToken: refresh.token, refreshTokenExpiresAt: refresh.expiresAt, user, mfaEnrollmentRequired: options.enrollmentOnly ?? false };
}

/**
 * The end of every way in (password, reset, sign-in code, later OIDC): the sign-in steps, then either a session or
 * the challenge a step asked for (a second factor). Refresh is not a way in: it continues a session.
 */
export async function finishSignIn(runtime: Runtime, user: UserRow, client: ClientInfo, proof: SignInProof): Promise<SignInResult> {
  const steps = await passSignInSteps(runtime, user, client, proof);
  if (steps.challenge) return { kind: 'challenge', ...steps.challenge };
  return { kind: 'session', ...(await startSession(runtime, user, client, { enrollmentOnly: steps.enrollmentOnly })) };
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
      const [result] = await tx.insert(users).values({ username, usernameKey, usernameSkeleton, email: values.email, phone: values.phone, passwordHash, roleId });
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
  if (runtime.config.recovery.requireVerifiedEmail) return { kind: 'verify_email', email: user.email };
  return finishSignIn(runtime, user, client, 'registration');
}

/**
 * The account an identifier names, with its lockout (a primary-key join: one row for both), by column, as a statement
 * prepared on the server (mysql2's `execute`, cached per connection) and mapped as Drizzle maps a user row: every
 * sign-in runs one, and Drizzle's text query had mysql2 call a typeCast callback for each of the ~20 columns, then
 * mapped every value again (see checkSession in sessions.ts, the same change).
 */
const accountSql = (column: string) =>
  `SELECT ${[...selectAll(users, 'u'), 'l.`failures` AS `l_failures`', 'l.`locked_until` AS `l_locked_until`'].join(', ')} ` +
  `FROM \`${getTableName(users)}\` u LEFT JOIN \`${getTableName(loginLockouts)}\` l ON l.\`lock_key\` = CONCAT('u:', u.\`id\`) ` +
  `WHERE u.\`${column}\` = ? AND u.\`${users.deletedAt.name}\` IS NULL LIMIT 1`;
const ACCOUNT_BY: Record<Identifier['kind'], string> = { email: accountSql(users.email.name), phone: accountSql(users.phone.name), username: accountSql(users.usernameKey.name) };
const accountOf = rowMapper(users, 'u');

/** The account an identifier names (if any) and the lockout that applies to this sign-in. */
async function findUserForLogin(runtime: Runtime, identifier: Identifier | undefined, identifierKey: string) {
  const [rows] = identifier ? await runtime.db.$client.execute<RowDataPacket[]>(ACCOUNT_BY[identifier.kind], [identifier.value]) : [[]];
  const found = rows[0];
  if (found) {
    const user = accountOf(found);
    // No row in login_lockouts: no failures (failures is NOT NULL, so a null means the join found nothing).
    const lockout: LockoutState | null = found.l_failures == null ? null : { failures: Number(found.l_failures), lockedUntil: (found.l_locked_until as Date | null) ?? null };
    return { user, lockKey: accountLockKey(user.id), lockout };
  }
  const lockKey = identifierLockKey(identifierKey);
  return { user: undefined, lockKey, lockout: (await readLockout(runtime.db, lockKey)) ?? null };
}

/**
 * Logs the attempt; a verified failure or a success after failures also moves the lockout, in the same
 * transaction, so the two never disagree. The usual success (no failures before) is one prepared insert.
 */
async function recordAttempt(runtime: Runtime, attempt: LoginAttempt, lockout?: { key: string; state: LockoutState | null }): Promise<void> {
  const counted = attempt.failure === 'WRONG_PASSWORD' || attempt.failure === 'UNKNOWN_IDENTIFIER';
  const reset = attempt.failure === null && (lockout?.state?.failures ?? 0) > 0;
  if (!lockout || (!counted && !reset)) {
    await recordLoginAttempt(runtime.db, attempt);
    return;
  }
  await runtime.db.transaction(async (tx) => {
    await recordLoginAttempt(tx, attempt, { inTransaction: true });
    if (counted) await recordFailure(tx, lockout.key, runtime.config.lockout);
    else await clearLockout(tx, lockout.key);
  });
}

/**
 * The first half of a sign-in by password: input checks, rate limits, lockout, the password itself and the login
 * history. Yields the account, or throws what the client should see.
 */
export async function verifyPasswordSignIn(runtime: Runtime, input: { identifier: string; password: string }, client: ClientInfo): Promise<UserRow> {
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
  await enforceRateLimits(runtime.rateLimits, [
    { key: `login:ip:${ipKey(client)}`, limit: rateLimits.loginPerIp },
    { key: `login:id:${identifierKey}`, limit: rateLimits.loginPerIdentifier },
  ]);
  const { user, lockKey, lockout } = await findUserForLogin(runtime, identifier, identifierKey);
  const attempt = { identifier: identifierText, identifierKey, userId: user?.id ?? null, ip: client.ip, userAgent: client.userAgent };
  const lockedMs = lockoutRemainingMs(lockout);
  if (lockedMs > 0) {
    // Refused before the password is checked: a locked account answers the same to the right password.
    await recordAttempt(runtime, { ...attempt, failure: 'LOCKED_OUT' });
    throw rateLimited(lockedMs, 'Too many failed sign-ins with this username, email or phone number; try again later');
  }

  // Always verify something, so an unknown identifier takes as long as a wrong password.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDummyHash(runtime.config.argon2)), input.password);

  let failure: LoginFailure | null = null;
  if (!user) failure = 'UNKNOWN_IDENTIFIER';
  else if (!passwordOk) failure = 'WRONG_PASSWORD';
  else if (!user.isActive) failure = 'ACCOUNT_DISABLED';
  await recordAttempt(runtime, { ...attempt, failure }, { key: lockKey, state: lockout });

  if (failure === 'ACCOUNT_DISABLED') {
    // Only said to someone who knows the password.
    throw new AppError('UNAUTHENTICATED', 'This account is disabled', { reason: 'ACCOUNT_DISABLED' });
  }
  if (failure || !user) {
    throw new AppError('UNAUTHENTICATED', 'Wrong username, email, phone number or password', { reason: 'INVALID_CREDENTIALS' });
  }
  // Right after the check, while the password is at hand: the only moment a hash can be remade.
  await rehashIfNeeded(runtime, user, input.password);
  return user;
}

/** Sign-in by password: the password, then every registered sign-in step, then a session. */
export async function login(runtime: Runtime, input: { identifier: string; password: string }, client: ClientInfo): Promise<SignInResult> {
  const user = await verifyPasswordSignIn(runtime, input, client);
  return finishSignIn(runtime, user, client, 'password');
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

/** How fresh a session must be to set the first password of an account that has none. */
export const FIRST_PASSWORD_MAX_SESSION_AGE_MS = 10 * 60_000;

/**
 * The current password is the proof step-up asks for, so no reauthenticate is needed first; a wrong one counts
 * toward the account's lockout like a failed sign-in. The session's proof time moves to now.
 */
export async function changePassword(
  runtime: Runtime,
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string },
  client: ClientInfo,
): Promise<{ revokedSessions: number }> {
  // The new password's own faults first: they need no guess of the current one, and cost the lockout nothing.
  checkPasswordPolicy(input.newPassword, 'newPassword');
  if (input.newPassword === input.currentPassword) {
    throw badInput('newPassword', 'New password must be different from the current one');
  }
  let user: UserRow;
  if (viewer.user.passwordHash === null) {
    // An account made through an OpenID provider has no password to confirm; a stolen session could then set one
    // and keep the account, so only a session started in the last few minutes may.
    if (input.currentPassword !== '') throw badInput('currentPassword', 'This account has no password yet: leave the current password empty');
    if (Date.now() - viewer.session.createdAt.getTime() > FIRST_PASSWORD_MAX_SESSION_AGE_MS) {
      throw new AppError('FORBIDDEN', 'Sign in again, then set your password within ten minutes', { reason: 'RECENT_SIGN_IN_REQUIRED' });
    }
    user = viewer.user;
  } else {
    user = await verifyOwnPassword(runtime, viewer.user.id, input.currentPassword, client, { purpose: 'CHANGE_PASSWORD', field: 'currentPassword' });
  }
  await assertStrongPassword(input.newPassword, user, user.locale ?? runtime.config.defaultLocale, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword, runtime.config.argon2);
  const revocation = { userId: viewer.user.id, exceptSessionIds: [viewer.session.id], reason: 'password_changed' };
  const revokedSessions = await writeThenAnnounce(runtime, async (tx, announce) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, viewer.user.id));
    await markProved(tx, viewer.session.id);
    announce.sessionsRevoked(revocation);
    return revokeSessions(tx, revocation);
  });
  return { revokedSessions };
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

    // An impersonation ends an hour after it began, however often it is refreshed.
    const ttlSeconds =
      session.impersonatorId === null
        ? runtime.config.jwt.sessionTtlSeconds
        : Math.min(runtime.config.jwt.sessionTtlSeconds, (session.createdAt.getTime() + IMPERSONATION_TTL_SECONDS * 1000 - Date.now()) / 1000);
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
  return writeThenAnnounce(
    runtime,
    async (db, announce) => {
      announce.sessionsRevoked(revocation);
      return revokeSessions(db, revocation);
    },
    { transaction: false },
  );
}
