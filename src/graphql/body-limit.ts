// The request body limit for GraphQL over HTTP, in place of Yoga's `maxRequestBodySize`. Yoga (5.24) enforces its
// limit by piping every request body through a TransformStream into a new Request, whatever its Content-Length;
// that stream plumbing (abort signals, pipeline, a DOMException per request) cost more CPU than executing a small
// query (see README, Performance). Node's HTTP parser already reads exactly Content-Length bytes of a body, so a
// declared length within the limit needs no stream: only bodies without one (chunked) are counted as they arrive.
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { isReadUpload, type MultipartRequest } from './uploads.js';

function tooLarge() {
  return createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });
}

/** What Yoga answers to a Content-Length that is not one plain number (e.g. the comma-joined values of a smuggling attempt). */
function invalidLength() {
  return createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
}

export function useRequestBodyLimit(limit: number): Plugin<Record<string, unknown>, { req?: MultipartRequest }> {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI, serverContext }) {
      // An upload's body is read, and limited to MAX_FILE_SIZE, by the upload parser (./uploads.ts).
      if (isReadUpload(serverContext)) return;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!/^\d+$/.test(declared)) throw invalidLength();
        if (Number(declared) > limit) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      const body = request.body;
      setRequestParser((req) => {
        let bytes = 0;
        const TransformStreamCtor = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
        const counted = body.pipeThrough(
          new TransformStreamCtor<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              bytes += chunk.byteLength;
              if (bytes > limit) controller.error(tooLarge());
              else controller.enqueue(chunk);
            },
          }),
        );
        return requestParser(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, signal: req.signal, body: counted, duplex: 'half' } as RequestInit));
      });
    },
  };
}
