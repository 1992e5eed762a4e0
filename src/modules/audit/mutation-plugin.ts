// Wraps every Mutation field's resolver, whoever writes it: the resolver runs inside the request's audit scope
// (./scope.ts: IP, User-Agent, impersonator for the rows recordHistory writes), and a mutation made in an
// impersonation session that recorded no act of its own gets one IMPERSONATED_ACT row with both identities. A
// new mutation cannot forget either: it is a Mutation field, so it is wrapped.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Context } from '../../graphql/context.js';
import { recordHistory } from './permission-history.js';
import { auditScope, type AuditScope } from './scope.js';

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types['Context'], object>;

/** Records a successful mutation of an impersonation session that wrote no audit row itself. */
async function recordImpersonatedAct(ctx: Context, mutation: string): Promise<void> {
  // Mutations that need no sign-in never resolved the caller; a bad token is simply nobody here.
  const viewer = ctx.auth.current ?? (await ctx.auth.viewer().catch(() => null));
  const impersonatorId = viewer?.session.impersonatorId;
  if (!viewer || impersonatorId == null) return;
  await recordHistory(ctx.runtime.db, [{ actorId: viewer.user.id, action: 'IMPERSONATED_ACT', targetUserId: viewer.user.id, after: { mutation } }], {
    impersonatorId,
  });
}

export class AuditTrailPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: Resolver<Types>, fieldConfig: PothosOutputFieldConfig<Types>): Resolver<Types> {
    if (fieldConfig.parentType !== 'Mutation') return resolver;
    return (parent, args, context, info) => {
      const ctx = context as Context;
      const scope: AuditScope = {
        ip: ctx.client.ip,
        userAgent: ctx.client.userAgent,
        impersonatorId: () => ctx.auth.current?.session.impersonatorId ?? null,
        acts: 0,
      };
      return auditScope.run(scope, async () => {
        const result: unknown = await resolver(parent, args, context, info);
        if (scope.acts === 0) await recordImpersonatedAct(ctx, info.fieldName);
        return result;
      });
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      auditTrail: AuditTrailPlugin<Types>;
    }
  }
}

/** The plugin's name, for the builder's `plugins` list. */
export const AUDIT_TRAIL_PLUGIN = 'auditTrail';
SchemaBuilder.registerPlugin(AUDIT_TRAIL_PLUGIN, AuditTrailPlugin);
