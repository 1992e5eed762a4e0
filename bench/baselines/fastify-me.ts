// Baseline for the `me` benchmark: the least a server can do to answer the same request. A bare Fastify route at
// POST /graphql doing the `me` work of bench/baselines/me-work.ts (jose, one mysql2 prepared statement, the same
// checks) and answering the same JSON. No GraphQL.
import Fastify from 'fastify';
import { announce, baselineHost, me, Unauthenticated } from './me-work.js';

const app = Fastify({ logger: false });
app.post('/graphql', async (request, reply) => {
  try {
    const user = await me(request.headers.authorization);
    reply.header('content-type', 'application/graphql-response+json; charset=utf-8');
    return { data: { me: user } };
  } catch (error) {
    if (!(error instanceof Unauthenticated)) throw error;
    return { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }], data: null };
  }
});

announce(await app.listen(baselineHost), () => app.close());
