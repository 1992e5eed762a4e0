// The step-up guard for resolvers: `const viewer = await requireRecentProof(ctx);` as the first line of a sensitive
// mutation (see step-up.ts). A separate file so any module's schema can import it without importing auth's schema.
import type { Context } from '../../graphql/context.js';
import { assertRecentProof } from './step-up.js';
import type { Viewer } from './viewer.js';

/** The signed-in caller, if their session proved who holds it within REAUTH_MAX_AGE; REAUTH_REQUIRED otherwise. */
export async function requireRecentProof(ctx: Context): Promise<Viewer> {
  const viewer = await ctx.auth.require();
  await assertRecentProof(ctx.runtime, viewer.session.id);
  return viewer;
}
