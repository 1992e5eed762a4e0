// Helpers every module's resolvers share.
import type { Context } from './context.js';

/** The signed-in caller's user id, recorded as the actor of a change. */
export async function actorId(ctx: Context): Promise<number> {
  return (await ctx.auth.require()).user.id;
}

/**
 * Passes a mutation's result through after dropping everything the request's loaders cached: mutations run one
 * after another, and a later one's payload must not show roles or users as an earlier field loaded them.
 */
export function changed<T>(ctx: Context, result: T): T {
  ctx.loaders.clearAll();
  return result;
}
