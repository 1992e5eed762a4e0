// GraphQL fields for reports (`report:view`): user statistics (the login history is the audit module's).
import { builder } from '../../graphql/builder.js';
import { RoleRef } from '../roles/schema.js';
import { AccountStatusEnum } from './admin-schema.js';
import { STATS_DAYS, userStats } from './reports.js';

const REPORTS = { permission: 'report:view' } as const;

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
  userStats: t.field({
    type: UserStatsRef,
    description: 'User totals by role and status, sign-ups and sign-ins per day. Needs `report:view`.',
    authScopes: REPORTS,
    resolve: (_root, _args, ctx) => userStats(ctx.runtime.db),
  }),
}));
