// Write, commit, then announce: the one way a service changes sessions or users. Events are collected while the
// change is written and published only once it has committed, so nothing acts on a change that was rolled back,
// and no caller can forget the second half (sockets left open, caches left stale).
import type { DbOrTx } from './db/client.js';
import { Announcements, eventKey, type Announcement, type EventMap, type SessionsRevokedEvent } from './events.js';
import type { Runtime } from './runtime.js';

export { Announcements, type ChangeHook } from './events.js';


/**
 * Runs `write` in a transaction (or, with `transaction: false`, for a single statement, on the plain handle) and
 * then publishes what it announced, even when `write` returned a refusal after writing (a reused refresh token
 * still revokes its session). If `write` throws, the transaction rolls back and nothing is announced.
 */
export async function writeThenAnnounce<T>(
  runtime: Runtime,
  write: (tx: DbOrTx, announce: Announcements) => Promise<T>,
  options: { transaction?: boolean } = {},
): Promise<T> {
  const announcements = new Announcements();
  const result = options.transaction === false ? await write(runtime.db, announcements) : await runtime.db.transaction((tx) => write(tx, announcements));
  await announce(runtime, announcements.pending);
  return result;
}

/** How long a revocation waits for Redis to hand it to every instance before answering anyway. */
const DELIVERY_TIMEOUT_MS = 1000;

async function announce(runtime: Runtime, announcements: Announcement[]): Promise<void> {
  const waits: Promise<void>[] = [];
  for (const { type, payload } of announcements) {
    if (type === 'sessionsRevoked') waits.push(announceRevocation(runtime, payload));
    else (runtime.events.publish as (type: keyof EventMap, payload: unknown) => void)(type, payload);
  }
  await Promise.all(waits);
}

/**
 * Tells every instance (open sockets, session caches) that sessions died, and resolves once the event came back
 * from the bus: over Redis, once it has been handed to every instance, so the client that caused it cannot send
 * its next request to another instance before that instance knows.
 */
async function announceRevocation(runtime: Runtime, revocation: SessionsRevokedEvent): Promise<void> {
  const delivered = runtime.sessionCache.delivered(eventKey('sessionsRevoked', revocation), DELIVERY_TIMEOUT_MS);
  runtime.events.publish('sessionsRevoked', revocation);
  if (!(await delivered)) {
    runtime.log.warn({ userId: revocation.userId, reason: revocation.reason }, `A session revocation did not come back from the event bus within ${DELIVERY_TIMEOUT_MS} ms; other instances may serve those sessions for up to SESSION_CACHE_MS`);
  }
}
