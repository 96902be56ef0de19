import type { Database } from '../../store/database.js';
import { listMembers, type UnitMember } from '../../store/queries/people.js';
import { listAncestors } from '../../store/queries/units.js';

/**
 * Who answers for a unit when something must reach "its manager": the unit's own managers;
 * when it has none, the managers of the nearest unit above that has any; when nobody up the
 * tree is a manager, the leaders of the unit and every unit above it. `stand-in` says the
 * unit has no manager and the message reaches someone else, so it can say why; `above` says
 * the unit's own managers were all left out (`except`: the message is about one of them, like
 * a manager's own overdue action), so it went to the next manager up.
 */
export interface Responsible {
  people: UnitMember[];
  via: 'own' | 'stand-in' | 'above';
}

export async function nearestManagers(
  db: Database,
  unitId: string,
  options: { except?: string } = {},
): Promise<Responsible> {
  const keep = (list: UnitMember[]) => list.filter((m) => m.personId !== options.except);
  const all = await listMembers(db, { unitId, role: 'manager' });
  const own = keep(all);
  if (own.length > 0) return { people: own, via: 'own' };
  const via = all.length > 0 ? 'above' : 'stand-in';
  const above = await listAncestors(db, { unitId });
  for (const unit of above) {
    const managers = keep(await listMembers(db, { unitId: unit.id, role: 'manager' }));
    if (managers.length > 0) return { people: managers, via };
  }
  const leaders: UnitMember[] = [];
  const seen = new Set<string>();
  for (const id of [unitId, ...above.map((u) => u.id)]) {
    for (const leader of keep(await listMembers(db, { unitId: id, role: 'leader' }))) {
      if (!seen.has(leader.personId)) leaders.push(leader);
      seen.add(leader.personId);
    }
  }
  return { people: leaders, via };
}
