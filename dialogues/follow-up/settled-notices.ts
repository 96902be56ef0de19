import type { Database } from '../../store/database.js';
import type { ActionRow } from '../../store/queries/actions.js';
import { enqueueMessageUpdate, listPostKeys } from '../../store/queries/message-updates.js';
import { getPerson } from '../../store/queries/people.js';
import { listPostedKeysWithPrefix } from '../../store/queries/posted-messages.js';
import { getUnit } from '../../store/queries/units.js';
import type { Language } from '../../store/schema/index.js';
import { formatDate } from '../calendar/dates.js';
import { isUuid } from '../core/ids.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import { todayIn } from '../dialogue/local-time.js';
import { texts } from '../texts/catalogue.js';
import { type View, view } from '../view.js';
import { defaultNudgePolicy, type NudgePolicy } from './follow-up-time.js';
import { lastOwnerStage, nudgeKeys } from './nudge-plan.js';

/**
 * The messages the outbox sent the owner about one action, that carry its Klar / Nytt datum /
 * Stryk buttons: the "Du har fått en åtgärd" notice and every due or overdue nudge of every
 * due date it had. Exact keys, so the outbox's unique index finds them.
 */
function ownerNoticeKeys(action: ActionRow, policy: NudgePolicy): string[] {
  const keys = [`action-assigned:${action.id}`];
  for (let revision = 0; revision <= action.dueRevision; revision++) {
    const of = { id: action.id, dueRevision: revision };
    keys.push(nudgeKeys.owner(of, { index: 0, kind: 'due', at: new Date(0) }));
    for (let index = 1; index <= lastOwnerStage(policy); index++) {
      keys.push(nudgeKeys.owner(of, { index, kind: 'overdue', at: new Date(0) }));
    }
  }
  return keys;
}

/**
 * Once an action is done or struck, every notice and nudge the owner got about it (and the
 * escalation its unit's managers got) shows what
 * became of it instead of its buttons, on whatever platform it reached them (an outbox update
 * of each, in the transaction that settled the action), the one clicked included: whatever
 * the click answers comes as a message of its own, or this update would replace it.
 */
export async function settleOwnerNotices(
  tx: Database,
  params: {
    action: ActionRow;
    outcome: 'done' | 'dropped';
    now: Date;
    defaultLang: Language;
    defaultTimezone: string;
    policy?: NudgePolicy;
  },
): Promise<void> {
  const { action } = params;
  const sent = await listPostKeys(tx, {
    keys: ownerNoticeKeys(action, params.policy ?? defaultNudgePolicy),
  });
  // A manager told of it when it was long overdue has the same buttons (key ends with them).
  const escalations = await listPostedKeysWithPrefix(tx, {
    prefix: `action-escalate:${action.id}:`,
  });
  if (sent.length === 0 && escalations.length === 0) return;
  const owner = await getPerson(tx, { personId: action.ownerId });
  const unit = await getUnit(tx, { unitId: action.unitId });
  const day = todayIn(params.now, unit?.timezone ?? params.defaultTimezone);
  const settledIn = (lang: Language) =>
    settledView(lang, {
      text: action.text,
      dueDate: action.dueDate,
      unitName: unit?.name ?? '',
      ownerName: owner?.name ?? '',
      outcome: params.outcome,
      day,
    });
  const ownerView = settledIn(owner?.lang ?? params.defaultLang);
  for (const key of sent) {
    await enqueueMessageUpdate(tx, { messageKey: key, view: ownerView, now: params.now });
  }
  for (const key of escalations) {
    const managerId = key.split(':').at(-1) ?? '';
    const manager = isUuid(managerId) ? await getPerson(tx, { personId: managerId }) : null;
    const view = settledIn(manager?.lang ?? params.defaultLang);
    await enqueueMessageUpdate(tx, { messageKey: key, view, now: params.now });
  }
}

/** The notice as it reads once settled: what the action was, and what became of it. */
function settledView(
  lang: Language,
  p: {
    text: string;
    dueDate: string;
    unitName: string;
    ownerName: string;
    outcome: 'done' | 'dropped';
    day: string;
  },
): View {
  const t = texts(lang).followUp;
  const title = t.nudge.settledTitle[p.outcome];
  const line = t.nudge.settledText[p.outcome]({ date: formatDate(p.day, lang) });
  return view(
    `${title}: ${p.text}`,
    { type: 'header', text: title },
    { type: 'text', text: `*${p.text}*` },
    {
      type: 'fields',
      fields: [
        { label: t.fields.unit, value: p.unitName },
        { label: t.fields.owner, value: p.ownerName },
        { label: t.fields.due, value: formatIsoDate(p.dueDate, lang) },
      ],
    },
    { type: 'context', text: line },
  );
}
