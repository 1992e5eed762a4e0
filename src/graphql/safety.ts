// Limits on what one GraphQL document may ask for, applied at validation (before anything runs), to HTTP and
// socket operations alike: depth, cost, aliases, tokens and directives through GraphQL Armor, introspection when
// configured off. Refusals are GRAPHQL_VALIDATION_FAILED (or GRAPHQL_PARSE_FAILED for the token limit).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';

export function queryLimitPlugins(config: Config): Plugin[] {
  const { graphql } = config;
  const plugins: Plugin[] = [
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
