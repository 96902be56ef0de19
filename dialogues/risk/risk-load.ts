import { getRisk, type Risk } from '../../store/queries/risk-items.js';
import type { Settings } from '../core/context.js';
import type { Request } from '../core/feature.js';
import { isUuid } from '../core/ids.js';
import { note, type Outcome, outcome } from '../core/outcome.js';
import { dialogueKit } from '../dialogue/dialogue-kit.js';
import type { Loaded } from '../dialogue/load-dialogue.js';
import { loadRiskBoard } from './risk-board.js';
import { type RiskPhase, riskKind } from './risk-kind.js';
import { riskView } from './risk-view.js';

export type LoadedRiskDialogue = Extract<Loaded<RiskPhase>, { ok: true }>;

/**
 * The server's public address, for the matrix image. Settings carries it once the
 * configuration has one (PUBLIC_URL); until then the dialogue shows the grid only.
 */
export const imageBaseOf = (settings: Settings): string | null => settings.publicUrl;

/** How a board is loaded under these settings: what it may disclose, where its picture is. */
export const boardOptions = (settings: Settings) => ({
  threshold: settings.anonymityThreshold,
  imageBase: imageBaseOf(settings),
});

/** Loading, checks and replies of a risk dialogue: the dialogue kit SWOT uses too. */
export const riskKit = dialogueKit(riskKind, async (db, dialogue, settings) =>
  riskView(await loadRiskBoard(db, dialogue, boardOptions(settings))),
);
export const {
  load: loadRiskDialogue,
  check: checkRisk,
  loadAndCheck: loadAndCheckRisk,
  boardUpdate,
  withUpdate,
} = riskKit;

export type LoadedRisk = (LoadedRiskDialogue & { risk: Risk }) | { ok: false; outcome: Outcome };

/** The risk a button or form names, and its running dialogue; anything else is refused. */
export async function loadRisk(request: Request, riskId: string): Promise<LoadedRisk> {
  const risk = isUuid(riskId) ? await getRisk(request.ctx.db, { riskId }) : null;
  if (!risk?.dialogueId || risk.status !== 'open') {
    return { ok: false, outcome: outcome(note(request.actor.t.risk.riskGone)) };
  }
  const loaded = await loadRiskDialogue(request, risk.dialogueId);
  if (!loaded.ok) return loaded;
  return { ...loaded, risk };
}
