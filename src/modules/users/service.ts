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
import { enqueueEmailChange, enqueuePhoneVerification } from '../recovery/verification.js';

export interface ProfileInput {
  username?: string | null;
  email?: string | null;
  phone?: string | null;
  locale?: 'th' | 'en' | null;
}

/**
 * Whether `input` asks for an email or phone other than the account's (one that does not parse counts as other): the
 * `recentProof` scope of updateProfile lets the rest through without a proof.
 */
export async function changesContact(runtime: Runtime, userId: number, input: Pick<ProfileInput, 'email' | 'phone'>): Promise<boolean> {
  const current = await findUserById(runtime.db, userId);
  const differs = (given: string | null | undefined, normalize: (raw: string) => string, now: string | null | undefined) => {
    if (given == null) return false;
    try {
      return normalize(given) !== now;
    } catch {
      return true;
    }
  };
  return (
    differs(input.email, (raw) => normalizeEmail(raw), current?.email) ||
    differs(input.phone, (raw) => normalizePhone(raw, runtime.config.phoneDefaultRegion), current?.phone)
  );
}

/**
 * A new email or phone needs a recent proof (the `recentProof` scope, schema.ts), checked before anything answers
 * about the new value, so a stolen token cannot even probe which addresses are taken.
 */
export async function updateProfile(runtime: Runtime, userId: number, input: ProfileInput, client: ClientInfo): Promise<UserRow> {
  const { username, email, phone, locale } = input;
  if (username == null && email == null && phone == null && locale == null) {
    throw badInput('input', 'Give at least one of username, email, phone or locale');
  }
  const values = validateAll({
    username: () => (username == null ? undefined : normalizeUsername(username)),
    email: () => (email == null ? undefined : normalizeEmail(email)),
    phone: () => (phone == null ? undefined : normalizePhone(phone, runtime.config.phoneDefaultRegion)),
  });
  const changes = { ...values.username, ...(locale == null ? {} : { locale }) };
  const current = (await findUserById(runtime.db, userId))!;
  // A new email or phone waits, pending, until its owner proves it (a link, a code); the old one stays in use
  // meanwhile, and the old email is told. Giving the current value again drops what was pending.
  const newEmail = values.email !== undefined && values.email !== current.email ? values.email : undefined;
  const newPhone = values.phone !== undefined && values.phone !== current.phone ? values.phone : undefined;
  // Each answer (CONFLICT or success) tells whether a username, email or phone is registered: counted per user and
  // per address (shared with registration), after validation so a typo costs nothing.
  const { rateLimits } = runtime.config;
  await enforceRateLimits(runtime.rateLimits, [
    { key: `identity:user:${userId}`, limit: rateLimits.identityChangesPerUser },
    { key: `identity:ip:${ipKey(client)}`, limit: rateLimits.identityChangesPerIp },
  ]);
  await assertIdentityAvailable(
    runtime.db,
    { usernameKey: changes.usernameKey, usernameSkeleton: changes.usernameSkeleton, email: values.email, phone: values.phone },
    userId,
  );
  const pending = {
    ...(values.email === undefined ? {} : { pendingEmail: newEmail ?? null }),
    ...(values.phone === undefined ? {} : { pendingPhone: newPhone ?? null }),
  };
  const recipient = { ...current, ...changes };
  const sending = newEmail !== undefined || newPhone !== undefined;
  await writeThenAnnounce(
    runtime,
    async (db, announce) => {
      await db.update(users).set({ ...changes, ...pending }).where(eq(users.id, userId)).catch(rethrowIdentityConflict);
      if (newEmail !== undefined) await enqueueEmailChange(runtime, db, recipient, newEmail);
      if (newPhone !== undefined) await enqueuePhoneVerification(runtime, db, recipient, newPhone);
      announce.userChanged(userId);
    },
    { transaction: sending },
  );
  if (sending) runtime.delivery.kick();
  const user = await findUserById(runtime.db, userId);
  return user!;
}
