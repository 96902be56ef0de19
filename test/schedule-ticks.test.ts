import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../bot/clock.js';
import { createLogger } from '../bot/log.js';
import { createScheduler } from '../bot/scheduler/scheduler.js';
import type { Settings } from '../dialogues/core/context.js';
import { latestOccurrence } from '../dialogues/schedule/next-occurrence.js';
import type { Tick } from '../dialogues/schedule/tick.js';
import { createSlackPeople } from '../scripts/bench/support/outbox-fixtures.js';
import type { DatabaseHandle } from '../store/database.js';
import { countOutboxByStatus, enqueueOutboxMany } from '../store/queries/outbox.js';
import { listMembers, setRole } from '../store/queries/people.js';
import {
  getReflectionSchedule,
  saveReflectionSchedule,
} from '../store/queries/reflection-schedules.js';
import { createUnit } from '../store/queries/units.js';
import { outbox } from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

const settings: Settings = {
  defaultLang: 'sv',
  defaultTimezone: 'Europe/Stockholm',
  anonymityThreshold: 5,
  publicUrl: null,
};
const logLines: string[] = [];
const log = createLogger('debug', (line) => logLines.push(line));

let handle: DatabaseHandle;
let unitId: string;

/**
 * A tick shaped like the reflection round that a later feature registers: the latest
 * occurrence of the unit's weekly time, if it came within the last hour, one prompt per member
 * keyed by the occurrence.
 */
const weeklyPrompts: Tick = {
  name: 'test-weekly-prompts',
  async run({ db, now, settings }) {
    const schedule = await getReflectionSchedule(db, { unitId });
    if (!schedule || schedule.paused) return;
    const occurrence = latestOccurrence(
      { weekday: schedule.weekday, time: schedule.time, timeZone: settings.defaultTimezone },
      now,
    );
    if (now.getTime() - occurrence.getTime() > 3_600_000) return;
    const members = await listMembers(db, { unitId });
    await db.transaction((tx) =>
      enqueueOutboxMany(
        tx,
        members.map((m) => ({
          key: `test-prompt:${unitId}:${occurrence.toISOString()}:${m.personId}`,
          target: { kind: 'person', personId: m.personId },
          notBefore: now,
          view: { summary: 'Veckans reflektion', blocks: [] },
        })),
      ),
    );
  },
};

const queued = async () => (await countOutboxByStatus(handle.db)).queued;

beforeAll(async () => {
  handle = await openTestDatabase();
  const unit = await createUnit(handle.db, {
    key: 'ifo-barn',
    name: 'Barn och unga',
    level: 'unit',
    parentId: null,
  });
  unitId = unit.id;
  for (const person of await createSlackPeople(handle.db, 3)) {
    await setRole(handle.db, { personId: person.personId, unitId, role: 'member' });
  }
  await saveReflectionSchedule(handle.db, { unitId, weekday: 4, time: '14:00' });
});
afterAll(async () => handle?.close());

/** These ticks post and update nothing in place. */
const refresh = async () => {};

describe('scheduler ticks', () => {
  it('enqueues once however often and on however many instances the tick runs', async () => {
    await handle.db.delete(outbox);
    // Thursday 2026-03-26 14:00:30 in Stockholm (winter time).
    const clock = createClock(new Date('2026-03-26T13:00:30Z'));
    const instance = () =>
      createScheduler({ db: handle.db, clock, settings, log, refresh, ticks: [weeklyPrompts] });
    const [first, second] = [instance(), instance()];

    await first.runOnce();
    await first.runOnce();
    await Promise.all([first.runOnce(), second.runOnce(), second.runOnce()]);
    expect(await queued()).toBe(3);

    clock.advance(60_000);
    await Promise.all([first.runOnce(), second.runOnce()]);
    expect(await queued()).toBe(3);

    // A week later by the wall clock, after the spring change: 7 days less an hour in UTC.
    clock.advance((7 * 24 - 1) * 3_600_000 - 60_000);
    expect(clock.now().toISOString().slice(0, 16)).toBe('2026-04-02T12:00');
    await Promise.all([first.runOnce(), second.runOnce()]);
    expect(await queued()).toBe(6);
  });

  it('runs again at the new time when asked while a run at an earlier time goes on', async () => {
    const seen: string[] = [];
    let release = () => {};
    const slow: Tick = {
      name: 'slow',
      run: async ({ now }) => {
        seen.push(now.toISOString());
        if (seen.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
    };
    const clock = createClock(new Date('2026-11-19T13:29:00Z'));
    const scheduler = createScheduler({
      db: handle.db,
      clock,
      settings,
      log,
      refresh,
      ticks: [slow],
    });
    const first = scheduler.runOnce();
    // Time travel while the first run is under way: two callers, one more run, at the new time.
    clock.advance(3_600_000);
    const [second, third] = [scheduler.runOnce(), scheduler.runOnce()];
    release();
    await Promise.all([first, second, third]);
    expect(seen.map((iso) => iso.slice(0, 16))).toEqual(['2026-11-19T13:29', '2026-11-19T14:29']);
  });

  it('does nothing before the time and catches up when the bot was down at the time', async () => {
    await handle.db.delete(outbox);
    const clock = createClock(new Date('2026-10-22T11:59:00Z')); // 13:59 summer time
    const scheduler = createScheduler({
      db: handle.db,
      clock,
      settings,
      log,
      refresh,
      ticks: [weeklyPrompts],
    });
    await scheduler.runOnce();
    expect(await queued()).toBe(0);
    clock.advance(25 * 60_000); // down from 14:00 to 14:24
    await scheduler.runOnce();
    expect(await queued()).toBe(3);
  });

  it('keeps running the other ticks when one throws, and fires by node-cron until stopped', async () => {
    let runs = 0;
    const counting: Tick = { name: 'counting', run: async () => void runs++ };
    const broken: Tick = {
      name: 'broken',
      run: async () => {
        throw new Error('boom');
      },
    };
    const scheduler = createScheduler({
      db: handle.db,
      clock: createClock(),
      settings,
      log,
      refresh,
      ticks: [broken, counting],
      every: '* * * * * *',
    });
    scheduler.start();
    const until = Date.now() + 5_000;
    while (runs < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    await scheduler.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    const after = runs;
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(runs).toBe(after);
    expect(logLines.some((l) => l.includes('tick failed') && l.includes('"tick":"broken"'))).toBe(
      true,
    );
  });
});
