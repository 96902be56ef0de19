import type { Database } from '../../store/database.js';
import type { Dialogue } from '../../store/queries/dialogues.js';
import type { Settings } from '../core/context.js';
import type { Request } from '../core/feature.js';
import { type Outcome, outcome, type Reply } from '../core/outcome.js';
import type { View } from '../view.js';
import { type Checked, checkDialogue, type DialogueRule } from './check-dialogue.js';
import { type DialogueKind, dialogueKey } from './dialogue-kind.js';
import { type Loaded, loadDialogue } from './load-dialogue.js';

export type BoardUpdate = Extract<Reply, { kind: 'update' }>;
type Running<Phase extends string> = Extract<Loaded<Phase>, { ok: true }>;
type Refused = { ok: false; outcome: Outcome };

/**
 * What every handler of a dialogue (SWOT, risk) opens and ends with, the same for each kind:
 * load what a button or form names, check it is running, in the right phase and allowed, and
 * answer with private replies followed by the board as it is now. A kind gives only its
 * board; a new kind learns nothing else.
 */
export interface DialogueKit<Phase extends string> {
  kind: DialogueKind<Phase>;
  /** The dialogue a button or form names, with passed deadlines applied; or why not. */
  load(request: Request, dialogueId: string): Promise<Loaded<Phase>>;
  /** The dialogue (or item in it) loaded, in one of the rule's phases, the person allowed. */
  check<L extends Running<Phase>>(
    request: Request,
    loaded: L | Refused,
    rule: DialogueRule<Phase>,
  ): Promise<Checked<L>>;
  /** How a handler of a button or form naming a dialogue opens: load, then check. */
  loadAndCheck(
    request: Request,
    dialogueId: string,
    rule: DialogueRule<Phase>,
  ): Promise<Checked<Running<Phase>>>;
  /** The dialogue message as it is now, replacing the one in the channel. */
  boardUpdate(db: Database, dialogue: Dialogue, settings: Settings): Promise<BoardUpdate>;
  /** Private replies to the person, then the updated dialogue message for everyone. */
  withUpdate(request: Request, dialogue: Dialogue, ...replies: Reply[]): Promise<Outcome>;
  /**
   * A dialogue just started: its message posted in the channel, and the boards of the ones a
   * passed deadline moved on while it was started (start-dialogue.ts) updated.
   */
  started(request: Request, dialogue: Dialogue, moved: readonly Dialogue[]): Promise<Outcome>;
}

export function dialogueKit<Phase extends string>(
  kind: DialogueKind<Phase>,
  board: (db: Database, dialogue: Dialogue, settings: Settings) => Promise<View>,
): DialogueKit<Phase> {
  const boardUpdate = async (
    db: Database,
    dialogue: Dialogue,
    settings: Settings,
  ): Promise<BoardUpdate> => ({
    kind: 'update',
    key: dialogueKey(dialogue),
    view: await board(db, dialogue, settings),
  });
  const checks = {
    kind,
    board: (request: Request, dialogue: Dialogue) =>
      boardUpdate(request.ctx.db, dialogue, request.ctx.settings),
  };
  return {
    kind,
    load: (request, dialogueId) => loadDialogue(request, kind, dialogueId),
    check: (request, loaded, rule) => checkDialogue(request, loaded, rule, checks),
    loadAndCheck: async (request, dialogueId, rule) =>
      checkDialogue(request, await loadDialogue(request, kind, dialogueId), rule, checks),
    boardUpdate,
    withUpdate: async (request, dialogue, ...replies) =>
      outcome(...replies, await boardUpdate(request.ctx.db, dialogue, request.ctx.settings)),
    started: async ({ ctx }, dialogue, moved) => {
      const posted = await board(ctx.db, dialogue, ctx.settings);
      const updates = await Promise.all(moved.map((d) => boardUpdate(ctx.db, d, ctx.settings)));
      return outcome({ kind: 'channel', key: dialogueKey(dialogue), view: posted }, ...updates);
    },
  };
}
