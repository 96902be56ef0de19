import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../dialogues/calendar/swedish-holidays.js';
import { defaultNudgePolicy } from '../dialogues/follow-up/follow-up-time.js';
import { escalationAt, ownerStages } from '../dialogues/follow-up/nudge-plan.js';
import { sendDueNudges } from '../dialogues/follow-up/nudges.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import { actions } from '../store/schema/index.js';
import { createFollowUpOrg, newAction, outboxRowsAbout } from './support/follow-up-fixtures.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
let db: Database;
beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle?.close());

const CREATED = new Date('2026-11-01T10:00:00Z');
/** Ticks at a few moments of each day from `from` for `days` days; returns keys first seen per day. */
async function tickDays(
  actionId: string,
  from: string,
  days: number,
  policy = defaultNudgePolicy,
): Promise<Record<string, string[]>> {
  const seen = new Set((await outboxRowsAbout(db, actionId)).map((r) => r.key));
  const firstSeen: Record<string, string[]> = {};
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    for (const time of ['05:59', '07:00', '22:30']) {
      await sendDueNudges(db, { now: new Date(`${day}T${time}:00Z`), policy });
    }
    for (const row of await outboxRowsAbout(db, actionId)) {
      if (seen.has(row.key)) continue;
      seen.add(row.key);
      firstSeen[day] = [...(firstSeen[day] ?? []), row.key];
    }
  }
  return firstSeen;
}

describe('the nudge plan', () => {
  it('puts every nudge at 08:00 in the unit zone on a working day', () => {
    const tz = 'Europe/Stockholm';
    const stages = ownerStages('2026-11-11', tz, defaultNudgePolicy);
    expect(stages.map((s) => s.at.toISOString())).toEqual([
      '2026-11-11T07:00:00.000Z', // Wednesday
      '2026-11-16T07:00:00.000Z', // +3 is a Saturday → Monday
      '2026-11-23T07:00:00.000Z', // +10 is a Saturday → Monday
    ]);
    // Midsummer Eve (Friday) → Monday, at 08:00 summer time.
    expect(ownerStages('2026-06-19', tz, defaultNudgePolicy)[0]!.at.toISOString()).toBe(
      '2026-06-22T06:00:00.000Z',
    );
    // Christmas Eve → past Christmas Day, Boxing Day and the weekend.
    expect(ownerStages('2026-12-24', tz, defaultNudgePolicy)[0]!.at.toISOString()).toBe(
      '2026-12-28T07:00:00.000Z',
    );
    // More than 10 days overdue: day 11, a Saturday → Monday.
    expect(escalationAt('2026-11-10', tz, defaultNudgePolicy).toISOString()).toBe(
      '2026-11-23T07:00:00.000Z',
    );
  });
});

describe('nudging the owner and the manager', () => {
  it('nudges on the due day once, at 3 and 10 days overdue, escalates after 10, then stops', async () => {
    const org = await createFollowUpOrg(db, 'nudge1');
    const owner = org.members[0]!;
    const action = await newAction(db, {
      unit: org.unit,
      owner,
      by: org.manager,
      due: '2026-11-10',
      createdAt: CREATED,
    });
    const firstSeen = await tickDays(action.id, '2026-11-08', 40);
    const id = action.id;
    expect(firstSeen).toEqual({
      '2026-11-10': [`action-due:${id}:0`],
      '2026-11-13': [`action-overdue:${id}:0:1`],
      '2026-11-20': [`action-overdue:${id}:0:2`],
      // Day 11 is a Saturday: the manager hears of it on Monday.
      '2026-11-23': [`action-escalate:${id}:0:${org.manager.id}`],
    });
    const rows = await outboxRowsAbout(db, id);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.key.startsWith('action-escalate')).map((r) => r.personId)).toEqual([
      org.manager.id,
    ]);
    expect(
      rows
        .filter((r) => !r.key.startsWith('action-escalate'))
        .every((r) => r.personId === owner.id),
    ).toBe(true);
    const [stored] = await db.select().from(actions).where(eq(actions.id, id));
    expect(stored!.nudgeCount).toBe(4);
    // The nudge says how late, and carries done / new due date / drop.
    const late = JSON.stringify(rows.find((r) => r.key.endsWith(':0:1'))!.view);
    expect(late).toContain('för 3 dagar sedan');
    for (const button of ['follow-up.done', 'follow-up.reschedule', 'follow-up.drop']) {
      expect(late).toContain(button);
    }
  });

  it('never nudges on a weekend or a holiday: the nudge waits for the next working morning', async () => {
    const org = await createFollowUpOrg(db, 'nudge2');
    const saturday = await newAction(db, {
      unit: org.unit,
      owner: org.members[0]!,
      by: org.manager,
      due: '2026-11-14',
      createdAt: CREATED,
    });
    const ascension = await newAction(db, {
      unit: org.unit,
      owner: org.members[1]!,
      by: org.manager,
      due: '2026-05-14',
      createdAt: new Date('2026-05-01T10:00:00Z'),
    });
    const christmas = await newAction(db, {
      unit: org.unit,
      owner: org.members[1]!,
      by: org.manager,
      due: '2026-12-24',
      createdAt: CREATED,
    });
    // Ascension Day (Thursday): the due-day nudge comes Friday, the 3-day one (Sunday) Monday.
    const byAscension = await tickDays(ascension.id, '2026-05-13', 6);
    expect(byAscension).toEqual({
      '2026-05-15': [`action-due:${ascension.id}:0`],
      '2026-05-18': [`action-overdue:${ascension.id}:0:1`],
    });
    const bySaturday = await tickDays(saturday.id, '2026-11-13', 4);
    expect(bySaturday).toEqual({ '2026-11-16': [`action-due:${saturday.id}:0`] });
    // Christmas: the due-day and 3-day nudges both fall on Monday the 28th; one message goes.
    const byChristmas = await tickDays(christmas.id, '2026-12-23', 6);
    expect(byChristmas).toEqual({ '2026-12-28': [`action-overdue:${christmas.id}:0:1`] });
    const [row] = await outboxRowsAbout(db, christmas.id);
    expect(JSON.stringify(row!.view)).toContain('för 4 dagar sedan');
  });

  it("sends a manager's own overdue action to the manager above", async () => {
    const org = await createFollowUpOrg(db, 'nudge3');
    const action = await newAction(db, {
      unit: org.unit,
      owner: org.manager,
      by: org.manager,
      due: '2026-11-10',
      createdAt: CREATED,
    });
    await sendDueNudges(db, { now: new Date('2026-11-23T07:00:00Z') });
    const rows = await outboxRowsAbout(db, action.id);
    // After downtime only the latest owner stage goes out, not the ones missed.
    expect(rows.map((r) => r.key)).toEqual([
      `action-escalate:${action.id}:0:${org.head.id}`,
      `action-overdue:${action.id}:0:2`,
    ]);
    expect(rows[0]!.personId).toBe(org.head.id);
  });

  it('enqueues each nudge once with instances ticking at the same moment', async () => {
    const org = await createFollowUpOrg(db, 'nudge4');
    const made = await Promise.all(
      [0, 1, 2].map((i) =>
        newAction(db, {
          unit: org.unit,
          owner: org.members[i % 2]!,
          by: org.manager,
          due: '2026-11-10',
          createdAt: CREATED,
          text: `Parallell ${i}`,
        }),
      ),
    );
    const now = new Date('2026-11-10T07:00:00Z');
    await Promise.all([0, 1, 2, 3].map(() => sendDueNudges(db, { now })));
    for (const action of made) {
      expect((await outboxRowsAbout(db, action.id)).map((r) => r.key)).toEqual([
        `action-due:${action.id}:0`,
      ]);
      const [stored] = await db.select().from(actions).where(eq(actions.id, action.id));
      expect(stored!.nudgeCount).toBe(1);
    }
  });

  it('keeps to the cap on nudges per action, whatever else is due', async () => {
    const org = await createFollowUpOrg(db, 'nudge5');
    const action = await newAction(db, {
      unit: org.unit,
      owner: org.members[0]!,
      by: org.manager,
      due: '2026-11-10',
      createdAt: CREATED,
    });
    const policy = { ...defaultNudgePolicy, maxNudgesPerAction: 2 };
    const firstSeen = await tickDays(action.id, '2026-11-09', 30, policy);
    expect(Object.values(firstSeen).flat()).toEqual([
      `action-due:${action.id}:0`,
      `action-overdue:${action.id}:0:1`,
    ]);
  });

  it('skips the due-day nudge for an action decided after that morning, and nudges nothing done', async () => {
    const org = await createFollowUpOrg(db, 'nudge6');
    const late = await newAction(db, {
      unit: org.unit,
      owner: org.members[0]!,
      by: org.manager,
      due: '2026-11-10',
      createdAt: new Date('2026-11-10T09:00:00Z'),
    });
    const finished = await newAction(db, {
      unit: org.unit,
      owner: org.members[1]!,
      by: org.manager,
      due: '2026-11-10',
      createdAt: CREATED,
    });
    await db.update(actions).set({ status: 'done' }).where(eq(actions.id, finished.id));
    const firstSeen = await tickDays(late.id, '2026-11-10', 4);
    expect(firstSeen).toEqual({ '2026-11-13': [`action-overdue:${late.id}:0:1`] });
    expect(await tickDays(finished.id, '2026-11-10', 15)).toEqual({});
  });
});
