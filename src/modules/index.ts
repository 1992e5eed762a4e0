// What the modules plug into the server besides their GraphQL schema (graphql/schema.ts), loaders
// (graphql/context.ts) and configuration (config.ts): one line each. See CONTRIBUTING.md.
import type { HttpRoute } from '../http/routes.js';
import { avatarsRoute } from './avatars/route.js';
import { graphiqlRoute } from './graphiql/route.js';
import { healthRoute } from './health/route.js';
import type { SignInStep } from './auth/sign-in-steps.js';
import { verifiedEmailStep } from './recovery/verification.js';
import { webRoute } from './web/route.js';
import { exportsRoute } from './privacy/route.js';
import { cancelDeletionStep } from './privacy/erasure.js';

/** Plain HTTP routes beside /graphql and /metrics, tried in order: the first that owns a path gets it. */
export const HTTP_ROUTES: readonly HttpRoute[] = [
  healthRoute,
  avatarsRoute,
  graphiqlRoute,
  exportsRoute,
  webRoute, // last: every GET nobody else owns
];

/** What every sign-in must pass between its password (or other proof) and its session, in order. */
// cancelDeletionStep stays last: only a sign-in that passed every other step cancels a pending deletion.
export const SIGN_IN_STEPS: readonly SignInStep[] = [verifiedEmailStep, cancelDeletionStep];
