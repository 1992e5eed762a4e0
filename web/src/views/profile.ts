// The profile screen: avatar (pick, preview, upload, replace, remove), contact details, password, second factors,
// passkeys, linked accounts, your data.
import { gql, upload } from '../api.js';
import { avatar, h, replace } from '../dom.js';
import { busy, clearErrors, field, formError, notice, onSubmit, setFieldError, showError, type Field } from '../forms.js';
import { t } from '../i18n.js';
import { CancelAccountDeletion, ChangePassword, DeleteAvatar, DeleteMyAccount, ExportMyData, MyDataExports, UpdateProfile, UploadAvatar } from '../operations.js';
import { me, type Me } from '../state.js';
import type { View } from './view.js';
import { passkeysCard } from './passkeys.js';
import { verificationCard } from './recovery.js';
import { linkedAccountsCard } from './oidc.js';
import { mfaCard } from './mfa.js';

export function profileView(): View {
  const user = me.get()!;
  const heading = h('h1', { tabindex: -1, text: t('profile.title') });
  const verification = verificationCard();
  return {
    el: h(
      'section',
      { class: 'page profile', id: 'profile' },
      h('header', { class: 'page-header' }, heading, h('p', { class: 'muted', id: 'profile-role' }, t('profile.role', { role: user.role.name }))),
      h('div', { class: 'profile-grid' }, avatarCard(user), detailsCard(user, verification.refresh), verification.el, mfaCard(), passwordCard(), passkeysCard(), linkedAccountsCard(), privacyCard()),
    ),
    focus: () => heading.focus(),
    destroy: () => undefined,
  };
}

function avatarCard(user: Me): HTMLElement {
  const frame = h('figure', { class: 'avatar-frame', id: 'avatar-frame' });
  const caption = h('figcaption', { class: 'muted small', id: 'avatar-caption' });
  const picker = field({ id: 'avatar-file', label: 'profile.chooseFile', type: 'file', accept: 'image/jpeg,image/png,image/gif,image/webp', hint: 'profile.avatarHint' });
  const input = picker.input as HTMLInputElement;
  const uploadButton = h('button', { type: 'submit', class: 'primary', id: 'avatar-upload', disabled: true }, t('profile.upload'));
  const removeButton = h('button', { type: 'button', id: 'avatar-delete', disabled: !user.avatarUrl }, t('profile.deleteAvatar'));
  const error = formError();
  const done = notice();
  done.id = 'avatar-notice';
  let previewUrl: string | null = null;

  const show = (src: string | null, label: string) => {
    const current = me.get()!;
    const img = src ? h('img', { class: 'avatar avatar-lg', id: 'avatar-image', src, alt: label }) : avatar(current, 'lg');
    // A picked file the browser cannot draw is no image; the server will say so too, but show no broken picture.
    if (src?.startsWith('blob:')) img.addEventListener('error', () => show(null, t('profile.noPreview')));
    replace(frame, img, caption);
    caption.textContent = label;
  };
  const showSaved = () => show(me.get()!.avatarUrl ?? null, t('profile.current'));
  const dropPreview = () => {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = null;
  };

  input.addEventListener('change', () => {
    done.textContent = '';
    clearErrors({ file: picker }, error);
    dropPreview();
    const file = input.files?.[0];
    uploadButton.disabled = !file;
    if (!file) return showSaved();
    // The picked file itself, before it is sent: what the user sees is what they chose.
    previewUrl = URL.createObjectURL(file);
    show(previewUrl, t('profile.preview'));
  });

  const form = h('form', { class: 'stack', id: 'avatar-form' }, frame, picker.wrapper, error, h('div', { class: 'actions' }, uploadButton, removeButton), done);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = input.files?.[0];
    if (!file) return;
    clearErrors({ file: picker }, error);
    void busy(form, async () => {
      try {
        const data = await upload(UploadAvatar, 'file', file);
        me.set({ ...me.get()!, ...data.uploadAvatar.user });
        input.value = '';
        input.dispatchEvent(new Event('change'));
        showSaved();
        done.textContent = t('profile.avatarSaved');
      } catch (failure) {
        showError(failure, { file: picker }, error);
      }
    }).then(() => {
      uploadButton.disabled = !input.files?.length;
      removeButton.disabled = !me.get()?.avatarUrl;
    });
  });
  removeButton.addEventListener('click', () => {
    clearErrors({ file: picker }, error);
    void busy(form, async () => {
      try {
        const data = await gql(DeleteAvatar);
        me.set({ ...me.get()!, ...data.deleteAvatar.user });
        input.value = '';
        input.dispatchEvent(new Event('change'));
        showSaved();
        done.textContent = t('profile.avatarRemoved');
      } catch (failure) {
        showError(failure, { file: picker }, error);
      }
    }).then(() => {
      uploadButton.disabled = true;
      removeButton.disabled = !me.get()?.avatarUrl;
    });
  });
  showSaved();
  return h('section', { class: 'card', aria: { labelledby: 'avatar-heading' } }, h('h2', { id: 'avatar-heading', text: t('profile.avatar') }), form);
}

function detailsCard(user: Me, onSaved: () => void): HTMLElement {
  const username = field({ id: 'profile-username', label: 'auth.username', value: user.username, autocomplete: 'username', hint: 'auth.usernameHint', required: true, maxlength: 32 });
  const email = field({ id: 'profile-email', label: 'auth.email', type: 'email', value: user.email ?? '', autocomplete: 'email', required: true });
  const phone = field({ id: 'profile-phone', label: 'auth.phone', type: 'tel', value: user.phone ?? '', autocomplete: 'tel', inputmode: 'tel', required: true });
  const fields: Record<string, Field> = { username, email, phone };
  const error = formError();
  const done = notice();
  done.id = 'profile-notice';
  const form = h('form', { class: 'stack', id: 'profile-form' }, username.wrapper, email.wrapper, phone.wrapper, error, h('button', { type: 'submit', class: 'primary' }, t('profile.save')), done);
  // Only what changed is sent.
  let input: { username?: string; email?: string; phone?: string } = {};
  onSubmit(form, {
    fields,
    error,
    done,
    check: () => {
      const current = me.get()!;
      input = {};
      if (username.input.value.trim() !== current.username) input.username = username.input.value.trim();
      if (email.input.value.trim() !== (current.email ?? '')) input.email = email.input.value.trim();
      if (phone.input.value.trim() !== (current.phone ?? '')) input.phone = phone.input.value.trim();
      if (Object.keys(input).length > 0) return true;
      done.textContent = t('profile.noChanges');
      return false;
    },
    send: async () => {
      const data = await gql(UpdateProfile, { input });
      const { pendingEmail, pendingPhone, ...updated } = data.updateProfile.user;
      me.set({ ...me.get()!, ...updated });
      // The server normalizes (e.g. the phone number to +66…): show what it kept.
      username.input.value = updated.username;
      email.input.value = updated.email ?? '';
      phone.input.value = updated.phone ?? '';
      // A new email or phone is only pending: the fields keep the one in use, the verification card shows the new one.
      done.textContent = pendingEmail || pendingPhone ? t('recovery.pendingSaved') : t('profile.saved');
      onSaved();
    },
  });
  return h('section', { class: 'card', aria: { labelledby: 'details-heading' } }, h('h2', { id: 'details-heading', text: t('profile.details') }), form);
}

function passwordCard(): HTMLElement {
  // An account made through a provider has no password yet: it sets one without a current one (see changePassword).
  const firstPassword = me.get()!.hasPassword === false;
  const currentPassword = field({ id: 'current-password', label: 'profile.currentPassword', type: 'password', autocomplete: 'current-password', required: !firstPassword });
  if (firstPassword) currentPassword.wrapper.hidden = true;
  const newPassword = field({ id: 'new-password', label: 'profile.newPassword', type: 'password', autocomplete: 'new-password', hint: 'auth.passwordHint', required: true });
  const confirm = field({ id: 'confirm-password', label: 'profile.confirmPassword', type: 'password', autocomplete: 'new-password', required: true });
  const fields: Record<string, Field> = { currentPassword, newPassword, confirm };
  const error = formError();
  const done = notice();
  done.id = 'password-notice';
  // Password managers (and Chrome's accessibility checks) expect the account's name in a password form.
  const account = h('input', { type: 'text', name: 'username', autocomplete: 'username', value: me.get()!.username, hidden: true, tabindex: -1, aria: { hidden: true } });
  const hint = firstPassword ? h('p', { class: 'muted small', id: 'first-password-hint', text: t('oidc.noPasswordHint') }) : null;
  const form = h('form', { class: 'stack', id: 'password-form' }, account, hint, currentPassword.wrapper, newPassword.wrapper, confirm.wrapper, error, h('button', { type: 'submit', class: 'primary' }, t('profile.changePassword')), done);
  onSubmit(form, {
    fields,
    error,
    done,
    check: () => {
      if (newPassword.input.value === confirm.input.value) return true;
      setFieldError(confirm, t('profile.mismatch'));
      confirm.input.focus();
      return false;
    },
    send: async () => {
      const data = await gql(ChangePassword, { input: { currentPassword: currentPassword.input.value, newPassword: newPassword.input.value } });
      form.reset();
      done.textContent = t('profile.passwordChanged', { count: data.changePassword.revokedSessions });
    },
  });
  return h('section', { class: 'card', aria: { labelledby: 'password-heading' } }, h('h2', { id: 'password-heading', text: t('profile.password') }), form);
}

/** "Your data": a copy of everything stored (exportMyData, polled until ready) and deleting the account. */
export function privacyCard(): HTMLElement {
  const exportButton = h('button', { type: 'button', class: 'primary', id: 'export-data' }, t('privacy.export'));
  const exportStatus = h('p', { class: 'small', id: 'export-status', role: 'status' });
  const exportError = formError();
  let poll: ReturnType<typeof setTimeout> | undefined;

  const showExports = async (): Promise<void> => {
    clearTimeout(poll);
    if (!exportStatus.isConnected && poll !== undefined) return;
    const latest = (await gql(MyDataExports)).myDataExports[0];
    if (!latest) return;
    if (latest.status === 'PENDING') {
      exportStatus.textContent = t('privacy.exportPending');
      poll = setTimeout(() => void showExports().catch(() => undefined), 1500);
    } else if (latest.status === 'READY' && latest.url) {
      replace(exportStatus, h('a', { href: latest.url, id: 'export-link' }, t('privacy.exportReady', { date: new Date(latest.expiresAt!).toLocaleString() })));
    } else if (latest.status === 'FAILED') {
      exportStatus.textContent = t('privacy.exportFailed');
    }
  };
  exportButton.addEventListener('click', () => {
    clearErrors({}, exportError);
    exportButton.disabled = true;
    void (async () => {
      try {
        await gql(ExportMyData);
        await showExports();
      } catch (failure) {
        showError(failure, {}, exportError);
      } finally {
        exportButton.disabled = false;
      }
    })();
  });
  void showExports().catch(() => undefined);

  const deletion = h('div', { class: 'stack', id: 'deletion' });
  const showDeletion = () => {
    const scheduled = me.get()?.deletionScheduledFor;
    if (scheduled) {
      const cancelButton = h('button', { type: 'button', id: 'cancel-deletion' }, t('privacy.cancel'));
      const error = formError();
      cancelButton.addEventListener('click', () => {
        cancelButton.disabled = true;
        void (async () => {
          try {
            await gql(CancelAccountDeletion);
            me.set({ ...me.get()!, deletionScheduledFor: null });
            showDeletion();
            const done = notice();
            done.id = 'deletion-notice';
            done.textContent = t('privacy.cancelled');
            deletion.append(done);
          } catch (failure) {
            cancelButton.disabled = false;
            showError(failure, {}, error);
          }
        })();
      });
      replace(deletion, h('p', { class: 'notice notice-warn', id: 'deletion-scheduled', role: 'status' }, t('privacy.scheduled', { date: new Date(scheduled).toLocaleString() })), error, cancelButton);
      return;
    }
    const password = field({ id: 'delete-password', label: 'privacy.deletePassword', type: 'password', autocomplete: 'current-password', required: true });
    const error = formError();
    const account = h('input', { type: 'text', name: 'username', autocomplete: 'username', value: me.get()!.username, hidden: true, tabindex: -1, aria: { hidden: true } });
    const form = h('form', { class: 'stack', id: 'delete-form' }, h('p', { class: 'muted small' }, t('privacy.deleteIntro')), account, password.wrapper, error, h('button', { type: 'submit', class: 'danger', id: 'delete-account' }, t('privacy.delete')));
    onSubmit(form, {
      fields: { password },
      error,
      send: async () => {
        const data = await gql(DeleteMyAccount, { input: { password: password.input.value } });
        me.set({ ...me.get()!, deletionScheduledFor: data.deleteMyAccount.scheduledFor });
        showDeletion();
      },
    });
    replace(deletion, form);
  };
  showDeletion();

  return h(
    'section',
    { class: 'card', id: 'privacy-card', aria: { labelledby: 'privacy-heading' } },
    h('h2', { id: 'privacy-heading', text: t('privacy.title') }),
    h('div', { class: 'stack' }, h('p', { class: 'muted small' }, t('privacy.exportIntro')), exportError, h('div', { class: 'actions' }, exportButton), exportStatus),
    h('hr'),
    deletion,
  );
}
