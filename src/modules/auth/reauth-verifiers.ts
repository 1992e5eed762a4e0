// What `reauthenticate` accepts besides a password: modules with a second factor (TOTP codes, passkeys) register a
// verifier in REAUTH_VERIFIERS (src/modules/index.ts). Kept free of Runtime so that list can live on the Runtime
// without an import cycle, as the sign-in steps do.
import type { UserRow } from '../../db/schema.js';
import type { ClientInfo } from './sessions.js';
import type { SignInStepRuntime } from './sign-in-steps.js';

/** The input fields of `reauthenticate` other than `password`. */
export type ReauthMethod = 'code' | 'passkeyResponse';

export interface ReauthVerifier {
  method: ReauthMethod;
  /** The name `REAUTH_REQUIRED` errors list it under in `extensions.methods` (e.g. TOTP, PASSKEY). */
  name: string;
  /**
   * Resolves when `value` proves the user is who the session says; throws an AppError otherwise (a wrong code is
   * BAD_USER_INPUT or UNAUTHENTICATED, a locked factor RATE_LIMITED). It records its own attempts and lockouts.
   */
  verify(runtime: SignInStepRuntime, user: UserRow, value: unknown, client: ClientInfo): Promise<void>;
}
