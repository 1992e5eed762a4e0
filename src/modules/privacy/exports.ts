// Data exports (PDPA's right of access and portability): a zip of JSON files holding everything stored about a
// user, built in the background, kept in storage (local disk or S3) and fetched through an HMAC-signed, expiring link.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Config } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import {
  accountDeletions,
  consents,
  dataExports,
  loginHistory,
  loginLockouts,
  messages,
  mfaBackupCodes,
  mfaTotp,
  notificationReads,
  notifications,
  outbox,
  auditEvents,
  passkeys,
  roles,
  sessions,
  signInFlows,
  userIdentities,
  users,
  userStatus,
  verificationTokens,
  refreshTokens,
  type DataExportRow,
  type UserRow,
} from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { enforceRateLimits } from '../../rate-limit.js';
import type { Runtime } from '../../runtime.js';
import type { ObjectStorage } from '../../storage/index.js';
import { recordHistory } from '../audit/permission-history.js';
import { AVATAR_SIZES, type AvatarSize } from '../avatars/images.js';
import { avatarObjectKey } from '../avatars/storage.js';
import { notifySystem } from '../realtime/notifications.js';

/** A build whose worker died is taken again after this; longer than any one build may take. */
const CLAIM_MS = 10 * 60_000;
const MAX_ATTEMPTS = 3;

// ---- requesting

/** Queues an export of the caller's data; the worker builds it and notifies them. RATE_LIMITED past RATE_LIMIT_EXPORT_USER. */
export async function requestExport(runtime: Runtime, userId: number): Promise<DataExportRow> {
  await enforceRateLimits(runtime.rateLimits, [{ key: `export:user:${userId}`, limit: runtime.config.privacy.exportsPerUser }]);
  // 128 random bits: the id is in the link, and the link must not be guessable even before its signature is checked.
  const id = randomBytes(16).toString('hex');
  await runtime.db.transaction(async (tx) => {
    await tx.insert(dataExports).values({ id, userId });
    await recordHistory(tx, [{ actorId: userId, action: 'DATA_EXPORTED', targetUserId: userId, after: { exportId: id } }]);
  });
  return (await findExport(runtime.db, id))!;
}

export async function findExport(db: DbOrTx, id: string): Promise<DataExportRow | undefined> {
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, id));
  return row;
}

/** The caller's recent exports, newest first (the web client polls this until one is ready). */
export async function listExports(runtime: Runtime, userId: number, limit = 5): Promise<DataExportRow[]> {
  return runtime.db.select().from(dataExports).where(eq(dataExports.userId, userId)).orderBy(desc(dataExports.createdAt)).limit(limit);
}

// ---- signed links

/** A key of its own for links, derived from JWT_SECRET so no new secret must be configured, and never a token key. */
function linkKey(config: Config): Buffer {
  return createHmac('sha256', config.jwt.secret).update('data-export-links/v1').digest();
}

function signature(config: Config, id: string, expires: number): Buffer {
  return createHmac('sha256', linkKey(config)).update(`${id}.${expires}`).digest();
}

/** `/exports/<id>?expires=<ms>&sig=<hmac>`: needs nothing else (no token), so a plain browser download works. */
export function exportUrl(config: Config, row: DataExportRow): string | null {
  if (row.status !== 'ready' || !row.expiresAt) return null;
  const expires = row.expiresAt.getTime();
  return `/exports/${row.id}?expires=${expires}&sig=${signature(config, row.id, expires).toString('base64url')}`;
}

/** Whether a link's signature is ours and its time has not passed; compared in constant time. */
export function verifyExportLink(config: Config, id: string, expiresText: string | null, sig: string | null, now = Date.now()): boolean {
  if (!expiresText || !sig || !/^\d{1,15}$/.test(expiresText) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return false;
  const expires = Number(expiresText);
  const expected = signature(config, id, expires);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  return expires > now;
}

// ---- building

/**
 * Every table with a user column, and what of it goes in the export. The lines left out, and why, are listed in
 * the README ("Personal data"); a module adding a table with a user column adds its line here.
 */
type Section = (db: DbOrTx, user: UserRow) => Promise<unknown>;

const withoutSecrets = (user: UserRow) => {
  // The password hash is a credential, not information about the person; the skeleton is derived from the username.
  const { passwordHash: _hash, usernameSkeleton: _skeleton, ...rest } = user;
  return rest;
};

export const EXPORT_SECTIONS: Record<string, Section> = {
  profile: async (db, user) => {
    const [role] = await db.select({ name: roles.name }).from(roles).where(eq(roles.id, user.roleId));
    return { ...withoutSecrets(user), roleName: role?.name ?? null };
  },
  presence: (db, user) => db.select().from(userStatus).where(eq(userStatus.userId, user.id)),
  sessions: async (db, user) => {
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id)).orderBy(sessions.id);
    // Refresh tokens are stored as hashes of a credential: only when each was issued and used goes out.
    const tokens = rows.length
      ? await db
          .select({ sessionId: refreshTokens.sessionId, createdAt: refreshTokens.createdAt, expiresAt: refreshTokens.expiresAt, usedAt: refreshTokens.usedAt })
          .from(refreshTokens)
          .where(inArray(refreshTokens.sessionId, rows.map((r) => r.id)))
      : [];
    return rows.map((row) => ({ ...row, refreshTokens: tokens.filter((t) => t.sessionId === row.id) }));
  },
  'login-history': (db, user) => db.select().from(loginHistory).where(eq(loginHistory.userId, user.id)).orderBy(loginHistory.id),
  lockout: (db, user) => db.select().from(loginLockouts).where(eq(loginLockouts.lockKey, `u:${user.id}`)),
  'messages-sent': (db, user) => db.select().from(messages).where(eq(messages.senderId, user.id)).orderBy(messages.id),
  'messages-received': (db, user) => db.select().from(messages).where(eq(messages.recipientId, user.id)).orderBy(messages.id),
  notifications: (db, user) =>
    db
      .select({ notification: notifications, readAt: notificationReads.readAt })
      .from(notifications)
      .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, user.id)))
      .where(or(eq(notifications.userId, user.id), and(isNull(notifications.userId), sql`${notifications.createdAt} >= ${user.createdAt}`)))
      .orderBy(notifications.id)
      .then((rows) => rows.map((r) => ({ ...r.notification, readAt: r.readAt }))),
  'notifications-sent': (db, user) => db.select().from(notifications).where(eq(notifications.senderId, user.id)).orderBy(notifications.id),
  // The audit trail (role and permission history among it): every act they did, had done to them, or impersonated.
  'audit-trail': (db, user) =>
    db
      .select()
      .from(auditEvents)
      .where(or(eq(auditEvents.targetUserId, user.id), eq(auditEvents.actorId, user.id), eq(auditEvents.impersonatorId, user.id)))
      .orderBy(auditEvents.id),
  verifications: (db, user) =>
    db
      .select({
        id: verificationTokens.id,
        purpose: verificationTokens.purpose,
        target: verificationTokens.target,
        createdAt: verificationTokens.createdAt,
        expiresAt: verificationTokens.expiresAt,
        usedAt: verificationTokens.usedAt,
        attempts: verificationTokens.attempts,
      })
      .from(verificationTokens)
      .where(eq(verificationTokens.userId, user.id))
      .orderBy(verificationTokens.id),
  deliveries: (db, user) => {
    const addresses = [user.email, user.phone, user.pendingEmail, user.pendingPhone].filter((a): a is string => !!a);
    return db.select().from(outbox).where(inArray(outbox.recipient, addresses)).orderBy(outbox.id);
  },
  consents: (db, user) => db.select().from(consents).where(eq(consents.userId, user.id)).orderBy(consents.id),
  'linked-accounts': (db, user) => db.select().from(userIdentities).where(eq(userIdentities.userId, user.id)).orderBy(userIdentities.id),
  // The public key and counter are the authenticator's, not information about the person.
  passkeys: (db, user) =>
    db
      .select({
        id: passkeys.id,
        name: passkeys.name,
        credentialId: passkeys.credentialId,
        deviceType: passkeys.deviceType,
        backedUp: passkeys.backedUp,
        transports: passkeys.transports,
        createdAt: passkeys.createdAt,
        lastUsedAt: passkeys.lastUsedAt,
        flaggedAt: passkeys.flaggedAt,
      })
      .from(passkeys)
      .where(eq(passkeys.userId, user.id))
      .orderBy(passkeys.id),
  // Secrets stay out (the TOTP secret, the backup codes' hashes): when each was made and used goes.
  'second-factors': async (db, user) => ({
    totp: (await db.select({ enabledAt: mfaTotp.enabledAt, createdAt: mfaTotp.createdAt }).from(mfaTotp).where(eq(mfaTotp.userId, user.id)))[0] ?? null,
    backupCodes: await db.select({ createdAt: mfaBackupCodes.createdAt, usedAt: mfaBackupCodes.usedAt }).from(mfaBackupCodes).where(eq(mfaBackupCodes.userId, user.id)).orderBy(mfaBackupCodes.id),
    signInsWaiting: await db
      .select({ firstProof: signInFlows.firstProof, ip: signInFlows.ip, userAgent: signInFlows.userAgent, createdAt: signInFlows.createdAt, completedAt: signInFlows.completedAt })
      .from(signInFlows)
      .where(eq(signInFlows.userId, user.id))
      .orderBy(signInFlows.id),
  }),
  'account-deletion': (db, user) => db.select().from(accountDeletions).where(eq(accountDeletions.userId, user.id)),
  'data-exports': (db, user) =>
    db
      .select({ id: dataExports.id, status: dataExports.status, createdAt: dataExports.createdAt, readyAt: dataExports.readyAt, expiresAt: dataExports.expiresAt })
      .from(dataExports)
      .where(eq(dataExports.userId, user.id)),
};

const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));

/** The zip's bytes: one JSON file per section, the avatar's files, and a README naming what each file holds. */
export async function buildExportZip(db: DbOrTx, storage: ObjectStorage, user: UserRow, exportedAt = new Date()): Promise<Uint8Array> {
  const files: Zippable = {};
  for (const [name, section] of Object.entries(EXPORT_SECTIONS)) files[`${name}.json`] = json(await section(db, user));
  if (user.avatarKey) {
    for (const size of Object.keys(AVATAR_SIZES) as AvatarSize[]) {
      const object = await storage.get(avatarObjectKey(user.id, user.avatarKey, size));
      if (!object) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of object.body) chunks.push(chunk as Buffer);
      // WebP is compressed already: stored, not deflated again.
      files[`avatar/${size}.webp`] = [Buffer.concat(chunks), { level: 0 }];
    }
  }
  files['README.txt'] = strToU8(
    `Data export for user ${user.id}, made ${exportedAt.toISOString()}.\n` +
      `ข้อมูลส่วนบุคคลของคุณ / Your personal data: one JSON file per kind of data (${Object.keys(EXPORT_SECTIONS).join(', ')}), and avatar/*.webp.\n`,
  );
  // Synchronous: a few MB at most, and fflate's async version would only move the same work to a worker thread.
  return zipSync(files, { level: 6, mtime: exportedAt });
}

const exportObjectKey = (row: DataExportRow) => `exports/${row.userId}/${row.id}.zip`;

/** Claims exports to build (new ones, and building ones whose worker died) with SKIP LOCKED, so instances share them. */
async function claimExports(runtime: Runtime, limit: number): Promise<DataExportRow[]> {
  return runtime.db.transaction(async (tx) => {
    const now = new Date();
    const rows = await tx
      .select()
      .from(dataExports)
      .where(or(eq(dataExports.status, 'pending'), and(eq(dataExports.status, 'building'), lt(dataExports.claimedUntil, now))))
      .orderBy(dataExports.createdAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return rows;
    await tx
      .update(dataExports)
      .set({ status: 'building', claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${dataExports.attempts} + 1` })
      .where(inArray(dataExports.id, rows.map((r) => r.id)));
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
  });
}

/** Builds one claimed export, stores it and tells its owner; a failure is retried up to MAX_ATTEMPTS. */
async function buildExport(runtime: Runtime, row: DataExportRow): Promise<void> {
  const [user] = await runtime.db.select().from(users).where(eq(users.id, row.userId));
  if (!user || user.deletedAt) {
    // Erased or deleted meanwhile: nothing is built for an account that no longer exists.
    await runtime.db.update(dataExports).set({ status: 'failed', lastError: 'account deleted', claimedUntil: null }).where(eq(dataExports.id, row.id));
    return;
  }
  try {
    const zip = await buildExportZip(runtime.db, runtime.storage, user);
    const key = exportObjectKey(row);
    await runtime.storage.put(key, Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), { contentType: 'application/zip', cacheControl: 'private, no-store' });
    const readyAt = new Date();
    const expiresAt = new Date(readyAt.getTime() + runtime.config.privacy.exportTtlMs);
    await runtime.db
      .update(dataExports)
      .set({ status: 'ready', objectKey: key, sizeBytes: zip.byteLength, readyAt, expiresAt, claimedUntil: null, lastError: null })
      .where(eq(dataExports.id, row.id));
    await notifySystem(
      runtime,
      user.id,
      'ข้อมูลของคุณพร้อมดาวน์โหลดแล้ว · Your data is ready to download',
      `ดาวน์โหลดได้ในหน้าโปรไฟล์จนถึง ${expiresAt.toISOString()} · Download it from your profile until ${expiresAt.toISOString()}.`,
    );
  } catch (error) {
    const failed = row.attempts >= MAX_ATTEMPTS;
    runtime.log.error({ err: error, exportId: row.id, attempt: row.attempts }, failed ? 'Gave up building a data export' : 'Building a data export failed; it will be tried again');
    await runtime.db
      .update(dataExports)
      .set({ status: failed ? 'failed' : 'pending', lastError: String(error instanceof Error ? error.message : error).slice(0, 1000), claimedUntil: null })
      .where(eq(dataExports.id, row.id));
  }
}

/** Builds what is waiting, a couple at a time. */
export async function buildPendingExports(runtime: Runtime): Promise<number> {
  let built = 0;
  for (;;) {
    const rows = await claimExports(runtime, 2);
    for (const row of rows) await buildExport(runtime, row);
    built += rows.length;
    if (rows.length < 2) return built;
  }
}

/** Removes the files of exports past their time; the rows stay (without a file) as the record that they were made. */
export async function removeExpiredExports(runtime: Runtime): Promise<void> {
  const rows = await runtime.db
    .select()
    .from(dataExports)
    .where(and(isNotNull(dataExports.objectKey), lte(dataExports.expiresAt, new Date())))
    .limit(100);
  for (const row of rows) {
    await runtime.storage.delete([row.objectKey!]);
    await runtime.db.update(dataExports).set({ objectKey: null }).where(eq(dataExports.id, row.id));
  }
}

/** The stored zip of a ready, unexpired export of a live account; NOT_FOUND otherwise. */
export async function openExport(runtime: Runtime, id: string) {
  const [row] = await runtime.db
    .select({ export: dataExports, deletedAt: users.deletedAt })
    .from(dataExports)
    .innerJoin(users, eq(users.id, dataExports.userId))
    .where(eq(dataExports.id, id));
  if (!row || row.deletedAt || row.export.status !== 'ready' || !row.export.objectKey || !row.export.expiresAt || row.export.expiresAt.getTime() <= Date.now()) {
    throw notFound('Export');
  }
  const object = await runtime.storage.get(row.export.objectKey);
  if (!object) throw notFound('Export');
  return { row: row.export, object };
}
