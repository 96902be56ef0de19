import type { Database } from '../../store/database.js';
import { type Dialogue, lockDialogueInPhase } from '../../store/queries/dialogues.js';

export type InPhase<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs a change in one transaction while the dialogue is (and stays) in one of `phases`: the
 * shared row lock lets many people add or vote at once but makes a phase change wait, so nothing
 * is stored in a phase that has already ended. `ok: false` when the phase moved on meanwhile.
 */
export async function inPhase<T>(
  db: Database,
  dialogue: Dialogue,
  phases: string[],
  work: (tx: Database) => Promise<T>,
): Promise<InPhase<T>> {
  return db.transaction(async (tx) => {
    const locked = await lockDialogueInPhase(tx, { dialogueId: dialogue.id, phases });
    if (!locked) return { ok: false } as const;
    return { ok: true, value: await work(tx) } as const;
  });
}
