import type { Database } from '../../store/database.js';
import { settleDueDialogues } from '../dialogue/phases.js';
import { swotKind } from './swot-kind.js';

export interface PhaseClosed {
  dialogueId: string;
  /** The phases the deadline ended (usually one), and where the dialogue is now. */
  ended: string[];
  phase: string;
}

/**
 * For the scheduler tick: ends every SWOT phase whose deadline has passed (collect → vote,
 * vote → decide). Idempotent and safe on several instances at once: each phase change is
 * conditional, so a dialogue moves once however many ticks (or clicks) race for it.
 */
export async function closeDuePhases(db: Database, params: { now: Date }): Promise<PhaseClosed[]> {
  const settled = await settleDueDialogues(db, swotKind, params.now);
  return settled.map(({ dialogue, ended }) => ({
    dialogueId: dialogue.id,
    ended,
    phase: dialogue.phase,
  }));
}
