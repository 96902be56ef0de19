import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  departmentOf,
  type PairingUnit,
  pairingUnits,
  suggestedPeer,
  tertialIndex,
} from '../dialogues/pairing/pairing-rule.js';

/**
 * A random organisation: each unit's parent is one of the units before it or none (several
 * trees at once), at a random level, so departments sit anywhere or nowhere.
 */
const organisation = fc
  .array(
    fc.record({
      parent: fc.option(fc.nat(), { freq: 5 }),
      level: fc.constantFrom('administration', 'department', 'unit', 'section'),
      // Mostly active; an inactive unit still shapes the tree but is nobody's peer.
      active: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) =>
    pairingUnits(
      rows.map((row, i) => ({
        id: `id-${i}`,
        key: `u${String(i).padStart(2, '0')}`,
        level: row.level,
        active: i === 0 || row.active,
        parentId: row.parent === null || i === 0 ? null : `id-${row.parent % i}`,
      })),
    ),
  );

const withUnit = organisation.chain((units) =>
  fc.record({
    units: fc.constant(units),
    unit: fc.constantFrom(...units),
    tertial: fc.integer({ min: tertialIndex(2020, 1), max: tertialIndex(2040, 3) }),
  }),
);

const candidatesAtDepth = (unit: PairingUnit, units: readonly PairingUnit[]) =>
  units.filter(
    (u) =>
      u.id !== unit.id &&
      u.department !== unit.department &&
      !u.ancestors.includes(unit.id) &&
      !unit.ancestors.includes(u.id) &&
      u.depth === unit.depth,
  );

describe('the pairing rule', () => {
  it('never pairs a unit with itself, its own department, or a unit above or below it', () => {
    fc.assert(
      fc.property(withUnit, ({ units, unit, tertial }) => {
        const peer = suggestedPeer(unit, units, tertial);
        if (!peer) return;
        expect(peer.id).not.toBe(unit.id);
        expect(peer.department).not.toBe(unit.department);
        expect(peer.ancestors).not.toContain(unit.id);
        expect(unit.ancestors).not.toContain(peer.id);
      }),
    );
  });

  it('finds a peer whenever there is one to find, at the same depth when one is there', () => {
    fc.assert(
      fc.property(withUnit, ({ units, unit, tertial }) => {
        const peer = suggestedPeer(unit, units, tertial);
        const across = units.some(
          (u) =>
            u.id !== unit.id &&
            u.department !== unit.department &&
            !u.ancestors.includes(unit.id) &&
            !unit.ancestors.includes(u.id),
        );
        expect(peer !== null).toBe(across);
        if (candidatesAtDepth(unit, units).length > 0) expect(peer?.depth).toBe(unit.depth);
      }),
    );
  });

  it('is the same for everyone in a tertial, whatever order the units come in', () => {
    fc.assert(
      fc.property(
        withUnit.chain((c) =>
          fc.record({
            c: fc.constant(c),
            shuffled: fc.shuffledSubarray(c.units, { minLength: c.units.length }),
          }),
        ),
        ({ c: { units, unit, tertial }, shuffled }) => {
          expect(suggestedPeer(unit, shuffled, tertial)).toEqual(
            suggestedPeer(unit, units, tertial),
          );
        },
      ),
    );
  });

  it('changes each tertial when there are two peers or more to choose from', () => {
    fc.assert(
      fc.property(withUnit, ({ units, unit, tertial }) => {
        fc.pre(candidatesAtDepth(unit, units).length >= 2);
        const now = suggestedPeer(unit, units, tertial);
        const next = suggestedPeer(unit, units, tertial + 1);
        expect(next?.id).not.toBe(now?.id);
      }),
    );
  });

  it('counts tertials across the turn of the year', () => {
    expect(tertialIndex(2027, 1) - tertialIndex(2026, 3)).toBe(1);
    expect(tertialIndex(2026, 2) - tertialIndex(2026, 1)).toBe(1);
  });

  it('spreads the units of one department over the peers', () => {
    const unit = (key: string, department: string): PairingUnit => ({
      id: key,
      key,
      depth: 2,
      department,
      ancestors: [department, 'root'],
    });
    const units = [unit('a1', 'a'), unit('a2', 'a'), unit('b1', 'b'), unit('b2', 'b')];
    const peers = units.map((u) => suggestedPeer(u, units, tertialIndex(2026, 1))?.key);
    expect(new Set(peers.slice(0, 2)).size).toBe(2);
    expect(new Set(peers.slice(2)).size).toBe(2);
  });
});

describe('where a unit lies in the tree', () => {
  const tree = [
    { id: 'sof', parentId: null, level: 'administration' },
    { id: 'ifo', parentId: 'sof', level: 'department' },
    { id: 'barn', parentId: 'ifo', level: 'unit' },
    { id: 'utredning', parentId: 'barn', level: 'section' },
    // A tree that names no department: the unit below the root stands for it.
    { id: 'kommun', parentId: null, level: 'administration' },
    { id: 'stab', parentId: 'kommun', level: 'unit' },
    { id: 'it', parentId: 'stab', level: 'section' },
  ].map((u) => ({ ...u, key: u.id, active: true }));
  const byId = new Map(tree.map((u) => [u.id, u]));

  it('knows its department and its depth', () => {
    expect(departmentOf('utredning', byId)).toBe('ifo');
    expect(departmentOf('ifo', byId)).toBe('ifo');
    expect(departmentOf('sof', byId)).toBe('sof');
    expect(departmentOf('it', byId)).toBe('stab');
    const units = new Map(pairingUnits(tree).map((u) => [u.id, u]));
    expect(units.get('utredning')?.depth).toBe(3);
    expect(units.get('sof')?.depth).toBe(0);
    expect(units.get('it')?.ancestors).toEqual(['stab', 'kommun']);
  });

  it('pairs the two förvaltningar with each other, not with their own units', () => {
    const units = pairingUnits(tree);
    const sof = units.find((u) => u.id === 'sof')!;
    expect(suggestedPeer(sof, units, tertialIndex(2026, 3))?.id).toBe('kommun');
    const alone = units.filter((u) => u.ancestors.includes('sof') || u.id === 'sof');
    expect(suggestedPeer(sof, alone, tertialIndex(2026, 3))).toBeNull();
  });
});
