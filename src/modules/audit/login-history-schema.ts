// GraphQL for the login history (needs `report:view`).
import { builder } from '../../graphql/builder.js';
import { keysetConnection, TOTAL_COUNT_DESCRIPTION } from '../../graphql/connections.js';
import { UserRef } from '../users/schema.js';
import { countLoginHistory, listLoginHistory, loginAttemptCursor, type LoginAttemptRow, type LoginHistoryFilter } from './login-history.js';

const REPORTS = { permission: 'report:view' } as const;

const LoginAttemptRef = builder.objectRef<LoginAttemptRow>('LoginAttempt').implement({
  description: 'One sign-in attempt, successful or not.',
  fields: (t) => ({
    id: t.exposeID('id'),
    user: t.field({
      type: UserRef,
      nullable: true,
      description: 'The account the identifier matched; null when it matched none.',
      resolve: (attempt, _args, ctx) => (attempt.userId === null ? null : ctx.loaders.user.load(attempt.userId)),
    }),
    identifier: t.exposeString('identifier', {
      nullable: true,
      description:
        'What was typed as the username, email or phone. Often an email address or phone number, so visible only to holders of `user:write` (and to the user it matched); null for everyone else.',
      authScopes: (attempt) => (attempt.userId === null ? { permission: 'user:write' } : { $any: { permission: 'user:write', self: attempt.userId } }),
      unauthorizedResolver: () => null,
    }),
    success: t.exposeBoolean('success'),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why it failed: UNKNOWN_IDENTIFIER, WRONG_PASSWORD or ACCOUNT_DISABLED; null on success.',
    }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  loginHistory: t.connection(
    {
      type: LoginAttemptRef,
      description: 'Sign-in attempts with IP and User-Agent, newest first. Needs `report:view`.',
      authScopes: REPORTS,
      edgesNullable: { list: false, items: false },
      args: {
        userId: t.arg.id({ required: false }),
        success: t.arg.boolean({ required: false }),
        from: t.arg({ type: 'DateTime', required: false, description: 'Attempts at or after this instant.' }),
        to: t.arg({ type: 'DateTime', required: false, description: 'Attempts at or before this instant.' }),
      },
      resolve: (_root, args, ctx) => {
        const filter: LoginHistoryFilter = { userId: args.userId, success: args.success, from: args.from, to: args.to };
        return keysetConnection(args, {
          toCursor: loginAttemptCursor,
          fetch: (page) => listLoginHistory(ctx.runtime.db, filter, page),
          count: () => countLoginHistory(ctx.runtime.db, filter),
        });
      },
    },
    {
      name: 'LoginAttemptConnection',
      fields: (tc) => ({ totalCount: tc.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: (connection) => connection.totalCount() }) }),
    },
    { name: 'LoginAttemptEdge' },
  ),
}));
