// GraphQL types and fields for users and profiles.
import type { UserRow } from '../../db/schema.js';
import { builder } from '../../graphql/builder.js';
import { RoleRef } from '../roles/schema.js';
import { changesContact, updateProfile } from './service.js';

export const UserRef = builder.objectRef<UserRow>('User');

const LocaleEnum = builder.enumType('Locale', {
  description: 'The language of the emails and SMS a user gets.',
  values: { th: { description: 'Thai' }, en: { description: 'English' } } as const,
});

/** Contact details are private: visible to the user themselves and to staff who manage users. */
export const privateToSelfOrStaff = (user: UserRow) => ({ $any: { self: user.id, permission: 'user:write' as const } });

UserRef.implement({
  description: 'A member of the service.',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    email: t.exposeString('email', {
      nullable: true,
      description: 'Visible to the user and to holders of `user:write`; null for everyone else.',
      authScopes: privateToSelfOrStaff,
      unauthorizedResolver: () => null,
    }),
    phone: t.exposeString('phone', {
      nullable: true,
      description: 'E.164 (e.g. +66812345678). Visible to the user and to holders of `user:write`; null for everyone else.',
      authScopes: privateToSelfOrStaff,
      unauthorizedResolver: () => null,
    }),
    locale: t.field({
      type: LocaleEnum,
      nullable: true,
      description: 'The language of messages to the user (DEFAULT_LOCALE until they choose). Visible where `email` is.',
      authScopes: privateToSelfOrStaff,
      unauthorizedResolver: () => null,
      resolve: (user, _args, ctx) => user.locale ?? ctx.runtime.config.defaultLocale,
    }),
    role: t.field({
      type: RoleRef,
      resolve: async (user, _args, ctx) => {
        const role = await ctx.loaders.role.load(user.roleId);
        if (!role) throw new Error(`User ${user.id} has missing role ${user.roleId}`);
        return role;
      },
    }),
    isActive: t.exposeBoolean('isActive', { description: 'False when an administrator has disabled the account.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    deletedAt: t.expose('deletedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When an administrator deleted the account. Deleted users appear only as the actors or targets of history entries.',
    }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: UserRef,
    description: 'The signed-in user (also with a session limited to enrolling a second factor).',
    authScopes: { enrolling: true },
    // Without a promise when the caller is already known.
    resolve: (_root, _args, ctx) => ctx.auth.current?.user ?? ctx.auth.requireEnrolling().then((viewer) => viewer.user),
  }),
);

const UpdateProfileInput = builder.inputType('UpdateProfileInput', {
  description: 'Only the fields given are changed.',
  fields: (t) => ({
    username: t.string({ required: false }),
    email: t.string({ required: false, description: 'A new email is pending (`pendingEmail`) until the link sent to it is opened; the current one stays in use.' }),
    phone: t.string({ required: false, description: 'Any common format; stored as E.164. A new number is pending until the code sent to it is entered (verifyPhone).' }),
    locale: t.field({ type: LocaleEnum, required: false, description: 'The language of your emails and SMS.' }),
  }),
});

const UpdateProfilePayload = builder.simpleObject('UpdateProfilePayload', {
  fields: (t) => ({ user: t.field({ type: UserRef }) }),
});

builder.mutationField('updateProfile', (t) =>
  t.field({
    type: UpdateProfilePayload,
    description:
      'Changes your profile. A new email or phone is a new way into the account (links and codes go there): it needs a recent proof ' +
      '(REAUTH_REQUIRED otherwise, before anything says whether the address is taken), and never in an impersonation.',
    args: { input: t.arg({ type: UpdateProfileInput, required: true }) },
    // Contact details are how an account is recovered: whoever acts as the user may not touch them at all.
    authScopes: (_root, { input }, ctx) =>
      input.email == null && input.phone == null
        ? { authenticated: true }
        : { recentProof: { unless: (viewer) => changesContact(ctx.runtime, viewer.user.id, input).then((changes) => !changes) } },
    resolve: async (_root, { input }, ctx) => {
      const viewer = await ctx.auth.require();
      return { user: await updateProfile(ctx.runtime, viewer.user.id, input, ctx.client) };
    },
  }),
);
