// What an impersonation session may not do: one line at the top of a resolver, `await forbidDuringImpersonation(ctx)`.
// Changing a password, second factors, email or phone would let whoever acts as a user keep the account afterwards.
import { AppError } from '../../errors.js';
import type { Viewer } from '../auth/viewer.js';

export const IMPERSONATION_FORBIDDEN = 'IMPERSONATION_FORBIDDEN';

export function impersonationForbidden(): AppError {
  return new AppError('FORBIDDEN', 'Not allowed while acting as another user', { reason: IMPERSONATION_FORBIDDEN });
}

/** FORBIDDEN (reason IMPERSONATION_FORBIDDEN) when the caller's session is an impersonation. */
export async function forbidDuringImpersonation(ctx: { auth: { viewer(): Promise<Viewer | null> } }): Promise<void> {
  const viewer = await ctx.auth.viewer();
  if (viewer?.session.impersonatorId != null) throw impersonationForbidden();
}

/**
 * The signed-in caller, acting as themself: what changes an account's ways in (second factors, passkeys, linked
 * providers, proofs) or its data rights (export, deletion, consent) requires. FORBIDDEN in an impersonation.
 */
export async function requireAccountHolder(ctx: { auth: { require(): Promise<Viewer> } }): Promise<Viewer> {
  const viewer = await ctx.auth.require();
  if (viewer.session.impersonatorId != null) throw impersonationForbidden();
  return viewer;
}
