// One worker thread for zxcvbn, started at the first password checked and kept; it holds the process open only
// while a check waits on it. A worker that fails fails the checks waiting on it, and the next check starts anew.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Locale } from '../../delivery/templates.js';

interface Answer {
  id: number;
  score?: number;
  reasons?: string[];
  error?: string;
}

/** Longer than any check takes (the first, which loads the dictionaries, takes ~1-3 s of CPU on a busy machine). */
const CHECK_TIMEOUT_MS = 30_000;

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve(answer: Answer): void; reject(error: Error): void; timer: NodeJS.Timeout }>();

/** Forgets a check; with none left waiting, the idle worker no longer keeps the process alive. */
function settle(id: number): void {
  const pending = waiting.get(id);
  if (pending) clearTimeout(pending.timer);
  waiting.delete(id);
  if (waiting.size === 0) worker?.unref();
}

function failAll(error: Error): void {
  worker = undefined;
  for (const [id, pending] of waiting) {
    clearTimeout(pending.timer);
    waiting.delete(id);
    pending.reject(error);
  }
}

function workerNow(): Worker {
  if (worker) return worker;
  // The worker file beside this one, with this file's extension: .js when built; .ts when run from source, where the
  // worker registers tsx itself first (a worker's own `--import tsx` comes too late for its entry point on Node 20).
  const extension = extname(fileURLToPath(import.meta.url));
  const file = JSON.stringify(new URL(`./password-strength-worker${extension}`, import.meta.url).href);
  const boot = extension === '.ts' ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${file}); })` : `import(${file})`;
  const started = new Worker(boot, { eval: true });
  started.unref();
  started.on('message', (answer: Answer) => {
    const pending = waiting.get(answer.id);
    if (!pending) return;
    settle(answer.id);
    pending.resolve(answer);
  });
  started.on('error', (error) => failAll(error));
  started.on('exit', (code) => failAll(new Error(`the password strength worker exited (${code})`)));
  worker = started;
  return started;
}

/** zxcvbn's score and reasons for a password, computed off the main thread. */
export function checkInWorker(question: { password: string; inputs: string[]; locale: Locale }): Promise<{ score: number; reasons: string[] }> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      settle(id);
      reject(new Error('the password strength check took too long'));
    }, CHECK_TIMEOUT_MS);
    waiting.set(id, {
      timer,
      reject,
      resolve: (answer) => (answer.error !== undefined ? reject(new Error(answer.error)) : resolve({ score: answer.score!, reasons: answer.reasons ?? [] })),
    });
    const thread = workerNow();
    thread.ref();
    thread.postMessage({ id, ...question });
  });
}
