import type { Database } from '../../store/database.js';
import {
  createDialogue,
  type Dialogue,
  listOpenDialoguesInChannel,
} from '../../store/queries/dialogues.js';
import type { Unit } from '../../store/queries/units.js';
import type { DialogueSettings } from '../../store/schema/index.js';
import type { Capability } from '../core/access.js';
import type { Request } from '../core/feature.js';
import { guardUnit, say } from '../core/guards.js';
import type { Outcome } from '../core/outcome.js';
import { readDeadline } from './deadline.js';
import { type DialogueKind, phaseOf } from './dialogue-kind.js';
import { settleDeadline } from './phases.js';

export type Refusable<T> = ({ ok: true } & T) | { ok: false; outcome: Outcome };

/**
 * The checks before a dialogue starts: a channel linked to a unit, a person who may run
 * dialogues there. `what` completes "You are not allowed to …".
 */
export async function guardStart(
  request: Request,
  what: string,
  capability: Extract<Capability, 'run-dialogue' | 'run-risk-dialogue'> = 'run-dialogue',
): Promise<Refusable<{ unit: Unit; channelId: string }>> {
  const guarded = await guardUnit(request, capability, what);
  if (!guarded.ok) return guarded;
  const channelId = request.ctx.place.channelId;
  if (!channelId) return { ok: false, outcome: say(request.actor.t.dialogue.needsChannel) };
  return { ok: true, unit: guarded.unit, channelId };
}

/** The deadline words of a start command read in the unit's time zone; null words: none. */
export function readStartDeadline(
  request: Request,
  unit: Unit,
  words: string | null,
): Refusable<{ deadline: Date | null }> {
  if (words === null) return { ok: true, deadline: null };
  const read = readDeadline(words, { now: request.ctx.now, timeZone: unit.timezone });
  if (read.ok) return { ok: true, deadline: read.deadline };
  const t = request.actor.t.dialogue;
  const text = read.problem === 'passed' ? t.deadlinePassed : t.badDeadline({ got: words });
  return { ok: false, outcome: say(text) };
}

/**
 * Starts a dialogue in the request's channel. One open dialogue of a kind per channel, unless
 * the starter asked for another beside it; the database index holds that even under a race.
 * `withRows` writes what the kind keeps beside the dialogue (risk: its year and levels) in
 * the same transaction, so no dialogue ever exists without them.
 */
export async function startDialogue<Phase extends string>(
  request: Request,
  kind: DialogueKind<Phase>,
  params: {
    unit: Unit;
    channelId: string;
    topic: string;
    deadline: Date | null;
    settings: DialogueSettings;
    another: boolean;
    withRows?: (tx: Database, dialogue: Dialogue) => Promise<void>;
  },
): Promise<Refusable<{ dialogue: Dialogue; moved: Dialogue[] }>> {
  const { ctx, actor } = request;
  const place = { platform: ctx.place.platform, workspace: ctx.place.workspace };
  const open = await listOpenDialoguesInChannel(ctx.db, {
    kind: kind.kind,
    ...place,
    channelId: params.channelId,
  });
  const stillOpen: Dialogue[] = [];
  // Passed deadlines are applied first; those dialogues' messages need an update too.
  const moved: Dialogue[] = [];
  for (const dialogue of open) {
    const settled = await settleDeadline(ctx.db, kind, dialogue, ctx.now);
    if (settled.ended.length > 0) moved.push(settled.dialogue);
    if (!settled.dialogue.closedAt) stillOpen.push(settled.dialogue);
  }
  const blocking = stillOpen.find((d) => !d.alongside) ?? stillOpen[0];
  if (blocking && !params.another) return refuseOpen(request, kind, blocking);
  const dialogue = await ctx.db.transaction(async (tx) => {
    const created = await createDialogue(tx, {
      kind: kind.kind,
      unitId: params.unit.id,
      ...place,
      channelId: params.channelId,
      topic: params.topic,
      phase: kind.first,
      deadline: params.deadline,
      settings: params.settings,
      lang: actor.lang,
      alongside: stillOpen.some((d) => !d.alongside),
      startedBy: actor.person.id,
      now: ctx.now,
    });
    if (created && params.withRows) await params.withRows(tx, created);
    return created;
  });
  if (!dialogue) {
    const [raced] = await listOpenDialoguesInChannel(ctx.db, {
      kind: kind.kind,
      ...place,
      channelId: params.channelId,
    });
    if (raced) return refuseOpen(request, kind, raced);
    throw new Error('A dialogue could not be created, and no open one blocks it');
  }
  return { ok: true, dialogue, moved };
}

function refuseOpen<Phase extends string>(
  request: Request,
  kind: DialogueKind<Phase>,
  open: Dialogue,
): { ok: false; outcome: Outcome } {
  const t = request.actor.t;
  const phase = kind.phaseName(t, phaseOf(kind, open));
  return { ok: false, outcome: say(t.dialogue.openAlready({ topic: open.topic, phase })) };
}
