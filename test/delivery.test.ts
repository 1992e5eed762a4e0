// How live events reach their subscribers: a result the same for everyone is computed once per event and fanned
// out (src/modules/realtime/fan-out.ts), a result that depends on the caller is still computed per subscriber,
// and either way each user sees only what they may, fresh at delivery.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { SendMessage, UpdateProfile } from './support/operations.js';
import { startTestServer, type TestServer } from './support/server.js';
import { registerUser } from './support/accounts.js';
import { openSocket, subscribe, type TestSocket } from './support/ws.js';

interface Received {
  messageReceived: { content: string; sender: { id: string; username: string; email?: string | null } };
}
type Subscription = TypedDocumentNode<Received, Record<string, never>>;

/** Nothing in it depends on who asks: shared. */
const Public = parse('subscription { messageReceived { content sender { id username } } }') as Subscription;
/** `email` is visible to the sender only: executed for each subscriber. */
const WithEmail = parse('subscription { messageReceived { content sender { id username email } } }') as Subscription;

let server: TestServer;
const sockets: TestSocket[] = [];
const socket = (token: string) => {
  const s = openSocket(server.url, { token });
  sockets.push(s);
  return s;
};

before(async () => {
  server = await startTestServer();
});
after(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await server?.close();
});

const send = async (token: string, content: string, recipientId?: number) => {
  const result = await server.request(SendMessage, { input: { content, recipientId: recipientId === undefined ? undefined : String(recipientId) } }, { token });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
};

test('a private field is still resolved per subscriber, next to subscribers sharing one result', async () => {
  const [alice, bob, carol] = await Promise.all([registerUser(server), registerUser(server), registerUser(server)]);
  const atAlice = await subscribe(socket(alice.token), WithEmail);
  const atBob = await subscribe(socket(bob.token), WithEmail);
  const atCarol = await subscribe(socket(carol.token), Public);
  await send(alice.token, 'hello all');

  assert.equal((await atAlice.next()).data!.messageReceived.sender.email, alice.input.email, 'the sender sees their own email');
  const bobs = (await atBob.next()).data!.messageReceived;
  assert.equal(bobs.sender.email, null, 'nobody else does');
  assert.deepEqual((await atCarol.next()).data!.messageReceived, { content: 'hello all', sender: { id: String(alice.id), username: alice.input.username } });
});

test('shared delivery keeps direct messages between their two users', async () => {
  const [alice, bob, carol] = await Promise.all([registerUser(server), registerUser(server), registerUser(server)]);
  const atAlice = await subscribe(socket(alice.token), Public);
  const atBob = await subscribe(socket(bob.token), Public);
  const atCarol = await subscribe(socket(carol.token), Public);
  await send(alice.token, 'just for bob', bob.id);
  await send(carol.token, 'for everyone');
  assert.deepEqual([(await atBob.next()).data!.messageReceived.content, (await atBob.next()).data!.messageReceived.content], ['just for bob', 'for everyone']);
  assert.deepEqual([(await atAlice.next()).data!.messageReceived.content, (await atAlice.next()).data!.messageReceived.content], ['just for bob', 'for everyone']);
  assert.deepEqual((await atCarol.collect(300)).map((e) => e.data!.messageReceived.content), ['for everyone'], 'carol never sees the direct message');
});

test("a sender's new username shows in their next message (nothing cached across events)", async () => {
  const [alice, bob] = await Promise.all([registerUser(server), registerUser(server)]);
  const atBob = await subscribe(socket(bob.token), Public);
  await send(alice.token, 'before');
  assert.equal((await atBob.next()).data!.messageReceived.sender.username, alice.input.username);
  const renamed = `renamed_${randomBytes(3).toString('hex')}`;
  assert.equal((await server.request(UpdateProfile, { input: { username: renamed } }, { token: alice.token })).errors, undefined);
  await send(alice.token, 'after');
  assert.equal((await atBob.next()).data!.messageReceived.sender.username, renamed);
});

test('an unsubscribed operation receives nothing more, and the socket keeps working', async () => {
  const [alice, bob] = await Promise.all([registerUser(server), registerUser(server)]);
  const live = socket(bob.token);
  const first = await subscribe(live, Public);
  await send(alice.token, 'one');
  assert.equal((await first.next()).data!.messageReceived.content, 'one');
  first.unsubscribe();
  const second = await subscribe(live, Public);
  await send(alice.token, 'two');
  assert.equal((await second.next()).data!.messageReceived.content, 'two');
  assert.deepEqual(await first.collect(300), [], 'the first subscription is gone');
});

test('events keep their order for each subscriber', async () => {
  const [alice, bob] = await Promise.all([registerUser(server), registerUser(server)]);
  const atBob = await subscribe(socket(bob.token), Public);
  const contents = Array.from({ length: 10 }, (_, i) => `message ${i}`);
  for (const content of contents) await send(alice.token, content);
  const received: string[] = [];
  for (let i = 0; i < contents.length; i += 1) received.push((await atBob.next()).data!.messageReceived.content);
  assert.deepEqual(received, contents);
});
