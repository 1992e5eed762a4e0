// A read that anonymous callers can trigger (GET /health, a /metrics scrape) must not reach the database once per
// call: a probe runs its query at most once per `ttlMs`, however many callers ask meanwhile, and never waits past
// its deadline, so a flood of scrapes costs one query a second and a hung database costs no piled-up waits.

export type ProbeResult<T> =
  | { ok: true; value: T; at: number; ms: number }
  | { ok: false; error: unknown; at: number; ms: number; /** the last value read, if any, for callers that can show it as stale */ last?: { value: T; at: number } };

export interface ProbeOptions {
  /** How long a result (good or bad) is handed out again before the next query. */
  ttlMs: number;
  /** A query that has not answered by then counts as failed (it is not retried before it settles). */
  deadlineMs: number;
  /** Called once per failed query (not once per caller served its result), e.g. to log it. */
  onFailure?: (error: unknown) => void;
}

export class DeadlineError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/** Returns a function that yields `load`'s latest result, running `load` again only when the last is older than ttlMs. */
export function cachedProbe<T>(load: () => Promise<T>, options: ProbeOptions): () => Promise<ProbeResult<T>> {
  let latest: ProbeResult<T> | undefined;
  let lastGood: { value: T; at: number } | undefined;
  let running: Promise<ProbeResult<T>> | undefined;

  const run = async (): Promise<ProbeResult<T>> => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineError(options.deadlineMs)), options.deadlineMs);
      timer.unref();
    });
    const ms = () => Math.round((performance.now() - started) * 100) / 100;
    try {
      const value = await Promise.race([load(), deadline]);
      lastGood = { value, at: Date.now() };
      return { ok: true, value, at: lastGood.at, ms: ms() };
    } catch (error) {
      options.onFailure?.(error);
      return { ok: false, error, at: Date.now(), ms: ms(), last: lastGood };
    } finally {
      clearTimeout(timer);
    }
  };

  return () => {
    if (latest && Date.now() - latest.at < options.ttlMs) return Promise.resolve(latest);
    running ??= run().then((result) => {
      latest = result;
      running = undefined;
      return result;
    });
    return running;
  };
}
