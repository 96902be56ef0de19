/**
 * The one place that decides what may be shown of people's answers (reflection ratings,
 * texts, words, risk estimates, votes). Every surface asks here; no other file compares a
 * count with the anonymity threshold. See docs/PRIVACY.md for the rules in plain words.
 *
 * The rules, for reflections:
 * 1. The smallest cell is one unit × one round. A cell counts only once its round has closed
 *    (its answers can no longer change, so no two moments differ by one person) and only if
 *    at least `threshold` people answered in it. A cell below that adds to no figure
 *    anywhere: not to its parents, not to any period, not to words, not to a change.
 * 2. Every answer-based figure is a sum over whole cells. Two figures (two periods, a unit and
 *    its children, two moments) can then only differ by whole cells that are large enough on
 *    their own, so no subtraction isolates fewer than `threshold` people.
 * 3. Ratings and texts have their own count inside a cell (answering without a rating or a
 *    text is allowed): a cell's ratings count only from `threshold` ratings, its texts and
 *    words only from `threshold` writers.
 * 4. A count goes with its figure: where a figure is withheld, so is the number of answers.
 */

/**
 * Whether a figure drawn from `people` distinct people may be shown at all: at least the
 * anonymity threshold. Zero people is "nothing to show", which callers tell apart themselves.
 */
export function enoughPeople(people: number, threshold: number): boolean {
  return people >= threshold && people > 0;
}

/**
 * The rule the store's aggregate statements apply cell by cell (store/ cannot import this
 * module, so the decision travels to it as data): a closed round counts towards answer,
 * rating and text figures only with at least this many answers, ratings and writers.
 */
export interface CellRule {
  minPerCell: number;
}

export const cellRule = (threshold: number): CellRule => ({
  minPerCell: Math.max(1, threshold),
});

/** What a figure made of answers shows: a value, "för få svar", or nothing to show (–). */
export type Disclosure = 'shown' | 'withheld' | 'empty';

/**
 * A figure made of answers, from its cells: shown when at least one cell passed the rule
 * (then every cell in it did, by construction); withheld when there were closed cells but
 * none passed; empty when there was nothing to count.
 */
export function answerFigure(cells: { counted: number; closed: number }): Disclosure {
  if (cells.counted > 0) return 'shown';
  return cells.closed > 0 ? 'withheld' : 'empty';
}

/**
 * What a round shows while it is open: how many have answered so far and nothing else. Every
 * rating, text and average waits for the close, when it is shown (or not) once and for all.
 */
export function whileOpen(answeredSoFar: number): { answeredSoFar: number } {
  return { answeredSoFar };
}

/** One closed round (a cell) as it may be shown: each part only where the rule allows. */
export interface ClosedRoundDisclosure {
  /** Answered of invited, or null (withheld: count and rate go together). */
  response: { answered: number; invited: number } | null;
  /** Average rating and the number of ratings, or null. */
  rating: { average: number; ratings: number } | null;
  /** Whether the round's texts may be listed (random order, unattributed). */
  texts: boolean;
}

export function closedRound(
  round: {
    invited: number;
    answered: number;
    ratings: number;
    ratingSum: number;
    writers: number;
  },
  threshold: number,
): ClosedRoundDisclosure {
  const counted = enoughPeople(round.answered, threshold);
  return {
    response: counted ? { answered: round.answered, invited: round.invited } : null,
    rating:
      counted && enoughPeople(round.ratings, threshold)
        ? { average: round.ratingSum / round.ratings, ratings: round.ratings }
        : null,
    texts: counted && enoughPeople(round.writers, threshold),
  };
}

/**
 * What may be shown of a figure drawn from what a group estimates or votes while a phase is
 * open (a spread, a median, vote totals):
 * - `count`: the phase is open, so only how many have taken part so far. A figure that moves
 *   with each new estimate or vote would tell what the newest one was (live differencing).
 * - `figure`: the phase is over and enough people took part.
 * - `withheld`: the phase is over and too few took part for the figure to hide any one of them.
 */
export type GroupFigure = 'count' | 'figure' | 'withheld';

export function groupFigure(params: {
  people: number;
  threshold: number;
  open: boolean;
}): GroupFigure {
  if (params.open) return 'count';
  return enoughPeople(params.people, params.threshold) ? 'figure' : 'withheld';
}
