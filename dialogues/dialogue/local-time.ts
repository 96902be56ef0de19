/**
 * Wall-clock time in a named time zone (Europe/Stockholm) without a date library: what people
 * type and read is local, what is stored is an instant.
 */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function toLocalTime(instant: Date, timeZone: string): LocalTime {
  const ms = instant.getTime();
  // A Date ends at ±8.64e15 ms: there an offset added, or the hour's end, would fall outside.
  if (Math.abs(ms) > DATE_EDGE_MS) {
    const { second: _, ...local } = readWall(ms, timeZone);
    return local;
  }
  const wall = new Date(ms + offsetOf(ms, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

/**
 * Every request asks for today's date, and lists ask for one per line: the zone's offset is
 * kept per hour, where it is the same at the hour's first and last millisecond (a zone changes
 * its offset at most once an hour), so the formatter, the slow part, runs once an hour.
 */
const offsetsByHour = new Map<string, number>();
const MAX_OFFSETS = 10_000;
const HOUR_MS = 3_600_000;
const DATE_EDGE_MS = 8.64e15 - 2 * 86_400_000;

function offsetOf(ms: number, timeZone: string): number {
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${timeZone} ${hour}`;
  const known = offsetsByHour.get(key);
  if (known !== undefined) return known;
  const first = formattedOffset(hour * HOUR_MS, timeZone);
  if (first !== formattedOffset((hour + 1) * HOUR_MS - 1, timeZone)) {
    return formattedOffset(ms, timeZone);
  }
  if (offsetsByHour.size >= MAX_OFFSETS) offsetsByHour.clear();
  offsetsByHour.set(key, first);
  return first;
}

/** The zone's offset at the instant, to the second, as the formatter reads the wall clock. */
function formattedOffset(ms: number, timeZone: string): number {
  const { year, month, day, hour, minute, second } = readWall(ms, timeZone);
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not.
  const wall = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  wall.setUTCFullYear(year);
  return wall.getTime() - Math.floor(ms / 1000) * 1000;
}

/** The wall clock in the zone at the instant, to the second: the formatter's reading. */
function readWall(ms: number, timeZone: string): LocalTime & { second: number } {
  const wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type in wall) wall[part.type as keyof typeof wall] = Number(part.value);
  }
  return wall;
}

/** Milliseconds the zone is ahead of UTC at this instant. */
function offsetAt(instantMs: number, timeZone: string): number {
  const local = toLocalTime(new Date(instantMs), timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return asUtc - Math.floor(instantMs / 60_000) * 60_000;
}

/**
 * The instant a wall-clock time names in the zone. Near a change of offset the wall time is
 * tried with the offset before and after it: a time that exists twice (autumn) is the earlier,
 * and a time skipped (spring) is read with the offset before the gap, so it moves forward by
 * the gap (New York 2025-03-09 02:30 is 03:30), as Temporal's 'compatible' reading does.
 */
export function fromLocalTime(local: LocalTime, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  const names = (instant: number) => wallOf(instant, timeZone) === wall;
  const exists = [before, after].filter(names).sort((a, b) => a - b);
  return new Date(exists[0] ?? before);
}

const DAY_MS = 86_400_000;

function wallOf(instantMs: number, timeZone: string): number {
  const l = toLocalTime(new Date(instantMs), timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
}

/** YYYY-MM-DD of the instant in the zone. */
export function localDate(instant: Date, timeZone: string): string {
  const l = toLocalTime(instant, timeZone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}`;
}

/** Today's date where the unit is: the one way Tillit asks it (summaries, follow-up, ticks). */
export const todayIn = (now: Date, timeZone: string): string => localDate(now, timeZone);

export const pad = (n: number): string => String(n).padStart(2, '0');

/** A real calendar date written YYYY-MM-DD, or null. */
export function readIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}
