// Waits for something that happens asynchronously: runs `check` until it stops throwing, or rethrows its last error
// once `timeoutMs` have passed. For assertions about what a server does after answering, instead of fixed sleeps.
export async function eventually<T>(check: () => T | Promise<T>, { timeoutMs = 5000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
