// Avatar operations and the requests a browser sends for them: GraphQL multipart uploads (as Apollo's and urql's
// upload links build them) and plain GETs of the served images, including raw paths fetch would normalize.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { print, type ExecutionResult } from 'graphql';
import { graphql } from '../gql/index.js';
import type { UploadAvatarMutation } from '../gql/graphql.js';
import type { GraphQLResponse, TestServer } from './server.js';

export const UploadAvatar = graphql(`
  mutation UploadAvatar($file: Upload!) {
    uploadAvatar(file: $file) {
      user {
        id
        avatarUrl
        thumbUrl: avatarUrl(size: THUMB)
        avatarUpdatedAt
      }
    }
  }
`);

export const DeleteAvatar = graphql(`
  mutation DeleteAvatar {
    deleteAvatar {
      removed
      user {
        id
        avatarUrl
        avatarUpdatedAt
      }
    }
  }
`);

export const MyAvatar = graphql(`
  query MyAvatar {
    me {
      id
      avatarUrl
      mainUrl: avatarUrl(size: MAIN)
      thumbUrl: avatarUrl(size: THUMB)
      avatarUpdatedAt
    }
  }
`);

export interface UploadFile {
  bytes: Uint8Array;
  /** The file name the client reports; the server must not trust it. */
  name: string;
  /** The MIME type the client reports; the server must not trust it either. */
  type?: string;
}

export interface UploadOptions {
  token?: string;
  /** Defaults to the preflight header apollo-upload-client users add; `{}` sends none. */
  headers?: Record<string, string>;
  /** Replaces the `operations` field, to send malformed requests. */
  operations?: string;
  /** More files than the operation maps, to exceed the one-file limit. */
  extraFiles?: UploadFile[];
}

/**
 * Sends `uploadAvatar` as a GraphQL multipart request: `operations` (the variable set to null), `map` (file field
 * "1" goes to variables.file), then the file, the same fields in the same order as apollo-upload-client.
 */
export async function uploadAvatar(server: Pick<TestServer, 'url'>, file: UploadFile, options: UploadOptions = {}): Promise<GraphQLResponse<UploadAvatarMutation>> {
  const form = new FormData();
  form.append('operations', options.operations ?? JSON.stringify({ query: print(UploadAvatar), operationName: 'UploadAvatar', variables: { file: null } }));
  const map: Record<string, string[]> = { 1: ['variables.file'] };
  (options.extraFiles ?? []).forEach((_, i) => (map[String(i + 2)] = [`variables.extra${i}`]));
  form.append('map', JSON.stringify(map));
  form.append('1', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? '' }), file.name);
  (options.extraFiles ?? []).forEach((extra, i) => form.append(String(i + 2), new Blob([new Uint8Array(extra.bytes)], { type: extra.type ?? '' }), extra.name));
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      ...(options.headers ?? { 'apollo-require-preflight': 'true' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: form,
  });
  return { ...((await response.json()) as ExecutionResult<UploadAvatarMutation>), status: response.status };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** An HTTP request with the path sent exactly as given (fetch would resolve `..` and decode nothing). */
export function rawRequest(server: Pick<TestServer, 'url'>, path: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
