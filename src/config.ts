// Every environment variable the service reads, parsed and validated once at start-up.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { bool, intInRange, limit, optionalBool, optionalString, trustProxy, type ConfigFragment, type Env, type TrustProxy } from './env.js';
import { argon2Config, lockoutConfig, stepUpConfig } from './modules/auth/config.js';
import { realtimeConfig } from './modules/realtime/config.js';
import { deliveryConfig } from './delivery/config.js';
import { mfaConfig } from './modules/mfa/config.js';
import { recoveryConfig } from './modules/recovery/config.js';
import { passkeysConfig } from './modules/passkeys/config.js';
import { oidcConfig } from './modules/oidc/config.js';
import { privacyConfig } from './modules/privacy/config.js';
import type { Limit } from './rate-limit.js';

export { unmapIPv4, type TrustProxy } from './env.js';

/**
 * The modules' parts of the configuration, one line each: the key they fill in Config and the fragment that reads
 * their variables (see configFragment in env.ts).
 */
const CONFIG_FRAGMENTS = {
  lockout: lockoutConfig,
  argon2: argon2Config,
  stepUp: stepUpConfig,
  realtime: realtimeConfig,
  delivery: deliveryConfig,
  recovery: recoveryConfig,
  passkeys: passkeysConfig,
  oidc: oidcConfig,
  mfa: mfaConfig,
  privacy: privacyConfig,
};

type FragmentConfig = { [K in keyof typeof CONFIG_FRAGMENTS]: (typeof CONFIG_FRAGMENTS)[K] extends ConfigFragment<infer T> ? T : never };

export type Config = CoreConfig & FragmentConfig;

interface CoreConfig {
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
  /** Where avatar files live (AVATAR_STORAGE): local disk by default, an S3-compatible bucket for several instances. */
  storage: StorageConfig;
  /**
   * AVATAR_PUBLIC_BASE_URL: when set, `avatarUrl` links straight to the stored objects under this URL (a bucket or
   * a CDN in front of it) instead of to this server's /avatars route.
   */
  avatarPublicBaseUrl?: string;
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
    /** Plain JSON POSTs skip Yoga's HTTP layer (graphql/fast-path.ts); off: every request goes through Yoga. */
    fastPath: boolean;
  };
  /** Where generated, git-ignored state lives (dev JWT secret, local MariaDB, mail and SMS written as files). */
  dataDir: string;
  /** The service's address as people reach it (PUBLIC_URL): the base of links in messages. */
  publicUrl: string;
  /** The language of messages to users who chose none (DEFAULT_LOCALE). */
  defaultLocale: 'th' | 'en';
}

export interface S3StorageConfig {
  driver: 's3';
  bucket: string;
  region: string;
  /** For S3-compatible services other than AWS (MinIO, Ceph, R2…). */
  endpoint?: string;
  /** Bucket in the path (http://host/bucket/key) rather than the host name: what most S3-compatible services need. */
  forcePathStyle: boolean;
  /** From AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN; otherwise the AWS SDK's own chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export type StorageConfig = { driver: 'local'; dir: string } | S3StorageConfig;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_DATABASE_URL = 'mysql://root@127.0.0.1:3306/realtime_auth';
const MIN_SECRET_LENGTH = 32;
const MIN_METRICS_TOKEN_LENGTH = 12;

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
  AVATAR_STORAGE: z.enum(['local', 's3'], { message: 'must be local or s3' }).default('local'),
  AVATAR_PUBLIC_BASE_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s?#]+$/.test(v), {
    message: 'must be an http(s) URL without a query, such as https://cdn.example.com/avatars-bucket',
  }),
  S3_BUCKET: optionalString.refine((v) => v === undefined || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v), {
    message: 'must be a bucket name: 3-63 lower-case letters, digits, dots and hyphens',
  }),
  S3_REGION: optionalString,
  AWS_REGION: optionalString,
  S3_ENDPOINT: optionalString.refine((v) => v === undefined || URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
    message: 'must be an http(s) URL such as https://minio.internal:9000',
  }),
  S3_FORCE_PATH_STYLE: bool,
  AWS_ACCESS_KEY_ID: optionalString,
  AWS_SECRET_ACCESS_KEY: optionalString,
  AWS_SESSION_TOKEN: optionalString,
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
  RATE_LIMIT_LOGIN_IP: limit('30/60'),
  RATE_LIMIT_LOGIN_IDENTIFIER: limit('10/60'),
  RATE_LIMIT_REGISTER_IP: limit('10/3600'),
  RATE_LIMIT_REGISTER_EMAIL: limit('3/3600'),
  RATE_LIMIT_REFRESH_IP: limit('60/60'),
  RATE_LIMIT_MESSAGES_USER: limit('30/10'),
  RATE_LIMIT_UPLOADS_USER: limit('10/60'),
  RATE_LIMIT_IDENTITY_CHANGES_USER: limit('10/3600'),
  RATE_LIMIT_IDENTITY_CHANGES_IP: limit('20/3600'),
  CORS_ORIGINS: optionalString.refine((v) => v === undefined || v === '*' || v.split(',').every((o) => /^https?:\/\/[^\s/,]+$/.test(o.trim())), {
    message: 'must be * or a comma-separated list of origins such as https://app.example.com',
  }),
  MAX_BODY_SIZE: intInRange(1, 100_000, 100),
  METRICS_TOKEN: optionalString.refine((v) => v === undefined || v.length >= MIN_METRICS_TOKEN_LENGTH, {
    message: `must be at least ${MIN_METRICS_TOKEN_LENGTH} characters (try \`openssl rand -hex 24\`)`,
  }),
  METRICS_PUBLIC: optionalBool,
  GRAPHQL_INTROSPECTION: optionalBool,
  GRAPHQL_FAST_PATH: optionalBool,
  GRAPHIQL: optionalBool,
  GRAPHQL_MAX_DEPTH: intInRange(1, 100, 12),
  GRAPHQL_MAX_COST: intInRange(1, 1_000_000, 5000),
  GRAPHQL_MAX_ALIASES: intInRange(0, 1000, 15),
  GRAPHQL_MAX_TOKENS: intInRange(10, 1_000_000, 2000),
  GRAPHQL_MAX_DIRECTIVES: intInRange(0, 1000, 10),
  DATA_DIR: optionalString,
  PUBLIC_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s/]+(\/\S*)?$/.test(v), { message: 'must be an http:// or https:// URL such as https://members.example.com' }),
  DEFAULT_LOCALE: z.enum(['th', 'en'], { message: 'must be th or en' }).default('th'),
});

function loadFragments(source: Env, problems: string[]): FragmentConfig {
  const loaded: Record<string, unknown> = {};
  for (const [key, fragment] of Object.entries(CONFIG_FRAGMENTS)) loaded[key] = fragment.load(source, problems);
  // Every fragment loaded, or `problems` says why not and no Config is made.
  return loaded as FragmentConfig;
}

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

function storageConfig(env: z.infer<typeof envSchema>, problems: string[]): StorageConfig | undefined {
  if (env.AVATAR_STORAGE === 'local') return { driver: 'local', dir: resolve(env.UPLOAD_DIR ?? 'uploads') };
  if (!env.S3_BUCKET) problems.push('S3_BUCKET: is required with AVATAR_STORAGE=s3');
  if (Boolean(env.AWS_ACCESS_KEY_ID) !== Boolean(env.AWS_SECRET_ACCESS_KEY)) {
    problems.push('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: give both or neither (neither: the AWS SDK looks for a profile or role)');
  }
  if (!env.S3_BUCKET) return undefined;
  return {
    driver: 's3',
    bucket: env.S3_BUCKET,
    region: env.S3_REGION ?? env.AWS_REGION ?? 'us-east-1',
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    credentials:
      env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN }
        : undefined,
  };
}

export function loadConfig(source: Env = process.env): Config {
  const parsed = envSchema.safeParse(source);
  const issues = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const fragments = loadFragments(source, issues);
  if (!parsed.success || issues.length > 0) throw new ConfigError(issues);
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
  const storage = storageConfig(env, problems);
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
    storage: storage!,
    avatarPublicBaseUrl: env.AVATAR_PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    maxFileSizeBytes: env.MAX_FILE_SIZE * 1024 * 1024,
    phoneDefaultRegion: (env.PHONE_DEFAULT_REGION?.toUpperCase() ?? 'TH') as CountryCode,
    trustProxy: env.TRUST_PROXY,
    admin: { username: env.ADMIN_USERNAME, email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    logLevel: env.LOG_LEVEL,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? 'membership:',
    wsHeartbeatMs: env.WS_HEARTBEAT_MS,
    sessionCacheMs: env.SESSION_CACHE_MS,
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
      fastPath: env.GRAPHQL_FAST_PATH ?? true,
    },
    dataDir,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
    defaultLocale: env.DEFAULT_LOCALE,
    ...fragments,
  };
}
