// Helpers for the audit-trail and impersonation tests: untyped GraphQL (the operations change with each test), the
// trail's rows straight from the database, and an impersonation session.
import assert from 'node:assert/strict';
import { parse, type ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { TestServer } from './server.js';

// Untyped on purpose: these documents are written inline, without codegen.
type Data = Record<string, any>;

export function gq(server: TestServer, query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}) {
  return server.request(parse(query) as TypedDocumentNode<Data, Record<string, unknown>>, variables, { token, headers });
}

/** The data of a result that must have no errors. */
export function ok<T extends ExecutionResult<Data>>(result: T): Data {
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data!;
}

export interface AuditRow {
  id: number;
  action: string;
  actor_id: number | null;
  impersonator_id: number | null;
  target_user_id: number | null;
  parent_id: number | null;
  reason: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
}

/** Acts (rows without a parent) written after `afterId`, oldest first. */
export async function actsSince(server: TestServer, afterId: number): Promise<AuditRow[]> {
  return server.db.query<AuditRow[]>('SELECT * FROM audit_events WHERE id > ? AND parent_id IS NULL ORDER BY id', [afterId]);
}

export async function lastAuditId(server: TestServer): Promise<number> {
  const [row] = await server.db.query<{ id: number | null }[]>('SELECT MAX(id) AS id FROM audit_events');
  return Number(row?.id ?? 0);
}

export const START_IMPERSONATION = `mutation ($input: StartImpersonationInput!) {
  startImpersonation(input: $input) { session { token refreshToken expiresAt refreshTokenExpiresAt user { id username } } impersonator { id } }
}`;

export async function impersonate(server: TestServer, adminToken: string, userId: string, reason = 'Support ticket 42: cannot see messages') {
  const data = ok(await gq(server, START_IMPERSONATION, { input: { userId, reason } }, adminToken));
  return data.startImpersonation.session as { token: string; refreshToken: string; expiresAt: string; refreshTokenExpiresAt: string; user: { id: string } };
}
