// The consent prompt: shown instead of every screen while the signed-in user has not accepted the current terms
// (the API refuses their changes meanwhile, FORBIDDEN / TERMS_NOT_ACCEPTED).
import { gql } from '../api.js';
import { h } from '../dom.js';
import { formError, showError } from '../forms.js';
import { t } from '../i18n.js';
import { AcceptTerms, RequiredTerms } from '../operations.js';
import { me } from '../state.js';
import type { View } from './view.js';

export function termsView(onAccepted: () => void): View {
  const heading = h('h1', { tabindex: -1, text: t('terms.title') });
  const body = h('p', { id: 'terms-body' });
  const error = formError();
  const accept = h('button', { type: 'button', class: 'primary', id: 'terms-accept', disabled: true }, t('terms.accept'));
  let version: string | null = null;
  void gql(RequiredTerms).then((data) => {
    version = data.requiredTermsVersion ?? null;
    body.textContent = t('terms.body', { version: version ?? '' });
    accept.disabled = false;
  });
  accept.addEventListener('click', () => {
    if (!version) return;
    accept.disabled = true;
    void gql(AcceptTerms, { input: { version } })
      .then(() => {
        me.set({ ...me.get()!, termsAccepted: true });
        onAccepted();
      })
      .catch((failure: unknown) => {
        accept.disabled = false;
        showError(failure, {}, error);
      });
  });
  return {
    el: h('section', { class: 'page card', id: 'terms-prompt', role: 'dialog', aria: { labelledby: 'terms-heading' } }, h('div', { id: 'terms-heading' }, heading), body, error, h('div', { class: 'actions' }, accept)),
    focus: () => heading.focus(),
    destroy: () => undefined,
  };
}
