// What recovery records and how its messages are addressed: every request, use and failed try goes to login_history
// with the client's address and User-Agent (reason names the event; success says whether it went through).
import type { Config } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { loginHistory, type UserRow } from '../../db/schema.js';
import type { Locale } from '../../delivery/templates.js';
import { loginAttemptRow } from '../audit/login-history.js';
import type { ClientInfo } from '../auth/sessions.js';

export type RecoveryEvent =
  | 'EMAIL_VERIFICATION_SENT'
  | 'EMAIL_VERIFIED'
  | 'PHONE_VERIFICATION_SENT'
  | 'PHONE_VERIFIED'
  | 'PASSWORD_RESET_REQUESTED'
  | 'PASSWORD_RESET'
  | 'LOCKED_OUT'
  | 'SIGN_IN_CODE_REQUESTED'
  | 'SIGN_IN_CODE'
  | 'BAD_TOKEN'
  | 'WRONG_CODE';

export async function recordRecoveryEvent(
  db: DbOrTx,
  event: RecoveryEvent,
  { userId, identifier, client, success = true }: { userId: number | null; identifier: string; client: ClientInfo; success?: boolean },
): Promise<void> {
  const row = loginAttemptRow({ identifier, identifierKey: identifier.toLowerCase(), userId, failure: event, ip: client.ip, userAgent: client.userAgent });
  await db.insert(loginHistory).values({ ...row, success });
}

export const localeOf = (config: Config, user: Pick<UserRow, 'locale'>): Locale => user.locale ?? config.defaultLocale;

export const linkTo = (config: Config, path: '/verify-email' | '/reset-password', token: string) => `${config.publicUrl}${path}?token=${encodeURIComponent(token)}`;

export const minutes = (ms: number) => Math.round(ms / 60_000);
