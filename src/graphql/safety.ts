// What an HTTP request may send: well-formed JSON bodies of a bounded size, refused with BAD_REQUEST /
// REQUEST_ENTITY_TOO_LARGE. The rules for the documents themselves, on every transport, are in pipeline.ts.
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { useRequestBodyLimit } from './body-limit.js';
import { isReadUpload, type MultipartRequest } from './uploads.js';

/**
 * Parses JSON bodies strictly. JSON must be UTF-8 (RFC 8259); a lenient decoder would silently turn broken bytes
 * into U+FFFD and let the altered text through, so such a body is a bad request. (Answers as Yoga's own JSON parser
 * does otherwise, and costs no more: one read, one decode, one parse.)
 */
export function useStrictJsonBodies(): Plugin<Record<string, unknown>, { req?: MultipartRequest }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const badRequest = (message: string) => createGraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
  return {
    onRequestParse({ request, setRequestParser, serverContext }) {
      if (isReadUpload(serverContext) || request.method !== 'POST' || !/^application\/(graphql-response\+|graphql\+)?json\b/i.test(request.headers.get('content-type') ?? '')) return;
      setRequestParser(async (req) => {
        let text: string;
        try {
          text = decoder.decode(await req.arrayBuffer());
        } catch (error) {
          if (error instanceof TypeError) throw badRequest('The request body is not valid UTF-8');
          throw error;
        }
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw badRequest('POST body sent invalid JSON.');
        }
        if (body === null || typeof body !== 'object') throw badRequest('POST body is expected to be a JSON object');
        return body as GraphQLParams;
      });
    },
  };
}

/** The body plugins, in order: the strict parser first, so the size limit (for chunked bodies) wraps it. */
export function requestBodyPlugins(config: Config): Plugin<Record<string, unknown>, { req?: MultipartRequest }>[] {
  return [useStrictJsonBodies(), useRequestBodyLimit(config.http.maxBodyBytes)];
}
