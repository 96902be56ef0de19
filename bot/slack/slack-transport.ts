import { STATUS_CODES } from 'node:http';
import type { FetchFunction } from '@slack/web-api';
import { type Dispatcher, request } from 'undici';

/**
 * How Tillit's requests reach Slack: undici's request API rather than fetch. A reply to a click
 * or a command is one Web API call, and every outbox row is one or two; through fetch each
 * cost about 220 µs of CPU (WHATWG streams, an AbortSignal and a Response per call), through
 * request about 45 µs (`node .perf`-style measure in the commit; `npm run bench -- load` shows
 * it in the reply). The Web API client takes it as its `fetch` (a transport, as its docs
 * offer); response_url answers use `postJson`.
 */
export const slackTransport: FetchFunction = async (url, init = {}) => {
  // Multipart bodies (files.uploadV2 of binary content) need fetch's form encoder; rare.
  if (init.body instanceof FormData) return fetch(url, init);
  const answer = await request(url, {
    method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
    headers: init.headers,
    body: init.body,
    signal: init.signal,
  });
  // Read whole at once: the connection goes back to the pool only once the body is consumed.
  const body = Buffer.from(await answer.body.arrayBuffer());
  return responseOf(String(url), answer.statusCode, answer.headers, body);
};

type FetchResponse = Awaited<ReturnType<FetchFunction>>;

/** The answer as the Web API client reads it (its FetchResponse: status, headers, body). */
function responseOf(
  url: string,
  status: number,
  raw: Dispatcher.ResponseData['headers'],
  body: Buffer,
): FetchResponse {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: STATUS_CODES[status] ?? '',
    url,
    headers: {
      get: (name: string) => headers.get(name.toLowerCase()) ?? null,
      entries: () => headers.entries(),
    },
    arrayBuffer: async () =>
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    json: async () => JSON.parse(body.toString('utf8')),
    text: async () => body.toString('utf8'),
  };
}

/**
 * POSTs JSON (a response_url answer) and says which status came back; throws only when no
 * answer came (the connection failed or `timeoutMs` passed). The body is read and dropped.
 */
export async function postJson(url: string, payload: unknown, timeoutMs: number): Promise<number> {
  const answer = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  await answer.body.dump();
  return answer.statusCode;
}
