// What a subscription event's subscribers share on this instance: the event's row, and one loader for the users it
// names (sender, recipient, the user whose presence changed).
//
// Each subscriber's GraphQL context lives as long as its subscription, and its DataLoaders with it, so resolving
// `sender { username }` through them cost one query per subscriber for every new sender (5,000 subscribers: 5,000
// identical queries per message) and then served that sender's row, however stale, for the rest of the
// subscription. One event is one object on each instance (the in-memory pub/sub hands every subscriber the
// published object; the Redis one parses each message once), so a loader kept per event loads each user once per
// event and instance, fresh at delivery time. Nothing is cached beyond the event.
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { users, type UserRow } from '../../db/schema.js';
import type { Runtime } from '../../runtime.js';

const EVENT_USERS = Symbol('users, loaded once for every subscriber of an event');

export interface EventScoped {
  [EVENT_USERS]?: DataLoader<number, UserRow | undefined>;
}

const rows = new WeakMap<object, object>();

/** The row made from `event`, the same object for every subscriber, carrying the event's user loader. */
export function eventRow<E extends object, R extends object>(runtime: Runtime, event: E, toRow: (event: E) => R): R & EventScoped {
  let row = rows.get(event) as (R & EventScoped) | undefined;
  if (!row) {
    row = toRow(event) as R & EventScoped;
    const loader = new DataLoader<number, UserRow | undefined>(async (ids) => {
      const found = await runtime.db.select().from(users).where(inArray(users.id, [...ids]));
      const byId = new Map(found.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id));
    });
    Object.defineProperty(row, EVENT_USERS, { value: loader });
    rows.set(event, row);
  }
  return row;
}

/** The loader of the event `row` came from, if it came from one. */
export function eventUsers(row: object): DataLoader<number, UserRow | undefined> | undefined {
  return (row as EventScoped)[EVENT_USERS];
}
