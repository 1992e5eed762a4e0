// The web client's entry: the page frame (header, navigation, language switch), hash routes, and the wiring of the
// live connection (presence, messages, notifications) to the views.
import { gql, setReauthPrompt } from './api.js';
import * as chat from './chat.js';
import { avatar, byId, h, replace } from './dom.js';
import type { PresenceStatus } from './gql/graphql.js';
import { NetworkError } from './http.js';
import { applyDocumentLang, lang, onLangChange, setLang, t, type MessageKey } from './i18n.js';
import * as notifications from './notifications.js';
import { Logout, Me, MessageReceived, NotificationReceived, OnlineUsers, PresenceChanged, SetPresence, StopImpersonation } from './operations.js';
import { realtime, type ConnectionState } from './realtime.js';
import * as session from './session.js';
import { canAdminister, me, people, resetAll, unreadNotifications, type Person } from './state.js';
import { adminView, type AdminTab } from './views/admin.js';
import { authView, type AuthMode } from './views/auth.js';
import { chatView } from './views/chat.js';
import { notificationsView } from './views/notifications.js';
import { profileView } from './views/profile.js';
import { oidcLanding } from './views/oidc.js';
import { promptReauth } from './views/reauth.js';
import { termsView } from './views/terms.js';
import { resetPasswordPage, verifyEmailPage } from './views/recovery.js';
import type { View } from './views/view.js';

const root = byId('app');
let signedIn = false;
let authNotice: MessageKey | null = null;
/** Where a signed-out visitor was going (a link to a conversation, say): opened once they sign in. */
let pendingRoute: string | null = null;
let currentView: View | null = null;
let connection: ConnectionState = 'connecting';

// ------------------------------------------------------------------ frame

function langSwitch(): HTMLElement {
  const other = lang() === 'th' ? 'en' : 'th';
  const button = h('button', { type: 'button', class: 'lang-switch', id: 'lang-switch', title: t('lang.label'), aria: { label: `${t('lang.label')}: ${t('lang.switch')}` } }, h('span', { text: t('lang.switch') }));
  button.lastElementChild!.setAttribute('lang', other);
  button.addEventListener('click', () => setLang(other));
  return button;
}

function header(): HTMLElement {
  const brand = h('a', { class: 'brand', href: signedIn ? '#/chat' : '#/login' }, h('span', { class: 'brand-mark', aria: { hidden: true } }, '●'), t('app.name'));
  if (!signedIn) return h('header', { class: 'topbar' }, brand, h('div', { class: 'topbar-end' }, langSwitch()));
  const user = me.get()!;
  const count = unreadNotifications.get();
  const link = (route: string, id: string, label: string, ...extra: (HTMLElement | null)[]) =>
    h('a', { href: `#/${route}`, id, class: 'nav-link', aria: { current: currentRoute().startsWith(route) ? 'page' : 'false' } }, h('span', null, label), ...extra);
  const logout = h('button', { type: 'button', id: 'logout', class: 'small' }, t('nav.logout'));
  logout.addEventListener('click', () => {
    logout.disabled = true;
    // The socket goes first: closed by the server for the session's end, it would read as "your session ended" (a
    // revocation) when it wins the race with the answer to Logout.
    realtime.reset();
    void gql(Logout)
      .catch(() => undefined)
      .finally(() => session.end('signedOut'));
  });
  return h(
    'header',
    { class: 'topbar' },
    brand,
    h(
      'nav',
      { class: 'mainnav', aria: { label: t('nav.main') } },
      link('chat', 'nav-chat', t('nav.chat')),
      link(
        'notifications',
        'nav-notifications',
        t('nav.notifications'),
        h('span', { class: 'badge', id: 'unread-badge', hidden: count === 0, aria: { label: t('notif.unreadBadge', { count }) } }, String(count)),
      ),
      link('profile', 'nav-profile', t('nav.profile')),
      canAdminister() ? link('admin', 'nav-admin', t('nav.admin')) : null,
    ),
    h(
      'div',
      { class: 'topbar-end' },
      h('span', { class: `conn conn-${connection}`, id: 'conn-status', role: 'status', data: { state: connection } }, t(`conn.${connection}`)),
      langSwitch(),
      h('span', { class: 'whoami', id: 'whoami' }, avatar(user), h('span', { class: 'whoami-name' }, user.username)),
      logout,
    ),
  );
}

/** "You are acting as X — Stop", on every screen of an impersonation session. */
function impersonationBanner(): HTMLElement {
  const user = me.get();
  const banner = h('div', { class: 'impersonation-banner', id: 'impersonation-banner', role: 'status', hidden: !signedIn || !user?.impersonatedBy });
  if (!signedIn || !user?.impersonatedBy) return banner;
  const stop = h('button', { type: 'button', id: 'impersonation-stop', class: 'small' }, t('impersonation.stop'));
  stop.addEventListener('click', () => {
    stop.disabled = true;
    // The socket goes first: the session's end would otherwise read as "signed out" before the switch back.
    realtime.reset();
    void gql(StopImpersonation)
      .catch(() => undefined)
      .then(() => session.endImpersonation())
      .then((restored) => (restored ? switchUser() : session.end('signedOut')));
  });
  banner.append(h('span', null, t('impersonation.banner', { name: user.username, admin: user.impersonatedBy.username })), stop);
  return banner;
}

function renderFrame(): void {
  const main = h('main', { id: 'view', tabindex: -1 });
  replace(
    root,
    h('a', { class: 'skip-link', href: '#view', text: t('app.skip'), on: { click: (e) => { e.preventDefault(); main.focus(); } } }),
    impersonationBanner(),
    header(),
    main,
    h('div', { class: 'toasts', id: 'toasts', role: 'status', aria: { live: 'polite' } }),
  );
}

function updateHeader(): void {
  const old = root.querySelector('header.topbar');
  if (old) old.replaceWith(header());
  root.querySelector('#impersonation-banner')?.replaceWith(impersonationBanner());
  updateBadge();
}

function updateBadge(): void {
  const count = unreadNotifications.get();
  const badge = document.getElementById('unread-badge');
  if (badge) {
    badge.textContent = String(count);
    badge.hidden = count === 0;
    badge.setAttribute('aria-label', t('notif.unreadBadge', { count }));
  }
  document.title = count > 0 && signedIn ? `(${count}) ${t('app.name')}` : t('app.name');
}

function toast(text: string, href?: string): void {
  const box = document.getElementById('toasts');
  if (!box) return;
  const item = href ? h('a', { class: 'toast', href }, text) : h('p', { class: 'toast' }, text);
  box.appendChild(item);
  setTimeout(() => item.remove(), 6_000);
}

// ------------------------------------------------------------------ routes

function currentRoute(): string {
  return location.hash.replace(/^#\/?/, '');
}

function mount(view: View, focus: boolean): void {
  currentView?.destroy();
  currentView = view;
  replace(byId('view'), view.el);
  if (focus) (view.focus ?? (() => byId('view').focus()))();
}

function route(focus = true): void {
  const [section = '', arg = null] = currentRoute().split('/');
  if (!signedIn) {
    const mode: AuthMode = section === 'register' || section === 'forgot' || section === 'code' ? section : 'login';
    if (/^(chat|notifications|profile|admin)$/.test(section)) pendingRoute = location.hash;
    if (section !== mode) history.replaceState(null, '', `#/${mode}`);
    mount({ el: authView(mode, authNotice && t(authNotice), enterApp), destroy: () => undefined }, focus);
    return;
  }
  updateHeader();
  // New terms: nothing else until they are accepted (the API would refuse every change anyway).
  if (me.get()?.termsAccepted === false) return mount(termsView(() => route()), focus);
  switch (section) {
    case 'chat':
      return mount(chatView(arg && /^\d+$/.test(arg) ? arg : null), focus);
    case 'notifications':
      return mount(notificationsView(), focus);
    case 'profile':
      return mount(profileView(), focus);
    case 'admin':
      if (canAdminister()) return mount(adminView(arg as AdminTab | null), focus);
      break;
  }
  history.replaceState(null, '', '#/chat');
  mount(chatView(null), focus);
}

/** Redraws everything in the new language, keeping what was typed into the forms. */
function redraw(): void {
  const typed = new Map<string, string>();
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type=file]), textarea')) {
    if (el.id && el.value) typed.set(el.id, el.value);
  }
  renderFrame();
  route(false);
  for (const [id, value] of typed) {
    const el = document.getElementById(id) as HTMLInputElement | null;
    if (el && !el.value) el.value = value;
  }
  document.getElementById('lang-switch')?.focus();
}

// ------------------------------------------------------------------ live data

async function loadMe(): Promise<void> {
  const next = (await gql(Me)).me;
  // Re-read after every reconnect; redraw the header only when something changed (it would lose the focus).
  if (JSON.stringify(next) !== JSON.stringify(me.get())) me.set(next);
}

async function loadPresence(): Promise<void> {
  const data = await gql(OnlineUsers);
  people.set(new Map(data.onlineUsers.map((u) => [u.id, { id: u.id, username: u.username, status: u.status, thumbUrl: u.thumbUrl }])));
}

function presenceChanged(change: { status: PresenceStatus; user: { id: string; username: string; thumbUrl?: string | null } }): void {
  const map = new Map(people.get());
  const person: Person = { id: change.user.id, username: change.user.username, status: change.status, thumbUrl: change.user.thumbUrl };
  map.set(person.id, person);
  people.set(map);
  // Another tab of ours went to the background and said AWAY, but this one is in front: we are here.
  if (person.id === me.get()?.id && change.status === 'AWAY' && document.visibilityState === 'visible') void setPresence('ONLINE');
}

async function setPresence(status: 'ONLINE' | 'AWAY'): Promise<void> {
  await gql(SetPresence, { status }).catch(() => undefined);
}

let awayTimer: ReturnType<typeof setTimeout> | undefined;
document.addEventListener('visibilitychange', () => {
  if (!signedIn) return;
  clearTimeout(awayTimer);
  if (document.visibilityState === 'hidden') {
    // A quick look at another tab is not being away.
    awayTimer = setTimeout(() => void setPresence('AWAY'), 5_000);
  } else if (people.get().get(me.get()?.id ?? '')?.status === 'AWAY') {
    void setPresence('ONLINE');
  }
});

/** After each (re)connection: what may have changed while the socket was down. */
async function resync(wasRetry: boolean): Promise<void> {
  const work: Promise<unknown>[] = [loadPresence(), notifications.refresh(), loadMe()];
  if (wasRetry) work.push(chat.catchUpAll());
  const results = await Promise.allSettled(work);
  for (const result of results) if (result.status === 'rejected' && !(result.reason instanceof session.SignedOutError)) console.warn('Resync failed', result.reason);
  if (document.visibilityState === 'hidden') void setPresence('AWAY');
}

function startRealtime(): void {
  realtime.subscribe(PresenceChanged, (data) => presenceChanged(data.presenceChanged));
  realtime.subscribe(MessageReceived, (data) => chat.receive(data.messageReceived));
  realtime.subscribe(NotificationReceived, (data) => notifications.receive(data.notificationReceived));
  realtime.start();
}

realtime.onConnected((wasRetry) => void resync(wasRetry));
realtime.onState((state) => {
  connection = state;
  const el = document.getElementById('conn-status');
  if (!el) return;
  el.className = `conn conn-${state}`;
  el.dataset.state = state;
  el.textContent = t(`conn.${state}`);
});

chat.onNewMessage((message, key) => {
  if (key !== chat.activeConversation()) toast(t('chat.newMessageFrom', { name: message.sender.username }), key === 'room' ? '#/chat' : `#/chat/${message.sender.id}`);
});
notifications.onArrival((n) => toast(t('notif.new', { title: n.title }), '#/notifications'));
unreadNotifications.subscribe(() => {
  if (signedIn) updateBadge();
});
me.subscribe((user) => {
  if (!signedIn || !user) return;
  updateHeader();
  // The role may have changed under us (a FORBIDDEN, or seen after a reconnect).
  if (currentRoute().startsWith('admin') && !canAdminister()) location.hash = '#/chat';
});

// ------------------------------------------------------------------ signing in and out

async function enterApp(): Promise<void> {
  if (signedIn) return;
  authNotice = null;
  try {
    await loadMe();
  } catch (error) {
    // Signed out meanwhile: the session's end listener shows the sign-in form. Anything else: say so, offer a retry.
    if (!(error instanceof session.SignedOutError)) {
      replace(
        byId('view'),
        h('p', { class: 'form-error', role: 'alert' }, t(error instanceof NetworkError ? 'error.network' : 'error.unexpected')),
        h('button', { type: 'button', on: { click: () => void enterApp() } }, t('error.retry')),
      );
    }
    return;
  }
  signedIn = true;
  renderFrame();
  if (pendingRoute) history.replaceState(null, '', pendingRoute);
  else if (!/^#\/(chat|notifications|profile|admin)/.test(location.hash)) history.replaceState(null, '', '#/chat');
  pendingRoute = null;
  startRealtime();
  route();
}

function leaveApp(reason: session.EndReason): void {
  const wasSignedIn = signedIn;
  signedIn = false;
  realtime.reset();
  currentView?.destroy();
  currentView = null;
  resetAll();
  notifications.reset();
  if (!wasSignedIn && reason !== 'revoked') return;
  authNotice = reason === 'revoked' ? 'auth.sessionEnded' : 'auth.signedOut';
  history.replaceState(null, '', '#/login');
  renderFrame();
  route();
}

/** Another user's session took over this tab (an impersonation began or ended): start over as them. */
function switchUser(): void {
  signedIn = false;
  realtime.reset();
  currentView?.destroy();
  currentView = null;
  resetAll();
  notifications.reset();
  history.replaceState(null, '', '#/chat');
  void enterApp();
}

session.onEnd(leaveApp);
window.addEventListener('membership:switch-user', switchUser);
session.onStartElsewhere(() => void enterApp());
window.addEventListener('hashchange', () => route());
onLangChange(redraw);

applyDocumentLang();
renderFrame();
/** A message's link (/verify-email?token=…, /reset-password?token=…) opens its page before anything else. */
function landingPage(): boolean {
  // The end of a provider sign-in (#oidc_code=…, #oidc_error=…): before the hash routes read the fragment.
  const oidc = oidcLanding(() => void enterApp(), start);
  if (oidc) {
    replace(byId('view'), oidc);
    return true;
  }
  const token = new URLSearchParams(location.search).get('token');
  if (!token || !/^\/(verify-email|reset-password)$/.test(location.pathname)) return false;
  // The token leaves the address bar (and the history) once read.
  const path = location.pathname;
  history.replaceState(null, '', '/');
  const page = path === '/verify-email' ? verifyEmailPage(token, start) : resetPasswordPage(token, () => void enterApp());
  replace(byId('view'), page);
  return true;
}
// A sensitive change answered REAUTH_REQUIRED: ask for the password, then api.ts sends the change again.
setReauthPrompt(promptReauth);

function start(): void {
  void session.init().then((tokens) => (tokens ? enterApp() : route(false)));
}
if (!landingPage()) start();
