// The passkeys module's variables. The relying party (RP ID and origin) is PUBLIC_URL's host and origin: a passkey
// is bound to the RP ID it was made for, so PUBLIC_URL must name the host people actually use.
import { configFragment, intInRange, limit, optionalString } from '../../env.js';

export const passkeysConfig = configFragment(
  {
    /** The service's name as authenticators show it; APP_NAME is shared with other features that name the service. */
    APP_NAME: optionalString,
    PASSKEY_CHALLENGE_TTL_SECONDS: intInRange(30, 3600, 300),
    PASSKEY_MAX_PER_USER: intInRange(1, 100, 20),
    RATE_LIMIT_PASSKEY_IP: limit('60/600'),
    RATE_LIMIT_PASSKEY_USER: limit('20/3600'),
  },
  (env) => ({
    rpName: env.APP_NAME ?? 'Realtime Membership',
    challengeTtlMs: env.PASSKEY_CHALLENGE_TTL_SECONDS * 1000,
    /** Passkeys one account may hold. */
    maxPerUser: env.PASSKEY_MAX_PER_USER,
    limits: {
      /** Sign-in ceremonies started, and responses sent, from one client address (each a separate count). */
      perIp: env.RATE_LIMIT_PASSKEY_IP,
      /** Registrations a signed-in user may start. */
      perUser: env.RATE_LIMIT_PASSKEY_USER,
    },
  }),
);
