// GraphQL fields for second factors: the sign-in's second step, TOTP enrollment, backup codes, turning TOTP off,
// an administrator's reset, and what a user's profile says about them.
import { builder } from '../../graphql/builder.js';
import { actorId, changed } from '../../graphql/resolvers.js';
import { secretText } from '../../graphql/text-input.js';
import { AuthPayload, MfaMethodEnum, signedIn } from '../auth/schema.js';
import { beginSecondFactor, continueSignIn } from '../auth/flows.js';
import { privateToSelfOrStaff, UserRef } from '../users/schema.js';
import { confirmTotpEnrollment, disableTotp, methodsOf, regenerateBackupCodes, resetUserSecondFactors, startTotpEnrollment } from './service.js';

builder.objectFields(UserRef, (t) => ({
  mfaEnabled: t.boolean({
    description: 'Whether signing in asks for a second factor. Shown to the owner and to holders of `user:write`; false for everyone else.',
    authScopes: privateToSelfOrStaff,
    unauthorizedResolver: () => false,
    resolve: async (user, _args, ctx) => (await methodsOf(ctx.runtime, user)).length > 0,
  }),
  mfaMethods: t.field({
    type: [MfaMethodEnum],
    description: 'The second factors the user has. Shown to the owner and to holders of `user:write`; empty for everyone else.',
    authScopes: privateToSelfOrStaff,
    unauthorizedResolver: () => [],
    resolve: (user, _args, ctx) => methodsOf(ctx.runtime, user),
  }),
}));

const TotpEnrollment = builder.simpleObject('TotpEnrollment', {
  description: 'A new authenticator secret, waiting for its first code in `confirmTotpEnrollment`.',
  fields: (t) => ({
    secret: t.string({ description: 'Base32, for typing into an authenticator app by hand.' }),
    otpauthUri: t.string({ description: 'otpauth://totp/… (SHA-1, 6 digits, 30 s), what the QR code holds.' }),
    qrCodeSvg: t.string({ description: 'The URI as a QR code, an SVG document.' }),
  }),
});

const ConfirmTotpPayload = builder.simpleObject('ConfirmTotpPayload', {
  fields: (t) => ({
    backupCodes: t.stringList({ description: 'Ten single-use codes for when the phone is not at hand. Shown this once: keep them safe.' }),
    user: t.field({ type: UserRef }),
    session: t.field({
      type: AuthPayload,
      nullable: true,
      description: 'When this request came from an enrollment-only session (MFA_REQUIRED_ROLES): a full session replacing it, which is now signed out.',
    }),
  }),
});

const SecondFactorProofInput = (name: string, description: string) =>
  builder.inputType(name, {
    description: `${description} Give your current password or a current TOTP code, or neither within REAUTH_MAX_AGE of your last proof.`,
    fields: (t) => ({
      password: t.string({ required: false, description: 'Your current password, or:', ...secretText }),
      code: t.string({ required: false, description: 'A code from your authenticator app.' }),
    }),
  });

/** The proof a second-factor change may carry in its input, checked as `reauthenticate` checks it. */
const proofIn = (input: { password?: string | null; code?: string | null }) => ({
  recentProof: { inline: { password: input.password || null, code: input.code || null, field: input.code ? 'code' : 'password', purpose: 'REAUTH' as const } },
});

const MfaChallengeOptions = builder.simpleObject('MfaChallengeOptions', {
  description: 'What the client needs to answer a second step with a factor that signs something (a passkey).',
  fields: (t) => ({
    options: t.field({
      type: 'JSON',
      description: 'For PASSKEY: PublicKeyCredentialRequestOptionsJSON (as `optionsJSON` of @simplewebauthn/browser startAuthentication), listing your passkeys.',
    }),
  }),
});

builder.mutationFields((t) => ({
  startMfaChallenge: t.field({
    type: MfaChallengeOptions,
    description:
      'Begins answering an MfaChallenge with a method that needs options first (PASSKEY); send the answer to completeMfaSignIn with the same ' +
      'challenge token. BAD_USER_INPUT for a method that needs no start or that the account does not have; a used, expired or foreign ' +
      'challenge is UNAUTHENTICATED (reason INVALID_MFA_CHALLENGE), as in completeMfaSignIn.',
    args: {
      input: t.arg({
        type: builder.inputType('StartMfaChallengeInput', {
          fields: (f) => ({ challengeToken: f.string({ required: true }), method: f.field({ type: MfaMethodEnum, required: true }) }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => ({ options: await beginSecondFactor(ctx.runtime, input, ctx.client) }),
  }),
  completeMfaSignIn: t.field({
    type: AuthPayload,
    description:
      'The second step of a sign-in that answered MfaChallenge: the challenge token and exactly one answer. Five wrong answers in a row lock ' +
      'the second factor for 15 minutes (RATE_LIMITED, reason MFA_LOCKED).',
    args: {
      input: t.arg({
        type: builder.inputType('CompleteMfaSignInInput', {
          fields: (f) => ({
            challengeToken: f.string({ required: true }),
            code: f.string({ required: false, description: 'A 6-digit code from the authenticator app (TOTP).' }),
            backupCode: f.string({ required: false, description: 'One of the backup codes (BACKUP_CODE); each works once.' }),
            passkeyResponse: f.field({ type: 'JSON', required: false, description: 'The WebAuthn assertion (PASSKEY).' }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const result = await continueSignIn(ctx.runtime, input, ctx.client);
      // The second step is the last that waits: what follows it opens a session or refuses.
      if (result.kind !== 'session') throw new Error('A sign-in waited twice');
      return signedIn(ctx, result);
    },
  }),
  startTotpEnrollment: t.field({
    type: TotpEnrollment,
    description:
      'Starts setting up an authenticator app: scan the QR code, then send a code to `confirmTotpEnrollment`. Starting again replaces an ' +
      'unconfirmed secret. Needs a recent proof (REAUTH_REQUIRED); an enrollment-only session may, within REAUTH_MAX_AGE of its sign-in.',
    authScopes: { recentProof: { enrolling: true } },
    resolve: async (_root, _args, ctx) => startTotpEnrollment(ctx.runtime, await ctx.auth.requireEnrolling()),
  }),
  confirmTotpEnrollment: t.field({
    type: ConfirmTotpPayload,
    description: 'Turns two-factor authentication on with the first code from the app, and returns the backup codes. Needs a recent proof, as startTotpEnrollment.',
    authScopes: { recentProof: { enrolling: true } },
    args: { input: t.arg({ type: builder.inputType('ConfirmTotpInput', { fields: (f) => ({ code: f.string({ required: true }) }) }), required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await confirmTotpEnrollment(ctx.runtime, await ctx.auth.requireEnrolling(), input.code, ctx.client);
      if (result.session) signedIn(ctx, result.session);
      return changed(ctx, result);
    },
  }),
  regenerateBackupCodes: t.field({
    type: builder.simpleObject('RegenerateBackupCodesPayload', { fields: (f) => ({ backupCodes: f.stringList({ description: 'Shown this once; the old codes stop working.' }) }) }),
    description: 'Replaces the backup codes with ten new ones.',
    args: { input: t.arg({ type: SecondFactorProofInput('RegenerateBackupCodesInput', 'Proof that it is you.'), required: true }) },
    authScopes: (_root, { input }) => proofIn(input),
    resolve: async (_root, _args, ctx) => ({ backupCodes: await regenerateBackupCodes(ctx.runtime, await ctx.auth.require()) }),
  }),
  disableTotp: t.field({
    type: builder.simpleObject('DisableTotpPayload', { fields: (f) => ({ user: f.field({ type: UserRef }) }) }),
    description: 'Turns the authenticator app off, and the backup codes with it.',
    args: { input: t.arg({ type: SecondFactorProofInput('DisableTotpInput', 'Proof that it is you.'), required: true }) },
    authScopes: (_root, { input }) => proofIn(input),
    resolve: async (_root, _args, ctx) => changed(ctx, { user: await disableTotp(ctx.runtime, await ctx.auth.require()) }),
  }),
  resetUserSecondFactors: t.field({
    type: builder.simpleObject('ResetUserSecondFactorsPayload', { fields: (f) => ({ user: f.field({ type: UserRef }) }) }),
    description: 'Removes every second factor of a user who lost theirs; recorded in the history and the user is notified. Needs `user:write` and a recent proof.',
    authScopes: { $all: { permission: 'user:write', recentProof: true } },
    args: {
      input: t.arg({
        type: builder.inputType('ResetUserSecondFactorsInput', {
          fields: (f) => ({ userId: f.id({ required: true }), reason: f.string({ required: true, description: 'Why: kept in the history and shown to the user.' }) }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => changed(ctx, { user: await resetUserSecondFactors(ctx.runtime, await actorId(ctx), { userId: String(input.userId), reason: input.reason }) }),
  }),
}));
