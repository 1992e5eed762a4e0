// Peer for the `me` benchmark: Apollo Server 5, the most used GraphQL server, started the most common way
// (startStandaloneServer: Node's http, body-parser, cors), doing the `me` work of bench/baselines/me-work.ts in the
// resolver. Production defaults (NODE_ENV=production): no landing page, no introspection.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLError } from 'graphql';
import { announce, baselineHost, me, ME_SCHEMA, Unauthenticated } from './me-work.js';

interface Context {
  authorization?: string;
}

const server = new ApolloServer<Context>({
  typeDefs: ME_SCHEMA,
  resolvers: {
    Query: {
      me: async (_root: unknown, _args: unknown, context: Context) => {
        try {
          return await me(context.authorization);
        } catch (error) {
          if (error instanceof Unauthenticated) throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED' } });
          throw error;
        }
      },
    },
  },
});
const { url } = await startStandaloneServer(server, {
  listen: baselineHost,
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
});

announce(url.replace(/\/$/, ''), () => server.stop());
