// The web client's files over plain HTTP: served at / and /public/ with the right types and caching headers, and
// nothing else (no path that climbs out of web/public/, no hidden or unknown files, the API routes untouched).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildWeb } from '../scripts/build-web.js';
import { resolveWebPath } from '../src/modules/web/route.js';
import { rawRequest } from './support/avatars.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;

before(async () => {
  await buildWeb();
  server = await startTestServer();
});
after(async () => {
  await server?.close();
});

async function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const response = await fetch(`${server.url}${path}`, { method, headers, redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('the web client is served', () => {
  test('/ and /public/ are the page, with a CSP that keeps it to this origin', async () => {
    for (const path of ['/', '/public/', '/index.html', '/public/index.html']) {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(response.body, /<html lang="th">/);
      assert.match(response.body, /<script type="module" src="\.\/build\/app\.js"><\/script>/, 'relative URLs work under both prefixes');
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /connect-src 'self'/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    }
  });

  test('/public without its slash redirects, so the relative URLs resolve', async () => {
    const response = await get('/public');
    assert.equal(response.status, 308);
    assert.equal(response.headers.get('location'), '/public/');
  });

  test('the bundle, styles and icon have their types; the bundle is an ES module that loads graphql-ws', async () => {
    const js = await get('/build/app.js');
    assert.equal(js.status, 200);
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(js.body, /graphql-transport-ws/, "graphql-ws's browser client is in the bundle");
    assert.doesNotMatch(js.body, /https?:\/\/(cdn|unpkg|fonts\.googleapis)/, 'nothing from a CDN');
    assert.equal((await get('/public/build/app.js')).body, js.body);
    assert.equal((await get('/styles.css')).headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal((await get('/favicon.svg')).headers.get('content-type'), 'image/svg+xml');
    assert.equal((await get('/build/app.js.map')).headers.get('content-type'), 'application/json; charset=utf-8');
  });

  test('responses are revalidated by ETag: 304 when unchanged, HEAD without a body', async () => {
    const first = await get('/styles.css');
    const etag = first.headers.get('etag')!;
    assert.ok(etag, 'an ETag');
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    assert.equal(first.headers.get('content-length'), String(Buffer.byteLength(first.body)));
    const again = await get('/styles.css', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    const head = await get('/styles.css', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), first.headers.get('content-length'));
    assert.equal(head.body, '');
  });
});

describe('nothing else is', () => {
  test('paths that climb out of web/public/, however encoded, are 404 and never reach a file', async () => {
    for (const path of [
      '/../package.json',
      '/public/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/..%2F..%2Fpackage.json',
      '/public/%2e%2e/src/app.ts',
      '/build/..%5c..%5cpackage.json',
      '/..\\package.json',
      '/%252e%252e/package.json',
      '//etc/passwd',
      '/%00',
      '/index.html%00.js',
      '/%ff',
    ]) {
      const response = await rawRequest(server, path);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(response.body.toString(), /"name": "realtime-membership"|root:x:0/, path);
    }
  });

  test('hidden files, unknown types, folders and missing files are 404', async () => {
    for (const path of ['/.gitignore', '/build/.hidden.js', '/build', '/build/', '/nothing.js', '/app.ts', '/src/main.ts', '/index.php']) {
      assert.equal((await get(path)).status, 404, path);
    }
  });

  test('the API keeps its routes: GraphiQL at /graphql, POSTs to / are not files', async () => {
    const graphiql = await get('/graphql', { accept: 'text/html' });
    assert.equal(graphiql.status, 200);
    assert.match(graphiql.body, /GraphiQL|graphiql/i);
    const health = await get('/health');
    assert.equal(health.status, 200);
    const post = await fetch(`${server.url}/`, { method: 'POST', body: 'x' });
    assert.equal(post.status, 404);
  });

  test('resolveWebPath maps URLs to files under the folder, or to nothing', () => {
    assert.equal(resolveWebPath('/'), 'index.html');
    assert.equal(resolveWebPath('/public/'), 'index.html');
    assert.equal(resolveWebPath('/public/build/app.js'), 'build/app.js');
    assert.equal(resolveWebPath('/caf%C3%A9.css'), 'café.css');
    assert.equal(resolveWebPath('/publicity.css'), 'publicity.css', 'only the /public/ folder prefix is stripped');
    for (const bad of ['', 'index.html', '/a//b.css', '/./a.css', '/../a.css', '/a/%2e%2e/b.css', '/a%2fb.css', '/a%5cb.css', '/x.ts', '/%E0%A4%A.css']) {
      assert.equal(resolveWebPath(bad), undefined, bad);
    }
  });
});
