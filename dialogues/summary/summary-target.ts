import type { Database } from '../../store/database.js';
import { listAncestors } from '../../store/queries/units.js';
import type { Actor } from '../core/actor.js';
import { todayIn } from '../dialogue/local-time.js';
import { currentPeriod, type Period, readPeriod } from './period.js';
import { type PeriodProblem, periodProblem } from './period-problem.js';

const swedish = new Intl.Collator('sv');

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
 * The default unit: the highest unit where the person is a manager or leader (fewest units
 * above it); ties go by name. Null when they hold neither role anywhere.
 */
export async function topSummaryUnit(db: Database, actor: Actor): Promise<string | null> {
  const held = actor.roles.filter((r) => r.role === 'manager' || r.role === 'leader');
  let best: { unitId: string; depth: number; name: string } | null = null;
  for (const role of held) {
    const depth = (await listAncestors(db, { unitId: role.unitId })).length;
    const better =
      !best ||
      depth < best.depth ||
      (depth === best.depth && swedish.compare(role.unitName, best.name) < 0);
    if (better) best = { unitId: role.unitId, depth, name: role.unitName };
  }
  return best?.unitId ?? null;
}

/** The current tertial in the unit's time zone: the default period. */
export const defaultPeriod = (now: Date, timeZone: string): Period =>
  currentPeriod('tertial', todayIn(now, timeZone));
