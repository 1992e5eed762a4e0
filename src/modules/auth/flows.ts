// Sign-in flows: the only way to a session. Every way in (a password, a code by email or SMS, a passkey, an OpenID
// provider, a password reset, a registration) proves a first factor through its own check and then calls `signIn`,
// which runs the registered sign-in steps (SIGN_IN_STEPS); a step that needs more from the client (a second factor)
// stores the flow (sign_in_flows) and the client continues it with `continueSignIn`, which runs the steps on from
// there. Sessions are opened here and nowhere else (impersonation's included: `openImpersonationSession`).
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { signInFlows, type SignInFlowRow, type UserRow } from '../../db/schema.js';
import { AppError, badInput } from '../../errors.js';
import { enforceRateLimits, ipKey } from '../../rate-limit.js';
import type { Runtime } from '../../runtime.js';
import { recordLoginAttempt } from '../audit/login-history.js';
import { findUserById } from '../users/queries.js';
import { attempt } from './attempts.js';
import {
  factorsFor,
  hasFactor,
  readFacts,
  secondFactorMethods,
  type ProofAnswers,
  type SecondFactorMethod,
  type SignInChallenge,
  type SignInFlow,
  type SignInProof,
  type SignInStep,
} from './proofs.js';
import { createSession, openSession, sessionLifeLeft, type ClientInfo } from './sessions.js';
import { signAccessToken } from './tokens.js';

export interface AuthResult {
  /** The access JWT. */
  token: string;
  expiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserRow;
  /** The session may only enroll a second factor (MFA_REQUIRED_ROLES); see src/modules/mfa/. */
  mfaEnrollmentRequired: boolean;
}

/** How a sign-in ends: a session, or a second step to answer with `completeMfaSignIn`. */
export type SignInResult = ({ kind: 'session' } & AuthResult) | ({ kind: 'challenge' } & SignInChallenge);

/** An access token for the session, never outliving it. */
export async function accessTokenFor(runtime: Runtime, userId: number, session: { jti: string; expiresAt: Date }) {
  const expiresAt = new Date(Math.min(Date.now() + runtime.config.jwt.accessTtlSeconds * 1000, session.expiresAt.getTime()));
  return { token: await signAccessToken(runtime.config, { userId, sessionId: session.jti, expiresAt }), expiresAt };
}

/**
 * A first factor was proven for `user` (by the caller, through `attempt`): the sign-in steps, then a session or the
 * challenge a step asked for. `assurance` 2 when the proof alone is two factors (a user-verified passkey).
 */
export function signIn(runtime: Runtime, user: UserRow, client: ClientInfo, firstProof: SignInProof, assurance = 1): Promise<SignInResult> {
  return advance(runtime, { user, client, firstProof, assurance }, 0);
}

/** Runs the steps from `from` on; the first that waits stores the flow there, and with none left a session opens. */
async function advance(runtime: Runtime, flow: SignInFlow, from: number): Promise<SignInResult> {
  const steps = runtime.signInSteps.slice(from);
  const wanted = steps.map((step) => step.facts?.(runtime, flow) ?? []);
  const known = await readFacts(runtime.db, wanted.flat());
  let enrollmentOnly = false;
  let next = 0;
  for (const [i, step] of steps.entries()) {
    const facts = known.slice(next, (next += wanted[i]!.length));
    const outcome = await step.check(runtime, flow, facts);
    if (!outcome) continue;
    if ('wait' in outcome) return { kind: 'challenge', ...(await storeFlow(runtime, flow, step.name, outcome.wait.methods)) };
    enrollmentOnly = true;
  }
  return { kind: 'session', ...(await startSession(runtime, flow, enrollmentOnly)) };
}

const lifeLimits = (runtime: Runtime) => ({ sessionTtlSeconds: runtime.config.jwt.sessionTtlSeconds, reauthMaxAgeSeconds: runtime.config.stepUp.reauthMaxAgeSeconds });

async function startSession(runtime: Runtime, flow: SignInFlow, enrollmentOnly: boolean): Promise<AuthResult> {
  const ttl = sessionLifeLeft({ impersonatorId: null, enrollmentOnly, createdAt: new Date() }, lifeLimits(runtime));
  const { session, refresh } = await openSession(runtime.db, flow.user.id, flow.client, ttl, { enrollmentOnly, assurance: flow.assurance });
  const access = await accessTokenFor(runtime, flow.user.id, session);
  return { ...access, refreshToken: refresh.token, refreshTokenExpiresAt: refresh.expiresAt, user: flow.user, mfaEnrollmentRequired: enrollmentOnly };
}

/**
 * An enrollment-only session (MFA_REQUIRED_ROLES) just proved its first second factor: the sign-in it began as goes
 * on with two factors, through every step again, to a full session.
 */
export function signInAfterEnrollment(runtime: Runtime, user: UserRow, client: ClientInfo): Promise<SignInResult> {
  return advance(runtime, { user, client, firstProof: 'mfa_enrollment', assurance: 2 }, 0);
}

/**
 * An impersonation session (audit/impersonation.ts), in the caller's transaction: no proof of the user at all
 * (assurance 0, never `proved_at`), at most an hour.
 */
export async function openImpersonationSession(runtime: Runtime, tx: DbOrTx, target: UserRow, impersonatorId: number, client: ClientInfo) {
  const ttl = sessionLifeLeft({ impersonatorId, enrollmentOnly: false, createdAt: new Date() }, lifeLimits(runtime));
  const created = await createSession(tx, target.id, client, ttl, { impersonatorId, assurance: 0 });
  return {
    session: created.session,
    /** The tokens: only once the transaction has committed may they be handed out. */
    issue: async (): Promise<AuthResult> => {
      const access = await accessTokenFor(runtime, target.id, created.session);
      return { ...access, refreshToken: created.refresh.token, refreshTokenExpiresAt: created.refresh.expiresAt, user: target, mfaEnrollmentRequired: false };
    },
  };
}

// ---------------------------------------------------------------------------------------------- stored flows

const TOKEN_MAX = 128;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const userAgentOf = (client: ClientInfo) => client.userAgent?.slice(0, 512) ?? null;

async function storeFlow(runtime: Runtime, flow: SignInFlow, step: string, methods: SecondFactorMethod[]): Promise<SignInChallenge> {
  const challengeToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + runtime.config.mfa.challengeTtlMs);
  const { user, client } = flow;
  await runtime.db.insert(signInFlows).values({
    // On the clock of users.password_changed_at, which it is compared with (openFlow).
    createdAt: new Date(),
    tokenHash: hashToken(challengeToken),
    userId: user.id,
    firstProof: flow.firstProof,
    assurance: flow.assurance,
    step,
    ip: client.ip,
    userAgent: userAgentOf(client),
    expiresAt,
  });
  await recordLoginAttempt(runtime.db, { identifier: user.username, identifierKey: user.usernameKey, userId: user.id, failure: 'MFA_CHALLENGE', ip: client.ip, userAgent: client.userAgent });
  // Now and then, flows long dead go (useless after expires_at, kept a day for investigations).
  if (Math.random() < 1 / 200) await runtime.db.delete(signInFlows).where(lt(signInFlows.expiresAt, new Date(Date.now() - 86_400_000))).limit(1000);
  return { challengeToken, methods, expiresAt };
}

/** One answer for an unknown, used, expired, void or someone else's flow (another address or browser): none is told apart. */
const invalidFlow = () =>
  new AppError('UNAUTHENTICATED', 'This sign-in step has expired or was already used; sign in again', { reason: 'INVALID_MFA_CHALLENGE', field: 'challengeToken' });

/**
 * The stored flow `token` names, and its active user, if this client may still continue it: not completed, not
 * expired, from the address and browser of its first step, and begun after the account's password last changed (a
 * new password ends every sign-in begun with the old one). Its answers are counted apart (continueSignIn).
 */
async function openFlow(runtime: Runtime, token: string, client: ClientInfo): Promise<{ row: SignInFlowRow; user: UserRow }> {
  if (!token || token.length > TOKEN_MAX) throw invalidFlow();
  const [row] = await runtime.db.select().from(signInFlows).where(eq(signInFlows.tokenHash, hashToken(token)));
  const now = Date.now();
  if (!row || row.completedAt || row.expiresAt.getTime() <= now) throw invalidFlow();
  if (row.ip !== client.ip || row.userAgent !== userAgentOf(client)) throw invalidFlow();
  const user = await findUserById(runtime.db, row.userId);
  if (!user?.isActive || (user.passwordChangedAt && user.passwordChangedAt > row.createdAt)) throw invalidFlow();
  return { row, user };
}

/**
 * What the client needs before it can answer a waiting flow with a factor that signs something the server chose (a
 * passkey): the factor's options. The flow is checked as continueSignIn checks it but not counted or used up.
 */
export async function beginSecondFactor(runtime: Runtime, input: { challengeToken: string; method: SecondFactorMethod }, client: ClientInfo): Promise<unknown> {
  await enforceRateLimits(runtime.rateLimits, [{ key: `mfa:ip:${ipKey(client)}`, limit: runtime.config.rateLimits.loginPerIp }]);
  const factor = factorsFor(runtime, 'second_factor').find((f) => f.method === input.method);
  if (!factor?.begin) throw badInput('method', 'This kind of answer needs nothing started first: send it to completeMfaSignIn');
  const { user } = await openFlow(runtime, input.challengeToken, client);
  if (!(await hasFactor(runtime.db, factor, user.id))) throw badInput('method', 'This account has no second factor of this kind');
  return factor.begin(runtime, user, 'second_factor');
}

/** The answer the client gave: exactly one of them. */
export function pickAnswer(answers: ProofAnswers, fields: readonly (keyof ProofAnswers)[]): { field: keyof ProofAnswers; value: unknown } {
  const given = fields.filter((field) => answers[field] !== null && answers[field] !== undefined && answers[field] !== '');
  if (given.length !== 1) throw badInput(fields[0]!, `Give exactly one of ${fields.join(', ')}`);
  const field = given[0]!;
  const value = answers[field];
  if (typeof value === 'string' && value.length > 512) throw badInput(field, 'This answer is too long');
  return { field, value };
}

/**
 * The client's answer to a waiting flow (completeMfaSignIn): counted against the flow (before it is compared; at
 * MFA_LOCKOUT_THRESHOLD answers the flow is void) and, through `attempt`, against the second factor's lockout; a
 * right one uses the flow up (only one answer can) and the steps run on from where the flow waited.
 */
export async function continueSignIn(runtime: Runtime, input: { challengeToken: string } & ProofAnswers, client: ClientInfo): Promise<SignInResult> {
  if (!input.challengeToken || input.challengeToken.length > TOKEN_MAX) throw invalidFlow();
  const { field, value } = pickAnswer(input, ['code', 'backupCode', 'passkeyResponse']);
  const factor = factorsFor(runtime, 'second_factor').find((f) => f.answer === field);
  if (!factor) throw badInput(field, 'This kind of answer is not accepted');
  const limits = [{ key: `mfa:ip:${ipKey(client)}`, limit: runtime.config.rateLimits.loginPerIp }];
  await enforceRateLimits(runtime.rateLimits, limits);
  const { row, user } = await openFlow(runtime, input.challengeToken, client);
  const outcome = await attempt(
    runtime,
    { user, identifier: user.username, identifierKey: user.usernameKey, client, lockout: 'second_factor', reasons: { success: null, failure: 'MFA_WRONG_CODE', locked: 'MFA_LOCKED_OUT' } },
    async () => {
      // The flow's own count, also before the comparison: at MFA_LOCKOUT_THRESHOLD answers it is void.
      const [counted] = await runtime.db
        .update(signInFlows)
        .set({ attempts: sql`${signInFlows.attempts} + 1` })
        .where(and(eq(signInFlows.id, row.id), isNull(signInFlows.completedAt), lt(signInFlows.attempts, runtime.config.mfa.lockout.threshold)));
      if (counted.affectedRows !== 1) return { refused: 'MFA_CHALLENGE_SPENT', error: invalidFlow() };
      if (!(await hasFactor(runtime.db, factor, user.id))) {
        return field === 'passkeyResponse' ? { refused: 'MFA_WRONG_CODE', error: badInput(field, 'No passkey is registered for this account') } : false;
      }
      return factor.verify(runtime, user, value, { purpose: 'second_factor' });
    },
  );
  if (!outcome.ok) throw outcome.refusal.error ?? new AppError('UNAUTHENTICATED', 'That code is not right; try again', { reason: 'WRONG_MFA_CODE', field });
  const [used] = await runtime.db
    .update(signInFlows)
    .set({ completedAt: new Date() })
    .where(and(eq(signInFlows.id, row.id), isNull(signInFlows.completedAt)));
  if (used.affectedRows !== 1) throw invalidFlow();
  const at = runtime.signInSteps.findIndex((step: SignInStep) => step.name === row.step);
  return advance(runtime, { user, client, firstProof: row.firstProof as SignInProof, assurance: Math.max(row.assurance + 1, 2) }, Math.max(at, 0));
}

/** A sign-in's second step, as a step: a user with a second factor proves it before a session, unless the first proof was two already. */
export const secondFactorStep: SignInStep = {
  name: 'second-factor',
  facts: (runtime, flow) => (flow.assurance >= 2 ? [] : factorsFor(runtime, 'second_factor').map((factor) => factor.present(flow.user.id))),
  async check(runtime, flow, facts) {
    if (flow.assurance >= 2) return;
    const methods = secondFactorMethods(runtime, facts);
    if (methods.length > 0) return { wait: { methods } };
  },
};

/** Ends the user's waiting flows (an administrator removed the factors they wait for), in the caller's transaction. */
export async function endWaitingFlows(tx: DbOrTx, userId: number): Promise<void> {
  await tx.update(signInFlows).set({ completedAt: new Date() }).where(and(eq(signInFlows.userId, userId), isNull(signInFlows.completedAt)));
}
