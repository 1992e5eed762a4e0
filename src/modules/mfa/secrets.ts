// TOTP secrets at rest (AES-256-GCM, so a copy of the table cannot mint codes) and backup codes (only an HMAC
// keyed by the server secret is stored, as for the recovery codes in src/modules/recovery/tokens.ts).
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import type { Config } from '../../config.js';

const keys = new WeakMap<Config, Buffer>();

/** MFA_ENCRYPTION_KEY, or a key derived from JWT_SECRET for this one purpose (HKDF), 32 bytes either way. */
function encryptionKey(config: Config): Buffer {
  let key = keys.get(config);
  if (!key) {
    const material = config.mfa.encryptionKey ? Buffer.from(config.mfa.encryptionKey) : Buffer.from(config.jwt.secret);
    key = Buffer.from(hkdfSync('sha256', material, 'realtime-membership', 'mfa-totp-secret', 32));
    keys.set(config, key);
  }
  return key;
}

export function encryptSecret(config: Config, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(config), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Throws when the value was tampered with or encrypted under another key. */
export function decryptSecret(config: Config, stored: string): string {
  const raw = Buffer.from(stored, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(config), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

export const BACKUP_CODE_COUNT = 10;
/** No 0/o, 1/l/i: a code read off paper is typed right. 10 characters of 31: about 50 bits each. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const BACKUP_CODE_LENGTH = 10;

/** Ten fresh codes, shown as xxxxx-xxxxx. */
export function newBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const chars = Array.from({ length: BACKUP_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The code as typed, without spaces, dashes or case; undefined when it cannot be one. */
export function normalizeBackupCode(typed: string): string | undefined {
  const code = typed.replace(/[\s-]/g, '').toLowerCase();
  return code.length === BACKUP_CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}

export const backupCodeHash = (config: Config, userId: number, normalized: string) =>
  createHmac('sha256', config.jwt.secret).update(`mfa-backup:${userId}:${normalized}`).digest('hex');

/** The challenge token: 256 bits, stored as SHA-256 (it is long and random, so no key is needed). */
export const newChallengeToken = () => randomBytes(32).toString('base64url');
