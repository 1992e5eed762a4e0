// Part 6: a capped abuser. Honest users' broadcast delivery and /health latency while idle, then while one user
// holds every realtime cap the defaults allow and floods: sockets up to WS_MAX_SOCKETS_PER_USER (and past it),
// subscriptions up to WS_MAX_SUBSCRIPTIONS_PER_SOCKET on each (and past it), anonymous sockets up to
// MAX_CONNECTIONS_PER_IP from its address (and past it), and operations at twice WS_MAX_OPERATIONS_PER_SECOND on
// every socket. Broadcasts go to everyone, so each one also fans out to the abuser's subscriptions.
import WebSocket from 'ws';
import { loadConfig } from '../src/config.js';
import { chatSender, serviceReceivers, SUBSCRIPTION, warmUp, type Side } from './fanout.js';
import { seedUsers } from './support/database.js';
import { isMain, runAlone, sleep, type PartOptions, type PartResult } from './support/part.js';
import { closeAll, Tally, type Receiver } from './support/sockets.js';
import { startService } from './support/service.js';
import { fmt, percentile, table } from './support/stats.js';

const ABUSER_IP = '198.51.100.66';
const FLOOD_QUERY = JSON.stringify({ query: '{ __typename }' });

interface AbuserSocket {
  socket: WebSocket;
  acked: Promise<boolean>;
  closeCode?: number;
  /** extensions.code of every error message, counted. */
  refusals: Map<string, number>;
}

/** A bare graphql-transport-ws client from the abuser's address; `acked` is false when the server closed it first. */
function abuserSocket(url: string, token: string | undefined): AbuserSocket {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: { 'x-forwarded-for': ABUSER_IP }, perMessageDeflate: false });
  const result: AbuserSocket = { socket, acked: Promise.resolve(false), refusals: new Map() };
  result.acked = new Promise((resolve) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} })));
    socket.on('close', (code) => {
      result.closeCode = code;
      resolve(false);
    });
    socket.on('error', () => resolve(false));
    socket.on('message', (data: Buffer) => {
      if (data.includes('"type":"connection_ack"')) return resolve(true);
      const code = /"type":"error".*?"code":"(\w+)"/.exec(data.toString())?.[1];
      if (code) result.refusals.set(code, (result.refusals.get(code) ?? 0) + 1);
    });
  });
  return result;
}

function count(sockets: AbuserSocket[], code: string): number {
  return sockets.reduce((n, s) => n + (s.refusals.get(code) ?? 0), 0);
}

interface Phase {
  delivery: number[];
  health: number[];
  missing: number;
}

/** `broadcasts` broadcasts, 100 ms apart, each waited for; /health polled back to back meanwhile. */
async function measure(side: Side, broadcasts: number, firstSeq: number, url: string): Promise<Phase> {
  const delivery: number[] = [];
  const health: number[] = [];
  let missing = 0;
  let done = false;
  const poller = (async () => {
    while (!done) {
      const started = performance.now();
      await (await fetch(`${url}/health`)).arrayBuffer();
      health.push(performance.now() - started);
      await sleep(20);
    }
  })();
  for (let b = 0; b < broadcasts; b += 1) {
    const seq = firstSeq + b;
    const sent = performance.now();
    await side.send(seq);
    await side.tally.waitFor(seq, side.receivers.length, 30_000);
    for (const r of side.receivers) {
      const at = r.arrivals.get(seq);
      if (at === undefined) missing += 1;
      else delivery.push(at - sent);
    }
    await sleep(100);
  }
  done = true;
  await poller;
  return { delivery: delivery.sort((a, b) => a - b), health: health.sort((a, b) => a - b), missing };
}

export async function benchAbuse({ smoke, db }: PartOptions): Promise<PartResult> {
  const caps = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32) }).realtime;
  const honestClients = smoke ? 5 : 50;
  const broadcasts = smoke ? 3 : Number(process.env.BENCH_BROADCASTS ?? 40);
  // TRUST_PROXY lets the abuser come from an address of its own (X-Forwarded-For); honest clients come from 127.0.0.1.
  const service = await startService(db, { TRUST_PROXY: 'true', RATE_LIMIT_MESSAGES_USER: '1000000/60', MAX_CONNECTIONS_PER_IP: '' }, 'service-abuse');
  const receivers: Receiver[] = [];
  const abuser: AbuserSocket[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    const users = await seedUsers(db, honestClients, 'abuse_honest_');
    const [sender, attacker] = await seedUsers(db, 2, 'abuse_other_');
    const tally = new Tally();
    receivers.push(...(await serviceReceivers([service.url], users.map((u) => u.token), tally)));
    const side: Side = { name: 'honest', server: service, receivers, tally, send: chatSender(service.url, [sender!.token]) };
    let seq = await warmUp(side, 1);
    const idle = await measure(side, broadcasts, seq, service.url);
    seq += broadcasts;

    // The abuser: authenticated sockets past the per-user cap, each subscribing past the per-socket cap (at the
    // allowed rate, so the count cap is what refuses), then anonymous sockets past the address cap.
    const authenticated = Array.from({ length: caps.socketsPerUser + 5 }, () => abuserSocket(service.url, attacker!.token));
    abuser.push(...authenticated);
    const held = (await Promise.all(authenticated.map(async (s) => ((await s.acked) ? s : undefined)))).filter((s) => s !== undefined);
    const subscribe = (from: number, to: number) => {
      for (const s of held) for (let i = from; i < to; i += 1) s.socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: SUBSCRIPTION } }));
    };
    // At the allowed rate (a burst past it would be cut off as a flood), so the count cap is what refuses the last five.
    const step = Math.max(1, caps.operationsPerSecond);
    for (let from = 0; from < caps.subscriptionsPerSocket + 5; from += step) {
      subscribe(from, Math.min(from + step, caps.subscriptionsPerSocket + 5));
      await sleep(1050);
    }
    const anonymous = Array.from({ length: caps.connectionsPerIp - held.length + 10 }, () => abuserSocket(service.url, undefined));
    abuser.push(...anonymous);
    const anonymousHeld = (await Promise.all(anonymous.map((s) => s.acked))).filter(Boolean).length;
    // One subscription fewer on each socket leaves room for the flood's queries to run, the costliest the caps allow.
    for (const s of held) s.socket.send(JSON.stringify({ id: 's0', type: 'complete' }));
    await sleep(500);
    // The flood: twice the allowed operations per second on every authenticated socket, topped up every 20 ms.
    const floodRate = caps.operationsPerSecond * 2;
    const floodStarted = performance.now();
    let queryId = 0;
    let sent = 0;
    timers.push(
      setInterval(() => {
        const due = Math.floor(((performance.now() - floodStarted) / 1000) * floodRate) - sent;
        sent += due;
        for (const s of held) {
          if (s.socket.readyState !== WebSocket.OPEN) continue;
          for (let i = 0; i < due; i += 1) s.socket.send(`{"id":"q${queryId++}","type":"subscribe","payload":${FLOOD_QUERY}}`);
        }
      }, 20),
    );
    await sleep(500);
    const flooding = await measure(side, broadcasts, seq, service.url);
    const refusedSockets = authenticated.filter((s) => s.closeCode === 4291).length;
    const refusedAnonymous = anonymous.filter((s) => s.closeCode === 4292).length;
    const cutOff = abuser.filter((s) => s.closeCode === 4293).length;
    const row = (name: string, p: Phase) => [
      name,
      fmt.ms(percentile(p.delivery, 50)),
      fmt.ms(percentile(p.delivery, 99)),
      fmt.int(p.missing),
      fmt.ms(percentile(p.health, 50)),
      fmt.ms(percentile(p.health, 99)),
      fmt.int(p.health.length),
    ];
    const p99Ratio = (pick: (p: Phase) => number[]) => percentile(pick(flooding), 99) / percentile(pick(idle), 99);
    const ratio = (pick: (p: Phase) => number[]) => fmt.ratio(p99Ratio(pick));
    const report = [
      '## 6. A capped abuser',
      `${honestClients} honest clients (graphql-ws, ${SUBSCRIPTION}) from 127.0.0.1; ${broadcasts} broadcasts to everyone ` +
        `(sendMessage over HTTP), 100 ms apart, each waited for, latency from sending to each honest client's receipt; ` +
        `GET /health polled back to back (20 ms apart) meanwhile. First idle, then while one user from ${ABUSER_IP} holds ` +
        `every cap at its default (WS_MAX_SOCKETS_PER_USER ${caps.socketsPerUser}, WS_MAX_SUBSCRIPTIONS_PER_SOCKET ` +
        `${caps.subscriptionsPerSocket}, MAX_CONNECTIONS_PER_IP ${caps.connectionsPerIp}, WS_MAX_OPERATIONS_PER_SECOND ` +
        `${caps.operationsPerSecond}) and floods \`{ __typename }\` at ${floodRate}/s on each of its sockets (with one subscription slot free for them). The abuser ` +
        `runs in the load generator's process, so its own work is in the honest clients' figures too.`,
      '',
      `Abuser: ${held.length} authenticated sockets held, ${refusedSockets} refused with 4291; ` +
        `${fmt.int(count(held, 'TOO_MANY_SUBSCRIPTIONS'))} operations refused with TOO_MANY_SUBSCRIPTIONS (${held.length * caps.subscriptionsPerSocket} allowed); ` +
        `${anonymousHeld} anonymous sockets held, ${refusedAnonymous} refused with 4292; ` +
        `${fmt.int(count(held, 'RATE_LIMITED'))} operations refused with RATE_LIMITED; ${cutOff} sockets cut off with 4293.`,
      '',
      table(['phase', 'delivery p50 ms', 'delivery p99 ms', 'missing', '/health p50 ms', '/health p99 ms', '/health requests'], [
        row('idle', idle),
        row('capped abuser flooding', flooding),
        ['ratio (flooding / idle), p99', '', ratio((p) => p.delivery), '', '', ratio((p) => p.health), ''],
      ]),
    ].join('\n');
    return {
      report,
      verdicts: (['delivery', 'health'] as const).map((metric) => ({
        part: `6. capped abuser: ${metric === 'delivery' ? 'honest delivery' : '/health'} p99`,
        measured: `${fmt.ms(percentile(flooding[metric], 99))} ms`,
        baseline: `${fmt.ms(percentile(idle[metric], 99))} ms idle`,
        ratio: ratio((p) => p[metric]),
        // Issue 17, target 5.
        target: '≤ 1.5× idle',
        met: p99Ratio((p) => p[metric]) <= 1.5 && (metric === 'health' || flooding.missing === 0),
      })),
    };
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const s of abuser) s.socket.terminate();
    await closeAll(receivers);
    await service.stop();
  }
}

if (isMain(import.meta)) await runAlone(benchAbuse);
