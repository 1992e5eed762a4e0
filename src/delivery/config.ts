// Outgoing email and SMS (see transports.ts and queue.ts).
import { configFragment, intInRange, optionalString } from '../env.js';

export const deliveryConfig = configFragment(
  {
    SMTP_URL: optionalString.refine((v) => v === undefined || /^smtps?:\/\/\S+$/.test(v), { message: 'must look like smtp://user:password@host:587 or smtps://…' }),
    MAIL_FROM: optionalString,
    SMS_WEBHOOK_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), { message: 'must be an http:// or https:// URL' }),
    SMS_WEBHOOK_TOKEN: optionalString,
    DELIVERY_CONCURRENCY: intInRange(1, 100, 4),
    DELIVERY_RETRY_SECONDS: intInRange(1, 3600, 10),
    DELIVERY_MAX_ATTEMPTS: intInRange(1, 100, 8),
    DELIVERY_POLL_MS: intInRange(50, 3600_000, 2000),
  },
  (env) => ({
    /** smtp:// or smtps:// with credentials; unset: messages are written under DATA_DIR/mail/. */
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM ?? 'Realtime membership <no-reply@localhost>',
    /** Receives POST {"to","text"}; unset: messages are written under DATA_DIR/sms/. */
    smsWebhookUrl: env.SMS_WEBHOOK_URL,
    smsWebhookToken: env.SMS_WEBHOOK_TOKEN,
    concurrency: env.DELIVERY_CONCURRENCY,
    retryBaseMs: env.DELIVERY_RETRY_SECONDS * 1000,
    maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
    /** How often each instance looks for messages another instance stored or a retry that came due. */
    pollMs: env.DELIVERY_POLL_MS,
  }),
);
