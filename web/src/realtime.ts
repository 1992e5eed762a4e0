// The live connection: graphql-ws on the same host at /graphql, authenticated in connection_init.
//
// - Network drops and server restarts (1006, 1012, a missed pong…): graphql-ws reconnects on its own, forever,
//   with capped exponential backoff, re-subscribing everything; `onConnected` then lets the page refetch whatever
//   it may have missed while disconnected.
// - 4403 (the session is not valid): graphql-ws would retry it as if access might come back; here it ends the
//   client instead, and one token refresh decides: a refreshed token reconnects, a refused refresh (revoked,
//   disabled account) signs the page out.
// The token is read when each connection opens, so reconnects always use the newest one. An open socket stays bound
// to its session, not to the access token it was opened with, so refreshing the token needs no reconnect.
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from './gql/graphql.js';
import { NetworkError } from './http.js';
import * as session from './session.js';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

const FORBIDDEN = 4403;
const PING_EVERY_MS = 10_000;
const PONG_WITHIN_MS = 5_000;
/** Client-side close code for a socket that stopped answering pings; graphql-ws retries it. */
const PONG_TIMEOUT = 4408;

interface Registration {
  query: string;
  next: (data: unknown) => void;
  stop?: () => void;
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

/** 0.5 s, 1 s, 2 s, 4 s, then every 8 s, each with ±25 % jitter so clients do not reconnect in step. */
function backoff(retries: number): Promise<void> {
  const base = Math.min(500 * 2 ** retries, 8_000);
  return new Promise((resolve) => setTimeout(resolve, base * (0.75 + Math.random() / 2)));
}

export class Realtime {
  private client: Client | undefined;
  private generation = 0;
  private readonly registrations = new Set<Registration>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly connectedListeners = new Set<(wasRetry: boolean) => void>();
  private state: ConnectionState = 'connecting';
  private everConnected = false;
  /** 4403s in a row without a successful connection in between: a second one means the refresh did not help. */
  private forbiddenInARow = 0;

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.state);
    return () => this.stateListeners.delete(listener);
  }

  /** After every (re)connection; `wasRetry` when it follows a drop, so missed events should be refetched. */
  onConnected(listener: (wasRetry: boolean) => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  start(): void {
    this.stop();
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    let activeSocket: WebSocket | undefined;
    let pongTimer: ReturnType<typeof setTimeout> | undefined;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

    this.setState(this.everConnected ? 'reconnecting' : 'connecting');
    this.client = createClient({
      url,
      lazy: false,
      retryAttempts: Infinity,
      retryWait: backoff,
      shouldRetry: (event) => !(isCloseEvent(event) && event.code === FORBIDDEN),
      keepAlive: PING_EVERY_MS,
      connectionParams: async () => {
        // An expired token is refreshed first; if that cannot be done now (offline), the current one is sent and
        // the server's answer decides.
        const tokens = await session.fresh().catch(() => session.current());
        return tokens ? { authorization: `Bearer ${tokens.token}` } : {};
      },
      onNonLazyError: () => undefined,
      on: {
        connecting: (isRetry) => {
          if (current() && isRetry) this.setState('reconnecting');
        },
        connected: (socket, _payload, wasRetry) => {
          if (!current()) return;
          activeSocket = socket as WebSocket;
          this.forbiddenInARow = 0;
          const retry = wasRetry || this.everConnected;
          this.everConnected = true;
          this.setState('connected');
          for (const listener of this.connectedListeners) listener(retry);
        },
        // graphql-ws's keep-alive sends pings but never gives up on a silent peer; a half-open TCP connection
        // (a laptop waking up, a Wi-Fi switch) would otherwise look connected for minutes.
        ping: (received) => {
          if (received) return;
          clearTimeout(pongTimer);
          pongTimer = setTimeout(() => {
            if (activeSocket?.readyState === WebSocket.OPEN) activeSocket.close(PONG_TIMEOUT, 'Pong timeout');
          }, PONG_WITHIN_MS);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
        closed: (event) => {
          clearTimeout(pongTimer);
          activeSocket = undefined;
          if (!current()) return;
          if (isCloseEvent(event) && event.code === FORBIDDEN) void this.recoverFromForbidden(generation);
          else this.setState('reconnecting');
        },
      },
    });
    for (const registration of this.registrations) this.attach(registration);
  }

  private async recoverFromForbidden(generation: number): Promise<void> {
    this.forbiddenInARow += 1;
    this.setState('reconnecting');
    if (this.forbiddenInARow > 1) {
      session.end('revoked');
      return;
    }
    const tokens = session.current();
    if (!tokens) {
      session.end('revoked');
      return;
    }
    for (let attempt = 0; generation === this.generation; attempt += 1) {
      try {
        await session.refresh(tokens);
        if (generation === this.generation) this.start();
        return;
      } catch (error) {
        if (error instanceof session.SignedOutError) return; // session.end() has been called
        if (!(error instanceof NetworkError)) {
          session.end('revoked');
          return;
        }
        await backoff(attempt);
      }
    }
  }

  private attach(registration: Registration): void {
    const client = this.client;
    if (!client) return;
    registration.stop = client.subscribe<unknown>(
      { query: registration.query },
      {
        next: (result) => {
          if (result.data) registration.next(result.data);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }

  /** A subscription that lives as long as the page is signed in, across reconnects and new clients. */
  subscribe<R, V>(document: TypedDocumentString<R, V>, next: (data: R) => void): () => void {
    const registration: Registration = { query: document.toString(), next: next as (data: unknown) => void };
    this.registrations.add(registration);
    this.attach(registration);
    return () => {
      registration.stop?.();
      this.registrations.delete(registration);
    };
  }

  /** Closes the connection; subscriptions stay registered for the next start(). */
  stop(): void {
    this.generation += 1;
    for (const registration of this.registrations) registration.stop = undefined;
    void this.client?.dispose();
    this.client = undefined;
  }

  /** Closes the connection and forgets every subscription (signing out). */
  reset(): void {
    this.stop();
    this.registrations.clear();
    this.everConnected = false;
    this.forbiddenInARow = 0;
    this.state = 'connecting';
  }
}

export const realtime = new Realtime();
