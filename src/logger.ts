// Structured JSON logs. Every line written while handling a request or socket operation carries its requestId
// (from an AsyncLocalStorage), and anything that might carry a secret is redacted before it is written.
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';

export type { Logger };

export interface LogScope {
  requestId: string;
}

/** The request (or socket operation) being handled, for the log lines written while handling it. */
export const logScope = new AsyncLocalStorage<LogScope>();

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'realtime-membership' },
    mixin: () => logScope.getStore() ?? {},
    redact: {
      paths: [
        'password',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.refreshToken',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        '*.headers.authorization',
        '*.headers.cookie',
        'variables.input.password',
        'variables.input.currentPassword',
        'variables.input.newPassword',
        'variables.input.refreshToken',
      ],
      censor: '[redacted]',
    },
  });
}
