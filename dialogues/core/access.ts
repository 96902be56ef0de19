import type { Database } from '../../store/database.js';
import { listMembers } from '../../store/queries/people.js';
import { listAncestors } from '../../store/queries/units.js';
import type { Role } from '../../store/schema/index.js';
import type { Actor } from './actor.js';

/**
 * What a person may do in a unit. Every role check in Tillit goes through `may`, so the
 * table below is the whole access policy (PRODUCT.md, "People and their rights").
 */
export type Capability =
  /** add items, vote, answer reflections */
  | 'take-part'
  /** start and steer SWOT and risk dialogues, change phases, decide */
  | 'run-dialogue'
  /** the same for risk dialogues, where a leader stands in for a unit without a manager */
  | 'run-risk-dialogue'
  /** add actions for the unit, see its open and overdue actions */
  | 'manage-actions'
  /** aggregated summaries of the unit and the units below it */
  | 'view-summary'
  /** the audit log of role changes in the unit and below (administrators read all of it) */
  | 'read-audit';

/** Roles that count when held in the unit itself, and when held in a unit above it. */
const policy: Record<Capability, { inUnit: Role[]; above: Role[]; noManager?: Role[] }> = {
  'take-part': {
    inUnit: ['member', 'manager', 'facilitator', 'leader'],
    above: ['manager', 'facilitator', 'leader'],
  },
  'run-dialogue': { inUnit: ['manager', 'facilitator'], above: ['manager', 'facilitator'] },
  /**
   * The yearly cascade must not stop at a unit nobody manages: its escalations go to the
   * nearest manager above or the leaders (nearest-managers.ts), and a leader may hold it.
   */
  'run-risk-dialogue': {
    inUnit: ['manager', 'facilitator'],
    above: ['manager', 'facilitator'],
    noManager: ['leader'],
  },
  'manage-actions': { inUnit: ['manager', 'facilitator'], above: ['manager', 'facilitator'] },
  'view-summary': { inUnit: ['manager', 'leader'], above: ['manager', 'leader'] },
  'read-audit': { inUnit: ['leader'], above: ['leader'] },
};

export async function may(
  db: Database,
  actor: Actor,
  capability: Capability,
  unitId: string,
): Promise<boolean> {
  const rule = policy[capability];
  const held = (unit: string, allowed: Role[]) =>
    actor.roles.some((r) => r.unitId === unit && allowed.includes(r.role));
  if (held(unitId, rule.inUnit)) return true;
  const standIn = rule.noManager ?? [];
  const extra = [...rule.above, ...standIn];
  if (!actor.roles.some((r) => extra.includes(r.role))) return false;
  const ancestors = await listAncestors(db, { unitId });
  if (ancestors.some((a) => held(a.id, rule.above))) return true;
  if (!standIn.length || ![unitId, ...ancestors.map((a) => a.id)].some((u) => held(u, standIn)))
    return false;
  return (await listMembers(db, { unitId, role: 'manager' })).length === 0;
}

/** Administrators set Tillit up; that gives them no right to read anyone's answers. */
export const isAdmin = (actor: Actor): boolean => actor.person.isAdmin;
