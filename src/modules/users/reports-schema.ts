// GraphQL fields for reports (`report:view`): the login history and user statistics.
import { builder } from '../../graphql/builder.js';
import { keysetConnection, TOTAL_COUNT_DESCRIPTION } from '../../graphql/connections.js';
import { RoleRef } from '../roles/schema.js';
import { AccountStatusEnum } from './admin-schema.js';
import { countLoginHistory, listLoginHistory, loginAttemptCursor, STATS_DAYS, userStats, type LoginAttemptRow, type LoginHistoryFilter } from './reports.js';
import { UserRef } from './schema.js';

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

const RoleUserCount = builder.simpleObject('RoleUserCount', {
  fields: (t) => ({ role: t.field({ type: RoleRef }), count: t.int() }),
});

const AccountStatusCount = builder.simpleObject('AccountStatusCount', {
  fields: (t) => ({ status: t.field({ type: AccountStatusEnum }), count: t.int() }),
});

const DailyCount = builder.simpleObject('DailyCount', {
  fields: (t) => ({ date: t.string({ description: 'A UTC day, YYYY-MM-DD.' }), count: t.int() }),
});

const DailyLogins = builder.simpleObject('DailyLogins', {
  fields: (t) => ({
    date: t.string({ description: 'A UTC day, YYYY-MM-DD.' }),
    successful: t.int(),
    failed: t.int(),
    total: t.int(),
  }),
});

const UserStatsRef = builder.simpleObject('UserStats', {
  fields: (t) => ({
    totalUsers: t.int({ description: 'Users that are not deleted.' }),
    activeUsers: t.int(),
    disabledUsers: t.int(),
    deletedUsers: t.int(),
    byRole: t.field({ type: [RoleUserCount], description: 'Users that are not deleted, per role (every role, zero included).' }),
    byStatus: t.field({ type: [AccountStatusCount], description: 'Users that are not deleted, per status.' }),
    newUsersPerDay: t.field({ type: [DailyCount], description: `Sign-ups on each of the last ${STATS_DAYS} UTC days, oldest first, today last.` }),
    loginsPerDay: t.field({ type: [DailyLogins], description: `Sign-in attempts on each of the last ${STATS_DAYS} UTC days, oldest first, today last.` }),
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
  userStats: t.field({
    type: UserStatsRef,
    description: 'User totals by role and status, sign-ups and sign-ins per day. Needs `report:view`.',
    authScopes: REPORTS,
    resolve: (_root, _args, ctx) => userStats(ctx.runtime.db),
  }),
}));
