// The Pothos builder: plugins, scalars and the auth scopes every module declares its fields with.
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, Kind, valueFromASTUntyped } from 'graphql';
import { GraphQLUpload, type FileUpload } from 'graphql-upload-minimal';
import { forbidden, unauthenticated } from '../errors.js';
import type { Viewer } from '../modules/auth/viewer.js';
import type { Context } from './context.js';

export interface AuthScopes {
  /** Any signed-in user with a live session. */
  authenticated: boolean;
  /** The caller's role grants this permission, e.g. `role:manage`. */
  permission: string;
  /** The caller is the user with this id. */
  self: number;
  /** The caller holds the role with this id now. */
  roleHolder: number;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string | number };
    /** A file sent as a GraphQL multipart request; read it with `readUpload` (./uploads.ts). */
    Upload: { Input: Promise<FileUpload>; Output: never };
  };
}>({
  // scope-auth first so no other plugin's wrapper runs before authorization.
  plugins: [ScopeAuthPlugin, RelayPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    // Without waiting when the caller is already known (see AuthState), so such a request needs no promise.
    authScopes: (context) => {
      const scopes = (viewer: Viewer | null) => ({
        authenticated: viewer !== null,
        permission: async (name: string) => (viewer ? (await viewer.permissions()).has(name) : false),
        self: (userId: number) => context.auth.isSelf(userId),
        roleHolder: (roleId: number) => context.auth.holdsRole(roleId),
      });
      const known = context.auth.current;
      return known === undefined ? context.auth.viewer().then(scopes) : scopes(known);
    },
    unauthorizedError: (_parent, context) => (context.auth.current ? forbidden() : unauthenticated()),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Plain database ids are exposed; no global Node lookup is offered.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

builder.scalarType('DateTime', {
  description: 'An instant in time, as an ISO 8601 string in UTC (e.g. 2026-11-25T01:09:08.000Z).',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    throw new GraphQLError('DateTime must be a Date');
  },
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO 8601 string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDate(ast.value);
  },
});

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO 8601 string', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

builder.scalarType('JSON', {
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

// graphql-upload-minimal's scalar, under the name upload links expect; requests reach it through ./uploads.ts.
builder.addScalarType('Upload', GraphQLUpload);

builder.queryType({});
builder.mutationType({});
