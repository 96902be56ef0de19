import type { UnitLevel } from '../../store/schema/index.js';
import { fromLocalTime } from '../dialogue/local-time.js';
import type { Catalogue } from '../texts/catalogue.js';

/** Months, inclusive (a season may run over New Year: 12 → 1). */
export interface Season {
  fromMonth: number;
  toMonth: number;
}

/** The yearly cascade: sections in September, units in October, departments in November … */
export const DEFAULT_SEASONS: Record<UnitLevel, Season> = {
  section: { fromMonth: 9, toMonth: 9 },
  unit: { fromMonth: 10, toMonth: 10 },
  department: { fromMonth: 11, toMonth: 11 },
  administration: { fromMonth: 12, toMonth: 12 },
};

/** Nudges go out at this local hour, not at midnight. */
const NUDGE_HOUR = 8;

export const seasonOf = (level: UnitLevel, own: Season | null | undefined): Season =>
  own ?? DEFAULT_SEASONS[level];

/**
 * When the season of `year` opens (the 1st of its first month, 08:00 local) and closes (the
 * 1st of the month after its last, 08:00 local).
 */
export function seasonWindow(
  season: Season,
  year: number,
  timeZone: string,
): { opens: Date; closes: Date } {
  const at = (y: number, month: number) =>
    fromLocalTime({ year: y, month, day: 1, hour: NUDGE_HOUR, minute: 0 }, timeZone);
  const endYear = season.toMonth >= season.fromMonth ? year : year + 1;
  const closes = season.toMonth === 12 ? at(endYear + 1, 1) : at(endYear, season.toMonth + 1);
  return { opens: at(year, season.fromMonth), closes };
}

/** "oktober" or "september–oktober". */
export function monthsText(t: Catalogue, season: Season): string {
  const from = t.common.months[season.fromMonth - 1]!;
  const to = t.common.months[season.toMonth - 1]!;
  return season.fromMonth === season.toMonth ? from : `${from}–${to}`;
}

const monthWords: string[][] = [
  ['jan', 'januari', 'january'],
  ['feb', 'februari', 'february'],
  ['mar', 'mars', 'march'],
  ['apr', 'april'],
  ['maj', 'may'],
  ['jun', 'juni', 'june'],
  ['jul', 'juli', 'july'],
  ['aug', 'augusti', 'august'],
  ['sep', 'sept', 'september'],
  ['okt', 'oct', 'oktober', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
];

/** `10`, `okt`, `October` → 10; anything else null. */
export function readMonth(token: string): number | null {
  const word = token.trim().toLowerCase().replace(/\.$/, '');
  if (/^\d{1,2}$/.test(word)) {
    const n = Number(word);
    return n >= 1 && n <= 12 ? n : null;
  }
  const index = monthWords.findIndex((names) => names.includes(word));
  return index >= 0 ? index + 1 : null;
}
