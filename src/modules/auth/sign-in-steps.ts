// What a sign-in must pass between "the password is right" (or another proof: OIDC, a passkey) and "here is a
// session". Modules add steps (a verified email, a second factor) in src/modules/index.ts; with none, a correct
// password starts a session at once. Second factors plug in as SecondFactor providers (SECOND_FACTORS, same file).
import { sql, type SQL } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { UserRow } from '../../db/schema.js';
import type { Logger } from '../../logger.js';
import type { ClientInfo } from './sessions.js';

/** What a step may use: a part of the Runtime, so the Runtime can list the steps without an import cycle. */
export interface SignInStepRuntime {
  config: Config;
  db: Db;
  log: Logger;
  secondFactors: readonly SecondFactor[];
}

/** How the first step of this sign-in proved who the user is: kept in the history of a second step. */
export type SignInProof = 'password' | 'password_reset' | 'sign_in_code' | 'registration' | (string & {});

/** A second step the client must answer before it gets a session (see src/modules/mfa/). */
export interface SignInChallenge {
  challengeToken: string;
  methods: SecondFactorMethod[];
  expiresAt: Date;
}

/**
 * What a step decided when it lets the sign-in go on: nothing, a challenge to answer first (the sign-in stops
 * there and answers with it), or a session limited to enrolling a second factor.
 */
export type SignInStepOutcome = void | { challenge: SignInChallenge } | { enrollmentOnly: true };

export interface SignInStep {
  /** For logs. */
  name: string;
  /**
   * What the check needs to know about the user, as SQL truth values (an `EXISTS (…)` each): the facts of every step
   * are read together, in one query, before the first step runs, and each check gets its own in the same order.
   * One round trip per sign-in instead of one per question (three second factors and a pending deletion).
   */
  facts?(runtime: SignInStepRuntime, user: UserRow, proof: SignInProof): readonly SQL[];
  /**
   * Resolves to let the sign-in through (possibly with an outcome); throws an AppError to stop it. The attempt is
   * already in the login history as a correct first step; a step records its own outcome if it has one worth recording.
   */
  check(runtime: SignInStepRuntime, user: UserRow, client: ClientInfo, proof: SignInProof, facts: readonly boolean[]): Promise<SignInStepOutcome>;
}

export interface SignInStepsResult {
  challenge?: SignInChallenge;
  enrollmentOnly: boolean;
}

/** Runs the steps in order; the first that refuses ends the sign-in, the first challenge is what the client gets. */
export async function passSignInSteps(
  runtime: SignInStepRuntime & { signInSteps: readonly SignInStep[] },
  user: UserRow,
  client: ClientInfo,
  proof: SignInProof,
): Promise<SignInStepsResult> {
  const wanted = runtime.signInSteps.map((step) => step.facts?.(runtime, user, proof) ?? []);
  const known = await readFacts(runtime.db, wanted.flat());
  let enrollmentOnly = false;
  let next = 0;
  for (const [i, step] of runtime.signInSteps.entries()) {
    const facts = known.slice(next, (next += wanted[i]!.length));
    const outcome = await step.check(runtime, user, client, proof, facts);
    if (!outcome) continue;
    if ('challenge' in outcome) return { challenge: outcome.challenge, enrollmentOnly: false };
    enrollmentOnly = true;
  }
  return { enrollmentOnly };
}

/** The truth of each SQL condition (`EXISTS (…)`), read in one statement; none asked, no statement. */
export async function readFacts(db: DbOrTx, facts: readonly SQL[]): Promise<boolean[]> {
  if (facts.length === 0) return [];
  const [rows] = await db.execute(sql`SELECT ${sql.join(facts.map((fact, i) => sql`(${fact}) AS ${sql.identifier(`f${i}`)}`), sql`, `)}`);
  const row = (rows as unknown as Record<string, unknown>[])[0]!;
  return facts.map((_, i) => Number(row[`f${i}`]) === 1);
}

/** Whether the user has `factor` (its `present` condition read alone, or inside the caller's transaction `db`). */
export async function hasFactor(db: DbOrTx, factor: SecondFactor, userId: number): Promise<boolean> {
  const [present] = await readFacts(db, [factor.present(userId)]);
  return present!;
}

export type SecondFactorMethod = 'TOTP' | 'BACKUP_CODE' | 'PASSKEY';

/** Where a factor's answer is in `completeMfaSignIn`'s input (and in the step-up helper's `reauthenticate`). */
export interface SecondFactorAnswers {
  code?: string | null;
  backupCode?: string | null;
  passkeyResponse?: unknown;
}

/**
 * A kind of second factor (TOTP and backup codes in src/modules/mfa/, passkeys in src/modules/passkeys/), listed in
 * SECOND_FACTORS (src/modules/index.ts). The sign-in challenge offers the methods the user has (`present`) and hands
 * the answer to the factor whose `answer` field the client filled in.
 */
export interface SecondFactor {
  method: SecondFactorMethod;
  /** The input field this factor reads. */
  answer: keyof SecondFactorAnswers;
  /** Whether the user has this factor, as an SQL truth value (read with the other sign-in facts in one query). */
  present(userId: number): SQL;
  /**
   * Whether `value` proves the factor, using it up where it works once (a TOTP step, a backup code): so it runs in
   * the caller's transaction `tx`, which also holds the challenge row locked.
   */
  verify(runtime: SignInStepRuntime, user: UserRow, value: unknown, tx: DbOrTx): Promise<boolean>;
  /**
   * For a factor whose answer signs something the server chose (a passkey's WebAuthn assertion): makes and keeps
   * that, and returns what the client needs to answer (`startMfaChallenge`). Factors answered with what the user
   * already has (a TOTP code, a backup code) have none.
   */
  begin?(runtime: SignInStepRuntime, user: UserRow): Promise<unknown>;
  /** Removes the user's factor of this kind (an admin's `resetUserSecondFactors`), in the caller's transaction. */
  remove(tx: DbOrTx, userId: number): Promise<void>;
}
