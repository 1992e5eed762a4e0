// Peer for the `me` benchmark: Fastify + Mercurius with graphql-jit (`jit: 1` compiles a document on its first
// use), the fastest common GraphQL server for Node, doing the `me` work of bench/baselines/me-work.ts in the
// resolver. Mercurius caches parsed and validated documents (LRU) by default.
import Fastify from 'fastify';
import mercurius, { type MercuriusContext } from 'mercurius';
import { announce, baselineHost, me, ME_SCHEMA, Unauthenticated } from './me-work.js';

const app = Fastify({ logger: false });
await app.register(mercurius, {
  schema: ME_SCHEMA,
  jit: 1,
  resolvers: {
    Query: {
      // Mercurius's own context carries the reply, hence the request: no context function needed.
      me: async (_root: unknown, _args: unknown, context: MercuriusContext) => {
        try {
          return await me(context.reply.request.headers.authorization);
        } catch (error) {
          if (error instanceof Unauthenticated) throw new mercurius.ErrorWithProps(error.message, { code: 'UNAUTHENTICATED' });
          throw error;
        }
      },
    },
  },
});

announce(await app.listen(baselineHost), () => app.close());
