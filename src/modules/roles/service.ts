// Roles and permissions: reading them, and changing them with a permission-history row for every change.
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { duplicateKeyName } from '../../db/errors.js';
import { permissions, rolePermissions, roles, users, type PermissionRow, type RoleRow } from '../../db/schema.js';
import { BUILT_IN_PERMISSIONS, DEFAULT_ROLE } from './catalog.js';
import { AppError, badInput, conflict, notFound } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import { optionalText, parseId, validateAll } from '../../validation.js';
import { assertManagersRemain, changeAuthorization } from './guard.js';
import { recordHistory, REASON_MAX, roleChange, type HistoryEntry } from '../audit/permission-history.js';

export const ROLE_NAME_MAX = 64;
export const DESCRIPTION_MAX = 255;
export const PERMISSION_NAME_MAX = 64;
// resource:action, lower-case, e.g. `user:write` or `chat_room:moderate`.
const PERMISSION_NAME_PATTERN = /^[a-z][a-z0-9_-]*:[a-z][a-z0-9_-]*$/;

export async function permissionNamesOfRole(db: DbOrTx, roleId: number): Promise<Set<string>> {
  const rows = await db
    .select({ name: permissions.name })
    .from(rolePermissions)
    .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
    .where(eq(rolePermissions.roleId, roleId));
  return new Set(rows.map((r) => r.name));
}

/** The role a user holds now (a cached or socket-long copy of the user row may name an older one). */
export async function roleIdOfUser(db: DbOrTx, userId: number): Promise<number | undefined> {
  const [row] = await db.select({ roleId: users.roleId }).from(users).where(eq(users.id, userId));
  return row?.roleId;
}

/** The permissions of the role a user holds now. */
export async function permissionNamesOfUser(db: DbOrTx, userId: number): Promise<Set<string>> {
  const rows = await db
    .select({ name: permissions.name })
    .from(users)
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, users.roleId))
    .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
    .where(eq(users.id, userId));
  return new Set(rows.map((r) => r.name));
}

export async function roleIdByName(db: DbOrTx, name: string): Promise<number> {
  const [role] = await db.select({ id: roles.id }).from(roles).where(eq(roles.name, name));
  if (!role) throw new Error(`Role ${name} does not exist; was the database seeded?`);
  return role.id;
}

/** Built-in permissions are named in the code's auth scopes, so they can be described but not renamed or deleted. */
export function isSystemPermission(name: string): boolean {
  return Object.hasOwn(BUILT_IN_PERMISSIONS, name);
}

// ---- reads

export function listRoles(db: DbOrTx): Promise<RoleRow[]> {
  return db.select().from(roles).orderBy(asc(roles.id));
}

export function listPermissions(db: DbOrTx): Promise<PermissionRow[]> {
  return db.select().from(permissions).orderBy(asc(permissions.name));
}

export async function findRole(db: DbOrTx, id: number): Promise<RoleRow | undefined> {
  const [role] = await db.select().from(roles).where(eq(roles.id, id));
  return role;
}

export async function findPermission(db: DbOrTx, id: number): Promise<PermissionRow | undefined> {
  const [permission] = await db.select().from(permissions).where(eq(permissions.id, id));
  return permission;
}

/** Each role's permissions, by name, for many roles in one query. */
export async function permissionsOfRoles(db: DbOrTx, roleIds: readonly number[]): Promise<Map<number, PermissionRow[]>> {
  const byRole = new Map<number, PermissionRow[]>(roleIds.map((id) => [id, []]));
  if (roleIds.length === 0) return byRole;
  const rows = await db
    .select({ roleId: rolePermissions.roleId, permission: permissions })
    .from(rolePermissions)
    .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
    .where(inArray(rolePermissions.roleId, [...roleIds]))
    .orderBy(asc(permissions.name));
  for (const row of rows) byRole.get(row.roleId)?.push(row.permission);
  return byRole;
}

/** How many users (not deleted) hold each role, in one query. */
export async function userCountsOfRoles(db: DbOrTx, roleIds: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>(roleIds.map((id) => [id, 0]));
  if (roleIds.length === 0) return counts;
  const rows = await db
    .select({ roleId: users.roleId, n: sql<number>`count(*)` })
    .from(users)
    .where(and(inArray(users.roleId, [...roleIds]), isNull(users.deletedAt)))
    .groupBy(users.roleId);
  for (const row of rows) counts.set(row.roleId, Number(row.n));
  return counts;
}

// ---- validation

function normalizeRoleName(raw: string): string {
  const name = raw.trim().normalize('NFKC');
  if (name.length === 0) throw badInput('name', 'Role name must not be empty');
  if ([...name].length > ROLE_NAME_MAX) throw badInput('name', `Role name must be at most ${ROLE_NAME_MAX} characters long`);
  if (/\p{C}/u.test(name)) throw badInput('name', 'Role name must not contain control characters');
  return name;
}

function normalizePermissionName(raw: string): string {
  const name = raw.trim();
  if (name.length > PERMISSION_NAME_MAX || !PERMISSION_NAME_PATTERN.test(name)) {
    throw badInput('name', 'Permission name must look like resource:action (lower-case letters, digits, "_" and "-"), e.g. report:export');
  }
  return name;
}

function parseIds(values: readonly string[], field: string): number[] {
  return [...new Set(values.map((value) => parseId(value, field)))];
}

/** The permissions with these ids, or NOT_FOUND naming the field when one does not exist. */
async function permissionsByIds(db: DbOrTx, ids: number[], field: string): Promise<PermissionRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(permissions).where(inArray(permissions.id, ids));
  if (rows.length !== ids.length) throw new AppError('NOT_FOUND', 'Permission not found', { field });
  return rows;
}

/** Names are unique regardless of case: "admin" next to "Admin" would only confuse. */
async function assertRoleNameFree(db: DbOrTx, name: string, exceptId?: number): Promise<void> {
  const taken = (await db.select({ id: roles.id, name: roles.name }).from(roles)).some(
    (r) => r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase(),
  );
  if (taken) throw conflict('name', `A role named "${name}" already exists`);
}

async function assertPermissionNameFree(db: DbOrTx, name: string): Promise<void> {
  const [existing] = await db.select({ id: permissions.id }).from(permissions).where(eq(permissions.name, name));
  if (existing) throw conflict('name', `A permission named "${name}" already exists`);
}

function rethrowNameConflict(what: string) {
  return (error: unknown): never => {
    if (duplicateKeyName(error) !== undefined) throw conflict('name', `A ${what} with this name already exists`);
    throw error;
  };
}

const systemRole = (field: string, message: string) => new AppError('CONFLICT', message, { field, reason: 'SYSTEM_ROLE' });
const systemPermission = (field: string, message: string) => new AppError('CONFLICT', message, { field, reason: 'SYSTEM_PERMISSION' });

// ---- snapshots written to the history

export interface RoleSnapshot {
  name: string;
  description: string;
  permissions: string[];
}

async function roleSnapshot(db: DbOrTx, role: RoleRow): Promise<RoleSnapshot> {
  const names = [...(await permissionNamesOfRole(db, role.id))].sort();
  return { name: role.name, description: role.description, permissions: names };
}

const grantEntry = (actorId: number, role: { id: number; name: string }, permission: PermissionRow, reason: string | null): HistoryEntry => ({
  actorId,
  action: 'PERMISSION_GRANTED',
  targetRoleId: role.id,
  targetPermissionId: permission.id,
  before: null,
  after: { role: role.name, permission: permission.name },
  reason,
});

const revokeEntry = (actorId: number, role: { id: number; name: string }, permission: PermissionRow, reason: string | null): HistoryEntry => ({
  actorId,
  action: 'PERMISSION_REVOKED',
  targetRoleId: role.id,
  targetPermissionId: permission.id,
  before: { role: role.name, permission: permission.name },
  after: null,
  reason,
});

// ---- roles

export interface CreateRoleInput {
  name: string;
  description?: string | null;
  permissionIds?: readonly string[] | null;
  reason?: string | null;
}

export async function createRole(runtime: Runtime, actorId: number, input: CreateRoleInput): Promise<RoleRow> {
  const values = validateAll({
    name: () => normalizeRoleName(input.name),
    description: () => optionalText(input.description, 'description', DESCRIPTION_MAX) ?? '',
    permissionIds: () => parseIds(input.permissionIds ?? [], 'permissionIds'),
    reason: () => optionalText(input.reason, 'reason', REASON_MAX),
  });
  return changeAuthorization(runtime, async (tx) => {
    await assertRoleNameFree(tx, values.name);
    const granted = await permissionsByIds(tx, values.permissionIds, 'permissionIds');
    const [result] = await tx.insert(roles).values({ name: values.name, description: values.description }).catch(rethrowNameConflict('role'));
    const role = { id: result.insertId, name: values.name };
    if (granted.length > 0) await tx.insert(rolePermissions).values(granted.map((p) => ({ roleId: role.id, permissionId: p.id })));
    const after: RoleSnapshot = { name: values.name, description: values.description, permissions: granted.map((p) => p.name).sort() };
    await recordHistory(tx, [
      { actorId, action: 'ROLE_CREATED', targetRoleId: role.id, before: null, after, reason: values.reason },
      ...granted.map((p) => grantEntry(actorId, role, p, values.reason)),
    ]);
    return (await findRole(tx, role.id))!;
  });
}

export interface UpdateRoleInput {
  id: string;
  name?: string | null;
  description?: string | null;
  /** The complete new set of permissions, when given. */
  permissionIds?: readonly string[] | null;
  reason?: string | null;
}

export async function updateRole(runtime: Runtime, actorId: number, input: UpdateRoleInput): Promise<RoleRow> {
  if (input.name == null && input.description == null && input.permissionIds == null) {
    throw badInput('input', 'Give at least one of name, description or permissionIds');
  }
  const values = validateAll({
    id: () => parseId(input.id, 'id'),
    name: () => (input.name == null ? undefined : normalizeRoleName(input.name)),
    description: () => (input.description == null ? undefined : (optionalText(input.description, 'description', DESCRIPTION_MAX) ?? '')),
    permissionIds: () => (input.permissionIds == null ? undefined : parseIds(input.permissionIds, 'permissionIds')),
    reason: () => optionalText(input.reason, 'reason', REASON_MAX),
  });
  return changeAuthorization(runtime, async (tx) => {
    const role = await findRole(tx, values.id);
    if (!role) throw notFound('Role');
    if (values.name !== undefined && values.name !== role.name) {
      // Registration and the seed find the built-in roles by name.
      if (role.isSystem) throw systemRole('name', `"${role.name}" is a built-in role: its name cannot be changed`);
      await assertRoleNameFree(tx, values.name, role.id);
    }
    const before = await roleSnapshot(tx, role);
    const changes = {
      ...(values.name === undefined || values.name === role.name ? {} : { name: values.name }),
      ...(values.description === undefined || values.description === role.description ? {} : { description: values.description }),
    };
    if (Object.keys(changes).length > 0) {
      await tx.update(roles).set(changes).where(eq(roles.id, role.id)).catch(rethrowNameConflict('role'));
    }

    const entries: HistoryEntry[] = [];
    let revokedAny = false;
    const named = { id: role.id, name: values.name ?? role.name };
    if (values.permissionIds !== undefined) {
      const wanted = await permissionsByIds(tx, values.permissionIds, 'permissionIds');
      const current = await tx
        .select({ permission: permissions })
        .from(rolePermissions)
        .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
        .where(eq(rolePermissions.roleId, role.id));
      const currentIds = new Set(current.map((c) => c.permission.id));
      const wantedIds = new Set(wanted.map((p) => p.id));
      const granted = wanted.filter((p) => !currentIds.has(p.id));
      const revoked = current.map((c) => c.permission).filter((p) => !wantedIds.has(p.id));
      if (revoked.length > 0) {
        await tx.delete(rolePermissions).where(and(eq(rolePermissions.roleId, role.id), inArray(rolePermissions.permissionId, revoked.map((p) => p.id))));
      }
      if (granted.length > 0) await tx.insert(rolePermissions).values(granted.map((p) => ({ roleId: role.id, permissionId: p.id })));
      entries.push(...granted.map((p) => grantEntry(actorId, named, p, values.reason)), ...revoked.map((p) => revokeEntry(actorId, named, p, values.reason)));
      revokedAny = revoked.length > 0;
    }

    const updated = (await findRole(tx, role.id))!;
    const after = await roleSnapshot(tx, updated);
    if (JSON.stringify(before) === JSON.stringify(after)) return role; // Nothing changed: nothing to record.
    await recordHistory(tx, [{ actorId, action: 'ROLE_UPDATED', targetRoleId: role.id, before, after, reason: values.reason }, ...entries]);
    if (revokedAny) await assertManagersRemain(tx, 'permissionIds');
    return updated;
  });
}

export async function deleteRole(runtime: Runtime, actorId: number, input: { id: string; reason?: string | null }): Promise<{ id: number }> {
  const values = validateAll({ id: () => parseId(input.id, 'id'), reason: () => optionalText(input.reason, 'reason', REASON_MAX) });
  return changeAuthorization(runtime, async (tx) => {
    const role = await findRole(tx, values.id);
    if (!role) throw notFound('Role');
    if (role.isSystem) throw systemRole('id', `"${role.name}" is a built-in role and cannot be deleted`);
    const holders = (await userCountsOfRoles(tx, [role.id])).get(role.id) ?? 0;
    if (holders > 0) {
      throw new AppError('CONFLICT', `${holders} user${holders === 1 ? ' holds' : 's hold'} the role "${role.name}": move them to another role first`, {
        field: 'id',
        reason: 'ROLE_IN_USE',
        userCount: holders,
      });
    }
    // Deleted accounts may still point at the role; they move to the default role so the row can go, on the record.
    const deletedHolders = await tx.select({ id: users.id }).from(users).where(and(eq(users.roleId, role.id), isNotNull(users.deletedAt)));
    const entries: HistoryEntry[] = [];
    if (deletedHolders.length > 0) {
      const fallback = (await findRole(tx, await roleIdByName(tx, DEFAULT_ROLE)))!;
      await tx.update(users).set({ roleId: fallback.id }).where(inArray(users.id, deletedHolders.map((u) => u.id)));
      entries.push(
        ...deletedHolders.map((u) => roleChange(actorId, u.id, role, fallback, `Role "${role.name}" was deleted`)),
      );
    }
    const before = await roleSnapshot(tx, role);
    await tx.delete(roles).where(eq(roles.id, role.id)); // role_permissions rows go with it (ON DELETE CASCADE).
    await recordHistory(tx, [{ actorId, action: 'ROLE_DELETED', targetRoleId: role.id, before, after: null, reason: values.reason }, ...entries]);
    return { id: role.id };
  });
}

// ---- permissions

export async function createPermission(
  runtime: Runtime,
  actorId: number,
  input: { name: string; description?: string | null; reason?: string | null },
): Promise<PermissionRow> {
  const values = validateAll({
    name: () => normalizePermissionName(input.name),
    description: () => optionalText(input.description, 'description', DESCRIPTION_MAX) ?? '',
    reason: () => optionalText(input.reason, 'reason', REASON_MAX),
  });
  return changeAuthorization(runtime, async (tx) => {
    await assertPermissionNameFree(tx, values.name);
    const [result] = await tx
      .insert(permissions)
      .values({ name: values.name, description: values.description })
      .catch(rethrowNameConflict('permission'));
    await recordHistory(tx, [
      {
        actorId,
        action: 'PERMISSION_CREATED',
        targetPermissionId: result.insertId,
        before: null,
        after: { name: values.name, description: values.description },
        reason: values.reason,
      },
    ]);
    return (await findPermission(tx, result.insertId))!;
  });
}

export async function updatePermission(
  runtime: Runtime,
  actorId: number,
  input: { id: string; name?: string | null; description?: string | null; reason?: string | null },
): Promise<PermissionRow> {
  if (input.name == null && input.description == null) throw badInput('input', 'Give at least one of name or description');
  const values = validateAll({
    id: () => parseId(input.id, 'id'),
    name: () => (input.name == null ? undefined : normalizePermissionName(input.name)),
    description: () => (input.description == null ? undefined : (optionalText(input.description, 'description', DESCRIPTION_MAX) ?? '')),
    reason: () => optionalText(input.reason, 'reason', REASON_MAX),
  });
  return changeAuthorization(runtime, async (tx) => {
    const permission = await findPermission(tx, values.id);
    if (!permission) throw notFound('Permission');
    const name = values.name ?? permission.name;
    const description = values.description ?? permission.description;
    if (name === permission.name && description === permission.description) return permission;
    if (name !== permission.name) {
      if (isSystemPermission(permission.name)) {
        throw systemPermission('name', `"${permission.name}" is a built-in permission the service checks by name: it cannot be renamed`);
      }
      await assertPermissionNameFree(tx, name);
    }
    await tx.update(permissions).set({ name, description }).where(eq(permissions.id, permission.id)).catch(rethrowNameConflict('permission'));
    await recordHistory(tx, [
      {
        actorId,
        action: 'PERMISSION_UPDATED',
        targetPermissionId: permission.id,
        before: { name: permission.name, description: permission.description },
        after: { name, description },
        reason: values.reason,
      },
    ]);
    return (await findPermission(tx, permission.id))!;
  });
}

export async function deletePermission(
  runtime: Runtime,
  actorId: number,
  input: { id: string; reason?: string | null },
): Promise<{ id: number; revokedFromRoles: number }> {
  const values = validateAll({ id: () => parseId(input.id, 'id'), reason: () => optionalText(input.reason, 'reason', REASON_MAX) });
  return changeAuthorization(runtime, async (tx) => {
    const permission = await findPermission(tx, values.id);
    if (!permission) throw notFound('Permission');
    if (isSystemPermission(permission.name)) {
      throw systemPermission('id', `"${permission.name}" is a built-in permission the service checks by name: it cannot be deleted`);
    }
    const holders = await tx
      .select({ id: roles.id, name: roles.name })
      .from(rolePermissions)
      .innerJoin(roles, eq(roles.id, rolePermissions.roleId))
      .where(eq(rolePermissions.permissionId, permission.id))
      .orderBy(asc(roles.id));
    await tx.delete(rolePermissions).where(eq(rolePermissions.permissionId, permission.id));
    await tx.delete(permissions).where(eq(permissions.id, permission.id));
    // The act first, then its consequences (one revocation per role that had it).
    await recordHistory(tx, [
      {
        actorId,
        action: 'PERMISSION_DELETED',
        targetPermissionId: permission.id,
        before: { name: permission.name, description: permission.description, roles: holders.map((r) => r.name) },
        after: null,
        reason: values.reason,
      },
      ...holders.map((role) => revokeEntry(actorId, role, permission, values.reason)),
    ]);
    return { id: permission.id, revokedFromRoles: holders.length };
  });
}
