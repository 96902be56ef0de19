import { type ReflectionPrinciple, reflectionPrinciples } from '../../store/schema/index.js';
import { type CountedKey, countedKeys, type MeasureKey } from './measures.js';

const scale = [1, 2, 3, 4] as const;
type Step = (typeof scale)[number];

/** Closed rounds (cells) of a principle, counted or not, and those whose ratings count. */
export const closedCellsKey = (p: ReflectionPrinciple) => `cells.closed.${p}` as const;
export const ratedCellsKey = (p: ReflectionPrinciple) => `cells.rated.${p}` as const;
export const ratingCountKey = (p: ReflectionPrinciple) => `ratings.${p}` as const;
export const ratingSumKey = (p: ReflectionPrinciple) => `rating-sum.${p}` as const;
export const cellKey = (probability: Step, consequence: Step) =>
  `risks.cell.${probability}.${consequence}` as const;

/**
 * Everything a tally holds: the counted measures (measures.ts), the risk matrix cells, rating
 * sums and counts per principle, and the bases. Typed, so a misspelt key does not compile.
 */
const KEYS = [
  ...countedKeys,
  ...scale.flatMap((p) => scale.map((c) => cellKey(p, c))),
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
] as const;
export type TallyKey = (typeof KEYS)[number];
const INDEX = new Map<string, number>(KEYS.map((key, i) => [key, i]));
const COUNTED = new Set<string>(countedKeys);

/** A key named by a row of the database; null for one the summary does not know. */
export const tallyKeyOf = (name: string): TallyKey | null =>
  INDEX.has(name) ? (name as TallyKey) : null;

const isCounted = (key: MeasureKey): key is CountedKey => COUNTED.has(key);

/**
 * Additive tallies of one unit (or subtree) in one period: plain counts under the measure
 * keys, rating sums and counts per principle (from counted cells only), and how many cells
 * there were. Every key adds up the tree, so a subtree's tally is the sum of its units'. A
 * flat array with a fixed place per key: a summary of hundreds of units adds thousands.
 */
export type Tally = Float64Array;

export const newTally = (): Tally => new Float64Array(KEYS.length);

export const get = (tally: Tally | undefined, key: TallyKey): number =>
  tally ? tally[INDEX.get(key)!]! : 0;

export function addTo(tally: Tally, key: TallyKey, n: number): void {
  tally[INDEX.get(key)!]! += n;
}

export function addTally(into: Tally, from: Tally): Tally {
  for (let i = 0; i < into.length; i++) into[i]! += from[i]!;
  return into;
}

export const isEmpty = (tally: Tally | undefined): boolean => !tally || tally.every((n) => n === 0);

/** The figure from a tally; null when there is nothing to divide by. */
export function measureValue(tally: Tally | undefined, key: MeasureKey): number | null {
  const n = (k: TallyKey) => get(tally, k);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const over = (of: (p: ReflectionPrinciple) => TallyKey) =>
    reflectionPrinciples.reduce((sum, p) => sum + n(of(p)), 0);
  switch (key) {
    case 'effect.share':
      return ratio(n('effect.yes'), n('effect.yes') + n('effect.partly') + n('effect.no'));
    case 'reflection.response-rate':
      return ratio(n('reflection.answered'), n('reflection.invited'));
    case 'rating.all':
      return ratio(over(ratingSumKey), over(ratingCountKey));
    default: {
      if (isCounted(key)) return n(key);
      const p = key.slice('rating.'.length) as ReflectionPrinciple;
      return ratio(n(ratingSumKey(p)), n(ratingCountKey(p)));
    }
  }
}
