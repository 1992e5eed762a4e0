// Where the memory of idle subscriptions goes: V8 heap snapshots of a service process with 0 and then N idle,
// authenticated graphql-ws connections (each subscribed as in part 4, bench/memory.ts), compared by constructor.
// Not part of `npm run bench`: a tool for working on memory.
//
//   npx tsx bench/memory-heap.ts [N]           (default 1000) snapshot, compare, print the top of each table
//   npx tsx bench/memory-heap.ts --compare a.heapsnapshot b.heapsnapshot N
//
// The service runs as in part 4 (node --import tsx src/server.ts, NODE_ENV=production) with
// --heapsnapshot-signal=SIGUSR2; snapshots go to .data/heap/. A snapshot is taken after a full GC, so it counts
// live objects only; RSS also holds V8's free space, Buffers outside the heap and malloc's own, so both are printed.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chatSender, serviceReceivers, warmUp, type Side } from './fanout.js';
import { createBenchDatabase, seedUsers } from './support/database.js';
import { isMain, sleep } from './support/part.js';
import { pinLoadGenerator, ROOT, rssBytes, startProcess, stopAll } from './support/processes.js';
import { serviceEnv } from './support/service.js';
import { closeAll, Tally, type Receiver } from './support/sockets.js';

interface Group {
  count: number;
  bytes: number;
}

/** Self sizes of a snapshot's nodes, grouped by node type and constructor (or closure name, or string kind). */
export function summarize(file: string): { groups: Map<string, Group>; total: number } {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const groups = new Map<string, Group>();
  let total = 0;
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]!]!;
    const name = strings[nodes[i + nameAt]!]!;
    const size = nodes[i + sizeAt]!;
    total += size;
    let key: string;
    if (type === 'object' || type === 'native') key = `${type === 'native' ? '(native) ' : ''}${name}`;
    else if (type === 'closure') key = `(closure) ${name || '(anonymous)'}`;
    else if (type === 'hidden' || type === 'array' || type === 'code' || type === 'synthetic' || type === 'object shape') key = `(${type}) ${name.slice(0, 60)}`;
    else key = `(${type})`;
    const group = groups.get(key) ?? { count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += size;
    groups.set(key, group);
  }
  return { groups, total };
}

export function compare(before: string, after: string, connections: number, top = 60): string {
  const a = summarize(before);
  const b = summarize(after);
  const keys = new Set([...a.groups.keys(), ...b.groups.keys()]);
  const rows = [...keys].map((key) => {
    const x = a.groups.get(key) ?? { count: 0, bytes: 0 };
    const y = b.groups.get(key) ?? { count: 0, bytes: 0 };
    return { key, count: (y.count - x.count) / connections, bytes: (y.bytes - x.bytes) / connections };
  });
  rows.sort((p, q) => q.bytes - p.bytes);
  const lines = [
    `heap (live objects): ${(a.total / 2 ** 20).toFixed(1)} MiB -> ${(b.total / 2 ** 20).toFixed(1)} MiB, ` +
      `${((b.total - a.total) / connections / 1024).toFixed(2)} KiB per connection`,
    '',
    'bytes/conn  objects/conn  group',
  ];
  for (const row of rows.slice(0, top)) lines.push(`${row.bytes.toFixed(0).padStart(10)}  ${row.count.toFixed(2).padStart(12)}  ${row.key}`);
  return lines.join('\n');
}

const HEAP_DIR = join(ROOT, '.data/heap');

/** Asks process `pid` for a snapshot and waits until it is written. */
async function snapshot(pid: number, url: string): Promise<string> {
  const before = new Set(readdirSync(HEAP_DIR));
  process.kill(pid, 'SIGUSR2');
  for (;;) {
    await sleep(500);
    const file = readdirSync(HEAP_DIR).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    if (!file) continue;
    // The snapshot is written on the main thread: once the process answers again, the file is complete.
    await fetch(`${url}/health`).catch(() => undefined);
    const path = join(HEAP_DIR, file);
    let size = -1;
    while (statSync(path).size !== size) {
      size = statSync(path).size;
      await sleep(500);
    }
    return path;
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--compare') {
    console.log(compare(args[1]!, args[2]!, Number(args[3] ?? 1)));
    return;
  }
  const clients = Number(args[0] ?? 1000);
  if (!existsSync(HEAP_DIR)) mkdirSync(HEAP_DIR, { recursive: true });
  pinLoadGenerator();
  const db = await createBenchDatabase();
  let receivers: Receiver[] = [];
  try {
    const service = await startProcess('service-heap', ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${HEAP_DIR}`, '--import', 'tsx', 'src/server.ts'], serviceEnv(db), 120_000);
    const users = await seedUsers(db, clients, 'heap_');
    const [sender] = await seedUsers(db, 1, 'heap_sender_');
    const tally = new Tally();
    const side: Side = { name: 'service', server: service, receivers, tally, send: chatSender(service.url, [sender!.token]) };
    // One connection and one broadcast first, so what is made once (caches, the fan-out's listener) is in both.
    side.receivers = await serviceReceivers([service.url], [users[0]!.token], tally);
    let seq = await warmUp(side, 1);
    await sleep(2000);
    const rss0 = rssBytes(service.pid);
    const first = await snapshot(service.pid, service.url);
    const rss0b = rssBytes(service.pid);
    receivers = side.receivers.concat(await serviceReceivers([service.url], users.slice(1).map((u) => u.token), tally));
    side.receivers = receivers;
    seq = await warmUp(side, seq);
    await sleep(5000);
    const rss1 = rssBytes(service.pid);
    const second = await snapshot(service.pid, service.url);
    const rss1b = rssBytes(service.pid);
    const n = clients - 1;
    console.log(`${n} connections added; snapshots ${first}, ${second}`);
    console.log(
      `RSS: ${(rss0 / 2 ** 20).toFixed(1)} -> ${(rss1 / 2 ** 20).toFixed(1)} MiB before the snapshots' GCs ` +
        `(${((rss1 - rss0) / n / 1024).toFixed(2)} KiB per connection); after them ${(rss0b / 2 ** 20).toFixed(1)} -> ` +
        `${(rss1b / 2 ** 20).toFixed(1)} MiB (${((rss1b - rss0b) / n / 1024).toFixed(2)} KiB per connection)`,
    );
    console.log(compare(first, second, n));
  } finally {
    await closeAll(receivers);
    await stopAll();
    await db.drop();
  }
}

if (isMain(import.meta)) await main();
