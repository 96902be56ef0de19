import { type ReflectionPrinciple, reflectionPrinciples } from '../../store/schema/index.js';
import type { Catalogue } from '../texts/catalogue.js';
import { sv } from '../texts/sv/index.js';

/** A Monday: weeks are counted from here, so every unit asks about the same principle in a week. */
const FIRST_MONDAY = Date.UTC(1970, 0, 5);
const WEEK_MS = 7 * 86_400_000;

/**
 * The question of the week a round opens (its local date, YYYY-MM-DD): the principles take
 * turns week by week, and each time a principle comes back it asks its next question. The
 * choice depends on the date only, so it needs no state and units can be compared per week.
 */
export function questionOfWeek(roundDate: string): {
  principle: ReflectionPrinciple;
  questionIndex: number;
} {
  const [year, month, day] = roundDate.split('-').map(Number);
  const week = Math.floor((Date.UTC(year!, month! - 1, day!) - FIRST_MONDAY) / WEEK_MS);
  const principle = reflectionPrinciples[mod(week, reflectionPrinciples.length)]!;
  const bankSize = sv.reflection.questions[principle].length;
  return {
    principle,
    questionIndex: mod(Math.floor(week / reflectionPrinciples.length), bankSize),
  };
}

/** The question text in the person's language (the bank may have shrunk since: wrap around). */
export function questionText(
  t: Catalogue,
  round: { principle: ReflectionPrinciple; questionIndex: number },
): string {
  const bank = t.reflection.questions[round.principle];
  return bank[mod(round.questionIndex, bank.length)]!;
}

const mod = (n: number, m: number): number => ((n % m) + m) % m;
