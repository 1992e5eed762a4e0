// The sign-in: access and refresh tokens in localStorage, shared by every tab of the site. Access tokens live 15
// minutes and each refresh token works once (a second use signs the session out everywhere), so refreshes are
// serialized across tabs with the Web Locks API, and whoever gets the lock first re-reads storage: if another tab
// has refreshed meanwhile, its tokens are used instead of spending the old refresh token again.
import { RefreshToken } from './operations.js';
import { ApiError, postGraphQL } from './http.js';

export interface Tokens {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  userId: string;
}

interface AuthPayload {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string };
}

/** Why the page went back to the sign-in form. */
export type EndReason = 'signedOut' | 'revoked';

/** Thrown to callers that needed a token when there is no sign-in any more. */
export class SignedOutError extends Error {
  constructor() {
    super('Signed out');
    this.name = 'SignedOutError';
  }
}

const STORAGE_KEY = 'membership.session';
const LOCK_NAME = 'membership.refresh';
/** Refresh this long before the access token expires (background tabs' timers may run a minute late). */
const REFRESH_MARGIN_MS = 90_000;
/** A token with less left than this is not sent; it is refreshed first. */
const MIN_VALIDITY_MS = 15_000;

function read(): Tokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Tokens>;
    if (typeof value.token !== 'string' || typeof value.refreshToken !== 'string' || typeof value.userId !== 'string') return null;
    return value as Tokens;
  } catch {
    return null;
  }
}

function write(tokens: Tokens): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  schedule();
}

function fromPayload(payload: AuthPayload): Tokens {
  const { token, expiresAt, refreshToken, refreshTokenExpiresAt, user } = payload;
  return { token, expiresAt, refreshToken, refreshTokenExpiresAt, userId: user.id };
}

const endListeners = new Set<(reason: EndReason) => void>();
const startListeners = new Set<() => void>();

/** Called when this or another tab signs out, or the server ends the session (revoked, disabled, expired). */
export function onEnd(listener: (reason: EndReason) => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

/** Called when another tab signs in while this one shows the sign-in form. */
export function onStartElsewhere(listener: () => void): () => void {
  startListeners.add(listener);
  return () => startListeners.delete(listener);
}

export function current(): Tokens | null {
  return read();
}

export function begin(payload: AuthPayload): void {
  write(fromPayload(payload));
}

/** Forgets the sign-in (in every tab) and tells the page; listeners must cope with hearing it more than once. */
export function end(reason: EndReason): void {
  localStorage.removeItem(STORAGE_KEY);
  clearTimeout(timer);
  for (const listener of endListeners) listener(reason);
}

function msLeft(tokens: Tokens): number {
  return Date.parse(tokens.expiresAt) - Date.now();
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
    const latest = read();
    if (!latest || latest.userId !== stale.userId) throw new SignedOutError();
    if (latest.refreshToken !== stale.refreshToken) return latest;
    try {
      const data = await postGraphQL(RefreshToken, { input: { refreshToken: latest.refreshToken } });
      const next = fromPayload(data.refreshToken);
      write(next);
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
  const tokens = read();
  if (!tokens) throw new SignedOutError();
  if (msLeft(tokens) > MIN_VALIDITY_MS) return tokens;
  return refresh(tokens);
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Refreshes ahead of expiry, so requests and reconnects rarely meet an expired token. */
function schedule(): void {
  clearTimeout(timer);
  const tokens = read();
  if (!tokens) return;
  // A little jitter so several tabs do not all queue on the lock at the same instant.
  const wait = Math.max(msLeft(tokens) - REFRESH_MARGIN_MS - Math.random() * 10_000, 1_000);
  timer = setTimeout(() => {
    const now = read();
    if (!now) return;
    if (msLeft(now) > REFRESH_MARGIN_MS) schedule();
    else refresh(now).catch(() => setTimeout(schedule, 10_000));
  }, Math.min(wait, 2 ** 31 - 1));
}

window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY && event.key !== null) return;
  if (!event.newValue) {
    clearTimeout(timer);
    for (const listener of endListeners) listener('signedOut');
    return;
  }
  schedule();
  if (!event.oldValue) for (const listener of startListeners) listener();
});

/** A page left in the background may have slept past its timer. */
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') schedule();
});

schedule();
