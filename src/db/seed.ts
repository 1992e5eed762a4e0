// Idempotent seed: built-in roles and permissions, and a first admin. Never changes rows that already exist,
// so an admin's later edits to the built-in roles survive restarts.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { assertStrongPassword } from '../modules/auth/password-strength.js';
import { ADMIN_ROLE, BUILT_IN_PERMISSIONS, BUILT_IN_ROLES } from '../modules/roles/catalog.js';
import { roleIdByName } from '../modules/roles/service.js';
import { normalizeEmail, normalizeUsername, type Username } from '../modules/users/identity.js';
import type { Db } from './client.js';
import { permissions, rolePermissions, roles, users, userStatus } from './schema.js';

async function seedRolesAndPermissions(db: Db): Promise<void> {
  const existingPermissions = new Set((await db.select({ name: permissions.name }).from(permissions)).map((p) => p.name));
  const newPermissions = Object.entries(BUILT_IN_PERMISSIONS).filter(([name]) => !existingPermissions.has(name));
  if (newPermissions.length > 0) {
    await db.insert(permissions).values(newPermissions.map(([name, description]) => ({ name, description })));
  }
  const existingRoles = new Set((await db.select({ name: roles.name }).from(roles)).map((r) => r.name));
  const newRoles = Object.entries(BUILT_IN_ROLES).filter(([name]) => !existingRoles.has(name));
  if (newRoles.length > 0) {
    await db.insert(roles).values(newRoles.map(([name, role]) => ({ name, description: role.description, isSystem: true })));
  }

  // Grants: every default grant of a role created now, and of a permission created now. Nothing else is touched.
  const newPermissionNames = new Set(newPermissions.map(([name]) => name));
  const newRoleNames = new Set(newRoles.map(([name]) => name));
  const wanted = Object.entries(BUILT_IN_ROLES).flatMap(([roleName, role]) =>
    role.permissions
      .filter((permission) => newRoleNames.has(roleName) || newPermissionNames.has(permission))
      .map((permission) => ({ roleName, permission })),
  );
  if (wanted.length === 0) return;
  const roleIds = new Map(
    (await db.select({ id: roles.id, name: roles.name }).from(roles).where(inArray(roles.name, Object.keys(BUILT_IN_ROLES)))).map((r) => [r.name, r.id]),
  );
  const permissionIds = new Map(
    (await db.select({ id: permissions.id, name: permissions.name }).from(permissions).where(inArray(permissions.name, Object.keys(BUILT_IN_PERMISSIONS)))).map((p) => [p.name, p.id]),
  );
  await db
    .insert(rolePermissions)
    .ignore()
    .values(wanted.map(({ roleName, permission }) => ({ roleId: roleIds.get(roleName)!, permissionId: permissionIds.get(permission)! })));
}

/** Rows holding this name (in any case) or one that looks like it. */
const nameTaken = (name: Username) => or(eq(users.usernameKey, name.usernameKey), eq(users.usernameSkeleton, name.usernameSkeleton));

async function seedFirstAdmin(db: Db, config: Config, log: Logger): Promise<void> {
  const adminRoleId = await roleIdByName(db, ADMIN_ROLE);
  const { admin } = config;
  let name: Username;
  let email: string;
  let password: string;
  let generated = false;

  if (admin.username && admin.email && admin.password) {
    name = normalizeUsername(admin.username, 'ADMIN_USERNAME');
    email = normalizeEmail(admin.email, 'ADMIN_EMAIL');
    password = admin.password;
    const [existing] = await db.select({ usernameKey: users.usernameKey }).from(users).where(nameTaken(name));
    if (existing?.usernameKey === name.usernameKey) return;
    if (existing) throw new Error(`ADMIN_USERNAME "${name.username}" looks like the existing user "${existing.usernameKey}"; choose another name`);
  } else {
    const [anyAdmin] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.roleId, adminRoleId), isNull(users.deletedAt), eq(users.isActive, true)))
      .limit(1);
    if (anyAdmin) return;
    // "admin" may already belong to a (deleted or demoted) account; its name stays reserved, so pick another.
    // A look-alike ("аdmin", "admín") counts as taken too.
    const suffix = (await db.select({ id: users.id }).from(users).where(nameTaken(normalizeUsername('admin')))).length ? `_${randomBytes(3).toString('hex')}` : '';
    name = normalizeUsername(`admin${suffix}`);
    email = `admin${suffix}@localhost.localdomain`;
    password = randomBytes(12).toString('base64url');
    generated = true;
  }

  if (!generated) {
    // ADMIN_PASSWORD is held to the rule every other password is: a weak one stops the start, saying why.
    try {
      await assertStrongPassword(password, { username: name.username, email }, 'en', 'ADMIN_PASSWORD');
    } catch (error) {
      throw new Error(`ADMIN_PASSWORD is too weak: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const passwordHash = await hashPassword(password, config.argon2);
  await db.transaction(async (tx) => {
    const [result] = await tx.insert(users).values({ ...name, email, passwordHash, roleId: adminRoleId });
    await tx.insert(userStatus).values({ userId: result.insertId });
  });
  if (generated) {
    // Printed once: the password is not stored anywhere but as its hash.
    log.warn(
      { username: name.username },
      `Created the first admin "${name.username}" with the generated password "${password}". Sign in and change it, or set ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD.`,
    );
  } else {
    log.info({ username: name.username }, 'Created the first admin from ADMIN_USERNAME');
  }
}

export async function seed(db: Db, config: Config, log: Logger): Promise<void> {
  await seedRolesAndPermissions(db);
  await seedFirstAdmin(db, config, log);
}
