// One operation over each of the transports a client may use (HTTP POST, SSE, graphql-ws), its one result as the
// client reads it: for security tests that must see the same refusal whichever way a request comes.
import assert from 'node:assert/strict';
import type { ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { TestServer } from './server.js';
import { openEventStream } from './sse.js';
import { execute, openSocket } from './ws.js';

export type Transport = 'POST' | 'SSE' | 'ws';
export const TRANSPORTS: readonly Transport[] = ['POST', 'SSE', 'ws'];

export async function over<TData, TVars extends Record<string, unknown>>(
  server: TestServer,
  transport: Transport,
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  token?: string,
): Promise<ExecutionResult<TData>> {
  if (transport === 'POST') return server.request(document, variables, { token });
  if (transport === 'SSE') {
    const stream = await openEventStream(server.url, document, { variables, token });
    await stream.ended;
    assert.equal(stream.received.length, 1, 'one result over SSE');
    return stream.received[0]!;
  }
  const socket = openSocket(server.url, token ? { token } : {});
  try {
    return await execute(socket, document, variables);
  } finally {
    await socket.dispose();
  }
}
