import { readIsoDate } from '../dialogue/local-time.js';
import type { Catalogue } from '../texts/catalogue.js';
import { dayCount, MAX_RANGE_DAYS, readPeriod } from './period.js';

/**
 * Why a token that was meant as a period is none: `T4-2026` (no fourth tertial), `2026-13`, a
 * range that ends before it starts, a date not in the calendar. Null when the token reads as a
 * period, or does not look like an attempt at one (then it is taken as a unit name).
 */
type Misshapen = 'tertial' | 'half-year' | 'month' | 'week' | 'year' | 'date' | 'too-long';
export type PeriodProblem = { kind: Misshapen } | { kind: 'reversed'; from: string; to: string };

const SHAPES: [RegExp, Misshapen][] = [
  [/^t\d+-?\d{4}$/, 'tertial'],
  [/^\d{4}-?t\d+$/, 'tertial'],
  [/^h\d+-?\d{4}$/, 'half-year'],
  [/^\d{4}-\d{1,2}$/, 'month'],
  [/^[vw]\d+-\d{4}$/, 'week'],
  [/^\d{4}-w\d+$/, 'week'],
  [/^\d{4}$/, 'year'],
];

export function periodProblem(token: string, today: string): PeriodProblem | null {
  const text = token.trim().toLowerCase();
  if (readPeriod(text, today)) return null;
  const range = /^(\d{4}-\d{2}-\d{2})(?:\.\.|–|—)(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (range) {
    const [from, to] = [range[1]!, range[2]!];
    if (!readIsoDate(from) || !readIsoDate(to)) return { kind: 'date' };
    if (from > to) return { kind: 'reversed', from, to };
    if (dayCount({ kind: 'range', from, to }) > MAX_RANGE_DAYS) return { kind: 'too-long' };
    return null;
  }
  const kind = SHAPES.find(([shape]) => shape.test(text))?.[1];
  if (!kind) return null;
  const year = Number(/\d{4}/.exec(text)?.[0]);
  return { kind: year < 2000 || year > 2100 ? 'year' : kind };
}

/** What was wrong, and how to write it instead, in the person's language. */
export function periodProblemText(t: Catalogue, token: string, problem: PeriodProblem): string {
  const p = t.summary.periodProblems;
  const got = { got: token };
  switch (problem.kind) {
    case 'reversed':
      return p.reversed({ ...got, from: problem.to, to: problem.from });
    case 'tertial':
      return p.tertial(got);
    case 'half-year':
      return p.halfYear(got);
    case 'month':
      return p.month(got);
    case 'week':
      return p.week(got);
    case 'year':
      return p.year(got);
    case 'date':
      return p.date(got);
    case 'too-long':
      return p.tooLong(got);
    default:
      return problem satisfies never;
  }
}
