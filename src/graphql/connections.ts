// Relay connections over keyset-paginated services: the page-size rules, @pothos/plugin-relay's cursor helper,
// and a total count that is only queried when a client asks for it.
import { resolveCursorConnection, type DefaultConnectionArguments, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { checkPageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from '../pagination.js';

export interface KeysetSource<T> {
  toCursor: (node: T) => string;
  /** Reads one page: rows strictly after/before the cursors, `limit` of them, in reverse order when `inverted`. */
  fetch: (page: PageRequest) => Promise<T[]>;
  /** How many rows match, for connections that offer `totalCount`. */
  count?: () => Promise<number>;
}

export interface KeysetConnection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { startCursor?: string | null; endCursor?: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
  totalCount: () => Promise<number>;
}

export async function keysetConnection<T>(args: DefaultConnectionArguments, source: KeysetSource<T>): Promise<KeysetConnection<T>> {
  checkPageSize(args);
  const connection = await resolveCursorConnection(
    { args, toCursor: source.toCursor, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE },
    (page: ResolveCursorConnectionArgs) => source.fetch(page),
  );
  let total: Promise<number> | undefined;
  return {
    pageInfo: connection.pageInfo,
    // The helper's node type does not survive this generic function; the nodes are exactly what `fetch` returned.
    edges: connection.edges as { cursor: string; node: T }[],
    totalCount: () => (total ??= source.count?.() ?? Promise.reject(new Error('This connection has no totalCount'))),
  };
}

export const TOTAL_COUNT_DESCRIPTION = 'How many items match the filters, across all pages.';
