// What a sign-in must pass between "the password is right" (or another proof: OIDC, a passkey) and "here is a
// session". Modules add steps (a verified email, a second factor) in src/modules/index.ts; with none, a correct
// password starts a session at once.
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { UserRow } from '../../db/schema.js';
import type { Logger } from '../../logger.js';
import type { ClientInfo } from './sessions.js';

/** What a step may use: a part of the Runtime, so the Runtime can list the steps without an import cycle. */
export interface SignInStepRuntime {
  config: Config;
  db: Db;
  log: Logger;
}

export interface SignInStep {
  /** For logs. */
  name: string;
  /**
   * Resolves to let the sign-in through; throws an AppError to stop it (e.g. UNAUTHENTICATED with reason
   * MFA_REQUIRED and what the client needs to continue). The attempt is already in the login history as a
   * correct password; a step records its own outcome if it has one worth recording.
   */
  check(runtime: SignInStepRuntime, user: UserRow, client: ClientInfo): Promise<void>;
}

/** Runs the steps in order; the first that refuses ends the sign-in. */
export async function passSignInSteps(runtime: SignInStepRuntime & { signInSteps: readonly SignInStep[] }, user: UserRow, client: ClientInfo): Promise<void> {
  for (const step of runtime.signInSteps) await step.check(runtime, user, client);
}
