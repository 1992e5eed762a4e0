// Who is calling: resolved lazily from the bearer token, at most once per request or socket.
import { mfaEnrollmentRequired, unauthenticated } from '../../errors.js';
import type { SessionRow, UserRow } from '../../db/schema.js';
import type { Runtime } from '../../runtime.js';
import { permissionNamesOfUser, roleIdOfUser } from '../roles/service.js';
import { sessionEndError } from './session-watch.js';
import { checkSession, touchSession } from './sessions.js';
import { bearerToken, knownAccessToken, verifyAccessToken } from './tokens.js';

export interface Viewer {
  user: UserRow;
  session: SessionRow;
  /**
   * The caller's permissions, read once per request (by user, not by the role in `user`, which may be a cached or
   * socket-long copy) so a role change takes effect on the next one.
   */
  permissions(): Promise<ReadonlySet<string>>;
}

/**
 * A class rather than an object with a closure: an authenticated socket holds two viewers for as long as it is open,
 * and a closure made by code that tsx compiles carries its `name` in a property array of its own (esbuild's
 * keepNames), ~370 bytes per viewer (see bench/NOTES.md).
 */
class SessionViewer implements Viewer {
  private permissionNames: Promise<Set<string>> | undefined;

  constructor(
    private readonly runtime: Runtime,
    readonly user: UserRow,
    readonly session: SessionRow,
  ) {}

  permissions(): Promise<Set<string>> {
    return (this.permissionNames ??= permissionNamesOfUser(this.runtime.db, this.user.id));
  }
}

function makeViewer(runtime: Runtime, user: UserRow, session: SessionRow): Viewer {
  return new SessionViewer(runtime, user, session);
}

function touch(runtime: Runtime, session: SessionRow): void {
  touchSession(runtime.db, session).catch((error: unknown) => runtime.log.warn({ err: error }, 'Could not update session last_used_at'));
}

/** Resolves a token to a live viewer or throws UNAUTHENTICATED with a `reason` a client can switch on. */
export async function viewerFromToken(runtime: Runtime, token: string): Promise<Viewer> {
  const claims = await verifyAccessToken(runtime.config, token);
  const check = await runtime.sessionCache.check(claims.sessionId, claims.userId, () => checkSession(runtime.db, claims.sessionId, claims.userId));
  if (!check.ok) throw sessionEndError({ reason: check.reason });
  touch(runtime, check.session);
  return makeViewer(runtime, check.user, check.session);
}

/**
 * The viewer of a token verified before whose session the cache remembers, found without waiting; undefined when
 * it must be resolved (and may fail) the slow way. A request whose caller is known at once runs without awaiting
 * anything, which in GraphQL Yoga means without promises: far less work and garbage per request.
 */
function knownViewer(runtime: Runtime, token: string): Viewer | undefined {
  const claims = knownAccessToken(runtime.config, token);
  const known = claims && runtime.sessionCache.peek(claims.sessionId, claims.userId);
  if (!known) return undefined;
  touch(runtime, known.session);
  return makeViewer(runtime, known.user, known.session);
}

export class AuthState {
  /**
   * For an operation on an authenticated (or anonymous) socket: the socket's session was checked when it connected
   * and the socket is closed when that session dies; permissions are read afresh for each operation.
   */
  static forSocket(runtime: Runtime, viewer: Viewer | undefined): AuthState {
    const state = new AuthState(runtime, undefined);
    const fresh = viewer ? makeViewer(runtime, viewer.user, viewer.session) : null;
    state.current = fresh;
    state.pending = Promise.resolve(fresh);
    return state;
  }

  /** The resolved viewer: undefined until resolved (or when resolving failed), null when anonymous. */
  current: Viewer | null | undefined;
  private pending: Promise<Viewer | null> | undefined;
  /** The user this very request signed in (login, register), who may see their own private fields in the payload. */
  private signedInUserId: number | undefined;

  constructor(
    private readonly runtime: Runtime,
    private readonly authorization: string | null | undefined,
  ) {
    if (!authorization) {
      this.current = null;
      return;
    }
    const token = bearerToken(authorization);
    const viewer = token === undefined ? undefined : knownViewer(runtime, token);
    if (viewer) {
      this.current = viewer;
      this.pending = Promise.resolve(viewer);
    }
  }

  /** The caller, or null when no credentials were sent. Bad credentials reject with UNAUTHENTICATED. */
  viewer(): Promise<Viewer | null> {
    this.pending ??= this.resolve();
    return this.pending;
  }

  signedIn(userId: number): void {
    this.signedInUserId = userId;
  }

  private callerRoleId: Promise<number | undefined> | undefined;

  /** Whether the caller (by token, or signed in by this request) holds the role `roleId` now: read once per request. */
  async holdsRole(roleId: number): Promise<boolean> {
    const userId = this.current?.user.id ?? this.signedInUserId;
    if (userId === undefined) return false;
    this.callerRoleId ??= roleIdOfUser(this.runtime.db, userId);
    return (await this.callerRoleId) === roleId;
  }

  /** Whether `userId` is the caller (by token, or signed in by this request). */
  isSelf(userId: number): boolean {
    return this.current?.user.id === userId || this.signedInUserId === userId;
  }

  /** The signed-in caller with a full session; FORBIDDEN (MFA_ENROLLMENT_REQUIRED) for an enrollment-only one. */
  async require(): Promise<Viewer> {
    const viewer = await this.requireEnrolling();
    if (viewer.session.enrollmentOnly) throw mfaEnrollmentRequired();
    return viewer;
  }

  /** The signed-in caller, even with a session limited to enrolling a second factor (`me`, enrollment, sign-out). */
  async requireEnrolling(): Promise<Viewer> {
    const viewer = await this.viewer();
    if (!viewer) throw unauthenticated();
    return viewer;
  }

  private async resolve(): Promise<Viewer | null> {
    if (!this.authorization) {
      this.current = null;
      return null;
    }
    const token = bearerToken(this.authorization);
    if (!token) throw unauthenticated('The authorization header must be "Bearer <token>"', 'INVALID_TOKEN');
    const viewer = await viewerFromToken(this.runtime, token);
    this.current = viewer;
    return viewer;
  }
}
