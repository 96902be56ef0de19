import { countUnassessed } from '../../store/queries/risk-items.js';
import type { ActionRequest } from '../core/feature.js';
import { note, type Outcome, outcome } from '../core/outcome.js';
import type { Checked } from '../dialogue/check-dialogue.js';
import { dialogueKey } from '../dialogue/dialogue-kind.js';
import { movePhase } from '../dialogue/phases.js';
import { closeRiskDialogue } from './close-effects.js';
import { loadRiskBoard } from './risk-board.js';
import { type RiskPhase, riskKind } from './risk-kind.js';
import {
  boardOptions,
  boardUpdate,
  type LoadedRiskDialogue,
  loadAndCheckRisk,
  withUpdate,
} from './risk-load.js';
import { riskSummaryView } from './risk-summary.js';
import { riskView } from './risk-view.js';

/**
 * The facilitator's phase buttons. Each checks the phase it leaves and who clicks; the phase
 * change itself is conditional, so two clicks at once move the dialogue once.
 */
async function loadForSteering(
  request: ActionRequest,
  from: RiskPhase,
  what: string,
): Promise<Checked<LoadedRiskDialogue>> {
  return loadAndCheckRisk(request, request.action.value, {
    phases: [from],
    capability: 'run-risk-dialogue',
    what,
  });
}

/** identify → assess. */
export async function startAssess(request: ActionRequest): Promise<Outcome> {
  const t = request.actor.t;
  const checked = await loadForSteering(request, 'identify', t.risk.only.startAssess);
  if (!checked.ok) return checked.outcome;
  const { dialogue } = checked.loaded;
  const board = await loadRiskBoard(request.ctx.db, dialogue, boardOptions(request.ctx.settings));
  if (board.risks.length === 0) return outcome(note(t.risk.nothingToAssess));
  const moved = await movePhase(request.ctx.db, riskKind, dialogue, 'assess', request.ctx.now);
  if (!moved) return outcome(note(t.dialogue.phaseMovedMeanwhile));
  return withUpdate(request, moved, note(t.risk.assessStarted));
}

/**
 * assess → decide. Estimating ends here, and only then may the spread of the estimates be
 * shown (see disclosure.ts), so the agreed assessments may still be set while deciding.
 */
export async function startDecide(request: ActionRequest): Promise<Outcome> {
  const t = request.actor.t;
  const checked = await loadForSteering(request, 'assess', t.risk.only.startDecide);
  if (!checked.ok) return checked.outcome;
  const { dialogue } = checked.loaded;
  const moved = await movePhase(request.ctx.db, riskKind, dialogue, 'decide', request.ctx.now);
  if (!moved) return outcome(note(t.dialogue.phaseMovedMeanwhile));
  return withUpdate(request, moved, note(t.risk.decideStarted));
}

/**
 * decide → closed, once every risk has an agreed assessment and a decision: the decisions are carried out, the
 * dialogue message shows it is over, and the summary is posted.
 */
export async function closeRisk(request: ActionRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const checked = await loadForSteering(request, 'decide', t.risk.only.close);
  if (!checked.ok) return checked.outcome;
  const { dialogue } = checked.loaded;
  const unassessed = await countUnassessed(ctx.db, { dialogueId: dialogue.id });
  if (unassessed > 0) return outcome(note(t.risk.unassessedLeft({ count: unassessed })));
  const board = await loadRiskBoard(ctx.db, dialogue, boardOptions(ctx.settings));
  const undecided = board.risks.filter((r) => !r.process || !r.handling).length;
  if (undecided > 0) return outcome(note(t.risk.undecidedLeft({ count: undecided })));
  const closed = await closeRiskDialogue(ctx.db, {
    dialogue,
    now: ctx.now,
    closedBy: actor.person.id,
    defaultLang: ctx.settings.defaultLang,
    threshold: ctx.settings.anonymityThreshold,
  });
  if (!closed) return outcome(note(t.dialogue.phaseMovedMeanwhile));
  const closedBoard = await loadRiskBoard(ctx.db, closed.dialogue, boardOptions(ctx.settings));
  const joined = await Promise.all(closed.joined.map((d) => boardUpdate(ctx.db, d, ctx.settings)));
  return outcome(
    { kind: 'update', key: dialogueKey(closed.dialogue), view: riskView(closedBoard) },
    { kind: 'channel', view: riskSummaryView(closedBoard) },
    ...joined,
  );
}
