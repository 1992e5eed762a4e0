// The per-request (or per-socket) GraphQL context.
import { isIP, type BlockList } from 'node:net';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { permissions, roles, users, type PermissionRow, type RoleRow, type UserRow, type UserStatusRow } from '../db/schema.js';
import { statusesOf } from '../modules/realtime/presence.js';
import type { ClientInfo } from '../modules/auth/sessions.js';
import type { AuthState } from '../modules/auth/viewer.js';
import { permissionsOfRoles, userCountsOfRoles } from '../modules/roles/service.js';
import type { Runtime } from '../runtime.js';
import { unmapIPv4, type TrustProxy } from '../config.js';

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

/**
 * The caller's address. X-Forwarded-For is read right to left, since each proxy appends the address it was reached
 * from and anything further left was written by the client: with N trusted hops the client is N entries from the
 * right (the socket's peer counting as the last one), with a list of proxies it is the rightmost address that is not
 * one of them. Whatever is picked must be an IP address, else the socket's peer is used.
 */
export function clientIp(remoteAddress: string | undefined, forwardedFor: string | string[] | null | undefined, trustProxy: TrustProxy): string | null {
  const peer = remoteAddress ? unmapIPv4(remoteAddress) : null;
  if (!forwardedFor || !peer || ('hops' in trustProxy && trustProxy.hops === 0)) return peer;
  // Several X-Forwarded-For headers count as one list, in order.
  const chain = [...(Array.isArray(forwardedFor) ? forwardedFor : [forwardedFor]).flatMap((h) => h.split(',')).map((a) => unmapIPv4(a.trim())), peer];
  let index: number;
  if ('hops' in trustProxy) {
    index = Math.max(0, chain.length - 1 - trustProxy.hops);
  } else {
    index = chain.length - 1;
    while (index > 0 && isProxy(trustProxy.proxies, chain[index]!)) index -= 1;
  }
  const picked = chain[index]!;
  return isIP(picked) === 0 ? peer : picked;
}

function isProxy(proxies: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
