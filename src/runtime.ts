// What every service needs, created once per process: configuration, database, logger and the event bus.
import type { Config } from './config.js';
import type { DeliveryQueue } from './delivery/queue.js';
import type { Database, Db } from './db/client.js';
import type { Logger } from './logger.js';
import type { Events } from './events.js';
import type { ChangeHook } from './events.js';
import type { SessionCache } from './modules/auth/session-cache.js';
import type { Factor, SignInStep } from './modules/auth/proofs.js';
import type { Presence } from './modules/realtime/presence.js';
import type { RateLimitStore } from './rate-limit.js';
import type { RedisClients } from './redis.js';
import type { ObjectStorage } from './storage/index.js';

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
  /** What a sign-in must pass after its first proof and before its session; see modules/index.ts. */
  signInSteps: readonly SignInStep[];
  /** Every kind of factor (password, TOTP, backup codes, passkeys, linked providers); see modules/index.ts. */
  factors: readonly Factor[];
  /** Run after every change to authorization, in its transaction (roles/guard.ts); see modules/index.ts. */
  authorizationChecks: readonly ChangeHook[];
  /** Where avatar files live; the same for every instance when they share a bucket. */
  storage: ObjectStorage;
  /** Outgoing email and SMS: `runtime.delivery.send(message)`, or `enqueue(tx, message)` then `kick()` after commit. */
  delivery: DeliveryQueue;
  startedAt: Date;
  version: string;
}
