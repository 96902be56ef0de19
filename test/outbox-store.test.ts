import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createSlackPeople,
  enqueuePrompts,
  type SlackPerson,
} from '../scripts/bench/support/outbox-fixtures.js';
import type { DatabaseHandle } from '../store/database.js';
import {
  claimDue,
  countOutboxByStatus,
  enqueueOutbox,
  getOutboxRow,
  markSentMany,
} from '../store/queries/outbox.js';
import { pauseBucket, pauseLeftMs, reserveSlots } from '../store/queries/rate-buckets.js';
import { outbox, rateBuckets } from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
let person: SlackPerson;
const view = (summary: string) => ({ summary, blocks: [{ type: 'text', text: summary }] });

beforeAll(async () => {
  handle = await openTestDatabase();
  person = (await createSlackPeople(handle.db, 1))[0]!;
});
afterAll(async () => handle?.close());
beforeEach(async () => {
  await handle.db.delete(outbox);
  await handle.db.delete(rateBuckets);
});

describe('outbox rows', () => {
  it('creates one row per key however often it is enqueued; the first message stands', async () => {
    const message = {
      key: 'reflection-prompt:r1:p1',
      target: { kind: 'person', personId: person.personId } as const,
      notBefore: new Date(),
      view: view('first'),
    };
    expect(await enqueueOutbox(handle.db, message)).toBe(true);
    expect(await enqueueOutbox(handle.db, { ...message, view: view('second') })).toBe(false);
    await Promise.all([enqueueOutbox(handle.db, message), enqueueOutbox(handle.db, message)]);
    expect(await countOutboxByStatus(handle.db)).toEqual({
      queued: 1,
      sending: 0,
      sent: 0,
      failed: 0,
    });
    const row = await getOutboxRow(handle.db, { key: message.key });
    expect(row).toMatchObject({ view: view('first'), targetKey: `person:${person.personId}` });
  });

  it('is written with the change that caused it, or not at all', async () => {
    const failing = handle.db.transaction(async (tx) => {
      await enqueueOutbox(tx, {
        key: 'nudge:a1',
        target: { kind: 'channel', platform: 'slack', workspace: 'T0TEST', channelId: 'C1' },
        notBefore: new Date(),
        view: view('nudge'),
      });
      throw new Error('the change failed');
    });
    await expect(failing).rejects.toThrow('the change failed');
    expect(await getOutboxRow(handle.db, { key: 'nudge:a1' })).toBeNull();
  });

  it('lets concurrent claims share the due rows without overlap, and not before their time', async () => {
    const people = await createSlackPeople(handle.db, 300);
    await enqueuePrompts(handle.db, 'c1', people);
    await enqueueOutbox(handle.db, {
      key: 'later',
      target: { kind: 'person', personId: person.personId },
      view: view('later'),
      notBefore: new Date(Date.now() + 3_600_000),
    });
    const now = new Date();
    const claims = await Promise.all(
      ['a', 'b', 'c', 'd'].map((workerId) =>
        claimDue(handle.db, { workerId, now, leaseMs: 60_000, limit: 100 }),
      ),
    );
    const ids = claims.flat().map((r) => r.id);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(
      claims.flat().every((r) => r.status === 'sending' && r.attempts === 1 && !r.inDoubt),
    ).toBe(true);
    expect(await claimDue(handle.db, { workerId: 'e', now, leaseMs: 60_000, limit: 100 })).toEqual(
      [],
    );

    // A lease that ran out: the row comes back, marked in doubt.
    const afterLease = new Date(now.getTime() + 61_000);
    const reclaimed = await claimDue(handle.db, {
      workerId: 'e',
      now: afterLease,
      leaseMs: 60_000,
      limit: 500,
    });
    expect(reclaimed).toHaveLength(300);
    expect(reclaimed.every((r) => r.inDoubt && r.attempts === 2 && r.leaseOwner === 'e')).toBe(
      true,
    );
  });
});

describe('lists in one parameter', () => {
  it('claims only the keys asked for, whatever they hold, and none excluded', async () => {
    const people = await createSlackPeople(handle.db, 4);
    // Keys with commas, quotes and backslashes, as JSON and CSV would trip on.
    const keys = ['a,b', 'say "hej"', 'back\\slash', 'plain'];
    for (const [i, key] of keys.entries()) {
      await enqueueOutbox(handle.db, {
        key,
        target: { kind: 'person', personId: people[i]!.personId },
        notBefore: new Date(),
        view: view(key),
      });
    }
    const now = new Date();
    const claim = (params: { keys?: string[]; excludeIds?: string[] }) =>
      claimDue(handle.db, { workerId: 'w', now, leaseMs: 60_000, limit: 10, ...params });
    const asked = await claim({ keys: ['a,b', 'say "hej"', 'back\\slash', 'missing'] });
    expect(asked.map((r) => r.key).sort()).toEqual(['a,b', 'back\\slash', 'say "hej"']);

    // Their leases run out; the worker still holds two of them, which stay with it.
    const later = new Date(now.getTime() + 61_000);
    const held = asked.slice(0, 2).map((r) => r.id);
    const rest = await claimDue(handle.db, {
      workerId: 'w',
      now: later,
      leaseMs: 60_000,
      limit: 10,
      excludeIds: held,
    });
    expect(rest.map((r) => r.id).sort()).toEqual(
      [asked[2]!.id, (await getOutboxRow(handle.db, { key: 'plain' }))!.id].sort(),
    );

    // Marked sent together, each with its own place, text kept as given.
    const places = rest.map((r, i) => ({
      id: r.id,
      platform: 'slack' as const,
      workspace: 'T,1',
      channelId: `D"${i}`,
      messageId: `17000.${i}\\`,
    }));
    // Another worker's claim does not mark them.
    expect(await markSentMany(handle.db, { workerId: 'other', now: later, rows: places })).toEqual(
      new Set(),
    );
    const sent = await markSentMany(handle.db, { workerId: 'w', now: later, rows: places });
    expect(sent).toEqual(new Set(rest.map((r) => r.id)));
    const stored = await getOutboxRow(handle.db, { key: rest[0]!.key });
    expect(stored).toMatchObject({
      status: 'sent',
      sentWorkspace: 'T,1',
      sentChannelId: expect.stringMatching(/^D"\d$/),
      messageId: expect.stringMatching(/^17000\.\d\\$/),
    });
  });
});

describe('shared rate budgets', () => {
  it('hands out slots back to back to concurrent reservations, never two the same', async () => {
    const rate = { perSecond: 10, burst: 0 };
    const reserved = await Promise.all(
      Array.from({ length: 4 }, () =>
        reserveSlots(handle.db, { key: 'slack:T1', count: 5, ...rate }),
      ),
    );
    // Four reservations of 500 ms each, back to back on the database's clock. Compare the
    // absolute start times: the statements may take the bucket's lock in another order than
    // they started, so the offsets from each statement's own time differ by a little more or
    // less than 500 ms, but the slots themselves never overlap and leave no gap.
    const starts = reserved.map((r) => r.atMs + r.startsInMs).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i]! - starts[i - 1]!).toBeCloseTo(500, 1);
    }
  });

  it('allows the burst after a quiet spell, and no more', async () => {
    const rate = { perSecond: 20, burst: 10 };
    await reserveSlots(handle.db, { key: 'slack:T3', count: 1, ...rate });
    await new Promise((resolve) => setTimeout(resolve, 700));
    // The burst (10 slots = 500 ms) may start in the past, so all ten are usable now; the
    // ten after them come at the rate from now on, and the next ten after those.
    // Compared on the database's clock (atMs), so statements up to half a second apart (the
    // burst's length) give the same answer.
    const reserve = () => reserveSlots(handle.db, { key: 'slack:T3', count: 10, ...rate });
    const burst = await reserve();
    expect(burst.startsInMs).toBe(0);
    const next = await reserve();
    expect(next.startsInMs).toBe(0);
    const after = await reserve();
    expect(after.atMs + after.startsInMs - burst.atMs).toBeCloseTo(500, 0);
  });

  it('pauses a budget for everyone until the pause ends', async () => {
    const rate = { perSecond: 1_000, burst: 10 };
    // Two seconds: the checks below leave a second for a busy machine between statements.
    await pauseBucket(handle.db, { key: 'slack:T2', milliseconds: 2_000 });
    expect(await pauseLeftMs(handle.db, { key: 'slack:T2' })).toBeGreaterThan(1_000);
    const paused = await reserveSlots(handle.db, { key: 'slack:T2', count: 1, ...rate });
    expect(paused.startsInMs).toBeGreaterThan(1_000);
    expect(paused.startsInMs).toBeLessThanOrEqual(2_000);
    // A shorter pause does not cut a longer one short.
    await pauseBucket(handle.db, { key: 'slack:T2', milliseconds: 10 });
    expect(
      (await reserveSlots(handle.db, { key: 'slack:T2', count: 1, ...rate })).startsInMs,
    ).toBeGreaterThan(800);
    await new Promise((resolve) => setTimeout(resolve, paused.startsInMs + 50));
    expect(await pauseLeftMs(handle.db, { key: 'slack:T2' })).toBe(0);
    expect(
      (await reserveSlots(handle.db, { key: 'slack:T2', count: 1, ...rate })).startsInMs,
    ).toBeLessThan(20);
  });
});
