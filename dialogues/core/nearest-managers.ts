import type { Database } from '../../store/database.js';
import { listMembers, type UnitMember } from '../../store/queries/people.js';
import { listAncestors } from '../../store/queries/units.js';

/**
 * Who answers for a unit when something must reach "its manager": the unit's own managers;
 * when it has none, the managers of the nearest unit above that has any; when nobody up the
 * tree is a manager, the leaders of the unit and every unit above it. `stand-in` says the
 * message reaches someone other than the unit's own manager, so it can say why.
 */
export interface Responsible {
  people: UnitMember[];
  via: 'own' | 'stand-in';
}

export async function nearestManagers(db: Database, unitId: string): Promise<Responsible> {
  const own = await listMembers(db, { unitId, role: 'manager' });
  if (own.length > 0) return { people: own, via: 'own' };
  const above = await listAncestors(db, { unitId });
  for (const unit of above) {
    const managers = await listMembers(db, { unitId: unit.id, role: 'manager' });
    if (managers.length > 0) return { people: managers, via: 'stand-in' };
  }
  const leaders: UnitMember[] = [];
  const seen = new Set<string>();
  for (const id of [unitId, ...above.map((u) => u.id)]) {
    for (const leader of await listMembers(db, { unitId: id, role: 'leader' })) {
      if (!seen.has(leader.personId)) leaders.push(leader);
      seen.add(leader.personId);
    }
  }
  return { people: leaders, via: 'stand-in' };
}
