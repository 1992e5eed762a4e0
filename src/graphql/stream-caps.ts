// Caps on subscriptions served over HTTP (Server-Sent Events, or multipart streams). Each holds a connection open
// for as long as it lasts, as a socket does, so it is counted per user (SSE_MAX_STREAMS_PER_USER) and, together
// with the sockets, per client address (MAX_CONNECTIONS_PER_IP). In memory, per instance, as the sockets' caps are.
import { typedGraphQLError } from './errors.js';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { Counts, tooManySubscriptions } from '../modules/realtime/caps.js';
import type { Context } from './context.js';

/** What the context of an HTTP operation carries besides ours; operations on sockets have `wsConnection`. */
type StreamContext = Context & { request?: Request; wsConnection?: unknown };

export function useStreamCaps(caps: Config['realtime'], perIp: Counts<string>): Plugin<StreamContext> {
  const perUser = new Counts<number>(caps.streamsPerUser);
  return {
    async onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue;
      if (context.wsConnection || !context.request) return undefined; // sockets have caps of their own
      // A bad token fails the operation itself, a moment later; it holds no stream, so there is nothing to count.
      const viewer = await context.auth.viewer().catch(() => null);
      const releases: (() => void)[] = [];
      const release = () => releases.forEach((r) => r());
      const refuse = (error: ReturnType<typeof tooManySubscriptions>) => {
        release();
        setResultAndStopExecution({ errors: [typedGraphQLError(error)] });
      };
      if (viewer) {
        const user = perUser.acquire(viewer.user.id);
        if (!user) return refuse(tooManySubscriptions('USER', caps.streamsPerUser));
        releases.push(user);
      }
      if (context.client.ip) {
        const address = perIp.acquire(context.client.ip);
        if (!address) return refuse(tooManySubscriptions('ADDRESS', caps.connectionsPerIp));
        releases.push(address);
      }
      // The stream ends when its iterator does (onEnd) or when the client goes away: whichever comes first.
      context.request.signal.addEventListener('abort', release, { once: true });
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) return release();
          return { onEnd: release };
        },
      };
    },
  };
}
