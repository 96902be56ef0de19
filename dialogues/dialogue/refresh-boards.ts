import type { Database } from '../../store/database.js';
import { lockBoard } from '../../store/queries/board-locks.js';
import { type Dialogue, getDialogue } from '../../store/queries/dialogues.js';
import { enqueueMessageUpdate } from '../../store/queries/message-updates.js';
import type { Reply } from '../core/outcome.js';
import type { TickContext } from '../schedule/tick.js';
import { retirePrivateCards } from './private-cards.js';

type BoardUpdate = Extract<Reply, { kind: 'update' }>;

/**
 * After a tick moved dialogues on, shows each one's board as it is now, wherever it was
 * posted: each board is loaded under the board's lock and its update written to the outbox in
 * one transaction (so a click in between is never overwritten by an older board, and the edit
 * is retried and survives a crash), with the private cards of the phase that ended (ballots,
 * confirmations with edit buttons), then delivered at once through `refresh`. One that fails
 * does not keep the others back; the failures are thrown together at the end, for the
 * scheduler's log (a board whose update is in the outbox is delivered by the outbox anyway).
 */
export async function refreshBoards(
  ctx: Pick<TickContext, 'db' | 'now' | 'settings' | 'refresh'>,
  dialogueIds: readonly string[],
  boardOf: (db: Database, dialogue: Dialogue) => Promise<BoardUpdate>,
): Promise<void> {
  const failures: unknown[] = [];
  for (const dialogueId of dialogueIds) {
    try {
      const update = await ctx.db.transaction(async (tx) => {
        await lockBoard(tx, { dialogueId });
        const dialogue = await getDialogue(tx, { dialogueId });
        if (!dialogue) return null;
        const board = await boardOf(tx, dialogue);
        await enqueueMessageUpdate(tx, { messageKey: board.key, view: board.view, now: ctx.now });
        await retirePrivateCards(tx, {
          dialogueId,
          now: ctx.now,
          defaultLang: ctx.settings.defaultLang,
        });
        return board;
      });
      if (update) await ctx.refresh(update.key, update.view);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} board(s) not refreshed`);
  }
}
