import { listMembers, type UnitMember } from '../../store/queries/people.js';
import type { Request } from '../core/feature.js';

/**
 * Who an action or self-check can be given to: everyone holding a role in the unit, once
 * each, and the person deciding (a facilitator may come from a unit above), by name.
 */
export async function assignees(request: Request, unitId: string): Promise<UnitMember[]> {
  const { person, lang } = request.actor;
  const members = await listMembers(request.ctx.db, { unitId });
  const decider: UnitMember = { personId: person.id, name: person.name, role: 'facilitator', lang };
  const seen = new Set<string>();
  return [...members, decider]
    .filter((m) => !seen.has(m.personId) && seen.add(m.personId))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
