// Structured JSON logs. Every line written while handling a request or socket operation carries its requestId
// (from an AsyncLocalStorage), and anything that might carry a secret is redacted before it is written.
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LogScope {
  requestId: string;
}

/** The request (or socket operation) being handled, for the log lines written while handling it. */
export const logScope = new AsyncLocalStorage<LogScope>();

const BASE = { service: 'realtime-membership' };

/** How long a log line may wait in the buffer before it is written. */
const FLUSH_INTERVAL_MS = 100;
/** Lines are written once this many characters are buffered, or when FLUSH_INTERVAL_MS has passed. */
const BUFFER_CHARS = 4096;

let standardOutput: DestinationStream | undefined;
/**
 * Standard output, buffered: the service logs a line per request, and a system call per line cost more than the
 * rest of the line's work. Lines go out in writes of ~4 KiB, or within FLUSH_INTERVAL_MS when traffic is light;
 * what is still buffered when the process exits (a crash included) is written synchronously then (pino
 * registers that for its asynchronous destinations). One per process: every logger shares it.
 */
function getStandardOutput(): DestinationStream {
  if (standardOutput) return standardOutput;
  const boom = pino.destination({ dest: 1, sync: false, minLength: BUFFER_CHARS });
  let pending = false;
  setInterval(() => {
    if (!pending) return;
    pending = false;
    boom.flush();
  }, FLUSH_INTERVAL_MS).unref();
  standardOutput = {
    write(line: string) {
      pending = true;
      return boom.write(line);
    },
    flush: (callback?: (error?: Error) => void) => boom.flush(callback),
  } as DestinationStream;
  return standardOutput;
}

export function createLogger(level: string, destination: DestinationStream = getStandardOutput()): Logger {
  return pino(
    {
      level,
      base: BASE,
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
    },
    destination,
  );
}

export interface AccessLine {
  requestId: string;
  method: string | undefined;
  path: string;
  status: number;
  ms: number;
}

/**
 * The one line per HTTP request, at `log`'s level and into its stream. It is written for every request, so it
 * skips what the general logger does for arbitrary objects: its fields are fixed, carry no secret (the path
 * is logged without its query string) and include the request id, so neither redaction nor the scope lookup
 * is needed.
 */
export function createAccessLogger(log: Logger): (line: AccessLine, quiet: boolean) => void {
  const access = pino({ level: log.level, base: BASE }, (log as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym]);
  return (line, quiet) => (quiet ? access.debug(line, 'request') : access.info(line, 'request'));
}
