import type { Dialogue } from '../../store/queries/dialogues.js';
import type { Capability } from '../core/access.js';
import type { Request } from '../core/feature.js';
import { say } from '../core/guards.js';
import { type Outcome, outcome, type Reply } from '../core/outcome.js';
import type { DialogueKind } from './dialogue-kind.js';
import { guardDialogue, type Loaded } from './load-dialogue.js';

type Running<Phase extends string> = Extract<Loaded<Phase>, { ok: true }>;

/** What one kind of dialogue (SWOT, risk) adds to the shared checks. */
export interface CheckedKind<Phase extends string> {
  kind: DialogueKind<Phase>;
  /** The dialogue message as it is now: sent along when a deadline has just moved it on. */
  board(request: Request, dialogue: Dialogue): Promise<Extract<Reply, { kind: 'update' }>>;
}

/** What a button or form needs: the phases it works in, and who may use it. */
export interface DialogueRule<Phase extends string> {
  phases: readonly Phase[];
  capability: Capability;
  /** Completes "only the one leading the dialogue can …" / "you are not allowed to …". */
  what: string;
}

export type Checked<L> = { ok: true; loaded: L } | { ok: false; outcome: Outcome };

/**
 * The checks every button and form of a dialogue starts with, in this order: the dialogue
 * (or item) was found and is open, the person may do this in its unit, and it is in one of
 * the rule's phases. The first that fails is the answer; nothing has changed.
 */
export async function checkDialogue<Phase extends string, L extends Running<Phase>>(
  request: Request,
  loaded: L | { ok: false; outcome: Outcome },
  rule: DialogueRule<Phase>,
  kind: CheckedKind<Phase>,
): Promise<Checked<L>> {
  if (!loaded.ok) return loaded;
  // Permission first: someone with no right here learns nothing of the dialogue, its phase
  // included.
  const refused = await guardDialogue(request, loaded.dialogue, rule.capability, rule.what);
  if (refused) return { ok: false, outcome: refused };
  const wrongPhase = await refuseUnlessPhase(request, loaded, rule.phases, kind);
  if (wrongPhase) return { ok: false, outcome: wrongPhase };
  return { ok: true, loaded };
}

/**
 * Null when the dialogue is in one of `wanted`; otherwise the refusal. When a passed deadline
 * has just moved it on, the refusal says so and the channel message is updated with it.
 */
async function refuseUnlessPhase<Phase extends string>(
  request: Request,
  loaded: Running<Phase>,
  wanted: readonly Phase[],
  kind: CheckedKind<Phase>,
): Promise<Outcome | null> {
  if (wanted.includes(loaded.phase)) return null;
  const t = request.actor.t;
  const phase = kind.kind.phaseName(t, loaded.phase);
  if (loaded.ended.length === 0) return say(t.dialogue.wrongPhase({ phase }));
  const refusal = say(t.dialogue.deadlineEnded({ phase }));
  return outcome(...refusal.replies, await kind.board(request, loaded.dialogue));
}
