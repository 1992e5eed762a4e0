// Prometheus metrics at /metrics: HTTP requests and GraphQL operations (counts and latency), open sockets, online
// users, the database pool, and Node's own process metrics.
import { ne, sql } from 'drizzle-orm';
import type { OperationDefinitionNode } from 'graphql';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { cachedProbe } from './cached-probe.js';
import { userStatus } from './db/schema.js';
import type { Runtime } from './runtime.js';

/** Operation names become labels; past this many distinct ones, new names are counted as "other". */
const MAX_OPERATION_NAMES = 200;
/**
 * users_online is a database count: read at most this often, whatever the scrape rate, and never waited on for
 * longer than the deadline, so neither a scraper nor a database outage can hold /metrics up.
 */
const ONLINE_COUNT_TTL_MS = 5000;
const ONLINE_COUNT_DEADLINE_MS = 1000;
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/** Memoizes `make` by its arguments. */
function childCache<T>(make: (...values: string[]) => T): (...values: string[]) => T {
  const cache = new Map<string, T>();
  return (...values) => {
    const key = values.join('\u0000');
    let child = cache.get(key);
    if (!child) cache.set(key, (child = make(...values)));
    return child;
  };
}

/** Counted by the process's last-resort handler (server.ts); anything above 0 is a bug to find in the logs. */
export const unhandledRejections = new Counter({ name: 'process_unhandled_rejections_total', help: 'Promise rejections no code handled', registers: [] });

export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  readonly httpRequests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly fastPathAnswers = new Counter({
    name: 'graphql_fast_path_answers_total',
    help: "GraphQL requests answered without Yoga's HTTP layer (plain JSON POSTs, src/graphql/fast-path.ts)",
    registers: [this.registry],
  });
  readonly operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations executed (subscriptions: started), by name, type and whether they returned errors',
    labelNames: ['operation', 'type', 'outcome'],
    registers: [this.registry],
  });
  readonly operationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time to execute a GraphQL query or mutation',
    labelNames: ['operation', 'type'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  // Label children, made once per set of values: prom-client validates and hashes a label object on every call.
  private readonly httpRequestsBy = childCache((...values) => this.httpRequests.labels(...values));
  private readonly httpDurationBy = childCache((...values) => this.httpDuration.labels(...values));
  private readonly operationsBy = childCache((...values) => this.operations.labels(...values));
  private readonly operationDurationBy = childCache((...values) => this.operationDuration.labels(...values));

  constructor(runtime: Pick<Runtime, 'db' | 'database' | 'log'>, openSockets: () => number) {
    collectDefaultMetrics({ register: this.registry });
    this.registry.registerMetric(unhandledRejections);
    new Gauge({ name: 'websocket_connections_open', help: 'Open graphql-ws sockets on this instance', registers: [this.registry], collect() {
      this.set(openSockets());
    } });
    const onlineCount = cachedProbe(
      async () => {
        const [row] = await runtime.db.select({ n: sql<number>`count(*)` }).from(userStatus).where(ne(userStatus.status, 'offline'));
        return Number(row?.n ?? 0);
      },
      { ttlMs: ONLINE_COUNT_TTL_MS, deadlineMs: ONLINE_COUNT_DEADLINE_MS, onFailure: (error) => runtime.log.warn({ err: error }, 'Metrics: could not count online users') },
    );
    const onlineStale = new Gauge({
      name: 'users_online_stale',
      help: '1 when users_online could not be read from the database and shows the last value read (or none)',
      registers: [this.registry],
    });
    // collect() must never reject: prom-client would fail the whole scrape.
    new Gauge({ name: 'users_online', help: `Users online or away (across instances), read at most every ${ONLINE_COUNT_TTL_MS / 1000} s`, registers: [this.registry], async collect() {
      const result = await onlineCount();
      const value = result.ok ? result.value : result.last?.value;
      if (value === undefined) this.reset();
      else this.set(value);
      onlineStale.set(result.ok ? 0 : 1);
    } });
    const pool = runtime.database.pool.pool as unknown as PoolInternals;
    new Gauge({ name: 'db_pool_connections', help: 'Database pool connections by state', labelNames: ['state'], registers: [this.registry], collect() {
      const total = pool._allConnections?.length ?? 0;
      const idle = pool._freeConnections?.length ?? 0;
      this.set({ state: 'idle' }, idle);
      this.set({ state: 'in_use' }, total - idle);
      this.set({ state: 'waiting' }, pool._connectionQueue?.length ?? 0);
    } });
  }

  readonly deliveries = new Counter({
    name: 'delivery_messages_total',
    help: 'Outgoing email and SMS by channel and outcome (sent, retry: failed and to be tried again, failed: given up)',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  });

  /** Counts one delivery attempt's outcome (src/delivery/queue.ts). */
  recordDelivery(channel: string, outcome: string): void {
    this.deliveries.labels(channel, outcome).inc();
  }

  /** Counts and times one answered HTTP request. */
  recordHttpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpRequestsBy(method, route, String(status)).inc();
    this.httpDurationBy(method, route).observe(seconds);
  }

  operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES || !/^\w{1,64}$/.test(name)) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** Counts and times every operation Yoga runs, over HTTP and sockets alike. */
  plugin(): Plugin {
    const record = (operation: OperationDefinitionNode | null | undefined, started: number, failed: boolean, timed: boolean) => {
      const name = this.operationLabel(operation?.name?.value);
      const type = operation?.operation ?? 'unknown';
      this.operationsBy(name, type, failed ? 'error' : 'ok').inc();
      if (timed) this.operationDurationBy(name, type).observe((performance.now() - started) / 1000);
    };
    return {
      onExecute: ({ args }) => {
        const started = performance.now();
        const operation = getOperationAST(args.document, args.operationName);
        return {
          onExecuteDone: ({ result }) => {
            record(operation, started, 'errors' in result && Boolean(result.errors?.length), true);
          },
        };
      },
      onSubscribe: ({ args }) => {
        const started = performance.now();
        const operation = getOperationAST(args.document, args.operationName);
        return {
          onSubscribeResult: ({ result }) => {
            record(operation, started, 'errors' in result && Boolean((result as { errors?: unknown[] }).errors?.length), false);
          },
        };
      },
    };
  }
}
