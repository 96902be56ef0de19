import type { Language } from '../../store/schema/index.js';
import { pad, readIsoDate, toLocalTime } from '../dialogue/local-time.js';
import { type Catalogue, texts } from '../texts/catalogue.js';

/**
 * Every date and time Tillit writes, in one style: "4 dec 2026", "4 dec 2026 kl. 14.30",
 * "1 jan–30 apr 2026" (English: "4 Dec 2026", "4 Dec 2026, 14:30", "1 Jan–30 Apr 2026").
 * The words (month names, "kl.", the clock's separator) come from the text catalogues.
 */
type Day = { year: number; month: number; day: number };
/** A language, or its catalogue when that is what the caller holds. */
type Words = Language | Catalogue;
const words = (lang: Words): Catalogue => (typeof lang === 'string' ? texts(lang) : lang);

const dayOf = (date: Day | string): Day | null =>
  typeof date === 'string' ? readIsoDate(date) : date;

const month = (lang: Words, n: number) => words(lang).dialogue.months[n - 1]!;

/** "4 dec 2026" from YYYY-MM-DD or local parts; text that is no date is returned as it was. */
export function formatDate(date: Day | string, lang: Words): string {
  const d = dayOf(date);
  if (!d) return String(date);
  return `${d.day} ${month(lang, d.month)} ${d.year}`;
}

/** "14.30" in Swedish, "14:30" in English. */
export const formatClock = (hour: number, minute: number, lang: Words): string =>
  words(lang).dialogue.clock({ hour: pad(hour), minute: pad(minute) });

/** "4 dec 2026 kl. 14.30" at an instant, in the time zone. */
export function formatDateTime(instant: Date, timeZone: string, lang: Words): string {
  const local = toLocalTime(instant, timeZone);
  return words(lang).dialogue.at({
    date: formatDate(local, lang),
    time: formatClock(local.hour, local.minute, lang),
  });
}

/** "torsdag 27 nov 2026 kl. 14.00": when something happens soon, with its weekday. */
export function formatWeekdayDateTime(instant: Date, timeZone: string, lang: Words): string {
  const local = toLocalTime(instant, timeZone);
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  const name = words(lang).common.weekdays[(weekday + 6) % 7]!;
  return `${name} ${formatDateTime(instant, timeZone, lang)}`;
}

/**
 * "1 jan–30 apr 2026", "1–30 apr 2026", "1 dec 2025–31 jan 2026": the year (and month) once
 * when both ends share it.
 */
export function formatRange(from: string, to: string, lang: Words): string {
  const a = readIsoDate(from);
  const b = readIsoDate(to);
  if (!a || !b) return `${from}–${to}`;
  if (a.year !== b.year) return `${formatDate(a, lang)}–${formatDate(b, lang)}`;
  const end = formatDate(b, lang);
  if (a.month === b.month) return a.day === b.day ? end : `${a.day}–${end}`;
  return `${a.day} ${month(lang, a.month)}–${end}`;
}
