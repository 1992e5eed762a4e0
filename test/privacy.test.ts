// Personal data rights (PDPA): the data export holds every kind of data a user has, its link expires and cannot be
// altered; account deletion waits out its grace period, is cancelled by signing in, and its purge leaves no trace
// of the person in any column of any table (checked over information_schema); messages are kept or removed.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { graphql } from './gql/index.js';
import { login, registerUser, signInRootAdmin } from './support/accounts.js';
import { ChangeUserRole, DeleteUser, Roles } from './support/admin-operations.js';
import { uploadAvatar } from './support/avatars.js';
import { eventually } from './support/eventually.js';
import { image } from './support/images.js';
import { enrollTotp } from './support/mfa.js';
import { Login, Me, SendMessage, SendNotification, UpdateProfile } from './support/operations.js';
import { FinishPasskeyRegistration, StartPasskeyRegistration } from './support/passkey-operations.js';
import { SoftAuthenticator } from './support/webauthn.js';
import { errorCode, startTestServer, type TestServer } from './support/server.js';

export const ExportMyData = graphql(`
  mutation ExportMyData {
    exportMyData {
      id
      status
      url
      expiresAt
    }
  }
`);

export const MyDataExports = graphql(`
  query MyDataExports {
    myDataExports {
      id
      status
      url
      expiresAt
    }
  }
`);

export const DeleteMyAccount = graphql(`
  mutation DeleteMyAccount($input: DeleteMyAccountInput!) {
    deleteMyAccount(input: $input) {
      scheduledFor
    }
  }
`);

export const CancelAccountDeletion = graphql(`
  mutation CancelAccountDeletion {
    cancelAccountDeletion
  }
`);

export const PrivacyState = graphql(`
  query PrivacyState {
    requiredTermsVersion
    me {
      id
      termsAccepted
      deletionScheduledFor
    }
  }
`);

export const AcceptTerms = graphql(`
  mutation AcceptTerms($input: AcceptTermsInput!) {
    acceptTerms(input: $input)
  }
`);

export const MyNotificationTitles = graphql(`
  query MyNotificationTitles {
    notifications(first: 20) {
      edges {
        node {
          title
        }
      }
    }
  }
`);

let server: TestServer;
let uploadDir: string;
const TERMS = '2026-11';

before(async () => {
  uploadDir = await mkdtemp(join(tmpdir(), 'privacy-uploads-'));
  server = await startTestServer({ TRUST_PROXY: '1', TERMS_VERSION: TERMS, UPLOAD_DIR: uploadDir, PRIVACY_WORKER_POLL_MS: '100', RATE_LIMIT_EXPORT_USER: '100/3600' });
});
after(async () => {
  await server.close();
  await rm(uploadDir, { recursive: true, force: true });
});

/** A user with one of everything: each request comes from their own address and browser, so traces can be found. */
async function userWithEverything(target: TestServer, n: number) {
  const ip = `203.0.113.${n}`;
  const userAgent = `PrivacyProbe/${n}.${n}`;
  const headers = { 'x-forwarded-for': ip, 'user-agent': userAgent };
  const account = await registerUser(target, { username: `pdpa_person${n}`, email: `pdpa.person${n}@example.org`, phone: `089-555-${String(1000 + n)}` });
  const { input } = account;
  await target.request(Login, { input: { identifier: input.username, password: 'wrong password here' } }, { headers });
  const token = await login(target, input.email, input.password, headers);
  const avatar = await uploadAvatar(target, { bytes: await image('png', 300, 300), name: 'me.png', type: 'image/png' }, { token, headers: { ...headers, 'apollo-require-preflight': 'true' } });
  assert.equal(avatar.errors, undefined, JSON.stringify(avatar.errors));
  const pending = await target.request(UpdateProfile, { input: { email: `pdpa.new${n}@example.org` } }, { token, headers });
  assert.equal(pending.errors, undefined, JSON.stringify(pending.errors));

  const friend = await registerUser(target);
  const sent = await target.request(SendMessage, { input: { recipientId: friend.user.id, content: `a note from person ${n}` } }, { token, headers });
  assert.equal(sent.errors, undefined, JSON.stringify(sent.errors));
  await target.request(SendMessage, { input: { recipientId: account.user.id, content: 'a reply from a friend' } }, { token: friend.token });
  const admin = await signInRootAdmin(target);
  // The seeded admin never registered, so has accepted nothing: the gate holds for staff too.
  const required = (await target.request(PrivacyState, {}, { token: admin.token })).data!.requiredTermsVersion;
  if (required) await target.request(AcceptTerms, { input: { version: required } }, { token: admin.token });
  await target.request(SendNotification, { input: { userId: account.user.id, title: 'Welcome', message: 'Glad you are here' } }, { token: admin.token });
  const roles = await target.request(Roles, {}, { token: admin.token });
  const moderator = roles.data!.roles.find((r) => r.name === 'Moderator')!;
  const changed = await target.request(ChangeUserRole, { input: { userId: account.user.id, roleId: moderator.id, reason: `promoting ${input.username}` } }, { token: admin.token });
  assert.equal(changed.errors, undefined, JSON.stringify(changed.errors));
  await waysIn(target, account.user.id, input, token, headers);
  return { ...account, token, headers, ip, userAgent, friend, admin, phoneE164: `+6689555${String(1000 + n)}` };
}

/**
 * Every way in and every proof in progress, from the person's address and browser: a TOTP authenticator with its
 * backup codes, a sign-in waiting for its second step, a passkey and a passkey ceremony left open, a linked provider
 * and its unused one-time code (these two arranged in the database: test/oidc.test.ts walks the real redirects).
 */
async function waysIn(target: TestServer, userId: string, input: { username: string; email: string; password: string }, token: string, headers: Record<string, string>) {
  await enrollTotp(target, token);
  const waiting = await target.request(Login, { input: { identifier: input.username, password: input.password } }, { headers });
  assert.equal(waiting.data!.login.__typename, 'MfaChallenge');
  const authenticator = new SoftAuthenticator(target.app.runtime.config.publicUrl);
  const started = await target.request(StartPasskeyRegistration, {}, { token, headers });
  const finished = await target.request(FinishPasskeyRegistration, { input: { response: authenticator.register(started.data!.startPasskeyRegistration.options), name: `${input.username}'s key` } }, { token, headers });
  assert.equal(finished.errors, undefined, JSON.stringify(finished.errors));
  await target.request(StartPasskeyRegistration, {}, { token, headers });
  await target.db.query("INSERT INTO user_identities (user_id, provider, subject, email, email_verified) VALUES (?, 'line', ?, ?, 1)", [Number(userId), `sub-${input.username}`, input.email]);
  await target.db.query("INSERT INTO oidc_sign_in_codes (code_hash, user_id, provider, subject, expires_at) VALUES (SHA2(?, 256), ?, 'line', ?, NOW(3) + INTERVAL 1 MINUTE)", [
    `code-${input.username}`,
    Number(userId),
    `sub-${input.username}`,
  ]);
}

async function readyExport(target: TestServer, token: string, headers: Record<string, string> = {}) {
  const asked = await target.request(ExportMyData, {}, { token, headers });
  assert.equal(asked.errors, undefined, JSON.stringify(asked.errors));
  assert.equal(asked.data!.exportMyData.status, 'PENDING');
  return eventually(
    async () => {
      const list = await target.request(MyDataExports, {}, { token });
      const row = list.data!.myDataExports.find((e) => e.id === asked.data!.exportMyData.id)!;
      return row.status === 'READY' ? row : false;
    },
    { timeoutMs: 10_000, what: 'export ready' },
  );
}

test('the export holds every kind of data the user has, and a notification says it is ready', async () => {
  const person = await userWithEverything(server, 11);
  const ready = await readyExport(server, person.token, person.headers);
  assert.ok(ready.url && ready.expiresAt);
  const response = await fetch(`${server.url}${ready.url}`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/zip');
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  const json = (name: string) => JSON.parse(strFromU8(files[name]!)) as unknown;
  const text = (name: string) => strFromU8(files[name]!);

  const profile = json('profile.json') as Record<string, unknown>;
  assert.equal(profile.username, person.input.username);
  assert.equal(profile.email, person.input.email);
  assert.equal(profile.pendingEmail, 'pdpa.new11@example.org');
  assert.equal(profile.roleName, 'Moderator');
  assert.equal(profile.passwordHash, undefined, 'no password hash');
  assert.ok(files['avatar/main.webp']!.length > 100 && files['avatar/thumb.webp']!.length > 100, 'avatar files');
  assert.equal(strFromU8(files['avatar/main.webp']!.slice(8, 12)), 'WEBP');

  const sessions = json('sessions.json') as { ip: string; userAgent: string; refreshTokens: Record<string, unknown>[] }[];
  assert.ok(sessions.some((s) => s.ip === person.ip && s.userAgent === person.userAgent));
  assert.ok(!text('sessions.json').includes('tokenHash'), 'no token hashes');
  const history = json('login-history.json') as { success: boolean; ip: string }[];
  assert.ok(history.some((h) => !h.success) && history.some((h) => h.success && h.ip === person.ip));
  assert.match(text('messages-sent.json'), /a note from person 11/);
  assert.match(text('messages-received.json'), /a reply from a friend/);
  assert.match(text('notifications.json'), /Glad you are here/);
  assert.match(text('audit-trail.json'), /USER_ROLE_CHANGED/);
  assert.match(text('audit-trail.json'), /DATA_EXPORTED/);
  assert.match(text('verifications.json'), /verify_email/);
  assert.ok(!text('verifications.json').includes('tokenHash'));
  const deliveries = json('deliveries.json') as { recipient: string; kind: string }[];
  assert.ok(deliveries.some((d) => d.recipient === person.input.email));
  assert.ok(deliveries.some((d) => d.recipient === 'pdpa.new11@example.org'));
  const consents = json('consents.json') as { version: string; ip: string }[];
  assert.deepEqual(consents.map((c) => c.version), [TERMS]);
  for (const name of ['presence.json', 'lockout.json', 'notifications-sent.json', 'account-deletion.json', 'data-exports.json', 'README.txt']) {
    assert.ok(files[name], `${name} is in the zip`);
  }
  // The ways in: linked providers, passkeys, second factors and waiting sign-ins, without their secrets.
  assert.match(text('linked-accounts.json'), new RegExp(`sub-${person.input.username}`));
  assert.match(text('passkeys.json'), new RegExp(`${person.input.username}'s key`));
  assert.ok(!text('passkeys.json').includes('publicKey'));
  const factors = json('second-factors.json') as { totp: { enabledAt: string } | null; backupCodes: unknown[]; signInsWaiting: { ip: string }[] };
  assert.ok(factors.totp?.enabledAt);
  assert.equal(factors.backupCodes.length, 10);
  assert.ok(factors.signInsWaiting.some((f) => f.ip === person.ip));
  assert.ok(!text('second-factors.json').includes('secret') && !text('second-factors.json').includes('codeHash'));

  const titles = await server.request(MyNotificationTitles, {}, { token: person.token });
  assert.ok(titles.data!.notifications.edges.some((e) => /Your data is ready/.test(e.node.title)));
});

test('a download link is refused once expired, altered or pointed at another export', async () => {
  const person = await registerUser(server);
  const other = await registerUser(server);
  const mine = await readyExport(server, person.token);
  const theirs = await readyExport(server, other.token);
  const url = new URL(mine.url!, server.url);
  const sig = url.searchParams.get('sig')!;

  const tampered = new URL(url);
  tampered.searchParams.set('sig', `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`);
  assert.equal((await fetch(tampered)).status, 403);
  const later = new URL(url);
  later.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600_000));
  assert.equal((await fetch(later)).status, 403, 'a longer life is not ours to give');
  const swapped = new URL(url);
  swapped.pathname = `/exports/${theirs.id}`;
  assert.equal((await fetch(swapped)).status, 403, 'a signature is for one export');
  const unsigned = new URL(url);
  unsigned.search = '';
  assert.equal((await fetch(unsigned)).status, 403);

  // Expired: the row's time passed (as it does after EXPORT_LINK_TTL_HOURS). The link's own expiry is still ahead,
  // so the refusal comes from the stored state, and the worker removes the file.
  await server.db.query('UPDATE data_exports SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE id = ?', [mine.id]);
  assert.equal((await fetch(url)).status, 404);
  await eventually(async () => ((await server.db.query<{ object_key: string | null }[]>('SELECT object_key FROM data_exports WHERE id = ?', [mine.id]))[0]!.object_key === null), { timeoutMs: 5000, what: 'expired file removed' });
  const listed = await server.request(MyDataExports, {}, { token: person.token });
  assert.equal(listed.data!.myDataExports[0]!.url, null);
});

test('exports are rate-limited per user', async () => {
  const limited = await startTestServer({ RATE_LIMIT_EXPORT_USER: '1/3600' });
  try {
    const person = await registerUser(limited);
    assert.equal((await limited.request(ExportMyData, {}, { token: person.token })).errors, undefined);
    const again = await limited.request(ExportMyData, {}, { token: person.token });
    assert.equal(errorCode(again), 'RATE_LIMITED');
    const n = await count(limited, 'SELECT COUNT(*) AS n FROM data_exports WHERE user_id = ?', [person.id]);
    assert.equal(n, 1);
  } finally {
    await limited.close();
  }
});

test('deleteMyAccount needs the password, schedules the purge after the grace period, and signing in cancels it', async () => {
  const person = await registerUser(server);
  const other = await login(server, person.input.username, person.input.password);
  const wrong = await server.request(DeleteMyAccount, { input: { password: 'not my password' } }, { token: person.token });
  assert.equal(errorCode(wrong), 'BAD_USER_INPUT');
  assert.equal(errorCode(await server.request(DeleteMyAccount, { input: {} }, { token: person.token })), 'BAD_USER_INPUT');
  const none = await count(server, 'SELECT COUNT(*) AS n FROM account_deletions WHERE user_id = ?', [person.id]);
  assert.equal(none, 0, 'a refused request changes nothing');

  const started = Date.now();
  const deleted = await server.request(DeleteMyAccount, { input: { password: person.input.password } }, { token: person.token });
  assert.equal(deleted.errors, undefined, JSON.stringify(deleted.errors));
  const scheduledFor = new Date(deleted.data!.deleteMyAccount.scheduledFor).getTime();
  assert.ok(Math.abs(scheduledFor - (started + 14 * 86_400_000)) < 60_000, 'DELETION_GRACE_DAYS defaults to 14');
  assert.equal(errorCode(await server.request(Me, {}, { token: other })), 'UNAUTHENTICATED', 'other sessions end');
  const state = await server.request(PrivacyState, {}, { token: person.token });
  assert.equal(state.data!.me.deletionScheduledFor, deleted.data!.deleteMyAccount.scheduledFor);

  // Signing in during the grace period cancels it, and says so.
  const token = await login(server, person.input.email, person.input.password);
  const after = await server.request(PrivacyState, {}, { token });
  assert.equal(after.data!.me.deletionScheduledFor, null);
  const titles = await server.request(MyNotificationTitles, {}, { token });
  assert.ok(titles.data!.notifications.edges.some((e) => /Account deletion cancelled/.test(e.node.title)));
  const n = await count(server, "SELECT COUNT(*) AS n FROM permission_history WHERE target_user_id = ? AND action = 'ACCOUNT_DELETION_CANCELLED'", [person.id]);
  assert.equal(n, 1);

  // And cancelAccountDeletion does the same without a new sign-in.
  await server.request(DeleteMyAccount, { input: { password: person.input.password } }, { token });
  assert.equal((await server.request(CancelAccountDeletion, {}, { token })).data!.cancelAccountDeletion, true);
  assert.equal((await server.request(CancelAccountDeletion, {}, { token })).data!.cancelAccountDeletion, false);
});

async function count(target: TestServer, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await target.db.query<{ n: number }[]>(sql, params);
  return Number(rows[0]!.n);
}

/** Every text column of every table, searched for each string: where (table.column) each was found. */
async function tracesOf(target: TestServer, needles: string[]): Promise<string[]> {
  const columns = await target.db.query<{ table_name: string; column_name: string }[]>(
    `SELECT table_name AS table_name, column_name AS column_name FROM information_schema.columns
     WHERE table_schema = ? AND data_type IN ('char', 'varchar', 'text', 'tinytext', 'mediumtext', 'longtext', 'json', 'enum', 'set', 'binary', 'varbinary', 'blob', 'longblob')`,
    [target.db.name],
  );
  assert.ok(columns.length > 20, 'information_schema lists the tables');
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    for (const needle of needles) {
      const n = await count(target, `SELECT COUNT(*) AS n FROM \`${table}\` WHERE LOWER(CAST(\`${column}\` AS CHAR)) LIKE ?`, [`%${needle.toLowerCase()}%`]);
      if (n > 0) found.push(`${table}.${column} holds ${needle}`);
    }
  }
  return found;
}

async function purge(target: TestServer, userId: number) {
  await target.db.query('UPDATE account_deletions SET scheduled_for = NOW(3) - INTERVAL 1 SECOND WHERE user_id = ?', [userId]);
  await eventually(async () => ((await target.db.query<{ erased_at: Date | null }[]>('SELECT erased_at FROM account_deletions WHERE user_id = ?', [userId]))[0]?.erased_at ?? false), {
    timeoutMs: 10_000,
    what: 'purge ran',
  });
}

test('after the purge no column of any table holds the person (messages kept as a deleted user)', async () => {
  const person = await userWithEverything(server, 21);
  const exported = await readyExport(server, person.token, person.headers);
  const avatarKey = (await server.db.query<{ avatar_key: string }[]>('SELECT avatar_key FROM users WHERE id = ?', [person.id]))[0]!.avatar_key;
  const needles = [person.input.username, person.input.email, person.phoneE164, 'pdpa.new21@example.org', person.ip, person.userAgent];
  assert.ok((await tracesOf(server, needles)).length > 10, 'the probe finds the person before');

  const deleted = await server.request(DeleteMyAccount, { input: { password: person.input.password } }, { token: person.token, headers: person.headers });
  assert.equal(deleted.errors, undefined, JSON.stringify(deleted.errors));
  await purge(server, person.id);

  assert.deepEqual(await tracesOf(server, needles), []);
  const [user] = await server.db.query<Record<string, unknown>[]>('SELECT * FROM users WHERE id = ?', [person.id]);
  assert.equal(user!.username, `deleted-${person.id}`);
  assert.equal(user!.phone, null);
  assert.equal(user!.password_hash, '');
  assert.ok(user!.deleted_at);
  assert.equal(await server.app.runtime.storage.get(`avatars/${person.id}/${avatarKey}-main.webp`), undefined, 'avatar files deleted');
  assert.equal((await fetch(`${server.url}${exported.url}`)).status, 404, 'its exports are gone');
  for (const table of [
    'sessions',
    'verification_tokens',
    'user_status',
    'data_exports',
    'mfa_totp',
    'mfa_backup_codes',
    'sign_in_flows',
    'passkeys',
    'webauthn_challenges',
    'user_identities',
    'oidc_sign_in_codes',
    'oidc_flows',
  ]) {
    const n = await count(server, `SELECT COUNT(*) AS n FROM ${table} WHERE user_id = ?`, [person.id]);
    assert.equal(n, 0, `${table} rows removed`);
  }
  const notes = await count(server, 'SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?', [person.id]);
  assert.equal(notes, 0);
  // keep: the message stays, from the tombstone.
  const kept = await server.db.query<{ sender_id: number }[]>("SELECT sender_id FROM messages WHERE content = 'a note from person 21'");
  assert.deepEqual(kept.map((m) => m.sender_id), [person.id]);
  const erased = await count(server, "SELECT COUNT(*) AS n FROM permission_history WHERE target_user_id = ? AND action = 'ACCOUNT_ERASED'", [person.id]);
  assert.equal(erased, 1, 'audit rows keep the id');
  // Signing in as them is impossible; their name is not for the taking.
  assert.equal(errorCode(await server.request(Login, { input: { identifier: person.input.email, password: person.input.password } })), 'UNAUTHENTICATED');
  assert.equal(errorCode(await server.request(Login, { input: { identifier: `deleted-${person.id}`, password: 'anything at all' } })), 'UNAUTHENTICATED');
  const squatter = await server.request(graphql(`mutation RegisterSquatter($input: RegisterUserInput!) { registerUser(input: $input) { ... on AuthPayload { token } } }`), {
    input: { username: `deleted-${person.id + 1000}`, email: 'squat@example.org', phone: '089-777-0000', password: 'amber-quartz-otter-58', acceptTerms: true },
  });
  assert.equal(errorCode(squatter), 'BAD_USER_INPUT');
});

test('DELETION_MESSAGES=remove removes their messages, sent and received; an admin deletion takes the same path', async () => {
  const removing = await startTestServer({ TRUST_PROXY: '1', DELETION_MESSAGES: 'remove', PRIVACY_WORKER_POLL_MS: '100', RATE_LIMIT_EXPORT_USER: '100/3600', UPLOAD_DIR: uploadDir });
  try {
    const person = await userWithEverything(removing, 31);
    const needles = [person.input.username, person.input.email, person.phoneE164, 'pdpa.new31@example.org', person.ip, person.userAgent];
    // An admin's deleteUser: the account stops at once and is erased after the same grace period.
    const deleted = await removing.request(DeleteUser, { input: { userId: String(person.id), reason: `asked by ${person.input.email}` } }, { token: person.admin.token });
    assert.equal(deleted.errors, undefined, JSON.stringify(deleted.errors));
    const [row] = await removing.db.query<{ by_admin: number; scheduled_for: Date }[]>('SELECT by_admin, scheduled_for FROM account_deletions WHERE user_id = ?', [person.id]);
    assert.equal(row!.by_admin, 1);
    assert.ok(row!.scheduled_for.getTime() > Date.now() + 13 * 86_400_000);
    await purge(removing, person.id);
    assert.deepEqual(await tracesOf(removing, needles), []);
    const n = await count(removing, 'SELECT COUNT(*) AS n FROM messages WHERE sender_id = ? OR recipient_id = ?', [person.id, person.id]);
    assert.equal(n, 0);
    const friendMessages = await count(removing, 'SELECT COUNT(*) AS n FROM messages WHERE sender_id = ?', [person.friend.id]);
    assert.equal(friendMessages, 0, "the friend's message to them went too");
  } finally {
    await removing.close();
  }
});

test('with TERMS_VERSION set, registration needs acceptTerms and records it; a new version is asked for again', async () => {
  const RegisterBare = graphql(`mutation RegisterBare($input: RegisterUserInput!) { registerUser(input: $input) { ... on AuthPayload { token user { id } } } }`);
  const refused = await server.request(RegisterBare, { input: { username: 'pdpa_noterms', email: 'pdpa.noterms@example.org', phone: '089-555-9990', password: 'amber-quartz-otter-58' } });
  assert.equal(errorCode(refused), 'BAD_USER_INPUT');
  assert.equal(refused.errors![0]!.extensions!.field, 'acceptTerms');
  const person = await registerUser(server);
  const [consent] = await server.db.query<{ version: string; ip: string }[]>('SELECT version, ip FROM consents WHERE user_id = ?', [person.id]);
  assert.equal(consent!.version, TERMS);
  const state = await server.request(PrivacyState, {}, { token: person.token });
  assert.equal(state.data!.requiredTermsVersion, TERMS);
  assert.equal(state.data!.me.termsAccepted, true);

  // The operator publishes a new version: the same database, a server with the new TERMS_VERSION.
  const next = await startTestServer({ TERMS_VERSION: '2027-01' }, server.db);
  try {
    const token = await login(next, person.input.username, person.input.password);
    assert.equal((await next.request(PrivacyState, {}, { token })).data!.me.termsAccepted, false);
    const blocked = await next.request(SendMessage, { input: { content: 'hello everyone' } }, { token });
    assert.equal(errorCode(blocked), 'FORBIDDEN');
    assert.equal(blocked.errors![0]!.extensions!.reason, 'TERMS_NOT_ACCEPTED');
    assert.equal(errorCode(await next.request(AcceptTerms, { input: { version: TERMS } }, { token })), 'BAD_USER_INPUT', 'only the current version');
    assert.equal((await next.request(AcceptTerms, { input: { version: '2027-01' } }, { token })).data!.acceptTerms, true);
    assert.equal((await next.request(SendMessage, { input: { content: 'hello everyone' } }, { token })).errors, undefined);
    assert.equal((await next.request(PrivacyState, {}, { token })).data!.me.termsAccepted, true);
  } finally {
    await next.close();
  }
});
