// What the page knows, outside the DOM: the signed-in user, who is online, chat conversations and the unread count.
// Views render from here and listen for changes, so they can be redrawn (e.g. in another language) at any time.
import type { PresenceStatus, WebMeQuery, WebMessagesQuery } from './gql/graphql.js';

export type Me = WebMeQuery['me'];
export type Message = WebMessagesQuery['messages']['edges'][number]['node'];

export interface Person {
  id: string;
  username: string;
  status: PresenceStatus;
  thumbUrl?: string | null;
}

/** A minimal observable: set() notifies, subscribe() returns its own undo. */
export class Signal<T> {
  private readonly listeners = new Set<(value: T) => void>();
  constructor(private value: T) {}

  get(): T {
    return this.value;
  }

  set(value: T): void {
    this.value = value;
    this.emit();
  }

  emit(): void {
    for (const listener of this.listeners) listener(this.value);
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const me = new Signal<Me | null>(null);
export const people = new Signal<Map<string, Person>>(new Map());
export const unreadNotifications = new Signal<number>(0);

export function can(permission: string): boolean {
  return me.get()?.role.permissions?.some((p) => p.name === permission) ?? false;
}

/** The admin area is for roles that manage or oversee users (Admin, Moderator), not for plain users. */
export function canAdminister(): boolean {
  return ['user:write', 'role:manage', 'report:view', 'notification:send'].some(can);
}

// ------------------------------------------------------------------ conversations

/** `room` for everyone, `dm:<user id>` for a direct conversation. */
export type ConversationKey = 'room' | `dm:${string}`;

export interface Conversation {
  key: ConversationKey;
  /** Oldest first, as displayed. */
  messages: Message[];
  ids: Set<string>;
  /** Cursor of the oldest message loaded, for loading older ones. */
  olderCursor: string | null;
  hasOlder: boolean;
  loaded: boolean;
  unread: number;
}

export type ConversationChange = { key: ConversationKey; kind: 'appended' | 'prepended' | 'reset' | 'unread' };

export const conversations = new Map<ConversationKey, Conversation>();
export const conversationChanged = new Signal<ConversationChange | null>(null);
/** People seen in direct messages, so a conversation stays listed after they go offline. */
export const correspondents = new Map<string, { id: string; username: string; thumbUrl?: string | null }>();

export function conversation(key: ConversationKey): Conversation {
  let found = conversations.get(key);
  if (!found) {
    found = { key, messages: [], ids: new Set(), olderCursor: null, hasOlder: true, loaded: false, unread: 0 };
    conversations.set(key, found);
  }
  return found;
}

export function keyOf(message: Message, myId: string): ConversationKey {
  if (!message.isDirect || !message.recipient) return 'room';
  return `dm:${message.sender.id === myId ? message.recipient.id : message.sender.id}`;
}

function order(a: Message, b: Message): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id);
}

/** Adds messages not seen yet; says whether any was new. */
export function merge(conv: Conversation, incoming: Message[]): Message[] {
  const fresh = incoming.filter((m) => !conv.ids.has(m.id));
  if (fresh.length === 0) return [];
  for (const m of fresh) conv.ids.add(m.id);
  conv.messages.push(...fresh);
  conv.messages.sort(order);
  return fresh;
}

export function resetAll(): void {
  me.set(null);
  people.set(new Map());
  unreadNotifications.set(0);
  conversations.clear();
  correspondents.clear();
}
