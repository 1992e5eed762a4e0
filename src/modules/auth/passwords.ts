// argon2id hashing. Parameters are OWASP's minimum for argon2id (19 MiB, 2 passes, 1 lane).
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';
import { badInput } from '../../errors.js';
import { assertPlainText } from '../../validation.js';

export const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const PASSWORD_MIN_LENGTH = 8;
/** argon2 would take any length; a cap keeps a 1 MB "password" from being hashed. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * At most one hash per CPU this process may run on (its affinity counts, so a pinned process gets what it was
 * given). The library would run as many as libuv's pool has threads (4), more than the CPUs here: memory-hard hashes
 * then evict each other's 19 MiB from the caches, and each takes longer than the extra parallelism gains (one
 * CPU, 8 verifications in flight: 58/s four at a time, 90/s one at a time). It also leaves the pool's other
 * threads free for file and crypto work while sign-ins queue.
 */
const argon2Slots = pLimit(availableParallelism());

export function hashPassword(password: string): Promise<string> {
  return argon2Slots(() => hash(password, ARGON2_OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await argon2Slots(() => verify(passwordHash, password));
  } catch {
    // A malformed stored hash is a failed verification, not a crash of the login path.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when no account matches, so unknown identifiers cost the same as wrong passwords. */
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64'));
  return dummyHash;
}

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
