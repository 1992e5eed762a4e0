// The sign-in: access and refresh tokens, shared by every tab of the site. Access tokens live 15 minutes and each
// refresh token works once (a second use signs the session out everywhere), so refreshes are serialized across tabs
// with the Web Locks API, and whoever gets the lock re-reads the stored tokens first: if another tab has refreshed
// meanwhile, its tokens are used instead of spending the old refresh token again. The stored copy (token-store.ts)
// is the truth; each tab keeps a mirror in memory, and tabs tell each other of changes on a BroadcastChannel.
import type { WebSessionFragment } from './gql/graphql.js';
import { RefreshToken } from './operations.js';
import { ApiError, postGraphQL } from './http.js';
import * as store from './token-store.js';

export interface Tokens {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  userId: string;
  /** When the token was received (Date.now()), to know its lifetime without trusting the clocks to agree. */
  receivedAt: number;
}

/** Why the page went back to the sign-in form. */
export type EndReason = 'signedOut' | 'revoked';

type TabMessage = { type: 'signedIn' } | { type: 'refreshed' } | { type: 'ended'; reason: EndReason };

/** Thrown to callers that needed a token when there is no sign-in any more. */
export class SignedOutError extends Error {
  constructor() {
    super('Signed out');
    this.name = 'SignedOutError';
  }
}

const LOCK_NAME = 'membership.refresh';
/**
 * Refresh this long before the access token expires: a minute and a half for the usual 15-minute token (background
 * tabs' timers may run a minute late), a third of the lifetime for short ones.
 */
const REFRESH_MARGIN_MS = 90_000;
/** A token with less left than this is not sent; it is refreshed first. */
const MIN_VALIDITY_MS = 3_000;

let mirror: Tokens | null = null;
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('membership.session');
const endListeners = new Set<(reason: EndReason) => void>();
const startListeners = new Set<() => void>();

function tell(message: TabMessage): void {
  channel?.postMessage(message);
}

function isTokens(value: unknown): value is Tokens {
  const v = value as Partial<Tokens> | null;
  return typeof v?.token === 'string' && typeof v.refreshToken === 'string' && typeof v.userId === 'string' && typeof v.expiresAt === 'string';
}

async function read(): Promise<Tokens | null> {
  const value = await store.load<Tokens>();
  mirror = isTokens(value) ? value : null;
  return mirror;
}

async function write(tokens: Tokens | null): Promise<void> {
  mirror = tokens;
  await store.save(tokens);
  schedule();
}

function fromPayload(payload: WebSessionFragment): Tokens {
  const { token, expiresAt, refreshToken, refreshTokenExpiresAt, user } = payload;
  return { token, expiresAt, refreshToken, refreshTokenExpiresAt, userId: user.id, receivedAt: Date.now() };
}

/** Reads the stored sign-in; call once before anything else. */
export async function init(): Promise<Tokens | null> {
  const tokens = await read();
  schedule();
  return tokens;
}

/** Called when this or another tab signs out, or the server ends the session (revoked, disabled, expired). */
export function onEnd(listener: (reason: EndReason) => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

/** Called when another tab signs in. */
export function onStartElsewhere(listener: () => void): () => void {
  startListeners.add(listener);
  return () => startListeners.delete(listener);
}

/** This tab's latest knowledge of the sign-in (refreshes by other tabs arrive a moment later). */
export function current(): Tokens | null {
  return mirror;
}

export async function begin(payload: WebSessionFragment): Promise<void> {
  await write(fromPayload(payload));
  tell({ type: 'signedIn' });
}

/** Where this tab keeps the impersonator's own sign-in while it acts as someone else (this tab only). */
const IMPERSONATOR_KEY = 'membership.impersonator';

/** Switches to an impersonation session, keeping the current sign-in to come back to on "Stop". */
export async function beginImpersonation(payload: WebSessionFragment): Promise<void> {
  if (mirror) sessionStorage.setItem(IMPERSONATOR_KEY, JSON.stringify(mirror));
  await begin(payload);
}

/** Back to the impersonator's own sign-in; false when this tab did not keep it (then the page signs out). */
export async function endImpersonation(): Promise<boolean> {
  const saved = sessionStorage.getItem(IMPERSONATOR_KEY);
  sessionStorage.removeItem(IMPERSONATOR_KEY);
  let tokens: unknown = null;
  try {
    tokens = saved ? JSON.parse(saved) : null;
  } catch {
    tokens = null;
  }
  if (!isTokens(tokens)) return false;
  await write(tokens);
  tell({ type: 'signedIn' });
  return true;
}

/** Forgets the sign-in (in every tab) and tells the page; listeners must cope with hearing it more than once. */
export function end(reason: EndReason): void {
  void write(null).catch(() => undefined);
  tell({ type: 'ended', reason });
  for (const listener of endListeners) listener(reason);
}

function msLeft(tokens: Tokens): number {
  return Date.parse(tokens.expiresAt) - Date.now();
}

function margin(tokens: Tokens): number {
  const lifetime = Date.parse(tokens.expiresAt) - (tokens.receivedAt || Date.now());
  return Math.min(REFRESH_MARGIN_MS, Math.max(lifetime, 0) / 3);
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  // Web Locks exist in every current browser, but only in secure contexts (https, or http on localhost). Elsewhere
  // two tabs might refresh at once; the re-read below still avoids most of it.
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request(LOCK_NAME, work);
  return work();
}

let inFlight: Promise<Tokens> | null = null;

/**
 * New tokens for a sign-in whose access token is `stale` (about to expire, or refused). Within a tab concurrent
 * callers share one refresh; across tabs the lock orders them and later ones pick up the first one's result.
 */
export function refresh(stale: Tokens): Promise<Tokens> {
  inFlight ??= withLock(async () => {
    const latest = await read();
    if (!latest || latest.userId !== stale.userId) throw new SignedOutError();
    if (latest.refreshToken !== stale.refreshToken) return latest;
    try {
      const data = await postGraphQL(RefreshToken, { input: { refreshToken: latest.refreshToken } });
      const next = fromPayload(data.refreshToken);
      // Stored (committed) before the lock is let go: the next holder reads it.
      await write(next);
      tell({ type: 'refreshed' });
      return next;
    } catch (error) {
      // Revoked, reused, expired or a disabled account: the sign-in is over. Anything else (offline, rate
      // limited) may pass; the caller retries later with the same, still unused, refresh token.
      if (error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'BAD_USER_INPUT')) {
        end('revoked');
        throw new SignedOutError();
      }
      throw error;
    }
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** Tokens whose access token is good for a while yet, refreshing first when needed. */
export async function fresh(): Promise<Tokens> {
  const tokens = mirror;
  if (!tokens) throw new SignedOutError();
  if (msLeft(tokens) > MIN_VALIDITY_MS) return tokens;
  return refresh(tokens);
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Refreshes ahead of expiry, so requests and reconnects rarely meet an expired token. */
function schedule(): void {
  clearTimeout(timer);
  const tokens = mirror;
  if (!tokens) return;
  // A little jitter so several tabs do not all queue on the lock at the same instant.
  const wait = Math.max(msLeft(tokens) - margin(tokens) * (1 + Math.random() / 8), 1_000);
  timer = setTimeout(() => {
    const now = mirror;
    if (!now) return;
    if (msLeft(now) > margin(now) * 1.2) schedule();
    else refresh(now).catch(() => setTimeout(schedule, 5_000));
  }, Math.min(wait, 2 ** 31 - 1));
}

channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => {
  const message = event.data;
  if (message.type === 'ended') {
    mirror = null;
    clearTimeout(timer);
    for (const listener of endListeners) listener(message.reason);
    return;
  }
  void read().then((tokens) => {
    schedule();
    if (message.type === 'signedIn' && tokens) for (const listener of startListeners) listener();
  });
});

/** A page left in the background may have slept past its timer. */
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void read().then(schedule);
});
