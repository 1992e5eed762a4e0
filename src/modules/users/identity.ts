// Validation and normalization of the three identifiers a user can sign in with.
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import unhomoglyph from 'unhomoglyph';
import { z } from 'zod';
import { badInput } from '../../errors.js';
import { isSingleScript } from './scripts.js';

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const EMAIL_MAX = 254;

// Letters of any script (Thai included, with its combining vowels and tone marks), digits, and _ . -.
// Starting with a letter keeps usernames from ever looking like a phone number at login.
const USERNAME_PATTERN = /^\p{L}[\p{L}\p{M}\p{N}_.-]*$/u;
const PHONE_CHARS = /^\+?[\d\s().-]+$/;
const emailSchema = z.email();

export interface Username {
  /** For display: NFKC-normalized, case kept. */
  username: string;
  /** Unique and searched: case-folded. */
  usernameKey: string;
  /** Unique: the confusable skeleton of the key, so a look-alike of a taken name is taken too. */
  usernameSkeleton: string;
}

// Characters that draw nothing (U+034F, U+3164, U+17B5, variation selectors, ZWJ...): two names differing only by
// them look the same.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
// Thai writes a vowel and a tone mark (sometimes a third sign) over or under one consonant; more is a stack meant to
// overflow the line or hide what is under it.
const MAX_MARKS_PER_LETTER = 3;
const MARK_RUN = /\p{M}+/gu;
export const USERNAME_SKELETON_MAX = 255;

export function normalizeUsername(raw: string, field = 'username'): Username {
  const username = raw.trim().normalize('NFKC');
  const usernameKey = usernameKeyOf(username);
  const length = [...username].length;
  if (length < USERNAME_MIN || length > USERNAME_MAX || usernameKey.length > USERNAME_MAX) {
    throw badInput(field, `Username must be ${USERNAME_MIN} to ${USERNAME_MAX} characters long`);
  }
  if (INVISIBLE.test(username)) throw badInput(field, 'Username must not contain invisible characters');
  if (!USERNAME_PATTERN.test(username)) {
    throw badInput(field, 'Username must start with a letter and contain only letters, digits, "_", "." and "-"');
  }
  // Decomposed, so a precomposed letter counts its marks too and "á" + U+0301 is seen as a repeated mark.
  const marks = username.normalize('NFD').match(MARK_RUN) ?? [];
  if (marks.some((run) => [...run].length > MAX_MARKS_PER_LETTER || /(\p{M})\1/u.test(run))) {
    throw badInput(field, `Username must not stack more than ${MAX_MARKS_PER_LETTER} marks on a letter, or repeat one`);
  }
  if (!isSingleScript(username)) {
    throw badInput(field, 'Username must be written in one script (Thai or Latin letters, not both; digits go with any)');
  }
  // The name an erased account keeps (privacy/erasure.ts): nobody may take it first and block that erasure.
  if (/^deleted-\d+$/.test(usernameKey)) throw badInput(field, 'This username is reserved');
  const usernameSkeleton = usernameSkeletonOf(username);
  if (usernameSkeleton.length > USERNAME_SKELETON_MAX) throw badInput(field, 'Username is too long');
  return { username, usernameKey, usernameSkeleton };
}

export function usernameKeyOf(username: string): string {
  return username.trim().normalize('NFKC').toLowerCase();
}

/**
 * Unicode TS #39 skeleton (section 4: NFD, each character replaced by its prototype in confusables.txt, NFD again)
 * taken twice, before and after case folding: the display form's capital I must meet l ("paypaI" is "paypal"), and
 * case variants must meet each other ("MAXIM" is "maxim"). Only ever compared, never shown.
 */
export function usernameSkeletonOf(username: string): string {
  const skeleton = (text: string) => unhomoglyph(text.normalize('NFD')).normalize('NFD');
  return skeleton(skeleton(username.normalize('NFKC')).toLowerCase());
}

export function normalizeEmail(raw: string, field = 'email'): string {
  const email = raw.trim().toLowerCase();
  if (email.length > EMAIL_MAX || !emailSchema.safeParse(email).success) {
    throw badInput(field, 'Email address is not valid');
  }
  return email;
}

/** E.164 form of a phone number, read in `region` when it has no country code (081-234-5678 → +66812345678). */
export function normalizePhone(raw: string, region: CountryCode, field = 'phone'): string {
  const trimmed = raw.trim();
  const parsed = PHONE_CHARS.test(trimmed) ? parsePhoneNumberFromString(trimmed, region) : undefined;
  if (!parsed?.isValid()) {
    throw badInput(field, 'Phone number is not valid');
  }
  return parsed.number;
}

export type Identifier =
  | { kind: 'email'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'username'; value: string };

/**
 * Which account column a login identifier refers to. Returns undefined for input that cannot be any of them,
 * which the caller treats like an unknown account.
 */
export function classifyIdentifier(raw: string, region: CountryCode): Identifier | undefined {
  const trimmed = raw.trim();
  if (trimmed.includes('@')) return { kind: 'email', value: trimmed.toLowerCase() };
  if (PHONE_CHARS.test(trimmed)) {
    const parsed = parsePhoneNumberFromString(trimmed, region);
    return parsed?.isValid() ? { kind: 'phone', value: parsed.number } : undefined;
  }
  return trimmed ? { kind: 'username', value: usernameKeyOf(trimmed) } : undefined;
}

/**
 * The E.164 prefixes a partly typed phone number can stand for, for prefix search on the stored E.164 column:
 * "+66 81" → +6681; "0812" (national, trunk 0) → +66812 in region TH; "812" or "66812" → both readings.
 * Empty when the text cannot be (the start of) a phone number.
 */
export function phoneSearchPrefixes(raw: string, region: CountryCode): string[] {
  const trimmed = raw.trim();
  if (!PHONE_CHARS.test(trimmed)) return [];
  const digits = trimmed.replace(/\D/g, '');
  if (!digits) return [];
  if (trimmed.startsWith('+')) return [`+${digits}`];
  const countryCode = getCountryCallingCode(region);
  if (digits.startsWith('0')) return [`+${countryCode}${digits.slice(1)}`];
  return [...new Set([`+${digits}`, `+${countryCode}${digits}`])];
}
