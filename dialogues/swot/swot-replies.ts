import type { Database } from '../../store/database.js';
import type { Dialogue } from '../../store/queries/dialogues.js';
import { type Outcome, outcome, type Reply } from '../core/outcome.js';
import { dialogueKey } from '../dialogue/dialogue-kind.js';
import type { Button } from '../view.js';
import { loadSwotBoard } from './swot-board.js';
import { swotView } from './swot-view.js';

/** The dialogue message as it is now, replacing the one in the channel (coalesced there). */
export async function boardUpdate(
  db: Database,
  dialogue: Dialogue,
): Promise<Extract<Reply, { kind: 'update' }>> {
  const board = await loadSwotBoard(db, dialogue);
  return { kind: 'update', key: dialogueKey(dialogue), view: swotView(board) };
}

/** Private replies to the person, then the updated dialogue message for everyone. */
export async function withUpdate(
  db: Database,
  dialogue: Dialogue,
  ...replies: Reply[]
): Promise<Outcome> {
  return outcome(...replies, await boardUpdate(db, dialogue));
}

/** A private line, optionally with buttons under it. */
export function note(text: string, buttons: Button[] = []): Reply {
  return {
    kind: 'private',
    view: {
      summary: text,
      blocks: [
        { type: 'text', text },
        ...(buttons.length ? [{ type: 'buttons' as const, buttons }] : []),
      ],
    },
  };
}

/**
 * The same refusal, for a form: a message at the top of the open form instead of a private
 * message (an update of the channel message, if any, still goes out).
 */
export function asFormRefusal(refusal: Outcome): Outcome {
  return outcome(
    ...refusal.replies.map(
      (reply): Reply =>
        reply.kind === 'private'
          ? { kind: 'form-errors', errors: { _form: reply.view.summary } }
          : reply,
    ),
  );
}
