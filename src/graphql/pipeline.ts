// The rules every GraphQL document meets, whatever carried it: HTTP POST and GET, SSE, and graphql-ws. Operations
// on sockets run through `yoga.getEnveloped` (see modules/realtime/sockets.ts), which applies envelop's hooks
// (parse, validate, context, execute, subscribe) and none of Yoga's HTTP hooks (onRequest, onRequestParse,
// onParams, onResultProcess, ...). A rule written as an HTTP hook is silently skipped on sockets (Yoga's own
// introspection plugin decides in onRequestParse, so sockets answered introspection in production), so every
// plugin here must be an envelop hook, and documentPlugins refuses to start with one that is not.
//
// Refusals: GRAPHQL_PARSE_FAILED (syntax, the token limit), GRAPHQL_VALIDATION_FAILED (depth, cost, aliases,
// directives, introspection when off, unknown names), BAD_USER_INPUT (variables). In production no message
// suggests a name and no message echoes a long or non-plain value (see client-messages.ts).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { clientMessage, type MessageOptions } from './client-messages.js';
import { useSafeVariables } from './variables.js';
import { useTermsGate } from '../modules/privacy/terms-gate.js';

/** Yoga's hooks that only HTTP requests go through. */
const HTTP_ONLY_HOOKS = ['onRequest', 'onRequestParse', 'onParams', 'onExecutionResult', 'onResultProcess', 'onResponse'] as const;

function transportIndependent(plugins: Plugin[]): Plugin[] {
  for (const [index, plugin] of plugins.entries()) {
    const hook = HTTP_ONLY_HOOKS.find((name) => plugin[name] !== undefined);
    if (hook) throw new Error(`Document plugin #${index} uses Yoga's ${hook} hook, which sockets never run: write it as an envelop hook`);
  }
  return plugins;
}

/**
 * Armor's validation rules report a refusal as a validation error: by default they throw out of validate(), which
 * Yoga turned into a different code and graphql-ws into closing the whole socket (4500).
 */
function reportToValidation(context: ValidationContext | null, error: GraphQLError) {
  context?.reportError(error);
}

function armorRule<T extends object>(options: T) {
  return { ...options, exposeLimits: true, propagateOnRejection: false, onReject: [reportToValidation] };
}

/** Introspection off as a validation rule, so it holds on every transport. */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/** Yoga gives syntax errors this code only on HTTP requests (in a hook that needs the HTTP request). */
function useParseFailureCode(): Plugin {
  return {
    onParse() {
      return ({ result }) => {
        if (result instanceof GraphQLError) (result.extensions as Record<string, unknown>).code ??= 'GRAPHQL_PARSE_FAILED';
      };
    },
  };
}

/** Validation messages as a client may see them: no suggestions in production, no long literal echoed. */
function useClientValidationMessages(options: MessageOptions): Plugin {
  return {
    onValidate() {
      return ({ valid, result }) => {
        if (valid) return;
        // Validation results are cached per document and reused, so the messages are rewritten in place, once.
        for (const error of result) error.message = clientMessage(error.message, options);
      };
    },
  };
}

export function documentPlugins(config: Config): Plugin[] {
  const { graphql } = config;
  const messages: MessageOptions = { suggestions: graphql.fieldSuggestions };
  const plugins: Plugin[] = [
    useParseFailureCode(),
    EnvelopArmorPlugin({
      maxDepth: armorRule({ n: graphql.maxDepth }),
      costLimit: armorRule({ maxCost: graphql.maxCost }),
      maxAliases: armorRule({ n: graphql.maxAliases }),
      // A parse error, which stops parsing (this one must throw).
      maxTokens: { n: graphql.maxTokens, exposeLimits: true },
      maxDirectives: armorRule({ n: graphql.maxDirectives }),
      // Its pattern misses some of graphql-js's suggestions ("Did you mean the enum value …?"); see client-messages.ts.
      blockFieldSuggestion: { enabled: false },
    }) as Plugin,
    useClientValidationMessages(messages),
    useSafeVariables(messages),
    useTermsGate(),
  ];
  if (!graphql.introspection) plugins.push(useNoIntrospection());
  return transportIndependent(plugins);
}
