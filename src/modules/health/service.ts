// The health check: a real round trip to the database, with a deadline so a hung database reads as down, shared by
// every caller within a second so anonymous polling cannot turn into database load.
import { cachedProbe, type ProbeResult } from '../../cached-probe.js';
import type { Runtime } from '../../runtime.js';

const DATABASE_DEADLINE_MS = 2000;
/** At most one database round trip per this long, however many clients ask. */
const PROBE_INTERVAL_MS = 1000;

export interface Health {
  status: 'ok' | 'error';
  version: string;
  uptimeSeconds: number;
  database: { status: 'up' | 'down'; roundTripMs?: number; error?: string };
}

const probes = new WeakMap<Runtime, () => Promise<ProbeResult<unknown>>>();

function databaseProbe(runtime: Runtime): () => Promise<ProbeResult<unknown>> {
  let probe = probes.get(runtime);
  if (!probe) {
    probe = cachedProbe(() => runtime.database.pool.query('SELECT 1'), {
      ttlMs: PROBE_INTERVAL_MS,
      deadlineMs: DATABASE_DEADLINE_MS,
      onFailure: (error) => runtime.log.warn({ err: error }, 'Health check: database is not answering'),
    });
    probes.set(runtime, probe);
  }
  return probe;
}

export async function checkHealth(runtime: Runtime): Promise<Health> {
  const result = await databaseProbe(runtime)();
  let database: Health['database'];
  if (result.ok) {
    database = { status: 'up', roundTripMs: result.ms };
  } else {
    // Details go to the log; the public answer says only that it is down.
    database = { status: 'down', error: 'The database did not answer' };
  }
  return {
    status: database.status === 'up' ? 'ok' : 'error',
    version: runtime.version,
    uptimeSeconds: Math.round((Date.now() - runtime.startedAt.getTime()) / 1000),
    database,
  };
}
