// graphql-ws on the same HTTP server and path as Yoga. Authenticates sockets from connection_init, counts them for
// presence, closes them the moment their session dies (logout, password change, disabled account, expiry), and
// drops sockets that stop answering pings.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { execute as graphqlExecute, GraphQLError, subscribe as graphqlSubscribe, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { CloseCode, type SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError } from '../../errors.js';
import { createErrorMasker, INTERNAL_MESSAGE, withoutHttpDetails } from '../../graphql/errors.js';
import { logScope } from '../../logger.js';
import type { Runtime } from '../../runtime.js';
import { bearerToken } from '../auth/tokens.js';
import type { SessionEnd, SessionWatcher } from '../auth/session-watch.js';
import { viewerFromToken, type Viewer } from '../auth/viewer.js';
import type { Presence } from './presence.js';
import { cutOff, SocketRefused, type SocketCaps, type TokenBucket } from './caps.js';
import { FanOut } from './fan-out.js';
import { isViewerIndependent, subscribeShared, type SharedExecution } from './shared-results.js';

/** One open socket. Its viewer is set once the socket has authenticated. */
export interface SocketConnection {
  /** Names the socket in logs: each operation's lines carry `<id>:<operation id>` as their requestId. */
  id: string;
  socket: WebSocket;
  viewer?: Viewer;
  /**
   * The one authentication of a socket that connected without credentials, shared by every operation that brings
   * some until it settles: however many arrive at once, the socket is adopted (and counted for presence) once.
   */
  authenticating?: Promise<void>;
  /** Stops watching the socket's session. */
  unwatch?: () => void;
  /** Gives back the user's socket slot (WS_MAX_SOCKETS_PER_USER). */
  releaseUserSlot?: () => void;
  ip: string | null;
  userAgent: string | null;
  /** Operations per second this socket may still start (WS_MAX_OPERATIONS_PER_SECOND). */
  operations: TokenBucket;
}

/** What the GraphQL layer needs from Yoga to run an operation that arrived on a socket. */
export interface OperationRunner {
  graphqlEndpoint: string;
  getEnveloped(initialContext: { wsConnection: SocketConnection; params: SubscribePayload }): {
    schema: ExecutionArgs['schema'];
    parse: (source: string) => ExecutionArgs['document'];
    validate: (schema: ExecutionArgs['schema'], document: ExecutionArgs['document']) => readonly GraphQLError[];
    contextFactory: () => unknown;
    execute: typeof graphqlExecute;
    subscribe: typeof graphqlSubscribe;
  };
}

/** Passed to graphql-ws's execute and subscribe as the root value (graphql-ws hands only ExecutionArgs on). */
interface Operations {
  /** `<socket id>:<operation id>`, the requestId of the operation's log lines. */
  requestId: string;
  execute: typeof graphqlExecute;
  subscribe: typeof graphqlSubscribe;
  shared?: SharedExecution;
}

/** The largest message a client may send; GraphQL documents are small, and this bounds memory per socket. */
const MAX_PAYLOAD_BYTES = 256 * 1024;
/** Close code for a server going down: graphql-ws clients treat it as retryable and reconnect. */
const SERVICE_RESTART = 1012;

/** `authorization` from connection_init (Apollo, urql and graphql-ws put it there), in any of the common shapes. */
export function authorizationFrom(params: Record<string, unknown> | undefined | null): string | undefined {
  if (!params) return undefined;
  const headers = (typeof params.headers === 'object' && params.headers ? params.headers : {}) as Record<string, unknown>;
  for (const value of [params.authorization, params.Authorization, headers.authorization, headers.Authorization]) {
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/**
 * graphql-ws keeps the HTTP upgrade request (`extra.request`, with all its headers) and connection_init's payload
 * (`connectionParams`, with the bearer token) for as long as the socket is open. Everything this server needs from
 * them is read in onConnect, so they are let go there: about 1.6 KB per idle socket (see bench/NOTES.md), and no
 * copy of the token lingers. Nothing after onConnect may read them.
 */
function forgetHandshake(ctx: { extra: { request: unknown }; connectionParams?: unknown }): void {
  const mutable = ctx as { extra: { request?: unknown }; connectionParams?: unknown };
  mutable.extra.request = undefined;
  mutable.connectionParams = undefined;
}

/** Sends results of subscription `id` as graphql-ws `next` messages, as graphql-ws itself would write them. */
function deliverTo(socket: WebSocket, id: string): (payloadJson: string) => void {
  const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return (payloadJson) => {
    if (socket.readyState === socket.OPEN) socket.send(`${prefix}${payloadJson}}`);
  };
}

export interface SocketServer {
  /** Closes every socket with a code clients reconnect after, and waits for their presence to be settled. */
  close(): Promise<void>;
  connectionCount(): number;
}

export function attachSocketServer(
  server: Server,
  yoga: OperationRunner,
  runtime: Runtime,
  presence: Presence,
  sessions: SessionWatcher,
  clientIp: (remoteAddress: string | undefined, forwardedFor: string | string[] | undefined) => string | null,
  caps: SocketCaps,
): SocketServer {
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: MAX_PAYLOAD_BYTES });
  const ipOf = new WeakMap<WebSocket, string | null>();
  // Registered before graphql-ws's own listener, so a socket over a cap is refused before anything it sends is read.
  wss.on('connection', (socket, request) => {
    const ip = clientIp(request.socket.remoteAddress, request.headers['x-forwarded-for']);
    ipOf.set(socket, ip);
    caps.guard(socket, ip);
  });
  const maskError = createErrorMasker(runtime.log);
  const fanOut = new FanOut(runtime.events, runtime.log);
  const pending = new Set<Promise<void>>();

  /** Keeps track of presence work so shutdown can wait for it before the database pool closes. */
  function track(work: Promise<void>): Promise<void> {
    const tracked = work.catch((error: unknown) => runtime.log.error({ err: error }, 'Presence update failed'));
    pending.add(tracked);
    void tracked.finally(() => pending.delete(tracked));
    return tracked;
  }

  function closeSocket(connection: SocketConnection, code: number, reason: string) {
    if (connection.socket.readyState === connection.socket.OPEN) connection.socket.close(code, reason);
  }

  /** The close reason a client sees (at most 123 bytes, the limit of a close frame). */
  function closeReason(end: SessionEnd): string {
    if (end.reason === 'SESSION_EXPIRED') return 'Session expired';
    return `Session ended: ${end.cause ?? end.reason}`.slice(0, 120);
  }

  /**
   * Binds a socket to a user: counted for presence and closed with their session. At most once per socket: a socket
   * already bound keeps its user, so presence counts each socket once, and `release` uncounts it once.
   */
  async function adopt(connection: SocketConnection, viewer: Viewer) {
    // The socket may have closed while its token was being checked; then there is nothing to count.
    if (connection.viewer || connection.socket.readyState !== connection.socket.OPEN) return;
    const userId = viewer.user.id;
    connection.releaseUserSlot = caps.takeUserSocket(userId);
    connection.viewer = viewer;
    connection.unwatch = sessions.watch(viewer.session, (end) => closeSocket(connection, CloseCode.Forbidden, closeReason(end)));
    await track(presence.socketOpened(userId));
  }

  function release(connection: SocketConnection): Promise<void> {
    connection.unwatch?.();
    connection.releaseUserSlot?.();
    const viewer = connection.viewer;
    if (!viewer) return Promise.resolve();
    connection.viewer = undefined;
    return track(presence.socketClosed(viewer.user.id));
  }

  async function authenticate(authorization: string): Promise<Viewer> {
    const token = bearerToken(authorization);
    if (!token) throw new AppError('UNAUTHENTICATED', 'The authorization must be "Bearer <token>"', { reason: 'INVALID_TOKEN' });
    return viewerFromToken(runtime, token);
  }

  /**
   * Authenticates a socket from credentials an operation brought: concurrent operations share the one attempt in
   * flight; a refused attempt lets a later operation try other credentials.
   */
  function authenticateOnce(connection: SocketConnection, authorization: string): Promise<void> {
    if (connection.authenticating) return connection.authenticating;
    const attempt = authenticate(authorization).then((viewer) => adopt(connection, viewer));
    connection.authenticating = attempt;
    attempt.catch(() => {
      if (connection.authenticating === attempt) connection.authenticating = undefined;
    });
    return attempt;
  }

  /** Errors of one operation as Yoga reports them over HTTP (masked the same way), without HTTP's status details. */
  function operationErrors(errors: readonly unknown[]): GraphQLError[] {
    return errors.map((error) => withoutHttpDetails(maskError(error, INTERNAL_MESSAGE)));
  }

  async function asResult<T>(run: () => Promise<T> | T): Promise<T | ExecutionResult> {
    try {
      return await run();
    } catch (error) {
      return { errors: operationErrors([error]) };
    }
  }

  /** Parses and validates an operation through Yoga's envelop, as Yoga does for HTTP, and builds its execution. */
  async function prepare(connection: SocketConnection, id: string, payload: SubscribePayload): Promise<ExecutionArgs | GraphQLError[]> {
    // GraphiQL sends the headers from its editor with each operation rather than in connection_init.
    const operationAuthorization = authorizationFrom(payload.extensions?.headers as Record<string, unknown> | undefined);
    if (operationAuthorization && !connection.viewer) {
      try {
        await authenticateOnce(connection, operationAuthorization);
      } catch (error) {
        if (!(error instanceof SocketRefused)) throw error;
        cutOff(connection.socket, error.code, error.reason);
        return [new GraphQLError(error.reason)];
      }
    }
    const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({ wsConnection: connection, params: payload });
    const document = parse(payload.query);
    const errors = validate(schema, document);
    if (errors.length > 0) return operationErrors(errors);
    const operations: Operations = {
      requestId: `${connection.id}:${id}`,
      execute,
      subscribe,
      shared: isViewerIndependent(schema, document, payload.operationName)
        ? { contextFactory, maskError, fanOut: { registry: fanOut, deliver: deliverTo(connection.socket, id) } }
        : undefined,
    };
    return {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables,
      contextValue: await contextFactory(),
      rootValue: operations,
    };
  }

  const disposable = useServer<Record<string, unknown>, { connection: SocketConnection }>(
    {
      onConnect: async (ctx) => {
        const connection: SocketConnection = {
          id: `ws-${randomUUID()}`,
          socket: ctx.extra.socket,
          ip: ipOf.get(ctx.extra.socket) ?? null,
          userAgent: ctx.extra.request.headers['user-agent'] ?? null,
          operations: caps.operationBudget(),
        };
        ctx.extra.connection = connection;
        const authorization = authorizationFrom(ctx.connectionParams);
        forgetHandshake(ctx);
        // No credentials: an anonymous socket, which can subscribe to nothing that needs a user.
        if (!authorization) return true;
        try {
          await adopt(connection, await authenticate(authorization));
          return true;
        } catch (error) {
          if (error instanceof SocketRefused) {
            cutOff(connection.socket, error.code, error.reason);
            return false;
          }
          if (!(error instanceof AppError)) throw error;
          runtime.log.debug({ reason: error.details.reason }, 'Socket refused');
          return false; // graphql-ws closes it with 4403 Forbidden
        }
      },
      // Every failure of one operation (a refused document, a bad token in its headers, an error thrown while it
      // is set up or run) is an error for that operation, as Yoga answers it over HTTP; the socket stays open.
      onSubscribe: (ctx, id, payload) =>
        logScope.run({ requestId: `${ctx.extra.connection!.id}:${id}` }, () => {
          const connection = ctx.extra.connection!;
          // Before anything else, parsing included: a flood of operations is refused at the cost of a counter.
          const refusal = caps.refuseOperation(connection.operations, Object.keys(ctx.subscriptions).length);
          if (refusal) return operationErrors([refusal]);
          return prepare(connection, id, payload).catch((error: unknown) => operationErrors([error]));
        }),
      // Run through Yoga's envelop (error masking, plugins) rather than bare graphql-js; a subscription whose
      // results are the same for every subscriber is executed once per event (see shared-results.ts).
      execute: (args) => {
        const operations = args.rootValue as Operations;
        return logScope.run({ requestId: operations.requestId }, () => asResult(() => operations.execute(args)));
      },
      subscribe: (args) => {
        const operations = args.rootValue as Operations;
        return logScope.run({ requestId: operations.requestId }, () =>
          asResult(async () => {
            const shared = operations.shared && (await subscribeShared(args, operations.shared));
            return shared ?? operations.subscribe(args);
          }),
        );
      },
      onClose: async (ctx) => {
        if (ctx.extra.connection) await release(ctx.extra.connection);
      },
    },
    wss,
    runtime.config.wsHeartbeatMs,
  );

  return {
    connectionCount: () => wss.clients.size,
    close: async () => {
      await fanOut.close();
      const closed = [...wss.clients].map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.once('close', () => resolve());
            socket.close(SERVICE_RESTART, 'Server restarting');
            // A peer that never answers the close handshake is cut off.
            setTimeout(() => socket.terminate(), 2000).unref();
          }),
      );
      await Promise.all(closed);
      await disposable.dispose();
      await Promise.all(pending);
    },
  };
}
