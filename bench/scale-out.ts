// Part 5: fan-out across two instances on Redis. The same N clients and broadcasts as part 3, on three setups whose
// broadcasts alternate: one instance without Redis (events in memory), one instance with Redis (its own events
// come back through Redis), and two instances on Redis with half the clients on each, every message sent to the
// first, so the second's clients get it only through Redis. Both instances share the server CPU(s): the point is
// the cost of crossing Redis, not scaling out, which one core cannot show.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { seedUsers } from './support/database.js';
import { alternate, chatSender, RESULT_HEADER, resultRow, serviceReceivers, warmUp, type Side, type SideResult } from './fanout.js';
import { isMain, runAlone, type PartOptions, type PartResult } from './support/part.js';
import type { ServerProcess } from './support/processes.js';
import { closeAll, Tally, type Receiver } from './support/sockets.js';
import { startService } from './support/service.js';
import { fmt, percentile, table } from './support/stats.js';

const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function benchScaleOut({ smoke, db }: PartOptions): Promise<PartResult> {
  const clients = smoke ? 50 : Number(process.env.BENCH_SCALE_OUT_CLIENTS ?? 1000);
  const broadcasts = smoke ? 3 : Number(process.env.BENCH_BROADCASTS ?? 30);
  const prefix = `bench_${randomBytes(4).toString('hex')}:`;
  const redisEnv = { REDIS_URL, REDIS_KEY_PREFIX: prefix };
  const servers: ServerProcess[] = [];
  const receivers: Receiver[] = [];
  try {
    const alone = await startService(db, {}, 'single');
    const withRedis = await startService(db, redisEnv, 'single-redis');
    const a = await startService(db, redisEnv, 'instance-a');
    const b = await startService(db, redisEnv, 'instance-b');
    servers.push(alone, withRedis, a, b);

    const side = async (name: string, urls: string[], send: ServerProcess, counted: ServerProcess[], tag: string): Promise<Side> => {
      const users = await seedUsers(db, clients, `so_${tag}_`);
      const senders = await seedUsers(db, broadcasts + 10, `so_${tag}_sender_`);
      const tally = new Tally();
      const own = await serviceReceivers(urls, users.map((u) => u.token), tally);
      receivers.push(...own);
      const groups =
        urls.length > 1 ? urls.map((url, i) => ({ name: `  clients on instance ${'AB'[i]}`, receivers: own.filter((_, j) => j % urls.length === i) })) : undefined;
      return { name, server: send, servers: counted, receivers: own, tally, send: chatSender(send.url, senders.map((s) => s.token)), groups };
    };
    const sides = [
      await side('one instance, no Redis', [alone.url], alone, [alone], 'mem'),
      await side('one instance, Redis', [withRedis.url], withRedis, [withRedis], 'one'),
      await side('two instances, Redis (sent to A)', [a.url, b.url], a, [a, b], 'two'),
    ];
    let seq = 1;
    for (const s of sides) seq = await warmUp(s, seq);
    const results = await alternate(sides, broadcasts, seq);

    const rows = results.flatMap((r) => [resultRow(r), ...(r.groups ?? []).map((g) => resultRow(g).map((cell, i) => (i === 6 ? '' : cell)))]);
    const [single, , pair] = results as [SideResult, SideResult, SideResult];
    const ratio = percentile(pair.latencies, 99) / percentile(single.latencies, 99);
    const report = [
      '## 5. Two instances on Redis',
      `${fmt.int(clients)} clients per setup, same subscription and broadcasts as part 3 (${broadcasts} per setup, the three ` +
        `setups alternating one broadcast at a time). In the two-instance setup half the clients are on each instance and ` +
        `every message is sent to A. All instances on the server CPU(s); Redis ${REDIS_URL.replace(/\/\/.*@/, '//')}, unpinned.`,
      '',
      table(RESULT_HEADER, rows),
      '',
      `p99 two instances / one instance without Redis: ${fmt.ratio(ratio)}.`,
    ].join('\n');
    return {
      report,
      verdicts: [
        {
          part: `5. two instances on Redis, ${fmt.int(clients)} clients (p99)`,
          measured: `${fmt.ms(percentile(pair.latencies, 99))} ms`,
          baseline: `${fmt.ms(percentile(single.latencies, 99))} ms (one instance)`,
          ratio: fmt.ratio(ratio),
          target: 'report',
          met: pair.missing === 0 ? undefined : false,
        },
      ],
    };
  } finally {
    await closeAll(receivers);
    await Promise.all(servers.map((s) => s.stop()));
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

if (isMain(import.meta)) await runAlone(benchScaleOut);
