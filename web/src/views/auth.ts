// Sign-in (one box for username, email or phone) and registration.
import { h } from '../dom.js';
import { field, formError, onSubmit, type Field } from '../forms.js';
import { publicGql } from '../api.js';
import { t } from '../i18n.js';
import { Login, RegisterUser } from '../operations.js';
import * as session from '../session.js';
import { passkeySignIn } from './passkeys.js';
import { providerButtons } from './oidc.js';
import { continueSignIn } from './mfa.js';
import { codeSignInForm, forgotForm } from './recovery.js';

export type AuthMode = 'login' | 'register' | 'forgot' | 'code';

export function authView(mode: AuthMode, notice: string | null, onSignedIn: () => void): HTMLElement {
  const tabs = h(
    'div',
    { class: 'tabs', role: 'tablist' },
    h('a', { class: 'tab', href: '#/login', role: 'tab', id: 'tab-login', aria: { selected: mode !== 'register' } }, t('auth.login')),
    h('a', { class: 'tab', href: '#/register', role: 'tab', id: 'tab-register', aria: { selected: mode === 'register' } }, t('auth.register')),
  );
  return h(
    'section',
    { class: 'auth card', aria: { labelledby: 'auth-title' } },
    h('h1', { id: 'auth-title', text: t('auth.title') }),
    h('p', { class: 'muted', text: t('auth.subtitle') }),
    notice ? h('p', { class: 'notice notice-warn', role: 'status', id: 'auth-notice', text: notice }) : null,
    tabs,
    mode === 'login' ? loginForm(onSignedIn) : mode === 'register' ? registerForm(onSignedIn) : mode === 'forgot' ? forgotForm(onSignedIn) : codeSignInForm(onSignedIn),
    mode === 'login' ? passkeySignIn(onSignedIn) : null,
    mode === 'login' || mode === 'register' ? providerButtons() : null,
    mode === 'register'
      ? null
      : h(
          'p',
          { class: 'auth-links small' },
          h('a', { href: '#/forgot', id: 'link-forgot' }, t('recovery.forgot')),
          ' · ',
          h('a', { href: '#/code', id: 'link-code' }, t('recovery.codeSignIn')),
        ),
  );
}

function loginForm(onSignedIn: () => void): HTMLFormElement {
  const identifier = field({ id: 'login-identifier', label: 'auth.identifier', autocomplete: 'username', required: true });
  const password = field({ id: 'login-password', label: 'auth.password', type: 'password', autocomplete: 'current-password', required: true });
  const fields: Record<string, Field> = { identifier, password };
  const error = formError();
  error.id = 'login-error';
  const form = h(
    'form',
    { class: 'stack', id: 'login-form', aria: { label: t('auth.login') } },
    identifier.wrapper,
    password.wrapper,
    error,
    h('button', { type: 'submit', class: 'primary', id: 'login-submit' }, t('auth.submitLogin')),
  );
  onSubmit(form, {
    fields,
    error,
    send: async () => {
      const data = await publicGql(Login, { input: { identifier: identifier.input.value.trim(), password: password.input.value } });
      await continueSignIn(form, data.login, onSignedIn);
    },
  });
  return form;
}

function registerForm(onSignedIn: () => void): HTMLFormElement {
  const username = field({ id: 'register-username', label: 'auth.username', autocomplete: 'username', hint: 'auth.usernameHint', required: true, maxlength: 32 });
  const email = field({ id: 'register-email', label: 'auth.email', type: 'email', autocomplete: 'email', required: true });
  const phone = field({ id: 'register-phone', label: 'auth.phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', hint: 'auth.phoneHint', required: true });
  const password = field({ id: 'register-password', label: 'auth.password', type: 'password', autocomplete: 'new-password', hint: 'auth.passwordHint', required: true });
  const fields: Record<string, Field> = { username, email, phone, password };
  // Always offered; required when the server has a TERMS_VERSION (it answers BAD_USER_INPUT on acceptTerms otherwise).
  const terms = h('input', { type: 'checkbox', id: 'register-terms', name: 'register-terms' });
  const termsLabel = h('label', { class: 'checkbox', for: 'register-terms' }, terms, ' ', t('terms.registerLabel'));
  const error = formError();
  error.id = 'register-error';
  // The browser's own checks would answer in its language and hide the server's; the API validates everything.
  const form = h(
    'form',
    { class: 'stack', id: 'register-form', aria: { label: t('auth.register') } },
    username.wrapper,
    email.wrapper,
    phone.wrapper,
    password.wrapper,
    termsLabel,
    error,
    h('button', { type: 'submit', class: 'primary', id: 'register-submit' }, t('auth.submitRegister')),
  );
  onSubmit(form, {
    fields,
    error,
    send: async () => {
      const data = await publicGql(RegisterUser, {
        input: { username: username.input.value.trim(), email: email.input.value.trim(), phone: phone.input.value.trim(), password: password.input.value, acceptTerms: terms.checked },
      });
      await continueSignIn(form, data.registerUser, onSignedIn);
    },
  });
  return form;
}
