// Profiles: what a user can read and change about themselves.
import { eq } from 'drizzle-orm';
import { users, type UserRow } from '../../db/schema.js';
import { badInput } from '../../errors.js';
import { writeThenAnnounce } from '../../changes.js';
import type { Runtime } from '../../runtime.js';
import { validateAll } from '../../validation.js';
import { enforceRateLimits, ipKey } from '../../rate-limit.js';
import type { ClientInfo } from '../auth/sessions.js';
import { normalizeEmail, normalizePhone, normalizeUsername } from './identity.js';
import { assertIdentityAvailable, findUserById, rethrowIdentityConflict } from './queries.js';

export interface ProfileInput {
  username?: string | null;
  email?: string | null;
  phone?: string | null;
}

export async function updateProfile(runtime: Runtime, userId: number, input: ProfileInput, client: ClientInfo): Promise<UserRow> {
  const { username, email, phone } = input;
  if (username == null && email == null && phone == null) {
    throw badInput('input', 'Give at least one of username, email or phone');
  }
  const values = validateAll({
    username: () => (username == null ? undefined : normalizeUsername(username)),
    email: () => (email == null ? undefined : normalizeEmail(email)),
    phone: () => (phone == null ? undefined : normalizePhone(phone, runtime.config.phoneDefaultRegion)),
  });
  const changes = {
    ...values.username,
    ...(values.email === undefined ? {} : { email: values.email }),
    ...(values.phone === undefined ? {} : { phone: values.phone }),
  };
  // Each answer (CONFLICT or success) tells whether a username, email or phone is registered: counted per user and
  // per address (shared with registration), after validation so a typo costs nothing.
  const { rateLimits } = runtime.config;
  await enforceRateLimits(runtime.rateLimits, [
    { key: `identity:user:${userId}`, limit: rateLimits.identityChangesPerUser },
    { key: `identity:ip:${ipKey(client)}`, limit: rateLimits.identityChangesPerIp },
  ]);
  await assertIdentityAvailable(
    runtime.db,
    { usernameKey: changes.usernameKey, usernameSkeleton: changes.usernameSkeleton, email: changes.email, phone: changes.phone },
    userId,
  );
  await writeThenAnnounce(
    runtime,
    async (db, announce) => {
      await db.update(users).set(changes).where(eq(users.id, userId)).catch(rethrowIdentityConflict);
      announce.userChanged(userId);
    },
    { transaction: false },
  );
  const user = await findUserById(runtime.db, userId);
  return user!;
}
