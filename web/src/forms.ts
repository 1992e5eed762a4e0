// Labelled form fields with an error line under each, and the API's errors put next to the field they concern.
import { h } from './dom.js';
import { ApiError, NetworkError } from './http.js';
import { hasKey, lang, t, type MessageKey } from './i18n.js';
import { SignedOutError } from './session.js';

export interface Field {
  wrapper: HTMLElement;
  input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  error: HTMLElement;
}

export interface FieldOptions {
  id: string;
  label: MessageKey;
  type?: string;
  value?: string;
  autocomplete?: string;
  inputmode?: string;
  hint?: MessageKey;
  required?: boolean;
  minlength?: number;
  maxlength?: number;
  multiline?: boolean;
  accept?: string;
  options?: { value: string; label: string }[];
}

export function field(options: FieldOptions): Field {
  const errorId = `${options.id}-error`;
  const hintId = `${options.id}-hint`;
  const describedBy = [options.hint ? hintId : '', errorId].filter(Boolean).join(' ');
  const common = { id: options.id, name: options.id, required: options.required, aria: { describedby: describedBy } };
  let input: Field['input'];
  if (options.options) {
    input = h('select', common, options.options.map((o) => h('option', { value: o.value, selected: o.value === options.value }, o.label)));
  } else if (options.multiline) {
    input = h('textarea', { ...common, rows: 3, maxlength: options.maxlength, value: options.value });
  } else {
    input = h('input', {
      ...common,
      type: options.type ?? 'text',
      value: options.value,
      autocomplete: options.autocomplete,
      inputmode: options.inputmode,
      minlength: options.minlength,
      maxlength: options.maxlength,
      accept: options.accept,
    });
  }
  const error = h('p', { class: 'field-error', id: errorId, hidden: true, data: { for: options.id } });
  if (options.type === 'file') {
    // The browser's own file button speaks the browser's language, not the page's: a label styled as a button
    // opens the (visually hidden, still focusable) input instead, and the chosen file's name is shown beside it.
    input.classList.add('visually-hidden', 'file-input');
    const chosen = h('span', { class: 'muted small file-name', id: `${options.id}-name`, text: t('profile.noFile') });
    input.addEventListener('change', () => {
      const file = (input as HTMLInputElement).files?.[0];
      chosen.textContent = file ? file.name : t('profile.noFile');
    });
    const wrapper = h(
      'div',
      { class: 'field' },
      input,
      h('div', { class: 'file-row' }, h('label', { for: options.id, class: 'button-like', text: t(options.label) }), chosen),
      options.hint ? h('p', { class: 'hint', id: hintId, text: t(options.hint) }) : null,
      error,
    );
    input.addEventListener('input', () => setFieldError({ input, error }, null));
    return { wrapper, input, error };
  }
  const wrapper = h(
    'div',
    { class: 'field' },
    h('label', { for: options.id, text: t(options.label) }),
    input,
    options.hint ? h('p', { class: 'hint', id: hintId, text: t(options.hint) }) : null,
    error,
  );
  input.addEventListener('input', () => setFieldError({ input, error }, null));
  return { wrapper, input, error };
}

export function setFieldError(f: Pick<Field, 'input' | 'error'>, message: string | null): void {
  f.error.textContent = message ?? '';
  f.error.hidden = !message;
  if (message) f.input.setAttribute('aria-invalid', 'true');
  else f.input.removeAttribute('aria-invalid');
}

/** What to tell the user about an error, for one field or for the whole form. */
export function describe(error: unknown, fieldName?: string, serverMessage?: string): string {
  if (error instanceof NetworkError) return t('error.network');
  if (error instanceof SignedOutError) return t('auth.sessionEnded');
  if (!(error instanceof ApiError)) return t('error.unexpected');
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return error.reason === 'ACCOUNT_DISABLED' ? t('error.ACCOUNT_DISABLED') : t('error.INVALID_CREDENTIALS');
    case 'RATE_LIMITED':
      return t('error.RATE_LIMITED', { seconds: error.retryAfterSeconds ?? 60 });
    case 'FORBIDDEN':
      return t('error.FORBIDDEN');
    case 'REAUTH_REQUIRED':
      return t('error.REAUTH_REQUIRED');
    case 'WEAK_PASSWORD': {
      // The server says why (zxcvbn's warning and suggestions) in the account's language; shown when that is the
      // page's language too, else our own line.
      const message = serverMessage ?? error.message;
      return /[\u0E00-\u0E7F]/.test(message) === (lang() === 'th') ? message : t('error.WEAK_PASSWORD');
    }
    case 'NOT_FOUND':
      return t('error.NOT_FOUND');
    case 'CONFLICT': {
      const key = `error.CONFLICT.${error.reason ?? fieldName ?? error.field ?? ''}`;
      return hasKey(key) ? t(key) : t('error.CONFLICT');
    }
    case 'BAD_USER_INPUT': {
      // The server's English messages are precise ("at most 2000 characters"); in Thai, the field's own text.
      if (lang() === 'en' && (serverMessage ?? error.message)) return serverMessage ?? error.message;
      const key = `error.invalid.${fieldName ?? error.field ?? ''}`;
      return hasKey(key) ? t(key) : t('error.BAD_USER_INPUT');
    }
    default:
      return t('error.unexpected');
  }
}

/**
 * Shows an API error where it belongs: each bad field's message under that field (`fields` maps the API's field
 * names to the form's fields), anything else in the form's own error line. Focuses the first bad field.
 */
export function showError(error: unknown, fields: Record<string, Pick<Field, 'input' | 'error'>>, formError: HTMLElement): void {
  let focused = false;
  let placed = false;
  if (error instanceof ApiError) {
    const perField = error.code === 'CONFLICT' && error.field ? [{ field: error.field, message: error.message }] : error.fieldErrors;
    for (const { field: name, message } of perField) {
      const target = fields[name];
      if (!target) continue;
      setFieldError(target, describe(error, name, message));
      placed = true;
      if (!focused) {
        target.input.focus();
        focused = true;
      }
    }
  }
  formError.textContent = placed ? '' : describe(error);
  formError.hidden = placed;
}

export function clearErrors(fields: Record<string, Pick<Field, 'input' | 'error'>>, formError: HTMLElement): void {
  for (const f of Object.values(fields)) setFieldError(f, null);
  formError.textContent = '';
  formError.hidden = true;
}

export function formError(): HTMLElement {
  return h('p', { class: 'form-error', role: 'alert', hidden: true });
}

export function notice(): HTMLElement {
  return h('p', { class: 'notice', role: 'status', aria: { live: 'polite' } });
}

/**
 * Locks a form while `work` runs: buttons, menus and file pickers disabled, text boxes read-only (a disabled box
 * could not take the focus an error puts on it).
 */
export async function busy<T>(form: HTMLFormElement, work: () => Promise<T>): Promise<T> {
  const textual = (el: Element): el is HTMLInputElement | HTMLTextAreaElement =>
    el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type !== 'file' && el.type !== 'checkbox' && el.type !== 'radio');
  const controls = [...form.elements] as (HTMLInputElement | HTMLButtonElement | HTMLSelectElement | HTMLTextAreaElement)[];
  const before = controls.map((c) => (textual(c) ? c.readOnly : c.disabled));
  controls.forEach((c) => (textual(c) ? (c.readOnly = true) : (c.disabled = true)));
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    controls.forEach((c, i) => (textual(c) ? (c.readOnly = before[i]!) : (c.disabled = before[i]!)));
    form.removeAttribute('aria-busy');
  }
}

export interface SubmitOptions {
  /** The form's fields, by the names the API uses for them (so its field errors land under the right one). */
  fields: Record<string, Field>;
  error: HTMLElement;
  /** A "saved" line, emptied on every submit. */
  done?: HTMLElement;
  /** Checks beyond "required fields are filled"; false stops the submit (after showing why). */
  check?: () => boolean;
  /** Calls the API; a failure is shown next to the field it concerns. */
  send: () => Promise<void>;
}

/**
 * Runs a form's submit the way every form here does: the browser's own checks off (they would answer in its
 * language), old errors cleared, required fields checked, then `send` with the form locked.
 */
export function onSubmit(form: HTMLFormElement, { fields, error, done, check, send }: SubmitOptions): void {
  form.noValidate = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(fields, error);
    if (done) done.textContent = '';
    if (!requireFilled(fields) || (check && !check())) return;
    void busy(form, async () => {
      try {
        await send();
      } catch (failure) {
        showError(failure, fields, error);
      }
    });
  });
}

/** Marks every empty required field; true when none is. (The browser's own bubbles would not follow the language.) */
export function requireFilled(fields: Record<string, Field>): boolean {
  let ok = true;
  for (const f of Object.values(fields)) {
    if (f.input.required && !f.input.value.trim()) {
      setFieldError(f, t('error.required'));
      if (ok) f.input.focus();
      ok = false;
    }
  }
  return ok;
}
