import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../dialogues/core/outcome.js';
import { closeDueRounds } from '../dialogues/reflection/close-rounds.js';
import { openDueRounds } from '../dialogues/reflection/open-rounds.js';
import { en } from '../dialogues/texts/en/index.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { Form, View } from '../dialogues/view.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import { setLanguage } from '../store/queries/people.js';
import type { ReflectionRound } from '../store/queries/reflection-rounds.js';
import {
  reflectionAnswers,
  reflectionInvitations,
  reflectionParticipation,
  reflectionRounds,
} from '../store/schema/index.js';
import {
  addPerson,
  createReflectionOrg,
  type ReflectionOrg,
  send,
} from './support/reflection-org.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
let db: Database;
let org: ReflectionOrg;
let other: ReflectionOrg;
let round: ReflectionRound;
const OPENS = new Date('2026-11-26T13:00:00Z');
const DURING = new Date('2026-11-26T15:00:00Z');

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  org = await createReflectionOrg(db, { key: 'ans', count: 6 });
  other = await createReflectionOrg(db, { key: 'oth', count: 1 });
  await openDueRounds(db, { now: OPENS });
  const rounds = await db
    .select()
    .from(reflectionRounds)
    .where(eq(reflectionRounds.unitId, org.unit.id));
  round = rounds[0]!;
});
afterAll(async () => handle?.close());

/** What only the asker sees: a private reply, or the message they acted on, replaced. */
const privateText = (outcome: Outcome): string => {
  const reply = outcome.replies[0];
  if (reply?.kind !== 'private' && reply?.kind !== 'replace')
    throw new Error(`expected a private reply, got ${reply?.kind}`);
  return JSON.stringify(reply.view);
};
const privateView = (outcome: Outcome): View => {
  const reply = outcome.replies[0];
  if (reply?.kind !== 'private') throw new Error(`expected a private reply, got ${reply?.kind}`);
  return reply.view;
};
const formOf = (outcome: Outcome): Form => {
  const reply = outcome.replies[0];
  if (reply?.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(reply)}`);
  return reply.form;
};
const errorsOf = (outcome: Outcome): Record<string, string> => {
  const reply = outcome.replies[0];
  if (reply?.kind !== 'form-errors')
    throw new Error(`expected form errors, got ${JSON.stringify(reply)}`);
  return reply.errors;
};

const answerCount = async () =>
  Number(
    (
      await db
        .select({ n: count() })
        .from(reflectionAnswers)
        .where(eq(reflectionAnswers.roundId, round.id))
    )[0]!.n,
  );

function answer(
  person: ReflectionOrg['members'][number],
  values: { rating?: string; text?: string },
  now = DURING,
) {
  return send(
    db,
    { person, now },
    { kind: 'submit', formId: 'reflection.answer', state: round.id, values },
  );
}

describe('answering the weekly reflection', () => {
  it('shows the open prompt on /tillit reflect, privately', async () => {
    const before = await send(
      db,
      { person: org.members[0]!, now: new Date('2026-11-26T12:00:00Z') },
      { kind: 'command', text: 'reflect' },
    );
    // Nothing is open before Thursday 14:00 … but last week's? There was none.
    expect(privateText(before)).toContain(sv.reflection.noneOpen);
    const shown = await send(
      db,
      { person: org.members[0]!, now: DURING, channelId: org.channelId },
      { kind: 'command', text: 'reflektion' },
    );
    const text = privateText(shown);
    expect(text).toContain(`${round.id}:3`);
    expect(text).toContain(sv.reflection.principles[round.principle]);
  });

  it('opens the form with the clicked rating, and stores rating and text apart from the person', async () => {
    const person = org.members[0]!;
    const opened = await send(
      db,
      { person, now: DURING },
      { kind: 'action', action: { id: 'reflection.rate', value: `${round.id}:4` } },
    );
    const form = formOf(opened);
    expect(form).toMatchObject({ id: 'reflection.answer', state: round.id });
    expect(form.inputs[0]).toMatchObject({ id: 'rating', initial: '4', optional: true });
    expect(form.inputs[1]).toMatchObject({ id: 'text', maxLength: 500, optional: true });
    expect(JSON.stringify(form.inputs[1])).toContain('500');

    const stored = await answer(person, { rating: '4', text: '  Mer tid för brukarna  ' });
    expect(privateText(stored)).toContain(sv.reflection.thanks);
    const rows = await db
      .select()
      .from(reflectionAnswers)
      .where(eq(reflectionAnswers.roundId, round.id));
    expect(rows).toEqual([
      {
        id: expect.any(String),
        roundId: round.id,
        unitId: org.unit.id,
        principle: round.principle,
        rating: 4,
        text: 'Mer tid för brukarna',
        textWords: "'brukarna':4 'för':3 'mer':1 'tid':2",
      },
    ]);
    const took = await db
      .select()
      .from(reflectionParticipation)
      .where(eq(reflectionParticipation.roundId, round.id));
    expect(took).toEqual([{ roundId: round.id, personId: person.id }]);
  });

  it('says that a person answered, never what, and takes no second answer', async () => {
    const person = org.members[0]!;
    const again = await send(
      db,
      { person, now: DURING },
      { kind: 'action', action: { id: 'reflection.rate', value: `${round.id}:1` } },
    );
    expect(privateText(again)).toContain(sv.reflection.alreadyAnswered({ unit: org.unit.name }));
    expect(errorsOf(await answer(person, { rating: '1' }))._form).toContain('redan svarat');
    const shown = privateText(
      await send(db, { person, now: DURING }, { kind: 'command', text: 'reflect' }),
    );
    expect(shown).toContain('redan svarat');
    expect(shown).not.toContain('Mer tid');
    const home = await send(db, { person, now: DURING }, { kind: 'home' });
    const homeText = JSON.stringify(home.replies[0]);
    expect(homeText).toContain(sv.reflection.home.answered({ unit: org.unit.name }));
    expect(homeText).not.toContain('Mer tid');
    expect(await answerCount()).toBe(1);
  });

  it('refuses a personnummer, a too long text, an empty answer and a bad rating, storing nothing', async () => {
    const person = org.members[1]!;
    const refused = errorsOf(
      await answer(person, { rating: '3', text: 'Brukaren 811218-9876 behöver mer stöd' }),
    );
    expect(refused.text).toBe(sv.common.personnummerRefused);
    expect(errorsOf(await answer(person, { text: 'x'.repeat(501) })).text).toContain('501');
    expect(errorsOf(await answer(person, { rating: '', text: '   ' }))._form).toBe(
      sv.reflection.form.needSomething,
    );
    expect(errorsOf(await answer(person, { rating: '9' })).rating).toBe(
      sv.reflection.form.badRating,
    );
    expect(await answerCount()).toBe(1);
    const took = await db
      .select()
      .from(reflectionParticipation)
      .where(eq(reflectionParticipation.personId, person.id));
    expect(took).toEqual([]);
    // A rating alone, or a text alone, is an answer.
    expect(privateText(await answer(person, { rating: '2' }))).toContain(sv.reflection.thanks);
    expect(
      privateText(await answer(org.members[2]!, { text: 'Bra samarbete med LSS-handläggarna' })),
    ).toContain(sv.reflection.thanks);
    expect(await answerCount()).toBe(3);
  });

  it('refuses people outside the unit, unreadable ids and closed rounds', async () => {
    const outsider = other.members[0]!;
    const click = await send(
      db,
      { person: outsider, now: DURING },
      { kind: 'action', action: { id: 'reflection.rate', value: `${round.id}:5` } },
    );
    expect(privateText(click)).toContain(sv.reflection.notYours);
    expect(errorsOf(await answer(outsider, { rating: '5' }))._form).toBe(sv.reflection.notYours);
    const garbage = await send(
      db,
      { person: org.members[3]!, now: DURING },
      { kind: 'action', action: { id: 'reflection.rate', value: 'nonsense:5' } },
    );
    expect(privateText(garbage)).toContain(sv.reflection.closed);
    const late = await answer(org.members[3]!, { rating: '5' }, round.closesAt);
    expect(errorsOf(late)._form).toBe(sv.reflection.closed);
    expect(await answerCount()).toBe(3);
  });

  it('invites someone who joined after the round opened when they open the form', async () => {
    const newcomer = await addPerson(db, org.unit, 'ans-ny', 'member');
    const form = await send(
      db,
      { person: newcomer, now: DURING },
      { kind: 'action', action: { id: 'reflection.write', value: round.id } },
    );
    expect(formOf(form).inputs[0]).not.toHaveProperty('initial');
    const invited = await db
      .select()
      .from(reflectionInvitations)
      .where(eq(reflectionInvitations.personId, newcomer.id));
    expect(invited).toHaveLength(1);
  });
});

describe('the manager’s summary', () => {
  const summary = (
    person: ReflectionOrg['members'][number],
    text = 'summary reflection',
    channelId: string | null = org.channelId,
  ) => send(db, { person, now: DURING, channelId }, { kind: 'command', text });

  it('is for managers, in their unit’s channel', async () => {
    expect(privateText(await summary(org.members[0]!))).toContain('behörighet');
    expect(privateText(await summary(org.manager, 'summary reflection', null))).toContain(
      sv.common.unlinkedChannel.slice(0, 30),
    );
  });

  it('shows only how many have answered while the round is open, whatever the count', async () => {
    expect(await answerCount()).toBe(3);
    const three = JSON.stringify(privateView(await summary(org.manager, 'summary reflektion')));
    expect(three).toContain('3 har svarat hittills');
    await answer(org.members[3]!, { rating: '5', text: 'Tydliga mandat' });
    await answer(org.members[4]!, { rating: '3' });
    await answer(org.members[5]!, { rating: '1' });
    expect(await answerCount()).toBe(6);
    const six = JSON.stringify(privateView(await summary(org.manager, 'summary reflektion')));
    expect(six).toContain('6 har svarat hittills');
    // Nothing but the count changes with each answer: no rate, no average, no texts.
    for (const text of [three, six]) {
      expect(text).not.toContain('Svarsfrekvens');
      expect(text).not.toContain('Medelbetyg');
      expect(text).not.toContain('Mer tid');
      expect(text).not.toContain('Tydliga mandat');
    }
    expect(six.replace('6 har', '3 har')).toBe(three);
  });

  it('once the round has closed, shows rate, average and texts in random order', async () => {
    await closeDueRounds(db, { now: new Date(round.closesAt.getTime() + 1000) });
    const view = privateView(await summary(org.manager));
    const text = JSON.stringify(view);
    expect(text).not.toContain('hittills');
    expect(text).toContain(
      sv.reflection.summary.responseRate({ answered: 6, invited: 8, percent: 75 }),
    );
    // Ratings 4, 2, 5, 3, 1: (4 + 2 + 5 + 3 + 1) / 5 = 3.0
    expect(text).toContain(sv.reflection.summary.average({ average: '3,0', count: 5 }));
    expect(text).toContain(
      sv.reflection.summary.principleRow({
        principle: sv.reflection.principles[round.principle],
        average: '3,0',
        count: 5,
      }),
    );
    // Three people wrote, fewer than five: the texts stay unshown, and say why.
    expect(text).toContain(sv.reflection.summary.textsWithheld);
    expect(text).not.toContain('Tydliga mandat');
  });

  it('speaks English to a manager who chose English', async () => {
    await setLanguage(db, { personId: org.manager.id, lang: 'en' });
    const text = JSON.stringify(privateView(await summary(org.manager)));
    expect(text).toContain(en.reflection.summary.average({ average: '3.0', count: 5 }));
    await setLanguage(db, { personId: org.manager.id, lang: 'sv' });
  });
});
