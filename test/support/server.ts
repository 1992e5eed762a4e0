// Starts the real service on a random port against a test database, and talks to it as a client would.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print, type ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestServer {
  app: App;
  url: string;
  db: TestDatabase;
  /** Sends an operation over HTTP POST, as Apollo or urql would. */
  request<TData, TVars>(
    document: TypedDocumentNode<TData, TVars>,
    variables?: TVars,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

export type GraphQLResponse<TData> = ExecutionResult<TData> & { status: number };

/** Sends an operation over HTTP POST to the service at `baseUrl`, as Apollo or urql would. */
export async function requestAt<TData, TVars>(
  baseUrl: string,
  document: TypedDocumentNode<TData, TVars>,
  variables?: TVars,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return { ...((await response.json()) as ExecutionResult<TData>), status: response.status };
}

export async function startTestServer(env: Record<string, string> = {}, existing?: TestDatabase): Promise<TestServer> {
  const db = existing ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    ADMIN_USERNAME: 'root_admin',
    ADMIN_EMAIL: 'root_admin@example.com',
    ADMIN_PASSWORD: 'admin-password-1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Tests sign in and register far more often than people do; the limits have tests of their own.
    RATE_LIMIT_LOGIN_IP: '100000/60',
    RATE_LIMIT_LOGIN_IDENTIFIER: '100000/60',
    RATE_LIMIT_REGISTER_IP: '100000/60',
    RATE_LIMIT_REGISTER_EMAIL: '100000/60',
    RATE_LIMIT_REFRESH_IP: '100000/60',
    RATE_LIMIT_MESSAGES_USER: '100000/60',
    RATE_LIMIT_UPLOADS_USER: '100000/60',
    RATE_LIMIT_IDENTITY_CHANGES_USER: '100000/60',
    RATE_LIMIT_IDENTITY_CHANGES_IP: '100000/60',
    RATE_LIMIT_PASSKEY_IP: '100000/60',
    RATE_LIMIT_PASSKEY_USER: '100000/60',
    LOCKOUT_THRESHOLD: '1000',
    // A slow run can take longer than 10 minutes between a file's sign-ins and its email changes; step-up has its
    // own tests (test/step-up.test.ts sets 600).
    REAUTH_MAX_AGE: '86400',
    // Every test client comes from 127.0.0.1 and some send operations in bursts; the caps have tests of their own.
    WS_MAX_OPERATIONS_PER_SECOND: '100000',
    MAX_CONNECTIONS_PER_IP: '0',
    // Registration sends a verification email: with no SMTP_URL it is a file, kept out of the worktree.
    DATA_DIR: join(tmpdir(), 'realtime-auth-test-data'),
    ...env,
  });
  const app = await startApp(config, createLogger(config.logLevel));
  return {
    app,
    url: app.url,
    db,
    request: (document, variables, options) => requestAt(app.url, document, variables, options),
    close: async () => {
      await app.close();
      if (!existing) await db.drop();
    },
  };
}

/** The `extensions.code` of the first error, for asserting on what a client would switch on. */
export function errorCode(result: ExecutionResult<unknown>): unknown {
  return result.errors?.[0]?.extensions?.code;
}
