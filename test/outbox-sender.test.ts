import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClock } from '../bot/clock.js';
import { createLogger } from '../bot/log.js';
import type { Deliverer } from '../bot/outbox/deliverer.js';
import { createSender, type Sender, type SenderOptions } from '../bot/outbox/sender.js';
import { createSlackDeliverer } from '../bot/slack/slack-deliverer.js';
import { type FakeSlackApi, startFakeSlackApi } from '../scripts/bench/support/fake-slack-api.js';
import {
  createSlackPeople,
  enqueuePrompts,
  outboxKeyOf,
  type SlackPerson,
} from '../scripts/bench/support/outbox-fixtures.js';
import type { DatabaseHandle } from '../store/database.js';
import { countOutboxByStatus, enqueueOutbox, getOutboxRow } from '../store/queries/outbox.js';
import { setLanguage } from '../store/queries/people.js';
import { outbox, rateBuckets } from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
let api: FakeSlackApi;
const logLines: string[] = [];
const log = createLogger('debug', (line) => logLines.push(line));
const fast = { perSecond: 100_000, burst: 100 };

beforeAll(async () => {
  [handle, api] = await Promise.all([openTestDatabase(), startFakeSlackApi()]);
});
afterAll(async () => {
  await Promise.all([handle?.close(), api?.close()]);
});
beforeEach(async () => {
  api.reset();
  await handle.db.delete(outbox);
  await handle.db.delete(rateBuckets);
});

function slack(rate = fast): Deliverer {
  return createSlackDeliverer({ botToken: 'xoxb-test', apiUrl: api.url, rate });
}

function sender(overrides: Partial<SenderOptions> = {}) {
  return createSender({
    db: handle.db,
    clock: createClock(),
    log,
    deliverers: [slack()],
    idlePollMs: 20,
    ...overrides,
  });
}

/** Counts the deliveries one sender made, to show both instances took part. */
function counted(deliverer: Deliverer): Deliverer & { count: number } {
  const wrapped = {
    ...deliverer,
    count: 0,
    async deliver(delivery: Parameters<Deliverer['deliver']>[0]) {
      const delivered = await deliverer.deliver(delivery);
      wrapped.count++;
      return delivered;
    },
  };
  return wrapped;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs senders while `during` runs, and stops them even when it throws. */
async function running(senders: Sender[], during: () => Promise<unknown>): Promise<void> {
  for (const s of senders) s.start();
  try {
    await during();
  } finally {
    await Promise.all(senders.map((s) => s.stop()));
  }
}

const postedKeys = () => api.callsOf('chat.postMessage').map((c) => outboxKeyOf(c.args));

const everyone: SlackPerson[] = [];
async function recipients(count: number): Promise<SlackPerson[]> {
  if (everyone.length < count) {
    everyone.push(...(await createSlackPeople(handle.db, count - everyone.length)));
  }
  return everyone.slice(0, count);
}

describe('outbox sender', () => {
  it('two senders deliver 1,000 rows with no duplicate and none lost', {
    timeout: 60_000,
  }, async () => {
    const keys = await enqueuePrompts(handle.db, 'r1', await recipients(1_000));
    const first = counted(slack());
    const second = counted(slack());
    // Each holds at most 100 rows at a time, so both have to take part.
    const senders = [
      sender({ deliverers: [first], workerId: 'one', maxInFlight: 100 }),
      sender({ deliverers: [second], workerId: 'two', maxInFlight: 100 }),
    ];
    await running(senders, async () => {
      await waitUntil(async () => (await countOutboxByStatus(handle.db)).sent === 1_000);
    });

    const posted = postedKeys();
    expect(posted).toHaveLength(1_000);
    expect(new Set(posted)).toEqual(new Set(keys));
    expect(first.count).toBeGreaterThan(0);
    expect(second.count).toBeGreaterThan(0);
    const row = await getOutboxRow(handle.db, { key: keys[0]! });
    const call = api.callsOf('chat.postMessage').find((c) => outboxKeyOf(c.args) === keys[0]);
    expect(row).toMatchObject({ status: 'sent', sentPlatform: 'slack', inDoubt: false });
    expect(row!.sentChannelId).toBe(`D${call!.args.channel}`);
    expect(api.messagesIn(row!.sentChannelId!).map((m) => m.ts)).toEqual([row!.messageId]);
    expect(logLines.join('\n')).not.toContain('How did the week go');
  });

  it('honours a 429 Retry-After across instances, then delivers everything once', async () => {
    const keys = await enqueuePrompts(handle.db, 'r429', await recipients(20));
    api.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    const senders = [sender({ workerId: 'a' }), sender({ workerId: 'b' })];
    await running(senders, async () => {
      await waitUntil(async () => (await countOutboxByStatus(handle.db)).sent === 20);
    });

    const [limited] = api.rejected;
    expect(limited).toMatchObject({ method: 'chat.postMessage', status: 429 });
    // Calls already on the wire when the 429 came may land; nothing new starts in the pause.
    const startedLater = api.callsOf('chat.postMessage').filter((c) => c.at > limited!.at + 200);
    expect(startedLater.length).toBeGreaterThan(0);
    expect(Math.min(...startedLater.map((c) => c.at)) - limited!.at).toBeGreaterThanOrEqual(1_900);
    expect(new Set(postedKeys())).toEqual(new Set(keys));
    expect(postedKeys()).toHaveLength(20);
    const [bucket] = await handle.db.select().from(rateBuckets);
    expect(bucket!.key).toBe('slack:T0TEST');
    expect(bucket!.pausedUntil!.getTime()).toBeGreaterThan(limited!.at + 1_500);
  });

  it('reconciles a row whose sender died after posting: found by its metadata, not sent again', async () => {
    const [person] = await recipients(1);
    const [key] = await enqueuePrompts(handle.db, 'r-died', [person!]);
    const now = new Date();
    // What a dead sender leaves: the message is in Slack, the row still claimed, lease run out.
    await slack().deliver({
      row: (await getOutboxRow(handle.db, { key: key! }))!,
      route: {
        platform: 'slack',
        workspace: 'T0TEST',
        address: person!.userId,
        direct: true,
        lang: 'sv',
      },
      view: { summary: 'x', blocks: [] },
    });
    await handle.db
      .update(outbox)
      .set({
        status: 'sending',
        leaseOwner: 'dead',
        leaseUntil: new Date(now.getTime() - 1_000),
        firstAttemptAt: new Date(now.getTime() - 30_000),
        lastAttemptAt: new Date(now.getTime() - 30_000),
        attempts: 1,
      })
      .where(eq(outbox.key, key!));
    api.calls.length = 0;

    expect(await sender().runOnce()).toBe(1);

    expect(api.callsOf('chat.postMessage')).toHaveLength(0);
    expect(api.callsOf('conversations.history')[0]!.args).toMatchObject({
      channel: `D${person!.userId}`,
      include_all_metadata: 'true',
    });
    const row = await getOutboxRow(handle.db, { key: key! });
    expect(row).toMatchObject({ status: 'sent', sentChannelId: `D${person!.userId}` });
    expect(row!.messageId).toBe(api.messagesIn(`D${person!.userId}`)[0]!.ts);
  });

  it('reconciles a row whose sender died before posting: looks, finds nothing, sends once', async () => {
    const [person] = await recipients(1);
    const [key] = await enqueuePrompts(handle.db, 'r-died-early', [person!]);
    await handle.db
      .update(outbox)
      .set({ status: 'sending', leaseOwner: 'dead', leaseUntil: new Date(Date.now() - 1) })
      .where(eq(outbox.key, key!));

    await sender().runOnce();

    expect(api.callsOf('conversations.history')).toHaveLength(1);
    expect(postedKeys()).toEqual([key]);
    expect(await getOutboxRow(handle.db, { key: key! })).toMatchObject({ status: 'sent' });
  });

  it('retries a transient failure with backoff, looking first, and gives up visibly at last', async () => {
    const [person] = await recipients(1);
    const [key] = await enqueuePrompts(handle.db, 'r-flaky', [person!]);
    const clock = createClock();
    const flaky = sender({ clock, maxAttempts: 2, backoffMs: 10_000 });
    api.failNext('chat.postMessage', { status: 503, times: 5 });

    await flaky.runOnce();
    let row = await getOutboxRow(handle.db, { key: key! });
    expect(row).toMatchObject({
      status: 'queued',
      lastError: 'http_503',
      inDoubt: true,
      attempts: 1,
    });
    expect(row!.notBefore.getTime() - clock.now().getTime()).toBeGreaterThan(7_000);
    expect(await flaky.runOnce()).toBe(0);

    clock.advance(13_000);
    await flaky.runOnce();
    row = await getOutboxRow(handle.db, { key: key! });
    expect(api.callsOf('conversations.history')).toHaveLength(1);
    expect(row).toMatchObject({ status: 'failed', lastError: 'http_503', attempts: 2 });
    expect(await countOutboxByStatus(handle.db)).toMatchObject({ failed: 1, sent: 0 });
    expect(logLines.some((l) => l.includes('outbox row failed') && l.includes(key!))).toBe(true);
  });

  it('fails at once when Slack refuses for good, and when the person cannot be reached', async () => {
    const [person] = await recipients(1);
    const [refused] = await enqueuePrompts(handle.db, 'r-refused', [person!]);
    api.failNext('chat.postMessage', { error: 'channel_not_found' });
    await sender().runOnce();
    expect(await getOutboxRow(handle.db, { key: refused! })).toMatchObject({
      status: 'failed',
      lastError: 'channel_not_found',
    });

    const [nobody] = await createSlackPeople(handle.db, 1);
    await handle.db.execute(sql`delete from identities where person_id = ${nobody!.personId}`);
    const [lost] = await enqueuePrompts(handle.db, 'r-lost', [nobody!]);
    await sender().runOnce();
    expect(await getOutboxRow(handle.db, { key: lost! })).toMatchObject({
      status: 'failed',
      lastError: 'no-reachable-identity',
    });
    expect(api.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('paces messages to one channel: one a second, across claims', async () => {
    const target = {
      kind: 'channel',
      platform: 'slack',
      workspace: 'T0TEST',
      channelId: 'C0UNIT',
    } as const;
    for (const n of [1, 2, 3]) {
      await enqueueOutbox(handle.db, {
        key: `notice:${n}`,
        target,
        view: { summary: `Notice ${n}`, blocks: [] },
        notBefore: new Date(Date.now() - 10_000 + n),
      });
    }
    await running([sender()], async () => {
      await waitUntil(async () => (await countOutboxByStatus(handle.db)).sent === 3);
    });
    const times = api.callsOf('chat.postMessage').map((c) => c.at);
    expect(postedKeys()).toEqual(['notice:1', 'notice:2', 'notice:3']);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(950);
    expect(api.messagesIn('C0UNIT')).toHaveLength(3);
  });

  it('releases rows still waiting for a token when it stops, for another instance to send', async () => {
    const keys = await enqueuePrompts(handle.db, 'r-stop', await recipients(10));
    const slow = sender({ deliverers: [slack({ perSecond: 2, burst: 1 })], workerId: 'slow' });
    await running([slow], () => api.waitForCall('chat.postMessage', undefined, 10_000));
    const counts = await countOutboxByStatus(handle.db);
    expect(counts.sending).toBe(0);
    expect(counts.sent).toBe(postedKeys().length);

    await sender().runOnce();
    expect(new Set(postedKeys())).toEqual(new Set(keys));
    expect(postedKeys()).toHaveLength(10);
  });

  it("writes Slack's own words in a full message in the person's language, else the default", async () => {
    const [english, swedish] = await recipients(2);
    await setLanguage(handle.db, { personId: english!.personId, lang: 'en' });
    // More list lines than one Slack message holds: the renderer ends it with its own line.
    const view = {
      summary: 'Many',
      blocks: Array.from({ length: 80 }, (_, i) => ({ type: 'text' as const, text: `Rad ${i}` })),
    };
    for (const person of [english!, swedish!]) {
      await enqueueOutbox(handle.db, {
        key: `many:${person.personId}`,
        target: { kind: 'person', personId: person.personId },
        view,
        notBefore: new Date(Date.now() - 1_000),
      });
    }
    await sender({ defaultLang: 'sv' }).runOnce();
    const lastLine = (user: string) => {
      const post = api.callsOf('chat.postMessage').find((c) => c.args.channel === user);
      return JSON.stringify((post!.args.blocks as unknown[]).at(-1));
    };
    expect(lastLine(english!.userId)).toContain('more that do not fit here');
    expect(lastLine(swedish!.userId)).toContain('till som inte får plats här');
  });
});
