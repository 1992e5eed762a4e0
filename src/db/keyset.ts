// Keyset ("seek") pagination in SQL: rows strictly after or before a sort key, in a total order.
import { and, asc, desc, eq, gt, lt, or, type AnyColumn, type SQL } from 'drizzle-orm';

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
