// A plain HTTP route a module adds beside /graphql (listed in src/modules/index.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../runtime.js';

export interface HttpRoute {
  /** Its `route` label in the HTTP metrics and the access log. */
  name: string;
  /** Whether a path is this route's (and so carries its label). */
  owns(path: string): boolean;
  /** The methods it answers itself; a request with another goes on to GraphQL, which answers 404. Default: all. */
  methods?: readonly string[];
  /** Health checks and scrapes, left out of the access log unless debugging. */
  quiet?: boolean;
  /** May throw or reject: the server turns that into a logged 500 (see respondSafely). */
  handle(runtime: Runtime, req: IncomingMessage, res: ServerResponse): unknown;
}
