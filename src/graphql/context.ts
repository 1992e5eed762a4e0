// The per-request (or per-socket) GraphQL context.
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { permissions, roles, users, type PermissionRow, type RoleRow, type UserRow, type UserStatusRow } from '../db/schema.js';
import { statusesOf } from '../modules/realtime/presence.js';
import type { ClientInfo } from '../modules/auth/sessions.js';
import type { AuthState } from '../modules/auth/viewer.js';
import { permissionsOfRoles, userCountsOfRoles } from '../modules/roles/service.js';
import type { Runtime } from '../runtime.js';

export interface Context {
  runtime: Runtime;
  auth: AuthState;
  client: ClientInfo;
  loaders: Loaders;
}

export interface Loaders {
  role: DataLoader<number, RoleRow | undefined>;
  /** Users by id, deleted ones included: messages, history and login records outlive the accounts they name. */
  user: DataLoader<number, UserRow | undefined>;
  userStatus: DataLoader<number, UserStatusRow | undefined>;
  permission: DataLoader<number, PermissionRow | undefined>;
  rolePermissions: DataLoader<number, PermissionRow[]>;
  roleUserCount: DataLoader<number, number>;
}

/** A DataLoader over rows keyed by `id`, answering undefined for ids with no row. */
function loaderById<T extends { id: number }>(load: (ids: number[]) => Promise<T[]>): DataLoader<number, T | undefined> {
  return new DataLoader(async (ids) => {
    const byId = new Map((await load([...ids])).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
}

function createLoaders(runtime: Runtime): Loaders {
  return {
    role: loaderById((ids) => runtime.db.select().from(roles).where(inArray(roles.id, ids))),
    user: loaderById((ids) => runtime.db.select().from(users).where(inArray(users.id, ids))),
    userStatus: new DataLoader((ids) => statusesOf(runtime, ids)),
    permission: loaderById((ids) => runtime.db.select().from(permissions).where(inArray(permissions.id, ids))),
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

export function createContext(runtime: Runtime, request: { auth: AuthState; client: ClientInfo }): Context {
  return {
    runtime,
    auth: request.auth,
    client: request.client,
    loaders: createLoaders(runtime),
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
