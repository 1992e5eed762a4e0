// A real HTTP listener as the SMS gateway (SMS_WEBHOOK_URL): it records every POST {"to","text"} with its
// Authorization header, and can be told to answer the next ones with 503 as a troubled provider would.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from './eventually.js';

export interface SmsGateway {
  url: string;
  received: { body: { to: string; text: string }; authorization?: string }[];
  failNext: number;
  /** The newest message to `to` (waiting up to `timeoutMs` for one after the first `after` messages). */
  lastTo(to: string, options?: { after?: number; timeoutMs?: number }): Promise<string>;
  close(): Promise<void>;
}

export async function startSmsGateway(): Promise<SmsGateway> {
  const http = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (gateway.failNext > 0) {
        gateway.failNext -= 1;
        res.writeHead(503).end();
        return;
      }
      gateway.received.push({ body: JSON.parse(body) as { to: string; text: string }, authorization: req.headers.authorization });
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"queued":true}');
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const gateway: SmsGateway = {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/sms`,
    received: [],
    failNext: 0,
    lastTo: (to, { after = 0, timeoutMs = 5000 } = {}) =>
      eventually(
        async () => {
          const found = gateway.received.slice(after).filter((m) => m.body.to === to).at(-1);
          if (!found) throw new Error(`no SMS to ${to}`);
          return found.body.text;
        },
        { timeoutMs },
      ),
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
  return gateway;
}
