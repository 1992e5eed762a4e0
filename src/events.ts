// The event bus: Yoga's typed pub/sub, in memory for one instance or over Redis so several instances deliver
// each other's events. Payloads cross Redis as JSON, so they hold only JSON values (dates as ISO strings).
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSubEventTarget } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { DbOrTx } from './db/client.js';
import type { Logger } from './logger.js';
import type { RedisClients } from './redis.js';

export interface SessionsRevokedEvent {
  userId: number;
  /** Specific sessions, or every session of the user when absent. */
  sessionIds?: number[];
  /** Sessions to keep (the caller's own, after a password change). */
  exceptSessionIds?: number[];
  reason: string;
}

export type PresenceStatusValue = 'online' | 'away' | 'offline';

export interface PresenceChangedEvent {
  userId: number;
  status: PresenceStatusValue;
  at: string;
}

export interface MessageSentEvent {
  id: number;
  senderId: number;
  /** Null for a message to everyone. */
  recipientId: number | null;
  content: string;
  createdAt: string;
}

export interface NotificationCreatedEvent {
  id: number;
  /** Null for a notification to everyone. */
  userId: number | null;
  senderId: number | null;
  kind: string;
  title: string;
  message: string;
  createdAt: string;
}

/** Something in a user's row changed (profile, avatar, role, enabled or not): for caches of user rows. */
export interface UserChangedEvent {
  userId: number;
}

export type EventMap = {
  sessionsRevoked: [SessionsRevokedEvent];
  presenceChanged: [PresenceChangedEvent];
  messageSent: [MessageSentEvent];
  notificationCreated: [NotificationCreatedEvent];
  userChanged: [UserChangedEvent];
};

type Target = PubSubEventTarget<EventMap>;

/** Namespaces channels with REDIS_KEY_PREFIX, since Redis pub/sub channels are shared by every database. */
function prefixed(target: Target, prefix: string): Target {
  return {
    addEventListener: (type, listener, options) => target.addEventListener(`${prefix}${type}`, listener, options),
    removeEventListener: (type, listener, options) => target.removeEventListener(`${prefix}${type}`, listener, options),
    dispatchEvent: (event) => target.dispatchEvent(new CustomEvent(`${prefix}${event.type}`, { detail: event.detail })),
  };
}

/**
 * The two clients as the Redis event target uses them, whose commands it sends without handling their failure: a
 * publish while Redis is down (ioredis gives up after maxRetriesPerRequest) would be an unhandled rejection on the
 * request that published. Here each failure is logged instead; ioredis re-subscribes by itself on reconnecting,
 * and the session cache turns itself off meanwhile (session-cache.ts).
 */
function guardedClients(redis: RedisClients, log: Logger) {
  const failed = (what: string, channel: string) => (error: unknown) => log.error({ err: error, channel }, `Redis ${what} failed; the event is lost`);
  const publishClient = { publish: (channel: string, message: string) => redis.client.publish(channel, message).catch(failed('publish', channel)) };
  const subscribeClient = {
    subscribe: (channel: string) => redis.subscriber.subscribe(channel).catch(failed('subscribe', channel)),
    unsubscribe: (channel: string) => redis.subscriber.unsubscribe(channel).catch(failed('unsubscribe', channel)),
    on: (event: 'message', listener: (channel: string, message: string) => void) => redis.subscriber.on(event, listener),
  };
  // Only these methods are called (see @graphql-yoga/redis-event-target).
  return { publishClient: publishClient as unknown as Redis, subscribeClient: subscribeClient as unknown as Redis };
}

/** Told of each event this instance publishes, synchronously, before it goes out. */
export type PublishHook = <K extends keyof EventMap>(type: K, payload: EventMap[K][0]) => void;

/**
 * `onPublish` is for what must know of this instance's own events before the code that published them carries on
 * (the session cache), rather than when they come back from Redis.
 */
export function createEvents(log: Logger, redis?: RedisClients, onPublish?: PublishHook) {
  const eventTarget = redis
    ? prefixed(createRedisEventTarget<CustomEvent>(guardedClients(redis, log)) as Target, `${redis.prefix}events:`)
    : undefined;
  const pubsub = createPubSub<EventMap>({ eventTarget });
  if (!onPublish) return pubsub;
  const publish = <K extends keyof EventMap>(type: K, payload: EventMap[K][0]) => {
    onPublish(type, payload);
    (pubsub.publish as (type: K, payload: EventMap[K][0]) => void)(type, payload);
  };
  return { ...pubsub, publish: publish as typeof pubsub.publish };
}

export type Events = ReturnType<typeof createEvents>;

/** Identifies an event by its content, the same on every instance (payloads cross Redis as JSON). */
export function eventKey(type: string, payload: unknown): string {
  return `${type}:${JSON.stringify(payload)}`;
}

// ---- what a change will announce once committed (see changes.ts writeThenAnnounce)

export type Announcement = { [K in keyof EventMap]: { type: K; payload: EventMap[K][0] } }[keyof EventMap];

/** What a change will announce once it has committed. */
export class Announcements {
  readonly pending: Announcement[] = [];

  publish<K extends keyof EventMap>(type: K, payload: EventMap[K][0]): void {
    this.pending.push({ type, payload } as Announcement);
  }

  /** Something in the user's row changed (profile, avatar, role, enabled or not). */
  userChanged(userId: number): void {
    this.publish('userChanged', { userId });
  }

  /** Sessions were revoked (see revokeSessions): their sockets close and every instance stops accepting them. */
  sessionsRevoked(revocation: SessionsRevokedEvent): void {
    this.publish('sessionsRevoked', revocation);
  }
}

/** Work a module asks to run inside other changes' transactions (see roles/guard.ts changeAuthorization). */
export type ChangeHook = (tx: DbOrTx, announce: Announcements) => Promise<void>;
