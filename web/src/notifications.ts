// Notifications: the live unread count, the list (newest first, a page at a time), and read state kept in step
// across this user's tabs (the API has no event for "read", so tabs tell each other on a BroadcastChannel).
import { gql } from './api.js';
import type { WebNotificationsQuery } from './gql/graphql.js';
import { MarkAllNotificationsRead, MarkNotificationRead, Notifications, UnreadNotificationCount } from './operations.js';
import { Signal, unreadNotifications } from './state.js';

export type Notification = WebNotificationsQuery['notifications']['edges'][number]['node'];

const PAGE_SIZE = 20;

interface ListState {
  items: Notification[];
  cursor: string | null;
  hasMore: boolean;
  loaded: boolean;
}

export const list = new Signal<ListState>({ items: [], cursor: null, hasMore: false, loaded: false });
const arrivalListeners = new Set<(n: Notification) => void>();

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('membership.notifications');
channel?.addEventListener('message', () => void refresh().catch(() => undefined));

function tellOtherTabs(): void {
  channel?.postMessage('changed');
}

export function onArrival(listener: (n: Notification) => void): () => void {
  arrivalListeners.add(listener);
  return () => arrivalListeners.delete(listener);
}

export async function refreshCount(): Promise<void> {
  unreadNotifications.set((await gql(UnreadNotificationCount)).unreadNotificationCount);
}

/** The first page (again), merged with what is shown; also the count. After a reconnect, or another tab's change. */
export async function refresh(): Promise<void> {
  const state = list.get();
  if (!state.loaded) return refreshCount();
  const data = await gql(Notifications, { first: PAGE_SIZE });
  const fresh = data.notifications.edges.map((e) => e.node);
  const byId = new Map(fresh.map((n) => [n.id, n]));
  const older = state.items.filter((n) => !byId.has(n.id) && Number(n.id) < Number(fresh.at(-1)?.id ?? Infinity));
  list.set({ ...state, items: [...fresh, ...older] });
  unreadNotifications.set(data.unreadNotificationCount);
}

export async function loadFirst(): Promise<void> {
  const data = await gql(Notifications, { first: PAGE_SIZE });
  list.set({
    items: data.notifications.edges.map((e) => e.node),
    cursor: data.notifications.pageInfo.endCursor ?? null,
    hasMore: data.notifications.pageInfo.hasNextPage,
    loaded: true,
  });
  unreadNotifications.set(data.unreadNotificationCount);
}

export async function loadMore(): Promise<void> {
  const state = list.get();
  if (!state.hasMore) return;
  const data = await gql(Notifications, { first: PAGE_SIZE, after: state.cursor ?? undefined });
  const known = new Set(state.items.map((n) => n.id));
  list.set({
    items: [...state.items, ...data.notifications.edges.map((e) => e.node).filter((n) => !known.has(n.id))],
    cursor: data.notifications.pageInfo.endCursor ?? state.cursor,
    hasMore: data.notifications.pageInfo.hasNextPage,
    loaded: true,
  });
}

/** From the subscription. */
export function receive(notification: Notification): void {
  const state = list.get();
  if (state.items.some((n) => n.id === notification.id)) return;
  if (state.loaded) list.set({ ...state, items: [notification, ...state.items] });
  if (!notification.read) unreadNotifications.set(unreadNotifications.get() + 1);
  for (const listener of arrivalListeners) listener(notification);
}

export async function markRead(id: string): Promise<void> {
  await gql(MarkNotificationRead, { id });
  const state = list.get();
  list.set({ ...state, items: state.items.map((n) => (n.id === id ? { ...n, read: true } : n)) });
  await refreshCount();
  tellOtherTabs();
}

export async function markAllRead(): Promise<void> {
  await gql(MarkAllNotificationsRead);
  const state = list.get();
  list.set({ ...state, items: state.items.map((n) => ({ ...n, read: true })) });
  unreadNotifications.set(0);
  tellOtherTabs();
}

export function reset(): void {
  list.set({ items: [], cursor: null, hasMore: false, loaded: false });
}
