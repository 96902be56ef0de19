import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWeeklyDigests } from '../dialogues/follow-up/digest.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import { outbox } from '../store/schema/index.js';
import { createFollowUpOrg, newAction } from './support/follow-up-fixtures.js';
import { addPerson } from './support/reflection-org.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
let db: Database;
beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle?.close());

const CREATED = new Date('2026-11-01T10:00:00Z');
// Monday 16 November 2026, 08:00 in Stockholm (UTC+1).
const MONDAY_0800 = new Date('2026-11-16T07:00:00Z');
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

async function digestsFor(unitId: string) {
  const rows = await db
    .select()
    .from(outbox)
    .where(like(outbox.key, `action-digest:${unitId}:%`));
  return rows.sort((a, b) => a.key.localeCompare(b.key));
}

describe('the weekly digest', () => {
  it("sends each manager one message on Monday at 08:00 with the unit's overdue and this week's actions, once", async () => {
    const org = await createFollowUpOrg(db, 'dig1');
    const second = await addPerson(db, org.unit, 'dig1-chef2', 'manager');
    const owner = org.members[0]!;
    const make = (due: string, text: string) =>
      newAction(db, { unit: org.unit, owner, by: org.manager, due, createdAt: CREATED, text });
    await make('2026-11-10', 'Försenad sedan förra veckan');
    await make('2026-11-19', 'Klar på torsdag');
    await make('2026-11-25', 'Nästa vecka');

    await sendWeeklyDigests(db, { now: minutes(MONDAY_0800, -1) });
    expect(await digestsFor(org.unit.id)).toEqual([]);
    await sendWeeklyDigests(db, { now: MONDAY_0800 });
    await Promise.all([
      sendWeeklyDigests(db, { now: minutes(MONDAY_0800, 1) }),
      sendWeeklyDigests(db, { now: minutes(MONDAY_0800, 1) }),
    ]);
    await sendWeeklyDigests(db, { now: minutes(MONDAY_0800, 600) });
    const rows = await digestsFor(org.unit.id);
    expect(rows.map((r) => r.personId).sort()).toEqual([org.manager.id, second.id].sort());
    expect(rows.map((r) => r.key)).toContain(
      `action-digest:${org.unit.id}:2026-11-16:${org.manager.id}`,
    );
    const text = JSON.stringify(rows[0]!.view);
    expect(text).toContain(sv.followUp.digest.title({ unit: org.unit.name }));
    expect(text).toContain(sv.followUp.digest.overdueHeading({ count: 1 }));
    expect(text).toContain('Försenad sedan förra veckan');
    expect(text).toContain(sv.followUp.digest.dueHeading({ count: 1 }));
    expect(text).toContain('Klar på torsdag');
    expect(text).not.toContain('Nästa vecka');
    expect(text).toContain('follow-up.show-unit');

    // The next Monday: a new digest.
    await sendWeeklyDigests(db, { now: new Date('2026-11-23T07:00:00Z') });
    expect(await digestsFor(org.unit.id)).toHaveLength(4);
  });

  it('is skipped when the unit has nothing overdue or due, and stays skipped that week', async () => {
    const org = await createFollowUpOrg(db, 'dig2');
    await newAction(db, {
      unit: org.unit,
      owner: org.members[0]!,
      by: org.manager,
      due: '2026-12-10',
      createdAt: CREATED,
    });
    await sendWeeklyDigests(db, { now: MONDAY_0800 });
    expect(await digestsFor(org.unit.id)).toEqual([]);
    // An action added later that Monday does not turn the skipped digest into a late one.
    await newAction(db, {
      unit: org.unit,
      owner: org.members[0]!,
      by: org.manager,
      due: '2026-11-18',
      createdAt: minutes(MONDAY_0800, 60),
    });
    await sendWeeklyDigests(db, { now: minutes(MONDAY_0800, 120) });
    expect(await digestsFor(org.unit.id)).toEqual([]);
  });

  it('waits for Tuesday after Easter Monday, at 08:00 summer time', async () => {
    const org = await createFollowUpOrg(db, 'dig3');
    await newAction(db, {
      unit: org.unit,
      owner: org.members[0]!,
      by: org.manager,
      due: '2026-04-08',
      createdAt: new Date('2026-03-20T10:00:00Z'),
    });
    await sendWeeklyDigests(db, { now: new Date('2026-04-06T06:00:00Z') });
    await sendWeeklyDigests(db, { now: new Date('2026-04-07T05:59:00Z') });
    expect(await digestsFor(org.unit.id)).toEqual([]);
    await sendWeeklyDigests(db, { now: new Date('2026-04-07T06:00:00Z') });
    expect((await digestsFor(org.unit.id)).map((r) => r.key)).toEqual([
      `action-digest:${org.unit.id}:2026-04-06:${org.manager.id}`,
    ]);
  });
});
