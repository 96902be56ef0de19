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
  /** add items, vote */
  | 'take-part'
  /** answer the unit's reflection rounds: only a role held in the unit itself */
  | 'answer-reflection'
  /** start and steer SWOT and risk dialogues, change phases, decide */
  | 'run-dialogue'
  /** the same for risk dialogues, where a leader stands in for a unit without a manager */
  | 'run-risk-dialogue'
  /** add actions for the unit, see its open and overdue actions */
  | 'manage-actions'
  /** aggregated summaries of the unit and the units below it */
  | 'view-summary'
  /** the audit log of role changes in the unit and below (administrators read all of it) */
  | 'read-audit'
  /** share an outcome with a peer unit, sum up a review, turn a peer's tip into an action */
  | 'lead-review'
  /** give feedback on an outcome shared with the unit: a role held in the unit itself */
  | 'give-review'
  /** ask every unit of a subtree to share its latest outcome with its peer (a round) */
  | 'ask-review-round';

/** Roles that count when held in the unit itself, and when held in a unit above it. */
const policy: Record<Capability, { inUnit: Role[]; above: Role[]; noManager?: Role[] }> = {
  'take-part': {
    inUnit: ['member', 'manager', 'facilitator', 'leader'],
    above: ['manager', 'facilitator', 'leader'],
  },
  /** A leader or manager above does not answer for the units below: their answers are not its. */
  'answer-reflection': { inUnit: ['member', 'manager', 'facilitator', 'leader'], above: [] },
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
  /**
   * A leader stands in here too: a unit without a manager has its overdue actions and weekly
   * digest sent to the leaders when nobody up the tree manages (nearest-managers.ts), and what
   * reaches them must be something they can act on.
   */
  'manage-actions': {
    inUnit: ['manager', 'facilitator'],
    above: ['manager', 'facilitator'],
    noManager: ['leader'],
  },
  'view-summary': { inUnit: ['manager', 'leader'], above: ['manager', 'leader'] },
  'read-audit': { inUnit: ['leader'], above: ['leader'] },
  /** Managers speak for their unit to another; a facilitator runs dialogues, not exchanges. */
  'lead-review': { inUnit: ['manager'], above: ['manager'] },
  /** Feedback is the unit's own voice: someone above does not answer for it. */
  'give-review': { inUnit: ['member', 'manager', 'facilitator', 'leader'], above: [] },
  /** A round speaks for many units at once: the leaders over them (administrators too). */
  'ask-review-round': { inUnit: ['leader'], above: ['leader'] },
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
  const line = [unitId, ...ancestors.map((a) => a.id)];
  if (!standIn.length || !line.some((u) => held(u, standIn))) return false;
  // Only where nearest-managers.ts sends the unit's notices to the leaders: nobody in the unit
  // or above it is a manager. A manager further up answers for the unit, and acts for it.
  for (const unit of line) {
    if ((await listMembers(db, { unitId: unit, role: 'manager' })).length > 0) return false;
  }
  return true;
}

/** Administrators set Tillit up; that gives them no right to read anyone's answers. */
export const isAdmin = (actor: Actor): boolean => actor.person.isAdmin;

/** Whether any role the person holds, anywhere, gives the capability in its own unit. */
export const holdsAnywhere = (actor: Actor, capability: Capability): boolean =>
  actor.roles.some((r) => policy[capability].inUnit.includes(r.role));

const swedish = new Intl.Collator('sv');

/**
 * The outermost unit where a role of the person gives the capability: the one with the fewest
 * units above it, ties by name (Swedish order). What a command without a unit means in a
 * direct message ("my summary", "my risk status"). Null when no role gives it.
 */
export async function outermostUnitWith(
  db: Database,
  actor: Actor,
  capability: Capability,
): Promise<string | null> {
  const held = actor.roles.filter((r) => policy[capability].inUnit.includes(r.role));
  let best: { unitId: string; depth: number; name: string } | null = null;
  for (const role of held) {
    const depth = (await listAncestors(db, { unitId: role.unitId })).length;
    const better =
      !best ||
      depth < best.depth ||
      (depth === best.depth && swedish.compare(role.unitName, best.name) < 0);
    if (better) best = { unitId: role.unitId, depth, name: role.unitName };
  }
  return best?.unitId ?? null;
}

/**
 * Who besides the unit's own people may be given its actions: the managers of the units
 * below a department or administration, whose units carry out its work.
 */
export const OWNERS_FROM_UNITS_BELOW: Role = 'manager';
