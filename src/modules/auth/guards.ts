// What an impersonation session may not do, for resolvers: `await requireAccountHolder(ctx)`. Changes to the account's
// ways in carry the `recentProof` scope instead, which refuses impersonation too (an impersonation never holds a proof).
import type { Viewer } from './viewer.js';
import { impersonationForbidden } from './step-up.js';

/**
 * The signed-in caller, acting as themself: what touches an account's data rights (export, deletion, consent), its
 * proofs or its other sessions requires. FORBIDDEN (reason IMPERSONATION_FORBIDDEN) in an impersonation.
 */
export async function requireAccountHolder(ctx: { auth: { require(): Promise<Viewer> } }): Promise<Viewer> {
  const viewer = await ctx.auth.require();
  if (viewer.session.impersonatorId != null) throw impersonationForbidden();
  return viewer;
}
