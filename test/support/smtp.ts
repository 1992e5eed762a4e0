// A real SMTP server for tests (the smtp-server package) on a free loopback port: it requires the credentials of
// SMTP_URL, parses every message it accepts with mailparser, and can be told to refuse the next messages with a
// temporary failure (451) or to answer slowly, as a troubled mail server would.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtpServer {
  /** smtp://user:password@127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  port: number;
  messages: ParsedMail[];
  /** The raw bytes of each accepted message, as a mail client would store them. */
  raw: Buffer[];
  /** Refuse this many further messages with 451 before accepting again. */
  refuseNext(count: number): void;
  /** Wait this long before answering each message. */
  delayMs: number;
  /** Resolves once `count` messages have been accepted in all (rejects after `timeoutMs`). */
  received(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export const SMTP_USER = 'mailer';
export const SMTP_PASSWORD = 'mailer-password';

export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  const raw: Buffer[] = [];
  let refusals = 0;
  const waiters = new Set<() => void>();
  const state = { delayMs: 0 };
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    // Loopback only, so credentials in clear are acceptable here (production uses smtps:// or STARTTLS).
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        setTimeout(() => {
          if (refusals > 0) {
            refusals -= 1;
            const error = new Error('Try again later') as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          const bytes = Buffer.concat(chunks);
          simpleParser(bytes).then(
            (parsed) => {
              raw.push(bytes);
              messages.push(parsed);
              for (const wake of waiters) wake();
              callback();
            },
            (error: Error) => callback(error),
          );
        }, state.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${actualPort}`,
    port: actualPort,
    messages,
    raw,
    refuseNext: (count) => (refusals = count),
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    received: (count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          cleanup();
          resolve(messages.slice(0, count));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`${messages.length} of ${count} messages arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The newest message to `to` among those accepted after the first `after` (waiting up to `timeoutMs`). */
export async function lastMailTo(smtp: TestSmtpServer, to: string, { after = 0, timeoutMs = 5000 } = {}): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = smtp.messages.slice(after).filter((m) => (m.to as { text: string } | undefined)?.text === to).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms (${smtp.messages.length} in all)`);
    await smtp.received(smtp.messages.length + 1, Math.max(1, deadline - Date.now())).catch(() => undefined);
  }
}

/**
 * The first message to `to` among those accepted after the first `after` whose subject or text matches `pattern`
 * (waiting up to `timeoutMs`): for a test that asks for one message while another to the same address may still be
 * on its way (a "your password was changed" notice after a reset).
 */
export async function mailMatching(smtp: TestSmtpServer, to: string, pattern: RegExp, { after = 0, timeoutMs = 5000 } = {}): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = smtp.messages.slice(after).find((m) => (m.to as { text: string } | undefined)?.text === to && (pattern.test(m.subject ?? '') || pattern.test(m.text ?? '')));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${pattern} within ${timeoutMs} ms (${smtp.messages.length} in all)`);
    await smtp.received(smtp.messages.length + 1, Math.max(1, deadline - Date.now())).catch(() => undefined);
  }
}

/** The `token` parameter of the link to `path` in a message's text part. */
export function linkToken(mail: ParsedMail, path: '/verify-email' | '/reset-password'): string {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1]!;
}
