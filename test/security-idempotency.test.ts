// Retried sends: a sendMessage / sendNotification / broadcastNotification repeated with the same idempotencyKey
// (after a lost answer, or twice at once) stores and delivers once, over HTTP and graphql-ws alike; a key reused
// for other content is a CONFLICT; keys of different senders never collide.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ExecutionResult } from 'graphql';
import { accountWithRole, register, signInRootAdmin, type Account } from './support/accounts.js';
import { BroadcastNotification, MessageReceived, NotificationReceived, SendMessage, SendNotification } from './support/operations.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';
import { execute, openSocket, subscribe, type TestSocket, type TestSubscription } from './support/ws.js';

/** Low enough that the test can show a retry does not spend it. */
const MESSAGES_PER_USER = 6;

let server: TestServer;
let adminToken: string;
const sockets: TestSocket[] = [];

before(async () => {
  server = await startTestServer({ RATE_LIMIT_MESSAGES_USER: `${MESSAGES_PER_USER}/60` });
  adminToken = (await signInRootAdmin(server)).token;
});

after(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await server.close();
});

async function connect(token: string): Promise<TestSocket> {
  const socket = openSocket(server.url, { token });
  sockets.push(socket);
  await socket.connected;
  return socket;
}

async function rows(table: 'messages' | 'notifications', senderId: string, key: string): Promise<number> {
  const [row] = await server.db.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM ${table} WHERE sender_id = ? AND idempotency_key = ?`, [senderId, key]);
  return Number(row!.n);
}

/**
 * Every event up to and including the one `isMarker` recognizes: sent after the retries, it proves that whatever
 * the retries would have delivered has arrived (events of one publisher arrive in order), without a fixed wait.
 */
async function eventsUntil<T>(subscription: TestSubscription<T>, isMarker: (event: ExecutionResult<T>) => boolean): Promise<ExecutionResult<T>[]> {
  const seen: ExecutionResult<T>[] = [];
  for (;;) {
    const event = await subscription.next();
    seen.push(event);
    if (isMarker(event)) return seen;
  }
}

const messageId = (result: ExecutionResult<{ sendMessage: { message: { id: string } } }>) => {
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data!.sendMessage.message.id;
};

describe('sendMessage with an idempotencyKey', () => {
  test('a retry over HTTP or graphql-ws returns the stored message: one row, one live delivery', async () => {
    const sender = await register(server);
    const listener = await register(server);
    const inbox = await subscribe(await connect(listener.token), MessageReceived);
    const senderSocket = await connect(sender.token);
    const idempotencyKey = randomUUID();
    const input = { content: `hello ${idempotencyKey}`, idempotencyKey };

    const first = messageId(await server.request(SendMessage, { input }, { token: sender.token }));
    const retries = [
      await server.request(SendMessage, { input }, { token: sender.token }),
      await execute(senderSocket, SendMessage, { input }),
      // The same content with surrounding white space is the same message (it is stored trimmed).
      await server.request(SendMessage, { input: { ...input, content: `  ${input.content}\n` } }, { token: sender.token }),
    ];
    for (const retry of retries) assert.equal(messageId(retry), first);
    assert.equal(await rows('messages', sender.id, idempotencyKey), 1);

    messageId(await server.request(SendMessage, { input: { content: 'marker' } }, { token: sender.token }));
    const delivered = await eventsUntil(inbox, (e) => e.data?.messageReceived.content === 'marker');
    assert.deepEqual(
      delivered.map((e) => e.data?.messageReceived.id),
      [first, delivered.at(-1)!.data!.messageReceived.id],
      'the keyed message was delivered once, then the marker',
    );
  });

  test('concurrent attempts with one key store one row and all answer with it', async () => {
    const sender = await register(server);
    const socket = await connect(sender.token);
    const idempotencyKey = randomUUID();
    const input = { content: 'sent from a flaky network', idempotencyKey };
    const attempts = await Promise.all([
      server.request(SendMessage, { input }, { token: sender.token }),
      server.request(SendMessage, { input }, { token: sender.token }),
      execute(socket, SendMessage, { input }),
      execute(socket, SendMessage, { input }),
      server.request(SendMessage, { input }, { token: sender.token }),
    ]);
    const ids = new Set(attempts.map(messageId));
    assert.equal(ids.size, 1, `one message, got ${[...ids].join(', ')}`);
    assert.equal(await rows('messages', sender.id, idempotencyKey), 1);
  });

  test('the same key for different content or another recipient is a CONFLICT, and changes nothing', async () => {
    const sender = await register(server);
    const other = await register(server);
    const socket = await connect(sender.token);
    const idempotencyKey = randomUUID();
    messageId(await server.request(SendMessage, { input: { content: 'original', idempotencyKey } }, { token: sender.token }));
    const reuses = [
      await server.request(SendMessage, { input: { content: 'different', idempotencyKey } }, { token: sender.token }),
      await execute(socket, SendMessage, { input: { content: 'different', idempotencyKey } }),
      await server.request(SendMessage, { input: { content: 'original', recipientId: other.id, idempotencyKey } }, { token: sender.token }),
      await execute(socket, SendMessage, { input: { content: 'original', recipientId: other.id, idempotencyKey } }),
    ];
    for (const reuse of reuses) {
      assert.equal(errorCode(reuse), 'CONFLICT', JSON.stringify(reuse));
      assert.equal(reuse.errors![0]!.extensions!.field, 'idempotencyKey');
      assert.equal(reuse.errors![0]!.extensions!.reason, 'IDEMPOTENCY_KEY_REUSED');
    }
    const [stored] = await server.db.query<{ content: string; recipient_id: number | null }[]>(
      'SELECT content, recipient_id FROM messages WHERE sender_id = ? AND idempotency_key = ?',
      [sender.id, idempotencyKey],
    );
    assert.deepEqual({ ...stored }, { content: 'original', recipient_id: null });
  });

  test("one sender's key never answers for another sender", async () => {
    const [alice, bob] = [await register(server), await register(server)];
    const idempotencyKey = randomUUID();
    const a = messageId(await server.request(SendMessage, { input: { content: 'same words', idempotencyKey } }, { token: alice.token }));
    const b = messageId(await execute(await connect(bob.token), SendMessage, { input: { content: 'same words', idempotencyKey } }));
    assert.notEqual(a, b);
    // Reusing a key another sender used, with other content, is no CONFLICT: that would tell Bob Alice's keys.
    const aliceOnly = randomUUID();
    messageId(await server.request(SendMessage, { input: { content: 'from alice', idempotencyKey: aliceOnly } }, { token: alice.token }));
    messageId(await server.request(SendMessage, { input: { content: 'from bob', idempotencyKey: aliceOnly } }, { token: bob.token }));
    assert.equal(await rows('messages', alice.id, idempotencyKey), 1);
    assert.equal(await rows('messages', bob.id, idempotencyKey), 1);
  });

  test('retries do not spend the message rate limit; new messages still do', async () => {
    const sender = await register(server);
    const idempotencyKey = randomUUID();
    const first = messageId(await server.request(SendMessage, { input: { content: 'once', idempotencyKey } }, { token: sender.token }));
    for (let i = 0; i < MESSAGES_PER_USER * 2; i += 1) {
      assert.equal(messageId(await server.request(SendMessage, { input: { content: 'once', idempotencyKey } }, { token: sender.token })), first);
    }
    for (let i = 1; i < MESSAGES_PER_USER; i += 1) {
      messageId(await server.request(SendMessage, { input: { content: `new ${i}`, idempotencyKey: randomUUID() } }, { token: sender.token }));
    }
    const over = await server.request(SendMessage, { input: { content: 'one too many', idempotencyKey: randomUUID() } }, { token: sender.token });
    assert.equal(errorCode(over), 'RATE_LIMITED');
  });

  test('keys outside 1 to 64 safe characters are BAD_USER_INPUT over HTTP and graphql-ws, storing nothing', async () => {
    const sender = await register(server);
    const socket = await connect(sender.token);
    const bad = ['', 'x'.repeat(65), 'has space', 'semi;colon', "quote'", 'ключ', 'a\u0000b', 'tab\t', '../../etc'];
    for (const idempotencyKey of bad) {
      for (const result of [
        await server.request(SendMessage, { input: { content: 'bad key', idempotencyKey } }, { token: sender.token }),
        await execute(socket, SendMessage, { input: { content: 'bad key', idempotencyKey } }),
      ]) {
        assert.equal(errorCode(result), 'BAD_USER_INPUT', `${JSON.stringify(idempotencyKey)}: ${JSON.stringify(result.errors)}`);
        assert.equal(result.errors![0]!.extensions!.field, 'idempotencyKey');
      }
    }
    const [row] = await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM messages WHERE sender_id = ?', [sender.id]);
    assert.equal(Number(row!.n), 0);
    // The longest key allowed, and none at all, both work.
    messageId(await server.request(SendMessage, { input: { content: 'long key', idempotencyKey: 'K'.repeat(64) } }, { token: sender.token }));
    messageId(await server.request(SendMessage, { input: { content: 'no key' } }, { token: sender.token }));
  });
});

describe('sendNotification and broadcastNotification with an idempotencyKey', () => {
  let moderator: Account;
  let otherModerator: Account;
  before(async () => {
    moderator = await accountWithRole(server, adminToken, 'Moderator');
    otherModerator = await accountWithRole(server, adminToken, 'Moderator');
  });

  const notificationId = (result: ExecutionResult<{ sendNotification: { notification: { id: string } } } | { broadcastNotification: { notification: { id: string } } }>) => {
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const data = result.data!;
    return 'sendNotification' in data ? data.sendNotification.notification.id : data.broadcastNotification.notification.id;
  };

  test('a retried sendNotification is stored and delivered once, over HTTP and graphql-ws, also when concurrent', async () => {
    const recipient = await register(server);
    const inbox = await subscribe(await connect(recipient.token), NotificationReceived);
    const socket = await connect(moderator.token);
    const idempotencyKey = randomUUID();
    const input = { userId: recipient.id, title: 'Maintenance', message: 'Tonight at 22:00', idempotencyKey };
    const first = notificationId(await server.request(SendNotification, { input }, { token: moderator.token }));
    const retries = await Promise.all([
      server.request(SendNotification, { input }, { token: moderator.token }),
      execute(socket, SendNotification, { input }),
      server.request(SendNotification, { input }, { token: moderator.token }),
    ]);
    for (const retry of retries) assert.equal(notificationId(retry), first);
    assert.equal(await rows('notifications', moderator.id, idempotencyKey), 1);

    notificationId(await server.request(SendNotification, { input: { ...input, title: 'marker', idempotencyKey: undefined } }, { token: moderator.token }));
    const delivered = await eventsUntil(inbox, (e) => e.data?.notificationReceived.title === 'marker');
    assert.deepEqual(delivered.map((e) => e.data?.notificationReceived.title), ['Maintenance', 'marker']);

    // Concurrent first attempts.
    const racedKey = randomUUID();
    const raced = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        i % 2 === 0
          ? server.request(SendNotification, { input: { ...input, idempotencyKey: racedKey } }, { token: moderator.token })
          : execute(socket, SendNotification, { input: { ...input, idempotencyKey: racedKey } }),
      ),
    );
    assert.equal(new Set(raced.map(notificationId)).size, 1);
    assert.equal(await rows('notifications', moderator.id, racedKey), 1);
  });

  test('reusing a key for another title, message or recipient is a CONFLICT; another sender may use the same key', async () => {
    const [alice, bob] = [await register(server), await register(server)];
    const idempotencyKey = randomUUID();
    const input = { userId: alice.id, title: 'Hello', message: 'Welcome', idempotencyKey };
    const first = notificationId(await server.request(SendNotification, { input }, { token: moderator.token }));
    for (const changed of [{ title: 'Changed' }, { message: 'Changed' }, { userId: bob.id }]) {
      const reuse = await server.request(SendNotification, { input: { ...input, ...changed } }, { token: moderator.token });
      assert.equal(errorCode(reuse), 'CONFLICT', JSON.stringify(changed));
      assert.equal(reuse.errors![0]!.extensions!.reason, 'IDEMPOTENCY_KEY_REUSED');
    }
    // A broadcast is another kind of send: the same key cannot turn the direct notification into one.
    const asBroadcast = await server.request(BroadcastNotification, { input: { title: 'Hello', message: 'Welcome', idempotencyKey } }, { token: moderator.token });
    assert.equal(errorCode(asBroadcast), 'CONFLICT');
    const byOther = notificationId(await server.request(SendNotification, { input }, { token: otherModerator.token }));
    assert.notEqual(byOther, first);
    assert.equal(await rows('notifications', moderator.id, idempotencyKey), 1);
    assert.equal(await rows('notifications', otherModerator.id, idempotencyKey), 1);
  });

  test('a retried broadcastNotification is stored once', async () => {
    const socket = await connect(moderator.token);
    const idempotencyKey = randomUUID();
    const input = { title: 'Everyone', message: 'Read this once', idempotencyKey };
    const ids = new Set(
      (
        await Promise.all([
          server.request(BroadcastNotification, { input }, { token: moderator.token }),
          execute(socket, BroadcastNotification, { input }),
          server.request(BroadcastNotification, { input }, { token: moderator.token }),
        ])
      ).map(notificationId),
    );
    assert.equal(ids.size, 1);
    assert.equal(await rows('notifications', moderator.id, idempotencyKey), 1);
  });
});
