import { getAction } from '../../store/queries/action-changes.js';
import type { ActionRow } from '../../store/queries/actions.js';
import type { ActionStatus } from '../../store/schema/index.js';
import { may } from '../core/access.js';
import type { Request } from '../core/feature.js';
import { say } from '../core/guards.js';
import { isUuid } from '../core/ids.js';
import type { Outcome } from '../core/outcome.js';
import type { Catalogue } from '../texts/catalogue.js';

export type LoadedAction = { ok: true; action: ActionRow } | { ok: false; outcome: Outcome };

/**
 * The action a button or form names, if the person may change it (its owner, or whoever may
 * manage the unit's actions) and it has the status the change needs. A stale button (already
 * done or dropped) or a tampered value gives a clear message and changes nothing.
 */
export async function loadAction(
  request: Request,
  actionId: string,
  needs: ActionStatus,
): Promise<LoadedAction> {
  const { ctx, actor } = request;
  const t = actor.t;
  const action = isUuid(actionId) ? await getAction(ctx.db, { actionId }) : null;
  if (!action) return { ok: false, outcome: say(t.followUp.stale.gone) };
  if (!(await mayChange(request, action))) {
    return { ok: false, outcome: say(t.common.notAllowed({ what: t.followUp.what.change })) };
  }
  if (action.status !== needs) return { ok: false, outcome: say(staleText(t, action.status)) };
  return { ok: true, action };
}

export async function mayChange(request: Request, action: ActionRow): Promise<boolean> {
  const { ctx, actor } = request;
  if (action.ownerId === actor.person.id) return true;
  return may(ctx.db, actor, 'manage-actions', action.unitId);
}

/** Why a change no longer applies, by the status the action has now. */
export function staleText(t: Catalogue, status: ActionStatus): string {
  switch (status) {
    case 'open':
      return t.followUp.stale.open;
    case 'done':
      return t.followUp.stale.done;
    case 'dropped':
      return t.followUp.stale.dropped;
    default:
      return status satisfies never;
  }
}
