// Lets go of the per-request caches Pothos keeps in a WeakMap keyed by the GraphQL context, once an operation is done.
//
// A module-level WeakMap filled with an entry per request is costly for V8's young-generation GC: while a key is
// young, its entry's value is kept alive by the scavenger regardless, so every request's whole context (loaders,
// viewer, auth-scope maps, rows) survived a scavenge or two and was promoted to the old generation, for the
// mark-compactor to collect later. The `me` benchmark showed it: ~1.3 MB surviving each scavenge and scavenges
// taking most of the CPU that GraphQL did not (see README, Performance). Deleting the entry when the operation ends
// makes a request's objects die young, as they should.
import { RequestCache } from '@pothos/plugin-scope-auth';
import type { Plugin } from 'graphql-yoga';

export function useReleaseRequestCaches(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ args }) {
          releaseRequestCaches(args.contextValue);
        },
      };
    },
  };
}

/**
 * Drops what Pothos cached for `context` (auth scopes and their results, grants). For a context no resolver will run
 * with again: a finished execution, or a subscription's once its source stream is made, when each event is executed
 * with a context of its own (modules/realtime/shared-results.ts). Otherwise the cache lives as long as the context:
 * for an idle subscription, as long as the socket (2.3 KB each, see bench/NOTES.md).
 */
export function releaseRequestCaches(context: unknown): void {
  if (typeof context === 'object' && context !== null) RequestCache.clearForContext(context);
}
