// Caps on realtime connections: sockets per user and per client address, operations per socket (open at once and
// per second), messages per socket. Counted in memory, per instance: a check costs no round trip on connect or on
// each message, and an abuser spread over N instances gets N times the caps, which still bounds what any one
// instance (and the users on it) suffers.
import type { WebSocket } from 'ws';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import { rateLimited } from '../../rate-limit.js';

/**
 * Close codes of sockets refused by a cap. graphql-ws clients retry every 4xxx code except its own protocol errors
 * (4400, 4401, 4406, 4409, 4429, 4500, 4004, 4005), with exponential backoff (1 s, 2 s, 4 s … plus 0.3–3 s, five
 * attempts by default): the right thing here, since these clear when the user's or the address's other sockets
 * close, and a refusal costs the server little.
 */
export const CapCloseCode = {
  /** The user already holds WS_MAX_SOCKETS_PER_USER sockets on this instance. */
  TooManySocketsForUser: 4291,
  /** The client address already holds MAX_CONNECTIONS_PER_IP sockets and streams on this instance. */
  TooManyConnectionsFromAddress: 4292,
  /** The socket sent messages faster than MESSAGES_PER_OPERATION × WS_MAX_OPERATIONS_PER_SECOND. */
  TooManyMessages: 4293,
} as const;

/**
 * Messages a socket may send per allowed operation: a subscribe and its complete, plus room for pings. A socket
 * past this ignores RATE_LIMITED answers, so it is cut off rather than answered message by message.
 */
const MESSAGES_PER_OPERATION = 4;
/** How long a cut-off socket has to receive its close frame before the connection is dropped. */
const CUT_OFF_GRACE_MS = 500;

/** Whether `count` already fills `cap` (0: no cap). */
export function atCap(count: number, cap: number): boolean {
  return cap > 0 && count >= cap;
}

/** How many slots each key holds; a slot is given only under the cap and released once. */
export class Counts<K> {
  private readonly counts = new Map<K, number>();

  constructor(readonly cap: number) {}

  /** A release function for the slot taken, or undefined when `key` is at the cap. */
  acquire(key: K): (() => void) | undefined {
    const count = this.counts.get(key) ?? 0;
    if (atCap(count, this.cap)) return undefined;
    this.counts.set(key, count + 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    };
  }
}

/** A token bucket: `perSecond` on average, in bursts of up to `perSecond` (0: unlimited). */
export class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }

  /** Takes a token: 0 when one was there, else the milliseconds until one will be. */
  take(): number {
    if (this.perSecond <= 0) return 0;
    const now = performance.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return ((1 - this.tokens) * 1000) / this.perSecond;
  }
}

/** Closes a socket with `code` and stops reading it, so nothing more it sends is parsed. */
export function cutOff(socket: WebSocket, code: number, reason: string): void {
  if (socket.readyState !== socket.OPEN) return;
  socket.close(code, reason);
  socket.pause();
  setTimeout(() => socket.terminate(), CUT_OFF_GRACE_MS).unref();
}

/** A socket refused by a cap: the caller closes it with `code`. */
export class SocketRefused extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'SocketRefused';
  }
}

export const tooManySubscriptions = (reason: 'SOCKET' | 'USER' | 'ADDRESS', limit: number) =>
  new AppError(
    'TOO_MANY_SUBSCRIPTIONS',
    reason === 'SOCKET'
      ? `At most ${limit} operations may be open on one socket; complete one first`
      : `At most ${limit} subscriptions may stream at once ${reason === 'USER' ? 'for one user' : 'from one address'}; end one first`,
    { reason, limit },
  );

export class SocketCaps {
  private readonly messagesPerSecond: number;
  private readonly perUser: Counts<number>;

  constructor(
    private readonly caps: Config['realtime'],
    /** Shared with HTTP subscription streams (graphql/stream-caps.ts): one budget per client address. */
    readonly perIp: Counts<string>,
  ) {
    this.messagesPerSecond = caps.operationsPerSecond * MESSAGES_PER_OPERATION;
    this.perUser = new Counts(caps.socketsPerUser);
  }

  /**
   * Runs on a new socket before graphql-ws reads from it: refuses it over the address's cap, and cuts it off once
   * its messages come faster than any client needs (checked before graphql-ws parses each one).
   */
  guard(socket: WebSocket, ip: string | null): void {
    if (ip) {
      const release = this.perIp.acquire(ip);
      if (!release) return cutOff(socket, CapCloseCode.TooManyConnectionsFromAddress, 'Too many connections from this address');
      socket.once('close', release);
    }
    if (this.messagesPerSecond > 0) {
      const messages = new TokenBucket(this.messagesPerSecond);
      socket.on('message', () => {
        if (messages.take() > 0) cutOff(socket, CapCloseCode.TooManyMessages, 'Too many messages');
      });
    }
  }

  /** Takes one of the user's sockets on this instance (give it back with the function returned), or refuses it. */
  takeUserSocket(userId: number): () => void {
    const release = this.perUser.acquire(userId);
    if (!release) throw new SocketRefused(CapCloseCode.TooManySocketsForUser, 'Too many sockets for this user');
    return release;
  }

  /** A new budget of operations per second, one per socket. */
  operationBudget(): TokenBucket {
    return new TokenBucket(this.caps.operationsPerSecond);
  }

  /**
   * Whether a socket may start one more operation, with `open` open including this one; checked before the
   * document is parsed, so a refusal costs next to nothing.
   */
  refuseOperation(budget: TokenBucket, open: number): AppError | undefined {
    const waitMs = budget.take();
    if (waitMs > 0) return rateLimited(waitMs, 'Too many operations on this socket');
    if (atCap(open - 1, this.caps.subscriptionsPerSocket)) return tooManySubscriptions('SOCKET', this.caps.subscriptionsPerSocket);
    return undefined;
  }
}
