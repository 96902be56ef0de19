import type { Database } from '../../store/database.js';
import {
  changePhase,
  type Dialogue,
  getDialogue,
  listDueDialogues,
} from '../../store/queries/dialogues.js';
import { type DialogueKind, phaseOf } from './dialogue-kind.js';

/**
 * Moves a dialogue on to `to`, giving the new phase its deadline (and closing the dialogue when
 * `to` is the last phase). Null when someone else moved it first: nothing changed.
 */
export async function movePhase<Phase extends string>(
  db: Database,
  kind: DialogueKind<Phase>,
  dialogue: Dialogue,
  to: Phase,
  now: Date,
  byDeadline = false,
): Promise<Dialogue | null> {
  return changePhase(db, {
    dialogueId: dialogue.id,
    from: dialogue.phase,
    to,
    deadline:
      to === kind.closed ? null : kind.deadlineOnEntering(dialogue, to, { now, byDeadline }),
    closedAt: to === kind.closed ? now : null,
  });
}

export interface Settled {
  dialogue: Dialogue;
  /** The phases passed deadlines ended, oldest first (empty when nothing was due). */
  ended: string[];
}

/**
 * Applies passed deadlines to one dialogue, phase after phase if several have passed. Called
 * lazily on every interaction and by the scheduler tick; when both run at once, the conditional
 * phase change lets exactly one of them move it.
 */
export async function settleDeadline<Phase extends string>(
  db: Database,
  kind: DialogueKind<Phase>,
  dialogue: Dialogue,
  now: Date,
): Promise<Settled> {
  let current = dialogue;
  const ended: string[] = [];
  for (let guard = 0; guard < kind.phases.length; guard++) {
    if (current.closedAt || !current.deadline || current.deadline > now) break;
    const from = phaseOf(kind, current);
    const to = kind.afterDeadline(from);
    if (!to) break;
    const moved = await movePhase(db, kind, current, to, now, true);
    if (moved) {
      ended.push(from);
      current = moved;
    } else {
      // Someone else moved it meanwhile: carry on from what they left.
      const fresh = await getDialogue(db, { dialogueId: current.id });
      if (!fresh) break;
      current = fresh;
    }
  }
  return { dialogue: current, ended };
}

/** Every open dialogue of the kind whose deadline has passed, settled; for a scheduler tick. */
export async function settleDueDialogues<Phase extends string>(
  db: Database,
  kind: DialogueKind<Phase>,
  now: Date,
): Promise<Settled[]> {
  const due = await listDueDialogues(db, { kind: kind.kind, now });
  const settled: Settled[] = [];
  for (const dialogue of due) {
    const result = await settleDeadline(db, kind, dialogue, now);
    if (result.ended.length > 0) settled.push(result);
  }
  return settled;
}
