// GraphQL fields for registration, sign-in, sign-out and password changes.
import { secretText } from '../../graphql/text-input.js';
import { builder } from '../../graphql/builder.js';
import { UserRef } from '../users/schema.js';
import type { Context } from '../../graphql/context.js';
import type { SessionRow } from '../../db/schema.js';
import { parseId } from '../../validation.js';
import { reauthenticate } from './step-up.js';
import { requireAccountHolder } from './guards.js';
import {
  changePassword,
  checkNewPassword,
  listSessions,
  login,
  logout,
  refreshSession,
  registerUser,
  revokeOtherSessions,
  revokeOwnSession,
  type AuthResult,
  type RegisterResult,
} from './service.js';

export function signedIn<T extends AuthResult | RegisterResult>(ctx: Context, result: T): T {
  if (!('kind' in result) || result.kind === 'session') ctx.auth.signedIn(result.user.id);
  return result;
}

export const AuthPayload = builder.simpleObject('AuthPayload', {
  description:
    'A signed-in session. Send `token` as `Authorization: Bearer <token>`; before it expires, trade `refreshToken` ' +
    'for a new pair with the `refreshToken` mutation (each refresh token works once).',
  fields: (t) => ({
    token: t.string({ description: 'The access token: a JWT that lives ACCESS_TOKEN_TTL seconds (15 minutes by default).' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the access token expires.' }),
    refreshToken: t.string({ description: 'Opaque; keep it secret. Using it twice signs the session out everywhere.' }),
    refreshTokenExpiresAt: t.field({ type: 'DateTime', description: 'When the sign-in ends unless refreshed before.' }),
    user: t.field({ type: UserRef }),
    mfaEnrollmentRequired: t.boolean({
      description:
        'True when your role requires a second factor you do not have yet (MFA_REQUIRED_ROLES): this session can only ' +
        'read `me` and set one up (`startTotpEnrollment`, `confirmTotpEnrollment`); everything else answers FORBIDDEN ' +
        'with reason MFA_ENROLLMENT_REQUIRED.',
    }),
  }),
});

export const MfaMethodEnum = builder.enumType('MfaMethod', {
  description: 'A kind of second factor.',
  values: {
    TOTP: { description: 'A 6-digit code from an authenticator app.' },
    BACKUP_CODE: { description: 'One of the single-use backup codes given when TOTP was turned on.' },
    PASSKEY: { description: 'A passkey (WebAuthn).' },
  } as const,
});

export const MfaChallengeRef = builder.simpleObject('MfaChallenge', {
  description:
    'The password (or other first step) was right, and the account has a second factor: answer with ' +
    '`completeMfaSignIn` within 5 minutes, from the same browser. Works once.',
  fields: (t) => ({
    challengeToken: t.string({ description: 'Opaque; send it back with the answer.' }),
    methods: t.field({ type: [MfaMethodEnum], description: 'The second factors the account has, in the order to offer them.' }),
    expiresAt: t.field({ type: 'DateTime' }),
  }),
});

export const LoginResult = builder.unionType('LoginResult', {
  description: 'A session, or (for an account with a second factor) the challenge to answer before one.',
  types: [AuthPayload, MfaChallengeRef],
  resolveType: (value) => ('challengeToken' in value ? MfaChallengeRef : AuthPayload),
});

const EmailVerificationRequired = builder.simpleObject('EmailVerificationRequired', {
  description: 'The account was created, but this service signs in only verified addresses (REQUIRE_VERIFIED_EMAIL): open the link we sent.',
  fields: (t) => ({
    email: t.string({ description: 'Where the verification link went.' }),
    message: t.string(),
  }),
});

const RegisterResultRef = builder.unionType('RegisterResult', {
  description: 'A session, or (REQUIRE_VERIFIED_EMAIL) the address to verify before signing in.',
  types: [AuthPayload, MfaChallengeRef, EmailVerificationRequired],
  resolveType: (value) => ('challengeToken' in value ? MfaChallengeRef : 'email' in value && !('token' in value) ? EmailVerificationRequired : AuthPayload),
});

const AssuranceEnum = builder.enumType('Assurance', {
  description: 'How much a session proved about who holds it when it began.',
  values: {
    NONE: { value: 0, description: 'Nothing: an impersonation, started by an administrator.' },
    ONE_FACTOR: { value: 1, description: 'One factor: a password, a code sent by email or SMS, a provider.' },
    TWO_FACTORS: { value: 2, description: 'Two factors: a second step after the first, or a user-verified passkey (possession and a PIN or biometric).' },
  } as const,
});

export const SessionRef = builder.objectRef<SessionRow & { current: boolean }>('Session').implement({
  description: 'A signed-in device or browser.',
  fields: (t) => ({
    id: t.exposeID('id'),
    current: t.exposeBoolean('current', { description: 'The session this request was made with.' }),
    assurance: t.field({ type: AssuranceEnum, resolve: (session) => (session.assurance >= 2 ? 2 : session.assurance === 1 ? 1 : 0) }),
    provedAt: t.expose('provedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When its holder last proved who they are (sign-in, reauthenticate); changes to ways in need it within REAUTH_MAX_AGE.',
    }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When it ends unless refreshed.' }),
  }),
});

builder.queryField('mySessions', (t) =>
  t.field({
    type: [SessionRef],
    description: 'Your active sessions, most recently used first.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => {
      const viewer = await ctx.auth.require();
      const rows = await listSessions(ctx.runtime, viewer.user.id);
      return rows.map((row) => ({ ...row, current: row.id === viewer.session.id }));
    },
  }),
);

const RefreshTokenInput = builder.inputType('RefreshTokenInput', {
  fields: (t) => ({ refreshToken: t.string({ required: true }) }),
});

const PASSWORD_RULES =
  'At least 8 characters, hard to guess (zxcvbn score 3 or more), without your username, email name or phone number; ' +
  'WEAK_PASSWORD says why otherwise.';

const RegisterUserInput = builder.inputType('RegisterUserInput', {
  fields: (t) => ({
    username: t.string({ required: true, description: '3 to 32 characters: letters (any script), digits, "_", "." and "-", starting with a letter.' }),
    email: t.string({ required: true }),
    phone: t.string({ required: true, description: 'Any common format, e.g. 081-234-5678 or +66812345678.' }),
    password: t.string({ required: true, description: PASSWORD_RULES, ...secretText }),
    acceptTerms: t.boolean({
      required: false,
      description: 'That you accept the terms and privacy notice (`requiredTermsVersion`): required true when the server has a TERMS_VERSION.',
    }),
  }),
});

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    identifier: t.string({ required: true, description: 'Username, email address or phone number.' }),
    password: t.string({ required: true, ...secretText }),
  }),
});

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ required: true, description: 'Empty for an account that has no password yet (made through an OpenID provider).', ...secretText }),
    newPassword: t.string({ required: true, description: PASSWORD_RULES, ...secretText }),
  }),
});

const LogoutPayload = builder.simpleObject('LogoutPayload', {
  fields: (t) => ({ success: t.boolean() }),
});

const ChangePasswordPayload = builder.simpleObject('ChangePasswordPayload', {
  fields: (t) => ({
    success: t.boolean(),
    revokedSessions: t.int({ description: 'How many other sessions were signed out.' }),
  }),
});

builder.mutationFields((t) => ({
  registerUser: t.field({
    type: RegisterResultRef,
    description:
      'Creates an account with the User role and signs it in; with REQUIRE_VERIFIED_EMAIL it answers EmailVerificationRequired instead ' +
      '(sign in once the link is opened).',
    args: { input: t.arg({ type: RegisterUserInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = signedIn(ctx, await registerUser(ctx.runtime, input, ctx.client));
      return result.kind === 'verify_email' ? { email: result.email, message: 'Open the link we sent to your email address, then sign in' } : result;
    },
  }),
  login: t.field({
    type: LoginResult,
    description: 'Signs in with a username, email address or phone number and a password; accounts with a second factor get an MfaChallenge first.',
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: async (_root, { input }, ctx) => signedIn(ctx, await login(ctx.runtime, input, ctx.client)),
  }),
  refreshToken: t.field({
    type: AuthPayload,
    description: 'Trades a refresh token for a new access token and a new refresh token.',
    args: { input: t.arg({ type: RefreshTokenInput, required: true }) },
    resolve: async (_root, { input }, ctx) => signedIn(ctx, await refreshSession(ctx.runtime, input.refreshToken, ctx.client)),
  }),
  revokeSession: t.field({
    type: builder.simpleObject('RevokeSessionPayload', { fields: (f) => ({ success: f.boolean() }) }),
    description:
      'Signs out one of your sessions (see `mySessions`). Another session than this one needs a recent proof (REAUTH_REQUIRED), as ' +
      'revokeOtherSessions: a stolen session must not sign the owner out of their devices one by one.',
    args: { id: t.arg.id({ required: true }) },
    // Whoever acts as the user must not sign the user out of their own devices either (the scope refuses it).
    authScopes: (_root, { id }) => ({ recentProof: { unless: (viewer) => String(viewer.session.id) === String(id) } }),
    resolve: async (_root, { id }, ctx) => {
      const viewer = await ctx.auth.require();
      await revokeOwnSession(ctx.runtime, viewer.user.id, parseId(id, 'id'));
      return { success: true };
    },
  }),
  revokeOtherSessions: t.field({
    type: builder.simpleObject('RevokeOtherSessionsPayload', { fields: (f) => ({ revokedCount: f.int() }) }),
    description: 'Signs out every session but this one. Needs a recent proof (REAUTH_REQUIRED otherwise: see `reauthenticate`).',
    authScopes: { recentProof: true },
    resolve: async (_root, _args, ctx) => ({ revokedCount: await revokeOtherSessions(ctx.runtime, await ctx.auth.require()) }),
  }),
  logout: t.field({
    type: LogoutPayload,
    description: 'Revokes the token this request was made with.',
    authScopes: { enrolling: true },
    resolve: async (_root, _args, ctx) => {
      await logout(ctx.runtime, await ctx.auth.requireEnrolling());
      return { success: true };
    },
  }),
  changePassword: t.field({
    type: ChangePasswordPayload,
    description:
      "Changes the caller's password and signs out every other session. The current password is the proof step-up asks for " +
      '(a wrong one counts toward the lockout; an account with no password yet needs a recent proof instead); the new one must be ' +
      'strong (WEAK_PASSWORD says why otherwise).',
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    authScopes: (_root, { input }) => ({
      recentProof: {
        inline: { password: input.currentPassword, field: 'currentPassword', purpose: 'CHANGE_PASSWORD' },
        inlineRequired: (viewer) => viewer.user.passwordHash !== null,
        validate: () => checkNewPassword(input),
      },
    }),
    resolve: async (_root, { input }, ctx) => {
      const { revokedSessions } = await changePassword(ctx.runtime, await ctx.auth.require(), input);
      return { success: true, revokedSessions };
    },
  }),
}));

const ReauthenticateInput = builder.inputType('ReauthenticateInput', {
  description: 'Exactly one proof.',
  fields: (t) => ({
    password: t.string({ required: false, ...secretText }),
    code: t.string({ required: false, description: 'A code from your authenticator app (when you have one).' }),
    passkeyResponse: t.field({ type: 'JSON', required: false, description: "A passkey's assertion (when you have one)." }),
  }),
});

builder.mutationField('reauthenticate', (t) =>
  t.field({
    type: builder.simpleObject('ReauthenticatePayload', {
      fields: (f) => ({ provedAt: f.field({ type: 'DateTime', description: 'When this session last proved who holds it: now.' }) }),
    }),
    description:
      'Proves again who holds this session, so that sensitive changes (new email or phone, signing out other sessions, ' +
      'removing a second factor) are allowed for REAUTH_MAX_AGE seconds. A wrong password counts toward the lockout.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: ReauthenticateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({ provedAt: await reauthenticate(ctx.runtime, await requireAccountHolder(ctx), input, ctx.client) }),
  }),
);
