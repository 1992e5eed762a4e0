// Delivering one event to thousands of sockets: one listener per topic and instance, one execution and one
// serialization per event and operation, then a plain loop over the subscribers that may see it.
//
// The ordinary way (graphql-ws iterating each subscription's stream) costs, per subscriber and event, a Repeater
// push, Yoga's filter operator (another Repeater), graphql-js executing the selection, graphql-ws serializing the
// message, and all of it as promise chains that thousands of subscribers advance side by side, keeping each
// other's garbage alive into the old generation. The fan-out benchmark measured ~150 us of CPU per delivery that
// way against ~15 us for a bare `ws` broadcast of the same bytes (see README, Performance).
//
// A subscription field opts in by returning `topicStream(...)`: the topic and a per-subscriber predicate, which is
// still evaluated for each subscriber and each event, so who receives what is decided exactly as before. Only
// operations whose result is the same for every subscriber (shared-results.ts) are delivered here; the rest, and
// any consumer that simply iterates the stream, get the usual `pipe(subscribe(topic), filter(accept))`.
import { filter, pipe } from 'graphql-yoga';
import type { ExecutionResult } from 'graphql';
import type { EventMap, Events } from '../../events.js';
import type { Logger } from '../../logger.js';

const TOPIC = Symbol('a pub/sub topic and who may see its events');

type Topic = keyof EventMap;
type Payload<K extends Topic> = EventMap[K][0];

export interface TopicStream<K extends Topic> extends AsyncIterable<Payload<K>> {
  [TOPIC]: { topic: K; accept: (event: Payload<K>) => boolean };
}

/** The events of `topic` that `accept` lets through, for a subscription field's `subscribe`. */
export function topicStream<K extends Topic>(events: Events, topic: K, accept: (event: Payload<K>) => boolean = () => true): TopicStream<K> {
  const subscribe = events.subscribe as (topic: K) => AsyncIterable<Payload<K>>;
  return {
    [TOPIC]: { topic, accept },
    // Made only when someone iterates (the fan-out never does), so an unused stream holds no listener.
    [Symbol.asyncIterator]: () => pipe(subscribe(topic), filter(accept))[Symbol.asyncIterator](),
  };
}

export function topicOf(stream: unknown): TopicStream<Topic>[typeof TOPIC] | undefined {
  return (stream as Partial<TopicStream<Topic>> | null)?.[TOPIC];
}

/** One subscriber: its predicate, how to run its operation over an event, how to hand it the serialized result. */
export interface Member {
  accept: (event: never) => boolean;
  /** Any one recipient's execution serves them all: the result does not depend on who runs it. */
  execute: (event: unknown) => Promise<ExecutionResult>;
  /** Sends a result, serialized, as the `payload` of a graphql-ws `next` message. */
  deliver: (payloadJson: string) => void;
}

/** Subscribers of the same operation (and variables) on a topic: one result per event for all of them. */
interface Group {
  members: Set<Member>;
}

export class FanOut {
  private readonly topics = new Map<Topic, Map<string, Group>>();
  private readonly listeners = new Map<Topic, AsyncIterator<unknown>>();

  constructor(
    private readonly events: Events,
    private readonly log: Logger,
  ) {}

  /** Adds a subscriber; returns a function that removes it. */
  join(topic: Topic, key: string, member: Member): () => void {
    let groups = this.topics.get(topic);
    if (!groups) {
      this.topics.set(topic, (groups = new Map()));
      this.listen(topic);
    }
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { members: new Set() }));
    group.members.add(member);
    return () => {
      group.members.delete(member);
      if (group.members.size === 0 && groups.get(key) === group) groups.delete(key);
    };
  }

  private listen(topic: Topic): void {
    const iterator = (this.events.subscribe as (topic: Topic) => AsyncIterable<unknown>)(topic)[Symbol.asyncIterator]();
    this.listeners.set(topic, iterator);
    void (async () => {
      // One event at a time, so every subscriber receives a topic's events in the order they were published.
      for (let step = await iterator.next(); !step.done; step = await iterator.next()) await this.deliver(topic, step.value);
    })().catch((error: unknown) => this.log.error({ err: error, topic }, 'Fan-out stopped delivering a topic'));
  }

  private async deliver(topic: Topic, event: unknown): Promise<void> {
    for (const group of [...(this.topics.get(topic)?.values() ?? [])]) {
      const recipients: Member[] = [];
      for (const member of group.members) {
        try {
          if (member.accept(event as never)) recipients.push(member);
        } catch (error) {
          this.log.error({ err: error, topic }, 'A subscription filter failed');
        }
      }
      if (recipients.length === 0) continue;
      let payload: string;
      try {
        payload = JSON.stringify(await recipients[0]!.execute(event));
      } catch (error) {
        this.log.error({ err: error, topic }, 'Could not execute a subscription event');
        continue;
      }
      for (const member of recipients) {
        try {
          member.deliver(payload);
        } catch (error) {
          this.log.warn({ err: error, topic }, 'Could not deliver a subscription event');
        }
      }
    }
  }

  async close(): Promise<void> {
    const listeners = [...this.listeners.values()];
    this.listeners.clear();
    this.topics.clear();
    await Promise.all(listeners.map((l) => l.return?.()));
  }
}
