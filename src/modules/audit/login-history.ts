// The login history: every sign-in attempt, successful or not, with who, from where and why it failed.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { newestFirstCursor, newestFirstPage, timeWindow } from '../../db/keyset.js';
import { preparedPerDb } from '../../db/prepared.js';
import { loginHistory } from '../../db/schema.js';
import type { PageRequest } from '../../pagination.js';
import { parseId } from '../../validation.js';

export interface LoginAttempt {
  identifier: string;
  identifierKey: string;
  userId: number | null;
  /** Null on success. */
  failure: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** The row of an attempt, its free text cut to the columns' size; `success` unless said otherwise, when it has no failure. */
export function loginAttemptRow(attempt: LoginAttempt, success = attempt.failure === null) {
  return {
    userId: attempt.userId,
    identifier: attempt.identifier.slice(0, 254),
    identifierKey: attempt.identifierKey.slice(0, 254),
    success,
    reason: attempt.failure,
    ip: attempt.ip,
    userAgent: attempt.userAgent?.slice(0, 512) ?? null,
  };
}

/** Every sign-in writes one: prepared once per database handle. */
const insertAttempt = preparedPerDb((db: Db) =>
  db
    .insert(loginHistory)
    .values({
      userId: sql.placeholder('userId'),
      identifier: sql.placeholder('identifier'),
      identifierKey: sql.placeholder('identifierKey'),
      success: sql.placeholder('success'),
      reason: sql.placeholder('reason'),
      ip: sql.placeholder('ip'),
      userAgent: sql.placeholder('userAgent'),
    })
    .prepare(),
);

/**
 * Records an attempt: on the plain handle with a prepared statement, or inside the caller's transaction. `success`
 * defaults to "no failure"; an event that went through but is worth naming (REAUTHENTICATED) passes it.
 */
export async function recordLoginAttempt(db: DbOrTx, attempt: LoginAttempt, options: { inTransaction?: boolean; success?: boolean } = {}): Promise<void> {
  const row = loginAttemptRow(attempt, options.success);
  if (options.inTransaction) await db.insert(loginHistory).values(row);
  else await insertAttempt(db as Db).execute(row);
}

export type LoginAttemptRow = typeof loginHistory.$inferSelect;

export interface LoginHistoryFilter {
  userId?: string | null;
  success?: boolean | null;
  from?: Date | null;
  to?: Date | null;
}

function loginConditions(filter: LoginHistoryFilter): SQL | undefined {
  return and(
    filter.userId != null ? eq(loginHistory.userId, parseId(filter.userId, 'userId')) : undefined,
    filter.success != null ? eq(loginHistory.success, filter.success) : undefined,
    timeWindow(loginHistory.createdAt, filter),
  );
}

const LOGIN_CURSOR = 'login-history';

export const loginAttemptCursor = (row: LoginAttemptRow): string => newestFirstCursor(LOGIN_CURSOR, row.id);

export async function listLoginHistory(db: DbOrTx, filter: LoginHistoryFilter, page: PageRequest): Promise<LoginAttemptRow[]> {
  const { where, orderBy } = newestFirstPage(loginHistory.id, LOGIN_CURSOR, page);
  return db
    .select()
    .from(loginHistory)
    .where(and(loginConditions(filter), where))
    .orderBy(...orderBy)
    .limit(page.limit);
}

export async function countLoginHistory(db: DbOrTx, filter: LoginHistoryFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(loginHistory).where(loginConditions(filter));
  return Number(row?.n ?? 0);
}

