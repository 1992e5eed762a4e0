// Ends whatever lives as long as a session (a socket, a subscription streamed over HTTP) when that session ends:
// revoked (the sessionsRevoked event, heard by every instance over Redis) or expired (re-read at its expiry, since a
// refresh extends it). Every transport that carries a subscription uses this one watcher, so none can outlive a
// session the others would close.
//
// The rule for long-lived streams, the same on every transport: a stream is bound to the session it was opened
// with, not to the access token it was opened with. The token must be good when the stream opens; after that the
// stream lives exactly as long as the session (revocation, a disabled or deleted account, or expiry end it within
// a second), even past the token's `exp`. The access token's short life bounds how long a copied token can be
// replayed without the session being read; a stream is checked against its session continuously instead, which
// is the stronger check, and making it reconnect every ACCESS_TOKEN_TTL would only add load and gaps.
import { AppError } from '../../errors.js';
import type { SessionsRevokedEvent } from '../../events.js';
import type { Runtime } from '../../runtime.js';
import { checkSession, type SessionCheck } from './sessions.js';

export type SessionEndReason = Extract<SessionCheck, { ok: false }>['reason'];

export interface SessionEnd {
  reason: SessionEndReason;
  /** Why it was revoked, when it was: logout, password_changed, refresh_token_reused, account_disabled, … */
  cause?: string;
}

/** The session a stream is bound to. */
export interface WatchedSession {
  id: number;
  jti: string;
  userId: number;
  expiresAt: Date;
}

interface Watch {
  session: WatchedSession;
  onEnd: (end: SessionEnd) => void;
  timer?: NodeJS.Timeout;
  ended: boolean;
}

/** setTimeout's limit; sessions longer than this are re-read when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How soon a session read that failed (database hiccup) is tried again. */
const RECHECK_MS = 5000;
/**
 * A stream's session was checked (possibly from the session cache) a moment before the stream is watched; a
 * revocation heard in between would be missed. So a user revoked within this window has new watches re-read from
 * the database. Generous: it costs one query per stream opened by a user whose sessions were revoked lately.
 */
const RECENT_REVOCATION_MS = 60_000;

const MESSAGES: Record<SessionEndReason, string> = {
  SESSION_NOT_FOUND: 'Invalid token',
  SESSION_REVOKED: 'This session has been signed out; sign in again',
  SESSION_EXPIRED: 'Your session has expired; sign in again',
  ACCOUNT_DISABLED: 'This account is disabled',
};

/** UNAUTHENTICATED with the `reason` a client switches on (the same reasons a request with a dead token gets). */
export function sessionEndError(end: SessionEnd): AppError {
  return new AppError('UNAUTHENTICATED', MESSAGES[end.reason], end.cause ? { reason: end.reason, cause: end.cause } : { reason: end.reason });
}

function endOfRevocation(event: SessionsRevokedEvent): SessionEnd {
  const accountGone = event.reason === 'account_disabled' || event.reason === 'account_deleted';
  return { reason: accountGone ? 'ACCOUNT_DISABLED' : 'SESSION_REVOKED', cause: event.reason };
}

function names(event: SessionsRevokedEvent, sessionId: number): boolean {
  if (event.sessionIds && !event.sessionIds.includes(sessionId)) return false;
  return !event.exceptSessionIds?.includes(sessionId);
}

export class SessionWatcher {
  private readonly byUser = new Map<number, Set<Watch>>();
  /** When each user's sessions were last revoked, oldest first (entries are re-inserted when refreshed). */
  private readonly revokedAt = new Map<number, number>();
  private readonly revocations: AsyncIterableIterator<SessionsRevokedEvent>;

  constructor(private readonly runtime: Pick<Runtime, 'db' | 'events' | 'log'>) {
    const revocations = runtime.events.subscribe('sessionsRevoked');
    this.revocations = revocations;
    void (async () => {
      for await (const event of revocations) this.revoked(event);
    })().catch((error: unknown) => runtime.log.error({ err: error }, 'Stopped listening for session revocations'));
  }

  /**
   * Calls `onEnd` once, when the session ends; returns a function that stops watching (call it when the stream
   * ends for any other reason).
   */
  watch(session: WatchedSession, onEnd: (end: SessionEnd) => void): () => void {
    const watch: Watch = { session, onEnd, ended: false };
    let set = this.byUser.get(session.userId);
    if (!set) this.byUser.set(session.userId, (set = new Set()));
    set.add(watch);
    const revoked = this.revokedAt.get(session.userId);
    if (revoked !== undefined && Date.now() - revoked < RECENT_REVOCATION_MS) this.recheck(watch);
    else this.schedule(watch, session.expiresAt);
    return () => this.unwatch(watch);
  }

  /** How many streams are bound to a session on this instance. */
  get size(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  async close(): Promise<void> {
    await this.revocations.return?.();
    for (const set of this.byUser.values()) for (const watch of set) clearTimeout(watch.timer);
    this.byUser.clear();
  }

  private revoked(event: SessionsRevokedEvent): void {
    const now = Date.now();
    this.revokedAt.delete(event.userId);
    this.revokedAt.set(event.userId, now);
    for (const [userId, at] of this.revokedAt) {
      if (now - at < RECENT_REVOCATION_MS) break;
      this.revokedAt.delete(userId);
    }
    const end = endOfRevocation(event);
    for (const watch of [...(this.byUser.get(event.userId) ?? [])]) {
      if (names(event, watch.session.id)) this.end(watch, end);
    }
  }

  private schedule(watch: Watch, at: Date): void {
    clearTimeout(watch.timer);
    watch.timer = setTimeout(() => this.recheck(watch), Math.min(Math.max(at.getTime() - Date.now(), 0), MAX_TIMER_MS));
    watch.timer.unref();
  }

  /** Reads the session again: ends the watch if the session is over, else waits for its (maybe extended) expiry. */
  private recheck(watch: Watch): void {
    checkSession(this.runtime.db, watch.session.jti, watch.session.userId).then(
      (check) => {
        if (watch.ended) return;
        if (check.ok) this.schedule(watch, check.session.expiresAt);
        else this.end(watch, { reason: check.reason });
      },
      (error: unknown) => {
        this.runtime.log.warn({ err: error }, 'Could not re-read a watched session; trying again shortly');
        if (!watch.ended) this.schedule(watch, new Date(Date.now() + RECHECK_MS));
      },
    );
  }

  private end(watch: Watch, end: SessionEnd): void {
    if (watch.ended) return;
    this.unwatch(watch);
    try {
      watch.onEnd(end);
    } catch (error) {
      this.runtime.log.error({ err: error }, 'Ending a stream of an ended session failed');
    }
  }

  private unwatch(watch: Watch): void {
    watch.ended = true;
    clearTimeout(watch.timer);
    const set = this.byUser.get(watch.session.userId);
    set?.delete(watch);
    if (set?.size === 0) this.byUser.delete(watch.session.userId);
  }
}
