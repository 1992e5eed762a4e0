// Live sessions remembered for a moment, so a busy client's requests do not each read its session and user rows.
//
// Correctness comes first: a revoked session, a disabled or deleted account must fail on the very next request, on
// every instance. So an entry is dropped
//  - at once, on this instance, when this instance changes the user (revocation, role, status, profile): events are
//    seen here as they are published, before the request that caused them answers;
//  - on the other instances, when the event reaches them over Redis. Revocations are acknowledged only once Redis
//    has handed them back to this instance (see writeThenAnnounce in changes.ts), i.e. to every subscriber, so a client told "signed
//    out" cannot beat the news to another instance;
//  - whatever happens, after `ttlMs` (a second or two): the bound on staleness for what no event reports (a row
//    changed by hand in SQL, a message lost with a Redis connection).
// While this instance's Redis subscription is down the cache is off and emptied: events it would miss cannot
// leave entries behind. Only good sessions are remembered; refusals are always read afresh.
import type { SessionRow, UserRow } from '../../db/schema.js';
import { eventKey, type EventMap, type Events } from '../../events.js';
import type { Logger } from '../../logger.js';
import type { RedisClients } from '../../redis.js';
import type { SessionCheck } from './sessions.js';

/** The events after which a user's cached sessions (with their user row) may be wrong. */
const USER_EVENTS = ['sessionsRevoked', 'userChanged'] as const satisfies (keyof EventMap)[];
type UserEvent = (typeof USER_EVENTS)[number];
const isUserEvent = (type: keyof EventMap): type is UserEvent => (USER_EVENTS as readonly string[]).includes(type);

type Ok = Extract<SessionCheck, { ok: true }>;

interface Entry {
  session: SessionRow;
  user: UserRow;
  /** clock() after which the entry is not used. */
  until: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<number, Set<string>>();
  /** Checks in flight, shared by concurrent requests with the same session. */
  private readonly loading = new Map<string, { epoch: number; promise: Promise<SessionCheck> }>();
  /** Bumped by every invalidation: a check that read the database before one must not be remembered after it. */
  private epoch = 0;
  private available = true;
  private readonly waiters = new Map<string, Set<() => void>>();
  private writes = 0;

  /**
   * `clock`: what entries' ages are measured with, replaceable (tests move it forward instead of waiting). An
   * entry remembered at clock() = t is used until t + ttlMs.
   */
  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 100_000,
    public clock: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && this.available;
  }

  /** The remembered, still good session `jti` of user `userId`, without waiting; undefined if it must be read. */
  peek(jti: string, userId: number): { session: SessionRow; user: UserRow } | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(jti);
    const now = this.clock();
    if (!entry || entry.until <= now || entry.user.id !== userId || entry.session.expiresAt.getTime() <= now) return undefined;
    return entry;
  }

  /** The check of session `jti` of user `userId`: remembered, or read with `load` (and remembered if good). */
  check(jti: string, userId: number, load: () => Promise<SessionCheck>): Promise<SessionCheck> {
    if (!this.enabled) return load();
    const now = this.clock();
    const entry = this.entries.get(jti);
    if (entry && entry.until > now && entry.user.id === userId) {
      // The session's own end is checked on every use, as the database check would.
      if (entry.session.expiresAt.getTime() <= now) return Promise.resolve({ ok: false, reason: 'SESSION_EXPIRED' });
      return Promise.resolve({ ok: true, session: entry.session, user: entry.user });
    }
    const pending = this.loading.get(jti);
    if (pending && pending.epoch === this.epoch) return pending.promise;
    const epoch = this.epoch;
    const promise = load().then(
      (check) => {
        if (this.loading.get(jti)?.promise === promise) this.loading.delete(jti);
        if (check.ok && epoch === this.epoch && this.enabled) this.remember(jti, check);
        return check;
      },
      (error: unknown) => {
        if (this.loading.get(jti)?.promise === promise) this.loading.delete(jti);
        throw error;
      },
    );
    this.loading.set(jti, { epoch, promise });
    return promise;
  }

  private remember(jti: string, check: Ok): void {
    this.forget(jti);
    this.entries.set(jti, { session: check.session, user: check.user, until: this.clock() + this.ttlMs });
    let sessions = this.byUser.get(check.user.id);
    if (!sessions) this.byUser.set(check.user.id, (sessions = new Set()));
    sessions.add(jti);
    // A Map iterates in insertion order, and an entry is re-inserted when refreshed, so the oldest come first:
    // now and then the expired ones are dropped from the front (memory follows the sessions in use, not all
    // sessions ever seen), and beyond the cap the oldest go.
    if (++this.writes % 1000 === 0) {
      const now = this.clock();
      for (const [key, entry] of this.entries) {
        if (entry.until > now) break;
        this.forget(key);
      }
    }
    while (this.entries.size > this.maxEntries) this.forget(this.entries.keys().next().value!);
  }

  private forget(jti: string): void {
    const entry = this.entries.get(jti);
    if (!entry) return;
    this.entries.delete(jti);
    const sessions = this.byUser.get(entry.user.id);
    sessions?.delete(jti);
    if (sessions?.size === 0) this.byUser.delete(entry.user.id);
  }

  /** Drops every session of the user (their sessions, account or profile changed). */
  invalidateUser(userId: number): void {
    this.epoch += 1;
    for (const jti of this.byUser.get(userId) ?? []) this.entries.delete(jti);
    this.byUser.delete(userId);
  }

  clear(): void {
    this.epoch += 1;
    this.entries.clear();
    this.byUser.clear();
  }

  /** Turned off (and emptied) while events may be missed, e.g. the Redis subscription is down; on again after. */
  setAvailable(available: boolean): void {
    if (!available) this.clear();
    this.available = available;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Resolves when an event with this key (see `eventKey`) comes back from the bus, or after `timeoutMs`:
   * published over Redis, an event that came back has been handed to every instance's subscription.
   */
  delivered(key: string, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      let set = this.waiters.get(key);
      if (!set) this.waiters.set(key, (set = new Set()));
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0 && this.waiters.get(key) === set) this.waiters.delete(key);
        resolve(true);
      };
      const timer = setTimeout(() => {
        set.delete(done);
        if (set.size === 0 && this.waiters.get(key) === set) this.waiters.delete(key);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      set.add(done);
    });
  }

  /** An event arrived from the bus (this instance's own, echoed, or another's). */
  received(userId: number, key: string): void {
    this.invalidateUser(userId);
    for (const done of [...(this.waiters.get(key) ?? [])]) done();
  }
}

/** For createEvents' `onPublish`: this instance's own changes invalidate at once, before the publisher answers. */
export function invalidateOnPublish(cache: SessionCache) {
  return <K extends keyof EventMap>(type: K, payload: EventMap[K][0]) => {
    if (isUserEvent(type)) cache.invalidateUser((payload as EventMap[UserEvent][0]).userId);
  };
}

/**
 * Keeps the cache in step with the event bus: every instance's changes (this one's echoed back), and the state of
 * the Redis subscription. Returns a function that stops listening.
 */
export function listenForChanges(cache: SessionCache, events: Events, redis: RedisClients | undefined, log: Logger): () => Promise<void> {
  const subscriptions = USER_EVENTS.map((type) => {
    const iterator = (events.subscribe as (type: UserEvent) => AsyncIterableIterator<EventMap[UserEvent][0]>)(type);
    void (async () => {
      for await (const event of iterator) cache.received(event.userId, eventKey(type, event));
    })().catch((error: unknown) => {
      // Without the events the cache could serve revoked sessions: stop using it.
      cache.setAvailable(false);
      log.error({ err: error, type }, 'Session cache stopped listening for changes; it is off');
    });
    return iterator;
  });
  if (redis) {
    const off = () => cache.setAvailable(false);
    const on = () => cache.setAvailable(true);
    redis.subscriber.on('close', off).on('end', off).on('reconnecting', off).on('ready', on);
    cache.setAvailable(redis.subscriber.status === 'ready');
  }
  return async () => {
    await Promise.all(subscriptions.map((s) => s.return?.()));
  };
}
