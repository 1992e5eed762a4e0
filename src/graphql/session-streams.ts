// Subscriptions served over HTTP end with their session, as sockets do.
//
// Yoga streams a subscription as `text/event-stream` to GET and POST alike (urql's and Apollo's SSE links, and
// graphql-sse's distinct-connections mode, use it; a subscription asking for `multipart/mixed` is refused with 406).
// Such a stream carries the token it was opened with for as long as it stays open, so each one is bound to its
// session through the SessionWatcher (see session-watch.ts for the rule): when the session is revoked or expires,
// the stream sends one last result, an UNAUTHENTICATED error with the `reason` (and `cause`) a client can act on,
// and completes, so the response ends. An event that arrives once the session has ended is never sent.
// graphql-ws operations are left to sockets.ts, which closes the whole socket with its session.
// At shutdown every stream ends the same way with SERVER_RESTARTING (a socket gets 1012), so the HTTP server can
// close instead of waiting for streams that never end, and clients know to subscribe again.
import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import { typedGraphQLError } from './errors.js';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { AppError } from '../errors.js';
import { sessionEndError, type SessionWatcher } from '../modules/auth/session-watch.js';
import type { Viewer } from '../modules/auth/viewer.js';
import type { Context } from './context.js';

function errorResult(error: AppError): ExecutionResult {
  return { errors: [typedGraphQLError(error)] };
}

const RESTARTING: ExecutionResult = {
  errors: [new GraphQLError('The server is restarting; subscribe again', { extensions: { code: 'SERVER_RESTARTING' } })],
};

/** How each open stream is ended early, by its last result. */
type Open = Set<(last: ExecutionResult) => void>;

/** `source`, ended with a last error result when the viewer's session ends. */
function untilSessionEnds(source: AsyncIterable<ExecutionResult>, viewer: Promise<Viewer | null>, watcher: SessionWatcher, open: Open): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
  let finished = false;
  let last: ExecutionResult | undefined;
  let unwatch: (() => void) | undefined;
  let signal!: () => void;
  const ended = new Promise<undefined>((resolve) => (signal = () => resolve(undefined)));
  const finish = () => {
    finished = true;
    unwatch?.();
    open.delete(endWith);
  };
  const endWith = (result: ExecutionResult) => {
    if (finished || last) return;
    last = result;
    unwatch?.();
    // Straight to the source, so its listener goes now rather than at its next event.
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
    signal();
  };
  open.add(endWith);
  viewer.then(
    (resolved) => {
      if (resolved && !finished && !last) unwatch = watcher.watch(resolved.session, (end) => endWith(errorResult(sessionEndError(end))));
    },
    (error: unknown) => endWith(errorResult(error instanceof AppError ? error : new AppError('UNAUTHENTICATED', 'You must be signed in'))),
  );
  const stream: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (finished) return done;
      const step = last ? undefined : await Promise.race([iterator.next(), ended]);
      if (last) {
        // Whatever the source produced after the session ended is dropped: the last result is the refusal.
        finish();
        return { done: false, value: last };
      }
      if (!step || step.done) {
        finish();
        return done;
      }
      return step;
    },
    return: async () => {
      finish();
      await iterator.return?.();
      return done;
    },
    throw: async (error: unknown) => {
      finish();
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return stream;
}

export interface HttpStreams {
  plugin: Plugin;
  /** Ends every open stream with SERVER_RESTARTING. */
  endAll(): void;
}

export function sessionBoundStreams(watcher: SessionWatcher): HttpStreams {
  const open: Open = new Set();
  const plugin: Plugin = {
    onSubscribe({ args }) {
      const context = args.contextValue as Partial<Context> & { wsConnection?: unknown };
      if (context.wsConnection || !context.auth) return undefined;
      const auth = context.auth;
      return {
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable(result)) setResult(untilSessionEnds(result, auth.viewer(), watcher, open));
        },
      };
    },
  };
  return {
    plugin,
    endAll: () => {
      for (const end of [...open]) end(RESTARTING);
    },
  };
}
