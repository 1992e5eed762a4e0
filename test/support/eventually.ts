// Waiting for what happens "within" a bound, without fixed sleeps: `fn` is tried until it stops throwing (or
// returns something other than false), and the last failure is reported once `timeoutMs` has passed.
import assert from 'node:assert/strict';

export interface EventuallyOptions {
  timeoutMs: number;
  /** Pause between tries. */
  intervalMs?: number;
  /** Named in the failure when `fn` returned false rather than throwing. */
  what?: string;
}

export async function eventually<T>(fn: () => T | Promise<T>, { timeoutMs, intervalMs = 20, what = 'condition' }: EventuallyOptions): Promise<Exclude<T, false>> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    let failure: unknown;
    try {
      const value = await fn();
      if (value !== false) return value as Exclude<T, false>;
      failure = new assert.AssertionError({ message: `${what}: not within ${timeoutMs} ms` });
    } catch (error) {
      failure = error;
    }
    if (performance.now() >= deadline) throw failure;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
