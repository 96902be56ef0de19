import { addDays, nextWorkingDay } from '../calendar/swedish-holidays.js';
import { fromLocalTime, readIsoDate } from '../dialogue/local-time.js';

/**
 * How the follow-up nudges. Defaults: on the due date at 08:00 (the unit's time), then 3 and
 * 10 days overdue, then stop; the unit's manager hears of it when it is more than 10 days
 * overdue. Whatever happens, an action gets no more than `maxNudgesPerAction` messages.
 */
export interface NudgePolicy {
  /** Local wall time of nudges, digests and self-check questions, 'HH:MM'. */
  time: string;
  /** Days after the due date for the owner's overdue nudges, ascending. */
  overdueAfterDays: readonly number[];
  /** The manager is told once the action is overdue by more than this many days. */
  escalateAfterDays: number;
  /** A hard cap over the action's life, whatever reschedules restart. */
  maxNudgesPerAction: number;
  /** "Ask again" delay for the effect question, and how many times it may be asked again. */
  checkInAfterDays: number;
  maxCheckIns: number;
}

export const defaultNudgePolicy: NudgePolicy = {
  time: '08:00',
  overdueAfterDays: [3, 10],
  escalateAfterDays: 10,
  maxNudgesPerAction: 6,
  checkInAfterDays: 28,
  maxCheckIns: 2,
};

/** The morning a scheduled message for `date` goes out: moved off weekends and holidays. */
export function morningOf(date: string, timeZone: string, time: string): Date {
  const day = readIsoDate(nextWorkingDay(date));
  const [hour = 8, minute = 0] = time.split(':').map(Number);
  if (!day) throw new RangeError(`not a date: ${date}`);
  return fromLocalTime({ ...day, hour, minute }, timeZone);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Monday and Sunday of the week holding the date. */
export function weekOf(date: string): { monday: string; sunday: string } {
  const monday = addDays(date, 1 - isoWeekday(date));
  return { monday, sunday: addDays(monday, 6) };
}

/** The UTC date a day ahead: no zone's local today is later, so it bounds "due by today". */
export const latestTodayAnywhere = (now: Date): string =>
  addDays(now.toISOString().slice(0, 10), 1);

/**
 * The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb), always
 * counted from the given date so a monthly check started on the 31st stays at month-end.
 */
export function addMonths(date: string, months: number): string {
  const d = readIsoDate(date);
  if (!d) throw new RangeError(`not a date: ${date}`);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d.day, lastDay);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
