// Keyset pagination for lists ordered newest first by an auto-increment id, through the Relay plugin's
// cursor helper: stable while new rows arrive, and each page is one index range scan.
import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { badInput } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

export interface IdPage {
  /** Only rows with a smaller id (older). */
  olderThan?: number;
  /** Only rows with a larger id (newer). */
  newerThan?: number;
  limit: number;
  /** Oldest first instead of newest first (when paging with `last`). */
  ascending: boolean;
}

const encodeCursor = (id: number) => Buffer.from(`id:${id}`).toString('base64url');

function decodeCursor(cursor: string, arg: string): number {
  const match = /^id:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput(arg, `"${arg}" is not a cursor from this list`);
  return Number(match[1]);
}

/**
 * Resolves a connection ordered newest first. `first`/`after` walk towards older rows, `last`/`before` towards
 * newer ones; `first` and `last` are capped at MAX_PAGE_SIZE.
 */
export function resolveNewestFirst<T extends { id: number }>(args: ConnectionArgs, fetch: (page: IdPage) => Promise<T[]>) {
  return resolveCursorConnection(
    { args, toCursor: (row: T) => encodeCursor(row.id), defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE },
    ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
      fetch({
        olderThan: after === undefined ? undefined : decodeCursor(after, 'after'),
        newerThan: before === undefined ? undefined : decodeCursor(before, 'before'),
        limit,
        ascending: inverted,
      }),
  );
}
