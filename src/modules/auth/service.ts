// Registration, sign-in, sign-out and password changes.
import { and, eq, isNull } from 'drizzle-orm';
import { loginHistory, users, userStatus, type UserRow } from '../../db/schema.js';
import { AppError, badInput } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import { validateAll } from '../../validation.js';
import { DEFAULT_ROLE } from '../../db/seed.js';
import { roleIdByName } from '../roles/service.js';
import { classifyIdentifier, normalizeEmail, normalizePhone, normalizeUsername, type Identifier } from '../users/identity.js';
import { assertIdentityAvailable, findUserById, rethrowIdentityConflict } from '../users/queries.js';
import { checkPasswordPolicy, getDummyHash, hashPassword, PASSWORD_MAX_LENGTH, verifyPassword } from './passwords.js';
import { announceRevocation, createSession, revokeSessions, type ClientInfo } from './sessions.js';
import { signAccessToken } from './tokens.js';
import type { Viewer } from './viewer.js';

export interface AuthResult {
  token: string;
  expiresAt: Date;
  user: UserRow;
}

export interface RegisterInput {
  username: string;
  email: string;
  phone: string;
  password: string;
}

export type LoginFailure = 'UNKNOWN_IDENTIFIER' | 'WRONG_PASSWORD' | 'ACCOUNT_DISABLED';

async function issueToken(runtime: Runtime, user: UserRow, client: ClientInfo): Promise<AuthResult> {
  const session = await createSession(runtime.db, user.id, client, runtime.config.jwt.expiresInSeconds);
  const token = await signAccessToken(runtime.config, { userId: user.id, jti: session.jti, expiresAt: session.expiresAt });
  return { token, expiresAt: session.expiresAt, user };
}

export async function registerUser(runtime: Runtime, input: RegisterInput, client: ClientInfo): Promise<AuthResult> {
  const values = validateAll({
    username: () => normalizeUsername(input.username),
    email: () => normalizeEmail(input.email),
    phone: () => normalizePhone(input.phone, runtime.config.phoneDefaultRegion),
    password: () => checkPasswordPolicy(input.password),
  });
  const { username, usernameKey } = values.username;
  await assertIdentityAvailable(runtime.db, { usernameKey, email: values.email, phone: values.phone });
  const passwordHash = await hashPassword(input.password);
  const roleId = await roleIdByName(runtime.db, DEFAULT_ROLE);

  const userId = await runtime.db
    .transaction(async (tx) => {
      const [result] = await tx.insert(users).values({ username, usernameKey, email: values.email, phone: values.phone, passwordHash, roleId });
      await tx.insert(userStatus).values({ userId: result.insertId });
      return result.insertId;
    })
    .catch(rethrowIdentityConflict);
  const user = await findUserById(runtime.db, userId);
  return issueToken(runtime, user!, client);
}

async function findUserForLogin(runtime: Runtime, identifier: Identifier): Promise<UserRow | undefined> {
  const column = { email: users.email, phone: users.phone, username: users.usernameKey }[identifier.kind];
  const [user] = await runtime.db
    .select()
    .from(users)
    .where(and(eq(column, identifier.value), isNull(users.deletedAt)))
    .limit(1);
  return user;
}

async function recordLoginAttempt(
  runtime: Runtime,
  attempt: { identifier: string; userId: number | null; failure: LoginFailure | null },
  client: ClientInfo,
): Promise<void> {
  await runtime.db.insert(loginHistory).values({
    userId: attempt.userId,
    identifier: attempt.identifier.slice(0, 254),
    success: attempt.failure === null,
    reason: attempt.failure,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 512) ?? null,
  });
}

export async function login(runtime: Runtime, input: { identifier: string; password: string }, client: ClientInfo): Promise<AuthResult> {
  const identifierText = input.identifier.trim();
  if (!identifierText) throw badInput('identifier', 'Enter your username, email or phone number');
  if (identifierText.length > 254) throw badInput('identifier', 'Username, email or phone number is too long');
  if (!input.password) throw badInput('password', 'Enter your password');
  if (input.password.length > PASSWORD_MAX_LENGTH) throw badInput('password', `Password must be at most ${PASSWORD_MAX_LENGTH} characters long`);

  const identifier = classifyIdentifier(identifierText, runtime.config.phoneDefaultRegion);
  const user = identifier ? await findUserForLogin(runtime, identifier) : undefined;
  // Always verify something, so an unknown identifier takes as long as a wrong password.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);

  let failure: LoginFailure | null = null;
  if (!user) failure = 'UNKNOWN_IDENTIFIER';
  else if (!passwordOk) failure = 'WRONG_PASSWORD';
  else if (!user.isActive) failure = 'ACCOUNT_DISABLED';
  await recordLoginAttempt(runtime, { identifier: identifierText, userId: user?.id ?? null, failure }, client);

  if (failure === 'ACCOUNT_DISABLED') {
    // Only said to someone who knows the password.
    throw new AppError('UNAUTHENTICATED', 'This account is disabled', { reason: 'ACCOUNT_DISABLED' });
  }
  if (failure || !user) {
    throw new AppError('UNAUTHENTICATED', 'Wrong username, email, phone number or password', { reason: 'INVALID_CREDENTIALS' });
  }
  return issueToken(runtime, user, client);
}

export async function logout(runtime: Runtime, viewer: Viewer): Promise<void> {
  const revocation = { userId: viewer.user.id, sessionIds: [viewer.session.id], reason: 'logout' };
  await revokeSessions(runtime.db, revocation);
  announceRevocation(runtime, revocation);
}

export async function changePassword(
  runtime: Runtime,
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string },
): Promise<{ revokedSessions: number }> {
  if (input.currentPassword.length > PASSWORD_MAX_LENGTH || !(await verifyPassword(viewer.user.passwordHash, input.currentPassword))) {
    throw badInput('currentPassword', 'Current password is wrong');
  }
  checkPasswordPolicy(input.newPassword, 'newPassword');
  if (input.newPassword === input.currentPassword) {
    throw badInput('newPassword', 'New password must be different from the current one');
  }
  const passwordHash = await hashPassword(input.newPassword);
  const revocation = { userId: viewer.user.id, exceptSessionIds: [viewer.session.id], reason: 'password_changed' };
  const revokedSessions = await runtime.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, viewer.user.id));
    return revokeSessions(tx, revocation);
  });
  announceRevocation(runtime, revocation);
  return { revokedSessions };
}
