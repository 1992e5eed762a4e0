// The ways a person proves who they are, as one registry (FACTORS in src/modules/index.ts), and the sign-in steps a
// proof leads through to a session (SIGN_IN_STEPS, same file). Kept free of Runtime so both lists can live on the
// Runtime without an import cycle. How they fit together: CONTRIBUTING.md, "How sign-in works".
import { sql, type SQL } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { UserRow } from '../../db/schema.js';
import type { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { RateLimitStore } from '../../rate-limit.js';
import type { ClientInfo } from './sessions.js';

/** What a proof is for: signing in alone, the second step of a sign-in, or proving again who holds a session. */
export type ProofPurpose = 'sign_in' | 'second_factor' | 'reauth';

/** A kind of factor a user can hold (OIDC: a linked provider account). */
export type FactorMethod = 'PASSWORD' | 'TOTP' | 'BACKUP_CODE' | 'PASSKEY' | 'OIDC';
/** The kinds a sign-in's second step (`MfaChallenge.methods`) can offer. */
export type SecondFactorMethod = Exclude<FactorMethod, 'PASSWORD' | 'OIDC'>;

/**
 * Moments someone may have taken the account over from whoever held it before: a password reset (the holder of the
 * address takes control), or the account's own unproven address proven at last. Ways in that skip the password end.
 */
export type TakeOver = 'password_reset' | 'address_proven';

/** Where a factor's answer is in `completeMfaSignIn`'s and `reauthenticate`'s inputs. */
export interface ProofAnswers {
  password?: string | null;
  code?: string | null;
  backupCode?: string | null;
  passkeyResponse?: unknown;
}

/** What a step or a factor may use: a part of the Runtime, so the Runtime can list them without an import cycle. */
export interface ProofRuntime {
  config: Config;
  db: Db;
  log: Logger;
  rateLimits: RateLimitStore;
  factors: readonly Factor[];
}

/** A wrong answer, with what the history says about it and, when the client should hear more than "wrong", what. */
export interface Refusal {
  refused: string;
  error?: AppError;
}

/**
 * A kind of factor (the password here, TOTP and backup codes in mfa/, passkeys in passkeys/, linked providers in
 * oidc/): what it may prove, how the user's holding it reads in SQL, and how an answer is checked. Every check goes
 * through `attempt` (attempts.ts), which owns the rate limits, the lockout named here and the login history.
 * A factor that proves a second step or a re-authentication has an `answer` field and `verify`; one proven only by
 * a way in of its own (a provider's callback) has neither.
 */
export interface Factor {
  method: FactorMethod;
  purposes: readonly ProofPurpose[];
  /** The input field carrying its answer. */
  answer?: keyof ProofAnswers;
  /** The lock its wrong answers count toward, before each is compared; null for a signature nobody can guess. */
  lockout: 'account' | 'second_factor' | null;
  /**
   * Whether the user has it, as an SQL truth value (read with the other sign-in facts in one query); with `heldAt`,
   * whether they already had it then (a session may re-authenticate only with what it held at its last proof).
   */
  present(userId: number, heldAt?: Date): SQL;
  /**
   * For a factor whose answer signs something the server chose (a passkey's assertion): makes and keeps that, and
   * returns what the client needs to answer. Factors answered with what the user already knows or holds have none.
   */
  begin?(runtime: ProofRuntime, user: UserRow, purpose: ProofPurpose, heldAt?: Date): Promise<unknown>;
  /**
   * Whether `answer` proves the factor for `user`, using it up where it works once (a TOTP step, a backup code, a
   * WebAuthn challenge). True, false, or a Refusal naming why. Never throws for a wrong answer.
   */
  verify?(runtime: ProofRuntime, user: UserRow, answer: unknown, context: { purpose: ProofPurpose; heldAt?: Date }): Promise<boolean | Refusal>;
  /** Removes the user's factor of this kind (an administrator's reset, a take-over). */
  remove?(tx: DbOrTx, userId: number): Promise<void>;
  /** The take-overs that end it (see TakeOver): a way in that skips the password, added by whoever held the account. */
  endsWhen?: readonly TakeOver[];
}

/** A factor that takes an answer (second factors, re-authentication). */
export type AnsweredFactor = Factor & Required<Pick<Factor, 'answer' | 'verify'>>;

/** How a sign-in began: kept in the history and on its stored flow. */
export type SignInProof = 'password' | 'password_reset' | 'sign_in_code' | 'registration' | 'passkey' | 'oidc' | 'mfa_enrollment';

/** A sign-in between its first proof and its session, as the steps see it. */
export interface SignInFlow {
  user: UserRow;
  client: ClientInfo;
  firstProof: SignInProof;
  /** Factors proven so far: 1, or 2 after a second factor (or a user-verified passkey alone). */
  assurance: number;
}

/** The client's next move when a sign-in waits: answer this with `completeMfaSignIn`. */
export interface SignInChallenge {
  challengeToken: string;
  methods: SecondFactorMethod[];
  expiresAt: Date;
}

/**
 * What a step decided when it lets the sign-in go on: nothing, wait for the client to prove more (the flow is stored
 * and the client gets a challenge), or a session limited to enrolling a second factor.
 */
export type SignInStepOutcome = void | { wait: { methods: SecondFactorMethod[] } } | { enrollmentOnly: true };

export interface SignInStep {
  /** Its name, stored with a flow that waits at it. */
  name: string;
  /**
   * What the check needs to know about the user, as SQL truth values (an `EXISTS (…)` each): the facts of every step
   * still to run are read together, in one query, and each check gets its own in the same order.
   */
  facts?(runtime: ProofRuntime, flow: SignInFlow): readonly SQL[];
  /** Resolves to let the sign-in on (possibly with an outcome); throws an AppError to stop it. */
  check(runtime: ProofRuntime, flow: SignInFlow, facts: readonly boolean[]): Promise<SignInStepOutcome>;
}

/** The truth of each SQL condition (`EXISTS (…)`), read in one statement; none asked, no statement. */
export async function readFacts(db: DbOrTx, facts: readonly SQL[]): Promise<boolean[]> {
  if (facts.length === 0) return [];
  const [rows] = await db.execute(sql`SELECT ${sql.join(facts.map((fact, i) => sql`(${fact}) AS ${sql.identifier(`f${i}`)}`), sql`, `)}`);
  const row = (rows as unknown as Record<string, unknown>[])[0]!;
  return facts.map((_, i) => Number(row[`f${i}`]) === 1);
}

/** Whether the user has `factor` (inside the caller's transaction `db` when given one). */
export async function hasFactor(db: DbOrTx, factor: Factor, userId: number, heldAt?: Date): Promise<boolean> {
  const [present] = await readFacts(db, [factor.present(userId, heldAt)]);
  return present!;
}

/**
 * The factors that may serve `purpose`. Those of a second step or a re-authentication take an answer (checked when
 * the registry is assembled: assertFactors).
 */
export const factorsFor = (runtime: Pick<ProofRuntime, 'factors'>, purpose: Exclude<ProofPurpose, 'sign_in'>) =>
  runtime.factors.filter((factor): factor is AnsweredFactor => factor.purposes.includes(purpose));

/** A wrong registry does not boot: every factor that proves a second step or a re-authentication takes an answer. */
export function assertFactors(factors: readonly Factor[]): readonly Factor[] {
  for (const factor of factors) {
    const answered = factor.purposes.some((purpose) => purpose !== 'sign_in');
    if (answered && (!factor.answer || !factor.verify)) throw new Error(`Factor ${factor.method} proves ${factor.purposes.join(', ')} but takes no answer`);
  }
  return factors;
}

/** The order a client should offer second factors in. */
const METHOD_ORDER: SecondFactorMethod[] = ['TOTP', 'PASSKEY', 'BACKUP_CODE'];

/** The second-factor methods whose `present` fact (in factorsFor(…, 'second_factor') order) is true, in offering order. */
export function secondFactorMethods(runtime: Pick<ProofRuntime, 'factors'>, present: readonly boolean[]): SecondFactorMethod[] {
  const have = factorsFor(runtime, 'second_factor')
    .filter((_, i) => present[i])
    .map((factor) => factor.method);
  return METHOD_ORDER.filter((method) => have.includes(method));
}

/** The second factors the user has, in offering order. */
export async function secondFactorsOf(runtime: Pick<ProofRuntime, 'factors' | 'db'>, userId: number, db: DbOrTx = runtime.db): Promise<SecondFactorMethod[]> {
  return secondFactorMethods(runtime, await readFacts(db, factorsFor(runtime, 'second_factor').map((factor) => factor.present(userId))));
}
