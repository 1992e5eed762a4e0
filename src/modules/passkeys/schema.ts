// GraphQL fields for passkeys: registering one while signed in, listing, renaming and removing them, and signing in
// with one alone. WebAuthn options and responses travel as JSON, exactly as @simplewebauthn/browser makes and takes them.
import { builder } from '../../graphql/builder.js';
import type { Context } from '../../graphql/context.js';
import { parseId } from '../../validation.js';
import { AuthPayload, signedIn } from '../auth/schema.js';
import { requireAccountHolder } from '../auth/guards.js';
import {
  finishPasskeyRegistration,
  finishPasskeySignIn,
  listPasskeys,
  removePasskey,
  renamePasskey,
  startPasskeyRegistration,
  startPasskeyReauthentication,
  startPasskeySignIn,
  type PasskeyRow,
} from './service.js';

const DeviceType = builder.enumType('PasskeyDeviceType', {
  description: 'Whether a passkey lives on one authenticator or is synced between devices (by a password manager or a platform account).',
  values: {
    SINGLE_DEVICE: { value: 'singleDevice', description: 'Bound to one authenticator, e.g. a security key.' },
    MULTI_DEVICE: { value: 'multiDevice', description: 'Can be synced to other devices.' },
  } as const,
});

const PasskeyRef = builder.objectRef<PasskeyRow>('Passkey').implement({
  description: 'A passkey (WebAuthn credential) that signs you in. The key itself never leaves your authenticator.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name', { description: 'Your name for it, e.g. the device it is on.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'The last sign-in with it; null if never used.' }),
    deviceType: t.field({ type: DeviceType, resolve: (row) => row.deviceType }),
    backedUp: t.exposeBoolean('backedUp', { description: 'Whether the authenticator said, at its last use, that the passkey is backed up (synced).' }),
    flagged: t.boolean({
      description: 'Its signature counter went backwards, so the key may have been copied: it no longer signs you in. Remove it.',
      resolve: (row) => row.flaggedAt !== null,
    }),
  }),
});

const PasskeyOptions = builder.simpleObject('PasskeyOptions', {
  description:
    'What to pass to the browser: navigator.credentials.create for startPasskeyRegistration (`optionsJSON` of @simplewebauthn/browser ' +
    'startRegistration), navigator.credentials.get for startReauthentication (`optionsJSON` of startAuthentication).',
  fields: (t) => ({ options: t.field({ type: 'JSON', description: 'PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON.' }) }),
});

const PasskeySignInOptions = builder.simpleObject('PasskeySignInOptions', {
  description: 'What to pass to navigator.credentials.get, and the id to send back with its response.',
  fields: (t) => ({
    challengeId: t.string({ description: 'Send it with the response to finishPasskeySignIn; it works once, within PASSKEY_CHALLENGE_TTL_SECONDS.' }),
    options: t.field({ type: 'JSON', description: 'PublicKeyCredentialRequestOptionsJSON (as `optionsJSON` of @simplewebauthn/browser startAuthentication).' }),
  }),
});

const FinishPasskeyRegistrationPayload = builder.simpleObject('FinishPasskeyRegistrationPayload', { fields: (t) => ({ passkey: t.field({ type: PasskeyRef }) }) });
const RenamePasskeyPayload = builder.simpleObject('RenamePasskeyPayload', { fields: (t) => ({ passkey: t.field({ type: PasskeyRef }) }) });
const RemovePasskeyPayload = builder.simpleObject('RemovePasskeyPayload', { fields: (t) => ({ removedPasskeyId: t.id() }) });

const viewerOf = async (ctx: Context) => (await ctx.auth.require()).user;
/** The account holder's own act, never an impersonator's (auth/guards.ts). */
const holderOf = async (ctx: Context) => (await requireAccountHolder(ctx)).user;

builder.queryField('myPasskeys', (t) =>
  t.field({
    type: [PasskeyRef],
    description: 'Your passkeys, newest first.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => listPasskeys(ctx.runtime.db, (await viewerOf(ctx)).id),
  }),
);

builder.mutationFields((t) => ({
  startPasskeyRegistration: t.field({
    type: PasskeyOptions,
    description:
      'Begins adding a passkey to your account; answer with finishPasskeyRegistration within PASSKEY_CHALLENGE_TTL_SECONDS. A new way in: ' +
      'needs a recent proof (REAUTH_REQUIRED).',
    authScopes: { recentProof: true },
    resolve: async (_root, _args, ctx) => ({ options: await startPasskeyRegistration(ctx.runtime, await viewerOf(ctx)) }),
  }),
  finishPasskeyRegistration: t.field({
    type: FinishPasskeyRegistrationPayload,
    description: "Keeps the passkey the browser made for startPasskeyRegistration's options. Each start allows one finish. Needs a recent proof.",
    authScopes: { recentProof: true },
    args: {
      input: t.arg({
        type: builder.inputType('FinishPasskeyRegistrationInput', {
          fields: (f) => ({
            response: f.field({ type: 'JSON', required: true, description: 'RegistrationResponseJSON, as @simplewebauthn/browser startRegistration returns it.' }),
            name: f.string({ required: false, description: 'Up to 64 characters; "Passkey <n>" when left out.' }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => ({ passkey: await finishPasskeyRegistration(ctx.runtime, await viewerOf(ctx), input, ctx.client) }),
  }),
  renamePasskey: t.field({
    type: RenamePasskeyPayload,
    authScopes: { authenticated: true },
    args: {
      input: t.arg({
        type: builder.inputType('RenamePasskeyInput', { fields: (f) => ({ id: f.id({ required: true }), name: f.string({ required: true, description: 'Up to 64 characters.' }) }) }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => ({ passkey: await renamePasskey(ctx.runtime, (await holderOf(ctx)).id, parseId(input.id, 'id'), input.name) }),
  }),
  removePasskey: t.field({
    type: RemovePasskeyPayload,
    description: 'Removes one of your passkeys; it signs nobody in any more (remove it from the authenticator too). Needs a recent proof (REAUTH_REQUIRED).',
    authScopes: { recentProof: true },
    args: { input: t.arg({ type: builder.inputType('RemovePasskeyInput', { fields: (f) => ({ id: f.id({ required: true }) }) }), required: true }) },
    resolve: async (_root, { input }, ctx) => ({ removedPasskeyId: String(await removePasskey(ctx.runtime, await viewerOf(ctx), parseId(input.id, 'id'), ctx.client)) }),
  }),
  startReauthentication: t.field({
    type: PasskeyOptions,
    description:
      'Begins proving again who you are with one of your passkeys: pass `options` to navigator.credentials.get (startAuthentication), then ' +
      'send the response as `passkeyResponse` to reauthenticate within PASSKEY_CHALLENGE_TTL_SECONDS. BAD_USER_INPUT when you have no passkey.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => {
      const { user, session } = await requireAccountHolder(ctx);
      return { options: await startPasskeyReauthentication(ctx.runtime, user, session.provedAt ?? session.createdAt) };
    },
  }),
  startPasskeySignIn: t.field({
    type: PasskeySignInOptions,
    description: 'Begins a sign-in with a passkey, no username needed: the authenticator offers the passkeys it holds for this site.',
    resolve: (_root, _args, ctx) => startPasskeySignIn(ctx.runtime, ctx.client),
  }),
  finishPasskeySignIn: t.field({
    type: AuthPayload,
    description: 'Signs in with the passkey response to startPasskeySignIn. A user-verified passkey is two factors on its own: no second factor is asked for.',
    args: {
      input: t.arg({
        type: builder.inputType('FinishPasskeySignInInput', {
          fields: (f) => ({
            challengeId: f.string({ required: true }),
            response: f.field({ type: 'JSON', required: true, description: 'AuthenticationResponseJSON, as @simplewebauthn/browser startAuthentication returns it.' }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const result = await finishPasskeySignIn(ctx.runtime, input, ctx.client);
      // Two factors at once: the second-factor step has nothing left to ask.
      if (result.kind !== 'session') throw new Error('A passkey sign-in waited for a second factor');
      return signedIn(ctx, result);
    },
  }),
}));
