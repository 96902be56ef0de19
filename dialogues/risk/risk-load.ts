import type { Database } from '../../store/database.js';
import type { Dialogue } from '../../store/queries/dialogues.js';
import { getRisk, type Risk } from '../../store/queries/risk-items.js';
import type { Settings } from '../core/context.js';
import type { Request } from '../core/feature.js';
import { type Outcome, outcome, type Reply } from '../core/outcome.js';
import { dialogueKey } from '../dialogue/dialogue-kind.js';
import { isUuid, type Loaded, loadDialogue } from '../dialogue/load-dialogue.js';
import { note } from '../swot/swot-replies.js';
import { loadRiskBoard } from './risk-board.js';
import { type RiskPhase, riskKind } from './risk-kind.js';
import { riskView } from './risk-view.js';

export type LoadedRiskDialogue = Extract<Loaded<RiskPhase>, { ok: true }>;

/**
 * The server's public address, for the matrix image. Settings carries it once the
 * configuration has one (PUBLIC_URL); until then the dialogue shows the grid only.
 */
export const imageBaseOf = (settings: Settings): string | null => settings.publicUrl;

/** The dialogue message as it is now, replacing the one in the channel. */
export async function boardUpdate(
  db: Database,
  dialogue: Dialogue,
  imageBase: string | null,
): Promise<Extract<Reply, { kind: 'update' }>> {
  const board = await loadRiskBoard(db, dialogue, imageBase);
  return { kind: 'update', key: dialogueKey(dialogue), view: riskView(board) };
}

/** Private replies to the person, then the updated dialogue message for everyone. */
export async function withUpdate(
  request: Request,
  dialogue: Dialogue,
  ...replies: Reply[]
): Promise<Outcome> {
  const base = imageBaseOf(request.ctx.settings);
  return outcome(...replies, await boardUpdate(request.ctx.db, dialogue, base));
}

export async function loadRiskDialogue(
  request: Request,
  dialogueId: string,
): Promise<Loaded<RiskPhase>> {
  return loadDialogue(request, riskKind, dialogueId);
}

/**
 * Null when the dialogue is in one of `wanted`; otherwise the refusal. When a passed deadline
 * has just moved it on, the refusal says so and the channel message is updated with it.
 */
export async function refuseUnlessPhase(
  request: Request,
  loaded: LoadedRiskDialogue,
  wanted: RiskPhase[],
): Promise<Outcome | null> {
  if (wanted.includes(loaded.phase)) return null;
  const t = request.actor.t;
  const phase = t.risk.phases[loaded.phase];
  if (loaded.ended.length === 0) return outcome(note(t.dialogue.wrongPhase({ phase })));
  return withUpdate(request, loaded.dialogue, note(t.dialogue.deadlineEnded({ phase })));
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
