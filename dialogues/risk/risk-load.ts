import type { Database } from '../../store/database.js';
import type { Dialogue } from '../../store/queries/dialogues.js';
import { getRisk, type Risk } from '../../store/queries/risk-items.js';
import type { Settings } from '../core/context.js';
import type { Request } from '../core/feature.js';
import { note, type Outcome, outcome, type Reply } from '../core/outcome.js';
import {
  type Checked,
  type CheckedKind,
  checkDialogue,
  type DialogueRule,
} from '../dialogue/check-dialogue.js';
import { dialogueKey } from '../dialogue/dialogue-kind.js';
import { isUuid, type Loaded, loadDialogue } from '../dialogue/load-dialogue.js';
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

/** The dialogue message as it is now, replacing the one in the channel. */
export async function boardUpdate(
  db: Database,
  dialogue: Dialogue,
  settings: Settings,
): Promise<Extract<Reply, { kind: 'update' }>> {
  const board = await loadRiskBoard(db, dialogue, boardOptions(settings));
  return { kind: 'update', key: dialogueKey(dialogue), view: riskView(board) };
}

/** Private replies to the person, then the updated dialogue message for everyone. */
export async function withUpdate(
  request: Request,
  dialogue: Dialogue,
  ...replies: Reply[]
): Promise<Outcome> {
  return outcome(...replies, await boardUpdate(request.ctx.db, dialogue, request.ctx.settings));
}

export async function loadRiskDialogue(
  request: Request,
  dialogueId: string,
): Promise<Loaded<RiskPhase>> {
  return loadDialogue(request, riskKind, dialogueId);
}

const riskChecks: CheckedKind<RiskPhase> = {
  kind: riskKind,
  board: (request, dialogue) => boardUpdate(request.ctx.db, dialogue, request.ctx.settings),
};

/** The risk dialogue (or risk) loaded, in one of the rule's phases, and the person allowed. */
export function checkRisk<L extends LoadedRiskDialogue>(
  request: Request,
  loaded: L | { ok: false; outcome: Outcome },
  rule: DialogueRule<RiskPhase>,
): Promise<Checked<L>> {
  return checkDialogue(request, loaded, rule, riskChecks);
}

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
