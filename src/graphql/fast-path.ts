// A direct road through Yoga for the plainest GraphQL request: a POST of a JSON body with a Content-Length, a query
// or mutation, an Accept that Yoga answers with JSON (as Apollo Client's and urql's are), from any origin (the CORS
// headers are Yoga's, from the same options and @whatwg-node's own function). Such a request runs through the same
// envelop pipeline as every other (`yoga.getEnveloped`: the parse and validation caches, the query limits, safe
// variables, the context, scope-auth, error masking, metrics) and its answer is made by Yoga's own
// `processRegularResult`, so status, headers and body are Yoga's. Only Yoga's HTTP layer is skipped: the WHATWG
// Request, Headers and Response objects @whatwg-node builds around every Node request, the promise chains of its
// hooks, the media-type negotiation. Profiled under the `me` benchmark, that layer cost more CPU than executing the
// query (README, Performance, "What made it fast"). /metrics counts the requests answered here
// (graphql_fast_path_answers_total).
//
// Anything else goes to Yoga, decided before the body is read (method, path, headers) or, when the body or the
// document is anything but the plain case (bad UTF-8 or JSON, unknown parameters, a syntax error, a subscription),
// before anything has run: the bytes already read are handed to Yoga as the request's body and Yoga answers as it
// always does. Yoga's HTTP hooks are counted at start-up against the ones this road stands in for (below), so a
// plugin added later with an HTTP hook turns the road off, with a warning, instead of being skipped silently.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { getCORSHeadersByRequestAndOptions, type CORSOptions } from '@whatwg-node/server';
import { isAsyncIterable, processRegularResult } from 'graphql-yoga';
import type { Logger } from '../logger.js';

/**
 * Yoga's HTTP hooks, and why a plain JSON POST may skip them: CORS (its headers added here, below), the health check,
 * GraphiQL and the unhandled-route page (other paths or GET), the request parsers and our body plugins (JSON only,
 * strict UTF-8 and JSON, the body limit: mirrored here, anything else handed to Yoga), the batching limit and
 * the method check (POST), the parameter check (onParams: mirrored in plainParams), the result processors
 * (regular JSON: processRegularResult itself).
 */
function expectedHttpHooks(graphiql: boolean): Record<string, number> {
  // GraphiQL's plugin is only there when GraphiQL is on (off in production).
  return { onRequest: graphiql ? 4 : 3, onRequestParse: 10, onParams: 1, onResultProcess: 1, onResponse: 1 };
}
const HTTP_HOOKS = ['onRequest', 'onRequestParse', 'onParams', 'onExecutionResult', 'onResultProcess', 'onResponse'];

/** The media types of Yoga's regular (JSON) result processor, in its order. */
const REGULAR_MEDIA_TYPES = ['application/graphql-response+json', 'application/json'];

/**
 * The media type Yoga answers a query or mutation with for this Accept header when it answers with JSON, else
 * undefined (Yoga would pick event-stream, multipart or a 406: left to Yoga). Yoga's own rule, which it does not
 * export (graphql-yoga's getMediaTypesForRequestInOrder and useResultProcessors): the header's types without
 * whitespace, lower-cased, utf-8 only, q-values ignored, walked last to first; the JSON processor comes last in its
 * list, so it wins whenever one of its types matches, with the type matched last, i.e. the first in the header that
 * matches. Apollo Client sends `application/graphql-response+json,application/json;q=0.9` and urql lists five types.
 */
function jsonMediaType(accept: string | undefined): string | undefined {
  let chosen: string | undefined;
  const requested = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',');
  for (let i = requested.length - 1; i >= 0; i -= 1) {
    const [type = '', ...params] = requested[i]!.split(';');
    if ((params.find((param) => param.includes('charset=')) ?? 'charset=utf-8') !== 'charset=utf-8') continue;
    const [group, subtype] = type.split('/');
    for (const offered of REGULAR_MEDIA_TYPES) {
      const [offeredGroup, offeredSubtype] = offered.split('/');
      if ((group === '*' || group === offeredGroup) && (subtype === '*' || subtype === offeredSubtype)) chosen = offered;
    }
  }
  return chosen;
}

/** jsonMediaType, remembered for the few Accept headers clients send (forgotten all at once past a few dozen). */
const mediaTypes = new Map<string, string | undefined>();
function mediaTypeFor(accept: string | undefined): string | undefined {
  const key = accept ?? '';
  if (mediaTypes.has(key)) return mediaTypes.get(key);
  if (mediaTypes.size >= 64) mediaTypes.clear();
  const type = jsonMediaType(accept);
  mediaTypes.set(key, type);
  return type;
}
const JSON_CONTENT_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;
const PARAMS = new Set(['query', 'variables', 'operationName', 'extensions']);

interface Params {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

interface MaskedErrorsOptions {
  maskError(error: unknown, message: string, isDev?: boolean): Error;
  errorMessage: string;
  isDev?: boolean;
}

/** What the fast road needs of a Yoga instance (public members, and the two Yoga keeps on the instance). */
interface YogaLike {
  getEnveloped: (context: never) => {
    parse(source: string): DocumentNode;
    validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[];
    contextFactory(): unknown;
    execute(args: ExecutionArgs): unknown;
    schema: GraphQLSchema;
  };
  requestListener(req: IncomingMessage, res: ServerResponse): unknown;
}

/** A Response-like that keeps what processRegularResult hands it. */
class PlainResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(
    readonly body: string | null,
    init: { status?: number; headers?: Record<string, string> } = {},
  ) {
    this.status = init.status ?? 200;
    this.headers = init.headers ?? {};
  }
}
const PLAIN_FETCH_API = { Response: PlainResponse } as unknown as Parameters<typeof processRegularResult>[1];

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The request's params when they are exactly what Yoga's parameter check lets through unchanged, else undefined. */
function plainParams(body: unknown): Params | undefined {
  if (!isPlainObject(body)) return undefined;
  for (const key in body) if (!PARAMS.has(key)) return undefined;
  const { query, variables, operationName, extensions } = body;
  if (typeof query !== 'string') return undefined;
  if (variables != null && !isPlainObject(variables)) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (extensions != null && !isPlainObject(extensions)) return undefined;
  return body as unknown as Params;
}

/** The Node request's headers as the WHATWG `request.headers` the context and plugins read. */
function headersOf(req: IncomingMessage) {
  return {
    get(name: string): string | null {
      const value = req.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
    has(name: string): boolean {
      return req.headers[name.toLowerCase()] !== undefined;
    },
  };
}

/** The whole body, or undefined when the client went away before sending it all (nothing to answer then). */
function readBody(req: IncomingMessage, length: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    });
    req.once('end', () => resolve(received === length ? Buffer.concat(chunks, received) : undefined));
    req.once('error', reject);
    req.once('close', () => resolve(undefined));
  });
}

export interface FastPath {
  /** Whether this request may take the fast road (decided from its method, path and headers alone). */
  accepts(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<unknown>;
}

/**
 * `strict`: refuse to start when Yoga's HTTP hooks are not the known ones (development and tests, so that whoever
 * adds such a plugin sees it at once); otherwise the fast path is turned off with a warning.
 */
export function createFastPath(
  yoga: YogaLike,
  options: {
    maxBodyBytes: number;
    log: Logger;
    strict: boolean;
    graphiql: boolean;
    answered: { inc(): void };
    /** Yoga's `cors` option, as a function of the request. */
    cors: (request: Request) => CORSOptions | false;
  },
): FastPath {
  const EXPECTED_HTTP_HOOKS = expectedHttpHooks(options.graphiql);
  const server = yoga as unknown as { plugins: (Record<string, unknown> | undefined)[]; maskedErrorsOpts: MaskedErrorsOptions | null; logger: { error(e: unknown): void } };
  const counts: Record<string, number> = {};
  for (const plugin of server.plugins) for (const hook of HTTP_HOOKS) if (plugin?.[hook]) counts[hook] = (counts[hook] ?? 0) + 1;
  const differing = HTTP_HOOKS.filter((hook) => (counts[hook] ?? 0) !== (EXPECTED_HTTP_HOOKS[hook] ?? 0));
  const masked = server.maskedErrorsOpts;
  const enabled = differing.length === 0 && masked !== null;
  if (!enabled) {
    const message = `GraphQL fast path off: Yoga's HTTP hooks are ${JSON.stringify(counts)}, it stands in for ${JSON.stringify(EXPECTED_HTTP_HOOKS)} (see src/graphql/fast-path.ts)`;
    if (options.strict) throw new Error(message);
    options.log.warn(message);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });

  /** What Yoga's handleError makes of an error thrown while building the context or executing (masking on). */
  const thrownErrors = (error: unknown): GraphQLError[] => {
    const maskedError = masked!.maskError(error, masked!.errorMessage, masked!.isDev);
    if (maskedError !== error) server.logger.error(error);
    return [maskedError instanceof GraphQLError ? maskedError : new GraphQLError(maskedError.message, { originalError: maskedError })];
  };

  /** The CORS headers Yoga's CORS plugin adds (onResponse) for a request with an Origin, lower-cased as Yoga sends them. */
  const corsHeaders = (req: IncomingMessage): Record<string, string> | undefined => {
    if (req.headers.origin === undefined) return undefined;
    const request = { method: 'POST', headers: headersOf(req) } as unknown as Request;
    const headers = getCORSHeadersByRequestAndOptions(request, options.cors(request) as CORSOptions);
    if (!headers) return undefined;
    const lowerCased: Record<string, string> = {};
    for (const name in headers) lowerCased[name.toLowerCase()] = headers[name]!;
    return lowerCased;
  };

  const respond = (req: IncomingMessage, res: ServerResponse, result: ExecutionResult): void => {
    if (isAsyncIterable(result)) throw new Error('A query or mutation answered with a stream');
    const response = processRegularResult(result, PLAIN_FETCH_API, mediaTypeFor(req.headers.accept)!) as unknown as PlainResponse;
    const body = response.body ?? '';
    res.writeHead(response.status, { ...response.headers, ...corsHeaders(req), 'content-length': Buffer.byteLength(body) });
    res.end(body);
    options.answered.inc();
  };

  /** Hands the request to Yoga with the bytes already read as its body. */
  const toYoga = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    (req as IncomingMessage & { body?: Buffer }).body = body;
    return yoga.requestListener(req, res);
  };

  return {
    accepts(req) {
      if (!enabled || req.method !== 'POST' || req.url !== '/graphql') return false;
      const { headers } = req;
      if (headers['transfer-encoding'] !== undefined) return false;
      const length = headers['content-length'];
      if (length === undefined || !/^[1-9]\d{0,8}$/.test(length) || Number(length) > options.maxBodyBytes) return false;
      if (!JSON_CONTENT_TYPE.test(headers['content-type'] ?? '')) return false;
      return mediaTypeFor(headers.accept) !== undefined;
    },

    async handle(req, res) {
      const bytes = await readBody(req, Number(req.headers['content-length']));
      if (!bytes) return undefined;
      let params: Params | undefined;
      try {
        params = plainParams(JSON.parse(decoder.decode(bytes)));
      } catch {
        params = undefined;
      }
      if (!params) return toYoga(req, res, bytes);

      const request = { method: 'POST', url: req.url, headers: headersOf(req) };
      const enveloped = yoga.getEnveloped({ req, res, request, params } as never);
      let document: DocumentNode;
      try {
        document = enveloped.parse(params.query);
      } catch {
        // Syntax errors and the token limit: Yoga words and codes them (the parse cache makes the second try cheap).
        return toYoga(req, res, bytes);
      }
      const operation = getOperationAST(document, params.operationName);
      if (!operation || operation.operation === 'subscription') return toYoga(req, res, bytes);

      const errors = enveloped.validate(enveloped.schema, document);
      if (errors.length > 0) return respond(req, res, { errors });
      // Without a promise where nothing waits (a caller the session cache knows): far less garbage per request.
      const { variables, operationName } = params;
      try {
        const context = enveloped.contextFactory();
        const run = (contextValue: unknown) => enveloped.execute({ schema: enveloped.schema, document, contextValue, variableValues: variables, operationName });
        const result = isPromise(context) ? context.then(run) : run(context);
        if (!isPromise(result)) return respond(req, res, result as ExecutionResult);
        return result.then(
          (value) => respond(req, res, value as ExecutionResult),
          (error: unknown) => respond(req, res, { errors: thrownErrors(error) }),
        );
      } catch (error) {
        return respond(req, res, { errors: thrownErrors(error) });
      }
    },
  };
}
