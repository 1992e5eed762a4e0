// The mfa module's variables: the issuer name authenticator apps show, the key TOTP secrets are encrypted with, the
// roles that must have a second factor, and the second step's lifetime and lockout.
import { z } from 'zod';
import { configFragment, intInRange, optionalString } from '../../env.js';

const roleList = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((name) => name.trim()).filter(Boolean));

export const mfaConfig = configFragment(
  {
    APP_NAME: optionalString,
    MFA_ENCRYPTION_KEY: optionalString.refine((v) => v === undefined || v.length >= 32, { message: 'must be at least 32 characters' }),
    MFA_REQUIRED_ROLES: roleList,
    MFA_CHALLENGE_TTL_SECONDS: intInRange(30, 3600, 300),
    MFA_LOCKOUT_THRESHOLD: intInRange(1, 100, 5),
    MFA_LOCKOUT_SECONDS: intInRange(1, 86_400, 900),
  },
  (env) => ({
    /** The issuer in otpauth:// URIs: what an authenticator app shows above the code. */
    appName: env.APP_NAME ?? 'Realtime Membership',
    /** Keys the AES-256-GCM encryption of TOTP secrets; without it, a key derived from JWT_SECRET. */
    encryptionKey: env.MFA_ENCRYPTION_KEY,
    /** Members of these roles (by name) without a second factor get a session that can only enroll one. */
    requiredRoles: env.MFA_REQUIRED_ROLES,
    challengeTtlMs: env.MFA_CHALLENGE_TTL_SECONDS * 1000,
    /** Wrong second-factor answers in a row before the second factor is locked, and for how long. */
    lockout: { threshold: env.MFA_LOCKOUT_THRESHOLD, baseSeconds: env.MFA_LOCKOUT_SECONDS, maxSeconds: env.MFA_LOCKOUT_SECONDS },
  }),
);
