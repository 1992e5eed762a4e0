// What every service needs, created once per process: configuration, database, logger and the event bus.
import type { Config } from './config.js';
import type { DeliveryQueue } from './delivery/queue.js';
import type { Database, Db } from './db/client.js';
import type { Logger } from './logger.js';
import type { Events } from './events.js';
import type { SessionCache } from './modules/auth/session-cache.js';
import type { Presence } from './modules/realtime/presence.js';
import type { RateLimitStore } from './rate-limit.js';
import type { RedisClients } from './redis.js';

export interface Runtime {
  config: Config;
  database: Database;
  db: Db;
  log: Logger;
  events: Events;
  /** Present when REDIS_URL is set. */
  redis?: RedisClients;
  presence: Presence;
  /** Recently checked sessions; changes to users and sessions invalidate them on every instance. */
  sessionCache: SessionCache;
  rateLimits: RateLimitStore;
  /** Outgoing email and SMS: `runtime.delivery.send(message)`, or `enqueue(tx, message)` then `kick()` after commit. */
  delivery: DeliveryQueue;
  startedAt: Date;
  version: string;
}
