// argon2id hashing. The parameters come from ARGON2_MEMORY_KIB, ARGON2_TIME_COST and ARGON2_PARALLELISM (defaults:
// OWASP's first recommendation, 19 MiB, 2 passes, 1 lane); a stored hash made with others is rehashed at the next
// sign-in (needsRehash), so raising them upgrades every active account without a reset.
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';
import { badInput } from '../../errors.js';
import { assertPlainText } from '../../validation.js';

export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** The defaults (ARGON2_* unset). Benchmarks that must match the service's cost use these. */
export const ARGON2_OPTIONS: Argon2Params = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
export const PASSWORD_MIN_LENGTH = 8;
/** argon2 would take any length; a cap keeps a 1 MB "password" from being hashed. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * OWASP's equivalent argon2id settings (Password Storage Cheat Sheet): the least memory (KiB) each number of passes
 * needs. Anything weaker is refused at start-up.
 */
export const OWASP_MIN_MEMORY_KIB_BY_PASSES: Readonly<Record<number, number>> = { 1: 47104, 2: 19456, 3: 12288, 4: 9216, 5: 7168 };
export function owaspMinimumMemoryKib(timeCost: number): number {
  return OWASP_MIN_MEMORY_KIB_BY_PASSES[Math.min(Math.max(timeCost, 1), 5)]!;
}

/**
 * At most one hash per CPU this process may run on (its affinity counts, so a pinned process gets what it was
 * given). The library would run as many as libuv's pool has threads (4), more than the CPUs here: memory-hard hashes
 * then evict each other's 19 MiB from the caches, and each takes longer than the extra parallelism gains (one
 * CPU, 8 verifications in flight: 58/s four at a time, 90/s one at a time). It also leaves the pool's other
 * threads free for file and crypto work while sign-ins queue.
 */
const argon2Slots = pLimit(availableParallelism());

export function hashPassword(password: string, params: Argon2Params): Promise<string> {
  return argon2Slots(() => hash(password, params));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await argon2Slots(() => verify(passwordHash, password));
  } catch {
    // A malformed stored hash is a failed verification, not a crash of the login path.
    return false;
  }
}

/** The parameters of a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`); undefined when it is not argon2id. */
export function parseArgon2Hash(phc: string): (Argon2Params & { version: number }) | undefined {
  const match = /^\$argon2id\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(phc);
  if (!match) return undefined;
  return { version: Number(match[1]), memoryCost: Number(match[2]), timeCost: Number(match[3]), parallelism: Number(match[4]) };
}

/**
 * Whether a stored hash should be replaced after a successful verification: made with other parameters (weaker or
 * stronger: the configured ones are the policy), an older argon2 version, or another algorithm.
 */
export function needsRehash(phc: string, params: Argon2Params): boolean {
  const stored = parseArgon2Hash(phc);
  return !stored || stored.version !== 0x13 || stored.memoryCost !== params.memoryCost || stored.timeCost !== params.timeCost || stored.parallelism !== params.parallelism;
}

let dummyHash: { params: Argon2Params; hash: Promise<string> } | undefined;
/**
 * A hash to verify against when no account matches, so unknown identifiers cost the same as wrong passwords: made
 * with the configured parameters, as the accounts' hashes are (after their rehash).
 */
export function getDummyHash(params: Argon2Params): Promise<string> {
  const same = dummyHash && (['memoryCost', 'timeCost', 'parallelism'] as const).every((key) => dummyHash!.params[key] === params[key]);
  if (!dummyHash || !same) {
    dummyHash = { params, hash: hashPassword(randomBytes(24).toString('base64'), params) };
  }
  return dummyHash.hash;
}

/** Length and characters; strength and personal details are password-strength.ts's, once the owner is known. */
export function checkPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw badInput(field, `Password must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw badInput(field, `Password must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  }
  // Any printable character (spaces and emoji included) is fine; control characters cannot be typed again.
  assertPlainText(password, field);
}
