// Avatars end to end: GraphQL multipart uploads of every accepted format, refusals (disguised, oversized,
// truncated, too many pixels) that leave no trace, replace and delete cleaning up, and the HTTP route's headers.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { print } from 'graphql';
import sharp from 'sharp';
import { DeleteAvatar, MyAvatar, UploadAvatar, rawRequest, uploadAvatar, type UploadFile } from './support/avatars.js';
import { animation, bilevelPng, frameColour, image, photoWithExif, pixelAt } from './support/images.js';
import { RegisterUser } from './support/operations.js';
import { errorCode, startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';
import { session } from './support/sign-in.js';

const MAX_FILE_SIZE_MB = 2;
const MAX_FILE_SIZE_BYTES = MAX_FILE_SIZE_MB * 1024 * 1024;

let server: TestServer;
let uploadDir: string;
let counter = 0;

before(async () => {
  uploadDir = await mkdtemp(join(tmpdir(), 'avatars-test-'));
  server = await startTestServer({ UPLOAD_DIR: uploadDir, MAX_FILE_SIZE: String(MAX_FILE_SIZE_MB) });
});
after(async () => {
  await server?.close();
  if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
});

async function register(): Promise<{ token: string; id: number }> {
  counter += 1;
  const n = String(counter).padStart(4, '0');
  const result = await server.request(RegisterUser, {
    input: { username: `avatar${n}`, email: `avatar${n}@example.com`, phone: `082-345-${n}`, password: 'correct horse battery' },
  });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return { token: session(result.data!.registerUser).token, id: Number(session(result.data!.registerUser).user.id) };
}

/** Every file under UPLOAD_DIR, relative to it. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(uploadDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(uploadDir, join(e.parentPath, e.name)))
    .sort();
}

async function filesOf(userId: number): Promise<string[]> {
  return (await filesOnDisk()).filter((f) => f.startsWith(join('avatars', String(userId), '/')));
}

async function avatarRow(userId: number): Promise<{ avatar_key: string | null; avatar_updated_at: Date | null }> {
  const [row] = await server.db.query<{ avatar_key: string | null; avatar_updated_at: Date | null }[]>(
    'SELECT avatar_key, avatar_updated_at FROM users WHERE id = ?',
    [userId],
  );
  return row!;
}

async function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const response = await fetch(`${server.url}${path}`, { method, headers });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

function assertUploaded(result: GraphQLResponse<{ uploadAvatar: { user: { id: string; avatarUrl?: string | null; thumbUrl?: string | null } } }>, userId: number) {
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  const { user } = result.data!.uploadAvatar;
  const match = /^\/avatars\/(\d+)\?v=([\w-]+)$/.exec(user.avatarUrl ?? '');
  assert.ok(match, `a versioned avatar URL: ${user.avatarUrl}`);
  assert.equal(Number(match[1]), userId);
  const key = match[2]!;
  assert.equal(user.thumbUrl, `/avatars/${userId}/thumb?v=${key}`);
  return { key, mainUrl: user.avatarUrl!, thumbUrl: user.thumbUrl! };
}

/** Fetches a served avatar and checks what every image response must carry. */
async function fetchAvatar(path: string, expected: { key: string; size: 'main' | 'thumb'; pixels: number }) {
  const response = await get(path);
  assert.equal(response.status, 200, path);
  assert.equal(response.headers.get('content-type'), 'image/webp');
  assert.equal(response.headers.get('etag'), `"${expected.key}-${expected.size}"`);
  assert.equal(response.headers.get('content-length'), String(response.body.length));
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  const metadata = await sharp(response.body, { animated: true }).metadata();
  assert.equal(metadata.format, 'webp');
  assert.equal(metadata.width, expected.pixels);
  assert.equal(metadata.pageHeight ?? metadata.height, expected.pixels);
  return { ...response, metadata };
}

const EXTENSIONS = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp' } as const;

describe('uploadAvatar', () => {
  for (const format of ['jpeg', 'png', 'gif', 'webp'] as const) {
    test(`a ${format.toUpperCase()} becomes a 512 px WebP and a 128 px WebP thumbnail, served with caching headers`, async () => {
      const { token, id } = await register();
      const started = Date.now();
      const result = await uploadAvatar(server, { bytes: await image(format), name: `me.${EXTENSIONS[format]}`, type: `image/${format}` }, { token });
      const { key, mainUrl, thumbUrl } = assertUploaded(result, id);
      const updatedAt = new Date(result.data!.uploadAvatar.user.avatarUpdatedAt!).getTime();
      assert.ok(updatedAt >= started - 1000 && updatedAt <= Date.now() + 1000, 'avatarUpdatedAt is now');

      const main = await fetchAvatar(mainUrl, { key, size: 'main', pixels: 512 });
      assert.equal(main.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      const thumb = await fetchAvatar(thumbUrl, { key, size: 'thumb', pixels: 128 });
      assert.equal(thumb.headers.get('cache-control'), 'public, max-age=31536000, immutable');

      assert.deepEqual(await filesOf(id), [`avatars/${id}/${key}-main.webp`, `avatars/${id}/${key}-thumb.webp`]);
      assert.equal((await avatarRow(id)).avatar_key, key);
      const me = await server.request(MyAvatar, {}, { token });
      assert.equal(me.data!.me.avatarUrl, mainUrl);
      assert.equal(me.data!.me.mainUrl, mainUrl);
      assert.equal(me.data!.me.thumbUrl, thumbUrl);
    });
  }

  test('the type is read from the bytes: a PNG named .jpg and sent as image/jpeg works, as does one with no type', async () => {
    const { token, id } = await register();
    const png = await image('png');
    const disguised = await uploadAvatar(server, { bytes: png, name: 'holiday.jpg', type: 'image/jpeg' }, { token });
    const { key } = assertUploaded(disguised, id);
    await fetchAvatar(`/avatars/${id}`, { key, size: 'main', pixels: 512 });
    const untyped = await uploadAvatar(server, { bytes: await image('jpeg'), name: 'blob', type: 'application/octet-stream' }, { token });
    assertUploaded(untyped, id);
  });

  test('the EXIF orientation is applied, then every piece of metadata (GPS included) is stripped', async () => {
    const { token, id } = await register();
    const photo = await photoWithExif();
    const input = await sharp(photo).metadata();
    assert.equal(input.orientation, 6, 'the test photo is stored sideways');
    assert.ok(input.exif?.includes('GPS Leaker 3000'), 'and carries EXIF with a GPS position');
    assert.ok(input.icc, 'and a colour profile');

    const { key } = assertUploaded(await uploadAvatar(server, { bytes: photo, name: 'IMG_0001.JPG', type: 'image/jpeg' }, { token }), id);
    for (const [path, size] of [
      [`/avatars/${id}`, 512],
      [`/avatars/${id}/thumb`, 128],
    ] as const) {
      const served = await fetchAvatar(path, { key, size: size === 512 ? 'main' : 'thumb', pixels: size });
      // Turned upright, the red third is at the top; unrotated it would be at the left.
      const top = await pixelAt(served.body, size / 2, Math.round(size * 0.08));
      const left = await pixelAt(served.body, Math.round(size * 0.08), size / 2);
      assert.ok(top[0] > 150 && top[2] < 100, `red at the top (${top})`);
      assert.ok(left[2] > 150 && left[0] < 100, `blue on the left (${left})`);
      const metadata = await sharp(served.body).metadata();
      assert.equal(metadata.exif, undefined, 'no EXIF');
      assert.equal(metadata.xmp, undefined, 'no XMP');
      assert.equal(metadata.iptc, undefined, 'no IPTC');
      assert.equal(metadata.icc, undefined, 'no ICC profile (converted to sRGB)');
      assert.equal(metadata.orientation, undefined);
      assert.ok(!served.body.includes('GPS Leaker') && !served.body.includes('TestCam'), 'nothing of the EXIF in the file');
    }
  });

  for (const format of ['gif', 'webp'] as const) {
    test(`an animated ${format.toUpperCase()} becomes a still of its first frame`, async () => {
      const { token, id } = await register();
      const input = await sharp(await animation(format, 3)).metadata();
      assert.equal(input.pages, 3, 'the test file is animated');
      const { key } = assertUploaded(await uploadAvatar(server, { bytes: await animation(format, 3), name: `dance.${format}`, type: `image/${format}` }, { token }), id);
      for (const [size, pixels] of [['main', 512], ['thumb', 128]] as const) {
        const served = await fetchAvatar(size === 'main' ? `/avatars/${id}` : `/avatars/${id}/thumb`, { key, size, pixels });
        assert.equal(served.metadata.pages ?? 1, 1);
        const colour = await pixelAt(served.body, pixels / 2, pixels / 2);
        colour.forEach((value, channel) => assert.ok(Math.abs(value - frameColour(0)[channel]!) < 12, `the first frame's colour (${colour})`));
      }
    });
  }

  test('a 4000×3000 photo is scaled down (and how long the round trip takes is reported)', async (t) => {
    const { token, id } = await register();
    const photo = await image('jpeg', 4000, 3000);
    assert.ok(photo.length < MAX_FILE_SIZE_BYTES, `${photo.length} bytes fit the limit`);
    const started = performance.now();
    const result = await uploadAvatar(server, { bytes: photo, name: 'big.jpg', type: 'image/jpeg' }, { token });
    t.diagnostic(`4000×3000 JPEG (${(photo.length / 1024).toFixed(0)} KiB): upload, process and store took ${(performance.now() - started).toFixed(0)} ms`);
    const { key } = assertUploaded(result, id);
    await fetchAvatar(`/avatars/${id}`, { key, size: 'main', pixels: 512 });
  });
});

describe('a refused upload changes nothing', () => {
  let owner: { token: string; id: number };
  let key: string;

  before(async () => {
    owner = await register();
    ({ key } = assertUploaded(await uploadAvatar(server, { bytes: await image('png'), name: 'first.png', type: 'image/png' }, { token: owner.token }), owner.id));
  });

  /** Uploads `file`, expects BAD_USER_INPUT on `file` with a message matching `message`, and checks nothing moved. */
  async function assertRefused(file: UploadFile, message: RegExp) {
    const filesBefore = await filesOnDisk();
    const rowBefore = await avatarRow(owner.id);
    const result = await uploadAvatar(server, file, { token: owner.token });
    assert.equal(errorCode(result), 'BAD_USER_INPUT', JSON.stringify(result.errors));
    assert.equal(result.errors![0]!.extensions!.field, 'file');
    assert.match(result.errors![0]!.message, message);
    assert.equal(result.data ?? null, null);
    assert.deepEqual(await filesOnDisk(), filesBefore, 'no file written, none removed, no temporary file left');
    assert.deepEqual(await avatarRow(owner.id), rowBefore, 'the row is unchanged');
    await fetchAvatar(`/avatars/${owner.id}`, { key, size: 'main', pixels: 512 });
  }

  const ACCEPTED = /JPEG, PNG, GIF or WebP/;

  test('a text file named .png and sent as image/png', async () => {
    const text = Buffer.from('Not a picture at all, just some text that calls itself a PNG.\n'.repeat(20));
    await assertRefused({ bytes: text, name: 'avatar.png', type: 'image/png' }, /could not be read as an image/);
    await assertRefused({ bytes: text, name: 'avatar.png', type: 'image/png' }, ACCEPTED);
  });

  test('images in other formats (TIFF, SVG), named and typed as JPEGs', async () => {
    await assertRefused({ bytes: await image('tiff'), name: 'scan.jpg', type: 'image/jpeg' }, /Unsupported image type \(TIFF\).*JPEG, PNG, GIF or WebP/);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30"/></svg>');
    await assertRefused({ bytes: svg, name: 'logo.jpg', type: 'image/jpeg' }, /Unsupported image type \(SVG\)/);
  });

  test('a file one byte over MAX_FILE_SIZE (cut off while it streams in)', async () => {
    const bytes = Buffer.alloc(MAX_FILE_SIZE_BYTES + 1, 7);
    bytes.set(await image('jpeg'));
    await assertRefused({ bytes, name: 'big.jpg', type: 'image/jpeg' }, /too large: the limit is 2 MB/);
  });

  test('a request declaring far more than MAX_FILE_SIZE (refused before it is read)', async () => {
    await assertRefused({ bytes: Buffer.alloc(3 * MAX_FILE_SIZE_BYTES, 1), name: 'huge.jpg', type: 'image/jpeg' }, /too large: the limit is 2 MB/);
  });

  test('a file of exactly MAX_FILE_SIZE is within the limit (and then refused only for not being an image)', async () => {
    await assertRefused({ bytes: Buffer.alloc(MAX_FILE_SIZE_BYTES, 3), name: 'exact.jpg', type: 'image/jpeg' }, /could not be read as an image/);
  });

  test('truncated JPEG, PNG and WebP files', async () => {
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const whole = await image(format);
      const truncated = whole.subarray(0, Math.floor(whole.length * 0.6));
      await assertRefused({ bytes: truncated, name: `cut.${EXTENSIONS[format]}`, type: `image/${format}` }, /could not be (decoded|read as an image)/);
    }
  });

  test('a small PNG that declares 10000×10000 pixels (a decompression bomb)', async () => {
    const bomb = bilevelPng(10_000, 10_000);
    assert.ok(bomb.length < 50_000, `only ${bomb.length} bytes`);
    const metadata = await sharp(bomb, { limitInputPixels: false }).metadata();
    assert.deepEqual([metadata.format, metadata.width, metadata.height], ['png', 10_000, 10_000], 'a valid PNG');
    await assertRefused({ bytes: bomb, name: 'bomb.png', type: 'image/png' }, /10000×10000 pixels is more than the 40 megapixel limit/);
  });

  test('an empty file', async () => {
    await assertRefused({ bytes: new Uint8Array(0), name: 'empty.png', type: 'image/png' }, /empty/);
  });
});

describe('multipart requests', () => {
  test('an upload without a preflight header is refused (CSRF) before anything is read', async () => {
    const { token, id } = await register();
    const result = await uploadAvatar(server, { bytes: await image('png'), name: 'a.png', type: 'image/png' }, { token, headers: {} });
    assert.equal(result.status, 400);
    assert.equal(errorCode(result), 'BAD_REQUEST');
    assert.match(result.errors![0]!.message, /apollo-require-preflight/);
    assert.deepEqual(await filesOf(id), []);
    assert.equal((await avatarRow(id)).avatar_key, null);
  });

  test('x-apollo-operation-name and graphql-preflight are accepted as preflight headers too', async () => {
    const { token, id } = await register();
    for (const header of ['x-apollo-operation-name', 'graphql-preflight']) {
      const result = await uploadAvatar(server, { bytes: await image('png'), name: 'a.png', type: 'image/png' }, { token, headers: { [header]: 'UploadAvatar' } });
      assertUploaded(result, id);
    }
  });

  test('an upload without a token is UNAUTHENTICATED, writes nothing, and the connection stays usable', async () => {
    const filesBefore = await filesOnDisk();
    // Large enough that the unread file would stall the connection if it were not drained.
    const bytes = Buffer.alloc(MAX_FILE_SIZE_BYTES - 1024, 9);
    const results = await Promise.all([1, 2, 3].map(() => uploadAvatar(server, { bytes, name: 'a.jpg', type: 'image/jpeg' })));
    for (const result of results) assert.equal(errorCode(result), 'UNAUTHENTICATED');
    assert.deepEqual(await filesOnDisk(), filesBefore);
    const { token, id } = await register();
    assertUploaded(await uploadAvatar(server, { bytes: await image('jpeg'), name: 'a.jpg', type: 'image/jpeg' }, { token }), id);
  });

  test('a client that hangs up halfway through the file leaves nothing behind, and the server carries on', async () => {
    const { token, id } = await register();
    const boundary = 'abandoned-upload-boundary';
    const part = (headers: string, body: string) => `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n`;
    const head =
      part('Content-Disposition: form-data; name="operations"', JSON.stringify({ query: print(UploadAvatar), variables: { file: null } })) +
      part('Content-Disposition: form-data; name="map"', JSON.stringify({ 1: ['variables.file'] })) +
      `--${boundary}\r\nContent-Disposition: form-data; name="1"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    const photo = await image('jpeg', 1600, 1200);
    const { hostname, port } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: hostname,
        port,
        path: '/graphql',
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'apollo-require-preflight': 'true',
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + photo.length + 100),
        },
      });
      req.on('error', () => resolve());
      req.write(head);
      req.write(photo.subarray(0, photo.length / 2), () => setTimeout(() => (req.destroy(), resolve()), 100));
    });
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(await filesOf(id), []);
    assert.equal((await avatarRow(id)).avatar_key, null);
    assertUploaded(await uploadAvatar(server, { bytes: photo, name: 'a.jpg', type: 'image/jpeg' }, { token }), id);
  });

  test('malformed multipart requests are BAD_REQUEST', async () => {
    const { token } = await register();
    const file = { bytes: await image('png'), name: 'a.png', type: 'image/png' };
    const badJson = await uploadAvatar(server, file, { token, operations: '{ "query": ' });
    assert.equal(badJson.status, 400);
    assert.equal(errorCode(badJson), 'BAD_REQUEST');
    assert.match(badJson.errors![0]!.message, /operations/);
    const twoFiles = await uploadAvatar(server, file, { token, extraFiles: [file] });
    assert.equal(errorCode(twoFiles), 'BAD_REQUEST');
    assert.match(twoFiles.errors![0]!.message, /1 max file uploads exceeded/);
  });

  test('an Upload variable sent in a JSON request is BAD_USER_INPUT', async () => {
    const { token } = await register();
    const result = await server.request(UploadAvatar, { file: 'not a file' as unknown as File }, { token });
    assert.equal(errorCode(result), 'BAD_USER_INPUT');
  });
});

describe('replacing and deleting', () => {
  test('a new upload replaces the files; the old ones are removed once the new ones are committed', async () => {
    const { token, id } = await register();
    const first = assertUploaded(await uploadAvatar(server, { bytes: await image('png'), name: 'a.png' }, { token }), id);
    const second = assertUploaded(await uploadAvatar(server, { bytes: await image('jpeg'), name: 'b.jpg' }, { token }), id);
    assert.notEqual(second.key, first.key);
    assert.deepEqual(await filesOf(id), [`avatars/${id}/${second.key}-main.webp`, `avatars/${id}/${second.key}-thumb.webp`]);
    await fetchAvatar(second.mainUrl, { key: second.key, size: 'main', pixels: 512 });
    // The old URL now names an old version: it gets the current image, with a short cache and a new ETag.
    const stale = await fetchAvatar(first.mainUrl, { key: second.key, size: 'main', pixels: 512 });
    assert.equal(stale.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
  });

  test('deleteAvatar removes the files and clears the avatar; deleting again is harmless', async () => {
    const { token, id } = await register();
    const { mainUrl, thumbUrl } = assertUploaded(await uploadAvatar(server, { bytes: await image('webp'), name: 'a.webp' }, { token }), id);
    const deleted = await server.request(DeleteAvatar, {}, { token });
    assert.equal(deleted.errors, undefined, JSON.stringify(deleted.errors));
    assert.deepEqual(deleted.data!.deleteAvatar, { removed: true, user: { id: String(id), avatarUrl: null, avatarUpdatedAt: null } });
    assert.deepEqual(await filesOf(id), []);
    assert.deepEqual(await avatarRow(id), { avatar_key: null, avatar_updated_at: null });
    for (const path of [mainUrl, thumbUrl, `/avatars/${id}`]) assert.equal((await get(path)).status, 404);
    const again = await server.request(DeleteAvatar, {}, { token });
    assert.equal(again.data!.deleteAvatar.removed, false);
    assert.equal(errorCode(await server.request(DeleteAvatar, {})), 'UNAUTHENTICATED');
  });

  test('when the database update fails, the new files are removed and the old avatar stays', async () => {
    const { token, id } = await register();
    const { key, mainUrl } = assertUploaded(await uploadAvatar(server, { bytes: await image('png'), name: 'a.png' }, { token }), id);
    await server.db.query(
      `CREATE TRIGGER break_avatar_updates BEFORE UPDATE ON users FOR EACH ROW
       IF NOT (NEW.avatar_key <=> OLD.avatar_key) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'avatar updates are broken'; END IF`,
    );
    try {
      const result = await uploadAvatar(server, { bytes: await image('jpeg'), name: 'b.jpg' }, { token });
      assert.equal(errorCode(result), 'INTERNAL_SERVER_ERROR');
      assert.doesNotMatch(JSON.stringify(result), /avatar updates are broken/);
    } finally {
      await server.db.query('DROP TRIGGER break_avatar_updates');
    }
    assert.deepEqual(await filesOf(id), [`avatars/${id}/${key}-main.webp`, `avatars/${id}/${key}-thumb.webp`]);
    assert.equal((await avatarRow(id)).avatar_key, key);
    await fetchAvatar(mainUrl, { key, size: 'main', pixels: 512 });
  });

  test('of two uploads racing for one user, exactly one set of files remains: the one the row names', async () => {
    const { token, id } = await register();
    const uploads = await Promise.all([image('png'), image('jpeg'), image('webp')].map(async (bytes) => uploadAvatar(server, { bytes: await bytes, name: 'x' }, { token })));
    for (const result of uploads) assertUploaded(result, id);
    const { avatar_key: key } = await avatarRow(id);
    assert.deepEqual(await filesOf(id), [`avatars/${id}/${key}-main.webp`, `avatars/${id}/${key}-thumb.webp`]);
  });
});

describe('GET /avatars/:userId', () => {
  let owner: { token: string; id: number };
  let key: string;

  before(async () => {
    owner = await register();
    ({ key } = assertUploaded(await uploadAvatar(server, { bytes: await image('jpeg'), name: 'a.jpg' }, { token: owner.token }), owner.id));
  });

  test('answers 304 to a matching If-None-Match, and a URL without the version must be revalidated', async () => {
    const plain = await fetchAvatar(`/avatars/${owner.id}`, { key, size: 'main', pixels: 512 });
    assert.equal(plain.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
    for (const ifNoneMatch of [`"${key}-main"`, `W/"${key}-main"`, `"other", "${key}-main"`, '*']) {
      const cached = await get(`/avatars/${owner.id}?v=${key}`, { 'if-none-match': ifNoneMatch });
      assert.equal(cached.status, 304, ifNoneMatch);
      assert.equal(cached.body.length, 0);
      assert.equal(cached.headers.get('etag'), `"${key}-main"`);
      assert.equal(cached.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    }
    assert.equal((await get(`/avatars/${owner.id}/thumb`, { 'if-none-match': `"${key}-main"` })).status, 200, 'the thumbnail has its own ETag');
  });

  test('HEAD answers the headers without the body', async () => {
    const head = await rawRequest(server, `/avatars/${owner.id}/thumb`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-type'], 'image/webp');
    assert.equal(head.headers.etag, `"${key}-thumb"`);
    assert.ok(Number(head.headers['content-length']) > 0);
    assert.equal(head.body.length, 0);
  });

  test('404 for a user without an avatar, an unknown user and a deleted user', async () => {
    const { id } = await register();
    const deleted = await register();
    assertUploaded(await uploadAvatar(server, { bytes: await image('png'), name: 'a.png' }, { token: deleted.token }), deleted.id);
    await server.db.query('UPDATE users SET deleted_at = NOW(3) WHERE id = ?', [deleted.id]);
    for (const path of [`/avatars/${id}`, `/avatars/${id}/thumb`, '/avatars/999999', '/avatars/2147483648', `/avatars/${deleted.id}`]) {
      const response = await get(path);
      assert.equal(response.status, 404, path);
      assert.equal(response.headers.get('cache-control'), 'no-store');
    }
  });

  test('anything but /avatars/<id> and /avatars/<id>/thumb is 404, traversal attempts included', async () => {
    await writeFile(join(uploadDir, 'secret.txt'), 'TOP SECRET');
    await mkdir(join(uploadDir, 'avatars'), { recursive: true });
    await writeFile(join(uploadDir, 'avatars', 'secret.txt'), 'TOP SECRET');
    const id = owner.id;
    const paths = [
      '/avatars',
      '/avatars/',
      `/avatars/${id}/`,
      `/avatars/${id}/main`,
      `/avatars/${id}/thumb/`,
      `/avatars/0${id}`,
      `/avatars/-${id}`,
      `/avatars/${id}.webp`,
      `/avatars/${key}-main.webp`,
      `/avatars/${id}/${key}-main.webp`,
      '/avatars/secret.txt',
      '/avatars/../secret.txt',
      '/avatars/..%2fsecret.txt',
      '/avatars/%2e%2e/secret.txt',
      `/avatars/${id}/../secret.txt`,
      `/avatars/${id}/..%2f..%2fsecret.txt`,
      `/avatars/${id}%2f..%2f..%2fsecret.txt`,
      `/avatars/${id}/thumb/../../secret.txt`,
      '/avatars/..%5c..%5csecret.txt',
      '/avatars/%00',
      `/avatars/${id}%00`,
      '/avatars//etc/passwd',
      '/avatars/../../../../etc/passwd',
    ];
    for (const path of paths) {
      const response = await rawRequest(server, path);
      assert.equal(response.status, 404, path);
      assert.ok(!response.body.includes('TOP SECRET') && !response.body.includes('root:'), path);
    }
  });

  test('other methods are 405', async () => {
    const response = await rawRequest(server, `/avatars/${owner.id}`, { method: 'DELETE' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.allow, 'GET, HEAD');
  });
});
