// Error masking: typed errors reach clients with their `extensions.code`; everything else is logged and masked.
import { GraphQLError } from 'graphql';
import { PothosValidationError } from '@pothos/core';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

export const INTERNAL_MESSAGE = 'Unexpected error.';

function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}

/** A typed error as a client sees it: its message, and its code and details in `extensions`. */
export function typedGraphQLError(error: AppError, location: { nodes?: GraphQLError['nodes']; path?: GraphQLError['path'] } = {}): GraphQLError {
  return new GraphQLError(error.message, { ...location, extensions: { code: error.code, ...error.details } });
}

export function createErrorMasker(log: Logger) {
  return (error: unknown, message: string): GraphQLError => {
    const original = originalOf(error);
    const location = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
    if (original instanceof AppError) {
      return typedGraphQLError(original, location);
    }
    if (original instanceof GraphQLError) {
      // Errors graphql-js and Yoga raise about the request itself (syntax, validation, variables, HTTP).
      if (original.extensions.code) return original;
      return new GraphQLError(original.message, { ...location, extensions: { ...original.extensions, code: 'BAD_USER_INPUT' } });
    }
    if (original instanceof PothosValidationError) {
      return new GraphQLError(original.message, { ...location, extensions: { code: 'BAD_USER_INPUT' } });
    }
    log.error({ err: original, path: error instanceof GraphQLError ? error.path : undefined }, 'Unexpected error while executing GraphQL');
    return new GraphQLError(message || INTERNAL_MESSAGE, { ...location, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}

/**
 * The error without Yoga's `extensions.http` (the status and headers an HTTP answer takes from it), which Yoga
 * leaves out of the JSON it sends and other transports would send as it is.
 */
export function withoutHttpDetails(error: GraphQLError): GraphQLError {
  if (error.extensions.http === undefined) return error;
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions });
}
