// GraphQL fields for sign-in through OpenID Connect providers and linked accounts.
import type { UserIdentityRow } from '../../db/schema.js';
import { builder } from '../../graphql/builder.js';
import { changed } from '../../graphql/resolvers.js';
import { LoginResult, signedIn } from '../auth/schema.js';
import { privateToSelfOrStaff, UserRef } from '../users/schema.js';
import { completeSignIn, listLinkedAccounts, providerLabel, startLink, startUrl, unlinkAccount } from './service.js';

const OidcProvider = builder.simpleObject('OidcProvider', {
  description: 'A provider people can sign in with (OIDC_PROVIDERS).',
  fields: (t) => ({
    name: t.string({ description: 'As in OIDC_PROVIDERS, e.g. `line`.' }),
    label: t.string({ description: 'What the button says, e.g. "LINE".' }),
    startUrl: t.string({
      description: 'Open it in the browser to sign in; add `?redirect=<app URL>` for an OIDC_REDIRECT_ALLOWLIST app. The flow ends at that URL with `#oidc_code=<code>` (for completeOidcSignIn) or `#oidc_error=<code>`.',
    }),
  }),
});

const LinkedAccount = builder.objectRef<UserIdentityRow>('LinkedAccount').implement({
  description: 'An account at a provider that signs in to this one.',
  fields: (t) => ({
    provider: t.exposeString('provider'),
    label: t.string({ resolve: (row, _args, ctx) => providerLabel(ctx.runtime, row.provider) }),
    email: t.exposeString('email', { nullable: true, description: 'The email the provider last gave.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Its last sign-in here.' }),
  }),
});

builder.objectFields(UserRef, (t) => ({
  linkedAccounts: t.field({
    type: [LinkedAccount],
    nullable: true,
    description: 'Provider accounts linked to this user. Shown where `email` is; null for everyone else.',
    authScopes: privateToSelfOrStaff,
    unauthorizedResolver: () => null,
    resolve: (user, _args, ctx) => ctx.loaders.linkedAccounts.load(user.id),
  }),
  hasPassword: t.boolean({
    nullable: true,
    description: 'False for an account made through a provider until a password is set (changePassword with an empty currentPassword). Shown where `email` is.',
    authScopes: privateToSelfOrStaff,
    unauthorizedResolver: () => null,
    resolve: (user) => user.passwordHash !== null,
  }),
}));

builder.queryFields((t) => ({
  oidcProviders: t.field({
    type: [OidcProvider],
    description: 'The providers configured for sign-in, in OIDC_PROVIDERS order.',
    resolve: (_root, _args, ctx) => ctx.runtime.config.oidc.providers.map((p) => ({ name: p.name, label: p.label, startUrl: startUrl(ctx.runtime, p.name) })),
  }),
  myLinkedAccounts: t.field({
    type: [LinkedAccount],
    description: 'Your linked provider accounts.',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => listLinkedAccounts(ctx.runtime.db, (await ctx.auth.require()).user.id),
  }),
}));

const ProviderInput = (name: string) =>
  builder.inputType(name, { fields: (t) => ({ provider: t.string({ required: true, description: 'A name from `oidcProviders`.' }) }) });

builder.mutationFields((t) => ({
  completeOidcSignIn: t.field({
    type: LoginResult,
    description: 'Trades the one-time `oidc_code` from the end of a provider sign-in for a session. Works once, within a minute (OIDC_CODE_EXPIRED after).',
    args: {
      input: t.arg({ type: builder.inputType('CompleteOidcSignInInput', { fields: (f) => ({ code: f.string({ required: true }) }) }), required: true }),
    },
    resolve: async (_root, { input }, ctx) => signedIn(ctx, await completeSignIn(ctx.runtime, input.code, ctx.client)),
  }),
  startOidcLink: t.field({
    type: builder.simpleObject('OidcLinkStart', {
      fields: (f) => ({
        url: f.string({
          description:
            'POST to it from a page of this service (a form submitted in the browser that asked: the flow is bound to that browser, and a ' +
            'link opened anywhere else is refused), once, within OIDC_FLOW_TTL_SECONDS; the flow ends at the web client with ' +
            '`#oidc_linked=<provider>` or `#oidc_error=<code>`.',
        }),
      }),
    }),
    description: 'Starts linking a provider account to yours: a new way in, so it needs a recent proof (REAUTH_REQUIRED). OIDC_PROVIDER_UNAVAILABLE when the provider cannot be reached.',
    authScopes: { recentProof: true },
    args: { input: t.arg({ type: ProviderInput('StartOidcLinkInput'), required: true }) },
    resolve: async (_root, { input }, ctx) => startLink(ctx.runtime, await ctx.auth.require(), input.provider),
  }),
  unlinkAccount: t.field({
    type: builder.simpleObject('UnlinkAccountPayload', { fields: (f) => ({ linkedAccounts: f.field({ type: [LinkedAccount] }) }) }),
    description:
      'Removes a linked provider; needs a recent proof (REAUTH_REQUIRED). CONFLICT (reason LAST_SIGN_IN_METHOD) when it is your only way in: ' +
      'set a password or link another provider first.',
    authScopes: { recentProof: true },
    args: { input: t.arg({ type: ProviderInput('UnlinkAccountInput'), required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { user } = await ctx.auth.require();
      await unlinkAccount(ctx.runtime, user.id, input.provider);
      return changed(ctx, { linkedAccounts: await listLinkedAccounts(ctx.runtime.db, user.id) });
    },
  }),
}));
