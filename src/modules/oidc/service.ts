// Sign-in and account linking through OpenID Connect providers: discovery, the authorization code flow with PKCE,
// state and nonce, and ID-token validation are openid-client's; this file keeps the flow in MariaDB (so any instance
// can finish it), decides which account a provider's user is, and hands the client a one-time code for a session.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, count, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import * as openid from 'openid-client';
import { writeThenAnnounce } from '../../changes.js';
import type { DbOrTx } from '../../db/client.js';
import { oidcFlows, oidcSignInCodes, sessions, userIdentities, users, userStatus, type OidcFlowRow, type UserIdentityRow, type UserRow } from '../../db/schema.js';
import { AppError, badInput, notFound, type OidcErrorCode } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import { recordLoginAttempt } from '../audit/login-history.js';
import { attempt } from '../auth/attempts.js';
import { signIn, type SignInResult } from '../auth/flows.js';
import type { Factor } from '../auth/proofs.js';
import type { ClientInfo } from '../auth/sessions.js';
import { enqueueEmailVerification } from '../recovery/verification.js';
import { DEFAULT_ROLE } from '../roles/catalog.js';
import { roleIdByName } from '../roles/service.js';
import { normalizeEmail, normalizeUsername, USERNAME_MAX, type Username } from '../users/identity.js';
import { assertIdentityAvailable, findUserById, isConflictOn, rethrowIdentityConflict } from '../users/queries.js';
import type { OidcProviderConfig } from './config.js';

/** How long the one-time code handed to the client works. */
export const SIGN_IN_CODE_TTL_MS = 60_000;
/** The cookie that ties a flow to the browser that started it (its value is the flow's `state`). */
export const FLOW_COOKIE = 'oidc_state';
/** A successful discovery is trusted this long; a failed one is tried again on the next request. */
const DISCOVERY_TTL_MS = 6 * 3600_000;
const MAX_CODE_LENGTH = 128;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const random = () => randomBytes(32).toString('base64url');

export const oidcError = (code: OidcErrorCode, message: string) => new AppError(code, message, { reason: code });

export function findProvider(runtime: Runtime, name: string): OidcProviderConfig | undefined {
  return runtime.config.oidc.providers.find((p) => p.name === name);
}

function requireProvider(runtime: Runtime, name: string): OidcProviderConfig {
  const provider = findProvider(runtime, name);
  if (!provider) throw badInput('provider', `No sign-in provider is called "${name.slice(0, 40)}"`);
  return provider;
}

/** The callback URL registered at the provider: under PUBLIC_URL, never taken from a request's Host. */
export const callbackUrl = (runtime: Runtime, provider: string) => `${runtime.config.publicUrl}/auth/oidc/${provider}/callback`;
export const startUrl = (runtime: Runtime, provider: string) => `${runtime.config.publicUrl}/auth/oidc/${provider}/start`;
/** Where a flow ends when no other app URL was asked for: this service's web client. */
export const defaultReturnUrl = (runtime: Runtime) => `${runtime.config.publicUrl}/`;

// ------------------------------------------------------------------------------------------------- discovery

const discovered = new WeakMap<Runtime, Map<string, { at: number; config: Promise<openid.Configuration> }>>();

/**
 * The provider's metadata (and with it, its JWKS, fetched and cached by openid-client), discovered once and kept
 * for DISCOVERY_TTL_MS; a provider that cannot be reached is OIDC_PROVIDER_UNAVAILABLE and is asked again next time.
 */
export async function providerConfiguration(runtime: Runtime, provider: OidcProviderConfig): Promise<openid.Configuration> {
  let cache = discovered.get(runtime);
  if (!cache) discovered.set(runtime, (cache = new Map()));
  const hit = cache.get(provider.name);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const { oidc } = runtime.config;
  const config = openid.discovery(provider.issuer, provider.clientId, provider.clientSecret, undefined, {
    timeout: oidc.discoveryTimeoutSeconds,
    execute: oidc.allowInsecureIssuer ? [openid.allowInsecureRequests] : [],
  });
  cache.set(provider.name, { at: Date.now(), config });
  try {
    return await config;
  } catch (error) {
    cache.delete(provider.name);
    runtime.log.warn({ err: error, provider: provider.name }, 'OpenID provider discovery failed');
    throw oidcError('OIDC_PROVIDER_UNAVAILABLE', `${provider.label} cannot be reached right now; try again in a few minutes`);
  }
}

// ---------------------------------------------------------------------------------------------- starting a flow

/** The app URL a flow may end at: PUBLIC_URL's web client, or an OIDC_REDIRECT_ALLOWLIST entry, compared whole. */
export function allowedReturnUrl(runtime: Runtime, requested: string | null | undefined): string {
  if (requested === null || requested === undefined || requested === '') return defaultReturnUrl(runtime);
  const href = URL.canParse(requested) ? new URL(requested).href : undefined;
  const allowed = [defaultReturnUrl(runtime), ...runtime.config.oidc.redirectAllowlist];
  if (!href || requested.length > 500 || !allowed.includes(href)) {
    throw badInput('redirect', 'This return address is not allowed (OIDC_REDIRECT_ALLOWLIST)');
  }
  return href;
}

export interface StartedFlow {
  /** The provider's authorization URL, to send the browser to. */
  authorizationUrl: string;
  /** To set as the FLOW_COOKIE: the callback must come back to the browser that holds it. */
  state: string;
}

/** Fresh state, nonce and PKCE verifier, and the provider's authorization URL for them. */
async function authorizationRequest(runtime: Runtime, provider: OidcProviderConfig, config: openid.Configuration, nonce: string, codeVerifier: string) {
  const state = random();
  const url = openid.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(runtime, provider.name),
    scope: provider.scopes,
    state,
    nonce,
    code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { state, authorizationUrl: url.href };
}

/** Occasionally removes flows and codes long past their expiry, so the tables stay small. */
async function sweep(db: DbOrTx): Promise<void> {
  if (Math.random() >= 1 / 50) return;
  const before = new Date(Date.now() - 86_400_000);
  await db.delete(oidcFlows).where(lt(oidcFlows.expiresAt, before));
  await db.delete(oidcSignInCodes).where(lt(oidcSignInCodes.expiresAt, before));
}

/** GET /auth/oidc/<name>/start?redirect=…: a new sign-in flow. */
export async function startSignIn(runtime: Runtime, providerName: string, redirect: string | null): Promise<StartedFlow> {
  const provider = requireProvider(runtime, providerName);
  const returnUrl = allowedReturnUrl(runtime, redirect);
  const config = await providerConfiguration(runtime, provider);
  const nonce = openid.randomNonce();
  const codeVerifier = openid.randomPKCECodeVerifier();
  const started = await authorizationRequest(runtime, provider, config, nonce, codeVerifier);
  await runtime.db.insert(oidcFlows).values({
    stateHash: sha256(started.state),
    provider: provider.name,
    mode: 'sign_in',
    nonce,
    codeVerifier,
    returnUrl,
    expiresAt: new Date(Date.now() + runtime.config.oidc.flowTtlMs),
  });
  await sweep(runtime.db);
  return started;
}

/**
 * startOidcLink: a link flow for the signed-in user, opened by a one-time ticket in the start route's URL (the
 * browser goes there without the access token, which must not travel in a URL). The provider is asked first, so a
 * provider that is down is an error here rather than a broken page.
 */
export async function startLink(runtime: Runtime, viewer: { user: UserRow; session: { id: number } }, providerName: string): Promise<{ url: string }> {
  const provider = requireProvider(runtime, providerName);
  await providerConfiguration(runtime, provider);
  const ticket = random();
  await runtime.db.insert(oidcFlows).values({
    // On the clock of users.password_changed_at, which it is compared with (linkStillWanted).
    createdAt: new Date(),
    sessionId: viewer.session.id,
    // Replaced by the real state's hash when the ticket is used; until then no callback can match it.
    stateHash: sha256(`unstarted:${random()}`),
    ticketHash: sha256(ticket),
    provider: provider.name,
    mode: 'link',
    userId: viewer.user.id,
    nonce: openid.randomNonce(),
    codeVerifier: openid.randomPKCECodeVerifier(),
    returnUrl: defaultReturnUrl(runtime),
    expiresAt: new Date(Date.now() + runtime.config.oidc.flowTtlMs),
  });
  return { url: `${startUrl(runtime, provider.name)}?ticket=${ticket}` };
}

/**
 * Whether a link flow may still link: the session that asked for it is live, and the password has not changed since
 * it began (a take-over ends the links, and must end the links still on their way too).
 */
async function linkStillWanted(db: DbOrTx, flow: OidcFlowRow): Promise<boolean> {
  if (flow.sessionId === null || flow.userId === null) return false;
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, flow.sessionId),
        eq(sessions.userId, flow.userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
        eq(users.isActive, true),
        isNull(users.deletedAt),
        or(isNull(users.passwordChangedAt), lt(users.passwordChangedAt, flow.createdAt)),
      ),
    );
  return row !== undefined;
}

/** POST /auth/oidc/<name>/start?ticket=…: the link flow the ticket names, once; OIDC_STATE_MISMATCH for any other. */
export async function redeemLinkTicket(runtime: Runtime, providerName: string, ticket: string): Promise<StartedFlow> {
  const provider = requireProvider(runtime, providerName);
  if (ticket.length > MAX_CODE_LENGTH) throw stateMismatch();
  const [flow] = await runtime.db
    .select()
    .from(oidcFlows)
    .where(and(eq(oidcFlows.ticketHash, sha256(ticket)), eq(oidcFlows.provider, provider.name), isNull(oidcFlows.usedAt), gt(oidcFlows.expiresAt, new Date())));
  if (!flow || !(await linkStillWanted(runtime.db, flow))) throw stateMismatch();
  const config = await providerConfiguration(runtime, provider);
  const started = await authorizationRequest(runtime, provider, config, flow.nonce, flow.codeVerifier);
  const [result] = await runtime.db
    .update(oidcFlows)
    .set({ stateHash: sha256(started.state), ticketHash: null })
    .where(and(eq(oidcFlows.id, flow.id), eq(oidcFlows.ticketHash, sha256(ticket))));
  if (result.affectedRows !== 1) throw stateMismatch();
  return started;
}

const stateMismatch = () => oidcError('OIDC_STATE_MISMATCH', 'This sign-in was not started in this browser, was already finished, or took too long; start again');

// ---------------------------------------------------------------------------------------------- the callback

export interface CallbackOutcome {
  /** Where to send the browser: the flow's return URL with `#oidc_code=…`, `#oidc_linked=…` or `#oidc_error=…`. */
  location: string;
  /** Whether this browser's flow was used up (its cookie can go); a callback that matched none leaves it be. */
  flowEnded: boolean;
}

interface Claims {
  sub: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
  preferredUsername?: string;
}

const withFragment = (url: string, params: Record<string, string>) => `${url.split('#')[0]}#${new URLSearchParams(params)}`;

/**
 * GET /auth/oidc/<name>/callback: the provider's answer. The flow is found by its state, must be the one this
 * browser started (FLOW_COOKIE) and is used up whatever happens next; openid-client then trades the code (PKCE)
 * and checks the ID token (signature by the provider's JWKS, issuer, audience, expiry, nonce). Every failure ends at
 * the return URL with `#oidc_error=<code>`, never as a session.
 */
export async function finishCallback(runtime: Runtime, providerName: string, query: URLSearchParams, cookieState: string | undefined, client: ClientInfo): Promise<CallbackOutcome> {
  const provider = findProvider(runtime, providerName);
  const fallback = defaultReturnUrl(runtime);
  const fail = (url: string, code: OidcErrorCode, flowEnded = false) => ({ location: withFragment(url, { oidc_error: code }), flowEnded });
  const state = query.get('state') ?? '';
  if (!provider || !state || state.length > MAX_CODE_LENGTH || !cookieState || !sameText(state, cookieState)) return fail(fallback, 'OIDC_STATE_MISMATCH');

  const flow = await runtime.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(oidcFlows)
      .where(and(eq(oidcFlows.stateHash, sha256(state)), eq(oidcFlows.provider, provider.name), isNull(oidcFlows.usedAt), isNull(oidcFlows.ticketHash), gt(oidcFlows.expiresAt, new Date())))
      .for('update');
    if (row) await tx.update(oidcFlows).set({ usedAt: new Date() }).where(eq(oidcFlows.id, row.id));
    return row;
  });
  if (!flow) return fail(fallback, 'OIDC_STATE_MISMATCH');

  try {
    const claims = await exchange(runtime, provider, query, { state, nonce: flow.nonce, codeVerifier: flow.codeVerifier });
    if (flow.mode === 'link') {
      if (!(await linkStillWanted(runtime.db, flow))) throw stateMismatch();
      await linkIdentity(runtime, flow.userId!, provider, claims);
      return { location: withFragment(flow.returnUrl, { oidc_linked: provider.name }), flowEnded: true };
    }
    const user = await signInUser(runtime, provider, claims, client);
    const code = random();
    await runtime.db.insert(oidcSignInCodes).values({
      codeHash: sha256(code),
      userId: user.id,
      provider: provider.name,
      subject: claims.sub,
      expiresAt: new Date(Date.now() + SIGN_IN_CODE_TTL_MS),
    });
    return { location: withFragment(flow.returnUrl, { oidc_code: code }), flowEnded: true };
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith('OIDC_')) return fail(flow.returnUrl, error.code as OidcErrorCode, true);
    throw error;
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The code traded for tokens and the ID token checked, by openid-client; the user's claims, or a typed error. */
async function exchange(runtime: Runtime, provider: OidcProviderConfig, query: URLSearchParams, checks: { state: string; nonce: string; codeVerifier: string }): Promise<Claims> {
  const config = await providerConfiguration(runtime, provider);
  // The URL openid-client reads the answer from: the registered callback with the provider's parameters, so the
  // redirect_uri it sends is exactly the one the flow began with.
  const current = new URL(callbackUrl(runtime, provider.name));
  for (const [key, value] of query) current.searchParams.append(key, value);
  let tokens: Awaited<ReturnType<typeof openid.authorizationCodeGrant>>;
  try {
    tokens = await openid.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw grantError(runtime, provider, error);
  }
  const idClaims = tokens.claims();
  if (!idClaims?.sub) throw oidcError('OIDC_FAILED', `${provider.label} did not say who you are`);
  let merged: Record<string, unknown> = { ...idClaims };
  // Many providers put the profile claims only in userinfo when an access token is issued (OpenID Connect Core
  // 5.4); the ID token's own claims win, and userinfo must name the same subject (openid-client checks).
  if ((idClaims.email === undefined || idClaims.name === undefined) && config.serverMetadata().userinfo_endpoint && tokens.access_token) {
    try {
      const info = await openid.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      merged = { ...info, ...idClaims };
    } catch (error) {
      runtime.log.warn({ err: error, provider: provider.name }, 'OpenID userinfo could not be read; using the ID token alone');
    }
  }
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  return {
    sub: idClaims.sub,
    email: text(merged.email),
    emailVerified: merged.email_verified === true || merged.email_verified === 'true',
    name: text(merged.name),
    preferredUsername: text(merged.preferred_username),
  };
}

/** What a failed code exchange means to the user; the details go to the log only. */
function grantError(runtime: Runtime, provider: OidcProviderConfig, error: unknown): AppError {
  if (error instanceof openid.AuthorizationResponseError) {
    if (error.error === 'access_denied') return oidcError('OIDC_CANCELLED', `Sign-in with ${provider.label} was cancelled`);
    if (error.error === 'temporarily_unavailable' || error.error === 'server_error') {
      return oidcError('OIDC_PROVIDER_UNAVAILABLE', `${provider.label} cannot sign you in right now; try again in a few minutes`);
    }
  }
  const cause = (error as { cause?: unknown }).cause;
  const network = error instanceof TypeError || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) || cause instanceof TypeError;
  runtime.log.warn({ err: error, provider: provider.name }, 'OpenID sign-in failed at the code exchange or ID-token checks');
  if (network) return oidcError('OIDC_PROVIDER_UNAVAILABLE', `${provider.label} cannot be reached right now; try again in a few minutes`);
  return oidcError('OIDC_FAILED', `Sign-in with ${provider.label} could not be completed; start again`);
}

// ---------------------------------------------------------------------------------------- accounts and links

const identityOf = (db: DbOrTx, provider: string, subject: string) =>
  db
    .select()
    .from(userIdentities)
    .where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, subject)))
    .then((rows) => rows[0]);

const identifierFor = (provider: string, subject: string) => `oidc:${provider}:${subject}`.slice(0, 254);

/**
 * The account a provider's user signs in to: the one already linked; else the account with the same email, linked
 * now only when both the provider and the account say the email is verified (else OIDC_EMAIL_IN_USE: the owner must
 * sign in and link it); else a new account made from the claims.
 */
async function signInUser(runtime: Runtime, provider: OidcProviderConfig, claims: Claims, client: ClientInfo): Promise<UserRow> {
  const linked = await identityOf(runtime.db, provider.name, claims.sub);
  if (linked) {
    await runtime.db
      .update(userIdentities)
      .set({ lastUsedAt: new Date(), email: claims.email?.slice(0, 254) ?? linked.email, emailVerified: claims.emailVerified })
      .where(eq(userIdentities.id, linked.id));
    const user = await findUserById(runtime.db, linked.userId);
    if (!user) throw oidcError('OIDC_FAILED', 'The account linked to this sign-in no longer exists');
    return user;
  }
  if (!claims.email) throw oidcError('OIDC_EMAIL_REQUIRED', `${provider.label} did not share your email address; allow it and try again`);
  let email: string;
  try {
    email = normalizeEmail(claims.email);
  } catch {
    throw oidcError('OIDC_EMAIL_REQUIRED', `${provider.label} gave an email address this service cannot use`);
  }
  // Deleted accounts included: their email stays reserved, and must not be linked or re-created.
  const [owner] = await runtime.db.select().from(users).where(eq(users.email, email)).limit(1);
  if (owner) {
    if (!owner.deletedAt && claims.emailVerified && owner.emailVerifiedAt !== null) {
      await insertIdentity(runtime.db, owner.id, provider.name, claims);
      return owner;
    }
    await recordLoginAttempt(runtime.db, {
      identifier: identifierFor(provider.name, claims.sub),
      identifierKey: identifierFor(provider.name, claims.sub),
      userId: owner.deletedAt ? null : owner.id,
      failure: 'OIDC_EMAIL_IN_USE',
      ip: client.ip,
      userAgent: client.userAgent,
    });
    throw oidcError('OIDC_EMAIL_IN_USE', 'An account already uses this email address: sign in to it, then link this provider from your profile');
  }
  return createUser(runtime, provider, claims, email);
}

async function insertIdentity(db: DbOrTx, userId: number, provider: string, claims: Claims): Promise<void> {
  await db.insert(userIdentities).values({
    userId,
    provider,
    subject: claims.sub.slice(0, 255),
    email: claims.email?.slice(0, 254) ?? null,
    emailVerified: claims.emailVerified,
    lastUsedAt: new Date(),
  });
}

/**
 * A username from the provider's name: spaces become "_" (a Thai full name "สมชาย ใจดี" is "สมชาย_ใจดี"), other
 * characters the rules refuse are dropped; then the first word, the email's local part, and "member" in turn when a
 * form breaks a rule (mixed scripts, too short).
 */
export function proposeUsernames(claims: Pick<Claims, 'name' | 'preferredUsername' | 'email'>): Username[] {
  const clean = (raw: string) =>
    raw
      .normalize('NFKC')
      .trim()
      .replace(/\s+/gu, '_')
      .replace(/[^\p{L}\p{M}\p{N}_.-]/gu, '')
      .replace(/^[^\p{L}]+/u, '');
  const candidates = [claims.name, claims.name?.split(/\s+/u)[0], claims.preferredUsername, claims.email?.split('@')[0], 'member']
    .filter((c): c is string => Boolean(c))
    .map((c) => [...clean(c)].slice(0, USERNAME_MAX - 5).join(''));
  const valid: Username[] = [];
  for (const candidate of candidates) {
    try {
      const name = normalizeUsername(candidate.length < 3 ? `${candidate}${'_'.repeat(3 - [...candidate].length)}` : candidate);
      if (!valid.some((v) => v.usernameKey === name.usernameKey)) valid.push(name);
    } catch {
      // This form breaks a rule; the next one may not.
    }
  }
  return valid;
}

/** A free username from the proposals, with a numeric suffix when the name itself is taken. */
async function freeUsername(db: DbOrTx, claims: Claims): Promise<Username> {
  const proposals = proposeUsernames(claims);
  const attempts = proposals.flatMap((p, i) => (i === 0 ? [p.username, `${p.username}_2`, `${p.username}_3`] : [p.username]));
  attempts.push(...Array.from({ length: 5 }, () => `${proposals[0]!.username}_${randomInt(1000, 100_000)}`));
  for (const attempt of attempts) {
    const name = normalizeUsername(attempt);
    try {
      await assertIdentityAvailable(db, { usernameKey: name.usernameKey, usernameSkeleton: name.usernameSkeleton });
      return name;
    } catch (error) {
      if (!isConflictOn(error, 'username')) throw error;
    }
  }
  throw oidcError('OIDC_FAILED', 'No free username could be made from your name; try again');
}

/**
 * A new account with no password and no phone. An email the provider vouches for is the account's, verified; one it
 * does not vouch for reserves nothing: it waits in `pending_email` with a verification link, so a provider account
 * claiming somebody else's address can neither take that address nor stand in the way of its owner.
 */
async function createUser(runtime: Runtime, provider: OidcProviderConfig, claims: Claims, email: string): Promise<UserRow> {
  const roleId = await roleIdByName(runtime.db, DEFAULT_ROLE);
  for (let attempt = 0; ; attempt += 1) {
    const name = await freeUsername(runtime.db, claims);
    try {
      const userId = await runtime.db
        .transaction(async (tx) => {
          const [result] = await tx.insert(users).values({
            username: name.username,
            usernameKey: name.usernameKey,
            usernameSkeleton: name.usernameSkeleton,
            email: claims.emailVerified ? email : null,
            pendingEmail: claims.emailVerified ? null : email,
            passwordHash: null,
            roleId,
            emailVerifiedAt: claims.emailVerified ? new Date() : null,
          });
          await tx.insert(userStatus).values({ userId: result.insertId });
          await insertIdentity(tx, result.insertId, provider.name, claims);
          if (!claims.emailVerified) await enqueueEmailVerification(runtime, tx, { id: result.insertId, username: name.username, locale: null }, email);
          return result.insertId;
        })
        .catch(rethrowIdentityConflict);
      if (!claims.emailVerified) runtime.delivery.kick();
      return (await findUserById(runtime.db, userId))!;
    } catch (error) {
      // Someone took the (vouched-for) email meanwhile: theirs now. The name: pick another.
      if (isConflictOn(error, 'email')) throw oidcError('OIDC_EMAIL_IN_USE', 'An account already uses this email address: sign in to it, then link this provider from your profile');
      if (!isConflictOn(error, 'username') || attempt >= 2) throw error;
    }
  }
}

/** The callback of a link flow: the provider's account joins the user who started it, unless someone else has it. */
async function linkIdentity(runtime: Runtime, userId: number, provider: OidcProviderConfig, claims: Claims): Promise<void> {
  const existing = await identityOf(runtime.db, provider.name, claims.sub);
  if (existing && existing.userId !== userId) throw oidcError('OIDC_ALREADY_LINKED', `This ${provider.label} account is already linked to another account`);
  if (existing) return;
  await writeThenAnnounce(runtime, async (tx, announce) => {
    // One link per provider: a new one replaces the old (the user proved they hold both, the old by its session).
    await tx.delete(userIdentities).where(and(eq(userIdentities.userId, userId), eq(userIdentities.provider, provider.name)));
    await insertIdentity(tx, userId, provider.name, claims);
    announce.userChanged(userId);
  }).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'ER_DUP_ENTRY') throw oidcError('OIDC_ALREADY_LINKED', `This ${provider.label} account is already linked to another account`);
    throw error;
  });
}

// ------------------------------------------------------------------------------------------- completing sign-in

/**
 * completeOidcSignIn: trades the one-time code from the return URL for a session, once and within a minute, through
 * `attempt` like every proof (the provider's assertion itself was checked at the callback) and then the sign-in steps
 * every other way in passes. The sign-in is in the login history as `oidc:<provider>:<sub>`.
 */
export async function completeSignIn(runtime: Runtime, code: string, client: ClientInfo): Promise<SignInResult> {
  const expired = () => oidcError('OIDC_CODE_EXPIRED', 'This sign-in link has expired or was already used; sign in again');
  if (!code || code.length > MAX_CODE_LENGTH) throw expired();
  const [row] = await runtime.db.select().from(oidcSignInCodes).where(eq(oidcSignInCodes.codeHash, sha256(code)));
  const user = row ? await findUserById(runtime.db, row.userId) : undefined;
  const identifier = row ? identifierFor(row.provider, row.subject) : 'oidc';
  const outcome = await attempt(
    runtime,
    { user, identifier, identifierKey: identifier, client, lockout: null, reasons: { success: null, failure: 'OIDC_CODE_EXPIRED', locked: 'OIDC_LOCKED_OUT' } },
    async () => {
      // Used up by whoever marks it first: two trades of one code cannot both get through.
      const [used] = row
        ? await runtime.db
            .update(oidcSignInCodes)
            .set({ usedAt: new Date() })
            .where(and(eq(oidcSignInCodes.id, row.id), isNull(oidcSignInCodes.usedAt), gt(oidcSignInCodes.expiresAt, new Date())))
        : [undefined];
      if (!row || used?.affectedRows !== 1) return { refused: 'OIDC_CODE_EXPIRED', error: expired() };
      // The link it came through may have ended meanwhile (unlinked, or a take-over): then it proves nothing here.
      const link = await identityOf(runtime.db, row.provider, row.subject);
      if (link?.userId !== row.userId) return { refused: 'OIDC_CODE_EXPIRED', error: expired() };
      if (!user?.isActive) return { refused: 'ACCOUNT_DISABLED', error: new AppError('UNAUTHENTICATED', 'This account is disabled', { reason: 'ACCOUNT_DISABLED' }) };
      return user;
    },
  );
  if (!outcome.ok) throw outcome.refusal.error!;
  return signIn(runtime, outcome.value, client, 'oidc');
}

/**
 * Linked provider accounts as a factor (FACTORS): a way in proven at the provider, so it takes no answer here. It
 * skips the password, so it ends when someone takes the account over (a password reset, the address proven at last).
 */
export const oidcFactor: Factor = {
  method: 'OIDC',
  purposes: ['sign_in'],
  lockout: null,
  present: (userId) => sql`EXISTS (SELECT 1 FROM ${userIdentities} WHERE ${userIdentities.userId} = ${userId})`,
  async remove(tx, userId) {
    await tx.delete(userIdentities).where(eq(userIdentities.userId, userId));
  },
  endsWhen: ['password_reset', 'address_proven'],
};

// ------------------------------------------------------------------------------------------------ linked accounts

export async function listLinkedAccounts(db: DbOrTx, userId: number): Promise<UserIdentityRow[]> {
  return db.select().from(userIdentities).where(eq(userIdentities.userId, userId)).orderBy(userIdentities.createdAt, userIdentities.id);
}

/**
 * Removes the link to a provider, unless it is the last way into the account: no password and no other linked
 * provider is CONFLICT (LAST_SIGN_IN_METHOD), so set a password or link another provider first.
 */
export async function unlinkAccount(runtime: Runtime, userId: number, providerName: string): Promise<void> {
  if (providerName.length > 32) throw notFound('Linked account');
  await writeThenAnnounce(runtime, async (tx, announce) => {
    // Locks the user's row: two unlinks at once cannot each see the other's link as the way left in.
    const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).for('update');
    const [link] = await tx.select().from(userIdentities).where(and(eq(userIdentities.userId, userId), eq(userIdentities.provider, providerName)));
    if (!user || !link) throw notFound('Linked account');
    const [others] = await tx.select({ n: count() }).from(userIdentities).where(and(eq(userIdentities.userId, userId), ne(userIdentities.id, link.id)));
    if (user.passwordHash === null && Number(others?.n ?? 0) === 0) {
      throw new AppError('CONFLICT', 'This is the only way to sign in to your account: set a password or link another provider first', {
        reason: 'LAST_SIGN_IN_METHOD',
        field: 'provider',
      });
    }
    await tx.delete(userIdentities).where(eq(userIdentities.id, link.id));
    announce.userChanged(userId);
  });
}

export function providerLabel(runtime: Runtime, name: string): string {
  return findProvider(runtime, name)?.label ?? name;
}
