import type { Database } from '../../store/database.js';
import { type ActionWithOwner, listActionsOfDialogue } from '../../store/queries/actions.js';
import type { Dialogue } from '../../store/queries/dialogues.js';
import {
  type ReviewOutcome,
  type ReviewOutcomeAction,
  swotQuadrants,
} from '../../store/schema/index.js';
import { loadRiskBoard } from '../risk/risk-board.js';
import { loadSwotBoard, ranked } from '../swot/swot-board.js';
import { TOP_PER_QUADRANT } from '../swot/swot-kind.js';

/**
 * What a closed dialogue's summary says, as data to keep: the top items or the risk decisions,
 * the actions and their effect. Built from the same boards the summary is drawn from, but
 * without a single name: no item author (boards have none), no action owner, no decider.
 */
export async function snapshotOutcome(
  db: Database,
  dialogue: Dialogue,
  threshold: number,
): Promise<ReviewOutcome> {
  const closedAt = (dialogue.closedAt ?? dialogue.createdAt).toISOString();
  if (dialogue.kind === 'swot') {
    const board = await loadSwotBoard(db, dialogue, threshold);
    const top = swotQuadrants.flatMap((quadrant) =>
      ranked(board.quadrants[quadrant])
        .slice(0, TOP_PER_QUADRANT)
        .map((item) => ({ quadrant, text: item.text, votes: item.votes })),
    );
    return {
      kind: 'swot',
      topic: dialogue.topic,
      unitName: board.unitName,
      closedAt,
      top,
      actions: board.actions.map(outcomeAction),
    };
  }
  const board = await loadRiskBoard(db, dialogue, { threshold });
  const actions = await listActionsOfDialogue(db, { dialogueId: dialogue.id });
  return {
    kind: 'risk',
    topic: dialogue.topic,
    unitName: board.unitName,
    closedAt,
    decisions: board.risks.map((risk) => ({
      text: risk.description,
      value: risk.rated?.value ?? null,
      process: risk.process ?? null,
      handling: risk.handling ?? null,
    })),
    actions: actions.map(outcomeAction),
  };
}

/** An action without its owner: what was agreed, whether it is done, and whether it worked. */
const outcomeAction = (action: ActionWithOwner): ReviewOutcomeAction => ({
  text: action.text,
  done: action.status === 'done',
  effect: action.effect,
  effectNote: action.effectNote,
});
