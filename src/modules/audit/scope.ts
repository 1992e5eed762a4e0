// The request an audit row is written for: who is calling from where, and whether through an impersonation. Set
// around every mutation's resolver by the audit plugin (./mutation-plugin.ts), on every transport, so
// recordHistory fills in IP, User-Agent, request id and impersonator without any caller passing them along: the
// other modules' calls (MFA resets, data erasure, ...) get the same columns without a change to their signature.
import { AsyncLocalStorage } from 'node:async_hooks';
import { logScope } from '../../logger.js';

export interface AuditContext {
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  /** The holder of `user:impersonate` acting as the actor, if the caller's session is an impersonation. */
  impersonatorId?: number | null;
}

export interface AuditScope {
  ip: string | null;
  userAgent: string | null;
  /** Resolved when a row is written: the caller's viewer is known by then (the act needed it). */
  impersonatorId(): number | null;
  /** Acts recorded under this scope so far (rows without a parent). */
  acts: number;
  /** The id of the last of them: what later consequences of the same act point at (recordConsequences). */
  lastActId?: number;
}

export const auditScope = new AsyncLocalStorage<AuditScope>();

/** What recordHistory writes beside the entry: the explicit context first, then the current scope's. */
export function currentAuditContext(explicit: AuditContext = {}): Required<AuditContext> {
  const scope = auditScope.getStore();
  return {
    ip: explicit.ip !== undefined ? explicit.ip : (scope?.ip ?? null),
    userAgent: (explicit.userAgent !== undefined ? explicit.userAgent : (scope?.userAgent ?? null))?.slice(0, 512) ?? null,
    requestId: (explicit.requestId !== undefined ? explicit.requestId : (logScope.getStore()?.requestId ?? null))?.slice(0, 64) ?? null,
    impersonatorId: explicit.impersonatorId !== undefined ? explicit.impersonatorId : (scope?.impersonatorId() ?? null),
  };
}

/** Counts an act in the current scope, so the plugin knows the resolver recorded one itself. */
export function noteActRecorded(id: number): void {
  const scope = auditScope.getStore();
  if (!scope) return;
  scope.acts += 1;
  scope.lastActId = id;
}

/** The act the current scope recorded last, if any. */
export const lastActId = (): number | undefined => auditScope.getStore()?.lastActId;
