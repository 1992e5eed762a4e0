// Reads of the users table shared by several modules.
import { and, eq, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users, type UserRow } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { duplicateKeyName } from '../../db/errors.js';

export async function findUserById(db: DbOrTx, id: number, { includeDeleted = false } = {}): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(includeDeleted ? eq(users.id, id) : and(eq(users.id, id), isNull(users.deletedAt)));
  return user;
}

export interface IdentityValues {
  usernameKey?: string;
  /** A name whose skeleton is taken looks like a taken name: it is the same conflict. */
  usernameSkeleton?: string;
  email?: string;
  phone?: string | null;
}

const FIELD_LABELS = { username: 'username', email: 'email address', phone: 'phone number' } as const;
type IdentityField = keyof typeof FIELD_LABELS;

function conflictFor(fields: IdentityField[]): AppError {
  const what = fields.map((f) => FIELD_LABELS[f]).join(' and ');
  return new AppError('CONFLICT', `This ${what} ${fields.length > 1 ? 'are' : 'is'} already taken`, { field: fields[0], fields });
}

/**
 * Fails with CONFLICT naming every identifier already used by another account (deleted accounts included:
 * their identifiers stay reserved so nobody can take over a former user's name).
 */
export async function assertIdentityAvailable(db: DbOrTx, values: IdentityValues, exceptUserId?: number): Promise<void> {
  const matches: SQL[] = [];
  if (values.usernameKey) matches.push(eq(users.usernameKey, values.usernameKey));
  if (values.usernameSkeleton) matches.push(eq(users.usernameSkeleton, values.usernameSkeleton));
  if (values.email) matches.push(eq(users.email, values.email));
  if (values.phone) matches.push(eq(users.phone, values.phone));
  if (matches.length === 0) return;
  const condition = exceptUserId === undefined ? or(...matches) : and(or(...matches), ne(users.id, exceptUserId));
  const rows = await db
    .select({ usernameKey: users.usernameKey, usernameSkeleton: users.usernameSkeleton, email: users.email, phone: users.phone })
    .from(users)
    .where(condition);
  const taken: IdentityField[] = [];
  const sameName = (r: (typeof rows)[number]) =>
    (values.usernameKey && r.usernameKey === values.usernameKey) || (values.usernameSkeleton && r.usernameSkeleton === values.usernameSkeleton);
  if (rows.some(sameName)) taken.push('username');
  if (rows.some((r) => values.email && r.email === values.email)) taken.push('email');
  if (rows.some((r) => values.phone && r.phone === values.phone)) taken.push('phone');
  if (taken.length > 0) throw conflictFor(taken);
}

/** Whether `error` is the CONFLICT of assertIdentityAvailable naming `field`. */
export function isConflictOn(error: unknown, field: IdentityField): boolean {
  return error instanceof AppError && error.code === 'CONFLICT' && Array.isArray(error.details.fields) && error.details.fields.includes(field);
}

const KEY_FIELDS: Record<string, IdentityField> = {
  users_username_key_unique: 'username',
  users_username_skeleton_unique: 'username',
  users_email_unique: 'email',
  users_phone_unique: 'phone',
};

/** Turns a unique-index violation on users (a race the pre-check lost) into the same CONFLICT error. */
export function rethrowIdentityConflict(error: unknown): never {
  const key = duplicateKeyName(error);
  const field = key === undefined ? undefined : KEY_FIELDS[key];
  if (field) throw conflictFor([field]);
  throw error;
}
