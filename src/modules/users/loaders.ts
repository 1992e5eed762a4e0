// The users module's per-request loaders, each made on first use (see createLoaders in ../../graphql/context.ts).
import { inArray } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import { loaderById } from '../../graphql/loaders.js';
import type { Runtime } from '../../runtime.js';

export const userLoaders = {
  /** Users by id, deleted ones included: messages, history and login records outlive the accounts they name. */
  user: (runtime: Runtime) => loaderById((ids) => runtime.db.select().from(users).where(inArray(users.id, ids))),
};
