import { buildSummary } from '../../dialogues/summary/build-summary.js';
import { readPeriod } from '../../dialogues/summary/period.js';
import type { Cell, SummaryData } from '../../dialogues/summary/summary-data.js';
import type { Database } from '../../store/database.js';
import { createUnit, type Unit } from '../../store/queries/units.js';
import {
  type ReflectionPrinciple,
  reflectionAnswers,
  reflectionRounds,
} from '../../store/schema/index.js';

/**
 * Organisations for the privacy tests, kept twice: in the database (rounds and answers, with
 * no person on the answers, as the product stores them) and here in memory, where every
 * answer still knows its person, so a test can check what an attacker could work out.
 */
export interface KnownAnswer {
  id: string;
  person: string;
  rating: number | null;
  text: string | null;
}

export interface KnownRound {
  id: string;
  unitId: string;
  date: string;
  principle: ReflectionPrinciple;
  invited: number;
  closed: boolean;
  answers: KnownAnswer[];
}

export const THRESHOLD = 5;
export const TODAY = '2026-06-15';
export const NOW = new Date(`${TODAY}T10:00:00Z`);

/** 09:00 UTC on a date: inside that day in Stockholm. */
const at = (date: string) => new Date(`${date}T09:00:00Z`);

export async function unitUnder(
  db: Database,
  key: string,
  parent: Unit | null,
  level: Unit['level'] = parent ? 'section' : 'department',
): Promise<Unit> {
  return createUnit(db, { key, name: `Enhet ${key}`, level, parentId: parent?.id ?? null });
}

/**
 * A round of a unit on a date, as the product leaves it: closed rounds with their folded
 * invitation count, answers without a person. `answers` lists who answered and what.
 */
export async function seedRound(
  db: Database,
  params: {
    unit: Unit;
    date: string;
    principle?: ReflectionPrinciple;
    invited: number;
    closed?: boolean;
    answers: { person: string; rating: number | null; text?: string | null }[];
  },
): Promise<KnownRound> {
  const opens = at(params.date);
  const closed = params.closed ?? true;
  const closes = new Date(opens.getTime() + 3 * 86_400_000);
  const principle = params.principle ?? 'trust';
  const [row] = await db
    .insert(reflectionRounds)
    .values({
      unitId: params.unit.id,
      roundDate: params.date,
      principle,
      questionIndex: 0,
      opensAt: opens,
      remindAt: new Date(opens.getTime() + 86_400_000),
      closesAt: closed ? closes : new Date(NOW.getTime() + 86_400_000),
      closedAt: closed ? closes : null,
      invitedCount: closed ? params.invited : null,
      answeredCount: closed ? params.answers.length : null,
    })
    .returning();
  const answers: KnownAnswer[] = [];
  for (const a of params.answers) {
    const [stored] = await db
      .insert(reflectionAnswers)
      .values({
        roundId: row!.id,
        unitId: params.unit.id,
        principle,
        rating: a.rating,
        text: a.text ?? null,
      })
      .returning({ id: reflectionAnswers.id });
    answers.push({ id: stored!.id, person: a.person, rating: a.rating, text: a.text ?? null });
  }
  return {
    id: row!.id,
    unitId: params.unit.id,
    date: params.date,
    principle,
    invited: params.invited,
    closed,
    answers,
  };
}

export function summaryOf(db: Database, unit: Unit, period: string, threshold = THRESHOLD) {
  return buildSummary(db, {
    unitId: unit.id,
    period: readPeriod(period, TODAY)!,
    threshold,
    timeZone: 'Europe/Stockholm',
    now: NOW,
  });
}

/** The value of a shown cell, or null (withheld or empty). */
export const shownValue = (cell: Cell | undefined): number | null =>
  cell?.status === 'shown' ? cell.value : null;

/** The whole subtree's figure of the period asked for. */
export const totalOf = (data: SummaryData, key: keyof SummaryData['rows'][number]['cells']) =>
  data.rows[0]!.cells[key][0]!;
