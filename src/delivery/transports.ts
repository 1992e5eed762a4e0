// How a message leaves the service: email over SMTP (nodemailer) and SMS through an HTTP webhook, or, with neither
// configured (a laptop), as files under DATA_DIR (.data/mail/*.eml, .data/sms/*.txt) with a log line, so every
// flow works end to end without outside services.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

export interface Email {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

export interface Sms {
  /** E.164. */
  to: string;
  text: string;
}

export interface Transports {
  sendEmail(message: Email): Promise<void>;
  sendSms(message: Sms): Promise<void>;
  close(): void;
}

/** A webhook that does not answer within this is a failure (and is tried again later). */
const SMS_TIMEOUT_MS = 10_000;

/** A file name that sorts by time and never collides. */
const fileName = (extension: string) => `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.${extension}`;

/** Links and codes in a message written to a file, for the log line that tells a developer where to click. */
const linksIn = (text: string) => text.match(/https?:\/\/\S+/g) ?? [];

function emailTransport(config: Config['delivery'], dataDir: string, log: Logger): Pick<Transports, 'sendEmail' | 'close'> {
  if (config.smtpUrl) {
    // A pool of a few connections: messages are sent from the queue's workers, never while a request waits.
    const smtp: Transporter = nodemailer.createTransport({ url: config.smtpUrl, pool: true, maxConnections: 2, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    return {
      sendEmail: async (message) => {
        await smtp.sendMail({ from: config.mailFrom, to: message.to, subject: message.subject, text: message.text, html: message.html ?? undefined });
      },
      close: () => smtp.close(),
    };
  }
  const files: Transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const folder = join(dataDir, 'mail');
  return {
    sendEmail: async (message) => {
      const { message: eml } = await files.sendMail({ from: config.mailFrom, to: message.to, subject: message.subject, text: message.text, html: message.html ?? undefined });
      await mkdir(folder, { recursive: true });
      const file = join(folder, fileName('eml'));
      await writeFile(file, eml as Buffer);
      log.info({ to: message.to, subject: message.subject, file, links: linksIn(message.text) }, 'Email written to a file (no SMTP_URL)');
    },
    close: () => files.close(),
  };
}

function smsTransport(config: Config['delivery'], dataDir: string, log: Logger): Pick<Transports, 'sendSms'> {
  const { smsWebhookUrl, smsWebhookToken } = config;
  if (smsWebhookUrl) {
    return {
      sendSms: async (message) => {
        const response = await fetch(smsWebhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(smsWebhookToken ? { authorization: `Bearer ${smsWebhookToken}` } : {}) },
          body: JSON.stringify({ to: message.to, text: message.text }),
          signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
        });
        // The body is not needed, but must be read (or cancelled) for the connection to be reused.
        await response.body?.cancel();
        if (!response.ok) throw new Error(`The SMS webhook answered HTTP ${response.status}`);
      },
    };
  }
  const folder = join(dataDir, 'sms');
  return {
    sendSms: async (message) => {
      await mkdir(folder, { recursive: true });
      const file = join(folder, fileName('txt'));
      await writeFile(file, `To: ${message.to}\n\n${message.text}\n`);
      log.info({ to: message.to, file, text: message.text }, 'SMS written to a file (no SMS_WEBHOOK_URL)');
    },
  };
}

export function createTransports(config: Config, log: Logger): Transports {
  return { ...emailTransport(config.delivery, config.dataDir, log), ...smsTransport(config.delivery, config.dataDir, log) };
}
