// Text that is not what it looks like: ill-formed UTF-16, control characters, bidirectional overrides and invisible
// format characters. One definition, used by the GraphQL layer for every string argument (./graphql/text-input.ts)
// and by services for text that reaches them another way (the admin seed, configuration).

/**
 * How much a piece of text may hold:
 * - `line` (the default): one line of visible text: a name, a title, an identifier, a search.
 * - `multiline`: free text that may span lines (a message, a reason): also tab and line breaks, and the
 *   direction marks (LRM, RLM, ALM) Arabic and Hebrew writers use to place numbers and Latin words correctly.
 * - `secret`: a password: only well-formedness is checked here, so a password that was accepted once always
 *   reaches the comparison (a new password is held to `line` by the password policy).
 */
export type TextMode = 'line' | 'multiline' | 'secret';

// Never text anywhere: C0 controls but tab and line breaks, DEL, C1 controls, and the explicit bidi embeddings,
// overrides and isolates (U+202A-U+202E, U+2066-U+2069) that can make text display in another order than it is
// stored ("Trojan Source"). Noncharacters too: they are for a program's internal use, never for interchange.
const NEVER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\p{Noncharacter_Code_Point}]/u;
const LONE_SURROGATE = /\p{Surrogate}/u;
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/;
const DIRECTION_MARKS = /[\u200E\u200F\u061C]/;
// Emoji tag sequences (the flags of England, Scotland and Wales: U+1F3F4, tag letters, CANCEL TAG) are the one
// legitimate use of tag characters, which elsewhere can smuggle invisible text.
const EMOJI_TAG_SEQUENCE = /\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,6}\u{E007F}/gu;
// Invisible format characters (Cf): soft hyphen, zero-width space, word joiner, BOM, invisible operators, tags...
// Zero-width joiner and non-joiner are kept: emoji sequences and several scripts (Persian, Indic) need them.
const FORMAT = /(?![\u200C\u200D])\p{Cf}/u;

export interface TextProblem {
  /** The first offending code point, as U+XXXX. */
  codePoint: string;
  message: string;
}

const codePointOf = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` is not acceptable text of the given mode, or undefined when it is. */
export function findTextProblem(value: string, mode: TextMode = 'line'): TextProblem | undefined {
  // With the u flag a surrogate pair is one code point, so only a lone surrogate matches (what isWellFormed tells).
  const lone = LONE_SURROGATE.exec(value)?.[0];
  if (lone) {
    return { codePoint: codePointOf(lone), message: `contains a lone surrogate (${codePointOf(lone)}): it is not well-formed Unicode text` };
  }
  if (mode === 'secret') return undefined;
  const never = NEVER.exec(value);
  if (never) return { codePoint: codePointOf(never[0]), message: `contains a control character or a direction override (${codePointOf(never[0])})` };
  if (mode === 'line') {
    const other = LINE_BREAKS.exec(value) ?? DIRECTION_MARKS.exec(value);
    if (other) return { codePoint: codePointOf(other[0]), message: `must be one line of text: no line breaks, tabs or direction marks (${codePointOf(other[0])})` };
  }
  const format = FORMAT.exec(value.replace(EMOJI_TAG_SEQUENCE, ''));
  if (format && !(mode === 'multiline' && DIRECTION_MARKS.test(format[0]))) {
    return { codePoint: codePointOf(format[0]), message: `contains an invisible formatting character (${codePointOf(format[0])})` };
  }
  return undefined;
}
