import type { TopSwotItem } from '../../store/queries/summary-swot.js';
import type { UnitInTree } from '../../store/queries/units.js';
import type { MeasureKey } from './measures.js';
import { type Period, samePeriod } from './period.js';

/** One figure as shown: a value, withheld (too few people), or nothing to show (–). */
export type Cell =
  | { status: 'shown'; value: number }
  | { status: 'withheld' }
  | { status: 'empty' };

/** The periods compared: slot 0 the one asked for, 1 the one before, 2 a year earlier. */
export const CURRENT = 0;
export const PREVIOUS = 1;
export const LAST_YEAR = 2;
export const SLOTS = [CURRENT, PREVIOUS, LAST_YEAR] as const;

/**
 * The earlier slots worth a column: one when the period before is the same a year earlier (a
 * year, a range of days), so nothing reads "2025 … 2025".
 */
export const earlierSlots = (periods: readonly Period[]): number[] =>
  samePeriod(periods[PREVIOUS]!, periods[LAST_YEAR]!) ? [PREVIOUS] : [PREVIOUS, LAST_YEAR];

/**
 * A row of the summary: the whole subtree (`total`), the unit's own level without the units
 * below (`own`), or one child unit with everything below it (`child`).
 */
export interface SummaryRow {
  scope: 'total' | 'own' | 'child';
  unit: UnitInTree;
  /** Per measure, the cell in each slot (current, previous, last year). */
  cells: Record<MeasureKey, Cell[]>;
  topItems: TopSwotItem[];
  themes: Theme[];
}

export interface Theme {
  word: string;
  answers: number;
}

export interface TrendPoint {
  period: Period;
  responseRate: Cell;
  rating: Cell;
}

/**
 * The closed rounds (unit × round cells) the current period's answer figures come from, over
 * the whole subtree: how many counted, how many were left out for too few answers, how many
 * are still open (they count once closed), and the dates of the first and last counted.
 */
export interface RoundsCounted {
  counted: number;
  left: number;
  open: number;
  first: string | null;
  last: string | null;
}

/** Everything a summary shows, decided (the cell rule applied), ready for any format. */
export interface SummaryData {
  unit: UnitInTree;
  periods: [current: Period, previous: Period, lastYear: Period];
  threshold: number;
  rounds: RoundsCounted;
  /** The total first, then the own level (when it has anything), then the children by name. */
  rows: SummaryRow[];
  /** Risks of the period's risk dialogues per cell, probability 4 → 1 down, consequence 1 → 4. */
  matrix: number[][];
  trend: TrendPoint[];
}
