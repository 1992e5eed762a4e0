// File uploads: GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec, what
// Apollo's and urql's upload links send) parsed by graphql-upload-minimal and handed to Yoga, plus reading an
// `Upload` into memory within the size limit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { processRequest, Upload, type FileUpload, type GraphQLOperation } from 'graphql-upload-minimal';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { AppError, badInput } from '../errors.js';

/**
 * A multipart POST is a "simple" request a browser sends cross-site without asking first, so an upload must carry
 * one of these headers (any non-empty value), which no page can add without passing a CORS preflight. These are
 * the headers Apollo Server accepts for the same reason; apollo-upload-client users add
 * `apollo-require-preflight: true`, urql users one of them through fetchOptions.
 */
export const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name', 'graphql-preflight'] as const;

/** Room for the `operations` and `map` fields (each at most MAX_FIELD_BYTES) and the multipart framing. */
const MAX_FIELD_BYTES = 64 * 1024;
const MULTIPART_OVERHEAD_BYTES = 2 * MAX_FIELD_BYTES + 64 * 1024;

type Operations = GraphQLOperation | GraphQLOperation[];

/** The outcome of reading a multipart request, left on the Node request for the Yoga plugin below. */
type MultipartOutcome = { operations: Operations } | { error: Error };

export interface MultipartRequest extends IncomingMessage {
  /** Set once the body has been parsed: @whatwg-node/server then leaves the (consumed) stream alone. */
  body?: unknown;
  graphqlMultipart?: MultipartOutcome;
}

export interface UploadLimits {
  maxFileSizeBytes: number;
}

export function isMultipartRequest(req: IncomingMessage): boolean {
  return req.method === 'POST' && /^multipart\/form-data\s*(;|$)/i.test(req.headers['content-type'] ?? '');
}

/** The largest request body a multipart upload may declare; Yoga's own body limit must allow at least this. */
export function maxMultipartBodyBytes(limits: UploadLimits): number {
  return limits.maxFileSizeBytes + MULTIPART_OVERHEAD_BYTES;
}

export function fileTooLarge(maxBytes: number): AppError {
  return badInput('file', `The file is too large: the limit is ${formatMegabytes(maxBytes)}.`);
}

function formatMegabytes(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}

function requestError(message: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status } } });
}

/** graphql-upload-minimal's errors carry the HTTP status that fits them. */
function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Parses a multipart GraphQL request with graphql-upload-minimal (files stay streams, limited to
 * `maxFileSizeBytes` while they stream) and leaves the operations, or the reason they were refused, on `req` for
 * {@link useGraphQLMultipart}. Never rejects: refusals are reported by Yoga as GraphQL errors.
 */
export async function readMultipartRequest(req: MultipartRequest, res: ServerResponse, limits: UploadLimits): Promise<void> {
  const hasPreflightHeader = PREFLIGHT_HEADERS.some((name) => {
    const value = req.headers[name];
    return typeof value === 'string' && value.trim() !== '';
  });
  if (!hasPreflightHeader) {
    req.graphqlMultipart = {
      error: requestError(
        `A file upload must carry one of the headers ${PREFLIGHT_HEADERS.join(', ')} with a non-empty value (e.g. "apollo-require-preflight: true"), which protects against cross-site request forgery.`,
        400,
      ),
    };
    return;
  }
  // A declared size above the limit is refused before a byte of the body is read.
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxMultipartBodyBytes(limits)) {
    req.graphqlMultipart = { error: fileTooLarge(limits.maxFileSizeBytes) };
    return;
  }
  try {
    const operations = await processRequest(req, res, {
      // busboy cuts a file off as soon as it reaches the limit, so one byte more tells "exactly the limit" (fine)
      // from "over it"; readUpload then enforces the limit itself.
      maxFileSize: limits.maxFileSizeBytes + 1,
      maxFiles: 1,
      maxFieldSize: MAX_FIELD_BYTES,
    });
    req.body = operations;
    req.graphqlMultipart = { operations };
    // Files no resolver read (the operation failed validation or authorization first) would hold the rest of the
    // request body back; read them to the end so the connection finishes cleanly.
    res.once('close', () => drainUploads(operations));
  } catch (error) {
    // HttpErrors about the request's shape, or busboy's own about malformed multipart data.
    const message = error instanceof Error ? error.message : String(error);
    req.graphqlMultipart = { error: requestError(message, httpStatusOf(error) === 413 ? 413 : 400) };
  }
}

function drainUploads(value: unknown): void {
  if (value instanceof Upload) {
    value.promise.then(
      (file) => {
        let stream: Readable;
        try {
          stream = file.createReadStream();
        } catch {
          return; // a resolver already read it
        }
        stream.on('error', () => {});
        stream.resume();
      },
      () => {},
    );
  } else if (value !== null && typeof value === 'object') {
    for (const nested of Object.values(value)) drainUploads(nested);
  }
}

function toParams(operation: GraphQLOperation): GraphQLParams {
  return {
    query: operation.query,
    operationName: operation.operationName ?? undefined,
    variables: (operation.variables ?? undefined) as GraphQLParams['variables'],
  };
}

/**
 * Hands the operations {@link readMultipartRequest} parsed to Yoga in place of its own request parsing (Yoga's
 * built-in multipart support is turned off), or reports why the upload was refused.
 */
/**
 * Whether the upload parser has already read this request (then its body is not JSON, whatever the request Yoga
 * was handed says, and its size was limited by MAX_FILE_SIZE).
 */
export function isReadUpload(serverContext: { req?: MultipartRequest } | undefined): boolean {
  return serverContext?.req?.graphqlMultipart !== undefined;
}

export function useGraphQLMultipart(): Plugin<Record<string, unknown>, { req?: MultipartRequest }> {
  return {
    onRequestParse({ serverContext, setRequestParser }) {
      const outcome = serverContext.req?.graphqlMultipart;
      if (!outcome) return;
      // Thrown here rather than from a parser, so Yoga's other request checks (body size) do not answer first.
      if ('error' in outcome) throw outcome.error;
      const { operations } = outcome;
      setRequestParser(() => (Array.isArray(operations) ? operations.map(toParams) : toParams(operations)));
    },
  };
}

/**
 * Reads an `Upload` argument into memory. Files over `maxBytes` (cut short by the multipart parser), empty files
 * and broken uploads are BAD_USER_INPUT on the `file` field.
 */
export async function readUpload(upload: Promise<FileUpload>, maxBytes: number): Promise<Buffer> {
  let stream: Readable & { truncated?: boolean };
  try {
    stream = (await upload).createReadStream();
  } catch (error) {
    throw uploadFailed(error, maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  stream.once('limit', () => (tooLarge = true));
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    }
  } catch (error) {
    throw uploadFailed(error, maxBytes);
  }
  if (tooLarge || stream.truncated) throw fileTooLarge(maxBytes);
  if (size === 0) throw badInput('file', 'The file is empty.');
  return Buffer.concat(chunks, size);
}

/** Whatever interrupts a file while it streams in (a missing file, a client that hung up, a malformed body). */
function uploadFailed(error: unknown, maxBytes: number): AppError {
  if (httpStatusOf(error) === 413) return fileTooLarge(maxBytes);
  const message = error instanceof Error ? error.message : String(error);
  return badInput('file', `The file could not be received: ${message}`);
}
