// Attacks the web client's files for its source: in production no source map is built, the bundle names none, and
// the server answers 404 for any .map, even one a development build left on disk, under every prefix and spelling.
// Outside production the map is there for the developer (the control).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildWeb, bundleWeb } from '../scripts/build-web.js';
import { WEB_ROOT } from '../src/modules/web/route.js';
import { startTestServer, type TestServer } from './support/server.js';

let production: TestServer;
let development: TestServer;

const MAP_PATHS = ['/build/app.js.map', '/public/build/app.js.map', '/build/APP.JS.MAP', '/build/app.js.MAP', '/public/build/%61pp.js.map', '/build/app.js.map?v=1'];

before(async () => {
  // A development build, as `npm test` makes, leaves app.js.map on disk: the server must still not hand it out.
  if (!existsSync(join(WEB_ROOT, 'build/app.js.map'))) await buildWeb(false);
  production = await startTestServer({ NODE_ENV: 'production' });
  development = await startTestServer({}, production.db);
});
after(async () => {
  await development?.close();
  await production?.close();
});

test('a production bundle has no source map and names none', async () => {
  const files = await bundleWeb(true);
  assert.ok(files.some((f) => f.path.endsWith('app.js')));
  assert.deepEqual(files.filter((f) => f.path.endsWith('.map')).map((f) => f.path), []);
  for (const file of files) assert.doesNotMatch(file.text, /sourceMappingURL/, file.path);
});

test('a development bundle keeps its map (the control)', async () => {
  const files = await bundleWeb(false);
  assert.ok(files.some((f) => f.path.endsWith('app.js.map')));
  assert.match(files.find((f) => f.path.endsWith('app.js'))!.text, /sourceMappingURL=app\.js\.map/);
});

test('in production, no .map is served, whatever the path', async () => {
  assert.ok(existsSync(join(WEB_ROOT, 'build/app.js.map')), 'the map is on disk');
  for (const path of MAP_PATHS) {
    for (const method of ['GET', 'HEAD']) {
      const response = await fetch(`${production.url}${path}`, { method });
      assert.equal(response.status, 404, `${method} ${path}`);
      const body = await response.text();
      assert.doesNotMatch(body, /"mappings"|"sourcesContent"/, path);
    }
  }
  const bundle = await fetch(`${production.url}/build/app.js`);
  assert.equal(bundle.status, 200, 'the bundle itself is served');
  await bundle.arrayBuffer();
});

test('outside production, the map is served to the developer', async () => {
  const response = await fetch(`${development.url}/build/app.js.map`);
  assert.equal(response.status, 200);
  assert.match(await response.text(), /"mappings"/);
});
