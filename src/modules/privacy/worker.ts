// The privacy module's background work on this instance: building data exports, erasing accounts whose grace period
// is over, and removing expired export files. Every instance runs one; the tables' SKIP LOCKED claims share the work.
import type { Runtime } from '../../runtime.js';
import { eraseDueAccounts } from './erasure.js';
import { buildPendingExports, removeExpiredExports } from './exports.js';

export class PrivacyWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly runtime: Runtime) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.runtime.config.privacy.workerPollMs);
    this.timer.unref();
    this.kick();
  }

  /** Looks for work now (after an export was asked for). Never rejects. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.once()
      .catch((error: unknown) => this.runtime.log.error({ err: error }, 'Privacy worker failed; trying again shortly'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async once(): Promise<void> {
    await buildPendingExports(this.runtime);
    await eraseDueAccounts(this.runtime);
    await removeExpiredExports(this.runtime);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
}

// One worker per runtime, found by services that queue work, without adding the worker to the Runtime type.
const workers = new WeakMap<Runtime, PrivacyWorker>();

export function startPrivacyWorker(runtime: Runtime): PrivacyWorker {
  const worker = new PrivacyWorker(runtime);
  workers.set(runtime, worker);
  worker.start();
  return worker;
}

export function kickPrivacyWorker(runtime: Runtime): void {
  workers.get(runtime)?.kick();
}
