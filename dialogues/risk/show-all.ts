import type { ActionRequest } from '../core/feature.js';
import type { Outcome } from '../core/outcome.js';
import { privately } from '../core/outcome.js';
import { loadRiskBoard } from './risk-board.js';
import { riskPhases } from './risk-kind.js';
import { boardOptions, loadAndCheckRisk } from './risk-load.js';
import { allRisksView } from './risk-view.js';

/**
 * "Visa alla" under a risk list the board had no room for: every risk, privately, as the board
 * shows them (the same disclosure rules: counts only while estimating is open).
 */
export async function showAllRisks(request: ActionRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const checked = await loadAndCheckRisk(request, request.action.value, {
    phases: riskPhases,
    capability: 'take-part',
    what: actor.t.risk.what.see,
  });
  if (!checked.ok) return checked.outcome;
  const board = await loadRiskBoard(ctx.db, checked.loaded.dialogue, boardOptions(ctx.settings));
  return privately(allRisksView(board, actor.t));
}
