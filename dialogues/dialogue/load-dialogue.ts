import { lockBoard } from '../../store/queries/board-locks.js';
import { type Dialogue, getDialogue } from '../../store/queries/dialogues.js';
import { type Capability, may } from '../core/access.js';
import type { Request } from '../core/feature.js';
import { say } from '../core/guards.js';
import { isUuid } from '../core/ids.js';
import type { Outcome } from '../core/outcome.js';
import { type DialogueKind, phaseOf } from './dialogue-kind.js';
import { settleDeadline } from './phases.js';

export type Loaded<Phase extends string> =
  | {
      ok: true;
      dialogue: Dialogue;
      phase: Phase;
      /** Phases that passed deadlines ended just now: the channel message needs an update. */
      ended: string[];
    }
  | { ok: false; outcome: Outcome };

/**
 * The dialogue a button or form names, with passed deadlines applied. A closed, unknown or
 * foreign dialogue (a stale button, a tampered value) gives a clear message and changes nothing.
 */
export async function loadDialogue<Phase extends string>(
  request: Request,
  kind: DialogueKind<Phase>,
  dialogueId: string,
): Promise<Loaded<Phase>> {
  const t = request.actor.t.dialogue;
  // Before anything is read: this request's board then shows every change committed before it.
  if (isUuid(dialogueId)) await lockBoard(request.ctx.db, { dialogueId });
  const found = isUuid(dialogueId) ? await getDialogue(request.ctx.db, { dialogueId }) : null;
  if (!found || found.kind !== kind.kind) return { ok: false, outcome: say(t.notFound) };
  // Whether it is closed is told only to someone who may take part in its unit; to anyone
  // else a dialogue they have no part in is as good as unknown.
  if (found.closedAt) {
    const insider = await may(request.ctx.db, request.actor, 'take-part', found.unitId);
    return { ok: false, outcome: say(insider ? t.closed : t.notFound) };
  }
  const settled = await settleDeadline(request.ctx.db, kind, found, request.ctx.now);
  return {
    ok: true,
    dialogue: settled.dialogue,
    phase: phaseOf(kind, settled.dialogue),
    ended: settled.ended,
  };
}

/**
 * May the person do this in the dialogue's unit? Steering (phase changes, deciding) is refused
 * with "only the one leading the dialogue can …"; taking part with "you are not allowed to …".
 */
export async function guardDialogue(
  request: Request,
  dialogue: Dialogue,
  capability: Capability,
  what: string,
): Promise<Outcome | null> {
  const { ctx, actor } = request;
  if (await may(ctx.db, actor, capability, dialogue.unitId)) return null;
  return capability === 'run-dialogue' || capability === 'run-risk-dialogue'
    ? say(actor.t.dialogue.onlyFacilitator({ what }))
    : say(actor.t.common.notAllowed({ what }));
}
