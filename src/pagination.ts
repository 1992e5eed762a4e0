// Page sizes and opaque cursors shared by every paginated list. Lists are keyset-paginated: a cursor carries the
// sort key of a row, so a page always continues right after the row it names, whatever was inserted since.
import { badInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** One page as a list service sees it: the raw cursors and how many rows to read (one more than asked for). */
export interface PageRequest {
  after?: string;
  before?: string;
  limit: number;
  /** Read backwards (`last`/`before`): the caller reverses the rows again. */
  inverted: boolean;
}

/** Rejects negative and oversized page sizes instead of silently clamping them. */
export function checkPageSize(args: { first?: number | null; last?: number | null }): void {
  for (const field of ['first', 'last'] as const) {
    const value = args[field];
    if (value != null && (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE)) {
      throw badInput(field, `"${field}" must be a whole number from 0 to ${MAX_PAGE_SIZE}`);
    }
  }
}

/** `kind` names the list and its ordering, so a cursor from another list or order is refused, not misread. */
export function encodeCursor(kind: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, kind: string, field: string): unknown[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (!Array.isArray(decoded) || decoded[0] !== kind) {
    throw badInput(field, 'This cursor does not belong to this list or ordering; start again from the first page');
  }
  return decoded.slice(1);
}

/** The cursor's key parts, checked against the types the list expects. */
export function cursorKey<const T extends readonly ('string' | 'number' | 'date')[]>(
  cursor: string,
  kind: string,
  field: string,
  types: T,
): { [K in keyof T]: T[K] extends 'number' ? number : T[K] extends 'date' ? Date : string } {
  const parts = decodeCursor(cursor, kind, field);
  const bad = () => badInput(field, 'This cursor is not valid; start again from the first page');
  if (parts.length !== types.length) throw bad();
  return types.map((type, i) => {
    const part = parts[i];
    if (type === 'number') {
      if (typeof part !== 'number' || !Number.isSafeInteger(part)) throw bad();
      return part;
    }
    if (typeof part !== 'string') throw bad();
    if (type === 'date') {
      const date = new Date(part);
      if (Number.isNaN(date.getTime())) throw bad();
      return date;
    }
    return part;
  }) as never;
}
