// Presence, chat and notifications, live over graphql-ws against the real server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BroadcastNotification,
  ChangePassword,
  Login,
  Logout,
  MarkAllNotificationsRead,
  MarkNotificationRead,
  MessageReceived,
  Messages,
  NotificationReceived,
  Notifications,
  OnlineUsers,
  PresenceChanged,
  SendMessage,
  SendNotification,
  SetPresence,
} from './support/operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { accountWithRole, registerUser, signInRootAdmin } from './support/accounts.js';
import { openSocket, subscribe, SUBSCRIBE_SETTLE_MS, type TestSocket } from './support/ws.js';
import { session } from './support/sign-in.js';

const HEARTBEAT_MS = 200;
let server: TestServer;
const sockets: TestSocket[] = [];

function socket(token?: string, options: { deaf?: boolean } = {}) {
  const s = openSocket(server.url, { token, ...options });
  sockets.push(s);
  return s;
}

before(async () => {
  server = await startTestServer({ WS_HEARTBEAT_MS: String(HEARTBEAT_MS) });
});
after(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await server?.close();
});

describe('connecting', () => {
  test('a bad, forged or revoked token is refused with 4403 at connection_init', async () => {
    const garbage = socket('not-a-token');
    assert.equal((await garbage.closed).code, 4403);

    const { token } = await registerUser(server);
    const [header, payload] = token.split('.');
    const forged = socket(`${header}.${payload}.${Buffer.from('x'.repeat(32)).toString('base64url')}`);
    assert.equal((await forged.closed).code, 4403);

    await server.request(Logout, {}, { token });
    const revoked = socket(token);
    assert.equal((await revoked.closed).code, 4403);
  });

  test('an anonymous socket may connect but cannot subscribe', async () => {
    const anonymous = socket();
    await anonymous.connected;
    const sub = await subscribe(anonymous, MessageReceived);
    const first = await sub.next();
    assert.equal(errorCode(first), 'UNAUTHENTICATED');
  });

  test("GraphiQL's way works too: no connection_init credentials, the token in the operation's extensions.headers", async () => {
    const [alice, bob] = await Promise.all([registerUser(server), registerUser(server)]);
    const graphiql = socket();
    await graphiql.connected;
    const received = new Promise<{ data?: { messageReceived: { content: string } } | null }>((resolve) => {
      graphiql.client.subscribe(
        { query: 'subscription { messageReceived { content } }', extensions: { headers: { Authorization: `Bearer ${bob.token}` } } },
        { next: (value) => resolve(value as never), error: () => undefined, complete: () => undefined },
      );
    });
    await new Promise((r) => setTimeout(r, SUBSCRIBE_SETTLE_MS));
    await server.request(SendMessage, { input: { content: 'seen in GraphiQL', recipientId: String(bob.id) } }, { token: alice.token });
    assert.equal((await received).data?.messageReceived.content, 'seen in GraphiQL');
  });

  test('a user without notification:send cannot send notifications, over HTTP or the socket', async () => {
    const user = await registerUser(server);
    const other = await registerUser(server);
    const http = await server.request(SendNotification, { input: { userId: String(other.id), title: 'hi', message: 'there' } }, { token: user.token });
    assert.equal(errorCode(http), 'FORBIDDEN');
    const ws = socket(user.token);
    await ws.connected;
    const result = await new Promise<{ errors?: readonly { extensions?: Record<string, unknown> }[] }>((resolve) => {
      ws.client.subscribe(
        { query: 'mutation { sendNotification(input: { userId: "1", title: "x", message: "y" }) { notification { id } } }' },
        { next: (value) => resolve(value as never), error: (error) => resolve({ errors: error as never }), complete: () => undefined },
      );
    });
    assert.equal(result.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});

describe('messages', () => {
  test('a direct message reaches its recipient and the sender, and nobody else', async () => {
    const [alice, bob, carol] = await Promise.all([registerUser(server), registerUser(server), registerUser(server)]);
    const [aliceSub, bobSub, carolSub] = await Promise.all([
      subscribe(socket(alice.token), MessageReceived),
      subscribe(socket(bob.token), MessageReceived),
      subscribe(socket(carol.token), MessageReceived),
    ]);

    const sent = await server.request(SendMessage, { input: { content: 'สวัสดีครับ Bob 👋', recipientId: String(bob.id) } }, { token: alice.token });
    assert.equal(sent.errors, undefined, JSON.stringify(sent.errors));
    const message = sent.data!.sendMessage.message;
    assert.equal(message.isDirect, true);

    const atBob = (await bobSub.next()).data!.messageReceived;
    assert.deepEqual(atBob, { id: message.id, content: 'สวัสดีครับ Bob 👋', isDirect: true, sender: { id: String(alice.id), username: alice.input.username }, recipient: { id: String(bob.id) } });
    assert.equal((await aliceSub.next()).data!.messageReceived.id, message.id, "the sender's other tabs see it too");
    assert.deepEqual(await carolSub.collect(300), [], 'a third user sees nothing');
  });

  test('a message to everyone reaches every connected user', async () => {
    const users = await Promise.all([registerUser(server), registerUser(server), registerUser(server)]);
    const subs = await Promise.all(users.map((u) => subscribe(socket(u.token), MessageReceived)));
    const sent = await server.request(SendMessage, { input: { content: 'hello everyone' } }, { token: users[0]!.token });
    for (const sub of subs) {
      const received = (await sub.next()).data!.messageReceived;
      assert.equal(received.id, sent.data!.sendMessage.message.id);
      assert.equal(received.isDirect, false);
      assert.equal(received.recipient, null);
    }
  });

  test('messages are stored before delivery, and history pages newest first without gaps', async () => {
    const [alice, bob, eve] = await Promise.all([registerUser(server), registerUser(server), registerUser(server)]);
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const from = i % 2 === 0 ? alice : bob;
      const to = i % 2 === 0 ? bob : alice;
      const sent = await server.request(SendMessage, { input: { content: `dm ${i}`, recipientId: String(to.id) } }, { token: from.token });
      ids.push(sent.data!.sendMessage.message.id);
    }
    const pages: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const page = await server.request(Messages, { withUserId: String(bob.id), first: 3, after }, { token: alice.token });
      assert.equal(page.errors, undefined, JSON.stringify(page.errors));
      pages.push(page.data!.messages.edges.map((e) => e.node.id));
      if (!page.data!.messages.pageInfo.hasNextPage) break;
      after = page.data!.messages.pageInfo.endCursor!;
    }
    assert.deepEqual(pages, [ids.slice(4).reverse(), ids.slice(1, 4).reverse(), ids.slice(0, 1)]);

    const bobsView = await server.request(Messages, { withUserId: String(alice.id), first: 50 }, { token: bob.token });
    assert.equal(bobsView.data!.messages.edges.length, 7, 'the other side of the conversation sees the same history');
    const evesView = await server.request(Messages, { withUserId: String(alice.id), first: 50 }, { token: eve.token });
    assert.deepEqual(evesView.data!.messages.edges, [], 'someone else sees none of it');
    const room = await server.request(Messages, { first: 50 }, { token: eve.token });
    assert.ok(room.data!.messages.edges.every((e) => e.node.recipient === null), 'the room holds only messages to everyone');

    // Catching up after a reconnect: what is newer than the newest message a client has.
    const newer = await server.request(Messages, { withUserId: String(bob.id), last: 10, before: (await cursorOf(alice.token, bob.id, ids[4]!))! }, { token: alice.token });
    assert.deepEqual(newer.data!.messages.edges.map((e) => e.node.id), ids.slice(5).reverse());
  });

  async function cursorOf(token: string, withUserId: number, id: string) {
    const all = await server.request(Messages, { withUserId: String(withUserId), first: 100 }, { token });
    return all.data!.messages.edges.find((e) => e.node.id === id)?.cursor;
  }

  test('empty, oversized or control-character content, a missing recipient and bad cursors are refused, storing nothing', async () => {
    const alice = await registerUser(server);
    const [{ n: before }] = (await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM messages')) as [{ n: number }];
    const cases = [
      [{ content: '   ' }, 'content'],
      [{ content: 'x'.repeat(2001) }, 'content'],
      [{ content: 'bell \u0007' }, 'content'],
      [{ content: 'hi', recipientId: String(alice.id) }, 'recipientId'],
      [{ content: 'hi', recipientId: 'abc' }, 'recipientId'],
    ] as const;
    for (const [input, field] of cases) {
      const result = await server.request(SendMessage, { input }, { token: alice.token });
      assert.equal(errorCode(result), 'BAD_USER_INPUT', JSON.stringify(input));
      assert.equal(result.errors![0]!.extensions!.field, field);
    }
    assert.equal(errorCode(await server.request(SendMessage, { input: { content: 'hi', recipientId: '999999' } }, { token: alice.token })), 'NOT_FOUND');
    assert.equal(errorCode(await server.request(SendMessage, { input: { content: 'hi' } })), 'UNAUTHENTICATED');
    assert.equal(errorCode(await server.request(Messages, { first: 5, after: 'bogus' }, { token: alice.token })), 'BAD_USER_INPUT');
    assert.equal(errorCode(await server.request(Messages, { first: -1 }, { token: alice.token })), 'BAD_USER_INPUT');
    const [{ n: afterCount }] = (await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM messages')) as [{ n: number }];
    assert.equal(afterCount, before);
  });
});

describe('notifications', () => {
  test('a notification is delivered live, listed after reconnecting, and marked read', async () => {
    const admin = await signInRootAdmin(server);
    const user = await registerUser(server);
    const live = socket(user.token);
    const sub = await subscribe(live, NotificationReceived);

    const sent = await server.request(SendNotification, { input: { userId: String(user.id), title: 'ยินดีต้อนรับ', message: 'Welcome aboard' } }, { token: admin.token });
    assert.equal(sent.errors, undefined, JSON.stringify(sent.errors));
    const received = (await sub.next()).data!.notificationReceived;
    assert.deepEqual(received, { id: sent.data!.sendNotification.notification.id, kind: 'DIRECT', title: 'ยินดีต้อนรับ', message: 'Welcome aboard', read: false, sender: { id: admin.id } });
    await live.dispose();

    const listed = await server.request(Notifications, { first: 10 }, { token: user.token });
    assert.equal(listed.data!.unreadNotificationCount, 1);
    assert.equal(listed.data!.notifications.edges[0]!.node.id, received.id);

    const marked = await server.request(MarkNotificationRead, { id: received.id }, { token: user.token });
    assert.equal(marked.data!.markNotificationRead.notification.read, true);
    const after = await server.request(Notifications, { unreadOnly: true, first: 10 }, { token: user.token });
    assert.equal(after.data!.unreadNotificationCount, 0);
    assert.deepEqual(after.data!.notifications.edges, []);
  });

  test('a broadcast reaches everyone live, once per user, and each user reads it separately', async () => {
    const moderator = await accountWithRole(server, (await signInRootAdmin(server)).token, 'Moderator');
    const [a, b] = await Promise.all([registerUser(server), registerUser(server)]);
    const subs = await Promise.all([a, b].map((u) => subscribe(socket(u.token), NotificationReceived)));

    const sent = await server.request(BroadcastNotification, { input: { title: 'Maintenance', message: 'Tonight at 22:00' } }, { token: moderator.token });
    assert.equal(sent.errors, undefined, JSON.stringify(sent.errors));
    for (const sub of subs) {
      const received = (await sub.next()).data!.notificationReceived;
      assert.equal(received.kind, 'BROADCAST');
      assert.equal(received.title, 'Maintenance');
    }
    const marked = await server.request(MarkAllNotificationsRead, {}, { token: a.token });
    assert.ok(marked.data!.markAllNotificationsRead.markedCount >= 1);
    assert.equal((await server.request(Notifications, { first: 5 }, { token: a.token })).data!.unreadNotificationCount, 0);
    assert.equal((await server.request(Notifications, { first: 5 }, { token: b.token })).data!.unreadNotificationCount, 1, "another user's reading changes nothing for b");
  });

  test("users can only read and mark their own; bad titles are refused", async () => {
    const admin = await signInRootAdmin(server);
    const [owner, snoop] = await Promise.all([registerUser(server), registerUser(server)]);
    const sent = await server.request(SendNotification, { input: { userId: String(owner.id), title: 'Private', message: 'for your eyes' } }, { token: admin.token });
    const id = sent.data!.sendNotification.notification.id;
    assert.equal(errorCode(await server.request(MarkNotificationRead, { id }, { token: snoop.token })), 'NOT_FOUND');
    const snoopList = await server.request(Notifications, { first: 50 }, { token: snoop.token });
    assert.ok(snoopList.data!.notifications.edges.every((e) => e.node.id !== id));
    const [{ n }] = (await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM notification_reads WHERE notification_id = ?', [Number(id)])) as [{ n: number }];
    assert.equal(n, 0);

    const empty = await server.request(SendNotification, { input: { userId: String(owner.id), title: ' ', message: 'x' } }, { token: admin.token });
    assert.equal(errorCode(empty), 'BAD_USER_INPUT');
    assert.equal(empty.errors![0]!.extensions!.field, 'title');
    const nobody = await server.request(SendNotification, { input: { userId: '987654', title: 'x', message: 'y' } }, { token: admin.token });
    assert.equal(errorCode(nobody), 'NOT_FOUND');
  });
});

describe('presence', () => {
  test('two tabs count once: online with the first, offline after the last; away when the client says so', async () => {
    const watcher = await registerUser(server);
    const user = await registerUser(server);
    const changes = await subscribe(socket(watcher.token), PresenceChanged);
    const mine = async () => {
      const events = await changes.collect(400);
      return events.map((e) => e.data!.presenceChanged).filter((c) => c.user.id === String(user.id)).map((c) => c.status);
    };

    const tab1 = socket(user.token);
    await tab1.connected;
    assert.deepEqual(await mine(), ['ONLINE']);
    const tab2 = socket(user.token);
    await tab2.connected;
    assert.deepEqual(await mine(), [], 'a second tab changes nothing');
    const online = await server.request(OnlineUsers, {}, { token: watcher.token });
    assert.equal(online.data!.onlineUsers.find((u) => u.id === String(user.id))?.status, 'ONLINE');

    assert.deepEqual((await server.request(SetPresence, { status: 'AWAY' }, { token: user.token })).data, { setPresence: { status: 'AWAY' } });
    assert.deepEqual(await mine(), ['AWAY']);
    await server.request(SetPresence, { status: 'AWAY' }, { token: user.token });
    assert.deepEqual(await mine(), [], 'saying it twice is not a change');
    await server.request(SetPresence, { status: 'ONLINE' }, { token: user.token });
    assert.deepEqual(await mine(), ['ONLINE']);

    await tab1.dispose();
    assert.deepEqual(await mine(), [], 'still one tab open');
    await tab2.dispose();
    assert.deepEqual(await mine(), ['OFFLINE']);
    const [row] = await server.db.query<{ status: string; last_seen_at: Date }[]>('SELECT status, last_seen_at FROM user_status WHERE user_id = ?', [user.id]);
    assert.equal(row!.status, 'offline');
    assert.ok(row!.last_seen_at);
    assert.deepEqual((await server.request(SetPresence, { status: 'AWAY' }, { token: user.token })).data, { setPresence: { status: 'OFFLINE' } });
  });

  test('a socket that stops answering pings is dropped and its user goes offline after the heartbeat window', async () => {
    const watcher = await registerUser(server);
    const user = await registerUser(server);
    const changes = await subscribe(socket(watcher.token), PresenceChanged);
    const dead = socket(user.token, { deaf: true });
    await dead.connected;
    const online = await changes.next();
    assert.deepEqual(online.data!.presenceChanged.user.id, String(user.id));
    const started = Date.now();
    const offline = await changes.next(HEARTBEAT_MS * 10);
    assert.equal(offline.data!.presenceChanged.status, 'OFFLINE');
    assert.equal(offline.data!.presenceChanged.user.id, String(user.id));
    assert.ok(Date.now() - started >= HEARTBEAT_MS, 'not before a ping went unanswered');
  });
});

describe('sessions ending', () => {
  test("logging out closes that session's sockets within a second, and only those", async () => {
    const user = await registerUser(server);
    const other = session((await server.request(Login, { input: { identifier: user.input.username, password: user.input.password } })).data!.login).token;
    const doomed = socket(user.token);
    const survivor = socket(other);
    await Promise.all([doomed.connected, survivor.connected]);
    const started = Date.now();
    await server.request(Logout, {}, { token: user.token });
    const { code } = await doomed.closed;
    assert.equal(code, 4403);
    assert.ok(Date.now() - started < 1000, `closed after ${Date.now() - started} ms`);
    const stillOpen = await Promise.race([survivor.closed.then(() => false), new Promise((r) => setTimeout(() => r(true), 300))]);
    assert.equal(stillOpen, true);
  });

  test("changing the password closes the user's other sockets but not the changer's", async () => {
    const user = await registerUser(server);
    const other = session((await server.request(Login, { input: { identifier: user.input.email, password: user.input.password } })).data!.login).token;
    const mine = socket(user.token);
    const theirs = socket(other);
    await Promise.all([mine.connected, theirs.connected]);
    await server.request(ChangePassword, { input: { currentPassword: user.input.password, newPassword: 'another password 1' } }, { token: user.token });
    assert.equal((await theirs.closed).code, 4403);
    const stillOpen = await Promise.race([mine.closed.then(() => false), new Promise((r) => setTimeout(() => r(true), 300))]);
    assert.equal(stillOpen, true);
  });
});
