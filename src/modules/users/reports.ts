// Reports for staff: user statistics (the login history is the audit module's). Days are UTC calendar days.
import { asc, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginHistory, roles, users, type RoleRow } from '../../db/schema.js';

// ---- statistics

export const STATS_DAYS = 30;

export interface UserStats {
  /** Users that are not deleted. */
  totalUsers: number;
  activeUsers: number;
  disabledUsers: number;
  deletedUsers: number;
  byRole: { role: RoleRow; count: number }[];
  byStatus: { status: 'ACTIVE' | 'DISABLED'; count: number }[];
  /** One entry per UTC day, oldest first, today last; days without sign-ups count 0. */
  newUsersPerDay: { date: string; count: number }[];
  loginsPerDay: { date: string; successful: number; failed: number; total: number }[];
}

const DAY_MS = 86_400_000;

/** The last `STATS_DAYS` UTC dates (YYYY-MM-DD), oldest first, ending with the day of `now`. */
function lastDays(now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: STATS_DAYS }, (_, i) => new Date(today - (STATS_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

/** Four grouped queries, whatever the number of users or roles. Sessions run in UTC, so DATE_FORMAT gives UTC days. */
export async function userStats(db: DbOrTx, now = new Date()): Promise<UserStats> {
  const days = lastDays(now);
  const since = new Date(`${days[0]}T00:00:00.000Z`);
  const userDay = sql<string>`date_format(${users.createdAt}, '%Y-%m-%d')`;
  const loginDay = sql<string>`date_format(${loginHistory.createdAt}, '%Y-%m-%d')`;

  const [groups, allRoles, signups, logins] = await Promise.all([
    db
      .select({
        roleId: users.roleId,
        active: users.isActive,
        deleted: sql<number>`(${users.deletedAt} is not null)`,
        n: sql<number>`count(*)`,
      })
      .from(users)
      .groupBy(users.roleId, users.isActive, sql`(${users.deletedAt} is not null)`),
    db.select().from(roles).orderBy(asc(roles.id)),
    db.select({ day: userDay, n: sql<number>`count(*)` }).from(users).where(gte(users.createdAt, since)).groupBy(userDay),
    db
      .select({
        day: loginDay,
        successful: sql<number>`sum(${loginHistory.success})`,
        failed: sql<number>`sum(1 - ${loginHistory.success})`,
      })
      .from(loginHistory)
      .where(gte(loginHistory.createdAt, since))
      .groupBy(loginDay),
  ]);

  const byRoleId = new Map<number, number>();
  let activeUsers = 0;
  let disabledUsers = 0;
  let deletedUsers = 0;
  for (const g of groups) {
    const n = Number(g.n);
    if (Number(g.deleted)) {
      deletedUsers += n;
      continue;
    }
    if (g.active) activeUsers += n;
    else disabledUsers += n;
    byRoleId.set(g.roleId, (byRoleId.get(g.roleId) ?? 0) + n);
  }
  const signupsByDay = new Map(signups.map((s) => [s.day, Number(s.n)]));
  const loginsByDay = new Map(logins.map((l) => [l.day, { successful: Number(l.successful), failed: Number(l.failed) }]));

  return {
    totalUsers: activeUsers + disabledUsers,
    activeUsers,
    disabledUsers,
    deletedUsers,
    byRole: allRoles.map((role) => ({ role, count: byRoleId.get(role.id) ?? 0 })),
    byStatus: [
      { status: 'ACTIVE', count: activeUsers },
      { status: 'DISABLED', count: disabledUsers },
    ],
    newUsersPerDay: days.map((date) => ({ date, count: signupsByDay.get(date) ?? 0 })),
    loginsPerDay: days.map((date) => {
      const day = loginsByDay.get(date) ?? { successful: 0, failed: 0 };
      return { date, ...day, total: day.successful + day.failed };
    }),
  };
}
