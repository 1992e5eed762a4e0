// GraphQL fields for verified email and phone, password reset and sign-in by code.
import { builder } from '../../graphql/builder.js';
import type { Context } from '../../graphql/context.js';
import { changed } from '../../graphql/resolvers.js';
import { secretText } from '../../graphql/text-input.js';
import { LoginResult, signedIn } from '../auth/schema.js';
import { privateToSelfOrStaff, UserRef } from '../users/schema.js';
import { requestPasswordReset, requestSignInCode, resetPassword, signInWithCode } from './service.js';
import { requestEmailVerification, requestPhoneVerification, verifyEmail, verifyPhone } from './verification.js';

builder.objectFields(UserRef, (t) => ({
  emailVerified: t.boolean({
    description: 'Whether the owner opened a verification link sent to `email`. Shown where `email` is; false for everyone else.',
    authScopes: privateToSelfOrStaff,
    unauthorizedResolver: () => false,
    resolve: (user) => user.emailVerifiedAt !== null,
  }),
  phoneVerified: t.boolean({
    description: 'Whether the owner entered a code sent to `phone`. Shown where `phone` is; false for everyone else.',
    authScopes: privateToSelfOrStaff,
    unauthorizedResolver: () => false,
    resolve: (user) => user.phoneVerifiedAt !== null,
  }),
  pendingEmail: t.exposeString('pendingEmail', {
    nullable: true,
    description: 'A new email asked for in `updateProfile`, waiting for its link to be opened; only its owner sees it.',
    authScopes: (user) => ({ self: user.id }),
    unauthorizedResolver: () => null,
  }),
  pendingPhone: t.exposeString('pendingPhone', {
    nullable: true,
    description: 'A new phone number asked for in `updateProfile`, waiting for its code; only its owner sees it.',
    authScopes: (user) => ({ self: user.id }),
    unauthorizedResolver: () => null,
  }),
}));

const VerifiedPayload = (name: string) => builder.simpleObject(name, { fields: (t) => ({ user: t.field({ type: UserRef }) }) });
const VerifyEmailPayload = VerifiedPayload('VerifyEmailPayload');
const VerifyPhonePayload = VerifiedPayload('VerifyPhonePayload');

const IdentifierInput = (name: string) =>
  builder.inputType(name, { fields: (t) => ({ identifier: t.string({ required: true, description: 'Username, email address or phone number.' }) }) });

const viewerOf = async (ctx: Context) => (await ctx.auth.require()).user;

builder.mutationFields((t) => ({
  requestEmailVerification: t.boolean({
    description: 'Sends a new verification link to your pending email, or to your email while it is unverified. False when there is nothing to verify.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => requestEmailVerification(ctx.runtime, await viewerOf(ctx), ctx.client),
  }),
  verifyEmail: t.field({
    type: VerifyEmailPayload,
    description: 'Opens a verification link: `token` is its `token` parameter. Works once, within EMAIL_VERIFICATION_TTL_HOURS.',
    args: { input: t.arg({ type: builder.inputType('VerifyEmailInput', { fields: (f) => ({ token: f.string({ required: true }) }) }), required: true }) },
    resolve: async (_root, { input }, ctx) => changed(ctx, { user: await verifyEmail(ctx.runtime, input.token, ctx.client) }),
  }),
  requestPhoneVerification: t.boolean({
    description: 'Sends a 6-digit code by SMS to your pending phone number, or to your phone while it is unverified. False when there is nothing to verify.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => requestPhoneVerification(ctx.runtime, await viewerOf(ctx), ctx.client),
  }),
  verifyPhone: t.field({
    type: VerifyPhonePayload,
    description: 'Enters the code from requestPhoneVerification. Five tries per code.',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: builder.inputType('VerifyPhoneInput', { fields: (f) => ({ code: f.string({ required: true }) }) }), required: true }) },
    resolve: async (_root, { input }, ctx) => changed(ctx, { user: await verifyPhone(ctx.runtime, await viewerOf(ctx), input.code, ctx.client) }),
  }),
  requestPasswordReset: t.boolean({
    description:
      'Sends a reset link by email, or a 6-digit code by SMS when `identifier` is a phone number. Always true, whether or not the account exists.',
    args: { input: t.arg({ type: IdentifierInput('RequestPasswordResetInput'), required: true }) },
    resolve: (_root, { input }, ctx) => requestPasswordReset(ctx.runtime, input.identifier, ctx.client),
  }),
  resetPassword: t.field({
    type: LoginResult,
    description:
      "Sets a new password with a reset link's `token`, or with `identifier` and the SMS `code`; signs out every session and signs you in (an account with a second factor gets an MfaChallenge first).",
    args: {
      input: t.arg({
        type: builder.inputType('ResetPasswordInput', {
          fields: (f) => ({
            token: f.string({ required: false, description: 'The `token` parameter of the reset link.' }),
            identifier: f.string({ required: false, description: 'With `code`: the phone number (or other identifier) the code was asked for.' }),
            code: f.string({ required: false, description: 'The 6-digit code sent by SMS.' }),
            newPassword: f.string({ required: true, description: 'At least 8 characters.', ...secretText }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => signedIn(ctx, await resetPassword(ctx.runtime, input, ctx.client)),
  }),
  requestSignInCode: t.boolean({
    description: 'Sends a 6-digit sign-in code by SMS (phone number) or email (otherwise). Always true, whether or not the account exists.',
    args: { input: t.arg({ type: IdentifierInput('RequestSignInCodeInput'), required: true }) },
    resolve: (_root, { input }, ctx) => requestSignInCode(ctx.runtime, input.identifier, ctx.client),
  }),
  signInWithCode: t.field({
    type: LoginResult,
    description: 'Signs in with the code from requestSignInCode. Five tries per code.',
    args: {
      input: t.arg({
        type: builder.inputType('SignInWithCodeInput', { fields: (f) => ({ identifier: f.string({ required: true }), code: f.string({ required: true }) }) }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => signedIn(ctx, await signInWithCode(ctx.runtime, input, ctx.client)),
  }),
}));
