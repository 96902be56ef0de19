import type { Database } from '../../store/database.js';
import type { ActionRow } from '../../store/queries/actions.js';
import { enqueueOutbox } from '../../store/queries/outbox.js';
import { getPerson } from '../../store/queries/people.js';
import type { SelfCheck } from '../../store/queries/self-checks.js';
import { getUnit } from '../../store/queries/units.js';
import type { Language } from '../../store/schema/index.js';
import { formatDate } from '../calendar/dates.js';
import { texts } from '../texts/catalogue.js';
import { view } from '../view.js';
import { assignedView } from './action-views.js';

/**
 * The owner hears of a new action through the outbox, on their platform, in their language;
 * not of one they gave themselves. Called by new-action.ts, the one way actions are created.
 */
export async function tellOwner(
  tx: Database,
  params: { action: ActionRow; defaultLang: Language; now: Date },
): Promise<void> {
  const { action } = params;
  if (action.ownerId === action.createdBy) return;
  const owner = await getPerson(tx, { personId: action.ownerId });
  const by = await getPerson(tx, { personId: action.createdBy });
  const unit = await getUnit(tx, { unitId: action.unitId });
  if (!owner || !unit) return;
  const lang = owner.lang ?? params.defaultLang;
  await enqueueOutbox(tx, {
    key: `action-assigned:${action.id}`,
    target: { kind: 'person', personId: owner.id },
    notBefore: params.now,
    // Its buttons give way once the action is done or struck (settled-notices.ts).
    updatable: true,
    view: assignedView(
      texts(lang),
      lang,
      { ...action, unitName: unit.name, ownerName: owner.name },
      by?.name ?? '',
    ),
  });
}

/**
 * The person made responsible for a new self-check hears of it at once, not only when the
 * first occurrence asks: what it is, how often, and when the first one is.
 */
export async function tellResponsible(
  tx: Database,
  params: { check: SelfCheck; defaultLang: Language; now: Date },
): Promise<void> {
  const { check } = params;
  if (check.responsibleId === check.createdBy) return;
  const person = await getPerson(tx, { personId: check.responsibleId });
  const by = await getPerson(tx, { personId: check.createdBy });
  const unit = await getUnit(tx, { unitId: check.unitId });
  if (!person || !unit) return;
  const lang = person.lang ?? params.defaultLang;
  const s = texts(lang).followUp.selfCheck;
  const p = {
    text: check.text,
    unit: unit.name,
    cadence: s.cadences[check.cadence],
    first: formatDate(check.startsOn, lang),
    by: by?.name ?? '',
  };
  await enqueueOutbox(tx, {
    key: `self-check-assigned:${check.id}`,
    target: { kind: 'person', personId: person.id },
    notBefore: params.now,
    view: view(
      s.assigned.summary(p),
      { type: 'header', text: s.assigned.title },
      { type: 'text', text: s.assigned.text(p) },
    ),
  });
}
