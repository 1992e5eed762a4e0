// Errors a client is meant to handle. Services throw these; the GraphQL layer turns them into typed errors
// with `extensions.code`, and anything else is masked as an internal error and logged.

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'TOO_MANY_SUBSCRIPTIONS'
  /** Sign-in refused until the email is verified (REQUIRE_VERIFIED_EMAIL). */
  | 'EMAIL_NOT_VERIFIED'
  /** A password too easy to guess, or containing the owner's username, email or phone (details say why). */
  | 'WEAK_PASSWORD'
  /** A sensitive change asked for too long after the session last proved who holds it: call `reauthenticate`. */
  | 'REAUTH_REQUIRED';

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
