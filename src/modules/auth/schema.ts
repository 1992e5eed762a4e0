// GraphQL fields for registration, sign-in, sign-out and password changes.
import { secretText } from '../../graphql/text-input.js';
import { builder } from '../../graphql/builder.js';
import { UserRef } from '../users/schema.js';
import type { Context } from '../../graphql/context.js';
import type { SessionRow } from '../../db/schema.js';
import { parseId } from '../../validation.js';
import {
  changePassword,
  listSessions,
  login,
  logout,
  refreshSession,
  registerUser,
  revokeOtherSessions,
  revokeOwnSession,
  type AuthResult,
} from './service.js';

export function signedIn(ctx: Context, result: AuthResult): AuthResult {
  ctx.auth.signedIn(result.user.id);
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
  }),
});

const SessionRef = builder.objectRef<SessionRow & { current: boolean }>('Session').implement({
  description: 'A signed-in device or browser.',
  fields: (t) => ({
    id: t.exposeID('id'),
    current: t.exposeBoolean('current', { description: 'The session this request was made with.' }),
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

const RegisterUserInput = builder.inputType('RegisterUserInput', {
  fields: (t) => ({
    username: t.string({ required: true, description: '3 to 32 characters: letters (any script), digits, "_", "." and "-", starting with a letter.' }),
    email: t.string({ required: true }),
    phone: t.string({ required: true, description: 'Any common format, e.g. 081-234-5678 or +66812345678.' }),
    password: t.string({ required: true, description: 'At least 8 characters.', ...secretText }),
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
    currentPassword: t.string({ required: true, ...secretText }),
    newPassword: t.string({ required: true, description: 'At least 8 characters.', ...secretText }),
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
    type: AuthPayload,
    description: 'Creates an account with the User role and signs it in.',
    args: { input: t.arg({ type: RegisterUserInput, required: true }) },
    resolve: async (_root, { input }, ctx) => signedIn(ctx, await registerUser(ctx.runtime, input, ctx.client)),
  }),
  login: t.field({
    type: AuthPayload,
    description: 'Signs in with a username, email address or phone number and a password.',
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
    description: 'Signs out one of your sessions (see `mySessions`).',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const viewer = await ctx.auth.require();
      await revokeOwnSession(ctx.runtime, viewer.user.id, parseId(id, 'id'));
      return { success: true };
    },
  }),
  revokeOtherSessions: t.field({
    type: builder.simpleObject('RevokeOtherSessionsPayload', { fields: (f) => ({ revokedCount: f.int() }) }),
    description: 'Signs out every session but this one.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => ({ revokedCount: await revokeOtherSessions(ctx.runtime, await ctx.auth.require()) }),
  }),
  logout: t.field({
    type: LogoutPayload,
    description: 'Revokes the token this request was made with.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => {
      await logout(ctx.runtime, await ctx.auth.require());
      return { success: true };
    },
  }),
  changePassword: t.field({
    type: ChangePasswordPayload,
    description: "Changes the caller's password and signs out every other session.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { revokedSessions } = await changePassword(ctx.runtime, await ctx.auth.require(), input);
      return { success: true, revokedSessions };
    },
  }),
}));
