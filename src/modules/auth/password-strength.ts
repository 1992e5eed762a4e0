// Password strength: zxcvbn-ts (its common-password list and English dictionaries, plus a small list of Thai words
// and names typed in Latin letters), and the rule that a password may not contain its owner's username, email
// local part or phone number. The answer says why, in the user's language.
//
// zxcvbn itself runs in a worker thread (password-strength-engine.ts says why).
import type { Locale } from '../../delivery/templates.js';
import { checkInWorker } from './password-strength-pool.js';
import { AppError } from '../../errors.js';
import { ANALYSED_LENGTH, MIN_SCORE } from './password-strength-engine.js';

export { ANALYSED_LENGTH, MIN_SCORE };

/** Who the password belongs to: what it may not contain, and what zxcvbn treats as easy to guess. */
export interface PasswordOwner {
  username?: string | null;
  email?: string | null;
  /** E.164, e.g. +66812345678. */
  phone?: string | null;
}

const MESSAGES = {
  en: {
    weak: 'This password is too easy to guess.',
    username: 'The password must not contain your username.',
    email: 'The password must not contain your email address.',
    phone: 'The password must not contain your phone number.',
  },
  th: {
    weak: 'รหัสผ่านนี้เดาได้ง่ายเกินไป',
    username: 'รหัสผ่านต้องไม่มีชื่อผู้ใช้ของคุณอยู่',
    email: 'รหัสผ่านต้องไม่มีอีเมลของคุณอยู่',
    phone: 'รหัสผ่านต้องไม่มีเบอร์โทรศัพท์ของคุณอยู่',
  },
} as const;

/** The phone's significant digits: the national number without the country code or trunk 0 (+66812345678 → 812345678). */
function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  // E.164 for Thailand: 66 then 8–9 digits. Other countries: drop up to 3 leading digits only when the rest is long.
  if (digits.startsWith('66')) return digits.slice(2);
  return digits.length > 10 ? digits.slice(digits.length - 10) : digits;
}

/** Which personal detail the password contains, if any (case-insensitively, ignoring separators in the phone). */
function containedPersonalDetail(password: string, owner: PasswordOwner): 'username' | 'email' | 'phone' | undefined {
  const lower = password.toLowerCase();
  if (owner.username && owner.username.length >= 3 && lower.includes(owner.username.toLowerCase())) return 'username';
  const local = owner.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local)) return 'email';
  if (owner.phone) {
    const significant = phoneDigits(owner.phone);
    const typed = password.replace(/[\s\-().]/g, '');
    // Six or more digits in a row of the number: the tail a person would reuse ("345678"), or all of it.
    if (significant.length >= 6) {
      for (let i = 0; i + 6 <= significant.length; i++) if (typed.includes(significant.slice(i, i + 6))) return 'phone';
    }
  }
  return undefined;
}

export interface StrengthVerdict {
  score: number;
  /** Why, in the asked language: zxcvbn's warning then its suggestions (may be empty for a strong password). */
  reasons: string[];
}

/** zxcvbn's estimate, with the owner's details as user inputs (so "somchai2024!" is weak for somchai). */
export async function estimateStrength(password: string, owner: PasswordOwner = {}, locale: Locale = 'en'): Promise<StrengthVerdict> {
  const inputs = [owner.username, owner.email, owner.email?.split('@')[0], owner.phone ? phoneDigits(owner.phone) : undefined].filter((v): v is string => !!v);
  return checkInWorker({ password: password.slice(0, ANALYSED_LENGTH), inputs, locale });
}

/**
 * Throws WEAK_PASSWORD (with `field`, `score` and `reasons`) for a password that contains its owner's details or
 * scores below MIN_SCORE; the message names the reasons in `locale`.
 */
export async function assertStrongPassword(password: string, owner: PasswordOwner, locale: Locale, field = 'password'): Promise<void> {
  const texts = MESSAGES[locale];
  const personal = containedPersonalDetail(password, owner);
  if (personal) throw new AppError('WEAK_PASSWORD', texts[personal], { field, reasons: [texts[personal]], score: 0 });
  const { score, reasons } = await estimateStrength(password, owner, locale);
  if (score < MIN_SCORE) {
    throw new AppError('WEAK_PASSWORD', [texts.weak, ...reasons].join(' '), { field, reasons, score });
  }
}
