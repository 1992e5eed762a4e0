// Builds the whole service on one HTTP server: GraphQL (Yoga) at /graphql and the plain HTTP routes (/health,
// /avatars).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import type { Config } from './config.js';
import { openDatabase } from './db/bootstrap.js';
import { createEvents } from './events.js';
import { useRequestBodyLimit } from './graphql/body-limit.js';
import { clientIp, createContext } from './graphql/context.js';
import { useReleaseRequestCaches } from './graphql/request-caches.js';
import { createErrorMasker } from './graphql/errors.js';
import { getSchema } from './graphql/schema.js';
import { isMultipartRequest, maxMultipartBodyBytes, readMultipartRequest, useGraphQLMultipart, type MultipartRequest } from './graphql/uploads.js';
import { createLogger, type Logger } from './logger.js';
import { isAvatarPath, serveAvatar } from './modules/avatars/route.js';
import { checkHealth } from './modules/health/service.js';
import { invalidateOnPublish, listenForChanges, SessionCache } from './modules/auth/session-cache.js';
import { AuthState } from './modules/auth/viewer.js';
import { Presence } from './modules/realtime/presence.js';
import { MemoryPresenceStore, RedisPresenceStore, type PresenceStore } from './modules/realtime/presence-store.js';
import { attachSocketServer, type SocketConnection } from './modules/realtime/sockets.js';
import { MemoryRateLimitStore, RedisRateLimitStore } from './rate-limit.js';
import { connectRedis, type RedisClients } from './redis.js';
import type { Runtime } from './runtime.js';

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
  req?: MultipartRequest & { requestId?: string };
  res?: ServerResponse;
  wsConnection?: SocketConnection;
}

/** Yoga's default limit on a request body, kept for JSON requests unless uploads need more. */
const DEFAULT_MAX_REQUEST_BODY_BYTES = 25_000_000;

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

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function createYogaServer(runtime: Runtime) {
  const { config } = runtime;
  return createYoga<ServerContext>({
    schema: getSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: yogaLogger(runtime.log),
    maskedErrors: { maskError: createErrorMasker(runtime.log) },
    graphiql: { title: 'Realtime membership', subscriptionsProtocol: 'WS' },
    // Multipart requests are parsed by graphql-upload-minimal (see ./graphql/uploads.ts), not by Yoga.
    multipart: false,
    // The body limit checks the declared length of every request, uploads included; uploads have their own limit.
    plugins: [useReleaseRequestCaches(), useGraphQLMultipart(), useRequestBodyLimit(Math.max(DEFAULT_MAX_REQUEST_BODY_BYTES, maxMultipartBodyBytes(config)))],
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
        requestId: req?.requestId,
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
  const { database } = await openDatabase(config, log);
  let redis: RedisClients | undefined;
  try {
    redis = await connectRedis(config, log);
  } catch (error) {
    await database.close();
    throw error;
  }
  const sessionCache = new SessionCache(config.sessionCacheMs);
  const events = createEvents(redis, invalidateOnPublish(sessionCache));
  const stopSessionCache = listenForChanges(sessionCache, events, redis, log);
  const presence = new Presence({ db: database.db, events, log }, createPresenceStore(config, redis));
  const rateLimits = redis ? new RedisRateLimitStore(redis.client, redis.prefix) : new MemoryRateLimitStore();
  const runtime: Runtime = { config, database, db: database.db, log, events, redis, presence, rateLimits, sessionCache, startedAt: new Date(), version: VERSION };
  const yoga = createYogaServer(runtime);
  await presence.start(config.wsHeartbeatMs);

  const server = createServer((req: NonNullable<ServerContext['req']>, res) => {
    const incoming = req.headers['x-request-id'];
    req.requestId = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', req.requestId);
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      checkHealth(runtime).then(
        (health) => sendJson(res, health.status === 'ok' ? 200 : 503, health),
        (error: unknown) => {
          log.error({ err: error }, 'Health check failed');
          sendJson(res, 503, { status: 'error' });
        },
      );
      return;
    }
    if (isAvatarPath(path ?? '')) {
      void serveAvatar(runtime, req, res);
      return;
    }
    if (path === '/graphql' && isMultipartRequest(req)) {
      void readMultipartRequest(req, res, config).then(() => yoga.requestListener(req, res));
      return;
    }
    void yoga.requestListener(req, res);
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

  const sockets = attachSocketServer(server, yoga, runtime, presence, (remote, forwarded) => clientIp(remote, forwarded, config.trustProxy));

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Stop accepting, let in-flight requests finish, close sockets with a reconnect-friendly code, then let go
      // of presence (this instance's sockets leave the counts), Redis and the pool.
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await sockets.close();
      await httpClosed;
      await stopSessionCache();
      await presence.stop();
      await redis?.close();
      await database.close();
    })());

  return { server, runtime, url, close };
}
