// Attacks on the personal data rights: reaching another user's export (by id, by swapping a signed link, by forging
// or guessing a signature, by replaying an old link), downloading the export of a deleted account, and deleting an
// account without proof (no password, someone else's, or guessing with a stolen access token).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { graphql } from './gql/index.js';
import { registerUser, signInRootAdmin } from './support/accounts.js';
import { DeleteUser } from './support/admin-operations.js';
import { eventually } from './support/eventually.js';
import { Me } from './support/operations.js';
import { errorCode, startTestServer, TEST_JWT_SECRET, type TestServer } from './support/server.js';

const ExportData = graphql(`
  mutation ExportData {
    exportMyData {
      id
      status
    }
  }
`);

const Exports = graphql(`
  query Exports {
    myDataExports {
      id
      status
      url
    }
  }
`);

const DeleteAccount = graphql(`
  mutation DeleteAccount($input: DeleteMyAccountInput!) {
    deleteMyAccount(input: $input) {
      scheduledFor
    }
  }
`);

let server: TestServer;

before(async () => {
  server = await startTestServer({ PRIVACY_WORKER_POLL_MS: '100', RATE_LIMIT_EXPORT_USER: '100/3600' });
});
after(async () => {
  await server.close();
});

async function readyUrl(token: string): Promise<{ id: string; url: URL }> {
  const asked = await server.request(ExportData, {}, { token });
  assert.equal(asked.errors, undefined, JSON.stringify(asked.errors));
  const id = asked.data!.exportMyData.id;
  const url = await eventually(
    async () => {
      const row = (await server.request(Exports, {}, { token })).data!.myDataExports.find((e) => e.id === id);
      return row?.url ?? false;
    },
    { timeoutMs: 10_000, what: 'export ready' },
  );
  return { id, url: new URL(url, server.url) };
}

const deletionRows = async (userId: number) =>
  Number((await server.db.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM account_deletions WHERE user_id = ?', [userId]))[0]!.n);

test("another user's export cannot be listed, and its id with my signature or a forged one downloads nothing", async () => {
  const alice = await registerUser(server);
  const mallory = await registerUser(server);
  const victim = await readyUrl(alice.token);
  const own = await readyUrl(mallory.token);

  const listed = (await server.request(Exports, {}, { token: mallory.token })).data!.myDataExports.map((e) => e.id);
  assert.ok(!listed.includes(victim.id), "someone else's export is never listed");
  assert.equal((await fetch(victim.url)).status, 200, 'the real link works');

  // Mallory's valid signature and expiry, on Alice's id.
  const swapped = new URL(own.url);
  swapped.pathname = `/exports/${victim.id}`;
  assert.equal((await fetch(swapped)).status, 403);
  // Alice's id with Alice's expiry, signed with keys an attacker might guess: the JWT secret itself, an empty key.
  const expires = victim.url.searchParams.get('expires')!;
  for (const key of [TEST_JWT_SECRET, '', 'data-export-links/v1']) {
    const forged = new URL(victim.url);
    forged.searchParams.set('sig', createHmac('sha256', key).update(`${victim.id}.${expires}`).digest('base64url'));
    assert.equal((await fetch(forged)).status, 403, `forged with ${JSON.stringify(key)}`);
  }
  // Malformed, truncated, padded, doubled and guessed signatures: the same 403, never a 500.
  const sig = victim.url.searchParams.get('sig')!;
  for (const bad of ['', 'x', sig.slice(0, 20), `${sig}A`, `${sig}=`, 'A'.repeat(43), '%00'.repeat(10), sig.toUpperCase()]) {
    const guessed = new URL(victim.url);
    guessed.searchParams.set('sig', bad);
    assert.equal((await fetch(guessed)).status, 403, `sig ${JSON.stringify(bad)}`);
  }
  const doubled = `${victim.url.toString()}&sig=${'A'.repeat(43)}`;
  assert.equal((await fetch(doubled)).status, 200, 'the first sig parameter counts; a second changes nothing');
  // Paths that are not an export id.
  for (const path of [`/exports/${victim.id.toUpperCase()}`, `/exports/${victim.id}/`, '/exports/', '/exports']) {
    const response = await fetch(`${server.url}${path}${victim.url.search}`);
    assert.ok([403, 404].includes(response.status), `${path}: ${response.status}`);
  }
  assert.equal((await fetch(victim.url, { method: 'POST' })).status, 405);
});

test('a replayed link stops working when its export expires, and a deleted account has no downloadable export', async () => {
  const person = await registerUser(server);
  const { id, url } = await readyUrl(person.token);
  await server.db.query('UPDATE data_exports SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE id = ?', [id]);
  assert.equal((await fetch(url)).status, 404, 'expired in the database, whatever the link says');

  const deleted = await registerUser(server);
  const before = await readyUrl(deleted.token);
  const admin = await signInRootAdmin(server);
  assert.equal((await server.request(DeleteUser, { input: { userId: String(deleted.id) } }, { token: admin.token })).errors, undefined);
  assert.equal((await fetch(before.url)).status, 404, 'deleted (not yet erased): its export is not served');
  assert.equal(errorCode(await server.request(ExportData, {}, { token: deleted.token })), 'UNAUTHENTICATED', 'its token is dead');

  // An export queued just before an admin deletion is never built.
  const queued = await registerUser(server);
  await server.db.query("INSERT INTO data_exports (id, user_id) VALUES ('0123456789abcdef0123456789abcdef', ?)", [queued.id]);
  await server.db.query('UPDATE users SET deleted_at = NOW(3) WHERE id = ?', [queued.id]);
  await eventually(
    async () => (await server.db.query<{ status: string }[]>("SELECT status FROM data_exports WHERE id = '0123456789abcdef0123456789abcdef'"))[0]!.status === 'failed',
    { timeoutMs: 5000, what: 'queued export refused' },
  );
});

test('deleting an account needs its own password; guesses with a stolen token are limited; nothing changes on refusal', async () => {
  const victim = await registerUser(server);
  const other = await registerUser(server);
  assert.equal(errorCode(await server.request(DeleteAccount, { input: {} }, { token: victim.token })), 'BAD_USER_INPUT');
  assert.equal(errorCode(await server.request(DeleteAccount, { input: { password: other.input.password + '!' } }, { token: victim.token })), 'BAD_USER_INPUT');
  assert.equal(errorCode(await server.request(DeleteAccount, { input: { password: 'x'.repeat(10_000) } }, { token: victim.token })), 'BAD_USER_INPUT');
  assert.equal(errorCode(await server.request(DeleteAccount, { input: { password: victim.input.password } })), 'UNAUTHENTICATED', 'no token, no deletion');
  assert.equal(errorCode(await server.request(DeleteAccount, { input: { password: 'guess number 4' } }, { token: victim.token })), 'BAD_USER_INPUT');
  assert.equal(errorCode(await server.request(DeleteAccount, { input: { password: 'guess number 5' } }, { token: victim.token })), 'BAD_USER_INPUT');
  // Five tries per 15 minutes (RATE_LIMIT_DELETE_ACCOUNT_USER): the sixth is refused even with the right password.
  assert.equal(errorCode(await server.request(DeleteAccount, { input: { password: victim.input.password } }, { token: victim.token })), 'RATE_LIMITED');
  assert.equal(await deletionRows(victim.id), 0);
  assert.equal((await server.request(Me, {}, { token: victim.token })).errors, undefined, 'the session is untouched');
  const [row] = await server.db.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM permission_history WHERE target_user_id = ? AND action LIKE 'ACCOUNT_%'", [victim.id]);
  assert.equal(Number(row!.n), 0, 'no history of a refused request');

  // The proof is the caller's own: another user with their own (right) password deletes only themselves.
  const done = await server.request(DeleteAccount, { input: { password: other.input.password } }, { token: other.token });
  assert.equal(done.errors, undefined, JSON.stringify(done.errors));
  assert.equal(await deletionRows(other.id), 1);
  assert.equal(await deletionRows(victim.id), 0);
  // Asked twice: the first date holds (a replay cannot push the erasure back).
  const first = done.data!.deleteMyAccount.scheduledFor;
  const again = await server.request(DeleteAccount, { input: { password: other.input.password } }, { token: other.token });
  assert.equal(again.data!.deleteMyAccount.scheduledFor, first);
});

test("an admin's deletion is not cancelled by anything the user does", async () => {
  const person = await registerUser(server);
  const admin = await signInRootAdmin(server);
  await server.request(DeleteUser, { input: { userId: String(person.id) } }, { token: admin.token });
  const signIn = await server.request(graphql(`mutation TryLogin($input: LoginInput!) { login(input: $input) { ... on AuthPayload { token } } }`), {
    input: { identifier: person.input.username, password: person.input.password },
  });
  assert.equal(errorCode(signIn), 'UNAUTHENTICATED');
  const [row] = await server.db.query<{ by_admin: number; erased_at: Date | null }[]>('SELECT by_admin, erased_at FROM account_deletions WHERE user_id = ?', [person.id]);
  assert.equal(row!.by_admin, 1);
});
