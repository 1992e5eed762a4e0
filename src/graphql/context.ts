// The per-request (or per-socket) GraphQL context.
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { roles, type RoleRow } from '../db/schema.js';
import type { Logger } from '../logger.js';
import type { ClientInfo } from '../modules/auth/sessions.js';
import { AuthState } from '../modules/auth/viewer.js';
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
}

function createLoaders(runtime: Runtime): Loaders {
  return {
    role: new DataLoader(async (ids) => {
      const rows = await runtime.db.select().from(roles).where(inArray(roles.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
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
