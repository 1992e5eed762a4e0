// A small validation layer: run each field's check, report every failure at once, the first as `field`.
import { AppError, badInput } from './errors.js';
import { findTextProblem } from './text.js';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Runs `checks` (each returns a normalized value or throws a BAD_USER_INPUT AppError) and throws one
 * BAD_USER_INPUT error naming the first bad field and listing all of them in `extensions.fieldErrors`.
 */
export function validateAll<T extends Record<string, () => unknown>>(checks: T): { [K in keyof T]: ReturnType<T[K]> } {
  const result: Partial<Record<keyof T, unknown>> = {};
  const fieldErrors: FieldError[] = [];
  for (const [key, check] of Object.entries(checks) as [keyof T, () => unknown][]) {
    try {
      result[key] = check();
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'BAD_USER_INPUT') throw error;
      fieldErrors.push({ field: String(error.details.field ?? key), message: error.message });
    }
  }
  const [first] = fieldErrors;
  if (first) throw new AppError('BAD_USER_INPUT', first.message, { field: first.field, fieldErrors });
  return result as { [K in keyof T]: ReturnType<T[K]> };
}

/** A database id sent as a GraphQL `ID`: a positive whole number written as a string. */
export function parseId(value: string | number, field: string): number {
  const id = typeof value === 'number' ? value : /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw badInput(field, `"${field}" is not a valid id`);
  return id;
}

/**
 * Refuses text that is not what it looks like (../text.ts): control characters, direction overrides, invisible
 * format characters, lone surrogates; `multiline` text may hold tabs, line breaks and direction marks. The GraphQL
 * layer already checks every argument this way; services check again for text that arrives another way.
 */
export function assertPlainText(value: string, field: string, { multiline = false } = {}): void {
  const problem = findTextProblem(value, multiline ? 'multiline' : 'line');
  if (problem) throw badInput(field, `"${field}" ${problem.message}`);
}

/** Optional free text (a reason, a description): trimmed, empty meaning none, at most `max` characters. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const text = value?.trim() ?? '';
  if ([...text].length > max) throw badInput(field, `"${field}" must be at most ${max} characters long`);
  assertPlainText(text, field, { multiline: true });
  return text === '' ? null : text;
}
