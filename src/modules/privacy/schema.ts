// GraphQL fields for the personal data rights: data export, account deletion, and consent to the terms.
import type { DataExportRow } from '../../db/schema.js';
import { builder } from '../../graphql/builder.js';
import { changed } from '../../graphql/resolvers.js';
import { secretText } from '../../graphql/text-input.js';
import { UserRef } from '../users/schema.js';
import { acceptTerms, hasAcceptedTerms } from './consent.js';
import { cancelDeletion, deletionScheduledFor, limitDeletionAttempts, requestDeletion } from './erasure.js';
import { exportUrl, listExports, requestExport } from './exports.js';
import { kickPrivacyWorker } from './worker.js';
import { requireAccountHolder } from '../auth/guards.js';

const ExportStatus = builder.enumType('DataExportStatus', {
  values: {
    PENDING: { description: 'Waiting for, or being built by, the background worker.' },
    READY: { description: 'Built: `url` downloads it until `expiresAt`.' },
    FAILED: { description: 'Could not be built; ask again.' },
  } as const,
});

const STATUS = { pending: 'PENDING', building: 'PENDING', ready: 'READY', failed: 'FAILED' } as const;

const DataExportRef = builder.objectRef<DataExportRow>('DataExport').implement({
  description: 'A zip of JSON files with everything stored about you (and your avatar files), built in the background.',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.field({ type: ExportStatus, resolve: (row) => STATUS[row.status] }),
    url: t.string({
      nullable: true,
      description: 'A signed link that works without signing in, until `expiresAt` (EXPORT_LINK_TTL_HOURS); null until READY.',
      resolve: (row, _args, ctx) => (row.expiresAt && row.expiresAt.getTime() > Date.now() ? exportUrl(ctx.runtime.config, row) : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
  }),
});

const AccountDeletionPayload = builder.simpleObject('AccountDeletionPayload', {
  fields: (t) => ({
    scheduledFor: t.field({ type: 'DateTime', description: 'When the account will be erased unless you sign in (or cancel) before.' }),
  }),
});

builder.objectFields(UserRef, (t) => ({
  deletionScheduledFor: t.field({
    type: 'DateTime',
    nullable: true,
    description: 'When the account is to be erased (deleteMyAccount); only its owner sees it.',
    authScopes: (user) => ({ self: user.id }),
    unauthorizedResolver: () => null,
    resolve: (user, _args, ctx) => deletionScheduledFor(ctx.runtime.db, user.id),
  }),
  termsAccepted: t.boolean({
    description: 'Whether the owner accepted `requiredTermsVersion` (true when there is none); false for everyone else.',
    authScopes: (user) => ({ self: user.id }),
    unauthorizedResolver: () => false,
    resolve: (user, _args, ctx) => hasAcceptedTerms(ctx.runtime.db, ctx.runtime.config.privacy.termsVersion, user.id),
  }),
}));

builder.queryFields((t) => ({
  requiredTermsVersion: t.string({
    nullable: true,
    description: 'The terms and privacy notice version everyone must accept (TERMS_VERSION); null when none.',
    resolve: (_root, _args, ctx) => ctx.runtime.config.privacy.termsVersion ?? null,
  }),
  myDataExports: t.field({
    type: [DataExportRef],
    description: 'Your latest data exports, newest first.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => listExports(ctx.runtime, (await ctx.auth.require()).user.id),
  }),
}));

builder.mutationFields((t) => ({
  exportMyData: t.field({
    type: DataExportRef,
    description: 'Starts a copy of everything stored about you; a notification says when `url` is ready. Once an hour (RATE_LIMIT_EXPORT_USER).',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => {
      const row = await requestExport(ctx.runtime, (await requireAccountHolder(ctx)).user.id);
      kickPrivacyWorker(ctx.runtime);
      return row;
    },
  }),
  deleteMyAccount: t.field({
    type: AccountDeletionPayload,
    description:
      'Deletes your account after DELETION_GRACE_DAYS (14 by default): your other sessions end now; signing in before then cancels it. ' +
      'Needs your password (or a second-factor code); an account with no password (made through a provider) needs a recent proof instead.',
    args: {
      input: t.arg({
        type: builder.inputType('DeleteMyAccountInput', {
          fields: (f) => ({
            password: f.string({ required: false, ...secretText }),
            code: f.string({ required: false, description: 'A second-factor code, for accounts that have one (not yet used).', ...secretText }),
          }),
        }),
        required: true,
      }),
    },
    authScopes: (_root, { input }, ctx) => ({
      recentProof: {
        inline: { password: input.password || null, code: input.code || null, field: input.code ? 'code' : 'password', purpose: 'REAUTH' },
        inlineRequired: (viewer) => viewer.user.passwordHash !== null,
        validate: async () => limitDeletionAttempts(ctx.runtime, (await ctx.auth.require()).user.id),
      },
    }),
    resolve: async (_root, _args, ctx) => changed(ctx, await requestDeletion(ctx.runtime, await ctx.auth.require())),
  }),
  cancelAccountDeletion: t.boolean({
    description: 'Cancels your pending account deletion; false when there was none.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => changed(ctx, await cancelDeletion(ctx.runtime, (await requireAccountHolder(ctx)).user.id)),
  }),
  acceptTerms: t.boolean({
    description: 'Accepts the terms and privacy notice `version` (must be `requiredTermsVersion`).',
    authScopes: { authenticated: true },
    args: {
      input: t.arg({ type: builder.inputType('AcceptTermsInput', { fields: (f) => ({ version: f.string({ required: true }) }) }), required: true }),
    },
    resolve: async (_root, { input }, ctx) => {
      await acceptTerms(ctx.runtime, (await requireAccountHolder(ctx)).user.id, input.version, ctx.client);
      return true;
    },
  }),
}));
