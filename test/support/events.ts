// Listening to the service's event bus from a test, the way the realtime module does in-process.
import type { EventMap } from '../../src/events.js';
import type { TestServer } from './server.js';

export interface EventWatch<K extends keyof EventMap> {
  /** Every event of this kind published since the watch began. */
  readonly seen: EventMap[K][0][];
  stop(): void;
}

/** Starts listening at once (before the action under test), and collects what is published. */
export function watchEvents<K extends keyof EventMap>(server: TestServer, name: K): EventWatch<K> {
  const seen: EventMap[K][0][] = [];
  // The pub/sub's subscribe is typed by overloads per event shape; one event name with no id is all this needs.
  const subscribe = server.app.runtime.events.subscribe as (name: K) => AsyncIterable<EventMap[K][0]>;
  const iterator = subscribe(name)[Symbol.asyncIterator]();
  // The first next() starts the subscription synchronously; keep pulling until stopped.
  const pull = (): void => {
    iterator.next().then(
      (result) => {
        if (result.done) return;
        seen.push(result.value);
        pull();
      },
      () => undefined,
    );
  };
  pull();
  return { seen, stop: () => void iterator.return?.() };
}

/** Lets already-published events reach the watchers (delivery goes through a promise). */
export const settle = () => new Promise((resolve) => setImmediate(resolve));
