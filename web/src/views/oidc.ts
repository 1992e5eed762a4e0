// Sign-in through OpenID providers: the "Continue with …" buttons, the page the provider's flow ends at (a one-time
// code to trade for a session, or what went wrong), and linked accounts in the profile and the admin user detail.
import { gql, publicGql } from '../api.js';
import { h, replace } from '../dom.js';
import { describe, formError, notice } from '../forms.js';
import { graphql } from '../gql/index.js';
import { ApiError } from '../http.js';
import { hasKey, t } from '../i18n.js';
import * as session from '../session.js';
import { continueSignIn } from './mfa.js';

const OidcProviders = graphql(`
  query WebOidcProviders {
    oidcProviders {
      name
      label
      startUrl
    }
  }
`);

const CompleteOidcSignIn = graphql(`
  mutation WebCompleteOidcSignIn($input: CompleteOidcSignInInput!) {
    completeOidcSignIn(input: $input) {
      __typename
      ...WebSession
      ...WebChallenge
    }
  }
`);

const MyLinkedAccounts = graphql(`
  query WebMyLinkedAccounts {
    myLinkedAccounts {
      provider
      label
      email
      lastUsedAt
    }
    me {
      id
      hasPassword
    }
  }
`);

const StartOidcLink = graphql(`
  mutation WebStartOidcLink($input: StartOidcLinkInput!) {
    startOidcLink(input: $input) {
      url
    }
  }
`);

const UnlinkAccount = graphql(`
  mutation WebUnlinkAccount($input: UnlinkAccountInput!) {
    unlinkAccount(input: $input) {
      linkedAccounts {
        provider
      }
    }
  }
`);

const UserLinkedAccounts = graphql(`
  query WebUserLinkedAccounts($id: ID!) {
    user(id: $id) {
      id
      hasPassword
      linkedAccounts {
        provider
        label
        email
        createdAt
        lastUsedAt
      }
    }
  }
`);

type Provider = { name: string; label: string; startUrl: string };
let providers: Promise<Provider[]> | undefined;

/** The configured providers, asked once per page load (they change only with the server's configuration). */
function loadProviders(): Promise<Provider[]> {
  providers ??= publicGql(OidcProviders, {}).then(
    (data) => data.oidcProviders,
    () => {
      providers = undefined;
      return [];
    },
  );
  return providers;
}

/** "Continue with LINE", … under the sign-in form; nothing when no provider is configured. */
export function providerButtons(): HTMLElement {
  const box = h('div', { class: 'stack oidc-buttons', id: 'oidc-buttons' });
  void loadProviders().then((list) => {
    if (list.length === 0) return;
    replace(
      box,
      h('p', { class: 'muted small', text: t('oidc.or') }),
      ...list.map((p) => h('a', { class: 'button-like oidc-button', href: p.startUrl, id: `oidc-start-${p.name}`, data: { provider: p.name } }, t('oidc.continueWith', { label: p.label }))),
    );
  });
  return box;
}

/** What an OIDC_* error code means, in the page's language. */
export function oidcErrorText(code: string): string {
  const key = `oidc.error.${code}`;
  return hasKey(key) ? t(key) : t('oidc.error.OIDC_FAILED');
}

/**
 * Where a provider's flow ends: `#oidc_code=` (signed in once the code is traded), `#oidc_linked=` (back to the
 * profile) or `#oidc_error=`. Returns null when the address is none of these; the fragment leaves the address bar.
 */
export function oidcLanding(onSignedIn: () => void, onDone: () => void): HTMLElement | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const code = params.get('oidc_code');
  const error = params.get('oidc_error');
  const linked = params.get('oidc_linked');
  if (!code && !error && !linked) return null;
  if (linked) {
    history.replaceState(null, '', '#/profile');
    return null;
  }
  history.replaceState(null, '', '/');
  const back = h('button', { type: 'button', class: 'primary', id: 'oidc-back' }, t('oidc.back'));
  back.addEventListener('click', () => {
    history.replaceState(null, '', '#/login');
    onDone();
  });
  const page = (text: string, failed: boolean) =>
    h(
      'section',
      { class: 'auth card', id: 'oidc-result', data: { error: failed ? (error ?? 'failed') : '' } },
      h('h1', { text: t(failed ? 'oidc.failedTitle' : 'oidc.signingIn') }),
      h('p', { class: failed ? 'form-error' : 'muted', role: failed ? 'alert' : 'status', id: 'oidc-message', text }),
      failed ? back : null,
    );
  if (error) return page(oidcErrorText(error), true);
  const waiting = page(t('oidc.signingIn'), false);
  void publicGql(CompleteOidcSignIn, { input: { code: code! } })
    // A provider's sign-in obeys the second-factor rule of every way in: a challenge gets the same second step.
    .then((data) => continueSignIn(waiting, data.completeOidcSignIn, onSignedIn))
    .catch((failure: unknown) => {
      const codeOf = failure instanceof ApiError ? failure.code : '';
      waiting.replaceWith(page(codeOf.startsWith('OIDC_') ? oidcErrorText(codeOf) : describe(failure), true));
    });
  return waiting;
}

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

/** The profile's linked accounts: each with Unlink, and a Link button for every provider not linked yet. */
export function linkedAccountsCard(): HTMLElement {
  const list = h('ul', { class: 'list', id: 'linked-accounts' });
  const actions = h('div', { class: 'actions', id: 'link-actions' });
  const error = formError();
  error.id = 'linked-error';
  const done = notice();
  const say = (text: string) => {
    error.textContent = text;
    error.hidden = text === '';
  };
  const card = h('section', { class: 'card', id: 'linked-card', aria: { labelledby: 'linked-heading' } }, h('h2', { id: 'linked-heading', text: t('oidc.linkedTitle') }), list, actions, error, done);
  const refresh = async () => {
    const [data, all] = await Promise.all([gql(MyLinkedAccounts), loadProviders()]);
    card.dataset.hasPassword = String(data.me.hasPassword);
    replace(
      list,
      ...(data.myLinkedAccounts.length === 0 ? [h('li', { class: 'muted', text: t('oidc.noneLinked') })] : []),
      ...data.myLinkedAccounts.map((account) => {
        const unlink = h('button', { type: 'button', class: 'small', id: `unlink-${account.provider}` }, t('oidc.unlink'));
        unlink.addEventListener('click', () => {
          unlink.disabled = true;
          say('');
          void gql(UnlinkAccount, { input: { provider: account.provider } })
            .then(refresh)
            .catch((failure: unknown) => {
              unlink.disabled = false;
              say(failure instanceof ApiError && failure.reason === 'LAST_SIGN_IN_METHOD' ? t('oidc.lastMethod') : describe(failure));
            });
        });
        return h(
          'li',
          { class: 'linked-account', data: { provider: account.provider } },
          h('strong', { text: account.label }),
          ' ',
          h('span', { class: 'muted small', text: `${account.email ?? ''} · ${t('oidc.lastUsed', { when: when(account.lastUsedAt) })}` }),
          ' ',
          unlink,
        );
      }),
    );
    const linked = new Set(data.myLinkedAccounts.map((a) => a.provider));
    replace(
      actions,
      ...all
        .filter((p) => !linked.has(p.name))
        .map((p) => {
          const link = h('button', { type: 'button', id: `link-${p.name}` }, t('oidc.link', { label: p.label }));
          link.addEventListener('click', () => {
            link.disabled = true;
            say('');
            void gql(StartOidcLink, { input: { provider: p.name } })
              .then((result) => postFromThisPage(result.startOidcLink.url))
              .catch((failure: unknown) => {
                link.disabled = false;
                say(failure instanceof ApiError && failure.code.startsWith('OIDC_') ? oidcErrorText(failure.code) : describe(failure));
              });
          });
          return link;
        }),
    );
  };
  void refresh().catch((failure: unknown) => say(describe(failure)));
  return card;
}

/**
 * Opens a link flow as the server wants it: a POST from this page, which binds the flow to this browser (a link ticket
 * opened any other way is refused), then on to where the server says (the provider).
 */
async function postFromThisPage(url: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } });
  const answer = (await response.json().catch(() => ({}))) as { location?: string };
  if (!response.ok || !answer.location) throw new Error(`The link could not start (HTTP ${response.status})`);
  location.assign(answer.location);
}

/** The admin user detail's list of the user's linked providers (for holders of user:write). */
export function adminLinkedAccounts(userId: string): HTMLElement {
  const list = h('ul', { class: 'list', id: 'detail-linked-accounts' }, h('li', { class: 'muted', text: '…' }));
  void gql(UserLinkedAccounts, { id: userId })
    .then((data) => {
      const accounts = data.user.linkedAccounts ?? [];
      replace(
        list,
        ...(accounts.length === 0 ? [h('li', { class: 'muted', text: t('oidc.noneLinked') })] : []),
        ...accounts.map((a) => h('li', { data: { provider: a.provider } }, h('strong', { text: a.label }), ' ', h('span', { class: 'muted small', text: `${a.email ?? ''} · ${t('oidc.lastUsed', { when: when(a.lastUsedAt) })}` }))),
        data.user.hasPassword === false ? h('li', { class: 'muted small', text: t('oidc.noPassword') }) : null,
      );
    })
    .catch((failure: unknown) => replace(list, h('li', { class: 'form-error', text: describe(failure) })));
  return h('section', null, h('h3', { text: t('oidc.linkedTitle') }), list);
}
