import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPeriod } from '../dialogues/summary/period.js';
import type { Database, DatabaseHandle } from '../store/database.js';
import type { Unit } from '../store/queries/units.js';
import {
  type KnownAnswer,
  type KnownRound,
  seedRound,
  shownValue,
  summaryOf,
  THRESHOLD,
  TODAY,
  totalOf,
  unitUnder,
} from './support/privacy-org.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * The promise, as a property: for generated organisations (1–12 people a unit, some people in
 * two units, several levels), rounds (closed and open) and answers, every figure the summary
 * shows for every unit and several overlapping periods is made of whole cells (unit × closed
 * round) with at least THRESHOLD answers, so no difference or sum of two shown figures
 * isolates the answers of fewer than THRESHOLD people.
 */

let handle: DatabaseHandle;
let db: Database;
beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(async () => handle?.close());

/** Weekly round dates (Mondays) in spring 2026, and periods that overlap and nest. */
const WEEKS = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06'];
const PERIODS = [
  '2026-03',
  '2026-04',
  'T1-2026',
  '2026-03-01..2026-03-20',
  '2026-03-01..2026-03-27',
  '2026-03-10..2026-04-30',
  'V11-2026',
];

interface Shape {
  /** Per unit: its parent (an earlier unit) or null, and its own people. */
  units: { parent: number | null; people: number }[];
  /** People who also belong to another unit: [unit a, person index, unit b]. */
  doubles: [number, number, number][];
  /** Per unit and week: whether a round ran, which of its people answered, with what. */
  rounds: { unit: number; week: number; closed: boolean; answers: (number | null)[] }[];
}

const shapeArb: fc.Arbitrary<Shape> = fc
  .array(fc.record({ parentPick: fc.nat(), people: fc.integer({ min: 1, max: 12 }) }), {
    minLength: 1,
    maxLength: 6,
  })
  .chain((raw) => {
    const units = raw.map((u, i) => ({
      parent: i === 0 ? null : u.parentPick % i,
      people: u.people,
    }));
    const n = units.length;
    const rating = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 });
    return fc.record({
      units: fc.constant(units),
      doubles: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(11), fc.nat(n - 1)), { maxLength: 4 }),
      rounds: fc.array(
        fc.record({
          unit: fc.nat(n - 1),
          week: fc.nat(WEEKS.length - 1),
          closed: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
          answers: fc.array(rating, { maxLength: 12 }),
        }),
        { maxLength: 14 },
      ),
    });
  });

let orgNo = 0;

/** Seeds a shape; returns the units and every round with who answered what. */
async function seed(shape: Shape) {
  orgNo += 1;
  const units: Unit[] = [];
  for (const [i, u] of shape.units.entries()) {
    const parent = u.parent === null ? null : units[u.parent]!;
    units.push(await unitUnder(db, `p${orgNo}-${i}`, parent));
  }
  // Members of each unit: its own people, plus people of other units who also belong here.
  const members = shape.units.map((u, i) =>
    Array.from({ length: u.people }, (_, p) => `o${orgNo}u${i}p${p}`),
  );
  for (const [a, p, b] of shape.doubles) {
    const person = members[a]![p % members[a]!.length]!;
    if (a !== b && !members[b]!.includes(person)) members[b]!.push(person);
  }
  const rounds: KnownRound[] = [];
  const taken = new Set<string>();
  for (const r of shape.rounds) {
    const key = `${r.unit}:${r.week}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const people = members[r.unit]!;
    const answers = r.answers.slice(0, people.length).map((rating, i) => ({
      person: people[i]!,
      rating,
    }));
    rounds.push(
      await seedRound(db, {
        unit: units[r.unit]!,
        date: WEEKS[r.week]!,
        invited: people.length,
        closed: r.closed,
        answers,
      }),
    );
  }
  return { units, rounds };
}

/** Every unit's subtree, by id. */
function subtrees(units: Unit[]): Map<string, Set<string>> {
  const below = new Map(units.map((u) => [u.id, new Set([u.id])]));
  for (const u of [...units].reverse()) {
    let parent = u.parentId;
    while (parent) {
      for (const id of below.get(u.id)!) below.get(parent)?.add(id);
      parent = units.find((x) => x.id === parent)?.parentId ?? null;
    }
  }
  return below;
}

/** What an all-knowing oracle says a figure may be made of: the counted cells. */
function countedCells(rounds: KnownRound[], unitIds: Set<string>, period: string) {
  const p = readPeriod(period, TODAY)!;
  return rounds.filter(
    (r) =>
      unitIds.has(r.unitId) &&
      r.closed &&
      r.date >= p.from &&
      r.date <= p.to &&
      r.answers.length >= THRESHOLD,
  );
}

const peopleOf = (answers: KnownAnswer[]) => new Set(answers.map((a) => a.person));

describe('no two shown figures isolate fewer than the threshold', () => {
  it('holds for generated organisations, rounds, answers and overlapping periods', async () => {
    await fc.assert(
      fc.asyncProperty(shapeArb, async (shape) => {
        const { units, rounds } = await seed(shape);
        const below = subtrees(units);
        /** Every shown answer-based figure with the answers an attacker knows it holds. */
        const shown: { what: string; answers: KnownAnswer[]; value: number }[] = [];
        for (const unit of units) {
          for (const period of PERIODS) {
            const data = await summaryOf(db, unit, period);
            const cells = countedCells(rounds, below.get(unit.id)!, period);
            const answered = shownValue(totalOf(data, 'reflection.answered'));
            const all = cells.flatMap((r) => r.answers);
            // Soundness: a shown figure is exactly the sum over counted cells, nothing else.
            if (answered !== null) {
              expect(answered, `${unit.key} ${period} answered`).toBe(all.length);
              shown.push({ what: `${unit.key} ${period}`, answers: all, value: answered });
            } else {
              expect(all, `${unit.key} ${period}: withheld yet has counted cells`).toHaveLength(0);
            }
            const rated = cells.filter(
              (r) => r.answers.filter((a) => a.rating !== null).length >= THRESHOLD,
            );
            const ratings = rated.flatMap((r) => r.answers).filter((a) => a.rating !== null);
            const average = shownValue(totalOf(data, 'rating.all'));
            if (average !== null) {
              const sum = ratings.reduce((s, a) => s + a.rating!, 0);
              expect(average, `${unit.key} ${period} rating`).toBeCloseTo(sum / ratings.length, 9);
              expect(peopleOf(ratings).size).toBeGreaterThanOrEqual(THRESHOLD);
            } else {
              expect(ratings, `${unit.key} ${period}: rating withheld`).toHaveLength(0);
            }
          }
        }
        // No difference of two shown figures isolates fewer than THRESHOLD people.
        for (const a of shown) {
          const inB = (b: (typeof shown)[number]) => new Set(b.answers.map((x) => x.id));
          for (const b of shown) {
            const bIds = inB(b);
            const diff = a.answers.filter((x) => !bIds.has(x.id));
            const people = peopleOf(diff).size;
            expect(
              people === 0 || people >= THRESHOLD,
              `${a.what} minus ${b.what} isolates ${people}`,
            ).toBe(true);
          }
        }
      }),
      { numRuns: 25, seed: 20261204, endOnFailure: true },
    );
  }, 240_000);
});
