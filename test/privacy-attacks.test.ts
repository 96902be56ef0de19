import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../dialogues/core/outcome.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import { linkChannel, type Unit } from '../store/queries/units.js';
import { reflectionParticipation } from '../store/schema/index.js';
import {
  NOW,
  seedRound,
  shownValue,
  summaryOf,
  THRESHOLD,
  totalOf,
  unitUnder,
} from './support/privacy-org.js';
import { addPerson, send, TEAM } from './support/reflection-org.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * The attacks that broke the promise "nobody can tell what you answered", each replayed
 * against the product as it is: a manager or leader combining figures the product shows.
 * Every attack must come up empty: the figures it combines differ by nothing, or by whole
 * closed rounds of at least THRESHOLD people.
 */

let handle: DatabaseHandle;
let db: Database;
beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle?.close());

let n = 0;
const fresh = async (parent: Unit | null = null) => unitUnder(db, `atk${++n}`, parent);
/** Answers with the given ratings, by people p0, p1, … */
const answersOf = (ratings: (number | null)[], prefix = 'p') =>
  ratings.map((rating, i) => ({ person: `${prefix}${i}`, rating }));

describe('live differencing', () => {
  it('an answer more in an open round changes no figure of a summary', async () => {
    const unit = await fresh();
    await seedRound(db, {
      unit,
      date: '2026-05-04',
      invited: 8,
      answers: answersOf([3, 3, 3, 3, 3]),
    });
    const before = await summaryOf(db, unit, 'T2-2026');
    // The open round: five, then six answers; the sixth gave a 5.
    await seedRound(db, {
      unit,
      date: '2026-06-08',
      invited: 8,
      closed: false,
      answers: answersOf([3, 3, 3, 3, 3, 5], 'q'),
    });
    const during = await summaryOf(db, unit, 'T2-2026');
    expect(during.rows[0]!.cells).toEqual(before.rows[0]!.cells);
    expect(during.rounds.open).toBe(1);
  });

  it('`summary reflektion` shows only the count while a round is open', async () => {
    const unit = await fresh();
    await linkChannel(db, {
      platform: 'slack',
      workspace: TEAM,
      channelId: 'CLIVE',
      unitId: unit.id,
    });
    const manager = await addPerson(db, unit, `${unit.key}-chef`, 'manager');
    const round = await seedRound(db, {
      unit,
      date: '2026-06-08',
      invited: 8,
      closed: false,
      answers: [
        ...answersOf([3, 3, 3, 3, 3]),
        { person: 'x', rating: null, text: 'Det nya schemat' },
      ],
    });
    // Who took part, as the product records it beside (not with) the answers.
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const person = await addPerson(db, unit, `${unit.key}-${key}`, 'member');
      await db.insert(reflectionParticipation).values({ roundId: round.id, personId: person.id });
    }
    const text = privateText(
      await send(
        db,
        { person: manager, now: NOW, channelId: 'CLIVE' },
        {
          kind: 'command',
          text: 'summary reflektion',
        },
      ),
    );
    expect(text).toContain('6 har svarat hittills');
    expect(text).not.toMatch(/Medelbetyg|betyg\)|Det nya schemat|Svarsfrekvens/);
  });
});

describe('overlapping and nested periods', () => {
  it('two date ranges differ by nothing, or by a whole round of enough people', async () => {
    const unit = await fresh();
    for (const date of ['2026-01-12', '2026-02-09', '2026-03-09', '2026-04-06']) {
      await seedRound(db, { unit, date, invited: 9, answers: answersOf([3, 3, 3, 2, 3, 4, 3, 3]) });
    }
    // One late round of four: the "one answer between them" of the original attack.
    await seedRound(db, { unit, date: '2026-04-27', invited: 9, answers: answersOf([1, 3, 3, 3]) });
    const whole = await summaryOf(db, unit, '2026-01-01..2026-04-30');
    const shorter = await summaryOf(db, unit, '2026-01-01..2026-04-23');
    expect(whole.rows[0]!.cells).toEqual(shorter.rows[0]!.cells);
    expect(whole.rounds).toMatchObject({ counted: 4, left: 1 });
    // A late round of six is counted: the difference is that whole round.
    await seedRound(db, {
      unit,
      date: '2026-04-20',
      invited: 9,
      answers: answersOf([5, 5, 5, 5, 5, 5]),
    });
    const withSix = await summaryOf(db, unit, '2026-01-01..2026-04-30');
    const answered = (d: typeof whole) => shownValue(totalOf(d, 'reflection.answered'))!;
    expect(answered(withSix) - answered(whole)).toBe(6);
  });

  it('a month is the sum of its weeks, and no week shows a round of too few', async () => {
    const unit = await fresh();
    const sizes = { '2026-03-02': 6, '2026-03-09': 3, '2026-03-16': 5, '2026-03-23': 7 };
    for (const [date, size] of Object.entries(sizes)) {
      await seedRound(db, { unit, date, invited: 8, answers: answersOf(Array(size).fill(4)) });
    }
    const month = shownValue(totalOf(await summaryOf(db, unit, '2026-03'), 'reflection.answered'));
    let weeks = 0;
    for (const week of ['V10-2026', 'V11-2026', 'V12-2026', 'V13-2026']) {
      const cell = totalOf(await summaryOf(db, unit, week), 'reflection.answered');
      const value = shownValue(cell);
      if (value !== null) expect(value).toBeGreaterThanOrEqual(THRESHOLD);
      weeks += value ?? 0;
    }
    expect(month).toBe(6 + 5 + 7);
    expect(weeks).toBe(month);
  });
});

describe('hierarchy and siblings', () => {
  it('a unit minus its shown sections leaves only whole rounds of enough people', async () => {
    const dept = await fresh();
    const small = await fresh(dept);
    const other = await fresh(dept);
    const large = await fresh(dept);
    // The department's own level: the manager and one more; two small sections.
    await seedRound(db, {
      unit: dept,
      date: '2026-05-11',
      invited: 2,
      answers: answersOf([5, 1], 'd'),
    });
    await seedRound(db, {
      unit: small,
      date: '2026-05-11',
      invited: 3,
      answers: answersOf([2, 2, 2], 's'),
    });
    await seedRound(db, {
      unit: other,
      date: '2026-05-11',
      invited: 4,
      answers: answersOf([4, 4, 4, 4], 'o'),
    });
    await seedRound(db, {
      unit: large,
      date: '2026-05-11',
      invited: 9,
      answers: answersOf([3, 3, 3, 3, 3, 3, 3, 3], 'l'),
    });
    const data = await summaryOf(db, dept, 'T2-2026');
    const total = shownValue(totalOf(data, 'reflection.answered'));
    const rowValue = (unit: Unit) =>
      data.rows.find((r) => r.scope === 'child' && r.unit.id === unit.id)!.cells[
        'reflection.answered'
      ][0]!;
    expect(total).toBe(8);
    expect(shownValue(rowValue(large))).toBe(8);
    // Nothing of the own level or the two small sections is left to subtract.
    expect(rowValue(small)).toEqual({ status: 'withheld' });
    expect(rowValue(other)).toEqual({ status: 'withheld' });
    expect(shownValue(totalOf(data, 'rating.all'))).toBe(3);
  });

  it('people in two units are not counted twice to pass the threshold', async () => {
    const dept = await fresh();
    const a = await fresh(dept);
    const b = await fresh(dept);
    // The same three people answer in both units (they belong to both).
    await seedRound(db, {
      unit: a,
      date: '2026-05-11',
      invited: 3,
      answers: answersOf([1, 2, 3], 'same'),
    });
    await seedRound(db, {
      unit: b,
      date: '2026-05-11',
      invited: 3,
      answers: answersOf([1, 2, 3], 'same'),
    });
    const data = await summaryOf(db, dept, 'T2-2026');
    expect(totalOf(data, 'reflection.answered')).toEqual({ status: 'withheld' });
    expect(totalOf(data, 'rating.all')).toEqual({ status: 'withheld' });
  });
});

describe('counts, words and texts', () => {
  it('shows no count next to a withheld figure', async () => {
    const unit = await fresh();
    await seedRound(db, { unit, date: '2026-05-11', invited: 8, answers: answersOf([4, 4, 4, 4]) });
    const data = await summaryOf(db, unit, 'T2-2026');
    for (const key of [
      'reflection.answered',
      'reflection.invited',
      'reflection.response-rate',
      'rating.all',
    ] as const) {
      expect(totalOf(data, key), key).toEqual({ status: 'withheld' });
    }
  });

  it('never lets one writer’s words in, however the periods are cut', async () => {
    const unit = await fresh();
    const texts = (words: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({ person: `w${i}`, rating: 3, text: words }));
    await seedRound(db, {
      unit,
      date: '2026-05-04',
      invited: 9,
      answers: texts('vanlig vardag', 6),
    });
    // A round with four writers, one of whom wrote something only they would.
    await seedRound(db, {
      unit,
      date: '2026-05-11',
      invited: 9,
      answers: [
        ...texts('vanlig vardag', 3),
        { person: 'w9', rating: 3, text: 'hemlig hemlig' },
        ...answersOf([3, 3], 'r'),
      ],
    });
    for (const period of ['T2-2026', '2026-05', '2026-05-01..2026-05-08', 'V20-2026']) {
      const words = JSON.stringify((await summaryOf(db, unit, period)).rows[0]!.themes);
      expect(words, period).not.toContain('hemlig');
    }
    const themes = (await summaryOf(db, unit, 'T2-2026')).rows[0]!.themes;
    expect(themes).toEqual([
      { word: 'vanlig', answers: 6 },
      { word: 'vardag', answers: 6 },
    ]);
  });
});

describe('the export script', () => {
  it('takes the threshold from the server’s own config rules, and refuses 1', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/export.ts', '--unit', 'x'], {
      env: {
        ...process.env,
        ANONYMITY_THRESHOLD: '1',
        DATABASE_URL: '',
        TILLIT_DATA_DIR: '/nonexistent',
      },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ANONYMITY_THRESHOLD');
  });
});

function privateText(outcome: Outcome): string {
  const reply = outcome.replies[0];
  if (reply?.kind !== 'private') throw new Error(`expected a private reply, got ${reply?.kind}`);
  return JSON.stringify(reply.view);
}

// The withheld wording says why, in plain words.
it('says why a figure is withheld, in Swedish', () => {
  expect(sv.reflection.summary.withheld).toContain('utan att någon kan pekas ut');
});
