import type { Database } from '../../store/database.js';
import { outermostUnitWith } from '../core/access.js';
import type { Actor } from '../core/actor.js';
import { todayIn } from '../dialogue/local-time.js';
import { currentPeriod, type Period, readPeriod } from './period.js';
import { type PeriodProblem, periodProblem } from './period-problem.js';

export type SummaryArgs =
  | { ok: true; unitText: string | null; period: Period | null }
  | { ok: false; text: string; problem: PeriodProblem | 'two-periods' };

/**
 * `[unit] [period]` in any order: a token that reads as a period is the period, the rest
 * (joined, so an unquoted name of several words works) names the unit. A token shaped like a
 * period that is none (`T4-2026`, a reversed range) is refused with why, not taken as a name.
 */
export function readSummaryArgs(args: string[], today: string): SummaryArgs {
  let period: Period | null = null;
  const unitWords: string[] = [];
  for (const arg of args) {
    const asPeriod = readPeriod(arg, today);
    const problem = asPeriod ? null : periodProblem(arg, today);
    if (problem) return { ok: false, text: arg, problem };
    if (asPeriod && !period) period = asPeriod;
    else if (asPeriod) return { ok: false, text: arg, problem: 'two-periods' };
    else unitWords.push(arg);
  }
  return { ok: true, unitText: unitWords.length ? unitWords.join(' ') : null, period };
}

/**
 * The default unit: the highest unit where the person may see summaries (fewest units above
 * it); ties go by name. Null when they may see none.
 */
export const topSummaryUnit = (db: Database, actor: Actor): Promise<string | null> =>
  outermostUnitWith(db, actor, 'view-summary');

/** The current tertial in the unit's time zone: the default period. */
export const defaultPeriod = (now: Date, timeZone: string): Period =>
  currentPeriod('tertial', todayIn(now, timeZone));
