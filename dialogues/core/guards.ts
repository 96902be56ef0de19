import type { Unit } from '../../store/queries/units.js';
import { view } from '../view.js';
import { type Capability, may } from './access.js';
import type { Request } from './feature.js';
import { type Outcome, privately } from './outcome.js';

export type Guarded = { ok: true; unit: Unit } | { ok: false; outcome: Outcome };

/**
 * The check most channel commands start with: the channel must belong to a unit, and the
 * person must have the capability there. `what` completes "You are not allowed to …".
 */
export async function guardUnit(
  request: Request,
  capability: Capability,
  what: string,
): Promise<Guarded> {
  const { ctx, actor, unit } = request;
  const t = actor.t.common;
  if (!unit) return { ok: false, outcome: say(t.unlinkedChannel) };
  if (!(await may(ctx.db, actor, capability, unit.id))) {
    return { ok: false, outcome: say(t.notAllowed({ what })) };
  }
  return { ok: true, unit };
}

export const say = (text: string): Outcome => privately(view(text, { type: 'text', text }));
