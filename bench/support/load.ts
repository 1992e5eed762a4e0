// HTTP load with autocannon: fixed connections for a fixed time, tokens taken round-robin, every answer checked.
import autocannon from 'autocannon';
import { cpuTimeMs, type ServerProcess } from './processes.js';

export interface LoadOptions {
  server: ServerProcess;
  /** The JSON body of every request. */
  body: string | ((i: number) => string);
  /** Sent as `Authorization: Bearer …`, round-robin over the requests; none when empty. */
  tokens?: string[];
  connections: number;
  durationSeconds: number;
  /** A substring every good answer contains; answers without it are counted as `bad`. */
  expect: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  total: number;
  /** Non-2xx, connection errors, timeouts and 200s whose body lacks `expect`. */
  failures: number;
  /** The server process's CPU use over the run, in % of one CPU. */
  serverCpu: number;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const tokens = options.tokens ?? [];
  let n = 0;
  let bad = 0;
  const cpuBefore = cpuTimeMs(options.server.pid);
  const started = performance.now();
  const result = await autocannon({
    url: `${options.server.url}/graphql`,
    method: 'POST',
    connections: options.connections,
    duration: options.durationSeconds,
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const i = n++;
          const body = typeof options.body === 'string' ? options.body : options.body(i);
          const headers = tokens.length ? { ...request.headers, authorization: `Bearer ${tokens[i % tokens.length]}` } : request.headers;
          return { ...request, body, headers };
        },
        onResponse: (status, body) => {
          if (status === 200 && !body.includes(options.expect)) bad += 1;
        },
      },
    ],
  });
  const elapsed = performance.now() - started;
  const serverCpu = ((cpuTimeMs(options.server.pid) - cpuBefore) / elapsed) * 100;
  return {
    requestsPerSecond: result.requests.average,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts + bad,
    serverCpu,
  };
}
