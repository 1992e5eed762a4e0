// The per-request (or per-socket) GraphQL context.
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { permissions, roles, users, type PermissionRow, type RoleRow, type UserRow } from '../db/schema.js';
import type { Logger } from '../logger.js';
import type { ClientInfo } from '../modules/auth/sessions.js';
import { AuthState } from '../modules/auth/viewer.js';
import { permissionsOfRoles, userCountsOfRoles } from '../modules/roles/service.js';
import type { Runtime } from '../runtime.js';

export interface Context {
  runtime: Runtime;
  auth: AuthState;
  client: ClientInfo;
  loaders: Loaders;
  log: Logger;
}

export interface Loaders {
  role: DataLoader<number, RoleRow | undefined>;
  /** Deleted users included: history and login records outlive the accounts they name. */
  user: DataLoader<number, UserRow | undefined>;
  permission: DataLoader<number, PermissionRow | undefined>;
  rolePermissions: DataLoader<number, PermissionRow[]>;
  roleUserCount: DataLoader<number, number>;
}

function inIdOrder<T extends { id: number }>(ids: readonly number[], rows: T[]): (T | undefined)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id));
}

function createLoaders(runtime: Runtime): Loaders {
  return {
    role: new DataLoader(async (ids) => {
      const rows = await runtime.db.select().from(roles).where(inArray(roles.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
    user: new DataLoader(async (ids) => inIdOrder(ids, await runtime.db.select().from(users).where(inArray(users.id, [...ids])))),
    permission: new DataLoader(async (ids) => inIdOrder(ids, await runtime.db.select().from(permissions).where(inArray(permissions.id, [...ids])))),
    rolePermissions: new DataLoader(async (ids) => {
      const byRole = await permissionsOfRoles(runtime.db, ids);
      return ids.map((id) => byRole.get(id) ?? []);
    }),
    roleUserCount: new DataLoader(async (ids) => {
      const counts = await userCountsOfRoles(runtime.db, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export function createContext(runtime: Runtime, request: { authorization: string | null | undefined; client: ClientInfo; requestId?: string }): Context {
  return {
    runtime,
    auth: new AuthState(runtime, request.authorization),
    client: request.client,
    loaders: createLoaders(runtime),
    log: request.requestId ? runtime.log.child({ requestId: request.requestId }) : runtime.log,
  };
}

/** The caller's address: the socket's peer, or the first X-Forwarded-For hop when TRUST_PROXY says a proxy sets it. */
export function clientIp(remoteAddress: string | undefined, forwardedFor: string | string[] | null | undefined, trustProxy: boolean): string | null {
  if (trustProxy && forwardedFor) {
    const first = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)?.split(',')[0]?.trim();
    if (first) return first.slice(0, 45);
  }
  if (!remoteAddress) return null;
  // IPv4 clients of a dual-stack socket appear as ::ffff:1.2.3.4.
  return remoteAddress.startsWith('::ffff:') ? remoteAddress.slice(7) : remoteAddress;
}
