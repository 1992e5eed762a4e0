// Signed-in GraphQL requests: the current access token on each, one refresh and retry when it has just expired,
// and the page sent back to sign-in when the server says the session is over.
import type { TypedDocumentString } from './gql/graphql.js';
import { ApiError, NetworkError, postGraphQL, uploadGraphQL } from './http.js';
import * as session from './session.js';

const forbiddenListeners = new Set<() => void>();

/** FORBIDDEN means the role changed under us: whoever shows role-dependent parts should re-read `me`. */
export function onForbidden(listener: () => void): () => void {
  forbiddenListeners.add(listener);
  return () => forbiddenListeners.delete(listener);
}

/** Asks the user to prove who they are again (views/reauth.ts); true once they did. Set by main.ts. */
let reauthPrompt: (() => Promise<boolean>) | undefined;
export function setReauthPrompt(prompt: () => Promise<boolean>): void {
  reauthPrompt = prompt;
}

async function authed<R>(send: (token: string) => Promise<R>): Promise<R> {
  let tokens = await session.fresh();
  let reauthenticated = false;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send(tokens.token);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // A sensitive change after REAUTH_MAX_AGE: the password prompt, then the same change once more.
      if (error.code === 'REAUTH_REQUIRED' && reauthPrompt && !reauthenticated) {
        reauthenticated = true;
        if (await reauthPrompt()) continue;
        throw error;
      }
      if (error.code === 'UNAUTHENTICATED') {
        if (error.reason === 'TOKEN_EXPIRED' && attempt === 0) {
          tokens = await session.refresh(tokens);
          continue;
        }
        session.end('revoked');
        throw new session.SignedOutError();
      }
      if (error.code === 'FORBIDDEN') for (const listener of forbiddenListeners) listener();
      throw error;
    }
  }
}

/** An operation as the signed-in user. */
export function gql<R, V>(document: TypedDocumentString<R, V>, ...[variables]: V extends Record<string, never> ? [NoInfer<V>?] : [NoInfer<V>]): Promise<R> {
  return authed((token) => postGraphQL(document, variables, token));
}

const SEND_ATTEMPTS = 4;

/** 128 random bits, hex. Not crypto.randomUUID: it exists only in secure contexts, and a LAN address over http is not one. */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A send that must not happen twice (a message, a notification). Its input carries an idempotency key, so when the
 * answer is lost to the network (the request may or may not have been stored) it is sent again with the same key,
 * and the server answers with what it stored the first time instead of storing and delivering it again.
 */
export async function sendOnce<R, V extends { input: { idempotencyKey?: string | null } }>(
  document: TypedDocumentString<R, V>,
  variables: V,
): Promise<R> {
  const keyed = { ...variables, input: { ...variables.input, idempotencyKey: newIdempotencyKey() } };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await authed((token) => postGraphQL(document, keyed, token));
    } catch (error) {
      if (!(error instanceof NetworkError) || attempt === SEND_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** (attempt - 1)));
    }
  }
}

/** An operation that needs no sign-in (register, login). */
export function publicGql<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  return postGraphQL(document, variables);
}

/** An operation with one file variable, as a multipart upload. */
export function upload<R, V>(document: TypedDocumentString<R, V>, variable: keyof V & string, file: File): Promise<R> {
  return authed((token) => uploadGraphQL(document, variable, file, token));
}
