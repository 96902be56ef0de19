import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';
import { webApi } from '@slack/bolt';
import type { FetchFunction } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postJson, slackTransport } from '../bot/slack/slack-transport.js';
import { type FakeSlackApi, startFakeSlackApi } from '../scripts/bench/support/fake-slack-api.js';

const { WebClient, ErrorCode } = webApi;

/**
 * Tillit's transport for Slack (undici's request API) against fetch, the Web API client's
 * default: the same calls through the real WebClient must come out the same, errors included.
 */
const transports: { name: string; fetch: FetchFunction | undefined }[] = [
  { name: 'fetch (the client default)', fetch: undefined },
  { name: 'slackTransport', fetch: slackTransport },
];

let api: FakeSlackApi;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => api?.close());
beforeEach(() => api.reset());

describe.each(transports)('the Web API client over $name', ({ fetch }) => {
  const client = (options: ConstructorParameters<typeof WebClient>[1] = {}) =>
    new WebClient('xoxb-test', { slackApiUrl: api.url, fetch, ...options });

  it('posts blocks and Swedish text and reads the answer', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Åtgärd: öka bemanning' } }];
    const posted = await client().chat.postMessage({ channel: 'C1', text: 'Hej Åsa', blocks });
    expect(posted).toMatchObject({ ok: true, channel: 'C1' });
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(api.callsOf('chat.postMessage')[0]).toMatchObject({
      token: 'xoxb-test',
      args: { text: 'Hej Åsa', blocks },
    });
  });

  it('gives Slack’s refusal as a platform error with its code', async () => {
    api.failNext('chat.postEphemeral', { error: 'channel_not_found' });
    const refused = await client()
      .chat.postEphemeral({ channel: 'C9', user: 'U1', text: 'x' })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: 'channel_not_found' },
    });
  });

  it('reads Retry-After from a 429', async () => {
    api.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const limited = await client({ rejectRateLimitedCalls: true })
      .chat.postMessage({ channel: 'C1', text: 'x' })
      .catch((error: unknown) => error);
    expect(limited).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
  });

  it('gives a server error as an HTTP error with its status', async () => {
    api.failNext('chat.postMessage', { status: 503 });
    const failed = await client({ retryConfig: { retries: 0 } })
      .chat.postMessage({ channel: 'C1', text: 'x' })
      .catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
  });

  it('gives up a call past its timeout', async () => {
    api.setLatency(1_000);
    const slow = await client({ timeout: 100, retryConfig: { retries: 0 } })
      .chat.postMessage({ channel: 'C1', text: 'x' })
      .catch((error: unknown) => error)
      .finally(() => api.setLatency(0));
    expect(slow).toMatchObject({ code: ErrorCode.RequestError });
  });

  it('uploads text and binary files (files.uploadV2)', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10]);
    await client().files.uploadV2({
      channel_id: 'D1',
      filename: 'a.csv',
      content: 'enhet;antal\n',
    });
    await client().files.uploadV2({ channel_id: 'D1', filename: 'b.png', file: bytes });
    // Both go as multipart (the client makes text a Buffer too), through fetch's encoder.
    const uploads = api.callsOf('file_upload').map((c) => String(c.args.content));
    expect(uploads).toHaveLength(2);
    expect(uploads[0]).toContain('enhet;antal');
    expect(uploads[1]).toContain('PNG');
    expect(api.callsOf('files.completeUploadExternal')).toHaveLength(2);
  });
});

describe('postJson (response_url answers)', () => {
  it('sends JSON and says the status, 404 once Slack’s five uses are spent', async () => {
    const url = api.responseUrl('r1');
    const answers: { ok: boolean; status: number }[] = [];
    for (let i = 0; i < 6; i++) answers.push(await postJson(url, { text: `n${i}` }, 5_000));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 404]);
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, true, true, false]);
    expect(api.callsOf('response_url').map((c) => c.args.text)).toEqual([
      'n0',
      'n1',
      'n2',
      'n3',
      'n4',
    ]);
  });

  it('throws when no answer comes within the time given', async () => {
    const silent = await listen(() => {});
    const started = Date.now();
    await expect(postJson(`${silent.url}/r`, {}, 200)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    silent.server.closeAllConnections();
    silent.server.close();
  });
});

describe('time limits', () => {
  it('hold while the connection is still being made (a TLS handshake that never ends)', async () => {
    // Accepts the connection and never answers: undici alone would wait its 10 s connect timeout.
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const origin = `https://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const client = new WebClient('xoxb-test', {
        slackApiUrl: `${origin}/api/`,
        fetch: slackTransport,
        timeout: 300,
        retryConfig: { retries: 0 },
      });
      let started = Date.now();
      const failed = await client.auth.test().catch((error: unknown) => error);
      expect(failed).toMatchObject({ code: ErrorCode.RequestError });
      expect(Date.now() - started).toBeLessThan(3_000);
      started = Date.now();
      await expect(postJson(`${origin}/response`, {}, 300)).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});

describe('connections', () => {
  it('are kept and reused: every answer is read to its end', async () => {
    const sockets = new Set<unknown>();
    const server = await listen((req, res) => {
      sockets.add(req.socket);
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: true, padding: 'x'.repeat(64 * 1024) }));
      });
    });
    const client = new WebClient('xoxb-test', {
      slackApiUrl: `${server.url}/api/`,
      fetch: slackTransport,
    });
    for (let i = 0; i < 20; i++) {
      await client.chat.postMessage({ channel: 'C1', text: 'x' });
      await postJson(`${server.url}/response`, { text: 'x' }, 5_000);
    }
    // One keep-alive connection does it all (two at most, should a close race a request).
    expect(sockets.size).toBeLessThanOrEqual(2);
    server.server.closeAllConnections();
    server.server.close();
  });
});

async function listen(
  handler: Parameters<typeof createServer>[1] & {},
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
