import type { Database } from '../../store/database.js';
import {
  findUnitByKey,
  listAllUnits,
  listAncestors,
  type Unit,
} from '../../store/queries/units.js';
import type { Actor } from '../core/actor.js';
import { currentPeriod, type Period, readPeriod, todayIn } from './period.js';

const swedish = new Intl.Collator('sv');
/** Case and accents do not matter when a name is typed. */
const loosely = new Intl.Collator('sv', { sensitivity: 'base' });

export type SummaryArgs =
  | { ok: true; unitText: string | null; period: Period | null }
  | { ok: false; text: string };

/**
 * `[unit] [period]` in any order: a token that reads as a period is the period, the rest
 * (joined, so an unquoted name of several words works) names the unit.
 */
export function readSummaryArgs(args: string[], today: string): SummaryArgs {
  let period: Period | null = null;
  const unitWords: string[] = [];
  for (const arg of args) {
    const asPeriod = readPeriod(arg, today);
    if (asPeriod && !period) period = asPeriod;
    else if (asPeriod) return { ok: false, text: arg };
    else unitWords.push(arg);
  }
  return { ok: true, unitText: unitWords.length ? unitWords.join(' ') : null, period };
}

/** A unit by its key, else by its name (case and accents as typed are forgiven). */
export async function findUnitByText(db: Database, text: string): Promise<Unit | null> {
  const byKey = await findUnitByKey(db, { key: text.toLowerCase() });
  if (byKey) return byKey;
  const same = (a: string, b: string) => loosely.compare(a, b) === 0;
  const units = await listAllUnits(db);
  return units.find((u) => same(u.key, text) || same(u.name, text)) ?? null;
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
