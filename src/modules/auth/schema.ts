// GraphQL fields for registration, sign-in, sign-out and password changes.
import { builder } from '../../graphql/builder.js';
import { UserRef } from '../users/schema.js';
import type { Context } from '../../graphql/context.js';
import { changePassword, login, logout, registerUser, type AuthResult } from './service.js';

function signedIn(ctx: Context, result: AuthResult): AuthResult {
  ctx.auth.signedIn(result.user.id);
  return result;
}

const AuthPayload = builder.simpleObject('AuthPayload', {
  description: 'A signed-in session. Send the token as `Authorization: Bearer <token>`.',
  fields: (t) => ({
    token: t.string(),
    expiresAt: t.field({ type: 'DateTime' }),
    user: t.field({ type: UserRef }),
  }),
});

const RegisterUserInput = builder.inputType('RegisterUserInput', {
  fields: (t) => ({
    username: t.string({ required: true, description: '3 to 32 characters: letters (any script), digits, "_", "." and "-", starting with a letter.' }),
    email: t.string({ required: true }),
    phone: t.string({ required: true, description: 'Any common format, e.g. 081-234-5678 or +66812345678.' }),
    password: t.string({ required: true, description: 'At least 8 characters.' }),
  }),
});

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    identifier: t.string({ required: true, description: 'Username, email address or phone number.' }),
    password: t.string({ required: true }),
  }),
});

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ required: true }),
    newPassword: t.string({ required: true, description: 'At least 8 characters.' }),
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
