// Where presence lives while sockets are open: socket counts per user (several tabs count once) and the away flag.
// In memory for a single instance; in Redis when REDIS_URL is set, so instances agree, with per-instance counts
// that the surviving instances subtract when an instance stops heartbeating.
import type { Redis } from 'ioredis';
import type { PresenceStatusValue } from '../../events.js';

export interface PresenceStore {
  /** Counts one more socket for the user; true when the user had none until now (they just came online). */
  connect(userId: number): Promise<boolean>;
  /** Counts one socket less; true when it was the user's last (they just went offline). */
  disconnect(userId: number): Promise<boolean>;
  /** 'changed', 'unchanged', or 'offline' when the user has no socket to be away on. */
  setAway(userId: number, away: boolean): Promise<'changed' | 'unchanged' | 'offline'>;
  status(userId: number): Promise<PresenceStatusValue>;
  /** Users (among `userIds`) that have no socket anywhere. */
  withoutSockets(userIds: number[]): Promise<number[]>;
  /**
   * Keeps this instance registered and removes instances that stopped doing so. Returns the users who went offline
   * because their sockets lived on a dead instance, and whether this instance had itself been given up for dead
   * (its sockets must then be counted again).
   */
  heartbeat(): Promise<{ wentOffline: number[]; reregister: boolean }>;
  /** Counts this instance's sockets again after it was given up for dead; returns users who came back online. */
  reregister(): Promise<number[]>;
  /** Forgets this instance's sockets (graceful shutdown); returns users who went offline. */
  leave(): Promise<number[]>;
}

export class MemoryPresenceStore implements PresenceStore {
  private readonly users = new Map<number, { sockets: number; away: boolean }>();

  async connect(userId: number): Promise<boolean> {
    const entry = this.users.get(userId);
    if (entry) {
      entry.sockets += 1;
      return false;
    }
    this.users.set(userId, { sockets: 1, away: false });
    return true;
  }

  async disconnect(userId: number): Promise<boolean> {
    const entry = this.users.get(userId);
    if (!entry) return false;
    entry.sockets -= 1;
    if (entry.sockets > 0) return false;
    this.users.delete(userId);
    return true;
  }

  async setAway(userId: number, away: boolean): Promise<'changed' | 'unchanged' | 'offline'> {
    const entry = this.users.get(userId);
    if (!entry) return 'offline';
    if (entry.away === away) return 'unchanged';
    entry.away = away;
    return 'changed';
  }

  async status(userId: number): Promise<PresenceStatusValue> {
    const entry = this.users.get(userId);
    return !entry ? 'offline' : entry.away ? 'away' : 'online';
  }

  async withoutSockets(userIds: number[]): Promise<number[]> {
    return userIds.filter((id) => !this.users.has(id));
  }

  async heartbeat() {
    return { wentOffline: [], reregister: false };
  }

  async reregister(): Promise<number[]> {
    return [];
  }

  async leave(): Promise<number[]> {
    const users = [...this.users.keys()];
    this.users.clear();
    return users;
  }
}

// KEYS and ARGV are documented per script. Each runs atomically, so two instances never both see a user's
// first connection or last disconnection.
const CONNECT = `
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
return redis.call('HINCRBY', KEYS[1], ARGV[1], 1)`; // KEYS: counts, instance counts, instances; ARGV: user, instance, now

const DISCONNECT = `
local mine = redis.call('HINCRBY', KEYS[2], ARGV[1], -1)
if mine <= 0 then redis.call('HDEL', KEYS[2], ARGV[1]) end
if mine < 0 then return -1 end
local total = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
if total <= 0 then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('SREM', KEYS[3], ARGV[1])
  return 0
end
return total`; // KEYS: counts, instance counts, away; ARGV: user. -1: this instance no longer counted the socket.

const SET_AWAY = `
if not redis.call('HGET', KEYS[1], ARGV[1]) then return -1 end
if ARGV[2] == '1' then return redis.call('SADD', KEYS[2], ARGV[1]) end
return redis.call('SREM', KEYS[2], ARGV[1])`; // KEYS: counts, away; ARGV: user, 1|0

// Subtracts the counts of every instance whose last heartbeat is older than ARGV[1]; returns users left with none.
const REAP = `
local dead = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
local offline = {}
for _, id in ipairs(dead) do
  local key = ARGV[2] .. id
  local entries = redis.call('HGETALL', key)
  for i = 1, #entries, 2 do
    local total = redis.call('HINCRBY', KEYS[1], entries[i], -tonumber(entries[i + 1]))
    if total <= 0 then
      redis.call('HDEL', KEYS[1], entries[i])
      redis.call('SREM', KEYS[3], entries[i])
      table.insert(offline, entries[i])
    end
  end
  redis.call('DEL', key)
  redis.call('ZREM', KEYS[2], id)
end
return offline`; // KEYS: counts, instances, away; ARGV: deadline, instance-key prefix

const HEARTBEAT = `
local known = redis.call('ZSCORE', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
if known then return 1 end
return 0`; // KEYS: instances; ARGV: instance, now

export class RedisPresenceStore implements PresenceStore {
  private readonly keys: { counts: string; away: string; instances: string; instancePrefix: string; mine: string };
  /** This instance's sockets per user, to count them again if the instance was given up for dead. */
  readonly local = new Map<number, number>();

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly instanceId: string,
    /** An instance silent for longer than this is dead. */
    private readonly deadAfterMs: number,
  ) {
    const base = `${prefix}presence:`;
    this.keys = {
      counts: `${base}counts`,
      away: `${base}away`,
      instances: `${base}instances`,
      instancePrefix: `${base}instance:`,
      mine: `${base}instance:${instanceId}`,
    };
  }

  async connect(userId: number): Promise<boolean> {
    this.local.set(userId, (this.local.get(userId) ?? 0) + 1);
    const total = await this.redis.eval(CONNECT, 3, this.keys.counts, this.keys.mine, this.keys.instances, userId, this.instanceId, Date.now());
    return total === 1;
  }

  async disconnect(userId: number): Promise<boolean> {
    const left = (this.local.get(userId) ?? 1) - 1;
    if (left > 0) this.local.set(userId, left);
    else this.local.delete(userId);
    const total = await this.redis.eval(DISCONNECT, 3, this.keys.counts, this.keys.mine, this.keys.away, userId);
    return total === 0;
  }

  async setAway(userId: number, away: boolean): Promise<'changed' | 'unchanged' | 'offline'> {
    const result = await this.redis.eval(SET_AWAY, 2, this.keys.counts, this.keys.away, userId, away ? '1' : '0');
    return result === -1 ? 'offline' : result === 1 ? 'changed' : 'unchanged';
  }

  async status(userId: number): Promise<PresenceStatusValue> {
    const [count, away] = await this.redis.multi().hget(this.keys.counts, String(userId)).sismember(this.keys.away, String(userId)).exec().then((r) => r!.map(([, v]) => v));
    if (!count) return 'offline';
    return away ? 'away' : 'online';
  }

  async withoutSockets(userIds: number[]): Promise<number[]> {
    if (userIds.length === 0) return [];
    const counts = await this.redis.hmget(this.keys.counts, ...userIds.map(String));
    return userIds.filter((_, i) => !counts[i]);
  }

  async heartbeat() {
    const now = Date.now();
    const known = await this.redis.eval(HEARTBEAT, 1, this.keys.instances, this.instanceId, now);
    const reaped = (await this.redis.eval(REAP, 3, this.keys.counts, this.keys.instances, this.keys.away, now - this.deadAfterMs, this.keys.instancePrefix)) as string[];
    return { wentOffline: reaped.map(Number), reregister: known === 0 && this.local.size > 0 };
  }

  async reregister(): Promise<number[]> {
    const cameOnline: number[] = [];
    const sockets = [...this.local];
    this.local.clear();
    for (const [userId, count] of sockets) {
      for (let i = 0; i < count; i += 1) {
        if (await this.connect(userId)) cameOnline.push(userId);
      }
    }
    return cameOnline;
  }

  async leave(): Promise<number[]> {
    const wentOffline: number[] = [];
    for (const [userId, count] of [...this.local]) {
      for (let i = 0; i < count; i += 1) {
        if (await this.disconnect(userId)) wentOffline.push(userId);
      }
    }
    await this.redis.zrem(this.keys.instances, this.instanceId);
    await this.redis.del(this.keys.mine);
    return wentOffline;
  }
}
