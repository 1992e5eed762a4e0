// What the modules plug into the server besides their GraphQL schema (graphql/schema.ts), loaders
// (graphql/context.ts) and configuration (config.ts): one line each. See CONTRIBUTING.md.
import type { HttpRoute } from '../http/routes.js';
import { auditCsvRoute } from './audit/route.js';
import { avatarsRoute } from './avatars/route.js';
import { graphiqlRoute } from './graphiql/route.js';
import { healthRoute } from './health/route.js';
import { oidcRoute } from './oidc/route.js';
import type { SecondFactor, SignInStep } from './auth/sign-in-steps.js';
import { backupCodeFactor, totpFactor } from './mfa/factors.js';
import { secondFactorStep, totpReauthVerifier } from './mfa/service.js';
import { passkeyFactor, passkeyReauthVerifier } from './passkeys/service.js';
import type { ReauthVerifier } from './auth/reauth-verifiers.js';
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

/** What every sign-in must pass between its password (or other proof) and its session, in order. */
// The second factor's challenge ends a sign-in there (no session yet); cancelDeletionStep stays last: only a sign-in
// that passed every other step (and answered no challenge) cancels a pending deletion.
export const SIGN_IN_STEPS: readonly SignInStep[] = [verifiedEmailStep, secondFactorStep, cancelDeletionStep];

/** The kinds of second factor a user may have; the sign-in challenge offers those the user has (see mfa/). */
export const SECOND_FACTORS: readonly SecondFactor[] = [totpFactor, backupCodeFactor, passkeyFactor];

/**
 * What `reauthenticate` accepts besides a password, one per input field (`code`, `passkeyResponse`): the second-factor
 * modules add theirs. Without one, that field answers BAD_USER_INPUT.
 */
export const REAUTH_VERIFIERS: readonly ReauthVerifier[] = [totpReauthVerifier, passkeyReauthVerifier];
