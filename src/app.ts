// Builds the whole service on one HTTP server: GraphQL (Yoga) at /graphql, /metrics, and the plain HTTP routes the
// modules add (modules/index.ts: /health, /avatars, GraphiQL's files, the web client's files at / and /public/).
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import type { Config } from './config.js';
import { openDatabase } from './db/bootstrap.js';
import { createEvents } from './events.js';
import { clientIp, createContext } from './graphql/context.js';
import { useReleaseRequestCaches } from './graphql/request-caches.js';
import { createErrorMasker } from './graphql/errors.js';
import { createFastPath } from './graphql/fast-path.js';
import { getSchema } from './graphql/schema.js';
import { documentPlugins } from './graphql/pipeline.js';
import { requestBodyPlugins } from './graphql/safety.js';
import { sessionBoundStreams, type HttpStreams } from './graphql/session-streams.js';
import { useStreamCaps } from './graphql/stream-caps.js';
import { isMultipartRequest, readMultipartRequest, useGraphQLMultipart, type MultipartRequest } from './graphql/uploads.js';
import { respondSafely, sendJson } from './http/responses.js';
import type { HttpRoute } from './http/routes.js';
import { corsOptions, setSecurityHeaders } from './http/security.js';
import { createAccessLogger, createLogger, logScope, type Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { GRAPHIQL_CSP, renderGraphiQLPage } from './modules/graphiql/route.js';
import { AUTHORIZATION_CHECKS, FACTORS, HTTP_ROUTES, SIGN_IN_STEPS } from './modules/index.js';
import { DeliveryQueue } from './delivery/queue.js';
import { createTransports } from './delivery/transports.js';
import { invalidateOnPublish, listenForChanges, SessionCache } from './modules/auth/session-cache.js';
import { AuthState } from './modules/auth/viewer.js';
import { SessionWatcher } from './modules/auth/session-watch.js';
import { Counts, SocketCaps } from './modules/realtime/caps.js';
import { Presence } from './modules/realtime/presence.js';
import { MemoryPresenceStore, RedisPresenceStore, type PresenceStore } from './modules/realtime/presence-store.js';
import { attachSocketServer, type SocketConnection, type SocketServer } from './modules/realtime/sockets.js';
import { MemoryRateLimitStore, RedisRateLimitStore } from './rate-limit.js';
import { connectRedis, type RedisClients } from './redis.js';
import type { Runtime } from './runtime.js';
import { createStorage } from './storage/index.js';
import { startPrivacyWorker } from './modules/privacy/worker.js';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export interface App {
  server: Server;
  runtime: Runtime;
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  close(): Promise<void>;
}

/** What Yoga's context factory starts from: the Node request over HTTP, the socket for operations on graphql-ws. */
interface ServerContext {
  req?: MultipartRequest;
  res?: ServerResponse;
  wsConnection?: SocketConnection;
}

function yogaLogger(log: Logger) {
  return {
    debug: (...args: unknown[]) => log.debug({ args }, 'yoga'),
    info: (...args: unknown[]) => log.info({ args }, 'yoga'),
    warn: (...args: unknown[]) => log.warn({ args }, 'yoga'),
    // Yoga reports here every error it passed to maskError, client errors included; the masker already logs
    // the unexpected ones at error level, with their stack, so these are only worth a debug line.
    error: (...args: unknown[]) => log.debug({ args }, 'yoga error'),
  };
}

/** The route a path belongs to: /graphql and /metrics, else the first module route that owns it. */
function routeOf(path: string): { name: string; module?: HttpRoute } {
  if (path === '/graphql') return { name: 'graphql' };
  if (path === '/metrics') return { name: 'metrics' };
  const module = HTTP_ROUTES.find((route) => route.owns(path));
  return module ? { name: module.name, module } : { name: 'other' };
}

/**
 * Prometheus text format: with METRICS_TOKEN set, only for `Authorization: Bearer <METRICS_TOKEN>`; without one,
 * only when METRICS_PUBLIC allows (by default not in production).
 */
async function serveMetrics(metrics: Metrics, config: Config, req: MultipartRequest, res: ServerResponse): Promise<void> {
  const { metricsToken: token, metricsPublic } = config.http;
  if (token && !timingSafeEqualText(req.headers.authorization ?? '', `Bearer ${token}`)) {
    sendJson(res, 401, { error: 'A valid bearer token is required' });
    return;
  }
  if (!token && !metricsPublic) {
    sendJson(res, 403, { error: 'Metrics are off: set METRICS_TOKEN (or METRICS_PUBLIC=true)' });
    return;
  }
  const body = await metrics.registry.metrics();
  res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
  res.end(body);
}

/** Who may read /metrics, for the start-up log. */
export function metricsAccess(config: Config): string {
  if (config.http.metricsToken) return 'METRICS_TOKEN required';
  return config.http.metricsPublic ? 'open to anyone (keep the port private, or set METRICS_TOKEN)' : 'off (set METRICS_TOKEN, or METRICS_PUBLIC=true)';
}

function timingSafeEqualText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * `connectionsPerIp`: sockets and HTTP subscription streams by client address, one budget for both; `httpStreams`
 * ends subscriptions over HTTP with their session.
 */
export function createYogaServer(runtime: Runtime, metrics: Metrics, connectionsPerIp: Counts<string>, httpStreams: HttpStreams) {
  const { config } = runtime;
  return createYoga<ServerContext>({
    schema: getSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: yogaLogger(runtime.log),
    maskedErrors: { maskError: createErrorMasker(runtime.log) },
    graphiql: config.graphql.graphiql ? { title: 'Realtime membership', subscriptionsProtocol: 'WS' } : false,
    renderGraphiQL: renderGraphiQLPage,
    cors: corsOptions(config),
    // Multipart requests are parsed by graphql-upload-minimal (see ./graphql/uploads.ts), not by Yoga.
    multipart: false,
    plugins: [
      useReleaseRequestCaches(),
      useGraphQLMultipart(),
      // JSON and GraphQL bodies; an upload's body is read (and limited) by the upload parser instead.
      ...requestBodyPlugins(config),
      // Everything about the document itself: the same for HTTP, SSE and graphql-ws.
      ...documentPlugins(config),
      useStreamCaps(config.realtime, connectionsPerIp),
      httpStreams.plugin,
      metrics.plugin(),
    ],
    maxRequestBodySize: false,
    context: ({ req, request, wsConnection }) => {
      if (wsConnection) {
        return createContext(runtime, {
          auth: AuthState.forSocket(runtime, wsConnection.viewer),
          client: { ip: wsConnection.ip, userAgent: wsConnection.userAgent },
        });
      }
      return createContext(runtime, {
        auth: new AuthState(runtime, request.headers.get('authorization')),
        client: {
          ip: clientIp(req?.socket.remoteAddress, request.headers.get('x-forwarded-for'), config.trustProxy),
          userAgent: request.headers.get('user-agent'),
        },
      });
    },
  });
}

function createPresenceStore(config: Config, redis: RedisClients | undefined): PresenceStore {
  if (!redis) return new MemoryPresenceStore();
  // An instance that misses three heartbeats is dead; its sockets are subtracted by the others.
  return new RedisPresenceStore(redis.client, redis.prefix, randomUUID(), config.wsHeartbeatMs * 3);
}

export async function startApp(config: Config, log: Logger = createLogger(config.logLevel)): Promise<App> {
  // Checked first: an instance that cannot reach the files would answer every avatar with a 500.
  const storage = createStorage(config.storage);
  await storage.check();
  const { database } = await openDatabase(config, log);
  let redis: RedisClients | undefined;
  try {
    redis = await connectRedis(config, log);
  } catch (error) {
    await database.close();
    throw error;
  }
  const sessionCache = new SessionCache(config.sessionCacheMs);
  const events = createEvents(log, redis, invalidateOnPublish(sessionCache));
  const stopSessionCache = listenForChanges(sessionCache, events, redis, log);
  const presence = new Presence({ db: database.db, events, log }, createPresenceStore(config, redis));
  const rateLimits = redis ? new RedisRateLimitStore(redis.client, redis.prefix) : new MemoryRateLimitStore();
  let metrics: Metrics | undefined;
  const delivery = new DeliveryQueue(database.db, createTransports(config, log), log, config.delivery, (channel, outcome) => metrics?.recordDelivery(channel, outcome));
  const runtime: Runtime = { config, database, db: database.db, log, events, redis, presence, rateLimits, storage, sessionCache, signInSteps: SIGN_IN_STEPS, factors: FACTORS, authorizationChecks: AUTHORIZATION_CHECKS, delivery, startedAt: new Date(), version: VERSION };
  let sockets: SocketServer | undefined;
  metrics = new Metrics(runtime, () => sockets?.connectionCount() ?? 0);
  const connectionsPerIp = new Counts<string>(config.realtime.connectionsPerIp);
  // Sockets and subscriptions streamed over HTTP end with their session, through this one watcher.
  const sessionWatcher = new SessionWatcher(runtime);
  const httpStreams = sessionBoundStreams(sessionWatcher);
  const yoga = createYogaServer(runtime, metrics, connectionsPerIp, httpStreams);
  const fastPath = createFastPath(yoga, { maxBodyBytes: config.http.maxBodyBytes, log, strict: config.env !== 'production', graphiql: config.graphql.graphiql, answered: metrics.fastPathAnswers, cors: corsOptions(config) });
  await presence.start(config.wsHeartbeatMs);
  delivery.start();
  // Data exports and account erasure (privacy/worker.ts): jobs in tables, so a restart loses none.
  const privacyWorker = startPrivacyWorker(runtime);

  // Every route's work may fail (the database gone, a client hanging up mid-stream): respondSafely (below) turns
  // a throw or a rejection into a logged 500, so no request can end the process.
  const handle = (req: MultipartRequest, res: ServerResponse, route: ReturnType<typeof routeOf>): unknown => {
    if (route.name === 'metrics') return serveMetrics(metrics, config, req, res);
    const { module } = route;
    if (module && (!module.methods || module.methods.includes(req.method ?? 'GET'))) return module.handle(runtime, req, res);
    // Before a GraphQL request may trust a remembered session, what this process has already received runs first:
    // another instance answers its client only once a revocation was handed to every instance, so that client's next
    // request here can be ready in the same turn of the event loop as the revocation still unread on Redis's socket.
    // A single instance (no Redis) hears of revocations synchronously, from itself: nothing to wait for.
    if (route.name === 'graphql' && runtime.sessionCache.enabled && runtime.redis) return receivedEventsFirst().then(() => handleGraphql(req, res, route));
    return handleGraphql(req, res, route);
  };

  const handleGraphql = (req: MultipartRequest, res: ServerResponse, route: ReturnType<typeof routeOf>): unknown => {
    if (route.name === 'graphql' && config.graphql.fastPath && fastPath.accepts(req)) return fastPath.handle(req, res);
    if (route.name === 'graphql' && isMultipartRequest(req)) {
      return readMultipartRequest(req, res, config).then(() => yoga.requestListener(req, res));
    }
    // GraphiQL is a page with scripts; everything else Yoga answers is data (see setSecurityHeaders).
    if (route.name === 'graphql' && req.method === 'GET' && req.headers.accept?.includes('text/html')) {
      res.setHeader('Content-Security-Policy', GRAPHIQL_CSP);
    }
    return yoga.requestListener(req, res);
  };

  /**
   * Resolves after the event loop has polled for I/O once more, without blocking (the second setImmediate runs only
   * after the next poll), so events that reached this process before the request, or while it was read, are handled.
   */
  const receivedEventsFirst = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

  const logAccess = createAccessLogger(log);
  const server = createServer((req: MultipartRequest, res) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    setSecurityHeaders(res);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routeOf(path);
    const started = performance.now();
    res.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      metrics.recordHttpRequest(req.method ?? 'GET', route.name, res.statusCode, seconds);
      logAccess({ requestId, method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1000) }, route.name === 'metrics' || route.module?.quiet === true);
    });
    logScope.run({ requestId }, () => respondSafely(runtime, res, `the ${route.name} route`, () => handle(req, res, route)));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const socketServer = attachSocketServer(
    server,
    yoga,
    runtime,
    presence,
    sessionWatcher,
    (remote, forwarded) => clientIp(remote, forwarded, config.trustProxy),
    new SocketCaps(config.realtime, connectionsPerIp),
  );
  sockets = socketServer;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Stop accepting, let in-flight requests finish, close sockets with a reconnect-friendly code, then let go
      // of presence (this instance's sockets leave the counts), Redis and the pool.
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections go as soon as their in-flight request is answered, not at their idle timeout.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      void httpClosed.then(() => clearInterval(sweep));
      httpStreams.endAll();
      await socketServer.close();
      await httpClosed;
      await sessionWatcher.close();
      // Messages not sent yet stay in the outbox for the next start (or another instance).
      await delivery.stop();
      await privacyWorker.stop();
      await stopSessionCache();
      await presence.stop();
      await redis?.close();
      await database.close();
    })());

  return { server, runtime, url, close };
}
