// Chat data: history a page at a time (newest first from the API, shown oldest first), live messages merged in by
// id (the server echoes our own messages, and a catch-up may overlap what arrived live), and a catch-up after a
// reconnect that pages back from the newest message until it meets one already shown.
import { gql, sendOnce } from './api.js';
import { Messages, SendMessage } from './operations.js';
import { conversation, conversationChanged, conversations, correspondents, keyOf, me, merge, type ConversationKey, type Message } from './state.js';

export const PAGE_SIZE = 30;
/** A catch-up that finds no overlap after this many pages starts the conversation afresh. */
const CATCH_UP_PAGES = 5;

let active: ConversationKey | null = null;
const loading = new Set<ConversationKey>();
const newMessageListeners = new Set<(message: Message, key: ConversationKey) => void>();

function withUserId(key: ConversationKey): string | undefined {
  return key === 'room' ? undefined : key.slice(3);
}

function remember(message: Message): void {
  const myId = me.get()?.id;
  for (const user of [message.sender, message.recipient]) {
    if (user && user.id !== myId) correspondents.set(user.id, { ...correspondents.get(user.id), ...user });
  }
}

async function fetchPage(key: ConversationKey, after?: string | null) {
  const data = await gql(Messages, { withUserId: withUserId(key), first: PAGE_SIZE, after: after ?? undefined });
  return data.messages;
}

/** The latest page of a conversation, once. */
export async function loadInitial(key: ConversationKey): Promise<void> {
  const conv = conversation(key);
  if (conv.loaded || loading.has(key)) return;
  loading.add(key);
  try {
    const page = await fetchPage(key);
    const nodes = page.edges.map((e) => e.node);
    nodes.forEach(remember);
    merge(conv, nodes);
    conv.olderCursor = page.pageInfo.endCursor ?? null;
    conv.hasOlder = page.pageInfo.hasNextPage;
    conv.loaded = true;
  } finally {
    loading.delete(key);
  }
  conversationChanged.set({ key, kind: 'reset' });
}

/** The page before the oldest message shown (scrolling up). */
export async function loadOlder(key: ConversationKey): Promise<boolean> {
  const conv = conversation(key);
  if (!conv.loaded || !conv.hasOlder || loading.has(key)) return false;
  loading.add(key);
  try {
    const page = await fetchPage(key, conv.olderCursor);
    merge(conv, page.edges.map((e) => e.node));
    conv.olderCursor = page.pageInfo.endCursor ?? conv.olderCursor;
    conv.hasOlder = page.pageInfo.hasNextPage;
  } finally {
    loading.delete(key);
  }
  conversationChanged.set({ key, kind: 'prepended' });
  return true;
}

export function isLoading(key: ConversationKey): boolean {
  return loading.has(key);
}

/** After a reconnect: whatever was said while the socket was down, newest pages first until one overlaps. */
export async function catchUp(key: ConversationKey): Promise<void> {
  const conv = conversation(key);
  if (!conv.loaded) return;
  let after: string | null = null;
  const missed: Message[] = [];
  for (let pageNo = 0; pageNo < CATCH_UP_PAGES; pageNo += 1) {
    const page = await fetchPage(key, after);
    const nodes = page.edges.map((e) => e.node);
    const overlaps = nodes.some((m) => conv.ids.has(m.id));
    missed.push(...nodes);
    if (overlaps || !page.pageInfo.hasNextPage) {
      missed.forEach(remember);
      const fresh = merge(conv, missed);
      if (fresh.length > 0) countUnread(key, fresh);
      conversationChanged.set({ key, kind: 'appended' });
      return;
    }
    after = page.pageInfo.endCursor ?? null;
  }
  // Too much was missed to stitch: start this conversation over from its latest page.
  conversations.delete(key);
  await loadInitial(key);
}

/** Every conversation that was loaded, e.g. after the socket reconnects. */
export async function catchUpAll(): Promise<void> {
  await Promise.all([...conversations.values()].filter((c) => c.loaded).map((c) => catchUp(c.key)));
}

function countUnread(key: ConversationKey, fresh: Message[]): void {
  const myId = me.get()?.id;
  const theirs = fresh.filter((m) => m.sender.id !== myId);
  if (theirs.length === 0) return;
  if (key === active && document.visibilityState === 'visible') return;
  conversation(key).unread += theirs.length;
  conversationChanged.set({ key, kind: 'unread' });
}

/** A message from the subscription. */
export function receive(message: Message): void {
  const myId = me.get()?.id;
  if (!myId) return;
  remember(message);
  const key = keyOf(message, myId);
  const conv = conversation(key);
  // Not loaded yet: the first load will include it; only the unread count changes now.
  const fresh = conv.loaded ? merge(conv, [message]) : conv.ids.has(message.id) ? [] : [message];
  if (fresh.length === 0) return;
  if (conv.loaded) conversationChanged.set({ key, kind: 'appended' });
  countUnread(key, fresh);
  if (message.sender.id !== myId) for (const listener of newMessageListeners) listener(message, key);
}

export function onNewMessage(listener: (message: Message, key: ConversationKey) => void): () => void {
  newMessageListeners.add(listener);
  return () => newMessageListeners.delete(listener);
}

export async function send(key: ConversationKey, content: string): Promise<void> {
  const data = await sendOnce(SendMessage, { input: { content, recipientId: withUserId(key) } });
  const conv = conversation(key);
  if (merge(conv, [data.sendMessage.message]).length > 0) conversationChanged.set({ key, kind: 'appended' });
}

export function setActive(key: ConversationKey | null): void {
  active = key;
  if (key) markSeen(key);
}

export function activeConversation(): ConversationKey | null {
  return active;
}

export function markSeen(key: ConversationKey): void {
  const conv = conversation(key);
  if (conv.unread === 0) return;
  conv.unread = 0;
  conversationChanged.set({ key, kind: 'unread' });
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && active) markSeen(active);
});
