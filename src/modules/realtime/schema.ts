// GraphQL for presence, chat and notifications: queries and mutations over HTTP or WebSocket, subscriptions over
// graphql-ws or SSE (each ends with its session: see auth/session-watch.ts).
import { multilineText } from '../../graphql/text-input.js';
import type { MessageRow, UserRow } from '../../db/schema.js';
import { builder } from '../../graphql/builder.js';
import type { Context } from '../../graphql/context.js';
import { keysetConnection } from '../../graphql/connections.js';
import { parseId } from '../../validation.js';
import { UserRef } from '../users/schema.js';
import { eventRow, eventUsers } from './event-scope.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from './idempotency.js';
import { topicStream } from './fan-out.js';
import { canSeeMessage, fromMessageEvent, listMessages, messageCursor, sendMessage } from './messages.js';
import {
  broadcastNotification,
  fromNotificationEvent,
  listNotifications,
  markAllRead,
  markRead,
  notificationCursor,
  sendNotification,
  unreadCount,
  type NotificationWithRead,
} from './notifications.js';

builder.subscriptionType({});

/** A user named by `source`: through its event's shared loader when it came from an event (see event-scope.ts). */
async function loadUser(ctx: Context, id: number, source: object): Promise<UserRow> {
  const user = await (eventUsers(source) ?? ctx.loaders.user).load(id);
  if (!user) throw new Error(`User ${id} is missing`);
  return user;
}

// ---------------------------------------------------------------- presence

const PresenceStatus = builder.enumType('PresenceStatus', {
  values: {
    ONLINE: { value: 'online', description: 'At least one open, authenticated socket.' },
    AWAY: { value: 'away', description: 'Connected, but the client said the user is away.' },
    OFFLINE: { value: 'offline', description: 'No open socket.' },
  } as const,
});

const SettablePresenceStatus = builder.enumType('SettablePresenceStatus', {
  values: { ONLINE: { value: 'online' }, AWAY: { value: 'away' } } as const,
});

builder.objectFields(UserRef, (t) => ({
  status: t.field({
    type: PresenceStatus,
    description: 'Live presence: online while the user has an open socket (any number of tabs), away when they say so.',
    resolve: async (user, _args, ctx) => (await ctx.loaders.userStatus.load(user.id))?.status ?? 'offline',
  }),
  lastSeenAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: 'When the presence status last changed (came online, went away or offline).',
    resolve: async (user, _args, ctx) => (await ctx.loaders.userStatus.load(user.id))?.lastSeenAt ?? null,
  }),
}));

interface PresenceChangeShape {
  userId: number;
  status: 'online' | 'away' | 'offline';
  at: Date;
}

const PresenceChange = builder.objectRef<PresenceChangeShape>('PresenceChange').implement({
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (change, _args, ctx) => loadUser(ctx, change.userId, change) }),
    status: t.field({ type: PresenceStatus, resolve: (change) => change.status }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

builder.queryField('onlineUsers', (t) =>
  t.field({
    type: [UserRef],
    description: 'Users who are online or away, by username.',
    authScopes: { permission: 'user:read' },
    resolve: (_root, _args, ctx) => ctx.runtime.presence.onlineUsers(),
  }),
);

builder.mutationField('setPresence', (t) =>
  t.field({
    type: builder.simpleObject('SetPresencePayload', {
      fields: (f) => ({ status: f.field({ type: PresenceStatus, description: 'OFFLINE when the caller has no open socket.' }) }),
    }),
    description: 'Marks the caller away or back online on every open socket.',
    authScopes: { authenticated: true },
    args: { status: t.arg({ type: SettablePresenceStatus, required: true }) },
    resolve: async (_root, { status }, ctx) => {
      const viewer = await ctx.auth.require();
      return { status: await ctx.runtime.presence.setStatus(viewer.user.id, status) };
    },
  }),
);

builder.subscriptionField('presenceChanged', (t) =>
  t.field({
    type: PresenceChange,
    description: 'Someone came online, went away or went offline. Emitted only on real changes.',
    authScopes: { authenticated: true },
    subscribe: (_root, _args, ctx) => topicStream(ctx.runtime.events, 'presenceChanged'),
    resolve: (event, _args, ctx) => eventRow(ctx.runtime, event, (e) => ({ ...e, at: new Date(e.at) })),
  }),
);

// ---------------------------------------------------------------- messages

const MessageRef = builder.objectRef<MessageRow>('Message').implement({
  description: 'A chat message: direct (to one user) or to everyone.',
  fields: (t) => ({
    id: t.exposeID('id'),
    content: t.exposeString('content'),
    sender: t.field({ type: UserRef, resolve: (message, _args, ctx) => loadUser(ctx, message.senderId, message) }),
    recipient: t.field({
      type: UserRef,
      nullable: true,
      description: 'Null for a message to everyone.',
      resolve: (message, _args, ctx) => (message.recipientId === null ? null : loadUser(ctx, message.recipientId, message)),
    }),
    isDirect: t.boolean({ resolve: (message) => message.recipientId !== null }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('messages', (t) =>
  t.connection({
    type: MessageRef,
    description:
      'Chat history, newest first: the room everyone shares, or with `withUserId` your conversation with that user. ' +
      '`first` gives the latest messages; pass `pageInfo.endCursor` as `after` to load older ones.',
    authScopes: { authenticated: true },
    args: { withUserId: t.arg.id({ required: false }) },
    resolve: async (_root, args, ctx) => {
      const viewer = await ctx.auth.require();
      const withUserId = args.withUserId == null ? null : parseId(args.withUserId, 'withUserId');
      return keysetConnection(args, { toCursor: messageCursor, fetch: (page) => listMessages(ctx.runtime, viewer.user.id, withUserId, page) });
    },
  }, { name: 'MessageConnection' }, { name: 'MessageEdge' }),
);

const SendMessageInput = builder.inputType('SendMessageInput', {
  fields: (t) => ({
    content: t.string({ required: true, description: '1 to 2000 characters.', ...multilineText }),
    recipientId: t.id({ required: false, description: 'Leave out to write to everyone.' }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
  }),
});

builder.mutationField('sendMessage', (t) =>
  t.field({
    type: builder.simpleObject('SendMessagePayload', { fields: (f) => ({ message: f.field({ type: MessageRef }) }) }),
    description: 'Stores the message, then delivers it live (to the recipient and your own other tabs, or to everyone).',
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: SendMessageInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = await ctx.auth.require();
      const recipientId = input.recipientId == null ? null : parseId(input.recipientId, 'recipientId');
      return { message: await sendMessage(ctx.runtime, viewer.user.id, { ...input, recipientId }) };
    },
  }),
);

builder.subscriptionField('messageReceived', (t) =>
  t.field({
    type: MessageRef,
    description: 'Messages to everyone, and direct messages you send or receive.',
    authScopes: { authenticated: true },
    subscribe: async (_root, _args, ctx) => {
      const { id } = (await ctx.auth.require()).user;
      return topicStream(ctx.runtime.events, 'messageSent', (event) => canSeeMessage(event, id));
    },
    resolve: (event, _args, ctx) => eventRow(ctx.runtime, event, fromMessageEvent),
  }),
);

// ---------------------------------------------------------------- notifications

const NotificationKind = builder.enumType('NotificationKind', {
  values: {
    DIRECT: { value: 'direct', description: 'Sent to you by a user with notification:send.' },
    BROADCAST: { value: 'broadcast', description: 'Sent to everyone.' },
    SYSTEM: { value: 'system', description: 'From the service itself, e.g. your role was changed.' },
  } as const,
});

const NotificationRef = builder.objectRef<NotificationWithRead>('Notification').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: NotificationKind, resolve: (n) => n.kind }),
    title: t.exposeString('title'),
    message: t.exposeString('message'),
    sender: t.field({
      type: UserRef,
      nullable: true,
      description: 'Null for system notifications.',
      resolve: (n, _args, ctx) => (n.senderId === null ? null : loadUser(ctx, n.senderId, n)),
    }),
    read: t.boolean({ resolve: (n) => n.readAt !== null }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  notifications: t.connection({
    type: NotificationRef,
    description: 'Your notifications, newest first.',
    authScopes: { authenticated: true },
    args: { unreadOnly: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: async (_root, args, ctx) => {
      const viewer = await ctx.auth.require();
      return keysetConnection(args, {
        toCursor: notificationCursor,
        fetch: (page) => listNotifications(ctx.runtime, viewer.user.id, args.unreadOnly ?? false, page),
      });
    },
  }, { name: 'NotificationConnection' }, { name: 'NotificationEdge' }),
  unreadNotificationCount: t.int({
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => unreadCount(ctx.runtime, (await ctx.auth.require()).user.id),
  }),
}));

const SendNotificationInput = builder.inputType('SendNotificationInput', {
  fields: (t) => ({
    userId: t.id({ required: true }),
    title: t.string({ required: true, description: '1 to 200 characters.' }),
    message: t.string({ required: true, description: '1 to 5000 characters.', ...multilineText }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
  }),
});

const BroadcastNotificationInput = builder.inputType('BroadcastNotificationInput', {
  fields: (t) => ({
    title: t.string({ required: true, description: '1 to 200 characters.' }),
    message: t.string({ required: true, description: '1 to 5000 characters.', ...multilineText }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
  }),
});

const NotificationPayload = builder.simpleObject('NotificationPayload', {
  fields: (t) => ({ notification: t.field({ type: NotificationRef }) }),
});

builder.mutationFields((t) => ({
  sendNotification: t.field({
    type: NotificationPayload,
    description: 'Notifies one user: stored, and delivered live if they are connected.',
    authScopes: { permission: 'notification:send' },
    args: { input: t.arg({ type: SendNotificationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = await ctx.auth.require();
      const row = await sendNotification(ctx.runtime, viewer.user.id, { ...input, userId: parseId(input.userId, 'userId') });
      return { notification: { ...row, readAt: null } };
    },
  }),
  broadcastNotification: t.field({
    type: NotificationPayload,
    description: 'Notifies everyone: stored once, delivered live to everyone connected, read state kept per user.',
    authScopes: { permission: 'notification:send' },
    args: { input: t.arg({ type: BroadcastNotificationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = await ctx.auth.require();
      return { notification: { ...(await broadcastNotification(ctx.runtime, viewer.user.id, input)), readAt: null } };
    },
  }),
  markNotificationRead: t.field({
    type: NotificationPayload,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const viewer = await ctx.auth.require();
      return { notification: await markRead(ctx.runtime, viewer.user.id, parseId(id, 'id')) };
    },
  }),
  markAllNotificationsRead: t.field({
    type: builder.simpleObject('MarkAllNotificationsReadPayload', {
      fields: (f) => ({ markedCount: f.int({ description: 'How many notifications were unread.' }) }),
    }),
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => ({ markedCount: await markAllRead(ctx.runtime, (await ctx.auth.require()).user.id) }),
  }),
}));

builder.subscriptionField('notificationReceived', (t) =>
  t.field({
    type: NotificationRef,
    description: 'Notifications to you or to everyone, as they are sent.',
    authScopes: { authenticated: true },
    subscribe: async (_root, _args, ctx) => {
      const { id } = (await ctx.auth.require()).user;
      return topicStream(ctx.runtime.events, 'notificationCreated', (event) => event.userId === null || event.userId === id);
    },
    resolve: (event, _args, ctx) => eventRow(ctx.runtime, event, (e) => ({ ...fromNotificationEvent(e), readAt: null })),
  }),
);
