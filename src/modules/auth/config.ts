// The auth module's variables: the progressive lockout (see lockout.ts), argon2id's cost (passwords.ts) and how
// recent a proof sensitive changes need (step-up.ts).
import { configFragment, intInRange, type ConfigFragment } from '../../env.js';
import { ARGON2_OPTIONS, owaspMinimumMemoryKib, type Argon2Params } from './passwords.js';

export const lockoutConfig = configFragment(
  {
    LOCKOUT_THRESHOLD: intInRange(1, 1000, 5),
    LOCKOUT_BASE_SECONDS: intInRange(1, 86_400, 60),
    LOCKOUT_MAX_SECONDS: intInRange(1, 7 * 86_400, 3600),
  },
  /** After `threshold` failed logins in a row, an identifier is locked for base × 2^(failures − threshold), up to max. */
  (env) => ({ threshold: env.LOCKOUT_THRESHOLD, baseSeconds: env.LOCKOUT_BASE_SECONDS, maxSeconds: env.LOCKOUT_MAX_SECONDS }),
);

/**
 * argon2id's parameters. Each is bounded on its own (1 GiB, 20 passes, 16 lanes at most), and together they must
 * reach one of OWASP's equivalent settings: 46 MiB × 1 pass, 19 MiB × 2, 12 MiB × 3, 9 MiB × 4 or 7 MiB × 5+.
 */
const argon2Fields = configFragment(
  {
    ARGON2_MEMORY_KIB: intInRange(7168, 1_048_576, ARGON2_OPTIONS.memoryCost),
    ARGON2_TIME_COST: intInRange(1, 20, ARGON2_OPTIONS.timeCost),
    ARGON2_PARALLELISM: intInRange(1, 16, ARGON2_OPTIONS.parallelism),
  },
  (env): Argon2Params => ({ memoryCost: env.ARGON2_MEMORY_KIB, timeCost: env.ARGON2_TIME_COST, parallelism: env.ARGON2_PARALLELISM }),
);
export const argon2Config: ConfigFragment<Argon2Params> = {
  load(source, problems) {
    const params = argon2Fields.load(source, problems);
    // The pairing needs both values, which neither field's parser sees alone.
    if (params && params.memoryCost < owaspMinimumMemoryKib(params.timeCost)) {
      problems.push(`ARGON2_MEMORY_KIB: must be at least ${owaspMinimumMemoryKib(params.timeCost)} with ARGON2_TIME_COST=${params.timeCost} (OWASP's minimum for argon2id; got ${params.memoryCost})`);
      return undefined;
    }
    return params;
  },
};

export const stepUpConfig = configFragment(
  { REAUTH_MAX_AGE: intInRange(1, 86_400, 600) },
  /** How long after its last proof (a password, a code, a passkey) a session may make sensitive changes. */
  (env) => ({ reauthMaxAgeSeconds: env.REAUTH_MAX_AGE }),
);
