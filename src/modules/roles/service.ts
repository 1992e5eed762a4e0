// Roles and permissions.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { permissions, rolePermissions, roles } from '../../db/schema.js';

export async function permissionNamesOfRole(db: DbOrTx, roleId: number): Promise<Set<string>> {
  const rows = await db
    .select({ name: permissions.name })
    .from(rolePermissions)
    .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
    .where(eq(rolePermissions.roleId, roleId));
  return new Set(rows.map((r) => r.name));
}

export async function roleIdByName(db: DbOrTx, name: string): Promise<number> {
  const [role] = await db.select({ id: roles.id }).from(roles).where(eq(roles.name, name));
  if (!role) throw new Error(`Role ${name} does not exist; was the database seeded?`);
  return role.id;
}
