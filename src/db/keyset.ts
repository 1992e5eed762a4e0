// Keyset ("seek") pagination in SQL: rows strictly after or before a sort key, in a total order.
import { and, asc, desc, eq, gt, gte, lt, lte, or, type AnyColumn, type SQL } from 'drizzle-orm';
import { badInput } from '../errors.js';
import { cursorKey, encodeCursor, type PageRequest } from '../pagination.js';

export type Direction = 'asc' | 'desc';

export interface KeysetOrder {
  /** The sort columns; together they must be unique (end with the primary key when the others are not). */
  columns: AnyColumn[];
  direction: Direction;
}

const flip = (direction: Direction): Direction => (direction === 'asc' ? 'desc' : 'asc');

/** `(c1, c2, ...) > (v1, v2, ...)` (or `<`), spelled out so MariaDB can use an index range on the first column. */
function beyond(columns: AnyColumn[], key: readonly unknown[], direction: Direction): SQL {
  const compare = direction === 'asc' ? gt : lt;
  const clauses = columns.map((column, i) => and(...columns.slice(0, i).map((previous, j) => eq(previous, key[j])), compare(column, key[i]))!);
  return or(...clauses)!;
}

/**
 * The WHERE condition and ORDER BY for one page. `after` and `before` are sort keys (in `order.columns` order);
 * `inverted` reads from the end, as Relay's `last` does (the caller reverses the rows back).
 */
export function keysetPage(
  order: KeysetOrder,
  page: { after?: readonly unknown[]; before?: readonly unknown[]; inverted: boolean },
): { where: SQL | undefined; orderBy: SQL[] } {
  const where = and(
    page.after ? beyond(order.columns, page.after, order.direction) : undefined,
    page.before ? beyond(order.columns, page.before, flip(order.direction)) : undefined,
  );
  const direction = page.inverted ? flip(order.direction) : order.direction;
  return { where, orderBy: order.columns.map((column) => (direction === 'asc' ? asc(column) : desc(column))) };
}

/**
 * Newest-first pages by an auto-increment id, the order of every log-like list (history, login attempts,
 * messages, notifications): ids grow with every insert, so they are a stable, unique sort key. Cursors are made
 * by `newestFirstCursor(kind, id)` with the same `kind`.
 */
export function newestFirstPage(id: AnyColumn, kind: string, page: PageRequest): { where: SQL | undefined; orderBy: SQL[] } {
  return keysetPage(
    { columns: [id], direction: 'desc' },
    {
      after: page.after ? cursorKey(page.after, kind, 'after', ['number']) : undefined,
      before: page.before ? cursorKey(page.before, kind, 'before', ['number']) : undefined,
      inverted: page.inverted,
    },
  );
}

export const newestFirstCursor = (kind: string, id: number): string => encodeCursor(kind, [id]);

/** Rows of a log-like list whose `column` is within `from`–`to` (both inclusive, either open); a range that ends before it starts is bad input. */
export function timeWindow(column: AnyColumn, range: { from?: Date | null; to?: Date | null }): SQL | undefined {
  if (range.from && range.to && range.from > range.to) throw badInput('from', '"from" must not be later than "to"');
  return and(range.from ? gte(column, range.from) : undefined, range.to ? lte(column, range.to) : undefined);
}
