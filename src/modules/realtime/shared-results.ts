// Subscription results that are the same for every subscriber, computed once per event instead of once per
// subscriber.
//
// graphql-js executes a subscription's selection for every subscriber and every event. For a chat message to
// everyone, 5,000 subscribers of `messageReceived { id content sender { username } }` meant 5,000 identical
// executions per message: most of the ~150 us of CPU per delivery the fan-out benchmark measured, and p99
// latencies of over a second (see README, Performance). When nothing in the selection depends on who is asking,
// the result of an event is computed once on this instance and handed to each subscriber.
//
// Who may receive an event is still decided per subscriber: each subscription keeps its own source stream, made
// by its field's `subscribe` (auth scopes checked, per-user filters applied), exactly as before. Only the
// execution of the selection over an event is shared, and only when no field under the subscription field has
// auth scopes (field or type level): in this schema, auth scopes are how a field's output comes to depend on the
// caller (`email` and `phone` of User, for instance). A resolver that reads the caller some other way must
// declare `extensions: { viewerDependent: true }`; such an operation is executed per subscriber, as before.
import {
  createSourceEventStream,
  execute,
  getNamedType,
  getOperationAST,
  GraphQLObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import { releaseRequestCaches } from '../../graphql/request-caches.js';
import { topicOf, type FanOut, type Member } from './fan-out.js';

export interface SharedExecution {
  /** When the subscription's stream is a topicStream: delivered by this fan-out (see fan-out.ts). */
  fanOut?: { registry: FanOut; deliver: (payloadJson: string) => void };
  /** The context of the one execution per event: fresh, so nothing cached for an earlier event is reused. */
  contextFactory: () => unknown;
  /** Yoga's error masking, applied to the shared result as Yoga applies it to each subscriber's. */
  maskError: (error: unknown, message: string) => Error;
}

function hasAuthScopes(extensions: Readonly<Record<string, unknown>> | null | undefined): boolean {
  const options = extensions?.pothosOptions as { authScopes?: unknown } | undefined;
  return options?.authScopes !== undefined || extensions?.viewerDependent === true;
}

const verdicts = new WeakMap<DocumentNode, Map<string, boolean>>();

/** Whether the subscription `operationName` of `document` gives every subscriber the same result for an event. */
export function isViewerIndependent(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): boolean {
  let byOperation = verdicts.get(document);
  if (!byOperation) verdicts.set(document, (byOperation = new Map()));
  const key = operationName ?? '';
  let verdict = byOperation.get(key);
  if (verdict === undefined) {
    verdict = computeVerdict(schema, document, operationName);
    byOperation.set(key, verdict);
  }
  return verdict;
}

function computeVerdict(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  const subscription = schema.getSubscriptionType();
  if (operation?.operation !== 'subscription' || !subscription) return false;
  const typeInfo = new TypeInfo(schema);
  let independent = true;
  // The whole document is visited, fragments included: an unused fragment can only make the answer more careful.
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!field || !parent) return;
        // The subscription field itself is authorized when subscribing (authorizeOnSubscribe), per subscriber.
        if (parent === subscription) return;
        const type = getNamedType(field.type);
        if (hasAuthScopes(field.extensions) || hasAuthScopes(parent.extensions) || (type instanceof GraphQLObjectType && hasAuthScopes(type.extensions))) {
          independent = false;
        }
      },
    }),
  );
  return independent;
}

/** Results by event (the pub/sub hands every subscriber the same event object) and by operation and variables. */
const results = new WeakMap<object, Map<string, ExecutionResult | Promise<ExecutionResult>>>();

function resultFor(event: unknown, key: string, compute: () => ExecutionResult | Promise<ExecutionResult>) {
  if (event === null || typeof event !== 'object') return compute();
  let byKey = results.get(event);
  if (!byKey) results.set(event, (byKey = new Map()));
  let result = byKey.get(key);
  if (!result) byKey.set(key, (result = compute()));
  return result;
}

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

function operationKey(args: ExecutionArgs): string {
  let id = documentIds.get(args.document);
  if (id === undefined) documentIds.set(args.document, (id = nextDocumentId++));
  return `${id}:${args.operationName ?? ''}:${JSON.stringify(args.variableValues ?? {})}`;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * A subscriber delivered by the fan-out: graphql-ws's iteration of this subscription yields nothing and ends when
 * graphql-ws ends it (the client completes the operation, or the socket closes), which takes the subscriber out.
 *
 * One object with methods rather than a handful of closures: it lives as long as the subscription, and each closure
 * made by code that tsx compiles also carries its `name` in a property array of its own (esbuild's keepNames, ~300
 * bytes per closure; see bench/NOTES.md).
 */
class FanOutSubscriber implements Member, AsyncIterableIterator<ExecutionResult> {
  private leave: (() => void) | undefined;
  private finish!: (result: IteratorReturnResult<undefined>) => void;
  private readonly finished = new Promise<IteratorReturnResult<undefined>>((resolve) => (this.finish = resolve));

  constructor(
    fanOut: NonNullable<SharedExecution['fanOut']>,
    topic: Parameters<FanOut['join']>[0],
    key: string,
    readonly accept: Member['accept'],
    private readonly args: ExecutionArgs,
    private readonly shared: SharedExecution,
  ) {
    this.deliver = fanOut.deliver;
    this.leave = fanOut.registry.join(topic, key, this);
  }

  readonly deliver: Member['deliver'];

  execute(event: unknown): Promise<ExecutionResult> {
    return executeEvent(this.args, event, this.shared);
  }

  next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    return this.finished;
  }

  async return(): Promise<IteratorReturnResult<undefined>> {
    this.end();
    return DONE;
  }

  async throw(error: unknown): Promise<IteratorReturnResult<undefined>> {
    this.end();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private end(): void {
    this.leave?.();
    this.leave = undefined;
    this.finish(DONE);
  }
}

/** One execution of the selection over an event, as graphql-js's subscribe does it for each subscriber. */
async function executeEvent(args: ExecutionArgs, event: unknown, shared: SharedExecution): Promise<ExecutionResult> {
  const result = await execute({ ...args, rootValue: event, contextValue: await shared.contextFactory() });
  if (!result.errors) return result;
  return { ...result, errors: result.errors.map((error) => shared.maskError(error, '') as GraphQLError) };
}

/**
 * Subscribes like graphql-js, but executes the selection once per event for all subscribers of the same operation
 * and variables. Resolves to undefined when the subscription could not be set up (the caller then subscribes the
 * ordinary way, through Yoga, which reports the error as usual).
 */
export async function subscribeShared(args: ExecutionArgs, shared: SharedExecution): Promise<AsyncIterableIterator<ExecutionResult> | undefined> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return undefined;
  // What the scope-auth plugin cached while subscribing is not wanted again: each event is executed with a context
  // built afresh (executeEvent: envelop's contextFactory extends the same object with a new auth state and loaders),
  // and the cache would otherwise be held for as long as the socket.
  releaseRequestCaches(args.contextValue);
  const key = operationKey(args);
  const topic = topicOf(source);
  if (topic && shared.fanOut) return new FanOutSubscriber(shared.fanOut, topic.topic, key, topic.accept, args, shared);
  const run = (event: unknown) => executeEvent(args, event, shared);
  const iterator = source[Symbol.asyncIterator]();
  const stream: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const step = await iterator.next();
      if (step.done) return { done: true, value: undefined };
      return { done: false, value: await resultFor(step.value, key, () => run(step.value)) };
    },
    // Straight to the source, so an idle subscription ends at once (an async generator would wait for an event).
    return: async () => {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    throw: async (error: unknown) => {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return stream;
}
