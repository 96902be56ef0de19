import { listMembers, type UnitMember } from '../../store/queries/people.js';
import { getUnit, listSubtree } from '../../store/queries/units.js';
import type { UnitLevel } from '../../store/schema/index.js';
import { OWNERS_FROM_UNITS_BELOW } from '../core/access.js';
import type { Request } from '../core/feature.js';

/**
 * Levels whose work is carried out by the units below them: an avdelning gives its actions to
 * its enhetschefer and sektionschefer as often as to its own staff.
 */
const LEADS_UNITS_BELOW: UnitLevel[] = ['administration', 'department'];

/**
 * Who an action or self-check can be given to: everyone holding a role in the unit, the
 * managers of the units below a department or administration, and the person deciding
 * (a facilitator may come from a unit above); once each, by name.
 */
export async function assignees(request: Request, unitId: string): Promise<UnitMember[]> {
  const { db } = request.ctx;
  const { person, lang } = request.actor;
  const members = await listMembers(db, { unitId });
  const unit = await getUnit(db, { unitId });
  const below: UnitMember[] = [];
  if (unit && LEADS_UNITS_BELOW.includes(unit.level)) {
    const children = (await listSubtree(db, { unitId })).filter((u) => u.depth > 0);
    for (const child of children) {
      below.push(...(await listMembers(db, { unitId: child.id, role: OWNERS_FROM_UNITS_BELOW })));
    }
  }
  const decider: UnitMember = { personId: person.id, name: person.name, role: 'facilitator', lang };
  const seen = new Set<string>();
  return [...members, ...below, decider]
    .filter((m) => !seen.has(m.personId) && seen.add(m.personId))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
