// Fills in users.username_skeleton for rows made before the column existed (migration 0004): the skeleton needs the
// confusables table, which SQL does not have, so it is computed here at start-up, under the migration lock, once.
import { eq, isNull } from 'drizzle-orm';
import type { Logger } from '../logger.js';
import { usernameSkeletonOf } from '../modules/users/identity.js';
import type { Db } from './client.js';
import { duplicateKeyName } from './errors.js';
import { users } from './schema.js';

export async function backfillUsernameSkeletons(db: Db, log: Logger): Promise<void> {
  const rows = await db.select({ id: users.id, username: users.username }).from(users).where(isNull(users.usernameSkeleton));
  for (const row of rows) {
    try {
      await db.update(users).set({ usernameSkeleton: usernameSkeletonOf(row.username) }).where(eq(users.id, row.id));
    } catch (error) {
      if (duplicateKeyName(error) !== 'users_username_skeleton_unique') throw error;
      // Two look-alike names registered before the check: both keep working (neither is renamed behind its owner's
      // back), the first one's skeleton already blocks any further look-alike.
      log.warn({ userId: row.id, username: row.username }, 'Username looks like an existing one; left without a skeleton');
    }
  }
}
