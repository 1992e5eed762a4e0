// Errors a client is meant to handle. Services throw these; the GraphQL layer turns them into typed errors
// with `extensions.code`, and anything else is masked as an internal error and logged.

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'TOO_MANY_SUBSCRIPTIONS'
  /** Sign-in refused until the email is verified (REQUIRE_VERIFIED_EMAIL). */
  | 'EMAIL_NOT_VERIFIED'
  /** A password too easy to guess, or containing the owner's username, email or phone (details say why). */
  | 'WEAK_PASSWORD'
  /** A sensitive change asked for too long after the session last proved who holds it: call `reauthenticate`. */
  | 'REAUTH_REQUIRED'
  /** Sign-in through an OpenID provider (src/modules/oidc/): each a screen in the web client. */
  | OidcErrorCode;

/**
 * What can end a sign-in or link through an OpenID provider: the provider cannot be reached, the user cancelled
 * there, the callback matches no flow this browser started, the provider's email belongs to an account that cannot
 * be linked automatically, the one-time code is unknown, used or older than a minute, the provider account is
 * linked to someone else, the provider shared no email, or its answer failed a check (ID token, nonce, issuer…).
 */
export const OIDC_ERROR_CODES = [
  'OIDC_PROVIDER_UNAVAILABLE',
  'OIDC_CANCELLED',
  'OIDC_STATE_MISMATCH',
  'OIDC_EMAIL_IN_USE',
  'OIDC_CODE_EXPIRED',
  'OIDC_ALREADY_LINKED',
  'OIDC_EMAIL_REQUIRED',
  'OIDC_FAILED',
] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra, client-safe details merged into `extensions` (e.g. the offending `field`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (field: string, message: string) => new AppError('BAD_USER_INPUT', message, { field });
export const conflict = (field: string, message: string) => new AppError('CONFLICT', message, { field });
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const unauthenticated = (message = 'You must be signed in', reason?: string) =>
  new AppError('UNAUTHENTICATED', message, reason ? { reason } : {});
export const forbidden = (message = 'You do not have permission to do this') => new AppError('FORBIDDEN', message);

/** A session limited to enrolling a second factor (MFA_REQUIRED_ROLES) asked for anything else. */
export const mfaEnrollmentRequired = () =>
  new AppError('FORBIDDEN', 'Set up two-factor authentication first: your role requires it', { reason: 'MFA_ENROLLMENT_REQUIRED' });
