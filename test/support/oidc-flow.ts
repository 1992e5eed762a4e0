// A provider sign-in driven over plain HTTP, as a browser would follow it (a cookie jar, redirects followed by hand,
// the provider's login form posted), so security tests can stop at any step and tamper with what is sent next.
import assert from 'node:assert/strict';
import { graphql } from '../gql/index.js';

/** One browser's cookies. Every party is on 127.0.0.1 and their cookie names differ, so one jar serves all. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.trim().split('=');
      if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name!);
      else this.cookies.set(name!, value.join('='));
    }
  }
}

export async function get(jar: CookieJar, url: string | URL, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { cookie: jar.header(), ...(init.headers as Record<string, string>) } });
  jar.store(response);
  return response;
}

/** The Location of a redirect, resolved. */
export function locationOf(response: Response, base: string | URL): URL {
  assert.ok(response.status >= 300 && response.status < 400, `expected a redirect, got ${response.status}`);
  return new URL(response.headers.get('location')!, base);
}

/** The `#…` parameters of where a flow ended: oidc_code, oidc_linked or oidc_error. */
export const fragmentOf = (url: URL) => new URLSearchParams(url.hash.slice(1));

/**
 * From a start URL (ours) through the provider's login as `login` (or its Cancel link) to the callback URL the
 * provider sends the browser to, which is returned without being opened. A start URL at the provider (where
 * `openLink` sends a link flow) needs `callbackOrigin`, the origin of our server the callback comes back to.
 */
export async function toCallback(jar: CookieJar, start: string, login: string, options: { cancel?: boolean; callbackOrigin?: string } = {}): Promise<URL> {
  let url = new URL(start);
  const callbackPrefix = `${options.callbackOrigin ?? url.origin}/auth/oidc/`;
  for (let step = 0; step < 20; step += 1) {
    if (url.href.startsWith(callbackPrefix) && url.pathname.endsWith('/callback')) return url;
    const response = await get(jar, url);
    if (response.status >= 300 && response.status < 400) {
      url = locationOf(response, url);
      continue;
    }
    const html = await response.text();
    assert.equal(response.status, 200, `provider page ${url.href}: ${html.slice(0, 300)}`);
    if (options.cancel) {
      const abort = /href="([^"]*\/abort)"/.exec(html);
      assert.ok(abort, 'the provider page has a cancel link');
      url = new URL(abort[1]!.replace(/&amp;/g, '&'), url);
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(html);
    assert.ok(action, `a form on ${url.href}`);
    const form = new URLSearchParams({ prompt: 'login', login, password: 'any password' });
    const posted = await get(jar, new URL(action[1]!.replace(/&amp;/g, '&'), url), {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    url = locationOf(posted, url);
  }
  throw new Error('the flow never reached the callback');
}

/**
 * Redeems a link ticket (startOidcLink's URL) as the web client does: a POST from a page of `origin`, which binds the
 * flow to this jar; returns where the server says to go (the provider, or the app with `#oidc_error=`).
 */
export async function openLink(jar: CookieJar, url: string, origin = new URL(url).origin): Promise<URL> {
  const response = await get(jar, url, { method: 'POST', headers: { origin, 'sec-fetch-site': 'same-origin', accept: 'application/json' } });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return new URL((JSON.parse(text) as { location: string }).location);
}

/** Opens a callback URL and returns where it sends the browser. */
export async function openCallback(jar: CookieJar, callback: URL): Promise<URL> {
  return locationOf(await get(jar, callback), callback);
}

export const OidcProviders = graphql(`
  query OidcProviders {
    oidcProviders {
      name
      label
      startUrl
    }
  }
`);

export const CompleteOidcSignIn = graphql(`
  mutation CompleteOidcSignIn($input: CompleteOidcSignInInput!) {
    completeOidcSignIn(input: $input) {
      __typename
      ... on AuthPayload {
        token
        refreshToken
        user {
          id
          username
          email
          emailVerified
          hasPassword
          linkedAccounts {
            provider
            label
            email
          }
        }
      }
      ... on MfaChallenge {
        challengeToken
        methods
      }
    }
  }
`);

export const StartOidcLink = graphql(`
  mutation StartOidcLink($input: StartOidcLinkInput!) {
    startOidcLink(input: $input) {
      url
    }
  }
`);

export const UnlinkAccount = graphql(`
  mutation UnlinkAccount($input: UnlinkAccountInput!) {
    unlinkAccount(input: $input) {
      linkedAccounts {
        provider
      }
    }
  }
`);

export const MyLinkedAccounts = graphql(`
  query MyLinkedAccounts {
    myLinkedAccounts {
      provider
      label
      email
      lastUsedAt
    }
  }
`);
