// The password prompt a sensitive change brings up when the server answers REAUTH_REQUIRED (the session's last
// proof is older than REAUTH_MAX_AGE): a modal <dialog>, `reauthenticate`, then api.ts retries the change.
import { gql } from '../api.js';
import { h } from '../dom.js';
import { field, formError, onSubmit, setFieldError } from '../forms.js';
import { ApiError } from '../http.js';
import { t } from '../i18n.js';
import { ReauthPasskeys, Reauthenticate, StartReauthentication } from '../operations.js';
import { passkeyAssertionButton } from './passkeys.js';

/**
 * Resolves true once the password (or one of the user's passkeys) was confirmed, false when the user cancelled.
 * "Use a passkey" appears only once the list of the user's passkeys says there is one that may still sign.
 */
export function promptReauth(): Promise<boolean> {
  return new Promise((resolve) => {
    const password = field({ id: 'reauth-password', label: 'auth.password', type: 'password', autocomplete: 'current-password', required: true });
    const error = formError();
    const cancel = h('button', { type: 'button', id: 'reauth-cancel' }, t('reauth.cancel'));
    const form = h(
      'form',
      { class: 'stack', id: 'reauth-form' },
      h('p', { text: t('reauth.body') }),
      password.wrapper,
      error,
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('reauth.confirm')), cancel),
    );
    const dialog = h('dialog', { id: 'reauth-dialog', class: 'card', aria: { labelledby: 'reauth-heading' } }, h('h2', { id: 'reauth-heading', text: t('reauth.title') }), form);
    let settled = false;
    const finish = (confirmed: boolean) => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      resolve(confirmed);
    };
    cancel.addEventListener('click', () => finish(false));
    // Escape closes a modal dialog: that is a cancel too.
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    onSubmit(form, {
      fields: { password },
      error,
      send: async () => {
        try {
          await gql(Reauthenticate, { input: { password: password.input.value } });
        } catch (failure) {
          // A wrong password is BAD_USER_INPUT on `password`, whose usual text is about its length.
          if (failure instanceof ApiError && failure.code === 'BAD_USER_INPUT') {
            setFieldError(password, t('reauth.wrong'));
            password.input.focus();
            return;
          }
          throw failure;
        }
        finish(true);
      },
    });
    const offerPasskey = async () => {
      const { myPasskeys } = await gql(ReauthPasskeys);
      if (settled || !myPasskeys.some((passkey) => !passkey.flagged)) return;
      const button = passkeyAssertionButton(
        'reauth-passkey',
        t('reauth.passkey'),
        async () => (await gql(StartReauthentication)).startReauthentication.options,
        async (passkeyResponse) => {
          await gql(Reauthenticate, { input: { passkeyResponse } });
          finish(true);
        },
        () => t('reauth.passkeyFailed'),
      );
      if (button) form.append(button);
    };
    document.body.append(dialog);
    dialog.showModal();
    password.input.focus();
    // Without the list the prompt still works with the password; nothing to tell.
    offerPasskey().catch(() => undefined);
  });
}
