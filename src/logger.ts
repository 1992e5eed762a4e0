// Structured JSON logs. Anything that might carry a secret is redacted before it is written.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'realtime-membership' },
    redact: {
      paths: [
        'password',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'req.headers.authorization',
        'variables.input.password',
        'variables.input.currentPassword',
        'variables.input.newPassword',
      ],
      censor: '[redacted]',
    },
  });
}
