/**
 * The one place that decides what may be shown of people's answers (reflection ratings,
 * texts, words, risk estimates, votes). Every surface asks here; no other file compares a
 * count with the anonymity threshold. See docs/PRIVACY.md for the rules in plain words.
 */

/**
 * Whether a figure drawn from `people` distinct people may be shown at all: at least the
 * anonymity threshold. Zero people is "nothing to show", which callers tell apart themselves.
 */
export function enoughPeople(people: number, threshold: number): boolean {
  return people >= threshold && people > 0;
}
