// Presence: who is online, away or offline. Socket counts live in a PresenceStore; the last known status of each
// user is kept in user_status, and presenceChanged is published only when that row really changes.
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users, userStatus, type UserRow } from '../../db/schema.js';
import type { Events, PresenceStatusValue } from '../../events.js';
import type { Logger } from '../../logger.js';
import type { PresenceStore } from './presence-store.js';

export class Presence {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly runtime: { db: Db; events: Events; log: Logger },
    readonly store: PresenceStore,
  ) {}

  /** Users online or away, by username. */
  async onlineUsers(): Promise<UserRow[]> {
    const rows = await this.runtime.db
      .select({ user: users })
      .from(userStatus)
      .innerJoin(users, eq(users.id, userStatus.userId))
      .where(and(ne(userStatus.status, 'offline'), isNull(users.deletedAt)))
      .orderBy(asc(users.usernameKey));
    return rows.map((r) => r.user);
  }

  /**
   * Brings user_status in line with the store (users marked online whose sockets are all gone, e.g. after a crash)
   * and starts the heartbeat that keeps this instance registered and reaps dead ones.
   */
  async start(heartbeatMs: number): Promise<void> {
    await this.reconcile();
    this.timer = setInterval(() => {
      this.tick().catch((error: unknown) => this.runtime.log.warn({ err: error }, 'Presence heartbeat failed'));
    }, heartbeatMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.settle(await this.store.leave());
  }

  async socketOpened(userId: number): Promise<void> {
    if (await this.store.connect(userId)) await this.settle([userId]);
  }

  async socketClosed(userId: number): Promise<void> {
    if (await this.store.disconnect(userId)) await this.settle([userId]);
  }

  /** ONLINE or AWAY, as the client says; a user without an open socket stays offline. */
  async setStatus(userId: number, status: 'online' | 'away'): Promise<PresenceStatusValue> {
    if ((await this.store.setAway(userId, status === 'away')) === 'changed') await this.settle([userId]);
    return this.store.status(userId);
  }

  private async tick(): Promise<void> {
    const { wentOffline, reregister } = await this.store.heartbeat();
    await this.settle(wentOffline);
    if (reregister) {
      this.runtime.log.warn('This instance had been given up for dead by the others; counting its sockets again');
      await this.settle(await this.store.reregister());
    }
  }

  private async reconcile(): Promise<void> {
    const marked = await this.runtime.db.select({ userId: userStatus.userId }).from(userStatus).where(ne(userStatus.status, 'offline'));
    await this.settle(await this.store.withoutSockets(marked.map((r) => r.userId)));
  }

  /**
   * Writes each user's current status from the store into user_status and publishes the ones that changed.
   * Reading the store at write time (instead of trusting the caller's idea of the new status) keeps racing
   * connects and disconnects from leaving a stale status behind.
   */
  private async settle(userIds: number[]): Promise<void> {
    for (const userId of userIds) {
      const status = await this.store.status(userId);
      const at = new Date();
      const [result] = await this.runtime.db
        .update(userStatus)
        .set({ status, lastSeenAt: at })
        .where(and(eq(userStatus.userId, userId), ne(userStatus.status, status)));
      if (result.affectedRows > 0) {
        this.runtime.events.publish('presenceChanged', { userId, status, at: at.toISOString() });
      }
    }
  }
}

/** user_status rows for a batch of users (for the User.status field). */
export async function statusesOf(runtime: { db: Db }, userIds: readonly number[]) {
  const rows = await runtime.db.select().from(userStatus).where(inArray(userStatus.userId, [...userIds]));
  const byId = new Map(rows.map((r) => [r.userId, r]));
  return userIds.map((id) => byId.get(id));
}
