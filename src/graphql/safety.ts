// Limits on what one GraphQL document may ask for, applied at validation (before anything runs), to HTTP and
// socket operations alike: depth, cost, aliases, tokens and directives through GraphQL Armor, introspection when
// configured off. Refusals are GRAPHQL_VALIDATION_FAILED (or GRAPHQL_PARSE_FAILED for the token limit).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';

/**
 * JSON must be UTF-8 (RFC 8259); decoding a broken body would silently turn its bad bytes into U+FFFD and let the
 * altered text through. Refuse such a body instead, as a bad request, before it is parsed.
 */
export function useStrictUtf8(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (request.method !== 'POST' || !requestParser || /^multipart\//i.test(request.headers.get('content-type') ?? '')) return;
      setRequestParser(async (req) => {
        const bytes = new Uint8Array(await req.arrayBuffer());
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          throw createGraphQLError('The request body is not valid UTF-8', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        }
        return requestParser(new Request(req.url, { method: req.method, headers: req.headers, body: bytes }));
      });
    },
  };
}

export function queryLimitPlugins(config: Config): Plugin[] {
  const { graphql } = config;
  const plugins: Plugin[] = [
    useStrictUtf8(),
    EnvelopArmorPlugin({
      maxDepth: { n: graphql.maxDepth, exposeLimits: true },
      costLimit: { maxCost: graphql.maxCost, exposeLimits: true },
      maxAliases: { n: graphql.maxAliases, exposeLimits: true },
      maxTokens: { n: graphql.maxTokens, exposeLimits: true },
      maxDirectives: { n: graphql.maxDirectives, exposeLimits: true },
      blockFieldSuggestion: { enabled: !graphql.fieldSuggestions },
    }) as Plugin,
  ];
  if (!graphql.introspection) plugins.push(useDisableIntrospection());
  return plugins;
}
