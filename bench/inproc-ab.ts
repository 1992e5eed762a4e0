// In-process A/B, for a machine others are loading (not part of `npm run bench`): two instances of the service
// run in this one process with different settings (e.g. GRAPHQL_FAST_PATH=false against the default), the same
// closed-loop `me` load is sent to each in short alternating blocks, and the process's CPU time per request
// (server and client together: the client's share is the same for both) is compared block by block. Across
// processes (bench/ab.ts) a saturated machine made CPU per request swing by 5× between rounds; here the two sides
// share one process, one CPU and the same moments, so their difference survives the noise. (Two builds cannot
// share a process: Pothos registers its plugins globally.)
// Run: npx tsx bench/inproc-ab.ts a=GRAPHQL_FAST_PATH=false b= [--requests 2000] [--blocks 10] [--concurrency 16]
//      [--set SESSION_CACHE_MS=0] [--query '…']   (a=SETTING=value,SETTING=value: that instance's settings)
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { createConnection } from 'mysql2/promise';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { takeOption } from './support/part.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => takeOption(args, name, fallback);
const requests = Number(option('requests', '2000'));
const blocks = Number(option('blocks', '10'));
const concurrency = Number(option('concurrency', '16'));
const settings = option('set', '');
const query = option('query', 'query Me { me { id username email phone } }');
const parseSettings = (text: string) => Object.fromEntries(text.split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
const variants = args.map((a) => ({ name: a.slice(0, a.indexOf('=')), settings: parseSettings(a.slice(a.indexOf('=') + 1)) }));

const base = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
const dbName = `realtime_auth_inproc_${randomBytes(4).toString('hex')}`;
const admin = await createConnection(base);
await admin.query(`CREATE DATABASE ${dbName}`);

const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  DATABASE_URL: `${base}/${dbName}`,
  JWT_SECRET: 'inproc-ab-secret-inproc-ab-secret-0123456789',
  RATE_LIMIT_REGISTER_IP: '100000/60',
  RATE_LIMIT_IDENTITY_CHANGES_IP: '100000/60',
  ...parseSettings(settings),
};

interface Started {
  name: string;
  url: string;
  close(): Promise<void>;
}
const apps: Started[] = [];
try {
  for (const { name, settings: own } of variants) {
    const config = loadConfig({ ...env, ...own });
    const app = await startApp(config, createLogger('warn'));
    apps.push({ name, url: app.url, close: () => app.close() });
  }
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const post = (url: string, body: string, token?: string) =>
    new Promise<string>((done, fail) => {
      const req = request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(Buffer.concat(chunks).toString()));
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end(body);
    });
  const tokens: string[] = [];
  for (let i = 0; i < 20; i += 1) {
    const answer = await post(
      apps[0]!.url,
      JSON.stringify({ query: `mutation { registerUser(input: { username: "inproc${i}", email: "inproc${i}@example.com", phone: "08${10000000 + i}", password: "amber-quartz-otter-58" }) { ... on AuthPayload { token } } }` }),
    );
    tokens.push((JSON.parse(answer) as { data: { registerUser: { token: string } } }).data.registerUser.token);
  }
  const body = JSON.stringify({ query });
  async function block(url: string, n: number): Promise<number> {
    let next = 0;
    const before = process.cpuUsage();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          const i = next++;
          const answer = await post(url, body, tokens[i % tokens.length]);
          if (!answer.includes('"data"') || answer.includes('"errors"')) throw new Error(`unexpected answer: ${answer.slice(0, 200)}`);
        }
      }),
    );
    const used = process.cpuUsage(before);
    return (used.user + used.system) / n;
  }
  for (const app of apps) await block(app.url, requests);
  const results = new Map<string, number[]>(apps.map((a) => [a.name, []]));
  for (let b = 0; b < blocks; b += 1) {
    for (const app of b % 2 === 0 ? apps : [...apps].reverse()) results.get(app.name)!.push(await block(app.url, requests));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  console.log(`# ${requests} requests × ${blocks} blocks per side, ${concurrency} in flight, ${settings || 'default settings'}; CPU µs per request, client included`);
  for (const [name, xs] of results) console.log(`${name}: median ${median(xs).toFixed(0)} µs; blocks ${xs.map((x) => x.toFixed(0)).join(' ')}`);
  if (apps.length === 2) {
    const [a, b] = [results.get(apps[0]!.name)!, results.get(apps[1]!.name)!];
    const ratios = a.map((x, i) => b[i]! / x);
    console.log(`${apps[1]!.name}/${apps[0]!.name} per block: median ${median(ratios).toFixed(3)}; ${ratios.map((r) => r.toFixed(2)).join(' ')}`);
  }
} finally {
  for (const app of apps) await app.close().catch(() => undefined);
  await admin.query(`DROP DATABASE ${dbName}`);
  await admin.end();
}
process.exit(0);
