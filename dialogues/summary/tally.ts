import {
  type ReflectionPrinciple,
  reflectionPrinciples,
  riskProcesses,
} from '../../store/schema/index.js';
import { riskLevels } from '../risk/risk-level.js';
import { escalationFates, type MeasureKey } from './measures.js';

/** Closed rounds (cells) of a principle, counted or not, and those whose ratings count. */
export const closedCellsKey = (p: ReflectionPrinciple) => `cells.closed.${p}`;
export const ratedCellsKey = (p: ReflectionPrinciple) => `cells.rated.${p}`;
export const ratingCountKey = (p: ReflectionPrinciple) => `ratings.${p}`;
export const ratingSumKey = (p: ReflectionPrinciple) => `rating-sum.${p}`;
export const cellKey = (probability: number, consequence: number) =>
  `risks.cell.${probability}.${consequence}`;

const scale = [1, 2, 3, 4];

/** Everything a tally holds: the counts the queries return, rating sums, and the bases. */
const KEYS: readonly string[] = [
  'dialogues.swot',
  'dialogues.risk',
  'risks.total',
  ...riskLevels.map((l) => `risks.level.${l}`),
  ...riskProcesses.map((p) => `risks.process.${p}`),
  ...scale.flatMap((p) => scale.map((c) => cellKey(p, c))),
  'escalations.out',
  'escalations.in',
  ...escalationFates.map((f) => `escalations.fate.${f}`),
  'actions.opened',
  'actions.done',
  'actions.overdue',
  'effect.yes',
  'effect.partly',
  'effect.no',
  'self-checks.done',
  'self-checks.found',
  'self-checks.missed',
  'reflection.invited',
  'reflection.answered',
  ...reflectionPrinciples.flatMap((p) => [
    ratingCountKey(p),
    ratingSumKey(p),
    closedCellsKey(p),
    ratedCellsKey(p),
  ]),
  // Closed rounds with enough answers (the only ones in the figures), all closed rounds, and
  // rounds still open: for "2 omgångar med för få svar ingår inte".
  'cells.counted',
  'cells.closed',
  'rounds.open',
];
const INDEX = new Map(KEYS.map((key, i) => [key, i]));

/**
 * Additive tallies of one unit (or subtree) in one period: plain counts under the measure
 * keys, rating sums and counts per principle (from counted cells only), and how many cells
 * there were. Every key adds up the tree, so a subtree's tally is the sum of its units'. A
 * flat array with a fixed place per key: a summary of hundreds of units adds thousands.
 */
export type Tally = Float64Array;

export const newTally = (): Tally => new Float64Array(KEYS.length);

/** A tally from named counts (tests, and nothing else needs it). */
export function tallyOf(counts: Record<string, number>): Tally {
  const tally = newTally();
  for (const [key, n] of Object.entries(counts)) addTo(tally, key, n);
  return tally;
}

/** Where a key lives in every tally, for loops that read one key of thousands of tallies. */
export function slotOf(key: string): number {
  const i = INDEX.get(key);
  if (i === undefined) throw new Error(`tally: unknown key ${key}`);
  return i;
}

export const get = (tally: Tally | undefined, key: string): number => {
  const i = INDEX.get(key);
  return tally && i !== undefined ? tally[i]! : 0;
};

/** Adds to a count; a key the summary does not know (a new kind of row) is ignored. */
export function addTo(tally: Tally, key: string, n: number): void {
  const i = INDEX.get(key);
  if (i !== undefined) tally[i]! += n;
}

export function addTally(into: Tally, from: Tally): Tally {
  for (let i = 0; i < into.length; i++) into[i]! += from[i]!;
  return into;
}

export const isEmpty = (tally: Tally | undefined): boolean => !tally || tally.every((n) => n === 0);

/** The figure from a tally; null when there is nothing to divide by. */
export function measureValue(tally: Tally | undefined, key: MeasureKey): number | null {
  const n = (k: string) => get(tally, k);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const over = (of: (p: ReflectionPrinciple) => string) =>
    reflectionPrinciples.reduce((sum, p) => sum + n(of(p)), 0);
  switch (key) {
    case 'effect.share':
      return ratio(n('effect.yes'), n('effect.yes') + n('effect.partly') + n('effect.no'));
    case 'reflection.response-rate':
      return ratio(n('reflection.answered'), n('reflection.invited'));
    case 'rating.all':
      return ratio(over(ratingSumKey), over(ratingCountKey));
    default:
      if (key.startsWith('rating.')) {
        const p = key.slice('rating.'.length) as ReflectionPrinciple;
        return ratio(n(ratingSumKey(p)), n(ratingCountKey(p)));
      }
      return n(key);
  }
}
