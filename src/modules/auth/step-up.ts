// Step-up: a session remembers when its holder last proved who they are (sessions.proved_at: set at sign-in and by
// reauthenticate, never by a refresh), and sensitive changes need that proof to be at most REAUTH_MAX_AGE old. A
// stolen access or refresh token alone can then read, but not lock the owner out (new email, phone or password,
// other sessions signed out, second factors removed).
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginHistory, sessions, users, type UserRow } from '../../db/schema.js';
import { AppError, badInput } from '../../errors.js';
import { enforceRateLimits, ipKey, rateLimited } from '../../rate-limit.js';
import type { Runtime } from '../../runtime.js';
import { loginAttemptRow } from '../audit/login-history.js';
import { findUserById } from '../users/queries.js';
import { accountLockKey, clearLockout, lockoutRemainingMs, readLockout, recordFailure } from './lockout.js';
import { hashPassword, needsRehash, PASSWORD_MAX_LENGTH, verifyPassword } from './passwords.js';
import type { ReauthMethod } from './reauth-verifiers.js';
import type { ClientInfo } from './sessions.js';

/** The methods a REAUTH_REQUIRED error offers: a password always, then whatever the modules registered. */
function methodsOf(runtime: Runtime): string[] {
  return ['PASSWORD', ...runtime.reauthVerifiers.map((v) => v.name)];
}

export function reauthRequired(runtime: Runtime): AppError {
  return new AppError('REAUTH_REQUIRED', 'Confirm it is you: enter your password again', {
    reason: 'REAUTH_REQUIRED',
    maxAgeSeconds: runtime.config.stepUp.reauthMaxAgeSeconds,
    methods: methodsOf(runtime),
  });
}

/**
 * Throws REAUTH_REQUIRED unless the session proved who holds it within REAUTH_MAX_AGE. Read from MariaDB on every
 * call, not from the viewer's row: that may be the session cache's or a socket's copy, older than a reauthenticate
 * made a moment ago (on this instance or another).
 */
export async function assertRecentProof(runtime: Runtime, sessionId: number, now = Date.now()): Promise<void> {
  const [row] = await runtime.db.select({ provedAt: sessions.provedAt }).from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  const provedAt = row?.provedAt?.getTime();
  if (provedAt === undefined || now - provedAt > runtime.config.stepUp.reauthMaxAgeSeconds * 1000 || provedAt > now + 60_000) throw reauthRequired(runtime);
}

export async function markProved(db: DbOrTx, sessionId: number, at = new Date()): Promise<Date> {
  await db.update(sessions).set({ provedAt: at }).where(eq(sessions.id, sessionId));
  return at;
}

/**
 * Replaces a stored hash made with other argon2 parameters than the configured ones, after the password proved
 * right. Only if the row still holds the hash that was verified: a password changed meanwhile is never overwritten.
 * A failure is logged, never shown: the sign-in itself went through.
 */
export async function rehashIfNeeded(runtime: Runtime, user: Pick<UserRow, 'id' | 'passwordHash'>, password: string): Promise<void> {
  const stored = user.passwordHash;
  if (stored === null || !needsRehash(stored, runtime.config.argon2)) return;
  try {
    const passwordHash = await hashPassword(password, runtime.config.argon2);
    await runtime.db.update(users).set({ passwordHash }).where(and(eq(users.id, user.id), eq(users.passwordHash, stored)));
  } catch (error) {
    runtime.log.warn({ err: error, userId: user.id }, 'Could not rehash a password with the configured argon2 parameters');
  }
}

/**
 * Checks a signed-in user's password (reauthenticate, changePassword's current password) as a sign-in would: the
 * account's lockout applies and a wrong one counts toward it, and every try is in the login history (`reason`
 * `<purpose>_WRONG_PASSWORD`, `<purpose>_LOCKED_OUT`, or `REAUTHENTICATED` on success). A stolen session can so
 * guess the password no faster than the sign-in form allows. Resolves to the account as it is now.
 */
export async function verifyOwnPassword(
  runtime: Runtime,
  userId: number,
  password: string,
  client: ClientInfo,
  { purpose, field }: { purpose: 'REAUTH' | 'CHANGE_PASSWORD'; field: string },
): Promise<UserRow> {
  if (!password) throw badInput(field, 'Enter your password');
  if (password.length > PASSWORD_MAX_LENGTH) throw badInput(field, 'Current password is wrong');
  await enforceRateLimits(runtime.rateLimits, [{ key: `login:ip:${ipKey(client)}`, limit: runtime.config.rateLimits.loginPerIp }]);
  // The hash as stored now: the viewer's row may be a cached copy.
  const user = await findUserById(runtime.db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'You must be signed in');
  const lockKey = accountLockKey(user.id);
  const lockout = await readLockout(runtime.db, lockKey);
  const row = (reason: string | null) => ({
    ...loginAttemptRow({ identifier: user.username, identifierKey: user.usernameKey, userId: user.id, failure: reason, ip: client.ip, userAgent: client.userAgent }),
    success: reason === 'REAUTHENTICATED',
  });
  const lockedMs = lockoutRemainingMs(lockout);
  if (lockedMs > 0) {
    await runtime.db.insert(loginHistory).values(row(`${purpose}_LOCKED_OUT`));
    throw rateLimited(lockedMs, 'Too many wrong passwords for this account; try again later');
  }
  // An account with no password (made through an OpenID provider) is refused like a wrong one.
  const ok = user.passwordHash !== null && (await verifyPassword(user.passwordHash, password));
  await runtime.db.transaction(async (tx) => {
    await tx.insert(loginHistory).values(row(ok ? 'REAUTHENTICATED' : `${purpose}_WRONG_PASSWORD`));
    if (!ok) await recordFailure(tx, lockKey, runtime.config.lockout);
    else if ((lockout?.failures ?? 0) > 0) await clearLockout(tx, lockKey);
  });
  if (!ok) throw badInput(field, purpose === 'REAUTH' ? 'Wrong password' : 'Current password is wrong');
  await rehashIfNeeded(runtime, user, password);
  return user;
}

export interface ReauthenticateInput {
  password?: string | null;
  code?: string | null;
  passkeyResponse?: unknown;
}

/** Proves again who holds the session, by exactly one of a password, a code or a passkey; returns the new proof time. */
export async function reauthenticate(runtime: Runtime, viewer: { user: UserRow; session: { id: number } }, input: ReauthenticateInput, client: ClientInfo): Promise<Date> {
  const given = (['password', 'code', 'passkeyResponse'] as const).filter((key) => input[key] != null && input[key] !== '');
  if (given.length !== 1) throw badInput('input', 'Give exactly one of password, code or passkeyResponse');
  const method = given[0]!;
  if (method === 'password') {
    await verifyOwnPassword(runtime, viewer.user.id, input.password!, client, { purpose: 'REAUTH', field: 'password' });
  } else {
    const verifier = runtime.reauthVerifiers.find((v) => v.method === (method satisfies ReauthMethod));
    if (!verifier) throw badInput(method, method === 'code' ? 'This account has no second factor that takes a code' : 'Passkeys are not available');
    await verifier.verify(runtime, viewer.user, input[method], client);
  }
  return markProved(runtime.db, viewer.session.id);
}
