// The chat screen: conversations (everyone, and one per person online or written to) with live presence dots, and
// the open conversation, whose earlier history loads as you scroll up.
import * as chat from '../chat.js';
import { avatar, h, replace } from '../dom.js';
import { describe, setFieldError } from '../forms.js';
import { formatTime, t } from '../i18n.js';
import { conversation, conversationChanged, correspondents, me, people, type ConversationKey, type Message } from '../state.js';
import type { PresenceStatus } from '../gql/graphql.js';
import type { View } from './view.js';

/** Load older messages when scrolled this close to the top. */
const TOP_THRESHOLD_PX = 120;

export function presenceDot(status: PresenceStatus): HTMLElement {
  return h('span', { class: `dot dot-${status.toLowerCase()}`, role: 'img', aria: { label: t(`status.${status}`) }, data: { status } });
}

function nameOf(key: ConversationKey): string {
  if (key === 'room') return t('chat.room');
  const id = key.slice(3);
  return people.get().get(id)?.username ?? correspondents.get(id)?.username ?? `#${id}`;
}

export function chatView(withUserId: string | null): View {
  const key: ConversationKey = withUserId ? `dm:${withUserId}` : 'room';
  const myId = me.get()!.id;

  const list = h('ul', { class: 'conv-list', id: 'conv-list' });
  const title = h('h2', { id: 'conv-title' });
  const titleStatus = h('span', { class: 'conv-status' });
  const edge = h('p', { class: 'history-edge', id: 'history-edge' });
  const messageList = h('ol', { class: 'message-list', id: 'message-list' });
  const scroller = h('div', { class: 'messages', id: 'messages', role: 'log', tabindex: 0, aria: { live: 'polite', labelledby: 'conv-title' } }, edge, messageList);
  const input = h('textarea', { id: 'message-input', name: 'content', rows: 1, maxlength: 2000, placeholder: t('chat.placeholder'), aria: { describedby: 'message-input-error' } });
  const inputError = h('p', { class: 'field-error', id: 'message-input-error', hidden: true });
  const sendButton = h('button', { type: 'submit', class: 'primary', id: 'send-button' }, t('chat.send'));
  const composer = h(
    'form',
    { class: 'composer', id: 'composer' },
    h('label', { for: 'message-input', class: 'visually-hidden', text: t('chat.message') }),
    h('div', { class: 'composer-row' }, input, sendButton),
    inputError,
  );

  function renderList(): void {
    const items: HTMLElement[] = [];
    const entry = (k: ConversationKey, label: HTMLElement[], userId?: string) => {
      const unread = conversation(k).unread;
      return h(
        'li',
        null,
        h(
          'a',
          { class: 'conv', href: k === 'room' ? '#/chat' : `#/chat/${k.slice(3)}`, aria: { current: k === key ? 'page' : 'false' }, data: { key: k, userId: userId ?? '' } },
          label,
          unread > 0 ? h('span', { class: 'badge', aria: { label: t('chat.unread', { count: unread }) } }, String(unread)) : null,
        ),
      );
    };
    items.push(entry('room', [h('span', { class: 'avatar avatar-sm avatar-room', aria: { hidden: true } }, '#'), h('span', { class: 'conv-name' }, t('chat.everyone'))]));
    items.push(h('li', { class: 'conv-heading', text: t('chat.online') }));
    const online = [...people.get().values()].filter((p) => p.id !== myId && p.status !== 'OFFLINE');
    const onlineIds = new Set(online.map((p) => p.id));
    online.sort((a, b) => a.username.localeCompare(b.username));
    if (online.length === 0) items.push(h('li', { class: 'conv-empty muted', text: t('chat.noOneOnline') }));
    for (const person of online) {
      items.push(
        entry(
          `dm:${person.id}`,
          [h('span', { class: 'avatar-wrap' }, avatar(person), presenceDot(person.status)), h('span', { class: 'conv-name' }, person.username)],
          person.id,
        ),
      );
    }
    // People written to this session who have gone offline, and the one open now.
    const offline = [...correspondents.values()].filter((u) => !onlineIds.has(u.id) && (conversation(`dm:${u.id}`).loaded || conversation(`dm:${u.id}`).unread > 0 || `dm:${u.id}` === key));
    for (const user of offline) {
      items.push(entry(`dm:${user.id}`, [h('span', { class: 'avatar-wrap' }, avatar(user), presenceDot('OFFLINE')), h('span', { class: 'conv-name' }, user.username)], user.id));
    }
    replace(list, items);
    title.textContent = key === 'room' ? t('chat.room') : t('chat.with', { name: nameOf(key) });
    if (key !== 'room') {
      const status = people.get().get(key.slice(3))?.status ?? 'OFFLINE';
      replace(titleStatus, presenceDot(status), h('span', { class: 'muted' }, t(`status.${status}`)));
    }
  }

  function messageItem(message: Message): HTMLElement {
    const mine = message.sender.id === myId;
    return h(
      'li',
      { class: mine ? 'msg mine' : 'msg', data: { id: message.id } },
      avatar(message.sender),
      h(
        'div',
        { class: 'bubble' },
        h('div', { class: 'meta' }, h('span', { class: 'sender' }, mine ? t('chat.you') : message.sender.username), ' ', h('time', { datetime: message.createdAt }, formatTime(message.createdAt))),
        h('p', { class: 'content' }, message.content),
      ),
    );
  }

  function renderMessages(): void {
    const conv = conversation(key);
    const renderedIds = [...messageList.children].map((li) => (li as HTMLElement).dataset.id);
    // Appending only what is new keeps the log's live region from re-announcing the whole history.
    const isPrefix = renderedIds.length <= conv.messages.length && renderedIds.every((id, i) => conv.messages[i]!.id === id);
    if (isPrefix) for (const message of conv.messages.slice(renderedIds.length)) messageList.appendChild(messageItem(message));
    else replace(messageList, conv.messages.map(messageItem));
    edge.textContent = !conv.loaded || conv.hasOlder ? t('chat.loadingOlder') : conv.messages.length === 0 ? t('chat.empty') : t('chat.beginning');
  }

  const nearBottom = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 120;
  const toBottom = () => (scroller.scrollTop = scroller.scrollHeight);

  async function fillOrOlder(): Promise<void> {
    // Keep loading while the history does not fill the box (no scrollbar, no way to scroll up) or the user is at the top.
    while (scroller.isConnected && (scroller.scrollHeight <= scroller.clientHeight || scroller.scrollTop < TOP_THRESHOLD_PX)) {
      if (!(await chat.loadOlder(key))) return;
    }
  }

  const unsubscribe = [
    conversationChanged.subscribe((change) => {
      if (!change) return;
      if (change.key !== key) {
        if (change.kind === 'unread') renderList();
        return;
      }
      // The first page may name a correspondent the list and the title only knew by id.
      if (change.kind === 'unread' || change.kind === 'reset') renderList();
      if (change.kind === 'unread') return;
      if (change.kind === 'prepended') {
        const fromBottom = scroller.scrollHeight - scroller.scrollTop;
        renderMessages();
        scroller.scrollTop = scroller.scrollHeight - fromBottom;
        return;
      }
      const stick = change.kind === 'reset' || nearBottom() || conversation(key).messages.at(-1)?.sender.id === myId;
      renderMessages();
      if (stick) toBottom();
      if (change.kind === 'reset') void fillOrOlder();
      if (change.kind === 'appended' && document.visibilityState === 'visible') chat.markSeen(key);
    }),
    people.subscribe(renderList),
  ];

  scroller.addEventListener('scroll', () => {
    if (scroller.scrollTop < TOP_THRESHOLD_PX) void fillOrOlder();
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  input.addEventListener('input', () => setFieldError({ input, error: inputError }, null));
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const content = input.value.trim();
    if (!content) return;
    sendButton.disabled = true;
    chat
      .send(key, content)
      .then(() => {
        input.value = '';
        toBottom();
      })
      .catch((error: unknown) => setFieldError({ input, error: inputError }, describe(error, 'content')))
      .finally(() => {
        sendButton.disabled = false;
        input.focus();
      });
  });

  const el = h(
    'section',
    { class: 'chat', id: 'chat' },
    h('nav', { class: 'people', aria: { labelledby: 'people-title' } }, h('h2', { id: 'people-title', class: 'visually-hidden', text: t('chat.conversations') }), list),
    h('div', { class: 'conversation' }, h('header', { class: 'conv-header' }, title, titleStatus), scroller, composer),
  );

  chat.setActive(key);
  renderList();
  renderMessages();
  queueMicrotask(toBottom);
  void chat.loadInitial(key).catch(() => {
    edge.textContent = t('error.network');
  });
  if (conversation(key).loaded) queueMicrotask(() => void fillOrOlder());

  return {
    el,
    focus: () => input.focus(),
    destroy: () => {
      unsubscribe.forEach((undo) => undo());
      // The next view is built before this one goes: it may have claimed the active conversation already.
      if (chat.activeConversation() === key) chat.setActive(null);
    },
  };
}
