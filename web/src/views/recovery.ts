// Getting back in and proving addresses: "forgot password" (a link by email, or a code by SMS), sign-in by a code,
// the two landing pages a message links to (/verify-email, /reset-password), and the verification card of the profile.
import { gql, publicGql } from '../api.js';
import { h, replace } from '../dom.js';
import { field, formError, notice, onSubmit, type Field } from '../forms.js';
import { t } from '../i18n.js';
import {
  RequestEmailVerification,
  RequestPasswordReset,
  RequestPhoneVerification,
  RequestSignInCode,
  ResetPassword,
  SignInWithCode,
  Verification,
  VerifyEmail,
  VerifyPhone,
} from '../operations.js';
import { continueSignIn } from './mfa.js';

type Step = HTMLElement;

/** A one-form step: its fields, a submit button, and what happens when the API accepts it. */
function stepForm(id: string, label: string, fields: Record<string, Field>, submit: string, send: () => Promise<void>): HTMLFormElement {
  const error = formError();
  error.id = `${id}-error`;
  const form = h('form', { class: 'stack', id, aria: { label } }, ...Object.values(fields).map((f) => f.wrapper), error, h('button', { type: 'submit', class: 'primary', id: `${id}-submit` }, submit));
  onSubmit(form, { fields, error, send });
  return form;
}

/** "Forgot password": ask with an identifier; a phone number gets a code to enter here, anything else a link. */
export function forgotForm(onSignedIn: () => void): Step {
  const box = h('div', { class: 'stack', id: 'forgot' });
  const identifier = field({ id: 'forgot-identifier', label: 'auth.identifier', autocomplete: 'username', required: true });
  const ask = stepForm('forgot-form', t('recovery.forgot'), { identifier }, t('recovery.send'), async () => {
    const value = identifier.input.value.trim();
    await publicGql(RequestPasswordReset, { input: { identifier: value } });
    replace(box, h('p', { class: 'notice', role: 'status', id: 'forgot-sent', text: t('recovery.sent') }), codeResetForm(value, onSignedIn));
  });
  replace(box, h('p', { class: 'muted', text: t('recovery.forgotHint') }), ask);
  return box;
}

function codeResetForm(identifier: string, onSignedIn: () => void): HTMLFormElement {
  const code = field({ id: 'reset-code', label: 'recovery.code', autocomplete: 'one-time-code', inputmode: 'numeric', hint: 'recovery.codeHint', required: true, maxlength: 6 });
  const newPassword = field({ id: 'reset-code-password', label: 'profile.newPassword', type: 'password', autocomplete: 'new-password', hint: 'auth.passwordHint', required: true });
  const form = stepForm('reset-code-form', t('recovery.resetTitle'), { code, newPassword }, t('recovery.setPassword'), async () => {
    const data = await publicGql(ResetPassword, { input: { identifier, code: code.input.value.trim(), newPassword: newPassword.input.value } });
    await continueSignIn(form, data.resetPassword, onSignedIn);
  });
  return form;
}

/** Sign-in by a code sent by email or SMS. */
export function codeSignInForm(onSignedIn: () => void): Step {
  const box = h('div', { class: 'stack', id: 'code-signin' });
  const identifier = field({ id: 'code-identifier', label: 'auth.identifier', autocomplete: 'username', required: true });
  const ask = stepForm('code-request-form', t('recovery.codeSignIn'), { identifier }, t('recovery.sendCode'), async () => {
    const value = identifier.input.value.trim();
    await publicGql(RequestSignInCode, { input: { identifier: value } });
    const code = field({ id: 'code-value', label: 'recovery.code', autocomplete: 'one-time-code', inputmode: 'numeric', required: true, maxlength: 6 });
    const enter = stepForm('code-form', t('recovery.codeSignIn'), { code }, t('auth.submitLogin'), async () => {
      const data = await publicGql(SignInWithCode, { input: { identifier: value, code: code.input.value.trim() } });
      await continueSignIn(enter, data.signInWithCode, onSignedIn);
    });
    replace(box, h('p', { class: 'notice', role: 'status', id: 'code-sent', text: t('recovery.codeSent') }), enter);
  });
  replace(box, ask);
  return box;
}

/** The page a verification link opens: uses its token once, says how it went, and leads into the app. */
export function verifyEmailPage(token: string, onContinue: () => void): HTMLElement {
  const status = h('p', { role: 'status', id: 'verify-status', text: t('recovery.verifying') });
  const card = h('section', { class: 'auth card', id: 'verify-email' }, h('h1', { text: t('recovery.verifyTitle') }), status);
  publicGql(VerifyEmail, { input: { token } }).then(
    () => {
      status.textContent = t('recovery.verified');
      const next = h('button', { type: 'button', id: 'verify-continue', class: 'primary' }, t('recovery.continue'));
      next.addEventListener('click', onContinue);
      card.append(next);
    },
    () => {
      status.className = 'form-error';
      status.textContent = t('recovery.badLink');
    },
  );
  return card;
}

/** The page a reset link opens: a new password, then signed in. */
export function resetPasswordPage(token: string, onSignedIn: () => void): HTMLElement {
  const newPassword = field({ id: 'reset-password', label: 'profile.newPassword', type: 'password', autocomplete: 'new-password', hint: 'auth.passwordHint', required: true });
  const form = stepForm('reset-form', t('recovery.resetTitle'), { newPassword }, t('recovery.setPassword'), async () => {
    const data = await publicGql(ResetPassword, { input: { token, newPassword: newPassword.input.value } });
    await continueSignIn(form, data.resetPassword, onSignedIn);
  });
  return h('section', { class: 'auth card', id: 'reset-password-page' }, h('h1', { text: t('recovery.resetTitle') }), form);
}

/** The profile's card: whether email and phone are verified, what is pending, and the buttons to prove them. */
export function verificationCard(): { el: HTMLElement; refresh: () => void } {
  const card = h('section', { class: 'card', id: 'verification', aria: { label: t('recovery.verification') } });
  const draw = async () => {
    const { me } = await gql(Verification);
    const done = notice();
    done.id = 'verification-notice';
    const error = formError();
    const line = (id: string, label: string, value: string | null | undefined, verified: boolean, pending: string | null | undefined) =>
      h(
        'p',
        { id },
        `${label}: ${value ?? '—'} `,
        h('span', { class: verified ? 'badge badge-ok' : 'badge', data: { verified: String(verified) } }, t(verified ? 'recovery.isVerified' : 'recovery.notVerified')),
        pending ? h('span', { class: 'muted small', id: `${id}-pending` }, ` ${t('recovery.pending', { value: pending })}`) : null,
      );
    const sendLink = h('button', { type: 'button', id: 'send-verification-email', hidden: me.emailVerified && !me.pendingEmail }, t('recovery.sendLink'));
    sendLink.addEventListener('click', () =>
      void gql(RequestEmailVerification).then(
        () => (done.textContent = t('recovery.linkSent')),
        () => (error.textContent = t('error.unexpected')),
      ),
    );
    const code = field({ id: 'phone-code', label: 'recovery.code', autocomplete: 'one-time-code', inputmode: 'numeric', required: true, maxlength: 6 });
    const phoneForm = stepForm('verify-phone-form', t('recovery.verifyPhone'), { code }, t('recovery.verifyPhone'), async () => {
      await gql(VerifyPhone, { input: { code: code.input.value.trim() } });
      await draw();
    });
    phoneForm.hidden = true;
    const sendCode = h('button', { type: 'button', id: 'send-verification-sms', hidden: me.phoneVerified && !me.pendingPhone }, t('recovery.sendCode'));
    sendCode.addEventListener('click', () =>
      void gql(RequestPhoneVerification).then(
        () => ((phoneForm.hidden = false), (done.textContent = t('recovery.codeSent'))),
        () => (error.textContent = t('error.unexpected')),
      ),
    );
    replace(
      card,
      h('h2', { text: t('recovery.verification') }),
      line('verification-email', t('auth.email'), me.email, me.emailVerified, me.pendingEmail),
      sendLink,
      line('verification-phone', t('auth.phone'), me.phone, me.phoneVerified, me.pendingPhone),
      sendCode,
      phoneForm,
      done,
      error,
    );
  };
  const refresh = () => void draw().catch(() => replace(card, h('p', { class: 'form-error', text: t('error.unexpected') })));
  refresh();
  return { el: card, refresh };
}
