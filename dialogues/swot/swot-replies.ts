import type { Database } from '../../store/database.js';
import type { Dialogue } from '../../store/queries/dialogues.js';
import type { Settings } from '../core/context.js';
import { type Outcome, outcome, type Reply } from '../core/outcome.js';
import { dialogueKey } from '../dialogue/dialogue-kind.js';
import { loadSwotBoard } from './swot-board.js';
import { swotView } from './swot-view.js';

/** The dialogue message as it is now, replacing the one in the channel (coalesced there). */
export async function boardUpdate(
  db: Database,
  dialogue: Dialogue,
  threshold: number,
): Promise<Extract<Reply, { kind: 'update' }>> {
  const board = await loadSwotBoard(db, dialogue, threshold);
  return { kind: 'update', key: dialogueKey(dialogue), view: swotView(board) };
}

/** Private replies to the person, then the updated dialogue message for everyone. */
export async function withUpdate(
  ctx: { db: Database; settings: Settings },
  dialogue: Dialogue,
  ...replies: Reply[]
): Promise<Outcome> {
  const board = await boardUpdate(ctx.db, dialogue, ctx.settings.anonymityThreshold);
  return outcome(...replies, board);
}
