// Second factors in the browser: the step after a password (or reset, or code) for an account with a second factor,
// and the profile's "Two-factor authentication" card (set up with a QR code, backup codes shown once, turn off).
import { gql, publicGql } from '../api.js';
import { h, replace } from '../dom.js';
import { describe, field, formError, notice, onSubmit, type Field } from '../forms.js';
import type { MfaMethod, WebChallengeFragment, WebSessionFragment } from '../gql/graphql.js';
import { t } from '../i18n.js';
import { ApiError } from '../http.js';
import { AdminUserFactors, CompleteMfaSignIn, ConfirmTotpEnrollment, DisableTotp, MfaStatus, RegenerateBackupCodes, ResetUserSecondFactors, StartMfaChallenge, StartTotpEnrollment } from '../operations.js';
import * as session from '../session.js';
import { passkeyAssertionButton } from './passkeys.js';

/** What a sign-in mutation answers: a session, the second step, or (registration) an address to verify first. */
export type SignInAnswer =
  | ({ __typename: 'AuthPayload' } & WebSessionFragment)
  | ({ __typename: 'MfaChallenge' } & WebChallengeFragment)
  | { __typename: 'EmailVerificationRequired'; email: string };

/**
 * Carries a sign-in on from `form`: a session begins at once; a challenge replaces the form with the second step;
 * an address to verify replaces it with a notice saying so.
 */
export async function continueSignIn(form: HTMLElement, answer: SignInAnswer, onSignedIn: () => void): Promise<void> {
  if (answer.__typename === 'AuthPayload') {
    await session.begin(answer);
    onSignedIn();
  } else if (answer.__typename === 'MfaChallenge') {
    const step = mfaStepForm(answer, onSignedIn);
    form.replaceWith(step);
    step.querySelector('input')?.focus();
  } else {
    form.replaceWith(h('p', { class: 'notice', role: 'status', id: 'verify-first', text: t('mfa.verifyFirst', { email: answer.email }) }));
  }
}

/** The second step's "Use a passkey": options for this challenge, the browser's prompt, then the answer. */
function passkeyStep(challenge: WebChallengeFragment, onSignedIn: () => void): HTMLElement | null {
  if (!challenge.methods.includes('PASSKEY')) return null;
  const { challengeToken } = challenge;
  return passkeyAssertionButton(
    'mfa-passkey',
    t('mfa.usePasskey'),
    async () => (await publicGql(StartMfaChallenge, { input: { challengeToken, method: 'PASSKEY' } })).startMfaChallenge.options,
    async (passkeyResponse) => {
      const data = await publicGql(CompleteMfaSignIn, { input: { challengeToken, passkeyResponse } });
      await session.begin(data.completeMfaSignIn);
      onSignedIn();
    },
    // A used or expired challenge says so; a refused passkey is told apart from a code only by the field.
    (error) => (error instanceof ApiError && error.reason === 'WRONG_MFA_CODE' ? t('mfa.passkeyFailed') : describe(error)),
  );
}

function mfaStepForm(challenge: WebChallengeFragment, onSignedIn: () => void): HTMLElement {
  const box = h('div', { class: 'stack', id: 'mfa-step' });
  const passkey = passkeyStep(challenge, onSignedIn);
  // An account whose only second factor is a passkey has no code to type: the button is the whole step.
  if (!challenge.methods.includes('TOTP') && !challenge.methods.includes('BACKUP_CODE')) {
    replace(box, h('h2', { id: 'mfa-title', text: t('mfa.stepTitle') }), h('p', { class: 'muted', text: t('mfa.passkeyHint') }), passkey);
    return box;
  }
  const draw = (useBackup: boolean) => {
    const answer = useBackup
      ? field({ id: 'mfa-backup-code', label: 'mfa.backupCode', autocomplete: 'off', required: true, maxlength: 20 })
      : field({ id: 'mfa-code', label: 'mfa.code', autocomplete: 'one-time-code', inputmode: 'numeric', hint: 'mfa.codeHint', required: true, maxlength: 6 });
    const fields: Record<string, Field> = useBackup ? { backupCode: answer } : { code: answer };
    const error = formError();
    error.id = 'mfa-error';
    const form = h('form', { class: 'stack', id: 'mfa-form', aria: { label: t('mfa.stepTitle') } }, answer.wrapper, error, h('button', { type: 'submit', class: 'primary', id: 'mfa-submit' }, t('mfa.verify')));
    onSubmit(form, {
      fields,
      error,
      send: async () => {
        const value = answer.input.value.trim();
        const data = await publicGql(CompleteMfaSignIn, { input: { challengeToken: challenge.challengeToken, ...(useBackup ? { backupCode: value } : { code: value }) } });
        await session.begin(data.completeMfaSignIn);
        onSignedIn();
      },
    });
    const canSwitch = challenge.methods.includes('BACKUP_CODE') && challenge.methods.includes('TOTP');
    const toggle = canSwitch ? h('button', { type: 'button', class: 'link', id: 'mfa-switch' }, t(useBackup ? 'mfa.useCode' : 'mfa.useBackup')) : null;
    toggle?.addEventListener('click', () => draw(!useBackup));
    replace(box, h('h2', { id: 'mfa-title', text: t('mfa.stepTitle') }), h('p', { class: 'muted', text: t(useBackup ? 'mfa.backupHint' : 'mfa.stepHint') }), form, toggle, passkey);
    answer.input.focus();
  };
  draw(!challenge.methods.includes('TOTP'));
  return box;
}

/** Backup codes, shown once, with a button to say they are kept. */
function backupCodesBox(codes: readonly string[], onDone: () => void): HTMLElement {
  const done = h('button', { type: 'button', class: 'primary', id: 'mfa-codes-done' }, t('mfa.savedCodes'));
  done.addEventListener('click', onDone);
  return h(
    'div',
    { class: 'stack', id: 'mfa-backup-codes-box' },
    h('p', { class: 'notice notice-warn', role: 'status', text: t('mfa.codesOnce') }),
    h('ol', { class: 'backup-codes', id: 'mfa-backup-codes' }, ...codes.map((code) => h('li', null, h('code', { text: code })))),
    done,
  );
}

/** A form asking for the current password (or a code) before a sensitive change. */
function proofForm(id: string, submit: string, send: (proof: { password: string }) => Promise<void>): HTMLFormElement {
  const password = field({ id: `${id}-password`, label: 'profile.currentPassword', type: 'password', autocomplete: 'current-password', required: true });
  const error = formError();
  error.id = `${id}-error`;
  const form = h('form', { class: 'stack', id }, password.wrapper, error, h('button', { type: 'submit', id: `${id}-submit` }, submit));
  onSubmit(form, { fields: { password }, error, send: () => send({ password: password.input.value }) });
  return form;
}

/** The profile's card: off (a button to set up), setting up (QR code, secret, first code), or on (new codes, turn off). */
export function mfaCard(): HTMLElement {
  const card = h('section', { class: 'card', id: 'mfa', aria: { labelledby: 'mfa-heading' } });
  const heading = h('h2', { id: 'mfa-heading', text: t('mfa.title') });
  const done = notice();
  done.id = 'mfa-notice';

  const draw = async () => {
    const { me } = await gql(MfaStatus);
    if (!me.mfaEnabled) {
      const start = h('button', { type: 'button', class: 'primary', id: 'mfa-start' }, t('mfa.setUp'));
      start.addEventListener('click', () => void enroll());
      replace(card, heading, h('p', { class: 'muted', id: 'mfa-status', data: { enabled: 'false' }, text: t('mfa.off') }), start, done);
      return;
    }
    const regenerate = proofForm('mfa-regenerate', t('mfa.newCodes'), async (proof) => {
      const data = await gql(RegenerateBackupCodes, { input: proof });
      replace(card, heading, backupCodesBox(data.regenerateBackupCodes.backupCodes, () => void draw()));
    });
    const disable = proofForm('mfa-disable', t('mfa.turnOff'), async (proof) => {
      await gql(DisableTotp, { input: proof });
      done.textContent = t('mfa.turnedOff');
      await draw();
    });
    replace(
      card,
      heading,
      h('p', { class: 'notice', id: 'mfa-status', data: { enabled: 'true' }, text: t('mfa.on') }),
      h('details', null, h('summary', { text: t('mfa.newCodes') }), regenerate),
      h('details', null, h('summary', { text: t('mfa.turnOff') }), disable),
      done,
    );
  };

  const enroll = async () => {
    const { startTotpEnrollment: enrollment } = await gql(StartTotpEnrollment);
    // Shown as an image (which can run nothing, whatever the SVG holds), from a blob: URL as the page's CSP allows.
    const qrUrl = URL.createObjectURL(new Blob([enrollment.qrCodeSvg], { type: 'image/svg+xml' }));
    const qr = h('img', { id: 'mfa-qr', class: 'qr', alt: t('mfa.qrAlt'), src: qrUrl });
    qr.addEventListener('load', () => URL.revokeObjectURL(qrUrl), { once: true });
    const code = field({ id: 'mfa-confirm-code', label: 'mfa.code', autocomplete: 'one-time-code', inputmode: 'numeric', hint: 'mfa.codeHint', required: true, maxlength: 6 });
    const error = formError();
    error.id = 'mfa-confirm-error';
    const form = h('form', { class: 'stack', id: 'mfa-confirm-form' }, code.wrapper, error, h('button', { type: 'submit', class: 'primary', id: 'mfa-confirm-submit' }, t('mfa.turnOn')));
    onSubmit(form, {
      fields: { code },
      error,
      send: async () => {
        const data = await gql(ConfirmTotpEnrollment, { input: { code: code.input.value.trim() } });
        // An enrollment-only session was replaced by a full one.
        if (data.confirmTotpEnrollment.session) await session.begin(data.confirmTotpEnrollment.session);
        replace(card, heading, backupCodesBox(data.confirmTotpEnrollment.backupCodes, () => void draw()));
      },
    });
    replace(
      card,
      heading,
      h('p', { class: 'muted', text: t('mfa.scan') }),
      qr,
      h('p', { class: 'small' }, t('mfa.secret'), ' ', h('code', { id: 'mfa-secret', text: enrollment.secret })),
      form,
    );
    code.input.focus();
  };

  replace(card, heading);
  void draw();
  return card;
}

/**
 * The admin user detail's second factors (for holders of `user:write`): which ones the user has, and a reset with a
 * reason, kept in the history and shown to the user, for someone who lost their phone and their backup codes.
 */
export function adminSecondFactors(userId: string): HTMLElement {
  const list = h('ul', { class: 'list', id: 'detail-mfa-methods' }, h('li', { class: 'muted', text: '…' }));
  const reason = field({ id: 'mfa-reset-reason', label: 'admin.reason', maxlength: 500, required: true });
  const error = formError();
  const done = notice();
  done.id = 'mfa-reset-notice';
  const form = h('form', { class: 'stack', id: 'mfa-reset-form', hidden: true }, reason.wrapper, error, h('button', { type: 'submit', class: 'danger', id: 'mfa-reset' }, t('mfa.adminReset')));
  const show = (methods: readonly MfaMethod[]) => {
    replace(list, ...(methods.length ? methods.map((m) => h('li', { data: { method: m }, text: t(`mfa.method.${m}`) })) : [h('li', { class: 'muted', text: t('mfa.adminNone') })]));
    form.hidden = methods.length === 0;
  };
  void gql(AdminUserFactors, { id: userId })
    .then((data) => show(data.user.mfaMethods))
    .catch((failure: unknown) => replace(list, h('li', { class: 'form-error', text: describe(failure) })));
  onSubmit(form, {
    fields: { reason },
    error,
    done,
    send: async () => {
      const data = await gql(ResetUserSecondFactors, { input: { userId, reason: reason.input.value.trim() } });
      show(data.resetUserSecondFactors.user.mfaMethods);
      reason.input.value = '';
      done.textContent = t('mfa.adminResetDone');
    },
  });
  return h('section', { class: 'stack' }, h('h3', { text: t('mfa.adminTitle') }), list, form, done);
}
