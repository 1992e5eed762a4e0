// GET /admin/audit.csv: the audit trail as CSV, with auditEvents' filters as query parameters and its permission
// (`report:view`, a Bearer token). Streamed a page at a time, waiting for the client to drain, so a long trail
// never sits in memory.
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timeWindow } from '../../db/keyset.js';
import { auditEvents, type AuditEventRow } from '../../db/schema.js';
import { AppError, badInput } from '../../errors.js';
import { sendJson } from '../../http/responses.js';
import type { HttpRoute } from '../../http/routes.js';
import type { Runtime } from '../../runtime.js';
import { parseId } from '../../validation.js';
import { bearerToken } from '../auth/tokens.js';
import { viewerFromToken } from '../auth/viewer.js';
import { auditCursor, listAuditEvents, parseAction, redact, seesPersonalData, type AuditFilter } from './trail.js';

const PAGE = 500;
const COLUMNS = ['id', 'at', 'action', 'actor_id', 'impersonator_id', 'target_user_id', 'target_role_id', 'target_permission_id', 'reason', 'ip', 'user_agent', 'request_id', 'before', 'after'];

/**
 * One CSV cell: quoted, quotes doubled, and a cell a spreadsheet would run as a formula (starting with = + - @, or
 * a tab or carriage return that hides one) prefixed with a single quote (OWASP's CSV injection advice).
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

function csvLine(event: AuditEventRow, personal: boolean): string {
  const snapshot = (value: unknown) => (value === null || personal ? value : redact(value));
  const cells = [
    event.id, event.at, event.action, event.actorId, event.impersonatorId, event.targetUserId, event.targetRoleId, event.targetPermissionId,
    event.reason, event.ip, event.userAgent, event.requestId, snapshot(event.before), snapshot(event.after),
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: string | null, field: string): Date | null {
  if (value === null || value === '') return null;
  const date = RFC3339.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw badInput(field, `"${field}" must be an RFC 3339 date-time, e.g. 2026-11-25T01:09:08Z`);
  return date;
}

function parseFilter(params: URLSearchParams): AuditFilter {
  const id = (field: string) => {
    const value = params.get(field);
    return value === null || value === '' ? null : parseId(value, field);
  };
  const filter = { actorId: id('actorId'), targetUserId: id('targetUserId'), action: parseAction(params.get('action')), from: parseInstant(params.get('from'), 'from'), to: parseInstant(params.get('to'), 'to') };
  // Checked here, before the 200 goes out (the query would refuse it only once the body has begun).
  timeWindow(auditEvents.at, filter);
  return filter;
}

async function serveAuditCsv(runtime: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let filter: AuditFilter;
  let readerId: number;
  let permissions: ReadonlySet<string>;
  try {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new AppError('UNAUTHENTICATED', 'Send "Authorization: Bearer <token>"');
    const viewer = await viewerFromToken(runtime, token);
    permissions = await viewer.permissions();
    if (!permissions.has('report:view')) throw new AppError('FORBIDDEN', 'You do not have permission to do this');
    readerId = viewer.user.id;
    filter = parseFilter(new URL(req.url ?? '/', 'http://localhost').searchParams);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const status = error.code === 'UNAUTHENTICATED' ? 401 : error.code === 'FORBIDDEN' ? 403 : 400;
    sendJson(res, status, { error: error.message, code: error.code, ...error.details });
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="audit.csv"',
    'cache-control': 'no-store',
  });
  // A byte-order mark, so spreadsheet programs read Thai text as UTF-8.
  res.write(`\uFEFF${COLUMNS.map(csvCell).join(',')}\r\n`);
  let after: string | undefined;
  for (;;) {
    const rows = await listAuditEvents(runtime.db, filter, { after, limit: PAGE, inverted: false });
    if (res.destroyed) return;
    let chunk = '';
    for (const row of rows) chunk += csvLine(row, seesPersonalData(readerId, permissions, row));
    if (chunk && !res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    if (rows.length < PAGE || res.destroyed) break;
    after = auditCursor(rows[rows.length - 1]!);
  }
  res.end();
}

export const auditCsvRoute: HttpRoute = {
  name: 'audit-csv',
  owns: (path) => path === '/admin/audit.csv',
  methods: ['GET'],
  handle: (runtime, req, res) => serveAuditCsv(runtime, req, res),
};
