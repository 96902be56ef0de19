import { STATUS_CODES } from 'node:http';
import type { FetchFunction } from '@slack/web-api';
import { type Dispatcher, request } from 'undici';

/**
 * How Tillit's requests reach Slack: undici's request API rather than fetch. A reply to a click
 * or a command is one Web API call, and every outbox row is one or two; through fetch each
 * cost about 280 µs of CPU through the whole client, through request about 150 µs (`npm run
 * bench -- slack-transport`; `npm run bench -- load` shows it in the reply). The Web API client
 * takes it as its `fetch` (a transport, as its docs offer); response_url answers use
 * `postJson`.
 */
export const slackTransport: FetchFunction = async (url, init = {}) => {
  // Multipart bodies (files.uploadV2 of binary content) need fetch's form encoder; rare.
  if (init.body instanceof FormData) return fetch(url, init);
  const sent = request(url, {
    method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
    headers: init.headers,
    body: init.body,
    signal: init.signal,
  });
  const answer = init.signal ? await untilAborted(sent, init.signal) : await sent;
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
    ok: succeeded(status),
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

const succeeded = (status: number) => status >= 200 && status < 300;

/**
 * POSTs JSON (a response_url answer) and says whether it was taken (a 2xx) and its status;
 * throws only when no answer came (the connection failed or `timeoutMs` passed). The body is
 * read and dropped. Redirects are not followed: Slack's response_urls answer themselves, and
 * a 3xx counts as not taken.
 */
export async function postJson(
  url: string,
  payload: unknown,
  timeoutMs: number,
): Promise<{ ok: boolean; status: number }> {
  const signal = AbortSignal.timeout(timeoutMs);
  const sent = request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal,
  });
  const answer = await untilAborted(sent, signal);
  await answer.body.dump();
  return { ok: succeeded(answer.statusCode), status: answer.statusCode };
}

/**
 * undici heeds a request's signal only once it has a connection: until then (DNS, connect, a
 * TLS handshake that never ends) only its 10 s connect timeout holds. The caller's time is
 * kept here; the request itself is dropped by undici as soon as it connects.
 */
function untilAborted<T>(sent: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    sent.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      sent.catch(() => {});
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    sent.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
