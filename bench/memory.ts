// Part 4: memory per connection. RSS of a fresh service process before and after N idle, authenticated graphql-ws
// connections, each with a messageReceived subscription, have connected (and a broadcast has reached them all, so
// they are known to be live); the same N idle connections on the bare ws server, for scale.
import { seedUsers } from './support/database.js';
import { chatSender, serviceReceivers, warmUp, type Side } from './fanout.js';
import { isMain, runAlone, sleep, type PartOptions, type PartResult } from './support/part.js';
import { rssBytes, startProcess } from './support/processes.js';
import { closeAll, openMany, Tally, type Receiver } from './support/sockets.js';
import { startService } from './support/service.js';
import { fmt, table } from './support/stats.js';

const GIB = 1024 ** 3;

export async function benchMemory({ smoke, db }: PartOptions): Promise<PartResult> {
  const clients = smoke ? 50 : Number(process.env.BENCH_MEMORY_CLIENTS ?? 10_000);
  const settleMs = smoke ? 500 : 5000;
  const rows: string[][] = [];

  const service = await startService(db, {}, 'service-memory');
  let receivers: Receiver[] = [];
  let serviceAfter: number;
  let serviceBefore: number;
  let connectSeconds: number;
  try {
    const users = await seedUsers(db, clients, 'mem_');
    const [sender] = await seedUsers(db, 1, 'mem_sender_');
    await sleep(1000);
    serviceBefore = rssBytes(service.pid);
    const tally = new Tally();
    const started = performance.now();
    receivers = await serviceReceivers([service.url], users.map((u) => u.token), tally);
    connectSeconds = (performance.now() - started) / 1000;
    const side: Side = { name: 'service', server: service, receivers, tally, send: chatSender(service.url, [sender!.token]) };
    await warmUp(side, 1);
    await sleep(settleMs);
    serviceAfter = rssBytes(service.pid);
  } finally {
    await closeAll(receivers);
    await service.stop();
  }
  rows.push([
    'service: graphql-ws, authenticated, 1 subscription each',
    fmt.int(clients),
    fmt.mib(serviceBefore),
    fmt.mib(serviceAfter),
    fmt.kib((serviceAfter - serviceBefore) / clients),
  ]);

  const raw = await startProcess('ws-memory', ['--import', 'tsx', 'bench/baselines/ws-broadcast.ts'], {});
  let rawReceivers: Receiver[] = [];
  try {
    await sleep(1000);
    const before = rssBytes(raw.pid);
    rawReceivers = await openMany(clients, () => ({ url: `${raw.url.replace(/^http/, 'ws')}/graphql` }));
    await sleep(settleMs);
    const after = rssBytes(raw.pid);
    rows.push(['raw ws server, idle sockets', fmt.int(clients), fmt.mib(before), fmt.mib(after), fmt.kib((after - before) / clients)]);
  } finally {
    await closeAll(rawReceivers);
    await raw.stop();
  }

  // Issue 17, target 3: at most 16 KiB per idle subscription above the idle process with 10,000 of them; with
  // 50,000 (BENCH_MEMORY_CLIENTS=50000, where the open-files limits allow), under 1.5 GiB of RSS in all.
  const perConnection = (serviceAfter - serviceBefore) / clients;
  const [target, met] =
    clients >= 50_000
      ? ['< 1.5 GiB at 50,000', serviceAfter < 1.5 * GIB]
      : clients >= 10_000
        ? ['≤ 16 KiB per connection at 10,000', perConnection <= 16 * 1024]
        : ['≤ 16 KiB per connection at 10,000', undefined];
  const report = [
    '## 4. Memory per connection',
    `RSS of a fresh process before and ${settleMs / 1000} s after ${fmt.int(clients)} clients connected (service: ` +
      `connection_init with a token, then subscription { messageReceived { id content sender { username } } }; ` +
      `opened 100 at a time, ${connectSeconds.toFixed(1)} s for all; one broadcast then reached every one of them).`,
    '',
    table(['', 'connections', 'RSS before', 'RSS after', 'per connection'], rows),
    '',
    `Target: ${target} (measured: ${fmt.kib(perConnection)} per connection, ${fmt.mib(serviceAfter)} in all).`,
  ].join('\n');
  return {
    report,
    verdicts: [
      {
        part: `4. memory, ${fmt.int(clients)} idle subscriptions (RSS)`,
        measured: fmt.mib(serviceAfter),
        baseline: `${fmt.kib(perConnection)} per connection`,
        ratio: '',
        target,
        met,
      },
    ],
  };
}

if (isMain(import.meta)) await runAlone(benchMemory);
