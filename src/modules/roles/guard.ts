// Keeping somebody in charge. Every change to roles, permissions, users' roles or users' status runs under one
// lock (changeAuthorization), a change that would leave no active user able to manage roles is refused (and rolled
// back), and the checks other modules register (AUTHORIZATION_CHECKS: an impersonation whose right is gone ends)
// run after it in its transaction.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { writeThenAnnounce, type Announcements } from '../../changes.js';
import type { DbOrTx } from '../../db/client.js';
import { permissions, rolePermissions, users } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { Runtime } from '../../runtime.js';

/** The permission that can grant every other one: losing all of its holders would lock administration out. */
export const MANAGE_PERMISSION = 'role:manage';

/**
 * Serializes authorization changes: takes a row lock on the `role:manage` permission. Call it first in the
 * transaction, before any read, so the transaction's snapshot is taken after the previous change committed;
 * otherwise two admins demoting each other at the same time could each see the other still in charge.
 */
export async function lockAuthorization(tx: DbOrTx): Promise<void> {
  await tx.select({ id: permissions.id }).from(permissions).where(eq(permissions.name, MANAGE_PERMISSION)).for('update');
}

/** Active, not deleted users whose role grants `role:manage`. */
export async function countActiveManagers(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, users.roleId))
    .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
    .where(and(eq(permissions.name, MANAGE_PERMISSION), eq(users.isActive, true), isNull(users.deletedAt)));
  return Number(row?.n ?? 0);
}

/** Run after the change, inside its transaction: throws CONFLICT (reason LAST_ADMIN) when nobody would be left. */
export async function assertManagersRemain(tx: DbOrTx, field: string): Promise<void> {
  if ((await countActiveManagers(tx)) > 0) return;
  throw new AppError(
    'CONFLICT',
    `Refused: afterwards no active user could manage roles. At least one active user must keep a role with ${MANAGE_PERMISSION} (promote someone else first).`,
    { field, reason: 'LAST_ADMIN' },
  );
}

/**
 * A change to authorization: `change` runs under the lock, then every registered check (runtime.authorizationChecks)
 * in the same transaction, and what they all announced goes out once it has committed.
 */
export function changeAuthorization<T>(runtime: Runtime, change: (tx: DbOrTx, announce: Announcements) => Promise<T>): Promise<T> {
  return writeThenAnnounce(runtime, async (tx, announce) => {
    await lockAuthorization(tx);
    const result = await change(tx, announce);
    for (const check of runtime.authorizationChecks) await check(tx, announce);
    return result;
  });
}
