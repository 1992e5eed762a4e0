// The privacy module's variables: the erasure grace period and what happens to messages, the terms version users
// must accept, and how data exports are made, kept and limited.
import { z } from 'zod';
import { configFragment, intInRange, limit, optionalString } from '../../env.js';

export const privacyConfig = configFragment(
  {
    DELETION_GRACE_DAYS: intInRange(0, 365, 14),
    DELETION_MESSAGES: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === '' || v === 'keep') return 'keep' as const;
        if (v === 'remove') return 'remove' as const;
        ctx.addIssue({ code: 'custom', message: `must be keep or remove (got "${v}")` });
        return z.NEVER;
      }),
    TERMS_VERSION: optionalString.pipe(z.string().max(64, 'must be at most 64 characters').optional()),
    EXPORT_LINK_TTL_HOURS: intInRange(1, 720, 24),
    RATE_LIMIT_EXPORT_USER: limit('1/3600'),
    RATE_LIMIT_DELETE_ACCOUNT_USER: limit('5/900'),
    PRIVACY_WORKER_POLL_MS: intInRange(50, 3600_000, 30_000),
  },
  (env) => ({
    /** Days between deleteMyAccount (or an admin's deleteUser) and the purge; signing in meanwhile cancels a self-deletion. */
    deletionGraceMs: env.DELETION_GRACE_DAYS * 86_400_000,
    /** keep: an erased user's messages stay, shown as from a deleted user; remove: they go with the account. */
    deletionMessages: env.DELETION_MESSAGES,
    /** The terms and privacy notice version users must have accepted; unset: nothing is asked. */
    termsVersion: env.TERMS_VERSION,
    /** How long an export's file and download link live. */
    exportTtlMs: env.EXPORT_LINK_TTL_HOURS * 3600_000,
    exportsPerUser: env.RATE_LIMIT_EXPORT_USER,
    /** deleteMyAccount attempts per account: a stolen access token must not become a way to guess the password. */
    deletionAttemptsPerUser: env.RATE_LIMIT_DELETE_ACCOUNT_USER,
    /** How often the worker looks for exports to build and accounts to erase when nothing woke it. */
    workerPollMs: env.PRIVACY_WORKER_POLL_MS,
  }),
);
