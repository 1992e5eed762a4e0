// User administration: listing and searching users, changing a user's role, disabling and deleting accounts.
// Every change is written to the permission history in the transaction that makes it, and announced after commit.
import { and, eq, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { CountryCode } from 'libphonenumber-js';
import type { DbOrTx } from '../../db/client.js';
import { keysetPage, type KeysetOrder } from '../../db/keyset.js';
import { roles, users, type UserRow } from '../../db/schema.js';
import { badInput, notFound } from '../../errors.js';
import { cursorKey, encodeCursor, type PageRequest } from '../../pagination.js';
import type { Runtime } from '../../runtime.js';
import { assertPlainText, optionalText, parseId, validateAll } from '../../validation.js';
import { writeThenAnnounce } from '../../changes.js';
import { endImpersonationsBy, revokeSessions, type RevokeOptions } from '../auth/sessions.js';
import { assertManagersRemain, changeAuthorization } from '../roles/guard.js';
import { notifySystem } from '../realtime/notifications.js';
import { recordHistory, REASON_MAX, roleChange } from '../audit/permission-history.js';
import { findRole } from '../roles/service.js';
import { scheduleErasure } from '../privacy/erasure.js';
import { phoneSearchPrefixes, usernameKeyOf } from './identity.js';
import { findUserById } from './queries.js';

// ---- listing and search

export type AccountStatusFilter = 'ACTIVE' | 'DISABLED';
export type UserOrderField = 'CREATED_AT' | 'USERNAME';
export type OrderDirection = 'ASC' | 'DESC';

export interface UserOrder {
  field: UserOrderField;
  direction: OrderDirection;
}

export const DEFAULT_USER_ORDER: UserOrder = { field: 'CREATED_AT', direction: 'DESC' };
export const SEARCH_MAX = 254;

export interface UserFilter {
  search?: string | null;
  roleId?: string | null;
  status?: AccountStatusFilter | null;
  /**
   * Whether the search may match email addresses and phone numbers. Only for callers allowed to see them:
   * otherwise the search would reveal a hidden address one typed prefix at a time.
   */
  matchContact: boolean;
}

/** `column LIKE 'prefix%'` with the prefix's own wildcards taken literally; a prefix LIKE can use the column's index. */
function startsWith(column: AnyColumn, prefix: string): SQL {
  const escaped = prefix.replace(/[!%_]/g, (c) => `!${c}`);
  return sql`${column} LIKE ${`${escaped}%`} ESCAPE '!'`;
}

/** Each identifier is normalized the way its column is stored, so the match is a prefix range on its unique index. */
function searchCondition(term: string, matchContact: boolean, region: CountryCode): SQL {
  const matches: SQL[] = [startsWith(users.usernameKey, usernameKeyOf(term))];
  if (matchContact) {
    matches.push(startsWith(users.email, term.toLowerCase()));
    for (const prefix of phoneSearchPrefixes(term, region)) matches.push(startsWith(users.phone, prefix));
  }
  return or(...matches)!;
}

function filterCondition(filter: UserFilter, region: CountryCode): SQL {
  const search = filter.search?.trim() ?? '';
  if (search.length > SEARCH_MAX) throw badInput('search', `Search must be at most ${SEARCH_MAX} characters long`);
  assertPlainText(search, 'search');
  return and(
    isNull(users.deletedAt),
    search ? searchCondition(search, filter.matchContact, region) : undefined,
    filter.roleId != null ? eq(users.roleId, parseId(filter.roleId, 'role')) : undefined,
    filter.status ? eq(users.isActive, filter.status === 'ACTIVE') : undefined,
  )!;
}

const ORDER_COLUMNS = {
  CREATED_AT: [users.createdAt, users.id],
  USERNAME: [users.usernameKey, users.id],
} as const;

const cursorKind = (order: UserOrder) => `users:${order.field}:${order.direction}`;

export function userCursor(user: UserRow, order: UserOrder): string {
  const first = order.field === 'CREATED_AT' ? user.createdAt.toISOString() : user.usernameKey;
  return encodeCursor(cursorKind(order), [first, user.id]);
}

function cursorValues(cursor: string | undefined, order: UserOrder, field: string): readonly unknown[] | undefined {
  if (!cursor) return undefined;
  return cursorKey(cursor, cursorKind(order), field, [order.field === 'CREATED_AT' ? 'date' : 'string', 'number']);
}

export async function listUsers(runtime: Runtime, filter: UserFilter, order: UserOrder, page: PageRequest): Promise<UserRow[]> {
  const keyset: KeysetOrder = { columns: [...ORDER_COLUMNS[order.field]], direction: order.direction === 'ASC' ? 'asc' : 'desc' };
  const { where, orderBy } = keysetPage(keyset, {
    after: cursorValues(page.after, order, 'after'),
    before: cursorValues(page.before, order, 'before'),
    inverted: page.inverted,
  });
  return runtime.db
    .select()
    .from(users)
    .where(and(filterCondition(filter, runtime.config.phoneDefaultRegion), where))
    .orderBy(...orderBy)
    .limit(page.limit);
}

export async function countUsers(runtime: Runtime, filter: UserFilter): Promise<number> {
  const [row] = await runtime.db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(filterCondition(filter, runtime.config.phoneDefaultRegion));
  return Number(row?.n ?? 0);
}

/** A user who has not been deleted, or NOT_FOUND. */
export async function getUser(db: DbOrTx, id: string, field = 'id'): Promise<UserRow> {
  const user = await findUserById(db, parseId(id, field));
  if (!user) throw notFound('User');
  return user;
}

// ---- changes

export interface ChangeUserRoleInput {
  userId: string;
  roleId: string;
  reason?: string | null;
}

export async function changeUserRole(runtime: Runtime, actorId: number, input: ChangeUserRoleInput): Promise<UserRow> {
  const values = validateAll({
    userId: () => parseId(input.userId, 'userId'),
    roleId: () => parseId(input.roleId, 'roleId'),
    reason: () => optionalText(input.reason, 'reason', REASON_MAX),
  });
  const change = await changeAuthorization(runtime, async (tx, announce) => {
    const user = await findUserById(tx, values.userId);
    if (!user) throw notFound('User');
    const to = await findRole(tx, values.roleId);
    if (!to) throw notFound('Role');
    if (user.roleId === to.id) return undefined; // Already there: nothing to change or record.
    const from = (await findRole(tx, user.roleId))!;
    await tx.update(users).set({ roleId: to.id }).where(eq(users.id, user.id));
    await recordHistory(tx, [roleChange(actorId, user.id, from, to, values.reason)]);
    await assertManagersRemain(tx, 'roleId');
    announce.userChanged(user.id);
    return { roleName: to.name };
  });
  if (change) {
    await notifySystem(runtime, values.userId, 'บทบาทของคุณเปลี่ยนแล้ว · Your role was changed', `${change.roleName}${values.reason ? ` — ${values.reason}` : ''}`);
  }
  return (await findUserById(runtime.db, values.userId))!;
}

export interface SetUserStatusInput {
  userId: string;
  active: boolean;
  reason?: string | null;
}

export async function setUserStatus(
  runtime: Runtime,
  actorId: number,
  input: SetUserStatusInput,
): Promise<{ user: UserRow; revokedSessions: number }> {
  const values = validateAll({
    userId: () => parseId(input.userId, 'userId'),
    reason: () => optionalText(input.reason, 'reason', REASON_MAX),
  });
  const revocation: RevokeOptions = { userId: values.userId, reason: 'account_disabled' };
  const result = await changeAuthorization(runtime, async (tx, announce) => {
    const user = await findUserById(tx, values.userId);
    if (!user) throw notFound('User');
    if (user.isActive === input.active) return { changed: false, revokedSessions: 0 };
    await tx.update(users).set({ isActive: input.active }).where(eq(users.id, user.id));
    // A disabled account's tokens die now, not at their expiry; re-enabling does not bring them back.
    const revokedSessions = input.active ? 0 : await revokeSessions(tx, revocation);
    await recordHistory(tx, [
      {
        actorId,
        action: input.active ? 'USER_ENABLED' : 'USER_DISABLED',
        targetUserId: user.id,
        before: { active: user.isActive },
        after: { active: input.active },
        reason: values.reason,
      },
    ]);
    if (!input.active) await assertManagersRemain(tx, 'active');
    announce.userChanged(user.id);
    // A disabled account's sockets close at once (its impersonations end by the authorization check, on the record);
    // there is nobody to notify until it is enabled again.
    if (!input.active) announce.sessionsRevoked(revocation);
    return { changed: true, revokedSessions };
  });
  if (result.changed && input.active) {
    await notifySystem(runtime, values.userId, 'บัญชีของคุณเปิดใช้งานอีกครั้ง · Your account is enabled again', values.reason ?? '—');
  }
  return { user: (await findUserById(runtime.db, values.userId))!, revokedSessions: result.revokedSessions };
}

/**
 * Soft delete now, erasure later. The account can no longer sign in (login and every request skip deleted users)
 * and its sessions are revoked at once; after DELETION_GRACE_DAYS the privacy worker erases its personal data
 * (privacy/erasure.ts), leaving the row under the tombstone name deleted-<id>.
 */
export async function deleteUser(
  runtime: Runtime,
  actorId: number,
  input: { userId: string; reason?: string | null },
): Promise<{ id: number; revokedSessions: number }> {
  const values = validateAll({
    userId: () => parseId(input.userId, 'userId'),
    reason: () => optionalText(input.reason, 'reason', REASON_MAX),
  });
  const revocation: RevokeOptions = { userId: values.userId, reason: 'account_deleted' };
  const revokedSessions = await changeAuthorization(runtime, async (tx, announce) => {
    const user = await findUserById(tx, values.userId);
    if (!user) throw notFound('User');
    const deletedAt = new Date();
    await tx.update(users).set({ deletedAt }).where(eq(users.id, user.id));
    const revoked = await revokeSessions(tx, revocation);
    announce.sessionsRevoked(revocation);
    const [role] = await tx.select({ name: roles.name }).from(roles).where(eq(roles.id, user.roleId));
    await recordHistory(tx, [
      {
        actorId,
        action: 'USER_DELETED',
        targetUserId: user.id,
        before: { active: user.isActive, roleId: user.roleId, roleName: role?.name ?? null, deletedAt: null },
        after: { active: user.isActive, roleId: user.roleId, roleName: role?.name ?? null, deletedAt: deletedAt.toISOString() },
        reason: values.reason,
      },
    ]);
    await assertManagersRemain(tx, 'userId');
    // The same end as deleteMyAccount: erased after DELETION_GRACE_DAYS (privacy/erasure.ts); not cancelled by signing
    // in, which a deleted account cannot do anyway.
    await scheduleErasure(tx, runtime.config.privacy.deletionGraceMs, user.id, actorId, true);
    return revoked;
  });
  return { id: values.userId, revokedSessions };
}

/** Signs a user out everywhere (a lost phone, a suspected theft) without disabling the account. */
export async function revokeUserSessions(
  runtime: Runtime,
  actorId: number,
  input: { userId: string; reason?: string | null },
): Promise<{ revokedSessions: number }> {
  const values = validateAll({
    userId: () => parseId(input.userId, 'userId'),
    reason: () => optionalText(input.reason, 'reason', REASON_MAX),
  });
  const revocation: RevokeOptions = { userId: values.userId, reason: 'revoked_by_admin' };
  const revokedSessions = await writeThenAnnounce(runtime, async (tx, announce) => {
    const user = await findUserById(tx, values.userId);
    if (!user) throw notFound('User');
    const revoked = await revokeSessions(tx, revocation);
    announce.sessionsRevoked(revocation);
    await recordHistory(tx, [
      { actorId, action: 'USER_SESSIONS_REVOKED', targetUserId: user.id, before: null, after: { revokedSessions: revoked }, reason: values.reason },
    ]);
    // Out everywhere: the impersonations the user started too, as consequences of this act.
    await endImpersonationsBy(tx, announce, user.id, revocation.reason);
    return revoked;
  });
  return { revokedSessions };
}
