// Consent to the terms and privacy notice: which version each user accepted, when and from where (TERMS_VERSION).
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { consents } from '../../db/schema.js';
import { AppError, badInput } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import { recordHistory } from '../audit/permission-history.js';
import type { ClientInfo } from '../auth/sessions.js';

/** Stores the acceptance inside the caller's transaction (registration's, or acceptTerms'); a second time is a no-op. */
export async function recordConsent(tx: DbOrTx, userId: number, version: string, client: ClientInfo): Promise<void> {
  await tx
    .insert(consents)
    .ignore()
    .values({ userId, version, ip: client.ip, userAgent: client.userAgent?.slice(0, 512) ?? null });
}

/** Whether the user accepted the current version; true when no TERMS_VERSION is set. */
export async function hasAcceptedTerms(db: DbOrTx, termsVersion: string | undefined, userId: number): Promise<boolean> {
  if (!termsVersion) return true;
  const [row] = await db
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.version, termsVersion)))
    .limit(1);
  return !!row;
}

/** registerUser's check: with TERMS_VERSION set, `acceptTerms` must be true. */
export function assertTermsAcceptedAtRegistration(termsVersion: string | undefined, acceptTerms: boolean | null | undefined): void {
  if (termsVersion && acceptTerms !== true) throw badInput('acceptTerms', 'Accept the terms and privacy notice to register');
}

/** acceptTerms: only the current version can be accepted (a stale page must show the new text first). */
export async function acceptTerms(runtime: Runtime, userId: number, version: string, client: ClientInfo): Promise<void> {
  const current = runtime.config.privacy.termsVersion;
  if (!current) throw badInput('version', 'There are no terms to accept');
  if (version !== current) throw badInput('version', `The current terms are version ${current}`);
  await runtime.db.transaction(async (tx) => {
    if (await hasAcceptedTerms(tx, current, userId)) return;
    await recordConsent(tx, userId, version, client);
    await recordHistory(tx, [{ actorId: userId, action: 'TERMS_ACCEPTED', targetUserId: userId, after: { version } }]);
  });
}

/** What mutations answer until the current terms are accepted. */
export const termsNotAccepted = (version: string) =>
  new AppError('FORBIDDEN', 'Accept the current terms and privacy notice to continue', { reason: 'TERMS_NOT_ACCEPTED', version });

/** The mutations that work without the current terms: accepting them, leaving, and the data rights themselves. */
export const ALLOWED_WITHOUT_TERMS: ReadonlySet<string> = new Set([
  'acceptTerms',
  'logout',
  'refreshToken',
  'deleteMyAccount',
  'cancelAccountDeletion',
  'exportMyData',
  // Signing in and registering are how one gets to the prompt at all.
  'login',
  'registerUser',
  'signInWithCode',
  'requestSignInCode',
  'requestPasswordReset',
  'resetPassword',
  'verifyEmail',
]);
