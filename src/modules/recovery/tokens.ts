// Link tokens and codes: drawn from the CSPRNG, stored only as an HMAC (keyed with the JWT secret, so a copy of the
// table alone cannot be brute-forced for the six-digit codes), each working once, until it expires; a code is void
// after CODE_MAX_ATTEMPTS tries. A new token of a purpose voids the user's earlier ones of that purpose. A reset link
// or a sign-in code dies with what it was sent to: it works only while its address is still the account's, and only
// if it was made after the account's password last changed.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { users, verificationTokens, type VerificationPurpose, type VerificationTokenRow } from '../../db/schema.js';

export const CODE_LENGTH = 6;
/** Longest token a client may send: longer ones are refused before any lookup. */
export const TOKEN_MAX_LENGTH = 128;

const hmac = (config: Config, text: string) => createHmac('sha256', config.jwt.secret).update(text).digest('hex');
const linkHash = (config: Config, token: string) => hmac(config, `link:${token}`);
/** A code is short, so its hash names its purpose and user: two users may hold the same code. */
const codeHash = (config: Config, purpose: VerificationPurpose, userId: number, code: string) => hmac(config, `code:${purpose}:${userId}:${code}`);

export interface IssueRequest {
  purpose: VerificationPurpose;
  userId: number;
  /** Where it is sent: the email address or phone number it proves. */
  target: string;
  ttlMs: number;
}

/** Stores a new link token (43 characters of base64url, 256 bits) and returns it; earlier ones of the purpose stop working. */
export async function issueLinkToken(db: DbOrTx, config: Config, request: IssueRequest): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await store(db, request, linkHash(config, token));
  return token;
}

/** Stores a new six-digit code and returns it; earlier ones of the purpose stop working. */
export async function issueCode(db: DbOrTx, config: Config, request: IssueRequest): Promise<string> {
  const code = String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, '0');
  await store(db, request, codeHash(config, request.purpose, request.userId, code));
  return code;
}

/**
 * Ends the user's live tokens of a purpose. Found by a plain read, then updated by primary key: an UPDATE by
 * (user, purpose) would gap-lock that index range, and concurrent registrations (each inserting its first token)
 * would deadlock on it.
 */
export async function voidTokens(db: DbOrTx, userId: number, purpose: VerificationPurpose, now = new Date()): Promise<void> {
  const live = await db
    .select({ id: verificationTokens.id })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.userId, userId), eq(verificationTokens.purpose, purpose), isNull(verificationTokens.usedAt)));
  if (live.length > 0) await db.update(verificationTokens).set({ usedAt: now }).where(inArray(verificationTokens.id, live.map((row) => row.id)));
}

async function store(db: DbOrTx, { purpose, userId, target, ttlMs }: IssueRequest, tokenHash: string): Promise<void> {
  const now = new Date();
  await voidTokens(db, userId, purpose, now);
  // created_at on the same clock as users.password_changed_at, which it is compared with (stillAddressed).
  await db.insert(verificationTokens).values({ purpose, userId, tokenHash, target, expiresAt: new Date(now.getTime() + ttlMs), createdAt: now });
  // Spent rows are kept a day for the record, then go; one issue in fifty sweeps, so the table stays small.
  if (Math.random() < 1 / 50) await db.delete(verificationTokens).where(lt(verificationTokens.expiresAt, new Date(now.getTime() - 86_400_000)));
}

/** Marks a token used; false when another request used it first. */
async function consume(db: DbOrTx, id: number): Promise<boolean> {
  const [result] = await db
    .update(verificationTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(verificationTokens.id, id), isNull(verificationTokens.usedAt)));
  return result.affectedRows === 1;
}

/**
 * For the proofs that sign someone in (a reset link or code, a sign-in code): the token was sent to an address the
 * account still has, and made after its password last changed. Verification links answer to verifyEmail's own rule
 * (the address must be the account's, or the one it asks for).
 */
function stillAddressed(purpose: VerificationPurpose): SQL | undefined {
  if (purpose !== 'password_reset' && purpose !== 'sign_in') return undefined;
  return sql`EXISTS (SELECT 1 FROM ${users} WHERE ${and(
    eq(users.id, verificationTokens.userId),
    or(eq(users.email, verificationTokens.target), eq(users.phone, verificationTokens.target)),
    or(isNull(users.passwordChangedAt), gt(verificationTokens.createdAt, users.passwordChangedAt)),
  )})`;
}

/**
 * Runs on a right token or code before it is used up: throwing refuses the request and leaves the token working
 * (a reset link whose new password is too weak can be used again with a better one).
 */
export type BeforeUse = (row: VerificationTokenRow) => void | Promise<void>;

export async function useLinkToken(db: DbOrTx, config: Config, purpose: VerificationPurpose, token: string, beforeUse?: BeforeUse): Promise<VerificationTokenRow | undefined> {
  if (!token || token.length > TOKEN_MAX_LENGTH) return undefined;
  const [row] = await db
    .select()
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.tokenHash, linkHash(config, token)),
        eq(verificationTokens.purpose, purpose),
        isNull(verificationTokens.usedAt),
        gt(verificationTokens.expiresAt, new Date()),
        stillAddressed(purpose),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  await beforeUse?.(row);
  return (await consume(db, row.id)) ? row : undefined;
}

/**
 * Tries a code against the user's live code of `purpose`, used up when right. Every try counts, right or wrong,
 * before the comparison (so parallel guesses cannot exceed the limit); at the limit the code is void.
 */
export async function useCode(db: DbOrTx, config: Config, purpose: VerificationPurpose, userId: number, code: string, beforeUse?: BeforeUse): Promise<VerificationTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.userId, userId),
        eq(verificationTokens.purpose, purpose),
        isNull(verificationTokens.usedAt),
        gt(verificationTokens.expiresAt, new Date()),
        stillAddressed(purpose),
      ),
    )
    .orderBy(desc(verificationTokens.id))
    .limit(1);
  if (!row) return undefined;
  const max = config.recovery.codeMaxAttempts;
  const [counted] = await db
    .update(verificationTokens)
    .set({ attempts: sql`${verificationTokens.attempts} + 1` })
    .where(and(eq(verificationTokens.id, row.id), isNull(verificationTokens.usedAt), lt(verificationTokens.attempts, max)));
  if (counted.affectedRows !== 1) return undefined;
  const given = Buffer.from(codeHash(config, purpose, userId, /^\d{6}$/.test(code) ? code : 'x'));
  const right = given.length === row.tokenHash.length && timingSafeEqual(given, Buffer.from(row.tokenHash));
  if (!right) return undefined;
  await beforeUse?.(row);
  return (await consume(db, row.id)) ? row : undefined;
}
