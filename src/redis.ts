// Redis connections, when REDIS_URL is set: one for commands and publishing, one held in subscriber mode.
import { Redis } from 'ioredis';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

export interface RedisClients {
  client: Redis;
  subscriber: Redis;
  /** Prefix for every key and channel (REDIS_KEY_PREFIX). */
  prefix: string;
  close(): Promise<void>;
}

export async function connectRedis(config: Config, log: Logger): Promise<RedisClients | undefined> {
  if (!config.redisUrl) return undefined;
  const open = (role: string) => {
    const redis = new Redis(config.redisUrl!, { lazyConnect: true, maxRetriesPerRequest: 3, connectionName: `membership-${role}` });
    // ioredis reconnects by itself; say so in the log instead of crashing on an unhandled 'error' event.
    redis.on('error', (error) => log.warn({ err: error, role }, 'Redis connection error'));
    return redis;
  };
  const client = open('client');
  const subscriber = open('subscriber');
  try {
    await Promise.all([client.connect(), subscriber.connect()]);
  } catch (error) {
    client.disconnect();
    subscriber.disconnect();
    throw new Error(`Could not connect to Redis at ${config.redisUrl} (${(error as Error).message}). Start Redis or unset REDIS_URL.`, { cause: error });
  }
  return {
    client,
    subscriber,
    prefix: config.redisKeyPrefix,
    close: async () => {
      await Promise.allSettled([client.quit(), subscriber.quit()]);
    },
  };
}
