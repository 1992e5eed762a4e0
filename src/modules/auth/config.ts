// The auth module's variables: the progressive lockout (see lockout.ts).
import { configFragment, intInRange } from '../../env.js';

export const lockoutConfig = configFragment(
  {
    LOCKOUT_THRESHOLD: intInRange(1, 1000, 5),
    LOCKOUT_BASE_SECONDS: intInRange(1, 86_400, 60),
    LOCKOUT_MAX_SECONDS: intInRange(1, 7 * 86_400, 3600),
  },
  /** After `threshold` failed logins in a row, an identifier is locked for base × 2^(failures − threshold), up to max. */
  (env) => ({ threshold: env.LOCKOUT_THRESHOLD, baseSeconds: env.LOCKOUT_BASE_SECONDS, maxSeconds: env.LOCKOUT_MAX_SECONDS }),
);
