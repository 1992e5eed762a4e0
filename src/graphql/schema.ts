// Assembles the modules into one schema. Importing a module's schema file registers its types.
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import '../modules/roles/schema.js';
import '../modules/users/schema.js';
import '../modules/users/admin-schema.js';
import '../modules/users/reports-schema.js';
import '../modules/auth/schema.js';
import '../modules/realtime/schema.js';
import '../modules/avatars/schema.js';
import '../modules/audit/permission-history-schema.js';
import '../modules/audit/login-history-schema.js';
import '../modules/audit/schema.js';
import '../modules/recovery/schema.js';
import '../modules/passkeys/schema.js';
import '../modules/oidc/schema.js';
import '../modules/mfa/schema.js';
import '../modules/privacy/schema.js';

let schema: GraphQLSchema | undefined;

export function getSchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: true });
  return schema;
}

/** The SDL committed as schema.graphql. */
export function printSdl(): string {
  return `${printSchema(lexicographicSortSchema(getSchema()))}\n`;
}
