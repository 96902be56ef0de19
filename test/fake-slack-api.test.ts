import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../scripts/bench/support/fake-slack-api.js';
import { stateValuesFrom } from '../scripts/bench/support/slack-requests.js';

// The WebClient Bolt itself uses (a transitive dependency, reached through Bolt).
const { WebClient } = webApi;

let api: FakeSlackApi;
let client: InstanceType<typeof WebClient>;

beforeAll(async () => {
  api = await startFakeSlackApi({ users: { U0KARIN: 'Karin Åberg' } });
  // No extra backoff on top of Retry-After, so the test shows the wait comes from the header.
  client = new WebClient('xoxb-test', {
    slackApiUrl: api.url,
    retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 10 },
  });
});
afterAll(async () => api?.close());
beforeEach(() => api.reset());

describe('fake Slack Web API through the real WebClient', () => {
  it('answers auth.test and records the token apart from the arguments', async () => {
    const auth = await client.auth.test();
    expect(auth).toMatchObject({ ok: true, team_id: 'T0TEST', user_id: 'U0BOT', bot_id: 'B0BOT' });
    expect(api.calls[0]).toMatchObject({ method: 'auth.test', token: 'xoxb-test', args: {} });
  });

  it('posts, updates and returns history with metadata, newest first', async () => {
    const metadata = { event_type: 'tillit_reflection', event_payload: { unit: 'ifo' } };
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Hej' } }];
    const first = await client.chat.postMessage({ channel: 'C1', text: 'Hej', blocks, metadata });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'Två' });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(second.ts! > first.ts!).toBe(true);
    expect(api.callsOf('chat.postMessage')[0]?.args).toMatchObject({ blocks, metadata });

    await client.chat.update({ channel: 'C1', ts: first.ts!, text: 'Hej igen', blocks: [] });
    await expect(client.chat.update({ channel: 'C1', ts: '1.000001', text: 'x' })).rejects.toThrow(
      'message_not_found',
    );

    const history = await client.conversations.history({
      channel: 'C1',
      include_all_metadata: true,
    });
    expect(history.messages?.map((m) => m.text)).toEqual(['Två', 'Hej igen']);
    expect(history.messages?.[1]).toMatchObject({ ts: first.ts, metadata, blocks: [] });

    const newest = await client.conversations.history({
      channel: 'C1',
      oldest: first.ts,
      limit: 5,
    });
    expect(newest.messages?.map((m) => m.ts)).toEqual([second.ts]);
    expect(newest.messages?.[0]?.metadata).toBeUndefined();
    const plain = await client.conversations.history({ channel: 'C1' });
    expect(plain.messages?.[1]?.metadata).toBeUndefined();
  });

  it('retries a 429 after Retry-After and then delivers', async () => {
    api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const result = await client.chat.postMessage({ channel: 'C2', text: 'Efter paus' });
    expect(result.ok).toBe(true);
    expect(api.rateLimited).toBe(1);
    expect(api.rejected.map((c) => c.status)).toEqual([429]);
    const delivered = api.callsOf('chat.postMessage');
    expect(delivered).toHaveLength(1);
    const waited = delivered[0]!.at - started;
    expect(waited).toBeGreaterThanOrEqual(950);
    // Well under the SDK's own backoff, with room for a busy machine.
    expect(waited).toBeLessThan(3_000);
    expect(api.messagesIn('C2').map((m) => m.text)).toEqual(['Efter paus']);
  });

  it('answers 429 beyond a per-second budget', async () => {
    api.setRateLimit({ perSecond: 2 });
    const rejecting = new WebClient('xoxb-test', {
      slackApiUrl: api.url,
      rejectRateLimitedCalls: true,
    });
    const results = await Promise.allSettled(
      [1, 2, 3].map((n) => rejecting.chat.postMessage({ channel: 'C3', text: `n${n}` })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(api.rateLimited).toBe(1);
  });

  it('names users from the options, and opens DMs and modals', async () => {
    const karin = await client.users.info({ user: 'U0KARIN' });
    expect(karin.user).toMatchObject({
      id: 'U0KARIN',
      real_name: 'Karin Åberg',
      name: 'karin.aberg',
    });
    expect(karin.user?.profile).toMatchObject({
      real_name: 'Karin Åberg',
      display_name: 'Karin Åberg',
    });
    const other = await client.users.info({ user: 'U0OTHER' });
    expect(other.user?.real_name).toBe('U0OTHER');

    const dm = await client.conversations.open({ users: 'U0KARIN' });
    expect(dm.channel?.id).toBe('DU0KARIN');
    const opened = await client.views.open({
      trigger_id: '1.2',
      view: { type: 'modal', title: { type: 'plain_text', text: 'T' }, blocks: [] },
    });
    const id = opened.view!.id!;
    expect(api.view(id)).toMatchObject({ type: 'modal' });
    await client.views.update({
      view_id: id,
      view: { type: 'modal', title: { type: 'plain_text', text: 'U' }, blocks: [] },
    });
    expect(api.view(id)).toMatchObject({ title: { text: 'U' } });
    await expect(client.apiCall('nothing.here')).rejects.toThrow('unknown_method');
  });

  it('records posts to a response_url and waits for calls made later', async () => {
    const url = api.responseUrl('cmd1');
    const waiting = api.waitForCall('response_url', (args) => args.text === 'Klart');
    setTimeout(() => {
      void fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Klart', response_type: 'ephemeral' }),
      });
    }, 20);
    const call = await waiting;
    expect(call).toMatchObject({ responseId: 'cmd1', args: { response_type: 'ephemeral' } });
    await expect(api.waitForCall('chat.postMessage', () => true, 50)).rejects.toThrow(
      /no matching/,
    );
  });

  it('builds state values for forms', () => {
    expect(
      stateValuesFrom({ title: 'Rubrik', 'b1/unit': { selected: 'ifo' }, many: ['a', 'b'] }),
    ).toEqual({
      title: { title: { type: 'plain_text_input', value: 'Rubrik' } },
      b1: {
        unit: {
          type: 'static_select',
          selected_option: { value: 'ifo', text: { type: 'plain_text', text: 'ifo' } },
        },
      },
      many: {
        many: {
          type: 'multi_static_select',
          selected_options: [
            { value: 'a', text: { type: 'plain_text', text: 'a' } },
            { value: 'b', text: { type: 'plain_text', text: 'b' } },
          ],
        },
      },
    });
  });
});
