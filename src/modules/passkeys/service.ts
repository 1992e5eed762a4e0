// Passkeys (WebAuthn, with @simplewebauthn/server): registering one while signed in, listing, renaming and removing
// them, signing in with one alone (a discoverable credential, no username), and `passkeyFactor`, the same check as a
// second factor after a password. Every challenge is stored (webauthn_challenges), works once and for
// PASSKEY_CHALLENGE_TTL_SECONDS; every sign-in try, right or wrong, goes to login_history.
import { randomBytes } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, count, desc, eq, isNull, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginHistory, passkeys, users, webauthnChallenges, type PasskeyRow, type UserRow } from '../../db/schema.js';
import { AppError, badInput, conflict, notFound } from '../../errors.js';
import { enforceRateLimits, ipKey } from '../../rate-limit.js';
import type { Runtime } from '../../runtime.js';
import { loginAttemptRow } from '../audit/login-history.js';
import { attempt } from '../auth/attempts.js';
import { signIn, type SignInResult } from '../auth/flows.js';
import type { ClientInfo } from '../auth/sessions.js';
import type { Factor, Refusal } from '../auth/proofs.js';

export type { PasskeyRow };

/** What login_history says about a passkey (its `reason`; `success` says whether it went through). */
export type PasskeyEvent =
  | 'PASSKEY_SIGN_IN'
  | 'PASSKEY_ADDED'
  | 'PASSKEY_REMOVED'
  | 'PASSKEY_BAD_CHALLENGE'
  | 'PASSKEY_UNKNOWN_CREDENTIAL'
  | 'PASSKEY_REJECTED'
  | 'PASSKEY_FLAGGED'
  | 'PASSKEY_COUNTER_REGRESSED'
  | 'PASSKEY_ACCOUNT_DISABLED'
  | 'PASSKEY_REAUTHENTICATED';

const NAME_MAX = 64;
/** Base64url characters of a credential id the unique index holds (384 bytes; authenticators use 16 to 64). */
const CREDENTIAL_ID_MAX = 512;

// ------------------------------------------------------------------------------------------ the relying party

/** RP ID and origin from PUBLIC_URL: the browser signs the origin it is on, and the authenticator scopes to the host. */
export function relyingParty(runtime: Pick<Runtime, 'config'>) {
  const url = new URL(runtime.config.publicUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: runtime.config.passkeys.rpName };
}

// ---------------------------------------------------------------------------------------------- the challenges

type ChallengePurpose = (typeof webauthnChallenges.$inferSelect)['purpose'];

const randomId = () => randomBytes(32).toString('base64url');

async function storeChallenge(
  runtime: Pick<Runtime, 'db' | 'config'>,
  values: { purpose: ChallengePurpose; userId: number | null; challenge: string; userHandle?: string },
): Promise<string> {
  const id = randomId();
  await runtime.db.transaction(async (tx) => {
    // Expired challenges are swept as new ones come: the table holds at most a few minutes of ceremonies.
    await tx.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, new Date()));
    // A user has one ceremony of each kind open at a time: a new one voids the last.
    if (values.userId !== null) {
      await tx.delete(webauthnChallenges).where(and(eq(webauthnChallenges.userId, values.userId), eq(webauthnChallenges.purpose, values.purpose)));
    }
    await tx.insert(webauthnChallenges).values({ id, ...values, expiresAt: new Date(Date.now() + runtime.config.passkeys.challengeTtlMs) });
  });
  return id;
}

/**
 * Takes a challenge out of the table: whoever deletes the row owns it, so two responses racing for one challenge
 * cannot both use it. Undefined when there is none of this purpose (never issued, used, or voided) or it expired.
 */
async function takeChallenge(db: DbOrTx, purpose: ChallengePurpose, where: { id: string } | { userId: number }) {
  const [row] = await db
    .select()
    .from(webauthnChallenges)
    .where(and(eq(webauthnChallenges.purpose, purpose), 'id' in where ? eq(webauthnChallenges.id, where.id) : eq(webauthnChallenges.userId, where.userId)))
    .orderBy(desc(webauthnChallenges.createdAt))
    .limit(1);
  if (!row) return undefined;
  const [deleted] = await db.delete(webauthnChallenges).where(eq(webauthnChallenges.id, row.id));
  if (deleted.affectedRows !== 1 || row.expiresAt.getTime() <= Date.now()) return undefined;
  return row;
}

// ------------------------------------------------------------------------------------------- the responses

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;
const isB64 = (value: unknown, max = 65_536): value is string => typeof value === 'string' && value.length > 0 && value.length <= max && BASE64URL.test(value);

const malformed = () => badInput('response', 'This is not a passkey response; try again');

/** The fields every credential response has, checked before anything is looked up or counted against a challenge. */
function checkCredentialShape(value: unknown): Record<string, unknown> & { id: string; response: Record<string, unknown> } {
  if (!isRecord(value) || !isB64(value.id, 2048) || value.rawId !== value.id || value.type !== 'public-key' || !isRecord(value.response)) throw malformed();
  if (value.clientExtensionResults !== undefined && !isRecord(value.clientExtensionResults)) throw malformed();
  if (!isB64(value.response.clientDataJSON)) throw malformed();
  return value as Record<string, unknown> & { id: string; response: Record<string, unknown> };
}

function registrationResponse(value: unknown): RegistrationResponseJSON {
  const credential = checkCredentialShape(value);
  if (!isB64(credential.response.attestationObject)) throw malformed();
  if (credential.id.length > CREDENTIAL_ID_MAX) throw badInput('response', 'This passkey\'s id is longer than this service accepts');
  return { clientExtensionResults: {}, ...credential } as unknown as RegistrationResponseJSON;
}

function authenticationResponse(value: unknown): AuthenticationResponseJSON {
  const credential = checkCredentialShape(value);
  const { authenticatorData, signature, userHandle } = credential.response;
  if (!isB64(authenticatorData) || !isB64(signature) || (userHandle !== undefined && userHandle !== null && userHandle !== '' && !isB64(userHandle, 256))) throw malformed();
  return { clientExtensionResults: {}, ...credential } as unknown as AuthenticationResponseJSON;
}

function passkeyName(raw: string | null | undefined, fallback: string): string {
  const name = raw?.trim() || fallback;
  if (name.length > NAME_MAX) throw badInput('name', `A passkey's name is at most ${NAME_MAX} characters`);
  return name;
}

// ------------------------------------------------------------------------------------------------ the record

async function recordPasskeyEvent(db: DbOrTx, event: PasskeyEvent, { user, credentialId, client, success }: { user?: Pick<UserRow, 'id' | 'username'> | null; credentialId?: string; client: ClientInfo; success: boolean }) {
  const row = loginAttemptRow({
    // The identifier column names the account when the passkey named one, else the credential that was offered.
    identifier: user?.username ?? (credentialId ? `passkey ${credentialId}` : 'passkey'),
    identifierKey: user ? user.username.toLowerCase() : `passkey:${credentialId ?? ''}`,
    userId: user?.id ?? null,
    failure: event,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  await db.insert(loginHistory).values({ ...row, success });
}

// ------------------------------------------------------------------------------------------- registration

/** The transports WebAuthn names; the client's list is kept only as far as it names these (it goes back to browsers). */
const TRANSPORTS = new Set<string>(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
const knownTransports = (list: readonly string[] | undefined) => (list ? [...new Set(list.filter((name) => TRANSPORTS.has(name)))] : null);

const transportsOf = (row: Pick<PasskeyRow, 'transports'>) => (Array.isArray(row.transports) ? (row.transports as AuthenticatorTransport[]) : undefined);

export function listPasskeys(db: DbOrTx, userId: number): Promise<PasskeyRow[]> {
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(desc(passkeys.createdAt), desc(passkeys.id));
}

/**
 * Options for the browser's navigator.credentials.create: a discoverable credential with user verification (so it
 * can sign in alone), none of the user's passkeys again (excludeCredentials), and the user handle their passkeys
 * already carry (a random one for the first), never the username or id.
 */
export async function startPasskeyRegistration(runtime: Runtime, user: UserRow): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { passkeys: settings } = runtime.config;
  await enforceRateLimits(runtime.rateLimits, [{ key: `passkey:register:user:${user.id}`, limit: settings.limits.perUser }]);
  const existing = await listPasskeys(runtime.db, user.id);
  if (existing.length >= settings.maxPerUser) throw conflict('passkey', `You have ${settings.maxPerUser} passkeys, as many as an account may have; remove one first`);
  const userHandle = existing[0]?.userHandle ?? randomId();
  const { rpID, rpName } = relyingParty(runtime);
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.username,
    userDisplayName: user.username,
    userID: Buffer.from(userHandle, 'base64url'),
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.credentialId, transports: transportsOf(row) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    timeout: settings.challengeTtlMs,
  });
  await storeChallenge(runtime, { purpose: 'registration', userId: user.id, challenge: options.challenge, userHandle });
  return options;
}

/** Verifies the browser's answer to startPasskeyRegistration (its challenge, used up either way) and keeps the passkey. */
export async function finishPasskeyRegistration(runtime: Runtime, user: UserRow, input: { response?: unknown; name?: string | null }, client: ClientInfo): Promise<PasskeyRow> {
  const response = registrationResponse(input.response);
  const challenge = await takeChallenge(runtime.db, 'registration', { userId: user.id });
  if (!challenge) throw badInput('response', 'This passkey request expired or was already used; start again');
  const { rpID, origin } = relyingParty(runtime);
  const verification = await verifyRegistrationResponse({ response, expectedChallenge: challenge.challenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: true }).catch(
    (error: unknown) => {
      runtime.log.info({ err: error, userId: user.id }, 'A passkey registration was refused');
      return { verified: false as const, registrationInfo: undefined };
    },
  );
  if (!verification.verified) throw badInput('response', 'The passkey could not be verified; try again');
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  if (credential.id.length > CREDENTIAL_ID_MAX) throw badInput('response', 'This passkey\'s id is longer than this service accepts');
  const existing = await runtime.db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, user.id));
  const name = passkeyName(input.name, `Passkey ${(existing[0]?.n ?? 0) + 1}`);
  const id = await runtime.db
    .transaction(async (tx) => {
      const [result] = await tx.insert(passkeys).values({
        // On the clock of sessions.proved_at, which it is compared with (a passkey held at a session's last proof).
        createdAt: new Date(),
        userId: user.id,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        userHandle: challenge.userHandle!,
        transports: knownTransports(credential.transports ?? response.response.transports),
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        name,
      });
      await recordPasskeyEvent(tx, 'PASSKEY_ADDED', { user, credentialId: credential.id, client, success: true });
      return result.insertId;
    })
    .catch((error: unknown) => {
      // The credential is someone's already (this user's: excludeCredentials should have stopped the browser).
      if ((error as { cause?: { code?: string } }).cause?.code === 'ER_DUP_ENTRY' || (error as { code?: string }).code === 'ER_DUP_ENTRY') {
        throw conflict('response', 'This passkey is already registered');
      }
      throw error;
    });
  return (await findOwnPasskey(runtime.db, user.id, id))!;
}

// ---------------------------------------------------------------------------------------- rename and remove

async function findOwnPasskey(db: DbOrTx, userId: number, id: number): Promise<PasskeyRow | undefined> {
  const [row] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .limit(1);
  return row;
}

/** Another user's passkey is NOT_FOUND, exactly like one that does not exist. */
export async function renamePasskey(runtime: Runtime, userId: number, id: number, rawName: string): Promise<PasskeyRow> {
  if (!rawName.trim()) throw badInput('name', 'Give the passkey a name');
  const name = passkeyName(rawName, '');
  if (!(await findOwnPasskey(runtime.db, userId, id))) throw notFound('Passkey');
  await runtime.db
    .update(passkeys)
    .set({ name })
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)));
  const row = await findOwnPasskey(runtime.db, userId, id);
  if (!row) throw notFound('Passkey');
  return row;
}

export async function removePasskey(runtime: Runtime, user: Pick<UserRow, 'id' | 'username'>, id: number, client: ClientInfo): Promise<number> {
  await runtime.db.transaction(async (tx) => {
    const row = await findOwnPasskey(tx, user.id, id);
    if (!row) throw notFound('Passkey');
    await tx.delete(passkeys).where(eq(passkeys.id, row.id));
    await recordPasskeyEvent(tx, 'PASSKEY_REMOVED', { user, credentialId: row.credentialId, client, success: true });
  });
  return id;
}

// ------------------------------------------------------------------------------------------------ assertions

type AssertionOutcome = 'ok' | 'rejected' | 'counter';

/**
 * Checks an assertion against a stored passkey and, when it holds, moves the counter and the backup state on.
 * The library's own counter check runs before the signature is verified, so anyone knowing a credential id could
 * get a passkey flagged with a forged response; it is switched off (counter 0) and done here, after the signature.
 */
async function verifyAssertion(
  runtime: Pick<Runtime, 'config' | 'log'>,
  db: DbOrTx,
  passkey: PasskeyRow,
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
  requireUserVerification: boolean,
): Promise<AssertionOutcome> {
  const { rpID, origin } = relyingParty(runtime);
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: { id: passkey.credentialId, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: 0, transports: transportsOf(passkey) },
    requireUserVerification,
  }).catch((error: unknown) => {
    runtime.log.info({ err: error, passkeyId: passkey.id }, 'A passkey response was refused');
    return undefined;
  });
  if (!result?.verified) return 'rejected';
  const { newCounter, credentialBackedUp, credentialDeviceType } = result.authenticationInfo;
  // WebAuthn §7.2 step 22: a counter that does not grow (once either side is non-zero) means two authenticators
  // hold this key. The passkey is refused from now on; its owner sees it flagged and can remove it.
  if ((newCounter > 0 || passkey.counter > 0) && newCounter <= passkey.counter) {
    await db.update(passkeys).set({ flaggedAt: new Date() }).where(eq(passkeys.id, passkey.id));
    return 'counter';
  }
  await db
    .update(passkeys)
    .set({ counter: newCounter, backedUp: credentialBackedUp, deviceType: credentialDeviceType, lastUsedAt: new Date() })
    .where(eq(passkeys.id, passkey.id));
  return 'ok';
}

async function findPasskeyByCredential(db: DbOrTx, credentialId: string) {
  const [found] = await db
    .select({ passkey: passkeys, user: users })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(and(eq(passkeys.credentialId, credentialId), isNull(users.deletedAt)))
    .limit(1);
  return found;
}

// ----------------------------------------------------------------------------------------------- sign-in

export interface PasskeySignInOptions {
  challengeId: string;
  options: PublicKeyCredentialRequestOptionsJSON;
}

/** Options for navigator.credentials.get with no allowCredentials: the authenticator offers whichever passkey it holds. */
export async function startPasskeySignIn(runtime: Runtime, client: ClientInfo): Promise<PasskeySignInOptions> {
  await enforceRateLimits(runtime.rateLimits, [{ key: `passkey:start:ip:${ipKey(client)}`, limit: runtime.config.passkeys.limits.perIp }]);
  const { rpID } = relyingParty(runtime);
  const options = await generateAuthenticationOptions({ rpID, userVerification: 'required', timeout: runtime.config.passkeys.challengeTtlMs });
  const challengeId = await storeChallenge(runtime, { purpose: 'sign_in', userId: null, challenge: options.challenge });
  return { challengeId, options };
}

const refused = (reason: string, message = 'This passkey cannot sign you in here') => new AppError('UNAUTHENTICATED', message, { reason });
const flagged = () => refused('PASSKEY_FLAGGED', 'This passkey was flagged as possibly copied and no longer signs you in; use another way and remove it');

/**
 * Signs in with a passkey alone, through `attempt` like every proof: the challenge (used up whatever follows), the
 * passkey the response names, its user handle, signature, user verification and counter; then the sign-in steps. A
 * user-verified passkey is something you have and something you are or know: the sign-in has two factors at once.
 */
export async function finishPasskeySignIn(runtime: Runtime, input: { challengeId: string; response?: unknown }, client: ClientInfo): Promise<SignInResult> {
  await enforceRateLimits(runtime.rateLimits, [{ key: `passkey:finish:ip:${ipKey(client)}`, limit: runtime.config.passkeys.limits.perIp }]);
  const response = authenticationResponse(input.response);
  const challenge = input.challengeId.length <= 64 ? await takeChallenge(runtime.db, 'sign_in', { id: input.challengeId }) : undefined;
  const found = challenge ? await findPasskeyByCredential(runtime.db, response.id) : undefined;
  // A discoverable credential must say whose it is (WebAuthn §7.2 step 6), and say the same as when it was made.
  const owner = found && response.response.userHandle === found.passkey.userHandle ? found.user : undefined;
  const outcome = await attempt(
    runtime,
    {
      user: owner,
      // The history names the account when the passkey named one, else the credential that was offered.
      identifier: owner?.username ?? `passkey ${response.id}`,
      identifierKey: owner ? owner.username.toLowerCase() : `passkey:${response.id}`,
      client,
      lockout: null,
      reasons: { success: 'PASSKEY_SIGN_IN', failure: 'PASSKEY_REJECTED', locked: 'PASSKEY_LOCKED_OUT' },
    },
    async (): Promise<UserRow | Refusal> => {
      if (!challenge) {
        return {
          refused: 'PASSKEY_BAD_CHALLENGE',
          error: new AppError('BAD_USER_INPUT', 'This passkey sign-in expired or was already used; start again', { field: 'challengeId', reason: 'INVALID_CHALLENGE' }),
        };
      }
      if (!found || !owner) return { refused: 'PASSKEY_UNKNOWN_CREDENTIAL', error: refused('INVALID_CREDENTIALS', 'This passkey is not registered here') };
      if (found.passkey.flaggedAt) return { refused: 'PASSKEY_FLAGGED', error: flagged() };
      const verified = await verifyAssertion(runtime, runtime.db, found.passkey, response, challenge.challenge, true);
      if (verified === 'counter') return { refused: 'PASSKEY_COUNTER_REGRESSED', error: flagged() };
      if (verified !== 'ok') return { refused: 'PASSKEY_REJECTED', error: refused('INVALID_CREDENTIALS', 'The passkey could not be verified') };
      if (!owner.isActive) return { refused: 'PASSKEY_ACCOUNT_DISABLED', error: new AppError('UNAUTHENTICATED', 'This account is disabled', { reason: 'ACCOUNT_DISABLED' }) };
      return owner;
    },
  );
  if (!outcome.ok) throw outcome.refusal.error!;
  return signIn(runtime, outcome.value, client, 'passkey', 2);
}

// ---------------------------------------------------------------------------------------- as a second factor

/** The user's passkeys that may still sign (a flagged one never does; with `heldAt`, only those made by then), as allowCredentials. */
async function allowedCredentials(db: DbOrTx, userId: number, heldAt?: Date) {
  return (await listPasskeys(db, userId)).filter((row) => !row.flaggedAt && (!heldAt || row.createdAt <= heldAt)).map((row) => ({ id: row.credentialId, transports: transportsOf(row) }));
}

type UserCeremony = 'second_factor' | 'reauth';

/**
 * Options for an assertion by one of this user's passkeys, kept as the user's one open ceremony of `purpose`.
 * BAD_USER_INPUT when the user has no passkey that may sign.
 */
async function startUserAssertion(runtime: Pick<Runtime, 'db' | 'config'>, userId: number, purpose: UserCeremony, heldAt?: Date) {
  const allowCredentials = await allowedCredentials(runtime.db, userId, heldAt);
  if (allowCredentials.length === 0) throw badInput('method', 'No passkey is registered for this account');
  // After a password, possession is the second factor: a security key without a PIN is enough. Standing in for the
  // password (reauth), the passkey must be possession and a PIN or biometric at once.
  const userVerification = purpose === 'reauth' ? 'required' : 'preferred';
  const options = await generateAuthenticationOptions({ rpID: relyingParty(runtime).rpID, allowCredentials, userVerification, timeout: runtime.config.passkeys.challengeTtlMs });
  await storeChallenge(runtime, { purpose, userId, challenge: options.challenge });
  return options;
}

/**
 * Whether `rawResponse` is an assertion, by one of this user's unflagged passkeys (made by `heldAt`, when given), over
 * the user's open ceremony of `purpose` (used up here whatever the outcome, so a response works once). Never throws.
 */
async function checkUserAssertion(
  runtime: Pick<Runtime, 'config' | 'log'>,
  db: DbOrTx,
  userId: number,
  rawResponse: unknown,
  purpose: UserCeremony,
  heldAt?: Date,
): Promise<AssertionOutcome | 'no_challenge' | 'malformed' | 'not_theirs'> {
  let response: AuthenticationResponseJSON;
  try {
    response = authenticationResponse(rawResponse);
  } catch {
    return 'malformed';
  }
  const challenge = await takeChallenge(db, purpose, { userId });
  if (!challenge) return 'no_challenge';
  const found = await findPasskeyByCredential(db, response.id);
  // Another user's passkey proves nothing about this one; a flagged one proves nothing at all; one added since the
  // session's last proof cannot vouch for the session that added it.
  if (!found || found.passkey.userId !== userId || found.passkey.flaggedAt || (heldAt && found.passkey.createdAt > heldAt)) return 'not_theirs';
  return verifyAssertion(runtime, db, found.passkey, response, challenge.challenge, purpose === 'reauth');
}

/** What a failed re-authentication says: the history's reason, and the client's error. */
function reauthRefusal(outcome: Exclude<Awaited<ReturnType<typeof checkUserAssertion>>, 'ok'>): Refusal {
  if (outcome === 'malformed') return { refused: 'PASSKEY_REJECTED', error: malformed() };
  if (outcome === 'no_challenge') {
    return {
      refused: 'PASSKEY_BAD_CHALLENGE',
      error: new AppError('BAD_USER_INPUT', 'This passkey request expired or was already used; start again', { field: 'passkeyResponse', reason: 'INVALID_CHALLENGE' }),
    };
  }
  const refused = { not_theirs: 'PASSKEY_UNKNOWN_CREDENTIAL', counter: 'PASSKEY_COUNTER_REGRESSED', rejected: 'PASSKEY_REJECTED' }[outcome];
  return { refused, error: badInput('passkeyResponse', 'The passkey could not be verified') };
}

/**
 * Passkeys as a factor (FACTORS): the second step after a password, where any failure is a wrong answer like a wrong
 * code, and `reauthenticate`, where the history says what was wrong. `begin` makes the ceremony, bound to the user
 * and listing their passkeys; a signature cannot be guessed, so no lockout counts them (rate limits do).
 */
export const passkeyFactor: Factor = {
  method: 'PASSKEY',
  // sign_in: finishPasskeySignIn, a way in of its own (two factors at once).
  purposes: ['sign_in', 'second_factor', 'reauth'],
  answer: 'passkeyResponse',
  lockout: null,
  // A way in that skips the password: whoever held the account before a reset may have added it.
  endsWhen: ['password_reset'],

  // A flagged passkey (see flaggedAt) does not count.
  present: (userId, heldAt) =>
    sql`EXISTS (SELECT 1 FROM ${passkeys} WHERE ${and(eq(passkeys.userId, userId), isNull(passkeys.flaggedAt), heldAt ? lte(passkeys.createdAt, heldAt) : undefined)})`,

  begin: (runtime, user, purpose, heldAt) => startUserAssertion(runtime, user.id, purpose === 'reauth' ? 'reauth' : 'second_factor', heldAt),

  async verify(runtime, user, value, { purpose, heldAt }) {
    const outcome = await checkUserAssertion(runtime, runtime.db, user.id, value, purpose === 'reauth' ? 'reauth' : 'second_factor', heldAt);
    if (outcome === 'ok') return true;
    return purpose === 'reauth' ? reauthRefusal(outcome) : false;
  },

  async remove(tx, userId) {
    await tx.delete(passkeys).where(eq(passkeys.userId, userId));
    await tx.delete(webauthnChallenges).where(eq(webauthnChallenges.userId, userId));
  },
};

/**
 * Options for proving again who holds the session with one of the caller's passkeys (`reauthenticate` with
 * `passkeyResponse`), listing only those the account held at the session's last proof.
 */
export async function startPasskeyReauthentication(runtime: Runtime, user: UserRow, heldAt: Date): Promise<PublicKeyCredentialRequestOptionsJSON> {
  await enforceRateLimits(runtime.rateLimits, [{ key: `passkey:reauth:user:${user.id}`, limit: runtime.config.passkeys.limits.perUser }]);
  return passkeyFactor.begin!(runtime, user, 'reauth', heldAt) as Promise<PublicKeyCredentialRequestOptionsJSON>;
}
