// Passkeys in the browser (@simplewebauthn/browser): "Sign in with a passkey" on the sign-in screen (no username:
// the authenticator offers the passkeys it holds for this site), and the profile's list to add, rename and remove them.
import { browserSupportsWebAuthn, startAuthentication, startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { gql, publicGql } from '../api.js';
import { h, replace } from '../dom.js';
import { busy, clearErrors, describe, field, formError, notice, onSubmit, showError, type Field } from '../forms.js';
import type { WebPasskeyFragment } from '../gql/graphql.js';
import { ApiError } from '../http.js';
import { formatDateTime, t } from '../i18n.js';
import { FinishPasskeyRegistration, FinishPasskeySignIn, MyPasskeys, RemovePasskey, RenamePasskey, StartPasskeyRegistration, StartPasskeySignIn } from '../operations.js';
import * as session from '../session.js';

/** What to say when a ceremony failed: the browser's refusals (cancelled, timed out, already registered) or the API's. */
function explain(error: unknown): string {
  if (error instanceof WebAuthnError) return error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' ? t('passkeys.exists') : t('passkeys.cancelled');
  // NotAllowedError without the library's wrapping: the user closed the prompt or it timed out.
  if (error instanceof DOMException) return t('passkeys.cancelled');
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
    if (error.reason === 'PASSKEY_FLAGGED') return t('passkeys.flaggedError');
    if (error.reason === 'INVALID_CREDENTIALS') return t('passkeys.notRegistered');
  }
  return describe(error);
}

/**
 * A button that runs one assertion ceremony: `options` from the server, the browser's prompt, then `finish` with
 * the response. A refusal (the prompt closed, the server said no) shows `failed` or the API's reason under it.
 * Used for the second step of a sign-in and the reauthentication prompt; null where the browser has no WebAuthn.
 */
export function passkeyAssertionButton(
  id: string,
  label: string,
  options: () => Promise<unknown>,
  finish: (response: unknown) => Promise<void>,
  failed: (error: unknown) => string,
): HTMLElement | null {
  if (!browserSupportsWebAuthn()) return null;
  const error = formError();
  error.id = `${id}-error`;
  const button = h('button', { type: 'button', id, class: 'passkey-button' }, label);
  button.addEventListener('click', () => {
    error.hidden = true;
    button.disabled = true;
    void (async () => {
      try {
        const optionsJSON = (await options()) as PublicKeyCredentialRequestOptionsJSON;
        await finish(await startAuthentication({ optionsJSON }));
      } catch (failure) {
        error.textContent = failure instanceof WebAuthnError || failure instanceof DOMException ? t('passkeys.cancelled') : failed(failure);
        error.hidden = false;
      } finally {
        button.disabled = false;
      }
    })();
  });
  return h('div', { class: 'stack' }, button, error);
}

/** The sign-in screen's passkey button; nothing where the browser has no WebAuthn. */
export function passkeySignIn(onSignedIn: () => void): HTMLElement | null {
  if (!browserSupportsWebAuthn()) return null;
  const error = formError();
  error.id = 'passkey-signin-error';
  const button = h('button', { type: 'button', id: 'passkey-signin', class: 'passkey-button' }, t('passkeys.signIn'));
  button.addEventListener('click', () => {
    error.hidden = true;
    button.disabled = true;
    void (async () => {
      try {
        const { startPasskeySignIn } = await publicGql(StartPasskeySignIn, {});
        const response = await startAuthentication({ optionsJSON: startPasskeySignIn.options as PublicKeyCredentialRequestOptionsJSON });
        const data = await publicGql(FinishPasskeySignIn, { input: { challengeId: startPasskeySignIn.challengeId, response } });
        await session.begin(data.finishPasskeySignIn);
        onSignedIn();
      } catch (failure) {
        error.textContent = explain(failure);
        error.hidden = false;
      } finally {
        button.disabled = false;
      }
    })();
  });
  return h('div', { class: 'stack passkey-signin' }, h('p', { class: 'divider muted small', text: t('passkeys.or') }), button, error);
}

/** The profile's "Passkeys" card: the list (rename, remove) and a form to add one on this device. */
export function passkeysCard(): HTMLElement {
  const list = h('ul', { class: 'passkey-list', id: 'passkey-list', aria: { labelledby: 'passkeys-heading' } });
  const done = notice();
  done.id = 'passkeys-notice';
  const listError = formError();
  listError.id = 'passkeys-error';

  const draw = (passkeys: readonly WebPasskeyFragment[]) => {
    if (passkeys.length === 0) replace(list, h('li', { class: 'muted', id: 'passkeys-empty', text: t('passkeys.none') }));
    else replace(list, passkeys.map((passkey) => item(passkey)));
  };
  const reload = async () => draw((await gql(MyPasskeys)).myPasskeys);

  const item = (passkey: WebPasskeyFragment): HTMLElement => {
    const li = h('li', { class: 'passkey', data: { passkeyId: passkey.id } });
    const show = () => {
      const rename = h('button', { type: 'button', class: 'passkey-rename' }, t('passkeys.rename'));
      const remove = h('button', { type: 'button', class: 'passkey-remove' }, t('passkeys.remove'));
      rename.addEventListener('click', () => edit());
      remove.addEventListener('click', () => {
        // A second click, on a button that now says what it does, removes: no browser dialog to miss.
        if (remove.dataset.confirm !== 'true') {
          remove.dataset.confirm = 'true';
          remove.classList.add('danger');
          remove.textContent = t('passkeys.confirmRemove');
          return;
        }
        remove.disabled = true;
        gql(RemovePasskey, { input: { id: passkey.id } }).then(
          async () => {
            await reload();
            done.textContent = t('passkeys.removed');
          },
          (failure: unknown) => {
            remove.disabled = false;
            listError.textContent = describe(failure);
            listError.hidden = false;
          },
        );
      });
      const used = passkey.lastUsedAt ? t('passkeys.lastUsed', { date: formatDateTime(passkey.lastUsedAt) }) : t('passkeys.neverUsed');
      replace(
        li,
        h(
          'div',
          { class: 'passkey-info' },
          h('strong', { class: 'passkey-name', text: passkey.name }),
          ' ',
          h('span', { class: passkey.backedUp ? 'badge badge-ok' : 'badge badge-muted', text: t(passkey.backedUp ? 'passkeys.synced' : 'passkeys.thisDevice') }),
          passkey.flagged ? h('span', { class: 'badge', data: { flagged: 'true' }, text: t('passkeys.flagged') }) : null,
          h('p', { class: 'muted small', text: `${t('passkeys.created', { date: formatDateTime(passkey.createdAt) })} · ${used}` }),
        ),
        h('div', { class: 'actions' }, rename, remove),
      );
    };
    const edit = () => {
      const name = field({ id: `passkey-rename-${passkey.id}`, label: 'passkeys.newName', value: passkey.name, required: true, maxlength: 64 });
      const error = formError();
      const cancel = h('button', { type: 'button' }, t('passkeys.cancel'));
      cancel.addEventListener('click', show);
      const form = h('form', { class: 'stack passkey-rename-form' }, name.wrapper, error, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('passkeys.save')), cancel));
      onSubmit(form, {
        fields: { name },
        error,
        send: async () => {
          const data = await gql(RenamePasskey, { input: { id: passkey.id, name: name.input.value.trim() } });
          passkey = data.renamePasskey.passkey;
          show();
          done.textContent = t('passkeys.renamed');
        },
      });
      replace(li, form);
      name.input.focus();
    };
    show();
    return li;
  };

  const name = field({ id: 'passkey-name', label: 'passkeys.name', hint: 'passkeys.nameHint', maxlength: 64 });
  const fields: Record<string, Field> = { name };
  const addError = formError();
  addError.id = 'passkey-add-error';
  const addForm = h('form', { class: 'stack', id: 'passkey-add-form' }, name.wrapper, addError, h('button', { type: 'submit', class: 'primary', id: 'passkey-add' }, t('passkeys.add')));
  addForm.noValidate = true;
  addForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(fields, addError);
    done.textContent = '';
    void busy(addForm, async () => {
      try {
        const { startPasskeyRegistration } = await gql(StartPasskeyRegistration);
        const response = await startRegistration({ optionsJSON: startPasskeyRegistration.options as PublicKeyCredentialCreationOptionsJSON });
        await gql(FinishPasskeyRegistration, { input: { response, name: name.input.value.trim() || null } });
        addForm.reset();
        await reload();
        done.textContent = t('passkeys.added');
      } catch (failure) {
        if (failure instanceof ApiError) showError(failure, fields, addError);
        else {
          addError.textContent = explain(failure);
          addError.hidden = false;
        }
      }
    });
  });

  const card = h(
    'section',
    { class: 'card', id: 'passkeys', aria: { labelledby: 'passkeys-heading' } },
    h('h2', { id: 'passkeys-heading', text: t('passkeys.title') }),
    h('p', { class: 'muted small', text: t('passkeys.intro') }),
    list,
    listError,
    done,
    browserSupportsWebAuthn() ? addForm : h('p', { class: 'muted', text: t('passkeys.unsupported') }),
  );
  reload().catch((failure: unknown) => {
    listError.textContent = describe(failure);
    listError.hidden = false;
  });
  return card;
}
