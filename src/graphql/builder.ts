// The Pothos builder: plugins, scalars and the auth scopes every module declares its fields with.
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { TEXT_INPUT_PLUGIN } from './text-input.js';
import { AUDIT_TRAIL_PLUGIN } from '../modules/audit/mutation-plugin.js';
import { GraphQLError, Kind, valueFromASTUntyped } from 'graphql';
import { GraphQLUpload, type FileUpload } from 'graphql-upload-minimal';
import { forbidden, mfaEnrollmentRequired, unauthenticated } from '../errors.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { requireRecentProof, type RecentProofOptions } from '../modules/auth/step-up.js';
import type { BuiltInPermission } from '../modules/roles/catalog.js';
import type { Context } from './context.js';

export interface AuthScopes {
  /** Any signed-in user with a live, full session (not one limited to enrolling a second factor). */
  authenticated: boolean;
  /** Any signed-in user, including a session limited to enrolling a second factor (MFA_REQUIRED_ROLES): `me`, enrollment, sign-out. */
  enrolling: boolean;
  /** The caller's role grants this permission, e.g. `role:manage`; only names of the catalog (roles/catalog.ts). */
  permission: BuiltInPermission;
  /** The caller is the user with this id. */
  self: number;
  /** The caller holds the role with this id now. */
  roleHolder: number;
  /**
   * Step-up, on every mutation that adds, removes or changes a way into the account (listed in WAYS_IN of
   * test/security-step-up.test.ts): the caller's session proved who holds it within REAUTH_MAX_AGE, or the arguments
   * carry a proof. Fails with REAUTH_REQUIRED (see modules/auth/step-up.ts); `true` for the plain rule.
   */
  recentProof: true | RecentProofOptions;
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
  // scope-auth first so no other plugin's wrapper runs before authorization; then every string argument is checked
  // (./text-input.ts) before any resolver sees it; every mutation then runs in its audit scope (an impersonated one
  // is recorded: modules/audit/mutation-plugin.ts).
  plugins: [ScopeAuthPlugin, TEXT_INPUT_PLUGIN, AUDIT_TRAIL_PLUGIN, RelayPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    // Without waiting when the caller is already known (see AuthState), so such a request needs no promise.
    authScopes: (context) => {
      // An enrollment-only session holds no scope but `enrolling` and `self` (its own profile, for `me`).
      const scopes = (viewer: Viewer | null) => {
        const full = viewer !== null && !viewer.session.enrollmentOnly;
        return {
          authenticated: full,
          enrolling: viewer !== null,
          permission: async (name: BuiltInPermission) => (full ? (await viewer.permissions()).has(name) : false),
          self: (userId: number) => context.auth.isSelf(userId),
          // Not `full`: the user a sign-in answers for (no viewer yet) holds their role in its payload.
          roleHolder: (roleId: number) => (viewer?.session.enrollmentOnly ? false : context.auth.holdsRole(roleId)),
          // Throws what the client should see (REAUTH_REQUIRED, IMPERSONATION_FORBIDDEN, a wrong inline password…).
          recentProof: async (options: true | RecentProofOptions) => {
            await requireRecentProof(context.runtime, context.auth, context.client, options === true ? {} : options);
            return true;
          },
        };
      };
      const known = context.auth.current;
      return known === undefined ? context.auth.viewer().then(scopes) : scopes(known);
    },
    unauthorizedError: (_parent, context) =>
      context.auth.current?.session.enrollmentOnly ? mfaEnrollmentRequired() : context.auth.current ? forbidden() : unauthenticated(),
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
  description: 'An instant in time, as an RFC 3339 date-time with a year from 0001 to 9999 (e.g. 2026-11-25T01:09:08.000Z); always UTC on output.',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    throw new GraphQLError('DateTime must be a Date');
  },
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

// RFC 3339 section 5.6: full-date "T" full-time, with "Z" or a numeric offset; "t"/"z" and a space are allowed by
// the RFC's note but not here, and neither are ISO 8601's other forms (week dates, expanded years, "+275760-...").
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

function parseDate(value: unknown): Date {
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  const date = match ? new Date(value as string) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || !isRealDateTime(match, date)) {
    throw new GraphQLError('DateTime must be an RFC 3339 date-time with a year from 0001 to 9999, e.g. 2026-11-25T01:09:08Z', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00.000Z');
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/** Each field in its range (Date would roll 02-31 over into March), and the instant within years 0001 to 9999 in UTC. */
function isRealDateTime(match: RegExpExecArray, date: Date): boolean {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1];
  return (
    days !== undefined &&
    day >= 1 &&
    day <= days &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    Number(match[9] ?? 0) <= 23 &&
    Number(match[10] ?? 0) <= 59 &&
    date.getTime() >= FIRST_INSTANT &&
    date.getTime() <= LAST_INSTANT
  );
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
