import { describe, expect, it } from 'vitest';
import { baseKey, get, tallyOf } from '../dialogues/summary/tally.js';
import { decideAll, rule, type TallyNode } from '../dialogues/summary/withhold.js';

const T = 5;
const GROUP = 'response' as const;

/** A unit whose own level has `people` people; children below. */
const unit = (id: string, people: number, children: TallyNode[] = []): TallyNode => {
  const own = [tallyOf({ [baseKey(GROUP)]: people })];
  const subtree = [
    tallyOf({
      [baseKey(GROUP)]:
        people + children.reduce((s, c) => s + get(c.subtree[0], baseKey(GROUP)), 0),
    }),
  ];
  return { id, own, subtree, children };
};

const decisions = (root: TallyNode) => {
  const all = decideAll(root, [GROUP], 1, T);
  return (id: string) => all.get(id)!.get(GROUP)![0]!;
};

describe('the withholding rule', () => {
  it('withholds a figure from fewer than the threshold, shows one from enough', () => {
    expect(rule('withheld', 'withheld', [])).toEqual({ total: 'withheld', own: 'withheld' });
    expect(rule('shown', 'shown', [])).toEqual({ total: 'shown', own: 'shown' });
    expect(rule('empty', 'empty', [])).toEqual({ total: 'empty', own: 'empty' });
  });

  it('with exactly one child withheld, withholds the unit’s own level as well', () => {
    const d = decisions(unit('avd', 6, [unit('a', 3), unit('b', 10), unit('c', 8)]));
    expect(d('a').total).toBe('withheld');
    expect(d('avd')).toEqual({ total: 'shown', own: 'withheld' });
  });

  it('with exactly one child withheld and nothing at its own level, withholds the unit’s figure', () => {
    const d = decisions(unit('arsta', 0, [unit('liten', 3), unit('stor', 8)]));
    expect(d('arsta')).toEqual({ total: 'withheld', own: 'empty' });
  });

  it('with its own level the only one withheld, withholds the unit’s figure', () => {
    const d = decisions(unit('avd', 2, [unit('b', 10), unit('c', 8)]));
    expect(d('avd')).toEqual({ total: 'withheld', own: 'withheld' });
  });

  it('leaves everything shown when two or none are withheld', () => {
    expect(decisions(unit('x', 0, [unit('a', 3), unit('b', 4), unit('c', 8)]))('x')).toEqual({
      total: 'shown',
      own: 'empty',
    });
    expect(decisions(unit('x', 9, [unit('b', 10), unit('c', 8)]))('x')).toEqual({
      total: 'shown',
      own: 'shown',
    });
  });

  it('decides a unit the same way whichever summary shows it', () => {
    const liten = unit('liten', 3);
    const arsta = unit('arsta', 0, [liten, unit('stor', 8)]);
    const inParent = decisions(unit('avd', 6, [arsta, unit('b', 12)]))('arsta');
    const alone = decisions(arsta)('arsta');
    expect(inParent).toEqual(alone);
  });

  it('never lets a withheld figure be worked out by subtraction, in 2,000 random trees', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const people = () => (random() < 0.25 ? 0 : Math.floor(random() * 14));
    const grow = (id: string, depth: number): TallyNode => {
      const count = depth >= 3 ? 0 : Math.floor(random() * 4);
      return unit(
        id,
        people(),
        Array.from({ length: count }, (_, i) => grow(`${id}.${i}`, depth + 1)),
      );
    };
    for (let run = 0; run < 2_000; run++) {
      const root = grow('r', 0);
      const recovered = attack(root, decisions(root));
      expect(recovered, `tree ${run}`).toEqual([]);
    }
  });
});

/**
 * What someone could work out who sees every summary of the tree: each unit's total and own
 * level where shown, and that a unit's total is its own level plus its children's totals.
 * Solves the equations with one unknown until nothing changes; returns the withheld figures
 * it found.
 */
function attack(root: TallyNode, decide: (id: string) => { total: string; own: string }): string[] {
  const known = new Set<string>();
  const withheld: string[] = [];
  const equations: string[][] = [];
  const visit = (node: TallyNode) => {
    const d = decide(node.id);
    for (const [name, status] of [
      [`${node.id}:total`, d.total],
      [`${node.id}:own`, d.own],
    ] as const) {
      if (status === 'withheld') withheld.push(name);
      else known.add(name);
    }
    equations.push([
      `${node.id}:total`,
      `${node.id}:own`,
      ...node.children.map((c) => `${c.id}:total`),
    ]);
    node.children.forEach(visit);
  };
  visit(root);
  // A leaf's own level is its total.
  let changed = true;
  while (changed) {
    changed = false;
    for (const equation of equations) {
      const unknown = equation.filter((name) => !known.has(name));
      if (unknown.length === 1) {
        known.add(unknown[0]!);
        changed = true;
      }
    }
  }
  return withheld.filter((name) => known.has(name));
}
