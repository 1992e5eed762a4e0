// Step-up: a session remembers when its holder last proved who they are (sessions.proved_at: set at sign-in and by
// reauthenticate, never by a refresh), and every mutation that adds, removes or changes a way into the account
// declares the `recentProof` scope (graphql/builder.ts): it passes only with a proof at most REAUTH_MAX_AGE old, or
// with a proof carried in its own arguments (a current password). A stolen access or refresh token alone can then
// read, but neither lock the owner out nor add a way in of its own. An impersonation never holds a proof.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { sessions } from '../../db/schema.js';
import { AppError, badInput, mfaEnrollmentRequired, unauthenticated } from '../../errors.js';
import { ipKey } from '../../rate-limit.js';
import type { Runtime } from '../../runtime.js';
import { findUserById } from '../users/queries.js';
import { attempt, type AttemptSpec } from './attempts.js';
import { pickAnswer } from './flows.js';
import { factorsFor, hasFactor, type Factor, type ProofAnswers } from './proofs.js';
import type { ClientInfo } from './sessions.js';
import type { Viewer } from './viewer.js';

export const IMPERSONATION_FORBIDDEN = 'IMPERSONATION_FORBIDDEN';

export function impersonationForbidden(): AppError {
  return new AppError('FORBIDDEN', 'Not allowed while acting as another user', { reason: IMPERSONATION_FORBIDDEN });
}

/** The kinds of proof a REAUTH_REQUIRED error offers: every factor that may re-authenticate, as the client names them. */
function methodsOf(runtime: Runtime): string[] {
  return factorsFor(runtime, 'reauth').map((factor) => factor.method);
}

export function reauthRequired(runtime: Runtime): AppError {
  return new AppError('REAUTH_REQUIRED', 'Confirm it is you: enter your password again', {
    reason: 'REAUTH_REQUIRED',
    maxAgeSeconds: runtime.config.stepUp.reauthMaxAgeSeconds,
    methods: methodsOf(runtime),
  });
}

/** A proof carried in a mutation's own arguments (changePassword's current password, deleteMyAccount's password). */
export interface InlineProof extends ProofAnswers {
  /** Where the client typed it, for the error on a wrong one. */
  field: string;
  /** Named in the login history: `<purpose>_WRONG_PASSWORD`. */
  purpose: 'CHANGE_PASSWORD' | 'DELETE_ACCOUNT' | 'REAUTH';
}

/** What a field's `recentProof` scope asks for (see graphql/builder.ts). */
export interface RecentProofOptions {
  /**
   * An enrollment-only session (MFA_REQUIRED_ROLES) passes too, within REAUTH_MAX_AGE of its sign-in: it may add its
   * first second factor, and nothing else.
   */
  enrolling?: boolean;
  /** A proof in the arguments, checked as `reauthenticate` checks it (it renews the session's proof). */
  inline?: InlineProof;
  /** The arguments must carry a proof even when the session's is recent. */
  inlineRequired?: boolean | ((viewer: Viewer) => boolean);
  /** Checks that must fail before any proof is spent (a too-short new password, a rate limit on tries). */
  validate?: () => void | Promise<void>;
  /** When the change turns out to touch no way in after all (updateProfile giving the email it has). */
  unless?: (viewer: Viewer) => boolean | Promise<boolean>;
}

const isGiven = (proof: InlineProof | undefined) => !!proof && (['password', 'code', 'backupCode', 'passkeyResponse'] as const).some((key) => proof[key] != null && proof[key] !== '');

/**
 * The `recentProof` scope: resolves to the caller when the session may make a change to the account's ways in,
 * throws what the client should see otherwise (REAUTH_REQUIRED with the accepted methods, IMPERSONATION_FORBIDDEN,
 * MFA_ENROLLMENT_REQUIRED, or the inline proof's own error). The proof time is read from MariaDB on every call, not
 * from the viewer's row: that may be the session cache's or a socket's copy, older than a reauthenticate made a
 * moment ago on this instance or another.
 */
export async function requireRecentProof(
  runtime: Runtime,
  auth: { viewer(): Promise<Viewer | null> },
  client: ClientInfo,
  options: RecentProofOptions = {},
): Promise<Viewer> {
  const viewer = await auth.viewer();
  if (!viewer) throw unauthenticated();
  if (viewer.session.impersonatorId != null) throw impersonationForbidden();
  if (viewer.session.enrollmentOnly && !options.enrolling) throw mfaEnrollmentRequired();
  await options.validate?.();
  if (options.unless && (await options.unless(viewer))) return viewer;
  const inlineRequired = typeof options.inlineRequired === 'function' ? options.inlineRequired(viewer) : options.inlineRequired;
  if (isGiven(options.inline)) {
    await reauthenticate(runtime, viewer, options.inline!, client, options.inline!.purpose, options.inline!.field);
    return viewer;
  }
  if (inlineRequired) throw badInput(options.inline?.field ?? 'password', 'Enter your password to confirm it is you');
  const [row] = await runtime.db.select({ provedAt: sessions.provedAt }).from(sessions).where(eq(sessions.id, viewer.session.id)).limit(1);
  const provedAt = row?.provedAt?.getTime();
  const now = Date.now();
  if (provedAt === undefined || now - provedAt > runtime.config.stepUp.reauthMaxAgeSeconds * 1000 || provedAt > now + 60_000) throw reauthRequired(runtime);
  return viewer;
}

export async function markProved(db: DbOrTx, sessionId: number, at = new Date()): Promise<Date> {
  await db.update(sessions).set({ provedAt: at }).where(eq(sessions.id, sessionId));
  return at;
}

/** What the login history calls a re-authentication with `factor`, by outcome. */
function reauthReasons(factor: Factor, purpose: InlineProof['purpose']): AttemptSpec['reasons'] {
  const success = factor.method === 'PASSWORD' ? 'REAUTHENTICATED' : `${factor.method}_REAUTHENTICATED`;
  if (factor.lockout === 'account') return { success, failure: `${purpose}_WRONG_PASSWORD`, locked: `${purpose}_LOCKED_OUT` };
  if (factor.lockout === 'second_factor') return { success, failure: 'MFA_WRONG_CODE', locked: 'MFA_LOCKED_OUT' };
  return { success, failure: `${factor.method}_REJECTED`, locked: `${factor.method}_LOCKED_OUT` };
}

/**
 * Proves again who holds the session, by exactly one answer, with a factor the account already held at the session's
 * last proof (one added since cannot vouch for itself), through `attempt` like any sign-in: the factor's lockout
 * counts a wrong answer, every try is in the login history. Resolves to the new proof time.
 */
export async function reauthenticate(
  runtime: Runtime,
  viewer: Viewer,
  input: ProofAnswers,
  client: ClientInfo,
  purpose: InlineProof['purpose'] = 'REAUTH',
  inlineField?: string,
): Promise<Date> {
  if (viewer.session.impersonatorId != null) throw impersonationForbidden();
  const factors = factorsFor(runtime, 'reauth');
  const { field, value } = pickAnswer(input, factors.map((factor) => factor.answer));
  const factor = factors.find((f) => f.answer === field)!;
  const reportAs = inlineField ?? field;
  // The account as it is now: the viewer's row may be a cached copy.
  const user = await findUserById(runtime.db, viewer.user.id);
  if (!user) throw unauthenticated();
  const heldAt = viewer.session.provedAt ?? viewer.session.createdAt;
  const outcome = await attempt(
    runtime,
    {
      user,
      identifier: user.username,
      identifierKey: user.usernameKey,
      client,
      lockout: factor.lockout,
      limits: [{ key: `login:ip:${ipKey(client)}`, limit: runtime.config.rateLimits.loginPerIp }],
      reasons: reauthReasons(factor, purpose),
    },
    async () => {
      // A factor added since the session's last proof cannot vouch for the session that added it.
      if (!(await hasFactor(runtime.db, factor, user.id, heldAt))) {
        const message = 'This session cannot be confirmed with that: use a way in your account had when you signed in, or sign in again';
        return { refused: 'PROOF_NOT_ACCEPTED', error: new AppError('BAD_USER_INPUT', message, { field: reportAs, reason: 'PROOF_NOT_ACCEPTED' }) };
      }
      return factor.verify(runtime, user, value, { purpose: 'reauth', heldAt });
    },
  );
  if (!outcome.ok) {
    if (outcome.refusal.error) throw outcome.refusal.error;
    if (factor.answer === 'password') throw badInput(reportAs, purpose === 'CHANGE_PASSWORD' ? 'Current password is wrong' : 'Wrong password');
    throw badInput(reportAs, 'That code is not right; try again');
  }
  return markProved(runtime.db, viewer.session.id);
}
