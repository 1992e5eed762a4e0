// graphql-ws clients for tests: the same client Apollo's and urql's links use, on a real WebSocket.
import { print, type ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface TestSocket {
  client: Client;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once connection_init was acknowledged; rejects if the socket closed first. */
  connected: Promise<void>;
  dispose(): Promise<void>;
  /** How many times connection_init was acknowledged (more than once: it reconnected). */
  connections(): number;
  /** Whether the socket is open and acknowledged right now. */
  isConnected(): boolean;
}

export interface SocketOptions {
  token?: string;
  /** A WebSocket that never answers pings: a peer whose network died without a goodbye. */
  deaf?: boolean;
  /** Headers of the upgrade request (e.g. a forged X-Forwarded-For). */
  headers?: Record<string, string>;
  /** The local address to connect from (any 127.x.y.z works on loopback), to appear as another client. */
  localAddress?: string;
  /**
   * Reconnect after a drop as the web client does (web/src/realtime.ts): forever, 0.5 s, 1 s, 2 s, 4 s then 8 s
   * apart, ±25 %, re-subscribing every open subscription. Without it the socket stays closed.
   */
  reconnect?: boolean;
}

/** The web client's backoff: the wait before retry `retries` (0-based). */
export function webClientBackoff(retries: number): number {
  return Math.min(500 * 2 ** retries, 8_000) * (0.75 + Math.random() / 2);
}

/** A WebSocket class opened with these options, as graphql-ws's `webSocketImpl` wants a class. */
function webSocketWith(options: WebSocket.ClientOptions) {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, options);
    }
  };
}

export function openSocket(baseUrl: string, options: SocketOptions = {}): TestSocket {
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  let onConnected!: () => void;
  let onFailed!: (error: Error) => void;
  const connected = new Promise<void>((resolve, reject) => {
    onConnected = resolve;
    onFailed = reject;
  });
  connected.catch(() => undefined);
  let connections = 0;
  let open = false;
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: webSocketWith({ autoPong: !options.deaf, headers: options.headers, localAddress: options.localAddress }),
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : undefined,
    lazy: false,
    retryAttempts: options.reconnect ? Infinity : 0,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, webClientBackoff(retries))),
    shouldRetry: () => options.reconnect === true,
    // The client's own protocol-level pings would mask a dead socket; the server's ws pings are what is tested.
    keepAlive: 0,
    onNonLazyError: () => undefined,
    on: {
      connected: () => {
        connections += 1;
        open = true;
        onConnected();
      },
      closed: (event) => {
        open = false;
        const { code, reason } = event as { code: number; reason: string };
        onFailed(new Error(`socket closed with ${code} ${reason}`));
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  return { client, closed, connected, dispose: () => client.dispose() as Promise<void>, connections: () => connections, isConnected: () => open };
}

export interface TestSubscription<TData> {
  /** The next event, or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ExecutionResult<TData>>;
  /** Every event that arrives within `ms` (for asserting that nothing, or nothing more, arrives). */
  collect(ms: number): Promise<ExecutionResult<TData>[]>;
  /** Settles when the server ended the subscription (with an error or completion). */
  ended: Promise<{ error?: unknown }>;
  unsubscribe(): void;
}

/** How long a subscription is given to be registered on the server before the test acts. */
export const SUBSCRIBE_SETTLE_MS = 250;

export async function subscribe<TData, TVars extends Record<string, unknown>>(
  socket: TestSocket,
  document: TypedDocumentNode<TData, TVars>,
  variables?: TVars,
): Promise<TestSubscription<TData>> {
  const queue: ExecutionResult<TData>[] = [];
  const waiters: ((value: ExecutionResult<TData>) => void)[] = [];
  let onEnded!: (value: { error?: unknown }) => void;
  const ended = new Promise<{ error?: unknown }>((resolve) => (onEnded = resolve));
  const unsubscribe = socket.client.subscribe<TData>(
    { query: print(document), variables },
    {
      next: (value) => {
        const waiter = waiters.shift();
        if (waiter) waiter(value as ExecutionResult<TData>);
        else queue.push(value as ExecutionResult<TData>);
      },
      error: (error) => onEnded({ error }),
      complete: () => onEnded({}),
    },
  );
  await new Promise((r) => setTimeout(r, SUBSCRIBE_SETTLE_MS));
  return {
    ended,
    unsubscribe,
    next: (timeoutMs = 3000) => {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no event within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = (value: ExecutionResult<TData>) => {
          clearTimeout(timer);
          resolve(value);
        };
        waiters.push(waiter);
      });
    },
    collect: async (ms) => {
      await new Promise((r) => setTimeout(r, ms));
      return queue.splice(0);
    },
  };
}

/** Runs a query or mutation over the socket and resolves with its one result (errors included, as over HTTP). */
export function execute<TData, TVars extends Record<string, unknown>>(
  socket: TestSocket,
  document: TypedDocumentNode<TData, TVars>,
  variables?: TVars,
): Promise<ExecutionResult<TData>> {
  return new Promise((resolve, reject) => {
    let result: ExecutionResult<TData> | undefined;
    socket.client.subscribe<TData>(
      { query: print(document), variables },
      {
        next: (value) => (result = value as ExecutionResult<TData>),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error instanceof Error ? error : new Error(String(error)))),
        complete: () => (result ? resolve(result) : reject(new Error('completed without a result'))),
      },
    );
  });
}
