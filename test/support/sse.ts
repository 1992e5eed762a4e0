// Subscriptions over HTTP as urql's and Apollo's SSE links make them: `accept: text/event-stream`, by POST or GET,
// the token in the Authorization header; the stream is read and parsed as it arrives.
import { print, type ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface EventStream<TData> {
  status: number;
  /** The next `next` event's result, or a rejection after `timeoutMs` or when the stream ends first. */
  next(timeoutMs?: number): Promise<ExecutionResult<TData>>;
  /** Every result received so far, in order. */
  received: ExecutionResult<TData>[];
  /** Settles when the response ends: `complete` when the server sent the SSE `complete` event first. */
  ended: Promise<{ complete: boolean; at: number }>;
  close(): void;
}

export async function openEventStream<TData, TVars>(
  baseUrl: string,
  document: TypedDocumentNode<TData, TVars>,
  options: { token?: string; method?: 'GET' | 'POST'; variables?: TVars; accept?: string } = {},
): Promise<EventStream<TData>> {
  const method = options.method ?? 'POST';
  const query = print(document);
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: options.accept ?? 'text/event-stream' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let url = `${baseUrl}/graphql`;
  let body: string | undefined;
  if (method === 'GET') {
    const params = new URLSearchParams({ query });
    if (options.variables) params.set('variables', JSON.stringify(options.variables));
    url += `?${params}`;
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify({ query, variables: options.variables });
  }
  const response = await fetch(url, { method, headers, body, signal: controller.signal });

  const received: ExecutionResult<TData>[] = [];
  const waiters: { resolve: (value: ExecutionResult<TData>) => void; reject: (error: Error) => void }[] = [];
  let cursor = 0;
  let complete = false;
  let finished: { complete: boolean; at: number } | undefined;
  const deliver = () => {
    while (waiters.length > 0 && cursor < received.length) waiters.shift()!.resolve(received[cursor++]!);
    if (finished) for (const waiter of waiters.splice(0)) waiter.reject(new Error('the stream ended'));
  };
  const ended = (async () => {
    const isStream = response.headers.get('content-type')?.startsWith('text/event-stream');
    if (!isStream || !response.body) {
      // Not a stream (a refusal answered as JSON, or 406): its body, if a GraphQL result, is the one result.
      const text = await response.text().catch(() => '');
      if (text.startsWith('{')) received.push(JSON.parse(text) as ExecutionResult<TData>);
      return;
    }
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === 'next' && data) received.push(JSON.parse(data) as ExecutionResult<TData>);
          if (event === 'complete') complete = true;
        }
        deliver();
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
  })().then(() => {
    finished = { complete, at: Date.now() };
    deliver();
    return finished;
  });

  return {
    status: response.status,
    received,
    ended,
    close: () => controller.abort(),
    next: (timeoutMs = 3000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          reject(new Error(`no event within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = {
          resolve: (value: ExecutionResult<TData>) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error: Error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        waiters.push(waiter);
        deliver();
      }),
  };
}
