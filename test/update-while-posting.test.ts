import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClock } from '../bot/clock.js';
import { createLogger } from '../bot/log.js';
import type { Deliverer, Delivery, UpdateDelivery } from '../bot/outbox/deliverer.js';
import { createSender, type Sender } from '../bot/outbox/sender.js';
import type { DatabaseHandle } from '../store/database.js';
import {
  enqueueMessageUpdate,
  markUpdateDone,
  updateKeyOf,
} from '../store/queries/message-updates.js';
import { claimDue, enqueueOutbox, getOutboxRow, markSentMany } from '../store/queries/outbox.js';
import { listPlacesBehind, rememberPostedMessage } from '../store/queries/posted-messages.js';
import { outbox, postedMessages } from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * A message that may change (a review's card, its answers message, a board) gets `update`
 * rows that are carried out wherever it was posted (posted_messages). An update that came
 * while the message itself was on its way has nowhere to go yet; it must still reach the
 * message once it lands, whatever the order in which the post and the update finish.
 */

let database: DatabaseHandle;
const clock = createClock(new Date('2026-12-01T09:00:00Z'));
const log = createLogger('error', () => {});
const CARD = 'review:r1:card';
const LEASE = 30_000;

const view = (text: string) => ({ summary: text, blocks: [{ type: 'text', text }] });

/** A platform whose posts and updates can each be held at the door until released. */
function gatedPlatform() {
  const shown = new Map<string, string[]>();
  const gates = { deliver: null as Promise<void> | null, update: null as Promise<void> | null };
  const waiting = { deliver: 0, update: 0 };
  const hold = (what: 'deliver' | 'update') => {
    let release = () => {};
    gates[what] = new Promise((resolve) => {
      release = resolve;
    });
    return () => {
      gates[what] = null;
      release();
    };
  };
  const pass = async (what: 'deliver' | 'update') => {
    waiting[what] += 1;
    await gates[what];
    waiting[what] -= 1;
  };
  const show = (place: string, text: string) =>
    shown.set(place, [...(shown.get(place) ?? []), text]);
  const platform: Deliverer = {
    platform: 'slack',
    rate: { perSecond: 10_000, burst: 10_000 },
    bucketOf: (route) => `fake:${route.workspace}`,
    async deliver({ route, view: posted }: Delivery) {
      await pass('deliver');
      const messageId = `${route.address}.1`;
      show(`${route.address}/${messageId}`, posted.summary);
      return { messageId, channelId: route.address };
    },
    async findAlreadySent() {
      return null;
    },
    async update({ route, messageId, view: shownView }: UpdateDelivery) {
      await pass('update');
      show(`${route.address}/${messageId}`, shownView.summary);
    },
  };
  return { platform, shown, hold, waiting };
}

function senderOn(platform: Deliverer, workerId: string): Sender {
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

const statusOf = async (key: string) => (await getOutboxRow(database.db, { key }))?.status;

async function enqueueCard(text: string, notBefore = clock.now()) {
  await enqueueOutbox(database.db, {
    key: CARD,
    target: { kind: 'channel', platform: 'slack', workspace: 'T1', channelId: 'C1' },
    view: view(text),
    notBefore,
    updatable: true,
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());
beforeEach(async () => {
  await database.db.delete(outbox);
  await database.db.delete(postedMessages);
  clock.advance(10_000);
});

describe('an update that comes while its message is being posted', () => {
  it('is carried out with no place, the post lands, and the update is queued for it', async () => {
    const db = database.db;
    const now = clock.now();
    await enqueueCard('card, no feedback', now);
    const [post] = await claimDue(db, { workerId: 'poster', now, leaseMs: LEASE, limit: 10 });
    expect(post?.key).toBe(CARD);
    // Feedback comes while the card is on its way: an update with nowhere to go yet.
    const version = await enqueueMessageUpdate(db, {
      messageKey: CARD,
      view: view('card, 1 feedback'),
      now,
    });
    const [update] = await claimDue(db, { workerId: 'updater', now, leaseMs: LEASE, limit: 10 });
    expect(update?.key).toBe(updateKeyOf(CARD));
    const seen = await listPlacesBehind(db, { key: CARD, version });
    expect(seen).toEqual([]);
    // The card lands while the update is still being carried out...
    await markSentMany(db, {
      workerId: 'poster',
      now,
      rows: [
        {
          id: post!.id,
          platform: 'slack',
          workspace: 'T1',
          channelId: 'C1',
          messageId: 'C1.1',
        },
      ],
    });
    // ...so when the update finishes, the place it never saw must still get its view.
    await markUpdateDone(db, { id: update!.id, workerId: 'updater', version, now, seen });
    expect(await statusOf(updateKeyOf(CARD))).toBe('queued');
    const { platform, shown } = gatedPlatform();
    clock.advance(1_500);
    await senderOn(platform, 'next').runOnce();
    expect(shown.get('C1/C1.1')).toEqual(['card, 1 feedback']);
    expect(await statusOf(updateKeyOf(CARD))).toBe('sent');
  });

  it('finishes before the post lands: the landing queues it again', async () => {
    const db = database.db;
    const now = clock.now();
    await enqueueCard('card, no feedback', now);
    const [post] = await claimDue(db, { workerId: 'poster', now, leaseMs: LEASE, limit: 10 });
    expect(post?.key).toBe(CARD);
    const version = await enqueueMessageUpdate(db, { messageKey: CARD, view: view('v1'), now });
    const [update] = await claimDue(db, { workerId: 'updater', now, leaseMs: LEASE, limit: 10 });
    const seen = await listPlacesBehind(db, { key: CARD, version });
    await markUpdateDone(db, { id: update!.id, workerId: 'updater', version, now, seen });
    expect(await statusOf(updateKeyOf(CARD))).toBe('sent');
    await markSentMany(db, {
      workerId: 'poster',
      now,
      rows: [
        { id: post!.id, platform: 'slack', workspace: 'T1', channelId: 'C1', messageId: 'C1.1' },
      ],
    });
    expect(await statusOf(updateKeyOf(CARD))).toBe('queued');
  });

  it('a board a channel posted in reply: an update done before its place was recorded follows it', async () => {
    const db = database.db;
    const now = clock.now();
    const BOARD = 'swot:d1';
    // The board was posted in answer to a command; before its place is recorded, a click
    // changes it, and that update is carried out with no place to go.
    const version = await enqueueMessageUpdate(db, { messageKey: BOARD, view: view('b2'), now });
    const [update] = await claimDue(db, { workerId: 'updater', now, leaseMs: LEASE, limit: 10 });
    const seen = await listPlacesBehind(db, { key: BOARD, version });
    await markUpdateDone(db, { id: update!.id, workerId: 'updater', version, now, seen });
    expect(await statusOf(updateKeyOf(BOARD))).toBe('sent');
    await rememberPostedMessage(db, {
      key: BOARD,
      platform: 'slack',
      workspace: 'T1',
      channelId: 'C7',
      messageId: '7.1',
    });
    expect(await statusOf(updateKeyOf(BOARD))).toBe('queued');
    const { platform, shown } = gatedPlatform();
    clock.advance(1_500);
    await senderOn(platform, 'next').runOnce();
    expect(shown.get('C7/7.1')).toEqual(['b2']);
  });

  it('two real senders: the card lands while the update is at the platform elsewhere', async () => {
    const db = database.db;
    // The message already shows in one place (C0); its post to C1 is on its way.
    await rememberPostedMessage(db, {
      key: CARD,
      platform: 'slack',
      workspace: 'T1',
      channelId: 'C0',
      messageId: 'C0.1',
    });
    await enqueueCard('v0');
    const posting = gatedPlatform();
    const releasePost = posting.hold('deliver');
    const poster = senderOn(posting.platform, 'poster');
    const posted = poster.runOnce();
    await expect.poll(() => posting.waiting.deliver).toBe(1);
    expect(await statusOf(CARD)).toBe('sending');

    await enqueueMessageUpdate(db, { messageKey: CARD, view: view('v1'), now: clock.now() });
    const updating = gatedPlatform();
    const releaseUpdate = updating.hold('update');
    const updater = senderOn(updating.platform, 'updater');
    const updated = updater.runOnce();
    // The update listed its places (only C0) and is at the platform with it.
    await expect.poll(() => updating.waiting.update).toBe(1);

    releasePost();
    await posted;
    expect(posting.shown.get('C1/C1.1')).toEqual(['v0']);
    releaseUpdate();
    await updated;
    expect(updating.shown.get('C0/C0.1')).toEqual(['v1']);
    // C1 landed after the update listed its places: the row goes again, for C1.
    expect(await statusOf(updateKeyOf(CARD))).toBe('queued');
    clock.advance(1_500);
    await updater.runOnce();
    expect(updating.shown.get('C1/C1.1')).toEqual(['v1']);
    expect(updating.shown.get('C0/C0.1')).toEqual(['v1']);
    expect(await statusOf(updateKeyOf(CARD))).toBe('sent');
  });
});
