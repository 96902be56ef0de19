import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../dialogues/core/outcome.js';
import {
  latestOccurrenceBy,
  nextOccurrenceAfter,
} from '../dialogues/follow-up/self-check-schedule.js';
import { askDueSelfChecks, createSelfCheck } from '../dialogues/follow-up/self-checks.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import { outbox, risks, selfCheckOccurrences } from '../store/schema/index.js';
import { createFollowUpOrg } from './support/follow-up-fixtures.js';
import { send } from './support/reflection-org.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
let db: Database;
beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle?.close());

const summaryOf = (replies: Reply[]) => {
  const reply = replies[0];
  if (reply?.kind !== 'private') throw new Error(JSON.stringify(replies));
  return reply.view.summary;
};

describe('self-check occurrences', () => {
  it('fall by cadence from the start, a monthly one on the 31st staying at month-end', () => {
    expect(latestOccurrenceBy('2026-01-31', 'monthly', '2026-03-30')).toBe('2026-02-28');
    expect(latestOccurrenceBy('2026-01-31', 'monthly', '2026-03-31')).toBe('2026-03-31');
    expect(nextOccurrenceAfter('2026-01-31', 'monthly', '2026-03-31')).toBe('2026-04-30');
    expect(latestOccurrenceBy('2026-01-05', 'weekly', '2026-01-04')).toBeNull();
    expect(latestOccurrenceBy('2026-01-05', 'weekly', '2027-01-03')).toBe('2026-12-28');
    expect(nextOccurrenceAfter('2026-02-15', 'quarterly', '2026-11-15')).toBe('2027-02-15');
    expect(latestOccurrenceBy('2024-02-29', 'yearly', '2026-06-01')).toBe('2026-02-28');
  });
});

describe('asking the responsible person', () => {
  it('asks once at each occurrence, on the next working morning, and records the answers', async () => {
    const org = await createFollowUpOrg(db, 'sc1');
    const responsible = org.members[0]!;
    const check = await createSelfCheck(db, {
      unitId: org.unit.id,
      text: 'Läkemedelsskåpet är låst och kontrollerat',
      responsibleId: responsible.id,
      cadence: 'monthly',
      createdBy: org.manager.id,
      now: new Date('2026-01-10T10:00:00Z'),
      startsOn: '2026-01-31',
    });
    const keys = async () =>
      (
        await db
          .select()
          .from(outbox)
          .where(like(outbox.key, `self-check:${check.id}:%`))
      )
        .map((r) => r.key)
        .sort();
    // 31 January is a Saturday: asked Monday 2 February at 08:00.
    await askDueSelfChecks(db, { now: new Date('2026-01-31T09:00:00Z') });
    await askDueSelfChecks(db, { now: new Date('2026-02-02T06:59:00Z') });
    expect(await keys()).toEqual([]);
    await Promise.all([
      askDueSelfChecks(db, { now: new Date('2026-02-02T07:00:00Z') }),
      askDueSelfChecks(db, { now: new Date('2026-02-02T07:00:00Z') }),
    ]);
    await askDueSelfChecks(db, { now: new Date('2026-02-20T12:00:00Z') });
    expect(await keys()).toEqual([`self-check:${check.id}:2026-01-31`]);
    // 28 February is a Saturday too; 31 March a Tuesday.
    await askDueSelfChecks(db, { now: new Date('2026-03-02T07:00:00Z') });
    await askDueSelfChecks(db, { now: new Date('2026-03-31T06:00:00Z') });
    expect(await keys()).toEqual([
      `self-check:${check.id}:2026-01-31`,
      `self-check:${check.id}:2026-02-28`,
      `self-check:${check.id}:2026-03-31`,
    ]);

    const occurrences = await db
      .select()
      .from(selfCheckOccurrences)
      .where(eq(selfCheckOccurrences.selfCheckId, check.id))
      .orderBy(selfCheckOccurrences.occursOn);
    const [first, second, third] = occurrences;
    const now = new Date('2026-04-01T10:00:00Z');
    const click = (id: string, value: string, person = responsible) =>
      send(db, { person, now }, { kind: 'action', action: { id, value } });
    expect(summaryOf((await click('follow-up.check-ok', first!.id)).replies)).toBe(
      sv.followUp.selfCheck.saved({ outcome: sv.followUp.selfCheck.outcomes.ok }),
    );
    expect(summaryOf((await click('follow-up.check-missed', first!.id)).replies)).toBe(
      sv.followUp.selfCheck.alreadyAnswered,
    );
    expect(
      summaryOf((await click('follow-up.check-ok', second!.id, org.members[1]!)).replies),
    ).toBe(sv.common.notAllowed({ what: sv.followUp.what.answerCheck }));
    const opened = await click('follow-up.check-found', second!.id);
    const form = opened.replies[0];
    if (form?.kind !== 'form') throw new Error('no form');
    const submit = (note: string) =>
      send(
        db,
        { person: responsible, now },
        { kind: 'submit', formId: form.form.id, state: form.form.state, values: { note } },
      );
    expect((await submit('Brukaren 19121212-1212 saknade dos')).replies[0]).toEqual({
      kind: 'form-errors',
      errors: { note: sv.common.personnummerRefused },
    });
    await submit('En nyckel saknades, ersatt samma dag');
    await click('follow-up.check-missed', third!.id, org.manager);
    const answered = await db
      .select()
      .from(selfCheckOccurrences)
      .where(eq(selfCheckOccurrences.selfCheckId, check.id))
      .orderBy(selfCheckOccurrences.occursOn);
    expect(answered.map((o) => [o.outcome, o.note, o.answeredBy])).toEqual([
      ['ok', null, responsible.id],
      ['found', 'En nyckel saknades, ersatt samma dag', responsible.id],
      ['not-done', null, org.manager.id],
    ]);
  });

  it('is created once per risk, starting one period after the decision by default', async () => {
    const org = await createFollowUpOrg(db, 'sc2');
    const [risk] = await db
      .insert(risks)
      .values({ unitId: org.unit.id, description: 'Fel dos vid stressiga kvällar' })
      .returning();
    const input = {
      unitId: org.unit.id,
      text: 'Dubbelkontroll av kvällsdoser',
      responsibleId: org.manager.id,
      cadence: 'quarterly' as const,
      createdBy: org.manager.id,
      now: new Date('2026-10-15T09:00:00Z'),
      sourceRiskId: risk!.id,
    };
    const first = await createSelfCheck(db, input);
    const again = await createSelfCheck(db, { ...input, text: 'Något annat' });
    expect(again.id).toBe(first.id);
    expect(first.startsOn).toBe('2027-01-15');
    expect(first.text).toBe('Dubbelkontroll av kvällsdoser');
    const mine = await send(
      db,
      { person: org.manager, now: new Date('2026-10-16T09:00:00Z') },
      { kind: 'command', text: 'actions' },
    );
    expect(JSON.stringify(mine.replies)).toContain(
      'Dubbelkontroll av kvällsdoser – varje kvartal, nästa 15 jan 2027',
    );
  });
});
