import type { Database } from '../../store/database.js';
import { type Dialogue, getDialogue } from '../../store/queries/dialogues.js';
import type { Reply } from '../core/outcome.js';
import type { TickContext } from '../schedule/tick.js';

type BoardUpdate = Extract<Reply, { kind: 'update' }>;

/**
 * After a tick moved dialogues on, shows each one's board as it is now, wherever it was
 * posted. Each board is loaded just before it is sent, not when its phase moved, so a click
 * in between is never overwritten by an older board. One that fails does not keep the
 * others back; the failures are thrown together at the end, for the scheduler's log (the
 * board then shows the change at the next click).
 */
export async function refreshBoards(
  ctx: Pick<TickContext, 'db' | 'refresh'>,
  dialogueIds: readonly string[],
  boardOf: (db: Database, dialogue: Dialogue) => Promise<BoardUpdate>,
): Promise<void> {
  const failures: unknown[] = [];
  for (const dialogueId of dialogueIds) {
    try {
      const dialogue = await getDialogue(ctx.db, { dialogueId });
      if (!dialogue) continue;
      const { key, view } = await boardOf(ctx.db, dialogue);
      await ctx.refresh(key, view);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} board(s) not refreshed`);
  }
}
