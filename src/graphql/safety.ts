// What an HTTP request may send: a JSON body (no other kind of POST: forms and text/plain bodies are how a cross-site
// page sends a request without a preflight, CSRF), well-formed and of a bounded size, refused with BAD_REQUEST /
// REQUEST_ENTITY_TOO_LARGE. The rules for the documents themselves, on every transport, are in pipeline.ts.
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { useRequestBodyLimit } from './body-limit.js';
import { isReadUpload, type MultipartRequest } from './uploads.js';

/** The content types of a JSON GraphQL request: a browser sends none of them cross-site without a CORS preflight. */
const JSON_CONTENT_TYPE = /^application\/(graphql-response\+|graphql\+)?json\s*(;|$)/i;

/**
 * Cross-site request forgery: any page can make a browser POST a form here (urlencoded, multipart or text/plain, or
 * a body with no type) without asking first, and Yoga would run a form-encoded mutation. Only JSON needs a CORS
 * preflight, which CORS_ORIGINS then decides, so every other POST is refused (415) before it is parsed, whatever
 * headers it carries. The one exception is an upload (multipart), which must carry a preflight-forcing header
 * and is refused by the upload parser without one (./uploads.ts). GET never runs a mutation (Yoga answers 405).
 */
export function useJsonOnlyPosts(): Plugin<Record<string, unknown>, { req?: MultipartRequest }> {
  return {
    onRequestParse({ request, serverContext }) {
      if (request.method !== 'POST' || isReadUpload(serverContext)) return;
      if (JSON_CONTENT_TYPE.test(request.headers.get('content-type') ?? '')) return;
      throw createGraphQLError('A POST to /graphql must be JSON (Content-Type: application/json), or a multipart upload with a preflight header', {
        extensions: { code: 'BAD_REQUEST', http: { status: 415 } },
      });
    },
  };
}

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
      if (isReadUpload(serverContext) || request.method !== 'POST' || !JSON_CONTENT_TYPE.test(request.headers.get('content-type') ?? '')) return;
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

/**
 * The body plugins, in order: the content-type check, then the strict parser, so the size limit (for chunked
 * bodies) wraps it.
 */
export function requestBodyPlugins(config: Config): Plugin<Record<string, unknown>, { req?: MultipartRequest }>[] {
  return [useJsonOnlyPosts(), useStrictJsonBodies(), useRequestBodyLimit(config.http.maxBodyBytes)];
}
