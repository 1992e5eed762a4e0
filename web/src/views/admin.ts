// The administration screen, for Admins and Moderators; each part appears only with the permission it needs:
// users (user:read) a page at a time, role changes (role:manage), enabling and disabling (user:write),
// notifications (notification:send), the permission history (role:manage) and sign-in history (report:view).
import { gql, sendOnce } from '../api.js';
import { avatar, h, replace } from '../dom.js';
import { describe, field, formError, notice, onSubmit, showError, type Field } from '../forms.js';
import type { AccountStatus, AuditEventFilter, PermissionHistoryAction, WebAdminUsersQuery, WebAdminUsersQueryVariables, WebAuditEventsQuery, WebLoginHistoryQuery, WebPermissionHistoryQuery } from '../gql/graphql.js';
import { formatDateTime, formatNumber, hasKey, t } from '../i18n.js';
import * as session from '../session.js';
import {
  AdminUsers,
  AuditEvents,
  BroadcastNotification,
  ChangeUserRole,
  LoginHistory,
  PermissionHistory,
  Roles,
  SendNotification,
  SetUserStatus,
  StartImpersonation,
} from '../operations.js';
import { can, me } from '../state.js';
import { presenceDot } from './chat.js';
import { adminSecondFactors } from './mfa.js';
import { adminLinkedAccounts } from './oidc.js';
import type { View } from './view.js';

type AdminUser = WebAdminUsersQuery['users']['edges'][number]['node'];
type HistoryEntry = WebPermissionHistoryQuery['permissionHistory']['edges'][number]['node'];
type LoginAttempt = WebLoginHistoryQuery['loginHistory']['edges'][number]['node'];
type AuditEvent = WebAuditEventsQuery['auditEvents']['edges'][number]['node'];
export type AdminTab = 'users' | 'history' | 'logins' | 'activity' | 'broadcast';

const PAGE_SIZE = 20;
const HISTORY_PAGE = 20;

export function adminTabs(): AdminTab[] {
  const tabs: AdminTab[] = [];
  if (can('user:read')) tabs.push('users');
  if (can('role:manage')) tabs.push('history');
  if (can('report:view')) tabs.push('logins', 'activity');
  if (can('notification:send')) tabs.push('broadcast');
  return tabs;
}

const TAB_LABELS = { users: 'admin.users', history: 'admin.permissionHistory', logins: 'admin.loginHistory', activity: 'admin.activity', broadcast: 'admin.broadcast' } as const;

export function adminView(requested: AdminTab | null): View {
  const tabs = adminTabs();
  const tab = requested && tabs.includes(requested) ? requested : tabs[0];
  const heading = h('h1', { tabindex: -1, text: t('admin.title') });
  const nav = h(
    'nav',
    { class: 'tabs', aria: { label: t('admin.title') } },
    tabs.map((name) => h('a', { class: 'tab', href: name === 'users' ? '#/admin' : `#/admin/${name}`, id: `admin-tab-${name}`, aria: { current: name === tab ? 'page' : 'false' } }, t(TAB_LABELS[name]))),
  );
  let body: HTMLElement;
  let cleanup = () => undefined as void;
  switch (tab) {
    case 'users': {
      const users = usersPanel();
      body = users.el;
      cleanup = users.destroy;
      break;
    }
    case 'history':
      body = historyList({}).el;
      break;
    case 'logins':
      body = loginList({}).el;
      break;
    case 'activity':
      body = activityPanel();
      break;
    case 'broadcast':
      body = broadcastForm();
      break;
    default:
      body = h('p', { class: 'form-error', text: t('error.FORBIDDEN') });
  }
  return {
    el: h('section', { class: 'page admin', id: 'admin' }, h('header', { class: 'page-header' }, heading), nav, body),
    focus: () => heading.focus(),
    destroy: cleanup,
  };
}

// ------------------------------------------------------------------ users

function usersPanel(): { el: HTMLElement; destroy: () => void } {
  const search = field({ id: 'admin-search', label: 'admin.searchLabel', type: 'search', autocomplete: 'off' });
  const status = field({
    id: 'admin-status',
    label: 'admin.status',
    options: [
      { value: '', label: t('admin.all') },
      { value: 'ACTIVE', label: t('admin.active') },
      { value: 'DISABLED', label: t('admin.disabled') },
    ],
  });
  const form = h('form', { class: 'search-form', id: 'admin-search-form', role: 'search' }, search.wrapper, status.wrapper, h('button', { type: 'submit', class: 'primary' }, t('admin.search')));
  const summary = h('p', { class: 'muted', id: 'admin-summary', role: 'status', aria: { live: 'polite' } });
  const listEl = h('ul', { class: 'user-list', id: 'admin-users' });
  const error = formError();
  const prev = h('button', { type: 'button', id: 'admin-prev', disabled: true }, t('admin.previous'));
  const next = h('button', { type: 'button', id: 'admin-next', disabled: true }, t('admin.next'));
  const detail = h('section', { class: 'card user-detail', id: 'user-detail', hidden: true, aria: { labelledby: 'user-detail-title' } });

  let offset = 0;
  let page: WebAdminUsersQuery['users'] | null = null;
  let selected: string | null = null;

  async function load(direction: 'first' | 'next' | 'prev'): Promise<void> {
    error.hidden = true;
    const filters = { search: search.input.value.trim() || undefined, status: (status.input.value || undefined) as AccountStatus | undefined };
    const cursors: WebAdminUsersQueryVariables =
      direction === 'next' && page
        ? { first: PAGE_SIZE, after: page.pageInfo.endCursor ?? undefined }
        : direction === 'prev' && page
          ? { last: PAGE_SIZE, before: page.pageInfo.startCursor ?? undefined }
          : { first: PAGE_SIZE };
    try {
      const data = await gql(AdminUsers, { ...filters, ...cursors });
      if (direction === 'first') offset = 0;
      else if (direction === 'next') offset += page?.edges.length ?? 0;
      else offset = Math.max(0, offset - data.users.edges.length);
      page = data.users;
      render();
    } catch (failure) {
      error.textContent = describe(failure);
      error.hidden = false;
    }
  }

  function render(): void {
    if (!page) return;
    const { totalCount, edges, pageInfo } = page;
    summary.textContent = edges.length === 0 ? t('admin.none') : t('admin.range', { from: formatNumber(offset + 1), to: formatNumber(offset + edges.length), total: formatNumber(totalCount) });
    replace(listEl, edges.map((e) => userRow(e.node)));
    // The connection's hasPreviousPage is only meaningful when paging backwards; the offset knows.
    prev.disabled = offset === 0;
    next.disabled = !pageInfo.hasNextPage && offset + edges.length >= totalCount;
  }

  function userRow(user: AdminUser): HTMLElement {
    const manage = h('button', { type: 'button', class: 'small', data: { action: 'manage' }, aria: { expanded: selected === user.id, controls: 'user-detail' } }, t('admin.manage'));
    manage.addEventListener('click', () => openDetail(user));
    return h(
      'li',
      { class: user.isActive ? 'user-row' : 'user-row disabled', data: { userId: user.id, username: user.username } },
      h('span', { class: 'avatar-wrap' }, avatar(user), presenceDot(user.status)),
      h('span', { class: 'user-main' }, h('strong', { class: 'username' }, user.username), user.email ? h('span', { class: 'muted small' }, user.email) : null),
      h('span', { class: 'role-name' }, user.role.name),
      h('span', { class: user.isActive ? 'pill pill-ok' : 'pill pill-off', data: { field: 'status' } }, user.isActive ? t('admin.active') : t('admin.disabled')),
      manage,
    );
  }

  function openDetail(user: AdminUser): void {
    selected = user.id;
    detail.hidden = false;
    replace(detail, userDetail(user, (changed) => {
      if (page) page = { ...page, edges: page.edges.map((e) => (e.node.id === changed.id ? { ...e, node: { ...e.node, ...changed } } : e)) };
      render();
    }, () => {
      selected = null;
      detail.hidden = true;
      render();
    }));
    render();
    detail.scrollIntoView({ block: 'nearest' });
    (detail.querySelector('h2') as HTMLElement | null)?.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load('first');
  });
  prev.addEventListener('click', () => void load('prev'));
  next.addEventListener('click', () => void load('next'));
  void load('first');

  return {
    el: h('div', { class: 'stack' }, form, error, summary, listEl, h('div', { class: 'actions pager' }, prev, next), detail),
    destroy: () => undefined,
  };
}

function userDetail(user: AdminUser, onChange: (user: Partial<AdminUser> & { id: string }) => void, onClose: () => void): HTMLElement {
  const close = h('button', { type: 'button', class: 'small', id: 'user-detail-close' }, t('admin.close'));
  close.addEventListener('click', onClose);
  const logins = can('report:view') ? loginList({ userId: user.id }) : null;
  const changes = can('role:manage') ? historyList({ targetUserId: user.id }) : null;
  // A change made here shows up in the user's history at once.
  const changed = (update: Partial<AdminUser> & { id: string }) => {
    onChange(update);
    changes?.reload();
  };
  const parts: HTMLElement[] = [];
  if (can('role:manage')) parts.push(roleForm(user, changed));
  if (can('user:write') && user.id !== me.get()?.id) parts.push(statusForm(user, changed));
  if (can('notification:send')) parts.push(notifyForm(user));
  if (can('user:write')) parts.push(adminSecondFactors(user.id), adminLinkedAccounts(user.id));
  // The server refuses Admins and other impersonators too; the button is only offered where it can work.
  if (can('user:impersonate') && user.id !== me.get()?.id && user.role.name !== 'Admin') parts.push(impersonateForm(user));
  if (logins) parts.push(h('section', null, h('h3', { text: t('admin.loginsOf', { name: user.username }) }), logins.el));
  if (changes) parts.push(h('section', null, h('h3', { text: t('admin.historyOf', { name: user.username }) }), changes.el));
  return h(
    'div',
    { class: 'stack' },
    h('header', { class: 'page-header' }, h('h2', { id: 'user-detail-title', tabindex: -1 }, user.username), close),
    parts,
  );
}

function roleForm(user: AdminUser, onChange: (user: Partial<AdminUser> & { id: string }) => void): HTMLElement {
  const role = field({ id: 'detail-role', label: 'admin.role', options: [{ value: user.role.id, label: user.role.name }], value: user.role.id });
  const reason = field({ id: 'detail-role-reason', label: 'admin.reason', maxlength: 500 });
  const error = formError();
  const done = notice();
  done.id = 'role-notice';
  const fields: Record<string, Field> = { roleId: role, reason };
  const form = h('form', { class: 'stack', id: 'role-form' }, h('h3', { text: t('admin.changeRole') }), role.wrapper, reason.wrapper, error, h('button', { type: 'submit' }, t('admin.changeRole')), done);
  gql(Roles)
    .then((data) => replace(role.input, data.roles.map((r) => h('option', { value: r.id, selected: r.id === user.role.id }, r.name))))
    .catch((failure: unknown) => showError(failure, fields, error));
  onSubmit(form, {
    fields,
    error,
    done,
    send: async () => {
      const data = await gql(ChangeUserRole, { input: { userId: user.id, roleId: role.input.value, reason: reason.input.value.trim() || undefined } });
      onChange({ id: user.id, role: data.changeUserRole.user.role });
      done.textContent = t('admin.roleChanged', { role: data.changeUserRole.user.role.name });
    },
  });
  return form;
}

function statusForm(user: AdminUser, onChange: (user: Partial<AdminUser> & { id: string }) => void): HTMLElement {
  let active = user.isActive;
  const reason = field({ id: 'detail-status-reason', label: 'admin.reason', maxlength: 500 });
  const error = formError();
  const done = notice();
  done.id = 'status-notice';
  const button = h('button', { type: 'submit', id: 'status-toggle' });
  const label = () => {
    button.textContent = active ? t('admin.disable') : t('admin.enable');
    button.className = active ? 'danger' : 'primary';
  };
  label();
  const form = h('form', { class: 'stack', id: 'status-form' }, h('h3', { text: t('admin.status') }), reason.wrapper, error, button, done);
  onSubmit(form, {
    fields: { reason },
    error,
    done,
    send: async () => {
      const data = await gql(SetUserStatus, { input: { userId: user.id, active: !active, reason: reason.input.value.trim() || undefined } });
      active = data.setUserStatus.user.isActive;
      label();
      onChange({ id: user.id, isActive: active });
      done.textContent = active ? t('admin.enabledDone') : t('admin.disabledDone', { count: data.setUserStatus.revokedSessions });
    },
  });
  return form;
}

function notificationFields(prefix: string): { title: Field; message: Field } {
  return {
    title: field({ id: `${prefix}-title`, label: 'admin.notifTitle', maxlength: 200, required: true }),
    message: field({ id: `${prefix}-message`, label: 'admin.notifMessage', multiline: true, maxlength: 5000, required: true }),
  };
}

function notifyForm(user: AdminUser): HTMLElement {
  const fields = notificationFields('notify');
  const error = formError();
  const done = notice();
  done.id = 'notify-notice';
  const form = h('form', { class: 'stack', id: 'notify-form' }, h('h3', { text: t('admin.notify') }), fields.title.wrapper, fields.message.wrapper, error, h('button', { type: 'submit' }, t('admin.send')), done);
  onSubmit(form, {
    fields,
    error, done,
    send: async () => {
      await sendOnce(SendNotification, { input: { userId: user.id, title: fields.title.input.value.trim(), message: fields.message.input.value.trim() } });
      form.reset();
      done.textContent = t('admin.sent');
    },
  });
  return form;
}

function broadcastForm(): HTMLElement {
  const fields = notificationFields('broadcast');
  const error = formError();
  const done = notice();
  done.id = 'broadcast-notice';
  const form = h('form', { class: 'stack card', id: 'broadcast-form' }, fields.title.wrapper, fields.message.wrapper, error, h('button', { type: 'submit', class: 'primary' }, t('admin.send')), done);
  onSubmit(form, {
    fields,
    error, done,
    send: async () => {
      await sendOnce(BroadcastNotification, { input: { title: fields.title.input.value.trim(), message: fields.message.input.value.trim() } });
      form.reset();
      done.textContent = t('admin.sent');
    },
  });
  return form;
}

// ------------------------------------------------------------------ histories

/** A list that shows a page and a "load more" button, for the two histories. */
function pagedList<T>(
  id: string,
  fetchPage: (after: string | undefined) => Promise<{ items: T[]; endCursor: string | null | undefined; hasNextPage: boolean; totalCount: number }>,
  row: (item: T) => HTMLElement,
): { el: HTMLElement; reload: () => void } {
  const listEl = h('ol', { class: 'history', id });
  const summary = h('p', { class: 'muted small' });
  const error = formError();
  const more = h('button', { type: 'button', class: 'small', hidden: true }, t('notif.loadMore'));
  let cursor: string | undefined;
  let shown = 0;
  const load = async (reset: boolean) => {
    error.hidden = true;
    try {
      const page = await fetchPage(reset ? undefined : cursor);
      if (reset) {
        listEl.replaceChildren();
        shown = 0;
      }
      page.items.forEach((item) => listEl.appendChild(row(item)));
      shown += page.items.length;
      cursor = page.endCursor ?? undefined;
      more.hidden = !page.hasNextPage;
      summary.textContent = shown === 0 ? t('admin.noHistory') : t('admin.range', { from: 1, to: formatNumber(shown), total: formatNumber(page.totalCount) });
    } catch (failure) {
      error.textContent = describe(failure);
      error.hidden = false;
    }
  };
  more.addEventListener('click', () => void load(false));
  void load(true);
  return { el: h('div', { class: 'stack' }, summary, error, listEl, more), reload: () => void load(true) };
}

function historyList(filter: { targetUserId?: string }): { el: HTMLElement; reload: () => void } {
  return pagedList<HistoryEntry>(
    filter.targetUserId ? 'user-permission-history' : 'permission-history',
    async (after) => {
      const data = await gql(PermissionHistory, { filter, first: HISTORY_PAGE, after });
      const c = data.permissionHistory;
      return { items: c.edges.map((e) => e.node), endCursor: c.pageInfo.endCursor, hasNextPage: c.pageInfo.hasNextPage, totalCount: c.totalCount };
    },
    (entry) => {
      const target = entry.targetUser?.username ?? entry.targetRole?.name ?? entry.targetPermission?.name ?? '';
      return h(
        'li',
        { class: 'history-entry', data: { action: entry.action } },
        h('time', { datetime: entry.createdAt, class: 'muted small' }, formatDateTime(entry.createdAt)),
        h('span', null, h('strong', null, actionLabel(entry.action)), target ? ` · ${target}` : '', describeChange(entry)),
        h('span', { class: 'muted small' }, `${t('admin.actor')} ${entry.actor?.username ?? '—'}`, entry.reason ? ` · “${entry.reason}”` : ''),
      );
    },
  );
}

/** For role changes, "User → Moderator" from the snapshots. */
function describeChange(entry: HistoryEntry): string {
  const roleName = (snapshot: unknown) => {
    if (typeof snapshot !== 'object' || snapshot === null) return undefined;
    const s = snapshot as Record<string, unknown>;
    const role = s.role as Record<string, unknown> | undefined;
    return typeof s.roleName === 'string' ? s.roleName : typeof role?.name === 'string' ? role.name : undefined;
  };
  if (entry.action !== 'USER_ROLE_CHANGED') return '';
  const from = roleName(entry.before);
  const to = roleName(entry.after);
  return from && to ? ` (${from} → ${to})` : '';
}

function actionLabel(action: PermissionHistoryAction): string {
  return t(`action.${action}`);
}

function failureReason(reason: string): string {
  const key = `login.${reason}`;
  return hasKey(key) ? t(key) : reason;
}

function loginList(filter: { userId?: string }): { el: HTMLElement; reload: () => void } {
  let success: boolean | undefined;
  const outcome = field({
    id: filter.userId ? 'user-login-filter' : 'login-filter',
    label: 'admin.result',
    options: [
      { value: '', label: t('admin.all') },
      { value: 'true', label: t('admin.onlySuccess') },
      { value: 'false', label: t('admin.onlyFailed') },
    ],
  });
  const list = pagedList<LoginAttempt>(
    filter.userId ? 'user-login-history' : 'login-history',
    async (after) => {
      const data = await gql(LoginHistory, { userId: filter.userId, success, first: HISTORY_PAGE, after });
      const c = data.loginHistory;
      return { items: c.edges.map((e) => e.node), endCursor: c.pageInfo.endCursor, hasNextPage: c.pageInfo.hasNextPage, totalCount: c.totalCount };
    },
    (attempt) =>
      h(
        'li',
        { class: attempt.success ? 'history-entry' : 'history-entry failed', data: { success: String(attempt.success) } },
        h('time', { datetime: attempt.createdAt, class: 'muted small' }, formatDateTime(attempt.createdAt)),
        h(
          'span',
          null,
          h('strong', null, attempt.user?.username ?? attempt.identifier ?? '—'),
          ' · ',
          h('span', { class: attempt.success ? 'pill pill-ok' : 'pill pill-off' }, attempt.success ? t('admin.success') : t('admin.failed')),
          attempt.reason ? ` ${failureReason(attempt.reason)}` : '',
        ),
        h('span', { class: 'muted small device' }, `${t('admin.ip')} ${attempt.ip ?? '—'} · ${attempt.userAgent ?? '—'}`),
      ),
  );
  outcome.input.addEventListener('change', () => {
    success = outcome.input.value === '' ? undefined : outcome.input.value === 'true';
    list.reload();
  });
  return { el: h('div', { class: 'stack' }, h('div', { class: 'search-form' }, outcome.wrapper), list.el), reload: list.reload };
}

// ------------------------------------------------------------------ impersonation

function impersonateForm(user: AdminUser): HTMLElement {
  const reason = field({ id: 'impersonate-reason', label: 'admin.impersonateReason', maxlength: 500, required: true });
  const error = formError();
  const form = h(
    'form',
    { class: 'stack', id: 'impersonate-form' },
    h('h3', { text: t('admin.impersonate') }),
    h('p', { class: 'muted small', text: t('admin.impersonateHint') }),
    reason.wrapper,
    error,
    h('button', { type: 'submit', class: 'danger', id: 'impersonate-start' }, t('admin.impersonate')),
  );
  onSubmit(form, {
    fields: { reason },
    error,
    send: async () => {
      const data = await gql(StartImpersonation, { input: { userId: user.id, reason: reason.input.value.trim() } });
      await session.beginImpersonation(data.startImpersonation.session);
      // main.ts starts the page over as the user (a view cannot reach the frame).
      window.dispatchEvent(new Event('membership:switch-user'));
    },
  });
  return form;
}

// ------------------------------------------------------------------ activity (the audit trail)

function auditActionLabel(action: string): string {
  const key = `action.${action}`;
  return hasKey(key) ? t(key) : action;
}

const AUDIT_ACTIONS = [
  'USER_DISABLED', 'USER_ENABLED', 'USER_DELETED', 'USER_ROLE_CHANGED', 'USER_SESSIONS_REVOKED', 'ROLE_CREATED', 'ROLE_UPDATED', 'ROLE_DELETED',
  'PERMISSION_CREATED', 'PERMISSION_UPDATED', 'PERMISSION_DELETED', 'NOTIFICATION_SENT', 'NOTIFICATION_BROADCAST', 'IMPERSONATION_STARTED',
  'IMPERSONATION_STOPPED', 'IMPERSONATED_ACT',
];

/** The date inputs' local day, as the instant it starts (or ends) in this browser's time zone. */
function dayBoundary(value: string, end: boolean): string | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}T00:00:00`);
  if (end) {
    date.setDate(date.getDate() + 1);
    date.setMilliseconds(-1);
  }
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function activityPanel(): HTMLElement {
  const actor = field({ id: 'activity-actor', label: 'admin.activityActor', inputmode: 'numeric', autocomplete: 'off' });
  const target = field({ id: 'activity-target', label: 'admin.activityTarget', inputmode: 'numeric', autocomplete: 'off' });
  const action = field({ id: 'activity-action', label: 'admin.activityAction', options: [{ value: '', label: t('admin.all') }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionLabel(a) }))] });
  const from = field({ id: 'activity-from', label: 'admin.activityFrom', type: 'date' });
  const to = field({ id: 'activity-to', label: 'admin.activityTo', type: 'date' });
  const csv = h('button', { type: 'button', class: 'small', id: 'activity-csv' }, t('admin.activityCsv'));
  const form = h('form', { class: 'search-form', id: 'activity-form', role: 'search' }, actor.wrapper, target.wrapper, action.wrapper, from.wrapper, to.wrapper, h('button', { type: 'submit', class: 'primary' }, t('admin.activityFilter')), csv);
  const filter = (): AuditEventFilter => ({
    actorId: actor.input.value.trim() || undefined,
    targetUserId: target.input.value.trim() || undefined,
    action: action.input.value || undefined,
    from: dayBoundary(from.input.value, false),
    to: dayBoundary(to.input.value, true),
  });
  const list = pagedList<AuditEvent>(
    'activity-list',
    async (after) => {
      const data = await gql(AuditEvents, { filter: filter(), first: HISTORY_PAGE, after });
      const c = data.auditEvents;
      return { items: c.edges.map((e) => e.node), endCursor: c.pageInfo.endCursor, hasNextPage: c.pageInfo.hasNextPage, totalCount: c.totalCount };
    },
    (event) =>
      h(
        'li',
        { class: 'history-entry', data: { action: event.action, eventId: event.id } },
        h('time', { datetime: event.at, class: 'muted small' }, formatDateTime(event.at)),
        h('span', null, h('strong', null, auditActionLabel(event.action)), event.targetUser ? ` · ${event.targetUser.username}` : ''),
        h(
          'span',
          { class: 'muted small' },
          `${t('admin.actor')} ${event.actor?.username ?? '—'}`,
          event.impersonator ? ` (${t('admin.actingFor', { name: event.impersonator.username })})` : '',
          event.reason ? ` · “${event.reason}”` : '',
          event.ip ? ` · ${t('admin.ip')} ${event.ip}` : '',
        ),
      ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    list.reload();
  });
  // A link cannot carry the Bearer token, so the file is fetched and handed to the browser as a download.
  csv.addEventListener('click', () => {
    csv.disabled = true;
    const params = new URLSearchParams(Object.entries(filter()).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    void session
      .fresh()
      .then((tokens) => fetch(`/admin/audit.csv?${params}`, { headers: { authorization: `Bearer ${tokens.token}` } }))
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const url = URL.createObjectURL(await response.blob());
        const link = h('a', { href: url });
        link.download = 'audit.csv';
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      })
      .catch(() => undefined)
      .finally(() => (csv.disabled = false));
  });
  return h('div', { class: 'stack', id: 'activity' }, form, list.el);
}
