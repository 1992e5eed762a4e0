// The health check: a real round trip to the database, with a deadline so a hung database reads as down.
import type { Runtime } from '../../runtime.js';

const DATABASE_DEADLINE_MS = 2000;

export interface Health {
  status: 'ok' | 'error';
  version: string;
  uptimeSeconds: number;
  database: { status: 'up' | 'down'; roundTripMs?: number; error?: string };
}

export async function checkHealth(runtime: Runtime): Promise<Health> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const database: Health['database'] = await Promise.race([
    runtime.database.pool.query('SELECT 1').then(() => ({ status: 'up' as const, roundTripMs: Math.round((performance.now() - started) * 100) / 100 })),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_DEADLINE_MS} ms`)), DATABASE_DEADLINE_MS);
    }),
  ])
    .catch((error: unknown) => {
      runtime.log.warn({ err: error }, 'Health check: database is not answering');
      // Details go to the log; the public answer says only that it is down.
      return { status: 'down' as const, error: 'The database did not answer' };
    })
    .finally(() => clearTimeout(timer));
  return {
    status: database.status === 'up' ? 'ok' : 'error',
    version: runtime.version,
    uptimeSeconds: Math.round((Date.now() - runtime.startedAt.getTime()) / 1000),
    database,
  };
}
