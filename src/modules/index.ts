// What the modules plug into the server besides their GraphQL schema (graphql/schema.ts), loaders
// (graphql/context.ts) and configuration (config.ts): one line each. See CONTRIBUTING.md.
import type { HttpRoute } from '../http/routes.js';
import { auditCsvRoute } from './audit/route.js';
import { avatarsRoute } from './avatars/route.js';
import { graphiqlRoute } from './graphiql/route.js';
import { healthRoute } from './health/route.js';
import { oidcRoute } from './oidc/route.js';
import type { ChangeHook } from '../changes.js';
import { endBrokenImpersonations } from './audit/impersonation.js';
import { secondFactorStep } from './auth/flows.js';
import { passwordFactor } from './auth/password-factor.js';
import { assertFactors, type Factor, type SignInStep } from './auth/proofs.js';
import { backupCodeFactor, totpFactor } from './mfa/factors.js';
import { enrollmentStep } from './mfa/service.js';
import { oidcFactor } from './oidc/service.js';
import { passkeyFactor } from './passkeys/service.js';
import { verifiedEmailStep } from './recovery/verification.js';
import { webRoute } from './web/route.js';
import { exportsRoute } from './privacy/route.js';
import { cancelDeletionStep } from './privacy/erasure.js';

/** Plain HTTP routes beside /graphql and /metrics, tried in order: the first that owns a path gets it. */
export const HTTP_ROUTES: readonly HttpRoute[] = [
  healthRoute,
  avatarsRoute,
  graphiqlRoute,
  oidcRoute,
  auditCsvRoute,
  exportsRoute,
  webRoute, // last: every GET nobody else owns
];

/**
 * What every sign-in passes between its first proof and its session, in order (src/modules/auth/flows.ts). The second
 * factor's step makes a sign-in wait for the client; cancelDeletionStep stays last: only a sign-in that passed every
 * other step cancels a pending deletion.
 */
export const SIGN_IN_STEPS: readonly SignInStep[] = [verifiedEmailStep, secondFactorStep, enrollmentStep, cancelDeletionStep];

/**
 * Every kind of factor, one registry (src/modules/auth/proofs.ts): the second step offers those of purpose
 * `second_factor` the user has, `reauthenticate` takes those of purpose `reauth`, a take-over ends those that say so.
 */
export const FACTORS: readonly Factor[] = assertFactors([passwordFactor, totpFactor, passkeyFactor, backupCodeFactor, oidcFactor]);

/** Run after every change to roles, permissions, users' roles and status, in its transaction (roles/guard.ts). */
export const AUTHORIZATION_CHECKS: readonly ChangeHook[] = [endBrokenImpersonations];
