import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClock } from '../bot/clock.js';
import { createLogger } from '../bot/log.js';
import type { Deliverer, UpdateDelivery } from '../bot/outbox/deliverer.js';
import { createSender, type Sender } from '../bot/outbox/sender.js';
import type { DatabaseHandle } from '../store/database.js';
import { postLocalMessage } from '../store/queries/local-messages.js';
import { enqueueMessageUpdate, updateKeyOf } from '../store/queries/message-updates.js';
import { claimDue, enqueueOutbox, getOutboxRow } from '../store/queries/outbox.js';
import { findPostedMessages, rememberPostedMessage } from '../store/queries/posted-messages.js';
import { outbox, postedMessages } from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * Board edits through the outbox (issue 19, item 4): one `update` row per message, the newest
 * version wins, carried out by each platform's deliverer at every place the message was
 * posted; retried, taken over from a worker that died, and never applied over a newer one.
 */

let database: DatabaseHandle;
const clock = createClock(new Date('2026-12-01T09:00:00Z'));
const log = createLogger('error', () => {});

/** What a platform shows: per message, the views put into it in order, with their versions. */
interface FakePlatform extends Deliverer {
  shown: Map<string, { text: string; version: number }[]>;
  /** Holds every update call until released (a slow platform). */
  hold(): () => void;
}

function fakePlatform(): FakePlatform {
  const shown = new Map<string, { text: string; version: number }[]>();
  let gate: Promise<void> | null = null;
  return {
    platform: 'slack',
    rate: { perSecond: 10_000, burst: 10_000 },
    bucketOf: (route) => `fake:${route.workspace}`,
    shown,
    hold() {
      let release = () => {};
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        gate = null;
        release();
      };
    },
    async deliver() {
      throw new Error('only updates here');
    },
    async findAlreadySent() {
      return null;
    },
    async update({ route, messageId, view, row }: UpdateDelivery) {
      if (gate) await gate;
      const place = `${route.address}/${messageId}`;
      const list = shown.get(place) ?? [];
      list.push({ text: view.summary, version: row.version });
      shown.set(place, list);
    },
  };
}

const board = (text: string) => ({ summary: text, blocks: [{ type: 'text', text }] });

function senderOn(platform: FakePlatform, workerId: string): Sender {
  return createSender({
    db: database.db,
    clock,
    log,
    deliverers: [platform],
    workerId,
    idlePollMs: 20,
    backoffMs: 1,
  });
}

async function postBoard(key: string, channelId: string, messageId: string) {
  await rememberPostedMessage(database.db, {
    key,
    platform: 'slack',
    workspace: 'T1',
    channelId,
    messageId,
  });
}

const latest = (platform: FakePlatform, place: string) => platform.shown.get(place)?.at(-1);

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());
beforeEach(async () => {
  await database.db.delete(outbox);
  await database.db.delete(postedMessages);
  // Each test starts past the one-update-a-second gap of the one before.
  clock.advance(10_000);
});

describe('board edits through the outbox', () => {
  it('keeps one row per message, the newest view, and shows it wherever the board was posted', async () => {
    await postBoard('swot:a', 'C1', '100.1');
    await postBoard('swot:a', 'C2', '200.1');
    const now = clock.now();
    await enqueueMessageUpdate(database.db, { messageKey: 'swot:a', view: board('v1'), now });
    await enqueueMessageUpdate(database.db, { messageKey: 'swot:a', view: board('v2'), now });
    const rows = await database.db.select().from(outbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: 'update:swot:a', kind: 'update', status: 'queued' });

    const platform = fakePlatform();
    await senderOn(platform, 'w1').runOnce();
    // Only the newest view was ever sent, to both places.
    expect(platform.shown.get('C1/100.1')?.map((s) => s.text)).toEqual(['v2']);
    expect(platform.shown.get('C2/200.1')?.map((s) => s.text)).toEqual(['v2']);
    const row = (await getOutboxRow(database.db, { key: updateKeyOf('swot:a') }))!;
    expect(row.status).toBe('sent');
    const places = await findPostedMessages(database.db, { key: 'swot:a', platform: 'slack' });
    expect(places.map((p) => p.appliedVersion)).toEqual([row.version, row.version]);
  });

  it('never applies an older version over a newer one', async () => {
    await postBoard('swot:b', 'C1', '300.1');
    const platform = fakePlatform();
    const sender = senderOn(platform, 'w1');
    await enqueueMessageUpdate(database.db, {
      messageKey: 'swot:b',
      view: board('old'),
      now: clock.now(),
    });
    // The platform is slow: while "old" is on its way, a newer board comes.
    const release = platform.hold();
    const first = sender.runOnce();
    await expect
      .poll(async () => (await getOutboxRow(database.db, { key: 'update:swot:b' }))?.status)
      .toBe('sending');
    await enqueueMessageUpdate(database.db, {
      messageKey: 'swot:b',
      view: board('new'),
      now: clock.now(),
    });
    release();
    await first;
    // The row came back for the newer view instead of being marked sent.
    expect((await getOutboxRow(database.db, { key: 'update:swot:b' }))?.status).toBe('queued');
    clock.advance(1_500);
    await sender.runOnce();
    expect(platform.shown.get('C1/300.1')?.map((s) => s.text)).toEqual(['old', 'new']);

    // A stale row (an older version than the place shows) is not carried out at all.
    const [shownVersion] = (
      await findPostedMessages(database.db, { key: 'swot:b', platform: 'slack' })
    ).map((p) => p.appliedVersion);
    await database.db
      .update(outbox)
      .set({ status: 'queued', version: shownVersion! - 1, view: board('stale') })
      .where(eq(outbox.key, 'update:swot:b'));
    clock.advance(1_500);
    await sender.runOnce();
    expect(latest(platform, 'C1/300.1')?.text).toBe('new');
    expect((await getOutboxRow(database.db, { key: 'update:swot:b' }))?.status).toBe('sent');
  });

  it('two instances on one database: every board ends at its newest view, each place in order', async () => {
    const boards = Array.from({ length: 8 }, (_, i) => `swot:many-${i}`);
    for (const [i, key] of boards.entries()) await postBoard(key, `C${i}`, `${i}.1`);
    const platformA = fakePlatform();
    const platformB = fakePlatform();
    const senders = [senderOn(platformA, 'instance-a'), senderOn(platformB, 'instance-b')];
    // Changes keep coming while both instances deliver.
    for (let round = 1; round <= 4; round++) {
      for (const key of boards) {
        await enqueueMessageUpdate(database.db, {
          messageKey: key,
          view: board(`${key} v${round}`),
          now: clock.now(),
        });
      }
      await Promise.all(senders.map((s) => s.runOnce()));
      clock.advance(1_100);
    }
    for (let i = 0; i < 3; i++) {
      await Promise.all(senders.map((s) => s.runOnce()));
      clock.advance(1_100);
    }
    for (const [i, key] of boards.entries()) {
      const place = `C${i}/${i}.1`;
      const seen = [...(platformA.shown.get(place) ?? []), ...(platformB.shown.get(place) ?? [])];
      const versions = seen.map((s) => s.version).sort((a, b) => a - b);
      // Each version shown once, by one instance or the other.
      expect(new Set(versions).size).toBe(versions.length);
      const last = seen.reduce((a, b) => (b.version > a.version ? b : a));
      expect(last.text).toBe(`${key} v4`);
      const [stored] = await findPostedMessages(database.db, { key, platform: 'slack' });
      expect(stored!.appliedVersion).toBe(last.version);
    }
    expect(platformA.shown.size + platformB.shown.size).toBeGreaterThan(0);
    const rows = await database.db.select().from(outbox);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('an update whose worker died is carried out by another once the lease has passed', async () => {
    await postBoard('risk:c', 'C9', '900.1');
    await enqueueMessageUpdate(database.db, {
      messageKey: 'risk:c',
      view: board('after the deadline'),
      now: clock.now(),
    });
    // An instance claims it and dies before it reaches the platform.
    const claimed = await claimDue(database.db, {
      workerId: 'died',
      now: clock.now(),
      leaseMs: 30_000,
      limit: 10,
    });
    expect(claimed.map((r) => r.key)).toEqual(['update:risk:c']);
    const platform = fakePlatform();
    const survivor = senderOn(platform, 'survivor');
    clock.advance(5_000);
    expect(await survivor.runOnce()).toBe(0);
    expect(platform.shown.size).toBe(0);
    clock.advance(30_000);
    expect(await survivor.runOnce()).toBe(1);
    expect(latest(platform, 'C9/900.1')?.text).toBe('after the deadline');
    expect((await getOutboxRow(database.db, { key: 'update:risk:c' }))?.status).toBe('sent');
  });

  it("a click's board update does not wait behind a round of posts on their way", async () => {
    await postBoard('swot:busy', 'C1', '700.1');
    const platform = fakePlatform();
    let posted = 0;
    // A slow budget: two posts a second, so 12 posts take six seconds.
    const slow: Deliverer = {
      ...platform,
      rate: { perSecond: 2, burst: 1 },
      async deliver({ route }) {
        posted++;
        return { messageId: `${posted}.1`, channelId: route.address };
      },
    };
    const sender = createSender({
      db: database.db,
      clock,
      log,
      deliverers: [slow],
      idlePollMs: 20,
    });
    for (let i = 0; i < 12; i++) {
      await enqueueOutbox(database.db, {
        key: `prompt:${i}`,
        target: { kind: 'channel', platform: 'slack', workspace: 'T1', channelId: `P${i}` },
        view: board('prompt'),
        notBefore: clock.now(),
      });
    }
    sender.start();
    try {
      await expect.poll(() => posted).toBeGreaterThan(0);
      await enqueueMessageUpdate(database.db, {
        messageKey: 'swot:busy',
        view: board('after the click'),
        now: clock.now(),
      });
      const started = Date.now();
      await sender.deliverNow(['swot:busy']);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(latest(platform, 'C1/700.1')?.text).toBe('after the click');
      expect(posted).toBeLessThan(12);
    } finally {
      await sender.stop();
    }
  });

  it('an upgrade records where earlier notices and local boards went (migration 0032)', async () => {
    // As the outbox and the local page left them before posted_messages was the one record.
    await database.db.insert(outbox).values([
      {
        key: 'action-assigned:old',
        platform: 'slack',
        workspace: 'T1',
        channelId: 'D1',
        targetKey: 'slack:T1:D1',
        view: board('old notice'),
        status: 'sent',
        sentPlatform: 'slack',
        sentWorkspace: 'T1',
        sentChannelId: 'D1',
        messageId: '5.1',
      },
      {
        key: 'reflection-prompt:old',
        platform: 'slack',
        workspace: 'T1',
        channelId: 'D2',
        targetKey: 'slack:T1:D2',
        view: board('old prompt'),
        status: 'sent',
        sentPlatform: 'slack',
        sentWorkspace: 'T1',
        sentChannelId: 'D2',
        messageId: '6.1',
      },
    ]);
    const localBoard = await postLocalMessage(database.db, {
      channelId: 'sek',
      personId: null,
      key: 'swot:old',
      view: board('old board'),
      postedAt: clock.now(),
    });
    const migration = readFileSync('store/migrations/0032_posted_messages_backfill.sql', 'utf8');
    for (const statement of migration.split('--> statement-breakpoint')) {
      await database.db.execute(sql.raw(statement));
    }
    const places = await database.db.select().from(postedMessages);
    expect(places.map((p) => [p.key, p.platform, p.channelId, p.messageId]).sort()).toEqual([
      ['action-assigned:old', 'slack', 'D1', '5.1'],
      ['swot:old', 'local', 'sek', localBoard.id],
    ]);
  });

  it('retries an update the platform could not take, and one for a message not out yet waits for it', async () => {
    const platform = fakePlatform();
    let failures = 1;
    const flaky: Deliverer = {
      ...platform,
      async update(delivery) {
        if (failures-- > 0) throw new Error('network down');
        await platform.update(delivery);
      },
    };
    const sender = createSender({
      db: database.db,
      clock,
      log,
      deliverers: [flaky],
      workerId: 'flaky',
      backoffMs: 1,
    });
    await enqueueMessageUpdate(database.db, {
      messageKey: 'action-assigned:d',
      view: board('Klar'),
      now: clock.now(),
    });
    // Not posted anywhere yet (the notice is still in the outbox): nothing to do, row done.
    await sender.runOnce();
    expect(platform.shown.size).toBe(0);
    // The notice goes out (the sender records where), and the waiting update follows it.
    await postBoard('action-assigned:d', 'D1', '1.1');
    await database.db
      .update(outbox)
      .set({ status: 'queued' })
      .where(eq(outbox.key, 'update:action-assigned:d'));
    clock.advance(1_500);
    await sender.runOnce();
    expect(platform.shown.size).toBe(0);
    expect((await getOutboxRow(database.db, { key: 'update:action-assigned:d' }))?.status).toBe(
      'queued',
    );
    clock.advance(5_000);
    await sender.runOnce();
    expect(latest(platform, 'D1/1.1')?.text).toBe('Klar');
  });
});
