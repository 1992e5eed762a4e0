// Thousands of WebSocket clients from one process: graphql-ws protocol clients for the service (the same
// graphql-transport-ws messages graphql-ws's createClient sends, without its per-client machinery, so the load
// generator's own cost stays small and the same for the service and the raw ws baseline), and plain receivers
// for the baseline. Every client records when each broadcast reached it.
import WebSocket from 'ws';
import { sleep } from './part.js';

export interface Receiver {
  socket: WebSocket;
  /** Arrival times (performance.now()) by broadcast sequence number. */
  arrivals: Map<number, number>;
  closed: boolean;
  closeCode?: number;
}

/** Finds the sequence number of a benchmark broadcast ("bench:<seq>:") in a message without parsing its JSON. */
function sequenceOf(data: Buffer): number | undefined {
  const at = data.indexOf('bench:');
  if (at < 0) return undefined;
  let seq = 0;
  let i = at + 6;
  for (; i < data.length && data[i]! >= 48 && data[i]! <= 57; i += 1) seq = seq * 10 + data[i]! - 48;
  return i > at + 6 ? seq : undefined;
}

interface OpenOptions {
  url: string;
  /** For the service: sent in connection_init; the client then subscribes with `query`. */
  graphql?: { token: string; query: string };
  /** Called when a broadcast arrives (with the time it arrived). */
  onBroadcast?: (seq: number, at: number) => void;
}

function open({ url, graphql, onBroadcast }: OpenOptions): Promise<Receiver> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, graphql ? 'graphql-transport-ws' : undefined, { perMessageDeflate: false });
    const receiver: Receiver = { socket, arrivals: new Map(), closed: false };
    let settled = false;
    const fail = (error: Error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    };
    socket.on('error', fail);
    socket.on('close', (code) => {
      receiver.closed = true;
      receiver.closeCode = code;
      fail(new Error(`socket closed with ${code} while opening`));
    });
    socket.on('open', () => {
      if (!graphql) {
        settled = true;
        resolve(receiver);
        return;
      }
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${graphql.token}` } }));
    });
    socket.on('message', (data: Buffer) => {
      const at = performance.now();
      const seq = sequenceOf(data);
      if (seq !== undefined) {
        receiver.arrivals.set(seq, at);
        onBroadcast?.(seq, at);
        return;
      }
      if (!graphql) return;
      const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: graphql.query } }));
        settled = true;
        resolve(receiver);
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (message.type === 'error') {
        fail(new Error(`subscription refused: ${JSON.stringify(message.payload)}`));
      }
    });
  });
}

/**
 * Opens `count` clients, `concurrency` handshakes at a time (a burst of thousands of SYNs overflows the listen
 * backlog and costs seconds of retransmission), and resolves when all are open (for the service: acknowledged
 * and subscribed).
 */
export async function openMany(count: number, options: (i: number) => OpenOptions, concurrency = 100): Promise<Receiver[]> {
  const receivers: Receiver[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        let attempt = 0;
        for (;;) {
          try {
            receivers[i] = await open(options(i));
            break;
          } catch (error) {
            if (++attempt >= 3) throw error;
            await sleep(200 * attempt);
          }
        }
      }
    }),
  );
  return receivers;
}

export async function closeAll(receivers: Receiver[]): Promise<void> {
  await Promise.all(
    receivers.map(
      (r) =>
        new Promise<void>((resolve) => {
          if (!r || r.closed || r.socket.readyState === WebSocket.CLOSED) return resolve();
          r.socket.once('close', () => resolve());
          r.socket.terminate();
        }),
    ),
  );
}

/** Counts arrivals per broadcast, so waiting for "every client has it" costs nothing per check. */
export class Tally {
  private readonly counts = new Map<number, number>();
  private readonly waiters = new Map<number, { need: number; resolve: (complete: boolean) => void }>();

  readonly record = (seq: number): void => {
    const n = (this.counts.get(seq) ?? 0) + 1;
    this.counts.set(seq, n);
    const waiter = this.waiters.get(seq);
    if (waiter && n >= waiter.need) {
      this.waiters.delete(seq);
      waiter.resolve(true);
    }
  };

  /** Resolves true once `need` clients have broadcast `seq`, false after `timeoutMs`. */
  waitFor(seq: number, need: number, timeoutMs: number): Promise<boolean> {
    if ((this.counts.get(seq) ?? 0) >= need) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(seq);
        resolve(false);
      }, timeoutMs);
      this.waiters.set(seq, {
        need,
        resolve: (complete) => {
          clearTimeout(timer);
          resolve(complete);
        },
      });
    });
  }
}
