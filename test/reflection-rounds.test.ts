import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDueRounds } from '../dialogues/reflection/close-rounds.js';
import { openDueRounds } from '../dialogues/reflection/open-rounds.js';
import { purgeExpiredTexts } from '../dialogues/reflection/purge.js';
import { questionOfWeek } from '../dialogues/reflection/question-bank.js';
import { sendDueReminders } from '../dialogues/reflection/reminders.js';
import { currentRoundTimes, nextRoundOpens } from '../dialogues/reflection/round-timing.js';
import { en } from '../dialogues/texts/en/index.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import { setLanguage } from '../store/queries/people.js';
import { roundResponse, storeAnswer } from '../store/queries/reflection-answers.js';
import { saveReflectionSchedule } from '../store/queries/reflection-schedules.js';
import { createUnit } from '../store/queries/units.js';
import {
  outbox,
  reflectionAnswers,
  reflectionInvitations,
  reflectionParticipation,
  reflectionPrinciples,
  reflectionRounds,
} from '../store/schema/index.js';
import { createReflectionOrg } from './support/reflection-org.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
let db: Database;
beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle?.close());

// Thursday 26 November 2026; Stockholm is UTC+1 in winter.
const THU_1400 = new Date('2026-11-26T13:00:00Z');
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

async function roundsOf(unitId: string) {
  return db.select().from(reflectionRounds).where(eq(reflectionRounds.unitId, unitId));
}
async function outboxRows(prefix: string) {
  return db
    .select()
    .from(outbox)
    .where(like(outbox.key, `${prefix}%`));
}

describe('opening rounds', () => {
  it('opens one round per unit at its time and enqueues one prompt per member, once', async () => {
    const org = await createReflectionOrg(db, { key: 'open1', count: 4 });
    await openDueRounds(db, { now: minutes(THU_1400, -1) });
    expect(await roundsOf(org.unit.id)).toHaveLength(0);

    await openDueRounds(db, { now: THU_1400 });
    await openDueRounds(db, { now: minutes(THU_1400, 1) });
    // Two instances ticking at the same moment.
    await Promise.all([
      openDueRounds(db, { now: minutes(THU_1400, 2) }),
      openDueRounds(db, { now: minutes(THU_1400, 2) }),
    ]);
    const rounds = await roundsOf(org.unit.id);
    expect(rounds).toHaveLength(1);
    const round = rounds[0]!;
    expect(round.roundDate).toBe('2026-11-26');
    expect(round.opensAt.toISOString()).toBe('2026-11-26T13:00:00.000Z');
    expect(round.remindAt.toISOString()).toBe('2026-11-27T09:00:00.000Z');
    expect(round.closesAt.toISOString()).toBe('2026-12-03T13:00:00.000Z');
    const prompts = await outboxRows(`reflection-prompt:${round.id}:`);
    const everyone = [org.manager, ...org.members].map((p) => p.id).sort();
    expect(prompts.map((p) => p.personId).sort()).toEqual(everyone);
    const invited = await db
      .select()
      .from(reflectionInvitations)
      .where(eq(reflectionInvitations.roundId, round.id));
    expect(invited).toHaveLength(5);

    const view = JSON.stringify(prompts[0]!.view);
    expect(view).toContain(sv.reflection.title);
    expect(view).toContain(`${round.id}:5`);
    expect(view).toContain('reflection.rate');
    expect(view).toContain(sv.reflection.anonymity);
  });

  it('writes each prompt in the person’s language', async () => {
    const org = await createReflectionOrg(db, { key: 'lang1', count: 1 });
    await setLanguage(db, { personId: org.members[0]!.id, lang: 'en' });
    await openDueRounds(db, { now: minutes(THU_1400, 3) });
    const [round] = await roundsOf(org.unit.id);
    const [english] = await outboxRows(`reflection-prompt:${round!.id}:${org.members[0]!.id}`);
    const [swedish] = await outboxRows(`reflection-prompt:${round!.id}:${org.manager.id}`);
    expect(JSON.stringify(english!.view)).toContain(en.reflection.title);
    expect(JSON.stringify(swedish!.view)).toContain(sv.reflection.title);
  });

  it('follows a unit’s own schedule, skips a paused unit and one with nobody in it', async () => {
    const friday = await createReflectionOrg(db, { key: 'fri1', count: 2 });
    await saveReflectionSchedule(db, { unitId: friday.unit.id, weekday: 5, time: '09:30' });
    const paused = await createReflectionOrg(db, { key: 'paus1', count: 2 });
    await saveReflectionSchedule(db, { unitId: paused.unit.id, paused: true });
    const empty = await createUnit(db, {
      key: 'empty1',
      name: 'Tom',
      level: 'unit',
      parentId: null,
    });
    await openDueRounds(db, { now: minutes(THU_1400, 5) });
    expect(await roundsOf(empty.id)).toHaveLength(0);
    expect(await roundsOf(friday.unit.id)).toHaveLength(0);
    // Friday 27 November, 09:30 in Stockholm.
    await openDueRounds(db, { now: new Date('2026-11-27T08:30:00Z') });
    const [round] = await roundsOf(friday.unit.id);
    expect(round?.opensAt.toISOString()).toBe('2026-11-27T08:30:00.000Z');
    // Friday's next working day is Monday.
    expect(round?.remindAt.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(await roundsOf(paused.unit.id)).toHaveLength(0);
    expect(await outboxRows(`reflection-prompt:`)).not.toContainEqual(
      expect.objectContaining({ personId: paused.members[0]!.id }),
    );
  });

  it('opens a late round until its reminder time, not after', async () => {
    const late = await createReflectionOrg(db, { key: 'late1', count: 1 });
    // Created after the reminder time of this week's round: it waits for next Thursday.
    await openDueRounds(db, { now: new Date('2026-11-27T09:00:00Z') });
    expect(await roundsOf(late.unit.id)).toHaveLength(0);
    await openDueRounds(db, { now: new Date('2026-12-03T13:00:00Z') });
    expect((await roundsOf(late.unit.id)).map((r) => r.roundDate)).toEqual(['2026-12-03']);
  });
});

describe('round timing', () => {
  const weekly = { weekday: 4, time: '14:00', timeZone: 'Europe/Stockholm' };

  it('keeps 14:00 local across the change to summer time, and skips Easter for the reminder', () => {
    const march = currentRoundTimes(weekly, new Date('2026-03-26T13:30:00Z'));
    expect(march.opensAt.toISOString()).toBe('2026-03-26T13:00:00.000Z');
    expect(march.closesAt.toISOString()).toBe('2026-04-02T12:00:00.000Z');
    const easter = currentRoundTimes(weekly, new Date('2026-04-02T12:00:00Z'));
    expect(easter.roundDate).toBe('2026-04-02');
    // Good Friday and Easter Monday are days off: Tuesday 7 April, 10:00 summer time.
    expect(easter.remindAt.toISOString()).toBe('2026-04-07T08:00:00.000Z');
  });

  it('opens a round due on a holiday or eve the working day before, and closes it when the next opens', () => {
    // Julafton 2026 is a Thursday: the round opens Wednesday 23 December at 14:00.
    const christmas = currentRoundTimes(weekly, new Date('2026-12-23T13:00:00Z'));
    expect(christmas.roundDate).toBe('2026-12-23');
    expect(christmas.opensAt.toISOString()).toBe('2026-12-23T13:00:00.000Z');
    // Nyårsafton is a Thursday too: the close comes on Wednesday 30 December, as the next opens.
    expect(christmas.closesAt.toISOString()).toBe('2026-12-30T13:00:00.000Z');
    expect(christmas.remindAt.toISOString()).toBe('2026-12-28T09:00:00.000Z');
    const dayBefore = currentRoundTimes(weekly, new Date('2026-12-23T12:59:00Z'));
    expect(dayBefore.roundDate).toBe('2026-12-17');
    expect(dayBefore.closesAt.toISOString()).toBe('2026-12-23T13:00:00.000Z');
    const newYear = currentRoundTimes(weekly, new Date('2027-01-05T09:00:00Z'));
    expect(newYear.roundDate).toBe('2026-12-30');
    expect(newYear.closesAt.toISOString()).toBe('2027-01-07T13:00:00.000Z');
    // Kristi himmelsfärdsdag is always a Thursday.
    const ascension = currentRoundTimes(weekly, new Date('2026-05-13T12:00:00Z'));
    expect(ascension.roundDate).toBe('2026-05-13');
    expect(ascension.opensAt.toISOString()).toBe('2026-05-13T12:00:00.000Z');
    // The home tab names the day it really opens.
    expect(nextRoundOpens(weekly, new Date('2026-12-20T10:00:00Z')).toISOString()).toBe(
      '2026-12-23T13:00:00.000Z',
    );
    expect(nextRoundOpens(weekly, new Date('2026-12-23T13:00:00Z')).toISOString()).toBe(
      '2026-12-30T13:00:00.000Z',
    );
    // Midsommarafton is a Friday: a Friday round opens on Thursday.
    const friday = { ...weekly, weekday: 5 };
    expect(currentRoundTimes(friday, new Date('2026-06-18T12:00:00Z')).roundDate).toBe(
      '2026-06-18',
    );
  });

  it('rotates over all seven principles week by week, with a question bank in both languages', () => {
    const weeks = [
      '2026-11-26',
      '2026-12-03',
      '2026-12-10',
      '2026-12-17',
      '2026-12-24',
      '2026-12-31',
      '2027-01-07',
    ];
    const principles = weeks.map((w) => questionOfWeek(w).principle);
    expect(new Set(principles).size).toBe(7);
    expect(questionOfWeek('2027-01-14')).toEqual({
      principle: questionOfWeek('2026-11-26').principle,
      questionIndex: (questionOfWeek('2026-11-26').questionIndex + 1) % 3,
    });
    for (const p of reflectionPrinciples) {
      expect(sv.reflection.questions[p].length).toBeGreaterThanOrEqual(2);
      expect(en.reflection.questions[p].length).toBe(sv.reflection.questions[p].length);
    }
  });
});

describe('reminders and closing', () => {
  it('reminds only those who have not answered, only once, then folds the round at close', async () => {
    const org = await createReflectionOrg(db, { key: 'rem1', count: 4 });
    await openDueRounds(db, { now: minutes(THU_1400, 10) });
    const [round] = await roundsOf(org.unit.id);
    const roundId = round!.id;
    const [first, second] = org.members;
    const now = minutes(THU_1400, 20);
    expect(
      await storeAnswer(db, { roundId, personId: first!.id, now, rating: 4, text: null }),
    ).toBe('stored');
    expect(
      await storeAnswer(db, {
        roundId,
        personId: second!.id,
        now,
        rating: null,
        text: 'Bra vecka',
      }),
    ).toBe('stored');
    expect(
      await storeAnswer(db, { roundId, personId: first!.id, now, rating: 1, text: null }),
    ).toBe('already-answered');

    await sendDueReminders(db, { now: new Date('2026-11-27T08:59:00Z') });
    expect(await outboxRows(`reflection-reminder:${roundId}:`)).toHaveLength(0);
    await sendDueReminders(db, { now: new Date('2026-11-27T09:00:00Z') });
    await Promise.all([
      sendDueReminders(db, { now: new Date('2026-11-27T09:01:00Z') }),
      sendDueReminders(db, { now: new Date('2026-11-27T09:01:00Z') }),
    ]);
    const reminders = await outboxRows(`reflection-reminder:${roundId}:`);
    const expected = [org.manager, ...org.members.slice(2)].map((p) => p.id).sort();
    expect(reminders.map((r) => r.personId).sort()).toEqual(expected);
    expect(JSON.stringify(reminders[0]!.view)).toContain(sv.reflection.reminderLead);

    // Someone answers after the reminder; a later tick still sends nobody a second one.
    await storeAnswer(db, {
      roundId,
      personId: org.manager.id,
      now: new Date('2026-11-28T10:00:00Z'),
      rating: 3,
      text: null,
    });
    await sendDueReminders(db, { now: new Date('2026-11-30T09:00:00Z') });
    expect(await outboxRows(`reflection-reminder:${roundId}:`)).toHaveLength(expected.length);

    expect(await roundResponse(db, { roundId })).toEqual({ invited: 5, answered: 3 });
    await closeDueRounds(db, { now: new Date('2026-12-03T12:59:00Z') });
    expect((await roundsOf(org.unit.id))[0]!.closedAt).toBeNull();
    await closeDueRounds(db, { now: new Date('2026-12-03T13:00:00Z') });
    await closeDueRounds(db, { now: new Date('2026-12-03T13:01:00Z') });
    const [closed] = await db
      .select()
      .from(reflectionRounds)
      .where(eq(reflectionRounds.id, roundId));
    expect(closed).toMatchObject({ invitedCount: 5, answeredCount: 3 });
    expect(closed!.closedAt).not.toBeNull();
    expect(await roundResponse(db, { roundId })).toEqual({ invited: 5, answered: 3 });
    const left = await db
      .select()
      .from(reflectionParticipation)
      .where(eq(reflectionParticipation.roundId, roundId));
    expect(left).toHaveLength(0);
    const invitations = await db
      .select()
      .from(reflectionInvitations)
      .where(eq(reflectionInvitations.roundId, roundId));
    expect(invitations).toHaveLength(0);
    const answers = await db
      .select()
      .from(reflectionAnswers)
      .where(eq(reflectionAnswers.roundId, roundId));
    expect(answers).toHaveLength(3);

    const late = org.members[3]!;
    expect(
      await storeAnswer(db, {
        roundId,
        personId: late.id,
        now: new Date('2026-12-03T12:00:00Z'),
        rating: 2,
        text: null,
      }),
    ).toBe('closed');
  });
});

describe('retention', () => {
  it('deletes free texts after the retention period and keeps ratings and counts', async () => {
    const org = await createReflectionOrg(db, { key: 'ret1', count: 2 });
    await openDueRounds(db, { now: minutes(THU_1400, 30) });
    const [round] = await roundsOf(org.unit.id);
    const now = minutes(THU_1400, 31);
    for (const [i, person] of org.members.entries()) {
      await storeAnswer(db, {
        roundId: round!.id,
        personId: person.id,
        now,
        rating: 2 + i,
        text: `Text ${i}`,
      });
    }
    const textsOf = async () =>
      (
        await db
          .select()
          .from(reflectionAnswers)
          .where(eq(reflectionAnswers.roundId, round!.id))
          .orderBy(sql`random()`)
      )
        .map((a) => ({ rating: a.rating, text: a.text, words: a.textWords }))
        .sort((a, b) => (a.rating ?? 0) - (b.rating ?? 0));

    // 364 days after the round opened: still within a year.
    await purgeExpiredTexts(db, { now: new Date('2027-11-25T13:00:00Z'), retentionDays: 365 });
    expect(await textsOf()).toEqual([
      { rating: 2, text: 'Text 0', words: "'0':2 'text':1" },
      { rating: 3, text: 'Text 1', words: "'1':2 'text':1" },
    ]);

    const purged = await purgeExpiredTexts(db, {
      now: new Date('2027-11-26T13:31:00Z'),
      retentionDays: 365,
    });
    expect(purged.purged).toBeGreaterThanOrEqual(2);
    // The words worked out from a text go with it.
    expect(await textsOf()).toEqual([
      { rating: 2, text: null, words: null },
      { rating: 3, text: null, words: null },
    ]);
    expect(
      (await purgeExpiredTexts(db, { now: new Date('2027-11-27T00:00:00Z'), retentionDays: 365 }))
        .purged,
    ).toBe(0);
  });
});

describe('holidays', () => {
  it('opens no round on julafton: the unit is asked the working day before', async () => {
    const org = await createReflectionOrg(db, { key: 'jul1', count: 2 });
    await openDueRounds(db, { now: new Date('2026-12-23T13:01:00Z') });
    await openDueRounds(db, { now: new Date('2026-12-24T13:01:00Z') });
    const rounds = await roundsOf(org.unit.id);
    expect(rounds.map((r) => [r.roundDate, r.closesAt.toISOString()])).toEqual([
      ['2026-12-23', '2026-12-30T13:00:00.000Z'],
    ]);
  });
});
