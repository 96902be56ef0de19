import type { Database } from '../../store/database.js';
import {
  dropAction,
  getAction,
  markActionDone,
  rescheduleAction,
} from '../../store/queries/action-changes.js';
import type { ActionRow } from '../../store/queries/actions.js';
import { enqueueOutbox } from '../../store/queries/outbox.js';
import { getPerson } from '../../store/queries/people.js';
import { getUnit } from '../../store/queries/units.js';
import type { Language } from '../../store/schema/index.js';
import type { ActionRequest, FormRequest, Request } from '../core/feature.js';
import {
  asFormRefusal,
  formError,
  formErrors,
  type Outcome,
  openForm,
  privately,
  replacingWith,
} from '../core/outcome.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import { readIsoDate, todayIn } from '../dialogue/local-time.js';
import { checkFreeText } from '../safety/free-text.js';
import { texts } from '../texts/catalogue.js';
import { changedByOtherView, FORM } from './action-views.js';
import { askLaterWeeks, effectQuestionFor } from './effect.js';
import { loadAction, staleText } from './load-action.js';
import { settleOwnerNotices } from './settled-notices.js';

/** Reasons for moving or dropping an action: a sentence or two. */
export const REASON_MAX = 300;

/** Button "Done": marks it done at once, then asks whether it had the intended effect. */
export async function markDone(request: ActionRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const loaded = await loadAction(request, request.action.value, 'open');
  if (!loaded.ok) return loaded.outcome;
  const done = await markActionDone(ctx.db, {
    actionId: loaded.action.id,
    by: actor.person.id,
    now: ctx.now,
  });
  // The nudge (or list) clicked gives way: no Klar / Nytt datum / Stryk left on a done action.
  if (!done) return replacingWith(await staleNow(request, loaded.action.id));
  // Every notice of it (the one clicked too) turns into "Klarmarkerad" through the outbox, so
  // the effect question comes as a message of its own: put in place of the clicked one, the
  // settled notice would replace it a moment later and take its buttons with it.
  await settleOwnerNotices(ctx.db, { ...settling(request), action: done, outcome: 'done' });
  return privately(effectQuestionFor(actor, done, { askLaterWeeks: askLaterWeeks(done) }));
}

/** Button "New due date" → the form: date and reason. */
export async function openReschedule(request: ActionRequest): Promise<Outcome> {
  const { actor } = request;
  const t = actor.t.followUp;
  const loaded = await loadAction(request, request.action.value, 'open');
  if (!loaded.ok) return loaded.outcome;
  const { action } = loaded;
  return openForm({
    id: FORM.reschedule,
    title: t.rescheduleForm.title,
    submitLabel: actor.t.common.save,
    state: action.id,
    intro: t.rescheduleForm.intro({
      text: action.text,
      due: formatIsoDate(action.dueDate, actor.lang),
    }),
    inputs: [
      { type: 'date', id: 'due', label: t.rescheduleForm.dateLabel, initial: action.dueDate },
      { type: 'text', id: 'reason', label: t.rescheduleForm.reasonLabel, maxLength: REASON_MAX },
    ],
  });
}

export async function submitReschedule(request: FormRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const loaded = await loadAction(request, request.state, 'open');
  if (!loaded.ok) return asFormRefusal(loaded.outcome);
  const { action } = loaded;
  const errors: Record<string, string> = {};
  const due = String(request.values.due ?? '');
  const dateProblem = await checkDueDate(request, action.unitId, due);
  if (dateProblem) errors.due = dateProblem;
  else if (due === action.dueDate) errors.due = t.followUp.rescheduleForm.sameDate;
  const reason = checkFreeText(t, String(request.values.reason ?? ''), { max: REASON_MAX });
  if (!reason.ok) errors.reason = reason.message;
  if (!reason.ok || Object.keys(errors).length > 0) return formErrors(errors);
  const moved = await ctx.db.transaction(async (tx) => {
    const changed = await rescheduleAction(tx, {
      actionId: action.id,
      by: actor.person.id,
      now: ctx.now,
      dueDate: due,
      reason: reason.text,
    });
    if (!changed) return null;
    await tellOwner(tx, request, changed.after, {
      key: `action-rescheduled:${action.id}:${changed.after.dueRevision}`,
      what: (lang) =>
        texts(lang).followUp.changed.whatRescheduled({ due: formatIsoDate(due, lang) }),
      reason: reason.text,
    });
    return changed;
  });
  if (!moved) return formError(await staleNow(request, action.id));
  const dueText = formatIsoDate(due, actor.lang);
  return replacingWith(t.followUp.changed.rescheduled({ text: action.text, due: dueText }));
}

/** Button "Drop" → the form asking why. */
export async function openDrop(request: ActionRequest): Promise<Outcome> {
  const { actor } = request;
  const t = actor.t.followUp;
  const loaded = await loadAction(request, request.action.value, 'open');
  if (!loaded.ok) return loaded.outcome;
  return openForm({
    id: FORM.drop,
    title: t.dropForm.title,
    submitLabel: actor.t.common.save,
    state: loaded.action.id,
    intro: t.dropForm.intro({ text: loaded.action.text }),
    inputs: [
      {
        type: 'text',
        id: 'reason',
        label: t.dropForm.reasonLabel,
        multiline: true,
        maxLength: REASON_MAX,
      },
    ],
  });
}

export async function submitDrop(request: FormRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const loaded = await loadAction(request, request.state, 'open');
  if (!loaded.ok) return asFormRefusal(loaded.outcome);
  const { action } = loaded;
  const reason = checkFreeText(t, String(request.values.reason ?? ''), { max: REASON_MAX });
  if (!reason.ok) return formErrors({ reason: reason.message });
  const dropped = await ctx.db.transaction(async (tx) => {
    const row = await dropAction(tx, {
      actionId: action.id,
      by: actor.person.id,
      now: ctx.now,
      reason: reason.text,
    });
    if (!row) return null;
    await settleOwnerNotices(tx, { ...settling(request), action: row, outcome: 'dropped' });
    await tellOwner(tx, request, row, {
      key: `action-dropped:${action.id}`,
      what: (lang) => texts(lang).followUp.changed.whatDropped,
      reason: reason.text,
    });
    return row;
  });
  if (!dropped) return formError(await staleNow(request, action.id));
  return replacingWith(t.followUp.changed.dropped({ text: action.text }));
}

/** What updating the owner's notices of a settled action needs from the request. */
const settling = ({ ctx }: Request) => ({
  now: ctx.now,
  defaultLang: ctx.settings.defaultLang,
  defaultTimezone: ctx.settings.defaultTimezone,
});

/** Why a change that lost a race did nothing: the status the action has now. */
async function staleNow(request: Request, actionId: string): Promise<string> {
  const now = await getAction(request.ctx.db, { actionId });
  return now ? staleText(request.actor.t, now.status) : request.actor.t.followUp.stale.gone;
}

/**
 * A due date in the action's unit's calendar: a real date, today or later. Null when fine,
 * else the message for the date input.
 */
export async function checkDueDate(
  request: Request,
  unitId: string,
  due: string,
): Promise<string | null> {
  const { ctx, actor } = request;
  if (!readIsoDate(due)) return actor.t.followUp.pickDate;
  const unit = await getUnit(ctx.db, { unitId });
  const todayThere = todayIn(ctx.now, unit?.timezone ?? ctx.settings.defaultTimezone);
  return due < todayThere ? actor.t.followUp.dateInPast : null;
}

/** When a manager changes someone's action, the owner hears of it, with the reason. */
async function tellOwner(
  tx: Database,
  request: Request,
  action: ActionRow,
  change: { key: string; what: (lang: Language) => string; reason: string },
): Promise<void> {
  const { actor, ctx } = request;
  if (action.ownerId === actor.person.id) return;
  const owner = await getPerson(tx, { personId: action.ownerId });
  if (!owner?.active) return;
  const lang = owner.lang ?? ctx.settings.defaultLang;
  await enqueueOutbox(tx, {
    key: change.key,
    target: { kind: 'person', personId: owner.id },
    notBefore: ctx.now,
    view: changedByOtherView(texts(lang), {
      who: actor.person.name,
      text: action.text,
      what: change.what(lang),
      reason: change.reason,
    }),
  });
}
