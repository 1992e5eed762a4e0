// GraphQL fields of the audit trail (auditEvents, needs `report:view`) and of impersonation.
import type { AuditEventRow } from '../../db/schema.js';
import { builder } from '../../graphql/builder.js';
import { keysetConnection, TOTAL_COUNT_DESCRIPTION } from '../../graphql/connections.js';
import type { Context } from '../../graphql/context.js';
import { changed } from '../../graphql/resolvers.js';
import { multilineText } from '../../graphql/text-input.js';
import { parseId } from '../../validation.js';
import { AuthPayload, SessionRef } from '../auth/schema.js';
import { UserRef } from '../users/schema.js';
import { startImpersonation, stopImpersonation } from './impersonation.js';
import { auditCursor, consequencesOf, countAuditEvents, listAuditEvents, parseAction, redact, seesPersonalData, type AuditFilter } from './trail.js';

/** The snapshot as this reader may see it (contact details only for `user:write` or the user themselves). */
async function visibleSnapshot(ctx: Context, event: AuditEventRow, snapshot: unknown): Promise<unknown> {
  if (snapshot === null) return null;
  const viewer = await ctx.auth.require();
  return seesPersonalData(viewer.user.id, await viewer.permissions(), event) ? snapshot : redact(snapshot);
}

const AuditEventRef = builder.objectRef<AuditEventRow>('AuditEvent');
AuditEventRef.implement({
  description: 'One administrative act (or an act made while impersonating), as written in the same transaction as the act.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime' }),
    action: t.exposeString('action', { description: 'USER_DISABLED, ROLE_UPDATED, NOTIFICATION_BROADCAST, IMPERSONATION_STARTED, IMPERSONATED_ACT, ...' }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: 'Who acted: during an impersonation, the user acted as (see impersonator). Null for the system.',
      resolve: (event, _args, ctx) => (event.actorId === null ? null : ctx.loaders.user.load(event.actorId)),
    }),
    impersonator: t.field({
      type: UserRef,
      nullable: true,
      description: 'Who was really acting, when the act was made in an impersonation session.',
      resolve: (event, _args, ctx) => (event.impersonatorId === null ? null : ctx.loaders.user.load(event.impersonatorId)),
    }),
    targetUser: t.field({
      type: UserRef,
      nullable: true,
      resolve: (event, _args, ctx) => (event.targetUserId === null ? null : ctx.loaders.user.load(event.targetUserId)),
    }),
    targetRoleId: t.id({ nullable: true, resolve: (event) => event.targetRoleId }),
    targetPermissionId: t.id({ nullable: true, resolve: (event) => event.targetPermissionId }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The target before the act; contact details redacted unless you hold `user:write` or are the target.',
      resolve: (event, _args, ctx) => visibleSnapshot(ctx, event, event.before),
    }),
    after: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The target after the act, redacted as `before`.',
      resolve: (event, _args, ctx) => visibleSnapshot(ctx, event, event.after),
    }),
    reason: t.exposeString('reason', { nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    requestId: t.exposeString('requestId', { nullable: true, description: 'The x-request-id of the request that made the act, as in the logs.' }),
    consequences: t.field({
      type: [AuditEventRef],
      description: 'What the act changed besides its target: the grants of a created role, the revocations of a deleted permission, ...',
      resolve: async (event, _args, ctx) => (await consequencesOf(ctx.runtime.db, [event.id])).get(event.id) ?? [],
    }),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    actorId: t.id({ required: false }),
    targetUserId: t.id({ required: false }),
    action: t.string({ required: false, description: 'One action, e.g. USER_DISABLED.' }),
    from: t.field({ type: 'DateTime', required: false, description: 'Acts at or after this instant.' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Acts at or before this instant.' }),
  }),
});

const optionalId = (value: string | null | undefined, field: string) => (value == null ? null : parseId(value, field));

builder.queryField('auditEvents', (t) =>
  t.connection(
    {
      type: AuditEventRef,
      description: 'The audit trail, newest first: one entry per administrative act. Needs `report:view`. Also as CSV: GET /admin/audit.csv.',
      authScopes: { permission: 'report:view' },
      edgesNullable: { list: false, items: false },
      args: { filter: t.arg({ type: AuditEventFilter, required: false }) },
      resolve: (_root, args, ctx) => {
        const f = args.filter;
        const filter: AuditFilter = {
          actorId: optionalId(f?.actorId, 'actorId'),
          targetUserId: optionalId(f?.targetUserId, 'targetUserId'),
          action: parseAction(f?.action),
          from: f?.from,
          to: f?.to,
        };
        return keysetConnection(args, {
          toCursor: auditCursor,
          fetch: (page) => listAuditEvents(ctx.runtime.db, filter, page),
          count: () => countAuditEvents(ctx.runtime.db, filter),
        });
      },
    },
    {
      name: 'AuditEventConnection',
      fields: (tc) => ({ totalCount: tc.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: (connection) => connection.totalCount() }) }),
    },
    { name: 'AuditEventEdge' },
  ),
);

builder.objectField(UserRef, 'impersonatedBy', (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    description: 'On `me` in an impersonation session: who is acting as you. Null otherwise, and on every other user.',
    resolve: (user, _args, ctx) => {
      const impersonatorId = ctx.auth.current?.user.id === user.id ? ctx.auth.current.session.impersonatorId : null;
      return impersonatorId == null ? null : ctx.loaders.user.load(impersonatorId);
    },
  }),
);

builder.objectField(SessionRef, 'impersonatedBy', (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    description: 'Set when an administrator started this session to act as you (startImpersonation).',
    resolve: (session, _args, ctx) => (session.impersonatorId == null ? null : ctx.loaders.user.load(session.impersonatorId)),
  }),
);

const StartImpersonationInput = builder.inputType('StartImpersonationInput', {
  fields: (t) => ({
    userId: t.id({ required: true }),
    reason: t.string({ required: true, description: 'Why: kept in the audit trail and shown to the user. 1 to 500 characters.', ...multilineText }),
  }),
});

const ImpersonationPayload = builder.simpleObject('StartImpersonationPayload', {
  description: 'A session acting as the user: use it as an AuthPayload. It ends within an hour, refreshes included.',
  fields: (t) => ({
    session: t.field({ type: AuthPayload }),
    impersonator: t.field({ type: UserRef, description: 'You.' }),
  }),
});

builder.mutationFields((t) => ({
  startImpersonation: t.field({
    type: ImpersonationPayload,
    description:
      'Signs in as another user for at most an hour: every act is recorded with both identities, the user is notified and sees the session, and password, second factors, email and phone cannot be changed. Never onto an Admin or a holder of `user:impersonate` (FORBIDDEN, reason TARGET_PROTECTED). Needs `user:impersonate` and a recent proof (a way into another account: REAUTH_REQUIRED otherwise); it ends by itself when that right or a permission the user has is taken from you, or the user becomes an Admin.',
    authScopes: { $all: { permission: 'user:impersonate', recentProof: true } },
    args: { input: t.arg({ type: StartImpersonationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = await ctx.auth.require();
      const result = await startImpersonation(ctx.runtime, viewer, input, ctx.client);
      return changed(ctx, { session: result, impersonator: viewer.user });
    },
  }),
  stopImpersonation: t.field({
    type: builder.simpleObject('StopImpersonationPayload', { fields: (f) => ({ success: f.boolean() }) }),
    description: 'Ends the impersonation session this request was made with (CONFLICT, reason NOT_IMPERSONATING, for any other session).',
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => {
      await stopImpersonation(ctx.runtime, await ctx.auth.require());
      return { success: true };
    },
  }),
}));
