// Avatars in an S3-compatible bucket (s3rver), shared by two instances: an upload through one is served by the
// other, objects carry their type, caching and content hash, replaced and deleted avatars leave no objects behind,
// and AVATAR_PUBLIC_BASE_URL hands out links straight to the bucket.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { DeleteAvatar, MyAvatar, rawRequest, uploadAvatar } from './support/avatars.js';
import { image } from './support/images.js';
import { registerUser } from './support/accounts.js';
import { startTestS3, type TestS3 } from './support/s3.js';
import { startTestServer, type TestServer } from './support/server.js';
import { ConfigError, loadConfig } from '../src/config.js';

let s3: TestS3;
let db: TestDatabase;
let a: TestServer;
let b: TestServer;

before(async () => {
  s3 = await startTestS3();
  db = await createTestDatabase();
  // UPLOAD_DIR points nowhere writable: nothing may fall back to the local disk.
  const env = { ...s3.env, UPLOAD_DIR: '/nonexistent/avatars' };
  a = await startTestServer(env, db);
  b = await startTestServer(env, db);
});
after(async () => {
  await a?.close();
  await b?.close();
  await db?.drop();
  await s3?.close();
});

const objectsOf = async (userId: number) => (await s3.keys()).filter((k) => k.startsWith(`avatars/${userId}/`));

test('an avatar uploaded through one instance is served by the other, from the bucket', async () => {
  const user = await registerUser(a);
  const uploaded = await uploadAvatar(a, { bytes: await image('png', 640, 480), name: 'me.png' }, { token: user.token });
  assert.equal(uploaded.errors, undefined, JSON.stringify(uploaded.errors));
  const [row] = await db.query<{ avatar_key: string }[]>('SELECT avatar_key FROM users WHERE id = ?', [user.id]);
  const key = row!.avatar_key;
  assert.deepEqual(await objectsOf(user.id), [`avatars/${user.id}/${key}-main.webp`, `avatars/${user.id}/${key}-thumb.webp`]);
  const stored = await s3.head(`avatars/${user.id}/${key}-main.webp`);
  assert.equal(stored.ContentType, 'image/webp');
  assert.equal(stored.CacheControl, 'public, max-age=31536000, immutable');

  // Through B, which never saw the upload.
  const url = uploaded.data!.uploadAvatar.user.avatarUrl!;
  assert.equal(url, `/avatars/${user.id}?v=${key}`);
  const served = await fetch(`${b.url}${url}`);
  assert.equal(served.status, 200);
  assert.equal(served.headers.get('content-type'), 'image/webp');
  assert.equal(served.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const etag = served.headers.get('etag')!;
  const bytes = Buffer.from(await served.arrayBuffer());
  assert.equal(Number(served.headers.get('content-length')), bytes.length);
  assert.equal(bytes.length, stored.ContentLength);
  assert.equal(bytes.subarray(8, 12).toString('latin1'), 'WEBP');

  const thumb = await fetch(`${b.url}${uploaded.data!.uploadAvatar.user.thumbUrl!}`);
  assert.equal(thumb.status, 200);
  assert.ok((await thumb.arrayBuffer()).byteLength < bytes.length);

  const revalidated = await fetch(`${b.url}/avatars/${user.id}`, { headers: { 'if-none-match': etag } });
  assert.equal(revalidated.status, 304);
  assert.equal(revalidated.headers.get('etag'), etag);
  assert.equal(revalidated.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
  const head = await rawRequest(b, `/avatars/${user.id}/thumb`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.ok(Number(head.headers['content-length']) > 0);
});

test('the key is the content hash: the same image again keeps its objects, another replaces them, deleting removes them', async () => {
  const user = await registerUser(a);
  const first = await image('jpeg', 500, 500);
  const once = await uploadAvatar(a, { bytes: first, name: 'a.jpg' }, { token: user.token });
  const objects = await objectsOf(user.id);
  const again = await uploadAvatar(b, { bytes: first, name: 'b.jpg' }, { token: user.token });
  assert.equal(again.data!.uploadAvatar.user.avatarUrl, once.data!.uploadAvatar.user.avatarUrl);
  assert.deepEqual(await objectsOf(user.id), objects);
  assert.equal((await fetch(`${a.url}${again.data!.uploadAvatar.user.avatarUrl!}`)).status, 200);

  const other = await uploadAvatar(b, { bytes: await image('webp', 300, 200), name: 'c.webp' }, { token: user.token });
  assert.notEqual(other.data!.uploadAvatar.user.avatarUrl, once.data!.uploadAvatar.user.avatarUrl);
  const replaced = await objectsOf(user.id);
  assert.equal(replaced.length, 2);
  assert.ok(replaced.every((k) => !objects.includes(k)), 'the replaced avatar leaves no objects');

  const deleted = await a.request(DeleteAvatar, {}, { token: user.token });
  assert.equal(deleted.data!.deleteAvatar.removed, true);
  assert.deepEqual(await objectsOf(user.id), []);
  assert.equal((await fetch(`${b.url}/avatars/${user.id}`)).status, 404);
});

test('with AVATAR_PUBLIC_BASE_URL, avatarUrl links straight to the object in the bucket', async () => {
  const base = `${s3.endpoint}/${s3.bucket}`;
  const direct = await startTestServer({ ...s3.env, AVATAR_PUBLIC_BASE_URL: `${base}/` }, db);
  try {
    const user = await registerUser(a);
    await uploadAvatar(a, { bytes: await image('gif', 200, 200), name: 'x.gif' }, { token: user.token });
    const me = await direct.request(MyAvatar, {}, { token: user.token });
    const [row] = await db.query<{ avatar_key: string }[]>('SELECT avatar_key FROM users WHERE id = ?', [user.id]);
    assert.equal(me.data!.me.thumbUrl, `${base}/avatars/${user.id}/${row!.avatar_key}-thumb.webp`);
    const fromBucket = await fetch(me.data!.me.mainUrl!);
    assert.equal(fromBucket.status, 200);
    assert.equal(fromBucket.headers.get('content-type'), 'image/webp');
    assert.equal(fromBucket.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    // The web client's page may show images from that origin, and from no other.
    const page = await fetch(`${direct.url}/`);
    assert.match(page.headers.get('content-security-policy')!, new RegExp(`img-src 'self' blob: ${s3.endpoint.replace(/\./g, '\\.')}(;|$)`));
  } finally {
    await direct.close();
  }
});

test('an instance that cannot use its bucket refuses to start, and a bad storage setting is named', async () => {
  await assert.rejects(startTestServer({ ...s3.env, S3_BUCKET: 'no-such-bucket' }, db), /S3 bucket "no-such-bucket" cannot be used \(HTTP 404/);
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), ...env });
      return [];
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      return error.problems;
    }
  };
  assert.deepEqual(problems({ AVATAR_STORAGE: 's3' }), ['S3_BUCKET: is required with AVATAR_STORAGE=s3']);
  assert.match(problems({ AVATAR_STORAGE: 'ftp' })[0]!, /^AVATAR_STORAGE: must be local or s3/);
  assert.match(problems({ ...s3.env, AWS_SECRET_ACCESS_KEY: '' })[0]!, /^AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: give both or neither/);
  assert.match(problems({ ...s3.env, S3_ENDPOINT: 'minio:9000' })[0]!, /^S3_ENDPOINT: must be an http\(s\) URL/);
  assert.match(problems({ AVATAR_PUBLIC_BASE_URL: 'cdn.example.com' })[0]!, /^AVATAR_PUBLIC_BASE_URL: must be an http\(s\) URL/);
});
