import { swotQuadrants } from '../../store/schema/index.js';
import type { ActionRequest } from '../core/feature.js';
import { note, type Outcome, outcome } from '../core/outcome.js';
import { loadSwotBoard } from './swot-board.js';
import { swotPhases } from './swot-kind.js';
import { loadAndCheckSwot } from './swot-load.js';
import { allItemsView } from './swot-view.js';

/**
 * "Visa alla" under a quadrant the board had no room for: every item of it, privately, as the
 * board shows them (the same votes rule, so nothing is disclosed that the board withholds).
 */
export async function showAllItems(request: ActionRequest): Promise<Outcome> {
  const [dialogueId = '', quadrantWord] = request.action.value.split(':');
  const quadrant = swotQuadrants.find((q) => q === quadrantWord);
  const what = request.actor.t.swot.what.see;
  const checked = await loadAndCheckSwot(request, dialogueId, {
    phases: swotPhases,
    capability: 'take-part',
    what,
  });
  if (!checked.ok) return checked.outcome;
  if (!quadrant) return outcome(note(request.actor.t.common.staleButton));
  const { ctx, actor } = request;
  const board = await loadSwotBoard(
    ctx.db,
    checked.loaded.dialogue,
    ctx.settings.anonymityThreshold,
  );
  return outcome({ kind: 'private', view: allItemsView(board, actor.t, quadrant) });
}
