import type { Language } from '../../store/schema/index.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { Block, Button, View } from '../view.js';
import { view } from '../view.js';
import type { OwnerStage } from './nudge-plan.js';

/** Action ids of the follow-up feature. Values carry the action id (and an effect). */
export const ACTION = {
  done: 'follow-up.done',
  reschedule: 'follow-up.reschedule',
  drop: 'follow-up.drop',
  effect: 'follow-up.effect',
  effectLater: 'follow-up.effect-later',
  effectNote: 'follow-up.effect-note',
  showUnit: 'follow-up.show-unit',
  showAll: 'follow-up.show-all',
  checkOk: 'follow-up.check-ok',
  checkFound: 'follow-up.check-found',
  checkMissed: 'follow-up.check-missed',
} as const;

export const FORM = {
  add: 'follow-up.add',
  reschedule: 'follow-up.reschedule',
  drop: 'follow-up.drop',
  effectNote: 'follow-up.effect-note',
  checkFound: 'follow-up.check-found',
} as const;

/** What the views need to know about an action. */
export interface ActionBrief {
  id: string;
  text: string;
  dueDate: string;
  unitName: string;
  ownerName: string;
}

/** Done, new due date, drop: on every nudge and every open action in a list. */
export function changeButtons(t: Catalogue, actionId: string): Button[] {
  const b = t.followUp.buttons;
  return [
    { label: b.done, action: { id: ACTION.done, value: actionId }, style: 'primary' },
    { label: b.reschedule, action: { id: ACTION.reschedule, value: actionId } },
    { label: b.drop, action: { id: ACTION.drop, value: actionId }, style: 'danger' },
  ];
}

function actionFields(t: Catalogue, lang: Language, action: ActionBrief): Block {
  const f = t.followUp.fields;
  return {
    type: 'fields',
    fields: [
      { label: f.unit, value: action.unitName },
      { label: f.owner, value: action.ownerName },
      { label: f.due, value: formatIsoDate(action.dueDate, lang) },
    ],
  };
}

/** The owner's nudge: due today, or overdue by `daysLate` days. */
export function nudgeView(
  t: Catalogue,
  lang: Language,
  action: ActionBrief,
  stage: Pick<OwnerStage, 'kind'>,
  daysLate: number,
): View {
  const n = t.followUp.nudge;
  const due = formatIsoDate(action.dueDate, lang);
  const late = stage.kind === 'overdue';
  return view(
    late ? n.overdueSummary({ text: action.text, days: daysLate }) : n.dueSummary(action),
    { type: 'header', text: late ? n.overdueTitle : n.dueTitle },
    {
      type: 'text',
      text: late ? n.overdueText({ text: action.text, due, days: daysLate }) : n.dueText(action),
    },
    actionFields(t, lang, action),
    { type: 'buttons', buttons: changeButtons(t, action.id) },
    { type: 'context', text: n.hint },
  );
}

/**
 * To the unit's manager once an action is long overdue; they may change it too. `standIn`:
 * the unit has no manager, so it says why it reaches someone above.
 */
export function escalationView(
  t: Catalogue,
  lang: Language,
  action: ActionBrief,
  daysLate: number,
  standIn = false,
): View {
  const n = t.followUp.nudge;
  const due = formatIsoDate(action.dueDate, lang);
  const owner = action.ownerName;
  return view(
    n.escalateSummary({ text: action.text, owner, days: daysLate }),
    { type: 'header', text: n.escalateTitle({ unit: action.unitName }) },
    { type: 'text', text: n.escalateText({ text: action.text, owner, due, days: daysLate }) },
    ...(standIn
      ? [{ type: 'context' as const, text: t.followUp.standIn({ unit: action.unitName }) }]
      : []),
    actionFields(t, lang, action),
    { type: 'buttons', buttons: changeButtons(t, action.id) },
  );
}

/** To the owner when someone else gave them an action. */
export function assignedView(t: Catalogue, lang: Language, action: ActionBrief, by: string): View {
  const n = t.followUp.nudge;
  const due = formatIsoDate(action.dueDate, lang);
  return view(
    n.assignedSummary({ text: action.text, due }),
    { type: 'header', text: n.assignedTitle },
    { type: 'text', text: n.assignedText({ text: action.text, by }) },
    actionFields(t, lang, action),
    { type: 'buttons', buttons: changeButtons(t, action.id) },
  );
}

/** To the owner when someone else moved or dropped their action, with the reason. */
export function changedByOtherView(
  t: Catalogue,
  params: { who: string; text: string; what: string; reason: string },
): View {
  const text = t.followUp.changed.byOther(params);
  return view(t.followUp.changed.changedSummary({ text: params.text }), { type: 'text', text });
}

export function effectButtons(t: Catalogue, actionId: string): Button[] {
  const e = t.followUp.effects;
  return [
    { label: e.yes, action: { id: ACTION.effect, value: `${actionId}:yes` }, style: 'primary' },
    { label: e.partly, action: { id: ACTION.effect, value: `${actionId}:partly` } },
    { label: e.no, action: { id: ACTION.effect, value: `${actionId}:no` } },
  ];
}

/**
 * "Had it the intended effect?" right after done, or at a check-in (`doneOn` set), with the
 * offer to be asked again later while check-ins remain.
 */
export function effectQuestionView(
  t: Catalogue,
  lang: Language,
  action: Pick<ActionBrief, 'id' | 'text'>,
  options: { doneOn?: string; askLaterWeeks: number | null },
): View {
  const e = t.followUp.effect;
  const text = options.doneOn
    ? e.checkInText({ text: action.text, done: formatIsoDate(options.doneOn, lang) })
    : e.text({ text: action.text });
  const buttons = effectButtons(t, action.id);
  if (options.askLaterWeeks !== null) {
    buttons.push({
      label: t.followUp.buttons.askLater({ weeks: options.askLaterWeeks }),
      action: { id: ACTION.effectLater, value: action.id },
    });
  }
  return view(
    e.summary({ text: action.text }),
    { type: 'header', text: e.question },
    { type: 'text', text },
    { type: 'buttons', buttons },
    { type: 'context', text: e.hint },
  );
}
