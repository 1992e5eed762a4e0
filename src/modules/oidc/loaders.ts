// The OpenID Connect module's per-request loaders, each made on first use (see createLoaders in ../../graphql/context.ts).
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { userIdentities, type UserIdentityRow } from '../../db/schema.js';
import type { Runtime } from '../../runtime.js';

export const oidcLoaders = {
  /** Each user's linked provider accounts, oldest first: one query for a page of users in the admin list. */
  linkedAccounts: (runtime: Runtime) =>
    new DataLoader(async (userIds: readonly number[]) => {
      const rows = await runtime.db.select().from(userIdentities).where(inArray(userIdentities.userId, [...userIds])).orderBy(userIdentities.createdAt, userIdentities.id);
      const byUser = new Map<number, UserIdentityRow[]>();
      for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
      return userIds.map((id) => byUser.get(id) ?? []);
    }),
};
