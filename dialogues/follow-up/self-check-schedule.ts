import type { SelfCheckCadence } from '../../store/schema/index.js';
import { addDays } from '../calendar/swedish-holidays.js';
import { addMonths, daysBetween } from './follow-up-time.js';

const monthsOf: Record<Exclude<SelfCheckCadence, 'weekly'>, number> = {
  monthly: 1,
  quarterly: 3,
  yearly: 12,
};

/** The n-th occurrence (0 = `startsOn`), always counted from the start, so days never drift. */
export function occurrence(startsOn: string, cadence: SelfCheckCadence, n: number): string {
  if (cadence === 'weekly') return addDays(startsOn, 7 * n);
  return addMonths(startsOn, monthsOf[cadence] * n);
}

/** The index of the latest occurrence on or before `date`, or -1 before the start. */
function latestIndexBy(startsOn: string, cadence: SelfCheckCadence, date: string): number {
  if (date < startsOn) return -1;
  const days = daysBetween(startsOn, date);
  // A close guess (a month is 28–31 days), then a step or two to the exact one.
  let n =
    cadence === 'weekly' ? Math.floor(days / 7) : Math.floor(days / (30.44 * monthsOf[cadence]));
  while (n > 0 && occurrence(startsOn, cadence, n) > date) n -= 1;
  while (occurrence(startsOn, cadence, n + 1) <= date) n += 1;
  return n;
}

/** The latest occurrence on or before `date`, or null when the check has not started yet. */
export function latestOccurrenceBy(
  startsOn: string,
  cadence: SelfCheckCadence,
  date: string,
): string | null {
  const n = latestIndexBy(startsOn, cadence, date);
  return n < 0 ? null : occurrence(startsOn, cadence, n);
}

/** The first occurrence strictly after `date`. */
export function nextOccurrenceAfter(
  startsOn: string,
  cadence: SelfCheckCadence,
  date: string,
): string {
  return occurrence(startsOn, cadence, latestIndexBy(startsOn, cadence, date) + 1);
}

/** The default first occurrence of a new check: one period from today (the first period's end). */
export const firstOccurrenceFrom = (todayThere: string, cadence: SelfCheckCadence): string =>
  occurrence(todayThere, cadence, 1);
