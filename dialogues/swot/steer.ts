import type { Dialogue } from '../../store/queries/dialogues.js';
import { listSwotItems } from '../../store/queries/swot-items.js';
import type { ActionRequest } from '../core/feature.js';
import { note, type Outcome, outcome } from '../core/outcome.js';
import type { Checked } from '../dialogue/check-dialogue.js';
import { dialogueKey } from '../dialogue/dialogue-kind.js';
import { movePhase } from '../dialogue/phases.js';
import { loadSwotBoard, shownItems } from './swot-board.js';
import { type SwotPhase, swotKind } from './swot-kind.js';
import { type LoadedSwot, loadAndCheckSwot, withUpdate } from './swot-load.js';
import { swotSummaryView, swotView } from './swot-view.js';

/**
 * The facilitator's phase buttons. Each checks the phase it leaves and who clicks; the phase
 * change itself is conditional, so two clicks at once move the dialogue once.
 */
async function loadForSteering(
  request: ActionRequest,
  from: SwotPhase,
  what: string,
): Promise<Checked<LoadedSwot>> {
  return loadAndCheckSwot(request, request.action.value, {
    phases: [from],
    capability: 'run-dialogue',
    what,
  });
}

async function move(
  request: ActionRequest,
  dialogue: Dialogue,
  to: SwotPhase,
): Promise<Dialogue | null> {
  return movePhase(request.ctx.db, swotKind, dialogue, to, request.ctx.now);
}

/** collect → vote. */
export async function startVote(request: ActionRequest): Promise<Outcome> {
  const t = request.actor.t;
  const checked = await loadForSteering(request, 'collect', t.swot.only.startVote);
  if (!checked.ok) return checked.outcome;
  const items = shownItems(
    await listSwotItems(request.ctx.db, { dialogueId: checked.loaded.dialogue.id }),
  );
  if (items.length === 0) return outcome(note(t.swot.nothingToVoteOn));
  const moved = await move(request, checked.loaded.dialogue, 'vote');
  if (!moved) return outcome(note(t.dialogue.phaseMovedMeanwhile));
  return withUpdate(request, moved, note(t.swot.voteStarted));
}

/** vote → decide: the results show. */
export async function endVote(request: ActionRequest): Promise<Outcome> {
  const t = request.actor.t;
  const checked = await loadForSteering(request, 'vote', t.swot.only.endVote);
  if (!checked.ok) return checked.outcome;
  const moved = await move(request, checked.loaded.dialogue, 'decide');
  if (!moved) return outcome(note(t.dialogue.phaseMovedMeanwhile));
  return withUpdate(request, moved, note(t.swot.voteEnded));
}

/** decide → closed: the dialogue message shows it is over and the summary is posted. */
export async function closeSwot(request: ActionRequest): Promise<Outcome> {
  const t = request.actor.t;
  const checked = await loadForSteering(request, 'decide', t.swot.only.close);
  if (!checked.ok) return checked.outcome;
  const closed = await move(request, checked.loaded.dialogue, 'closed');
  if (!closed) return outcome(note(t.dialogue.phaseMovedMeanwhile));
  const board = await loadSwotBoard(
    request.ctx.db,
    closed,
    request.ctx.settings.anonymityThreshold,
  );
  return outcome(
    { kind: 'update', key: dialogueKey(closed), view: swotView(board) },
    { kind: 'channel', view: swotSummaryView(board) },
  );
}
