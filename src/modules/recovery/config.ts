// The recovery module's variables: lifetimes of links and codes, the wrong-code limit, the request rate limits,
// and the two switches (REQUIRE_VERIFIED_EMAIL, PASSWORDLESS).
import { bool, configFragment, intInRange, limit, optionalBool } from '../../env.js';

export const recoveryConfig = configFragment(
  {
    REQUIRE_VERIFIED_EMAIL: bool,
    PASSWORDLESS: optionalBool,
    EMAIL_VERIFICATION_TTL_HOURS: intInRange(1, 720, 24),
    PASSWORD_RESET_TTL_MINUTES: intInRange(1, 1440, 30),
    CODE_TTL_MINUTES: intInRange(1, 60, 10),
    CODE_MAX_ATTEMPTS: intInRange(1, 20, 5),
    RATE_LIMIT_RECOVERY_IDENTIFIER: limit('5/3600'),
    RATE_LIMIT_RECOVERY_ACCOUNT: limit('10/3600'),
    RATE_LIMIT_RECOVERY_IP: limit('30/3600'),
    RATE_LIMIT_RECOVERY_ATTEMPTS_IP: limit('60/600'),
  },
  (env) => ({
    /** Sign-in refuses accounts whose email is not verified (EMAIL_NOT_VERIFIED). */
    requireVerifiedEmail: env.REQUIRE_VERIFIED_EMAIL,
    /** requestSignInCode / signInWithCode; on unless PASSWORDLESS=false. */
    passwordless: env.PASSWORDLESS ?? true,
    emailVerificationTtlMs: env.EMAIL_VERIFICATION_TTL_HOURS * 3600_000,
    resetLinkTtlMs: env.PASSWORD_RESET_TTL_MINUTES * 60_000,
    codeTtlMs: env.CODE_TTL_MINUTES * 60_000,
    /** Tries per code, right or wrong; then it is void. */
    codeMaxAttempts: env.CODE_MAX_ATTEMPTS,
    limits: {
      /** Messages asked for one identifier (username, email, phone) or address. */
      perIdentifier: env.RATE_LIMIT_RECOVERY_IDENTIFIER,
      /** Messages sent to one account, whatever named it. */
      perAccount: env.RATE_LIMIT_RECOVERY_ACCOUNT,
      /** Requests for messages from one client address. */
      perIp: env.RATE_LIMIT_RECOVERY_IP,
      /** Tokens and codes tried from one client address (verify, reset, sign in by code). */
      attemptsPerIp: env.RATE_LIMIT_RECOVERY_ATTEMPTS_IP,
    },
  }),
);
