import { fromLocalTime, type LocalTime, toLocalTime } from '../dialogue/local-time.js';

/**
 * A weekly wall-clock time in a named zone: "Thursdays at 14:00, Europe/Stockholm". It stays
 * at 14:00 local across daylight-saving changes, so its distance in UTC changes twice a year.
 */
export interface WeeklyTime {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 'HH:MM', 24-hour. */
  time: string;
  /** IANA zone, e.g. Europe/Stockholm. */
  timeZone: string;
}

/**
 * The instant of the latest occurrence at or before `now`. A tick that runs every minute asks
 * for this and enqueues under a key naming the occurrence, so a tick that ran late (the bot
 * was down at 14:00) still enqueues, and one that runs twice enqueues once.
 */
export function latestOccurrence(schedule: WeeklyTime, now: Date): Date {
  const candidate = occurrenceInWeekOf(schedule, now);
  if (candidate.getTime() <= now.getTime()) return candidate;
  return occurrenceInWeekOf(schedule, now, -7);
}

/** The instant of the first occurrence strictly after `now` (for "next reflection: …"). */
export function nextOccurrence(schedule: WeeklyTime, now: Date): Date {
  const candidate = occurrenceInWeekOf(schedule, now);
  if (candidate.getTime() > now.getTime()) return candidate;
  return occurrenceInWeekOf(schedule, now, 7);
}

/**
 * The occurrence in the local week (Monday to Sunday) that holds `now`, shifted by whole
 * days. Days are counted on the local calendar, then the wall time is turned into an instant
 * for that day, so a DST change in between moves the UTC hour and not the local one.
 * A wall time that DST skips (02:30 on the last Sunday of March) happens an hour later.
 */
function occurrenceInWeekOf(schedule: WeeklyTime, now: Date, shiftDays = 0): Date {
  const { hour, minute } = readClock(schedule.time);
  if (!Number.isInteger(schedule.weekday) || schedule.weekday < 1 || schedule.weekday > 7) {
    throw new RangeError(`weekday must be 1–7, got ${schedule.weekday}`);
  }
  const today = toLocalTime(now, schedule.timeZone);
  const todayWeekday = isoWeekday(today);
  const day = new Date(
    Date.UTC(today.year, today.month - 1, today.day + schedule.weekday - todayWeekday + shiftDays),
  );
  const local: LocalTime = {
    year: day.getUTCFullYear(),
    month: day.getUTCMonth() + 1,
    day: day.getUTCDate(),
    hour,
    minute,
  };
  return fromLocalTime(local, schedule.timeZone);
}

function isoWeekday(local: LocalTime): number {
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function readClock(time: string): { hour: number; minute: number } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) throw new RangeError(`time must be HH:MM, got ${time}`);
  return { hour, minute };
}
