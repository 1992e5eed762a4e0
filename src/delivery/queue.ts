// The outbox: every email and SMS is first a row in `outbox` (written with the change that causes it), then sent by
// this instance's workers, a few at a time, retried with growing delays when the mail server or SMS gateway fails,
// and given up on (status `failed`, logged and counted) after DELIVERY_MAX_ATTEMPTS. A request never waits for a
// mail server. Several instances share the table: a row is claimed with SELECT … FOR UPDATE SKIP LOCKED, and a
// claim whose instance died runs out after CLAIM_MS, when another instance takes the row again. So delivery is at
// least once: nothing is lost to a crash or a restart, and a message whose sender died mid-send may go out twice.
import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { outbox, type OutboxRow } from '../db/schema.js';
import type { Logger } from '../logger.js';
import type { Transports } from './transports.js';

export type Channel = OutboxRow['channel'];

export type OutgoingMessage =
  | { channel: 'email'; to: string; kind: string; subject: string; text: string; html?: string }
  | { channel: 'sms'; to: string; kind: string; text: string };

export type DeliveryOutcome = 'sent' | 'retry' | 'failed';

export interface DeliveryOptions {
  /** Messages sent at once by this instance. */
  concurrency: number;
  /** The delay before the first retry; each further one doubles, up to MAX_RETRY_MS. */
  retryBaseMs: number;
  maxAttempts: number;
  /** How often the table is looked at when nothing woke the queue (another instance's messages, retries). */
  pollMs: number;
}

/** How long a claimed row stays with the instance that claimed it: longer than any one send may take. */
const CLAIM_MS = 120_000;
const MAX_RETRY_MS = 3600_000;
/** How long shutdown waits for messages being sent; the rest are taken again once their claim runs out. */
const STOP_WAIT_MS = 5000;

/** Stores a message to be sent; pass the transaction of the change that causes it, then `kick()` once it commits. */
export async function enqueue(db: DbOrTx, message: OutgoingMessage): Promise<void> {
  await db.insert(outbox).values({
    channel: message.channel,
    recipient: message.to,
    kind: message.kind,
    subject: message.channel === 'email' ? message.subject : null,
    text: message.text,
    html: message.channel === 'email' ? (message.html ?? null) : null,
  });
}

export class DeliveryQueue {
  private timer: NodeJS.Timeout | undefined;
  private readonly sending = new Set<Promise<void>>();
  private draining: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly transports: Transports,
    private readonly log: Logger,
    private readonly options: DeliveryOptions,
    private readonly onOutcome: (channel: Channel, outcome: DeliveryOutcome) => void = () => undefined,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Stores a message and wakes the workers: for a message that belongs to no transaction. */
  async send(message: OutgoingMessage): Promise<void> {
    await enqueue(this.db, message);
    this.kick();
  }

  /** Looks for messages to send now (after a transaction that enqueued some has committed). Never rejects. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.log.error({ err: error }, 'The outbox could not be read; trying again shortly'))
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.draining;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(this.sending), new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(timer);
    this.transports.close();
  }

  /** Claims what is due, as many as there are free workers, and starts sending it. */
  private async drain(): Promise<void> {
    for (;;) {
      const free = this.options.concurrency - this.sending.size;
      if (free <= 0 || this.stopped) return;
      const rows = await this.claim(free);
      for (const row of rows) {
        const sent: Promise<void> = this.deliver(row).finally(() => {
          this.sending.delete(sent);
          // A worker is free: there may be more waiting.
          this.kick();
        });
        this.sending.add(sent);
      }
      if (rows.length < free) return;
    }
  }

  private claim(limit: number): Promise<OutboxRow[]> {
    return this.db.transaction(async (tx) => {
      const now = new Date();
      const rows = await tx
        .select()
        .from(outbox)
        .where(or(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)), and(eq(outbox.status, 'sending'), lt(outbox.claimedUntil, now))))
        .orderBy(outbox.nextAttemptAt)
        .limit(limit)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return rows;
      await tx
        .update(outbox)
        .set({ status: 'sending', claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${outbox.attempts} + 1` })
        .where(inArray(outbox.id, rows.map((row) => row.id)));
      return rows.map((row) => ({ ...row, attempts: row.attempts + 1 }));
    });
  }

  /** Sends one claimed message and records how it went. Never rejects. */
  private async deliver(row: OutboxRow): Promise<void> {
    const about = { id: row.id, channel: row.channel, kind: row.kind, attempt: row.attempts };
    try {
      if (row.channel === 'email') await this.transports.sendEmail({ to: row.recipient, subject: row.subject ?? '', text: row.text, html: row.html });
      else await this.transports.sendSms({ to: row.recipient, text: row.text });
    } catch (error) {
      const lastError = String(error instanceof Error ? error.message : error).slice(0, 1000);
      const failed = row.attempts >= this.options.maxAttempts;
      const nextAttemptAt = new Date(Date.now() + this.retryDelayMs(row.attempts));
      await this.record(row, failed ? { status: 'failed', lastError } : { status: 'pending', lastError, nextAttemptAt });
      this.onOutcome(row.channel, failed ? 'failed' : 'retry');
      if (failed) this.log.error({ ...about, err: error }, 'Gave up delivering a message');
      else this.log.warn({ ...about, err: error, nextAttemptAt }, 'Delivering a message failed; it will be tried again');
      return;
    }
    await this.record(row, { status: 'sent', sentAt: new Date(), lastError: null });
    this.onOutcome(row.channel, 'sent');
    this.log.info(about, 'Message delivered');
  }

  private async record(row: OutboxRow, values: Partial<OutboxRow>): Promise<void> {
    try {
      await this.db.update(outbox).set({ ...values, claimedUntil: null }).where(eq(outbox.id, row.id));
    } catch (error) {
      // The claim runs out and the row is taken again: a sent message may then go out twice, none is lost.
      this.log.error({ err: error, id: row.id }, 'Could not record how a delivery went');
    }
  }

  /** retryBaseMs doubled for each attempt made, up to an hour, give or take a fifth so retries do not bunch up. */
  private retryDelayMs(attempts: number): number {
    const delay = Math.min(this.options.retryBaseMs * 2 ** (attempts - 1), MAX_RETRY_MS);
    return Math.round(delay * (0.8 + Math.random() * 0.4));
  }
}
