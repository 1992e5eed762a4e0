// Client idempotency keys for messages and notifications: a request retried after a lost answer (the server died,
// the network dropped) returns what the first attempt stored instead of storing and delivering it a second time.
import { duplicateKeyName } from '../../db/errors.js';
import { AppError, badInput } from '../../errors.js';

export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Optional: 1 to 64 of A-Z, a-z, 0-9, "_" and "-" (a UUID fits), chosen by the client for this one send. A retry with the same key returns what was stored the first time, without sending it again; the same key with different content is a CONFLICT. Keys are scoped to the sender.';

const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The key as given, or null without one; anything outside the safe set is BAD_USER_INPUT. */
export function parseIdempotencyKey(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  if (!KEY_PATTERN.test(raw)) throw badInput('idempotencyKey', 'Use 1 to 64 of A-Z, a-z, 0-9, "_" and "-" (a UUID fits)');
  return raw;
}

export interface StoreOnce<Row> {
  key: string | null;
  /** The sender's row stored under `key`, if any. */
  find: (key: string) => Promise<Row | undefined>;
  /** Whether a stored row says what this request says (else the key was reused for something else). */
  sameAs: (row: Row) => boolean;
  /** Runs only when nothing is stored under the key yet: checks that may refuse (rate limits), then the insert. */
  insert: () => Promise<Row>;
  /** The unique index on (sender, key), whose duplicate-key error means a concurrent attempt stored it first. */
  uniqueIndex: string;
}

/**
 * Stores a row at most once per (sender, key). `created` is false when it was stored before: the caller must then
 * not publish it again. Two concurrent attempts both reach the insert; the unique index lets one through and the
 * other reads the row it stored.
 */
export async function storeOnce<Row>(options: StoreOnce<Row>): Promise<{ row: Row; created: boolean }> {
  const { key } = options;
  if (key === null) return { row: await options.insert(), created: true };
  const earlier = await options.find(key);
  if (earlier) return { row: stored(options, earlier), created: false };
  try {
    return { row: await options.insert(), created: true };
  } catch (error) {
    if (duplicateKeyName(error) !== options.uniqueIndex) throw error;
    const winner = await options.find(key);
    if (!winner) throw error;
    return { row: stored(options, winner), created: false };
  }
}

function stored<Row>(options: StoreOnce<Row>, row: Row): Row {
  if (options.sameAs(row)) return row;
  throw new AppError('CONFLICT', 'This idempotencyKey was already used for a different send: use a new key for new content', {
    field: 'idempotencyKey',
    reason: 'IDEMPOTENCY_KEY_REUSED',
  });
}
