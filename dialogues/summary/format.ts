import type { Language } from '../../store/schema/index.js';
import { formatRange } from '../calendar/dates.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { Tone } from '../view.js';
import { type MeasureKey, measureDef } from './measures.js';
import { isoWeek, type Period } from './period.js';
import type { Cell, RoundsCounted } from './summary-data.js';

/** "T2 2026", "maj 2026", "vecka 12 2026", "1 jan–30 apr 2026". */
export function periodLabel(p: Period, t: Catalogue): string {
  const names = t.summary.periodNames;
  const [year, month] = p.from.split('-').map(Number) as [number, number];
  switch (p.kind) {
    case 'week':
      return names.week(isoWeek(p.from));
    case 'month':
      return names.month({ month: t.common.months[month - 1]!, year });
    case 'tertial':
      return names.tertial({ n: (month - 1) / 4 + 1, year });
    case 'half-year':
      return names.halfYear({ n: (month - 1) / 6 + 1, year });
    case 'year':
      return names.year({ year });
    case 'range':
      return formatRange(p.from, p.to, t);
    default:
      return p.kind satisfies never;
  }
}

/**
 * Which closed rounds the answer figures come from, and what was left out: "Reflektions-
 * siffrorna kommer från 9 avslutade omgångar (v. 19–23 2026). 2 omgångar med för få svar
 * ingår inte." Periods are whole rounds, so this is exactly what the figures hold.
 */
export function roundsNote(rounds: RoundsCounted, t: Catalogue): string {
  const r = t.summary.rounds;
  const parts = [
    rounds.counted > 0 && rounds.first && rounds.last
      ? r.counted({ count: rounds.counted, weeks: weekRange(rounds.first, rounds.last, t) })
      : r.none,
  ];
  if (rounds.left > 0) parts.push(r.left({ count: rounds.left }));
  if (rounds.open > 0) parts.push(r.open({ count: rounds.open }));
  return parts.join(' ');
}

/** "v. 19–23 2026", "v. 50 2025–v. 3 2026", "v. 12 2026". */
function weekRange(first: string, last: string, t: Catalogue): string {
  const r = t.summary.rounds;
  const [a, b] = [isoWeek(first), isoWeek(last)];
  if (a.year !== b.year) return `${r.weekYear(a)}–${r.weekYear(b)}`;
  if (a.week === b.week) return r.weekYear(a);
  return `${r.week(a)}–${b.week} ${b.year}`;
}

/** "1 maj–31 aug 2026". */
export const periodDates = (p: Period, lang: Language): string => formatRange(p.from, p.to, lang);

const locale = (lang: Language) => (lang === 'en' ? 'en-GB' : 'sv-SE');

/** 3,8 / 3.8 — with a real minus sign, as Swedish typography wants. */
export function decimal(value: number, lang: Language, digits: number): string {
  return value
    .toLocaleString(locale(lang), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    })
    .replace('-', '−');
}

/** A shown value as people read it: 12, 72 %, 3,8. */
export function formatNumber(key: MeasureKey, value: number, lang: Language): string {
  switch (measureDef(key).format) {
    case 'count':
      return decimal(value, lang, 0);
    case 'percent':
      return `${decimal(value * 100, lang, 0)} %`;
    case 'rating':
      return decimal(value, lang, 1);
  }
}

export function formatCell(key: MeasureKey, cell: Cell, t: Catalogue, lang: Language): string {
  switch (cell.status) {
    case 'shown':
      return formatNumber(key, cell.value, lang);
    case 'withheld':
      return t.summary.withheld;
    case 'empty':
      return t.summary.none;
    default:
      return cell satisfies never;
  }
}

export interface Delta {
  /** The change as it is displayed: +5, −0,3 (percent in percentage points). */
  text: string;
  arrow: '▲' | '▼' | '▶';
  tone: Tone;
}

/**
 * The change from `before` to `now`, rounded as the figure is shown, so "▶" means "no change
 * you can see". Null when either side is withheld or empty: a change next to a withheld figure
 * would give it away.
 */
export function delta(key: MeasureKey, now: Cell, before: Cell, lang: Language): Delta | null {
  if (now.status !== 'shown' || before.status !== 'shown') return null;
  const def = measureDef(key);
  const scale = def.format === 'percent' ? 100 : 1;
  const digits = def.format === 'rating' ? 1 : 0;
  const factor = 10 ** digits;
  const diff = Math.round((now.value - before.value) * scale * factor) / factor;
  const arrow = diff > 0 ? '▲' : diff < 0 ? '▼' : '▶';
  const good = def.better === 'up' ? diff > 0 : def.better === 'down' ? diff < 0 : null;
  const tone: Tone = diff === 0 || good === null ? 'neutral' : good ? 'green' : 'red';
  const sign = diff > 0 ? '+' : '';
  return { text: `${sign}${decimal(diff, lang, digits)}`, arrow, tone };
}

/** "▲ +5" or "–" when there is no comparison. */
export const deltaText = (d: Delta | null, t: Catalogue): string =>
  d ? `${d.arrow} ${d.text}` : t.summary.none;
