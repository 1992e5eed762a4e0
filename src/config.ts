// Every environment variable the service reads, parsed and validated once at start-up.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import type { Limit } from './rate-limit.js';

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: {
    url: string;
    /** The database name taken from the URL; created on start when missing. */
    name: string;
    /** True when DATABASE_URL or a DB_* variable was given, so no local fallback is tried. */
    explicit: boolean;
  };
  jwt: {
    secret: Uint8Array;
    /** How long an access JWT lives (ACCESS_TOKEN_TTL): short, since a stolen one works until it expires. */
    accessTtlSeconds: number;
    /** How long a sign-in lasts without use (JWT_EXPIRES_IN): the refresh token's lifetime, renewed on each refresh. */
    sessionTtlSeconds: number;
    issuer: string;
    audience: string;
  };
  uploadDir: string;
  maxFileSizeBytes: number;
  phoneDefaultRegion: CountryCode;
  /** Who may say, in X-Forwarded-For, which address a request came from (TRUST_PROXY); see clientIp in graphql/context.ts. */
  trustProxy: TrustProxy;
  admin: { username?: string; email?: string; password?: string };
  logLevel: string;
  redisUrl?: string;
  /** Prefix of every Redis key and pub/sub channel, so several deployments (or test runs) can share a Redis. */
  redisKeyPrefix: string;
  /** How often sockets are pinged; a socket that misses a pong for this long is dropped (so presence goes offline). */
  wsHeartbeatMs: number;
  /** How long a checked session may be reused without reading it again (0: read on every request); see session-cache.ts. */
  sessionCacheMs: number;
  /**
   * Caps on long-lived connections, counted per instance (0: no cap); see modules/realtime/caps.ts. Sized for a
   * person with many tabs and devices, so an account or a host cannot hold enough of them to slow everyone else.
   */
  realtime: {
    socketsPerUser: number;
    subscriptionsPerSocket: number;
    operationsPerSecond: number;
    /** graphql-ws sockets and HTTP subscription streams (SSE) together, per client address. */
    connectionsPerIp: number;
    /** HTTP subscription streams (SSE) per user. */
    streamsPerUser: number;
  };
  rateLimits: {
    loginPerIp: Limit;
    loginPerIdentifier: Limit;
    registerPerIp: Limit;
    registerPerEmail: Limit;
    refreshPerIp: Limit;
    messagesPerUser: Limit;
    uploadsPerUser: Limit;
    /** updateProfile calls that set a username, email or phone: each answer says whether the value is taken. */
    identityChangesPerUser: Limit;
    /** The same, and registrations, per client address. */
    identityChangesPerIp: Limit;
  };
  /** After `threshold` failed logins in a row, an identifier is locked for base × 2^(failures − threshold), up to max. */
  lockout: { threshold: number; baseSeconds: number; maxSeconds: number };
  http: {
    /** Origins allowed to call the API from a browser (CORS); empty: same origin only; ['*']: any. */
    corsOrigins: string[];
    /** Largest JSON / GraphQL request body, in bytes (uploads have MAX_FILE_SIZE). */
    maxBodyBytes: number;
    /** Bearer token required to read /metrics. */
    metricsToken?: string;
    /**
     * Without a token, whether /metrics answers anyone (METRICS_PUBLIC; default on except in production, where
     * /metrics without a token is refused, since it tells an attacker what load hurts).
     */
    metricsPublic: boolean;
  };
  graphql: {
    introspection: boolean;
    graphiql: boolean;
    /** Off in production: "Did you mean …?" hints would map the schema for someone who cannot introspect it. */
    fieldSuggestions: boolean;
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxTokens: number;
    maxDirectives: number;
  };
  /** Where generated, git-ignored state lives (dev JWT secret, local MariaDB, mail and SMS written as files). */
  dataDir: string;
  /** Outgoing email and SMS (src/delivery/). */
  delivery: {
    /** smtp:// or smtps:// with credentials; unset: messages are written under DATA_DIR/mail/. */
    smtpUrl?: string;
    mailFrom: string;
    /** Receives POST {"to","text"}; unset: messages are written under DATA_DIR/sms/. */
    smsWebhookUrl?: string;
    smsWebhookToken?: string;
    /** The base of links in messages. */
    publicUrl: string;
    defaultLocale: 'th' | 'en';
    concurrency: number;
    retryBaseMs: number;
    maxAttempts: number;
    pollMs: number;
  };
}

/**
 * The proxies in front of the service: how many hops (each appends the address it was reached from to
 * X-Forwarded-For), or which addresses they connect from. Entries a client wrote itself sit left of theirs.
 */
export type TrustProxy = { hops: number } | { proxies: BlockList };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_DATABASE_URL = 'mysql://root@127.0.0.1:3306/realtime_auth';
const MIN_SECRET_LENGTH = 32;
const MIN_METRICS_TOKEN_LENGTH = 12;

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const intInRange = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });

/** "count/seconds", e.g. 10/60 for ten per minute. */
const limit = (fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx): Limit => {
      const match = /^(\d{1,7})\/(\d{1,7})$/.exec(v || fallback);
      if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
        ctx.addIssue({ code: 'custom', message: `must be count/seconds such as 10/60 (got "${v}")` });
        return z.NEVER;
      }
      return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
    });

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '' || ['0', 'false', 'no', 'off'].includes(v)) return false;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    ctx.addIssue({ code: 'custom', message: `must be true or false (got "${v}")` });
    return z.NEVER;
  });

/** The IPv4 form of an IPv4-mapped IPv6 address (how a dual-stack socket shows IPv4 peers). */
export const unmapIPv4 = (address: string) => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

/** false/true (0/1 hops, as before), a number of hops, or a comma list of proxy addresses and CIDR ranges. */
const trustProxy = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v, ctx): TrustProxy => {
    if (v === undefined || v === '' || ['false', 'no', 'off'].includes(v)) return { hops: 0 };
    if (['true', 'yes', 'on'].includes(v)) return { hops: 1 };
    if (/^\d{1,2}$/.test(v)) return { hops: Number(v) };
    const proxies = new BlockList();
    for (const entry of v.split(',').map((e) => e.trim())) {
      const [address = '', prefix, extra] = entry.split('/');
      const family = isIP(unmapIPv4(address));
      const bits = prefix === undefined ? undefined : Number(prefix);
      const type = family === 6 ? 'ipv6' : 'ipv4';
      if (family === 0 || extra !== undefined || (bits !== undefined && (!/^\d{1,3}$/.test(prefix!) || bits > (family === 6 ? 128 : 32)))) {
        ctx.addIssue({ code: 'custom', message: `must be true, false, a number of proxies (hops) or a comma list of proxy addresses / CIDR ranges (bad entry "${entry}")` });
        return z.NEVER;
      }
      if (bits === undefined) proxies.addAddress(unmapIPv4(address), type);
      else proxies.addSubnet(unmapIPv4(address), bits, type);
    }
    return { proxies };
  });

/** A boolean with no default of its own (the default depends on NODE_ENV). */
const optionalBool = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    ctx.addIssue({ code: 'custom', message: `must be true or false (got "${v}")` });
    return z.NEVER;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'must be development, production or test' }).default('development'),
  HOST: optionalString,
  PORT: intInRange(0, 65535, 3000),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^(mysql|mariadb):\/\//.test(v), {
    message: 'must look like mysql://user:password@host:3306/database',
  }),
  DB_HOST: optionalString,
  DB_PORT: optionalString.refine((v) => v === undefined || /^\d{1,5}$/.test(v), { message: 'must be a port number' }),
  DB_USER: optionalString,
  DB_PASSWORD: z.string().optional(),
  DB_NAME: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_]{1,64}$/.test(v), {
    message: 'may only contain letters, digits and underscores',
  }),
  JWT_SECRET: optionalString,
  JWT_EXPIRES_IN: intInRange(60, 60 * 60 * 24 * 365, 86400),
  ACCESS_TOKEN_TTL: intInRange(10, 60 * 60 * 24, 900),
  UPLOAD_DIR: optionalString,
  MAX_FILE_SIZE: intInRange(1, 100, 5),
  PHONE_DEFAULT_REGION: optionalString.refine((v) => v === undefined || isSupportedCountry(v.toUpperCase()), {
    message: 'must be a two-letter country code such as TH or US',
  }),
  TRUST_PROXY: trustProxy,
  ADMIN_USERNAME: optionalString,
  ADMIN_EMAIL: optionalString,
  ADMIN_PASSWORD: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: optionalString.refine((v) => v === undefined || /^rediss?:\/\//.test(v), {
    message: 'must look like redis://host:6379',
  }),
  REDIS_KEY_PREFIX: optionalString.refine((v) => v === undefined || /^[\w:.-]{1,64}$/.test(v), {
    message: 'may only contain letters, digits and _ : . -',
  }),
  WS_HEARTBEAT_MS: intInRange(100, 300_000, 12_000),
  SESSION_CACHE_MS: intInRange(0, 10_000, 2000),
  WS_MAX_SOCKETS_PER_USER: intInRange(0, 100_000, 20),
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: intInRange(0, 100_000, 50),
  WS_MAX_OPERATIONS_PER_SECOND: intInRange(0, 100_000, 10),
  MAX_CONNECTIONS_PER_IP: intInRange(0, 1_000_000, 100),
  SSE_MAX_STREAMS_PER_USER: intInRange(0, 100_000, 50),
  RATE_LIMIT_LOGIN_IP: limit('30/60'),
  RATE_LIMIT_LOGIN_IDENTIFIER: limit('10/60'),
  RATE_LIMIT_REGISTER_IP: limit('10/3600'),
  RATE_LIMIT_REGISTER_EMAIL: limit('3/3600'),
  RATE_LIMIT_REFRESH_IP: limit('60/60'),
  RATE_LIMIT_MESSAGES_USER: limit('30/10'),
  RATE_LIMIT_UPLOADS_USER: limit('10/60'),
  RATE_LIMIT_IDENTITY_CHANGES_USER: limit('10/3600'),
  RATE_LIMIT_IDENTITY_CHANGES_IP: limit('20/3600'),
  LOCKOUT_THRESHOLD: intInRange(1, 1000, 5),
  CORS_ORIGINS: optionalString.refine((v) => v === undefined || v === '*' || v.split(',').every((o) => /^https?:\/\/[^\s/,]+$/.test(o.trim())), {
    message: 'must be * or a comma-separated list of origins such as https://app.example.com',
  }),
  MAX_BODY_SIZE: intInRange(1, 100_000, 100),
  METRICS_TOKEN: optionalString.refine((v) => v === undefined || v.length >= MIN_METRICS_TOKEN_LENGTH, {
    message: `must be at least ${MIN_METRICS_TOKEN_LENGTH} characters (try \`openssl rand -hex 24\`)`,
  }),
  METRICS_PUBLIC: optionalBool,
  GRAPHQL_INTROSPECTION: optionalBool,
  GRAPHIQL: optionalBool,
  GRAPHQL_MAX_DEPTH: intInRange(1, 100, 12),
  GRAPHQL_MAX_COST: intInRange(1, 1_000_000, 5000),
  GRAPHQL_MAX_ALIASES: intInRange(0, 1000, 15),
  GRAPHQL_MAX_TOKENS: intInRange(10, 1_000_000, 2000),
  GRAPHQL_MAX_DIRECTIVES: intInRange(0, 1000, 10),
  LOCKOUT_BASE_SECONDS: intInRange(1, 86_400, 60),
  LOCKOUT_MAX_SECONDS: intInRange(1, 7 * 86_400, 3600),
  DATA_DIR: optionalString,
  SMTP_URL: optionalString.refine((v) => v === undefined || /^smtps?:\/\/[^\s]+$/.test(v), { message: 'must look like smtp://user:password@host:587 or smtps://…' }),
  MAIL_FROM: optionalString,
  SMS_WEBHOOK_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), { message: 'must be an http:// or https:// URL' }),
  SMS_WEBHOOK_TOKEN: optionalString,
  PUBLIC_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(v), { message: 'must be an http:// or https:// URL such as https://members.example.com' }),
  DEFAULT_LOCALE: z.enum(['th', 'en'], { message: 'must be th or en' }).default('th'),
  DELIVERY_CONCURRENCY: intInRange(1, 100, 4),
  DELIVERY_RETRY_SECONDS: intInRange(1, 3600, 10),
  DELIVERY_MAX_ATTEMPTS: intInRange(1, 100, 8),
});

type Env = Record<string, string | undefined>;

/** Reads `.env` (if present) into process.env without overriding variables already set. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

function databaseUrlFrom(env: z.infer<typeof envSchema>): { url: string; explicit: boolean } {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, explicit: true };
  if (env.DB_HOST || env.DB_PORT || env.DB_USER || env.DB_PASSWORD !== undefined || env.DB_NAME) {
    const url = new URL(DEFAULT_DATABASE_URL);
    if (env.DB_HOST) url.hostname = env.DB_HOST;
    if (env.DB_PORT) url.port = env.DB_PORT;
    if (env.DB_USER) url.username = encodeURIComponent(env.DB_USER);
    if (env.DB_PASSWORD) url.password = encodeURIComponent(env.DB_PASSWORD);
    if (env.DB_NAME) url.pathname = `/${env.DB_NAME}`;
    return { url: url.toString(), explicit: true };
  }
  return { url: DEFAULT_DATABASE_URL, explicit: false };
}

/** The database name of a mysql:// URL; validated because it is interpolated into CREATE DATABASE. */
export function databaseNameOf(url: string): string | undefined {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return /^[A-Za-z0-9_]{1,64}$/.test(name) ? name : undefined;
}

/**
 * In development a missing secret is generated once and kept in a git-ignored file, so tokens survive restarts.
 * Production must be given one.
 */
function jwtSecret(given: string | undefined, nodeEnv: Config['env'], dataDir: string, problems: string[]): string {
  if (given) {
    if (given.length < MIN_SECRET_LENGTH) {
      if (nodeEnv === 'production') problems.push(`JWT_SECRET: must be at least ${MIN_SECRET_LENGTH} characters in production`);
    }
    return given;
  }
  if (nodeEnv === 'production') {
    problems.push(`JWT_SECRET: is required in production (at least ${MIN_SECRET_LENGTH} characters; try \`openssl rand -base64 48\`)`);
    return '';
  }
  const file = resolve(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function loadConfig(source: Env = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  const dataDir = resolve(env.DATA_DIR ?? '.data');
  const { url, explicit } = databaseUrlFrom(env);
  const name = databaseNameOf(url);
  if (!name) problems.push('DATABASE_URL: must name a database made of letters, digits and underscores, e.g. /realtime_auth');
  const secret = jwtSecret(env.JWT_SECRET, env.NODE_ENV, dataDir, problems);
  const adminVars = [env.ADMIN_USERNAME, env.ADMIN_EMAIL, env.ADMIN_PASSWORD].filter(Boolean).length;
  if (adminVars !== 0 && adminVars !== 3) {
    problems.push('ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD: give all three or none');
  }
  if (env.ADMIN_PASSWORD && env.ADMIN_PASSWORD.length < 8) {
    problems.push('ADMIN_PASSWORD: must be at least 8 characters');
  }
  if (env.METRICS_TOKEN && env.METRICS_PUBLIC) {
    problems.push('METRICS_PUBLIC: cannot be true when METRICS_TOKEN is set (with a token, /metrics answers only to it)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: env.NODE_ENV,
    host: env.HOST ?? '0.0.0.0',
    port: env.PORT,
    database: { url, name: name!, explicit },
    jwt: {
      secret: new TextEncoder().encode(secret),
      accessTtlSeconds: Math.min(env.ACCESS_TOKEN_TTL, env.JWT_EXPIRES_IN),
      sessionTtlSeconds: env.JWT_EXPIRES_IN,
      issuer: 'realtime-membership',
      audience: 'realtime-membership',
    },
    uploadDir: resolve(env.UPLOAD_DIR ?? 'uploads'),
    maxFileSizeBytes: env.MAX_FILE_SIZE * 1024 * 1024,
    phoneDefaultRegion: (env.PHONE_DEFAULT_REGION?.toUpperCase() ?? 'TH') as CountryCode,
    trustProxy: env.TRUST_PROXY,
    admin: { username: env.ADMIN_USERNAME, email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    logLevel: env.LOG_LEVEL,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? 'membership:',
    wsHeartbeatMs: env.WS_HEARTBEAT_MS,
    sessionCacheMs: env.SESSION_CACHE_MS,
    realtime: {
      socketsPerUser: env.WS_MAX_SOCKETS_PER_USER,
      subscriptionsPerSocket: env.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
      operationsPerSecond: env.WS_MAX_OPERATIONS_PER_SECOND,
      connectionsPerIp: env.MAX_CONNECTIONS_PER_IP,
      streamsPerUser: env.SSE_MAX_STREAMS_PER_USER,
    },
    rateLimits: {
      loginPerIp: env.RATE_LIMIT_LOGIN_IP,
      loginPerIdentifier: env.RATE_LIMIT_LOGIN_IDENTIFIER,
      registerPerIp: env.RATE_LIMIT_REGISTER_IP,
      registerPerEmail: env.RATE_LIMIT_REGISTER_EMAIL,
      refreshPerIp: env.RATE_LIMIT_REFRESH_IP,
      messagesPerUser: env.RATE_LIMIT_MESSAGES_USER,
      uploadsPerUser: env.RATE_LIMIT_UPLOADS_USER,
      identityChangesPerUser: env.RATE_LIMIT_IDENTITY_CHANGES_USER,
      identityChangesPerIp: env.RATE_LIMIT_IDENTITY_CHANGES_IP,
    },
    lockout: { threshold: env.LOCKOUT_THRESHOLD, baseSeconds: env.LOCKOUT_BASE_SECONDS, maxSeconds: env.LOCKOUT_MAX_SECONDS },
    http: {
      corsOrigins: env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',').map((o) => o.trim()) : [],
      maxBodyBytes: env.MAX_BODY_SIZE * 1024,
      metricsToken: env.METRICS_TOKEN,
      metricsPublic: !env.METRICS_TOKEN && (env.METRICS_PUBLIC ?? env.NODE_ENV !== 'production'),
    },
    graphql: {
      introspection: env.GRAPHQL_INTROSPECTION ?? env.NODE_ENV !== 'production',
      graphiql: env.GRAPHIQL ?? env.NODE_ENV !== 'production',
      fieldSuggestions: env.NODE_ENV !== 'production',
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxCost: env.GRAPHQL_MAX_COST,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
    },
    dataDir,
    delivery: {
      smtpUrl: env.SMTP_URL,
      mailFrom: env.MAIL_FROM ?? 'Realtime membership <no-reply@localhost>',
      smsWebhookUrl: env.SMS_WEBHOOK_URL,
      smsWebhookToken: env.SMS_WEBHOOK_TOKEN,
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
      defaultLocale: env.DEFAULT_LOCALE,
      concurrency: env.DELIVERY_CONCURRENCY,
      retryBaseMs: env.DELIVERY_RETRY_SECONDS * 1000,
      maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
      pollMs: 2000,
    },
  };
}
