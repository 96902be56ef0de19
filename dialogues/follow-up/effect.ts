import {
  getAction,
  recordCheckIn,
  recordEffect,
  recordEffectNote,
  withdrawQueuedMessage,
} from '../../store/queries/action-changes.js';
import type { ActionRow } from '../../store/queries/actions.js';
import { enqueueOutbox } from '../../store/queries/outbox.js';
import { getPerson } from '../../store/queries/people.js';
import { getUnit } from '../../store/queries/units.js';
import { type ActionEffect, actionEffects, type Language } from '../../store/schema/index.js';
import { addDays } from '../calendar/swedish-holidays.js';
import type { Actor } from '../core/actor.js';
import type { ActionRequest, FormRequest } from '../core/feature.js';
import { say } from '../core/guards.js';
import {
  asFormRefusal,
  type Outcome,
  openForm,
  replacing,
  replacingWith,
} from '../core/outcome.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import { localDate, todayIn } from '../dialogue/local-time.js';
import { checkFreeText } from '../safety/free-text.js';
import { type Catalogue, texts } from '../texts/catalogue.js';
import { type View, view } from '../view.js';
import { ACTION, effectQuestionView, FORM } from './action-views.js';
import { defaultNudgePolicy, morningOf, type NudgePolicy } from './follow-up-time.js';
import { loadAction, staleText } from './load-action.js';

/** The optional note beside the effect answer: short, like a reflection's free text. */
export const EFFECT_NOTE_MAX = 280;

/** Weeks until "ask again", or null when the action has had all its check-ins. */
export function askLaterWeeks(
  action: Pick<ActionRow, 'checkIns'>,
  policy: NudgePolicy = defaultNudgePolicy,
): number | null {
  if (action.checkIns >= policy.maxCheckIns) return null;
  return Math.round(policy.checkInAfterDays / 7);
}

export function effectQuestionFor(
  actor: Pick<Actor, 't' | 'lang'>,
  action: Pick<ActionRow, 'id' | 'text'>,
  options: { askLaterWeeks: number | null; doneOn?: string },
): View {
  return effectQuestionView(actor.t, actor.lang, action, options);
}

/** The key of an action's n-th check-in ("ask again in 4 weeks"). */
export const checkInKey = (actionId: string, n: number): string =>
  `action-effect-checkin:${actionId}:${n}`;

/** Buttons Yes / Partly / No: `<actionId>:<effect>`. Stored at once; a note may follow. */
export async function answerEffect(request: ActionRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const [actionId = '', answer = ''] = request.action.value.split(':');
  const effect = readEffect(answer);
  if (!effect) return say(t.followUp.stale.gone);
  const loaded = await loadAction(request, actionId, 'done');
  if (!loaded.ok) return loaded.outcome;
  const saved = await ctx.db.transaction(async (tx) => {
    const row = await recordEffect(tx, { actionId, by: actor.person.id, now: ctx.now, effect });
    // An answer makes a pending "ask again" moot: take it back unless it is already on its way.
    if (row && row.checkIns > 0)
      await withdrawQueuedMessage(tx, { key: checkInKey(actionId, row.checkIns) });
    return row;
  });
  if (!saved) return say(staleText(t, 'open'));
  return replacing(effectSavedView(t, saved.id, t.followUp.effects[effect]));
}

function effectSavedView(t: Catalogue, actionId: string, effect: string): View {
  const text = t.followUp.effect.saved({ effect });
  return view(
    text,
    { type: 'text', text },
    {
      type: 'buttons',
      buttons: [
        { label: t.followUp.buttons.addNote, action: { id: ACTION.effectNote, value: actionId } },
      ],
    },
  );
}

const readEffect = (word: string): ActionEffect | null =>
  (actionEffects as readonly string[]).includes(word) ? (word as ActionEffect) : null;

/**
 * "Ask again in 4 weeks": the effect question goes to the owner again through the outbox,
 * not before that working morning, at most `maxCheckIns` times per action.
 */
export async function askAgainLater(request: ActionRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const policy = defaultNudgePolicy;
  const loaded = await loadAction(request, request.action.value, 'done');
  if (!loaded.ok) return loaded.outcome;
  const { action } = loaded;
  if (askLaterWeeks(action, policy) === null) return say(t.followUp.stale.maxCheckIns);
  const unit = await getUnit(ctx.db, { unitId: action.unitId });
  const timeZone = unit?.timezone ?? ctx.settings.defaultTimezone;
  const askOn = addDays(todayIn(ctx.now, timeZone), policy.checkInAfterDays);
  const at = morningOf(askOn, timeZone, policy.time);
  const scheduled = await ctx.db.transaction(async (tx) => {
    const row = await recordCheckIn(tx, {
      actionId: action.id,
      by: actor.person.id,
      now: ctx.now,
      at,
      maxCheckIns: policy.maxCheckIns,
    });
    if (!row) return null;
    const owner = await getPerson(tx, { personId: row.ownerId });
    const lang: Language = owner?.lang ?? ctx.settings.defaultLang;
    await enqueueOutbox(tx, {
      key: checkInKey(row.id, row.checkIns),
      target: { kind: 'person', personId: row.ownerId },
      notBefore: at,
      view: effectQuestionView(texts(lang), lang, row, {
        askLaterWeeks: askLaterWeeks(row, policy),
        doneOn: row.doneAt ? localDate(row.doneAt, timeZone) : undefined,
      }),
    });
    return row;
  });
  if (!scheduled) {
    const now = await getAction(ctx.db, { actionId: action.id });
    if (now?.status === 'done') return say(t.followUp.stale.maxCheckIns);
    return say(staleText(t, now?.status ?? 'dropped'));
  }
  const date = formatIsoDate(localDate(at, timeZone), actor.lang);
  return replacingWith(t.followUp.effect.askAgainAt({ date }));
}

/** Button "Add a note" → the form with the note so far. */
export async function openEffectNote(request: ActionRequest): Promise<Outcome> {
  const { actor } = request;
  const t = actor.t.followUp.effect;
  const loaded = await loadAction(request, request.action.value, 'done');
  if (!loaded.ok) return loaded.outcome;
  const { action } = loaded;
  return openForm({
    id: FORM.effectNote,
    title: t.noteForm.title,
    submitLabel: actor.t.common.save,
    state: action.id,
    intro: `*${action.text}*`,
    inputs: [
      {
        type: 'text',
        id: 'note',
        label: t.noteForm.label,
        multiline: true,
        maxLength: EFFECT_NOTE_MAX,
        optional: true,
        ...(action.effectNote ? { initial: action.effectNote } : {}),
      },
    ],
  });
}

export async function submitEffectNote(request: FormRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const loaded = await loadAction(request, request.state, 'done');
  if (!loaded.ok) return asFormRefusal(loaded.outcome);
  const note = checkFreeText(t, String(request.values.note ?? ''), {
    max: EFFECT_NOTE_MAX,
    optional: true,
  });
  if (!note.ok) return { replies: [{ kind: 'form-errors', errors: { note: note.message } }] };
  const saved = await recordEffectNote(ctx.db, {
    actionId: loaded.action.id,
    by: actor.person.id,
    now: ctx.now,
    note: note.text || null,
  });
  if (!saved) return asFormRefusal(say(staleText(t, 'open')));
  return say(note.text ? t.followUp.effect.noteSaved : t.followUp.effect.noteRemoved);
}
