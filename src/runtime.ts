// What every service needs, created once per process: configuration, database, logger and the event bus.
import type { Config } from './config.js';
import type { DeliveryQueue } from './delivery/queue.js';
import type { Database, Db } from './db/client.js';
import type { Logger } from './logger.js';
import type { Events } from './events.js';
import type { SessionCache } from './modules/auth/session-cache.js';
import type { ReauthVerifier } from './modules/auth/reauth-verifiers.js';
import type { SecondFactor, SignInStep } from './modules/auth/sign-in-steps.js';
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
  /** What a sign-in must pass after its password (or other proof) and before its session; see modules/index.ts. */
  signInSteps: readonly SignInStep[];
  /** The kinds of second factor (TOTP, backup codes, passkeys); see modules/index.ts. */
  secondFactors: readonly SecondFactor[];
  /** What `reauthenticate` accepts besides a password (a TOTP code, a passkey); see modules/index.ts. */
  reauthVerifiers: readonly ReauthVerifier[];
  /** Where avatar files live; the same for every instance when they share a bucket. */
  storage: ObjectStorage;
  /** Outgoing email and SMS: `runtime.delivery.send(message)`, or `enqueue(tx, message)` then `kick()` after commit. */
  delivery: DeliveryQueue;
  startedAt: Date;
  version: string;
}
