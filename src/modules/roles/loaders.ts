// The roles module's per-request loaders, each made on first use (see createLoaders in ../../graphql/context.ts).
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { permissions, roles } from '../../db/schema.js';
import { loaderById } from '../../graphql/loaders.js';
import type { Runtime } from '../../runtime.js';
import { permissionsOfRoles, userCountsOfRoles } from './service.js';

export const roleLoaders = {
  role: (runtime: Runtime) => loaderById((ids) => runtime.db.select().from(roles).where(inArray(roles.id, ids))),
  permission: (runtime: Runtime) => loaderById((ids) => runtime.db.select().from(permissions).where(inArray(permissions.id, ids))),
  rolePermissions: (runtime: Runtime) =>
    new DataLoader(async (ids: readonly number[]) => {
      const byRole = await permissionsOfRoles(runtime.db, ids);
      return ids.map((id) => byRole.get(id) ?? []);
    }),
  roleUserCount: (runtime: Runtime) =>
    new DataLoader(async (ids: readonly number[]) => {
      const counts = await userCountsOfRoles(runtime.db, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
};
