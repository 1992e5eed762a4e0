// GET /health really asks the database: 200 while it answers, 503 within a second once it does not, 200 again after.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { startTestServer, type TestServer } from './support/server.js';
import { proxyDatabase, type TcpProxy } from './support/tcp-proxy.js';

let db: TestDatabase;
let proxy: TcpProxy;
let server: TestServer;

before(async () => {
  db = await createTestDatabase();
  let url: string;
  ({ proxy, url } = await proxyDatabase(db));
  server = await startTestServer({ DATABASE_URL: url }, db);
});
after(async () => {
  await server?.close();
  await proxy?.close();
  await db?.drop();
});

async function health() {
  const response = await fetch(`${server.url}/health`);
  return { status: response.status, body: (await response.json()) as Record<string, any>, type: response.headers.get('content-type') };
}

test('answers 200 with status, database round trip, uptime and version while the database is up', async () => {
  const { status, body, type } = await health();
  assert.equal(status, 200);
  assert.match(type!, /^application\/json/);
  assert.equal(body.status, 'ok');
  assert.equal(body.database.status, 'up');
  assert.equal(typeof body.database.roundTripMs, 'number');
  assert.equal(typeof body.uptimeSeconds, 'number');
  assert.equal(body.version, '0.1.0');
});

/** /health reads the database at most once a second (see checkHealth), so a change shows within about a second. */
async function healthUntil(status: number) {
  const deadline = Date.now() + 3000;
  let answer = await health();
  while (answer.status !== status && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    answer = await health();
  }
  return answer;
}

test('answers 503 when the database stops answering, and 200 again once it is back', async () => {
  await proxy.cut();
  const down = await healthUntil(503);
  assert.equal(down.status, 503);
  assert.equal(down.body.status, 'error');
  assert.equal(down.body.database.status, 'down');
  assert.doesNotMatch(JSON.stringify(down.body), /ECONNREFUSED|127\.0\.0\.1/, 'connection details stay in the log');

  await proxy.restore();
  assert.equal((await healthUntil(200)).status, 200);
});
