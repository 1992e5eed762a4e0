// The per-request (or per-socket) GraphQL context.
import { isIP, type BlockList } from 'node:net';
import type { ClientInfo } from '../modules/auth/sessions.js';
import type { AuthState } from '../modules/auth/viewer.js';
import { realtimeLoaders } from '../modules/realtime/loaders.js';
import { oidcLoaders } from '../modules/oidc/loaders.js';
import { roleLoaders } from '../modules/roles/loaders.js';
import { userLoaders } from '../modules/users/loaders.js';
import type { Runtime } from '../runtime.js';
import { unmapIPv4, type TrustProxy } from '../config.js';

export interface Context {
  runtime: Runtime;
  auth: AuthState;
  client: ClientInfo;
  loaders: Loaders;
}

/** Each module's loaders, one line per module: how to make each, by name. */
const LOADERS = {
  ...roleLoaders,
  ...userLoaders,
  ...realtimeLoaders,
  ...oidcLoaders,
};

type LoaderName = keyof typeof LOADERS;

/** A request's (or socket operation's) loaders; `clearAll` empties every one made so far. */
export type Loaders = { readonly [K in LoaderName]: ReturnType<(typeof LOADERS)[K]> } & { clearAll(): void };

/**
 * The loaders of one context, each made the first time it is used: an operation uses a few, if any, and the context
 * of a subscription lives as long as its socket (seven DataLoaders made up front were ~3.5 KB of each idle
 * subscription, see bench/NOTES.md).
 */
class LazyLoaders {
  private made: Partial<Record<LoaderName, { clearAll(): unknown }>> | undefined;

  constructor(private readonly runtime: Runtime) {}

  clearAll(): void {
    for (const loader of Object.values(this.made ?? {})) loader.clearAll();
  }

  static {
    for (const name of Object.keys(LOADERS) as LoaderName[]) {
      Object.defineProperty(this.prototype, name, {
        get(this: LazyLoaders) {
          const made = (this.made ??= {});
          return (made[name] ??= LOADERS[name](this.runtime));
        },
      });
    }
  }
}

function createLoaders(runtime: Runtime): Loaders {
  return new LazyLoaders(runtime) as unknown as Loaders;
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
