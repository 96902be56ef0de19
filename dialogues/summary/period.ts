import { addDays } from '../calendar/swedish-holidays.js';
import { wordTable } from '../commands/words.js';
import { fromLocalTime, pad, readIsoDate } from '../dialogue/local-time.js';

/**
 * A reporting period: whole local days from `from` to `to` (both included, YYYY-MM-DD). The
 * kind decides what "the previous period" and "the same period a year earlier" are.
 * Tertials are the Swedish municipal reporting thirds: Jan–Apr, May–Aug, Sep–Dec.
 */
export type PeriodKind = 'week' | 'month' | 'tertial' | 'half-year' | 'year' | 'range';

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

/** Months per period of the calendar kinds that are built from whole months. */
const MONTHS: Partial<Record<PeriodKind, number>> = {
  month: 1,
  tertial: 4,
  'half-year': 6,
  year: 12,
};

type Ymd = { year: number; month: number; day: number };

const DAY_MS = 86_400_000;
const toUtc = (d: Ymd) => Date.UTC(d.year, d.month - 1, d.day);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const ymd = (iso: string): Ymd => readIsoDate(iso) as Ymd;
const iso = (year: number, month: number, day: number): string =>
  fromUtc(Date.UTC(year, month - 1, day));

/** The period of `months` whole months, aligned to the year, that holds the date. */
function monthsPeriod(kind: PeriodKind, date: string): Period {
  const months = MONTHS[kind] ?? 1;
  const d = ymd(date);
  const first = Math.floor((d.month - 1) / months) * months + 1;
  return { kind, from: iso(d.year, first, 1), to: iso(d.year, first + months, 0) };
}

/** Monday–Sunday (ISO week) holding the date. */
function weekOf(date: string): Period {
  const weekday = (new Date(toUtc(ymd(date))).getUTCDay() + 6) % 7;
  const from = addDays(date, -weekday);
  return { kind: 'week', from, to: addDays(from, 6) };
}

/** The Monday of ISO week `week` of `year` (week 1 holds 4 January). */
function isoWeekMonday(year: number, week: number): string {
  const jan4 = iso(year, 1, 4);
  return addDays(weekOf(jan4).from, (week - 1) * 7);
}

/** The ISO week number and its year, for names such as V12-2026. */
export function isoWeek(date: string): { year: number; week: number } {
  const monday = weekOf(date).from;
  const thursday = ymd(addDays(monday, 3));
  const firstMonday = weekOf(iso(thursday.year, 1, 4)).from;
  const week = Math.round((toUtc(ymd(monday)) - toUtc(ymd(firstMonday))) / (7 * DAY_MS)) + 1;
  return { year: thursday.year, week };
}

/** The period of this kind that holds today's local date. */
export function currentPeriod(kind: Exclude<PeriodKind, 'range'>, today: string): Period {
  return kind === 'week' ? weekOf(today) : monthsPeriod(kind, today);
}

export const dayCount = (p: Period): number =>
  Math.round((toUtc(ymd(p.to)) - toUtc(ymd(p.from))) / DAY_MS) + 1;

/** The period just before: the previous week, month, tertial…; for a range, as many days before. */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'week') return weekOf(addDays(p.from, -7));
  if (p.kind === 'range') {
    const to = addDays(p.from, -1);
    return { kind: 'range', from: addDays(to, 1 - dayCount(p)), to };
  }
  return monthsPeriod(p.kind, addDays(p.from, -1));
}

/**
 * The same period a year earlier: the same week number, month, tertial or year, whole (the
 * February before a leap year's ends on the 29th); a range moves by a year (29 February
 * becomes 28 February).
 */
export function samePeriodLastYear(p: Period): Period {
  if (p.kind === 'week') {
    const { year, week } = isoWeek(p.from);
    const monday = isoWeekMonday(year - 1, Math.min(week, isoWeek(iso(year - 1, 12, 28)).week));
    return weekOf(monday);
  }
  const back = (date: string) => {
    const d = ymd(date);
    const lastDay = new Date(Date.UTC(d.year - 1, d.month, 0)).getUTCDate();
    return iso(d.year - 1, d.month, Math.min(d.day, lastDay));
  };
  if (p.kind !== 'range') return monthsPeriod(p.kind, back(p.from));
  return { kind: p.kind, from: back(p.from), to: back(p.to) };
}

/**
 * What a summary compares a period with: the one before and the same a year earlier. A range
 * of days has no natural period before it (the 120 days before 1 January say nothing), so it
 * is compared with the same days a year earlier only; a year's period before is the year
 * before; then the two are the same period (`samePeriod`), to be named once.
 */
export function comparedPeriods(p: Period): { previous: Period; lastYear: Period } {
  const lastYear = samePeriodLastYear(p);
  return { previous: p.kind === 'range' ? lastYear : previousPeriod(p), lastYear };
}

export const samePeriod = (a: Period, b: Period): boolean => a.from === b.from && a.to === b.to;

/** `count` periods ending with `p`, oldest first (for the trend chart). */
export function recentPeriods(p: Period, count: number): Period[] {
  const periods = [p];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]!));
  return periods;
}

/** Start (inclusive) and end (exclusive) instants of the period in the time zone. */
export function periodInstants(p: Period, timeZone: string): { from: Date; to: Date } {
  const start = (date: string) => ({ ...ymd(date), hour: 0, minute: 0 });
  return {
    from: fromLocalTime(start(p.from), timeZone),
    to: fromLocalTime(start(addDays(p.to, 1)), timeZone),
  };
}

/**
 * The period's canonical name, which `readPeriod` reads back (button values, CSV, file names):
 * `V12-2026`, `2026-05`, `T2-2026`, `H1-2026`, `2026`, `2026-01-01..2026-04-30`.
 */
export function periodName(p: Period): string {
  const d = ymd(p.from);
  switch (p.kind) {
    case 'week': {
      const { year, week } = isoWeek(p.from);
      return `V${week}-${year}`;
    }
    case 'month':
      return `${d.year}-${pad(d.month)}`;
    case 'tertial':
      return `T${(d.month - 1) / 4 + 1}-${d.year}`;
    case 'half-year':
      return `H${(d.month - 1) / 6 + 1}-${d.year}`;
    case 'year':
      return String(d.year);
    case 'range':
      return `${p.from}..${p.to}`;
    default:
      return p.kind satisfies never;
  }
}

/** The current period by its word; the Swedish ones also without å, ä and ö (words.ts). */
const periodWord = wordTable<Exclude<PeriodKind, 'range'>>({
  vecka: 'week',
  veckan: 'week',
  week: 'week',
  månad: 'month',
  månaden: 'month',
  month: 'month',
  tertial: 'tertial',
  tertialet: 'tertial',
  halvår: 'half-year',
  halvåret: 'half-year',
  'half-year': 'half-year',
  halfyear: 'half-year',
  år: 'year',
  året: 'year',
  year: 'year',
});

/** Longest explicit range accepted: ten years. */
export const MAX_RANGE_DAYS = 3_660;

/**
 * What people type: a word (vecka/week, månad/month, tertial, halvår/half-year, år/year: the
 * current one), a name (`T2-2026`, `H1-2026`, `2026`, `2026-05`, `V12-2026`/`W12-2026`) or
 * explicit dates `2026-01-01..2026-04-30`. Null when the token is none of these.
 */
export function readPeriod(token: string, today: string): Period | null {
  const text = token.trim().toLowerCase();
  const word = periodWord(text);
  if (word) return currentPeriod(word, today);
  const named = readNamed(text);
  if (named) return named;
  return readRange(text);
}

const NAMED: [RegExp, (year: number, n: number) => Period | null][] = [
  [/^t(?<n>[1-3])-?(?<y>\d{4})$/, (y, n) => monthsPeriod('tertial', iso(y, 4 * n - 3, 1))],
  [/^(?<y>\d{4})-?t(?<n>[1-3])$/, (y, n) => monthsPeriod('tertial', iso(y, 4 * n - 3, 1))],
  [/^h(?<n>[12])-?(?<y>\d{4})$/, (y, n) => monthsPeriod('half-year', iso(y, 6 * n - 5, 1))],
  [/^(?<y>\d{4})$/, (y) => monthsPeriod('year', iso(y, 1, 1))],
  [
    /^(?<y>\d{4})-(?<n>\d{2})$/,
    (y, n) => (n >= 1 && n <= 12 ? monthsPeriod('month', iso(y, n, 1)) : null),
  ],
  [/^[vw](?<n>\d{1,2})-(?<y>\d{4})$/, (y, n) => namedWeek(y, n)],
  [/^(?<y>\d{4})-w(?<n>\d{1,2})$/, (y, n) => namedWeek(y, n)],
];

/** Years outside 2000–2100 are typos, not periods. */
function readNamed(text: string): Period | null {
  for (const [pattern, build] of NAMED) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    const year = Number(groups.y);
    if (year < 2000 || year > 2100) return null;
    return build(year, Number(groups.n ?? 0));
  }
  return null;
}

function namedWeek(year: number, week: number): Period | null {
  if (week < 1 || week > isoWeek(iso(year, 12, 28)).week) return null;
  return weekOf(isoWeekMonday(year, week));
}

function readRange(text: string): Period | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:\.\.|–|—)(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (!m || !readIsoDate(m[1]!) || !readIsoDate(m[2]!)) return null;
  const p: Period = { kind: 'range', from: m[1]!, to: m[2]! };
  if (p.from > p.to || dayCount(p) > MAX_RANGE_DAYS) return null;
  return calendarPeriod(p) ?? p;
}

/**
 * A range that is exactly a week, month, tertial, half-year or year is that period, so
 * `2026-12-01..2026-12-31` is December and compares with November and December 2025.
 */
function calendarPeriod(p: Period): Period | null {
  const kinds = ['week', 'month', 'tertial', 'half-year', 'year'] as const;
  for (const kind of kinds) {
    const whole = currentPeriod(kind, p.from);
    if (samePeriod(whole, p)) return whole;
  }
  return null;
}
