/**
 * Which unit Tillit suggests as a peer for a collegial review (issue 21): a unit at the same
 * depth of the org tree in another department, a different one each tertial. Pure, so every
 * instance and every person asking in the same tertial gets the same answer, and so the rule
 * can be checked with properties rather than examples.
 */

/** A unit as the rule sees it. */
export interface PairingUnit {
  id: string;
  /** Stable and unique (the org file's key): the order of the ring does not depend on names. */
  key: string;
  /** 0 for a root (förvaltning), 1 below it, … */
  depth: number;
  /** The department the unit lies in (see `departmentOf`). */
  department: string;
  /** The units above it: a förvaltning is its own department, yet no peer of its own units. */
  ancestors: readonly string[];
}

/** A tertial as a running number: consecutive tertials differ by one, across years too. */
export const tertialIndex = (year: number, tertial: 1 | 2 | 3): number => year * 3 + tertial - 1;

/**
 * The peer of `unit` in the tertial numbered `tertial`, among `units` (all active units; the
 * unit itself may be among them), or null when no unit lies in another department.
 *
 * Candidates are the units of other departments at the unit's depth; when there are none at
 * that depth, those at the nearest depth that has any (shallower first, as a level up is
 * closer to the unit's own work than a section below). They are ordered by key, and the unit
 * takes the one at (tertial + its rank in its own department): consecutive tertials move one
 * step, so the peer changes each tertial whenever there are two or more candidates, and units
 * of one department start at different places, so they do not all land on the same peer.
 */
export function suggestedPeer(
  unit: PairingUnit,
  units: readonly PairingUnit[],
  tertial: number,
): PairingUnit | null {
  const others = units.filter((u) => isAcross(unit, u));
  const candidates = nearestDepth(unit.depth, others).sort(byKey);
  if (candidates.length === 0) return null;
  const step = tertial + rankInDepartment(unit, units);
  return candidates[modulo(step, candidates.length)]!;
}

/** Another unit, in another department, and neither above nor below the unit. */
const isAcross = (unit: PairingUnit, other: PairingUnit): boolean =>
  other.id !== unit.id &&
  other.department !== unit.department &&
  !other.ancestors.includes(unit.id) &&
  !unit.ancestors.includes(other.id);

function nearestDepth(depth: number, units: readonly PairingUnit[]): PairingUnit[] {
  const distances = [...new Set(units.map((u) => Math.abs(u.depth - depth)))].sort((a, b) => a - b);
  const nearest = distances[0];
  if (nearest === undefined) return [];
  const shallower = units.filter((u) => u.depth === depth - nearest);
  return shallower.length > 0 ? shallower : units.filter((u) => u.depth === depth + nearest);
}

function rankInDepartment(unit: PairingUnit, units: readonly PairingUnit[]): number {
  const own = units.filter((u) => u.depth === unit.depth && u.department === unit.department);
  const withUnit = own.some((u) => u.id === unit.id) ? own : [...own, unit];
  return withUnit.sort(byKey).findIndex((u) => u.id === unit.id);
}

const byKey = (a: PairingUnit, b: PairingUnit): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

const modulo = (n: number, m: number): number => ((n % m) + m) % m;

/** A unit of the tree with its parent, for `departmentOf`. */
export interface TreeUnit {
  id: string;
  parentId: string | null;
  level: string;
}

/**
 * The department a unit lies in: the nearest unit at or above it whose level is
 * `department`; in a tree that names no departments, the unit just below the root on its
 * line; a root (a förvaltning, or a unit standing alone) is its own.
 */
export function departmentOf(unitId: string, byId: ReadonlyMap<string, TreeUnit>): string {
  const line = [unitId, ...ancestorsOf(unitId, byId)];
  const named = line.find((id) => byId.get(id)?.level === 'department');
  if (named) return named;
  // The line runs from the unit up to the root: the root is last, the one below it before it.
  return line.length >= 2 ? line[line.length - 2]! : unitId;
}

/** The units above it, its parent first; a cycle (which the org file refuses) ends the walk. */
export function ancestorsOf(unitId: string, byId: ReadonlyMap<string, TreeUnit>): string[] {
  const above: string[] = [];
  const seen = new Set([unitId]);
  for (let p = byId.get(unitId)?.parentId; p && !seen.has(p); p = byId.get(p)?.parentId) {
    seen.add(p);
    above.push(p);
  }
  return above;
}

/** Each unit as the rule sees it, from the whole tree (inactive units keep its shape). */
export function pairingUnits(
  tree: readonly (TreeUnit & { key: string; active: boolean })[],
): PairingUnit[] {
  const byId = new Map(tree.map((u) => [u.id, u]));
  return tree
    .filter((u) => u.active)
    .map((u) => {
      const ancestors = ancestorsOf(u.id, byId);
      return {
        id: u.id,
        key: u.key,
        depth: ancestors.length,
        department: departmentOf(u.id, byId),
        ancestors,
      };
    });
}
