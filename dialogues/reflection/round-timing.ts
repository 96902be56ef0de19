import { addDays, nextWorkingDay, workingDayBeforeHoliday } from '../calendar/swedish-holidays.js';
import { fromLocalTime, type LocalTime, localDate } from '../dialogue/local-time.js';
import { latestOccurrence, nextOccurrence, type WeeklyTime } from '../schedule/next-occurrence.js';

/** A unit without a stored schedule is asked on Thursdays at 14:00 (its own time zone). */
export const DEFAULT_SCHEDULE = { weekday: 4, time: '14:00' } as const;

/** When, after a round opens, it reminds and closes. Tick options; these are the defaults. */
export interface ReflectionTiming {
  /** The reminder goes out this many working days after the opening day … */
  reminderAfterWorkingDays: number;
  /** … at this local time ('HH:MM'). */
  reminderTime: string;
  /** The round closes this many days after it opened, at the opening time. */
  closeAfterDays: number;
}

export const defaultTiming: ReflectionTiming = {
  reminderAfterWorkingDays: 1,
  reminderTime: '10:00',
  // A week: it closes the moment the next weekly round opens.
  closeAfterDays: 7,
};

export interface RoundTimes {
  roundDate: string;
  opensAt: Date;
  remindAt: Date;
  closesAt: Date;
}

/**
 * The times of the round for the schedule's latest occurrence at or before `now`. A round
 * falling on a Swedish holiday or eve (julafton, nyårsafton, midsommarafton, Kristi
 * himmelsfärdsdag …) opens at the same time on the working day before, and a close that would
 * fall on one comes that day too, when the next round opens: nobody is asked on julafton, and
 * every week still has its round (README, "Reflection").
 */
export function currentRoundTimes(
  schedule: WeeklyTime,
  now: Date,
  timing: ReflectionTiming = defaultTiming,
): RoundTimes {
  const { timeZone, time } = schedule;
  const scheduledDay = (instant: Date) => localDate(instant, timeZone);
  const latest = latestOccurrence(schedule, now);
  // Moving only ever goes back a few days, so the next occurrence may already have opened.
  const next = nextOccurrence(schedule, latest);
  const nextOpens = at(workingDayBeforeHoliday(scheduledDay(next)), time, timeZone);
  const occurrence = nextOpens <= now ? next : latest;
  const roundDate = workingDayBeforeHoliday(scheduledDay(occurrence));
  const opensAt = at(roundDate, time, timeZone);
  let reminderDate = roundDate;
  for (let i = 0; i < timing.reminderAfterWorkingDays; i++) {
    reminderDate = nextWorkingDay(addDays(reminderDate, 1));
  }
  const closeDate = addDays(scheduledDay(occurrence), timing.closeAfterDays);
  const closesAt = at(workingDayBeforeHoliday(closeDate), time, timeZone);
  const remindAt = at(reminderDate, timing.reminderTime, timeZone);
  // A reminder due after the close would never go out; keep it inside the round.
  return {
    roundDate,
    opensAt,
    remindAt: new Date(Math.min(remindAt.getTime(), closesAt.getTime())),
    closesAt,
  };
}

/** When the next round opens after `now`: the next occurrence, moved off a holiday or eve. */
export function nextRoundOpens(schedule: WeeklyTime, now: Date): Date {
  const opens = (occurrence: Date) =>
    at(
      workingDayBeforeHoliday(localDate(occurrence, schedule.timeZone)),
      schedule.time,
      schedule.timeZone,
    );
  const next = nextOccurrence(schedule, now);
  // Moved back, the next occurrence may have opened already; then it is the one after.
  return opens(next) > now ? opens(next) : opens(nextOccurrence(schedule, next));
}

/** The instant of a local date and wall-clock time: DST-correct by fromLocalTime. */
function at(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const local: LocalTime = { year: year!, month: month!, day: day!, hour: hour!, minute: minute! };
  return fromLocalTime(local, timeZone);
}
