import type { Group } from './measures.js';
import { baseKey, slotOf, type Tally } from './tally.js';

/** `empty`: no one's answers at all (shown as –, and known to add nothing). */
export type Status = 'shown' | 'withheld' | 'empty';

/** A unit in the summary's tree: its own tallies and its whole subtree's, per period. */
export interface TallyNode {
  id: string;
  own: Tally[];
  subtree: Tally[];
  children: TallyNode[];
}

/** Whether a unit's subtree figure, and its own-level figure, may be shown. */
export interface Decision {
  total: Status;
  own: Status;
}

/**
 * The withholding rule, for one group of figures in one period.
 *
 * 1. A figure drawn from fewer than `threshold` people is withheld ("för få svar").
 * 2. A unit's figure is broken down into rows: its own level and each child unit's subtree.
 *    The unit's figure is the sum of its rows, so if exactly one row were withheld, anyone
 *    could get it back by subtraction (the unit's figure minus the rows shown). So when
 *    exactly one row is withheld, a second figure goes too:
 *    a. the unit's own-level row, if it has answers and is not the one already withheld —
 *       that row appears in no other summary, so hiding it never has to be repeated elsewhere;
 *    b. otherwise the unit's own figure (its subtree total).
 * 3. The decision for a unit depends only on its own subtree, so it is the same in every
 *    summary that shows it (its own, or its parent's as one of the rows). Hence a withheld
 *    figure is never recoverable from below either: by induction, each withheld unit has
 *    either all rows withheld (rule 1: every row has fewer people than the whole) or a
 *    withheld row beside its withheld total (rule 2b), and where rule 2a applies, two rows
 *    are withheld and only their sum is known.
 * Figures with no answers at all (`empty`) count as shown: they are known to add nothing.
 */
export function rule(own: Status, total: Status, childTotals: readonly Status[]): Decision {
  if (total !== 'shown') return { total, own };
  const withheld = [own, ...childTotals].filter((s) => s === 'withheld').length;
  if (withheld !== 1) return { total, own };
  if (own === 'shown') return { total, own: 'withheld' };
  return { total: 'withheld', own };
}

/** Rule 1 alone, from how many people the figures come from. */
function statusOf(people: number, threshold: number): Status {
  if (people === 0) return 'empty';
  return people < threshold ? 'withheld' : 'shown';
}

/**
 * Every decision of a tree, bottom up (each subtree decided once): node id → group → the
 * decision per period.
 */
export function decideAll(
  root: TallyNode,
  groups: readonly Group[],
  periods: number,
  threshold: number,
): Map<string, Map<Group, Decision[]>> {
  const decisions = new Map<string, Map<Group, Decision[]>>();
  const slots = groups.map((group) => slotOf(baseKey(group)));
  const visit = (node: TallyNode): Map<Group, Decision[]> => {
    const children = node.children.map(visit);
    const mine = new Map<Group, Decision[]>();
    for (const [g, group] of groups.entries()) {
      const perPeriod: Decision[] = [];
      const slot = slots[g]!;
      for (let period = 0; period < periods; period++) {
        perPeriod.push(
          rule(
            statusOf(node.own[period]?.[slot] ?? 0, threshold),
            statusOf(node.subtree[period]?.[slot] ?? 0, threshold),
            children.map((c) => c.get(group)![period]!.total),
          ),
        );
      }
      mine.set(group, perPeriod);
    }
    decisions.set(node.id, mine);
    return mine;
  };
  visit(root);
  return decisions;
}
