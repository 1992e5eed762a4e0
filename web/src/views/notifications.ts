// The notifications screen: newest first, unread ones marked, each can be marked read, or all at once.
import { h, replace } from '../dom.js';
import { describe } from '../forms.js';
import { formatDateTime, t } from '../i18n.js';
import * as notifications from '../notifications.js';
import { unreadNotifications } from '../state.js';
import type { View } from './view.js';

export function notificationsView(): View {
  const listEl = h('ol', { class: 'notif-list', id: 'notif-list' });
  const status = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const markAll = h('button', { type: 'button', id: 'mark-all-read' }, t('notif.markAllRead'));
  const more = h('button', { type: 'button', id: 'notif-more', hidden: true }, t('notif.loadMore'));

  const fail = (error: unknown) => {
    status.textContent = describe(error);
    status.hidden = false;
  };
  const act = (button: HTMLButtonElement, work: () => Promise<void>) => {
    button.disabled = true;
    status.hidden = true;
    work()
      .catch(fail)
      .finally(() => (button.disabled = false));
  };

  function item(n: notifications.Notification): HTMLElement {
    const markButton = n.read
      ? h('span', { class: 'muted small' }, t('notif.read'))
      : h('button', { type: 'button', class: 'small', data: { action: 'mark-read' } }, t('notif.markRead'));
    if (markButton instanceof HTMLButtonElement) markButton.addEventListener('click', () => act(markButton, () => notifications.markRead(n.id)));
    return h(
      'li',
      { class: n.read ? 'notif' : 'notif unread', data: { id: n.id } },
      h(
        'article',
        { aria: { labelledby: `notif-${n.id}-title` } },
        h('h3', { id: `notif-${n.id}-title` }, n.title),
        h('p', { class: 'notif-message' }, n.message),
        h(
          'p',
          { class: 'meta muted small' },
          t(`notif.kind.${n.kind}`),
          n.sender ? ` · ${t('notif.from', { name: n.sender.username })}` : '',
          ' · ',
          h('time', { datetime: n.createdAt }, formatDateTime(n.createdAt)),
        ),
        markButton,
      ),
    );
  }

  function render(): void {
    const state = notifications.list.get();
    replace(listEl, state.items.length === 0 && state.loaded ? h('li', { class: 'muted', text: t('notif.empty') }) : state.items.map(item));
    more.hidden = !state.hasMore;
    markAll.disabled = unreadNotifications.get() === 0;
  }

  markAll.addEventListener('click', () => act(markAll, notifications.markAllRead));
  more.addEventListener('click', () => act(more, notifications.loadMore));
  const unsubscribe = [notifications.list.subscribe(render), unreadNotifications.subscribe(render)];
  render();
  notifications.loadFirst().catch(fail);

  const heading = h('h1', { tabindex: -1, text: t('notif.title') });
  return {
    el: h('section', { class: 'page notifications', id: 'notifications' }, h('header', { class: 'page-header' }, heading, markAll), status, listEl, more),
    focus: () => heading.focus(),
    destroy: () => unsubscribe.forEach((undo) => undo()),
  };
}
