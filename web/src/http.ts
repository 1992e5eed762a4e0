// GraphQL over fetch: JSON POSTs, GraphQL multipart uploads, and the API's typed errors as exceptions.
import type { TypedDocumentString } from './gql/graphql.js';

export const GRAPHQL_PATH = '/graphql';

export interface FieldError {
  field: string;
  message: string;
}

/** An error the API reported, with what a form needs: its code, the field it concerns, every bad field. */
export class ApiError extends Error {
  readonly code: string;
  readonly reason: string | undefined;
  readonly field: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, readonly extensions: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
    this.reason = typeof extensions.reason === 'string' ? extensions.reason : undefined;
    this.field = typeof extensions.field === 'string' ? extensions.field : undefined;
    const listed = Array.isArray(extensions.fieldErrors) ? (extensions.fieldErrors as FieldError[]) : [];
    this.fieldErrors = listed.length > 0 ? listed : this.field ? [{ field: this.field, message }] : [];
    this.retryAfterSeconds = typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : undefined;
  }
}

/** The request never got an answer from the API (offline, server down, proxy error page). */
export class NetworkError extends Error {
  constructor(message = 'Network error') {
    super(message);
    this.name = 'NetworkError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export type Variables<D> = D extends TypedDocumentString<unknown, infer V> ? V : never;
export type Result<D> = D extends TypedDocumentString<infer R, unknown> ? R : never;

async function parse<T>(response: Response): Promise<T> {
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new NetworkError(`HTTP ${response.status}`);
  }
  const [first] = body.errors ?? [];
  if (first) throw new ApiError(first.message, first.extensions ?? {});
  if (!body.data) throw new NetworkError(`HTTP ${response.status} without data`);
  return body.data;
}

async function send(init: RequestInit): Promise<Response> {
  try {
    return await fetch(GRAPHQL_PATH, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
}

export async function postGraphQL<R, V>(document: TypedDocumentString<R, V>, variables: V | undefined, token?: string): Promise<R> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  return parse<R>(await send({ method: 'POST', headers, body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }) }));
}

/**
 * A GraphQL multipart request (the spec apollo-upload-client follows): `operations` with the file variable set to
 * null, `map` pointing form field "1" at it, then the file. The preflight header tells the server this is not a
 * cross-site form post.
 */
export async function uploadGraphQL<R, V>(document: TypedDocumentString<R, V>, variable: string, file: File, token: string): Promise<R> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: document.toString(), variables: { [variable]: null } }));
  form.append('map', JSON.stringify({ 1: [`variables.${variable}`] }));
  form.append('1', file, file.name);
  return parse<R>(
    await send({
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true', accept: 'application/graphql-response+json, application/json' },
      body: form,
    }),
  );
}
