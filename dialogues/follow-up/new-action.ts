import type { Database } from '../../store/database.js';
import { type ActionRow, createAction, type NewAction } from '../../store/queries/actions.js';
import type { UnitMember } from '../../store/queries/people.js';
import { getUnit } from '../../store/queries/units.js';
import type { Language } from '../../store/schema/index.js';
import type { Request } from '../core/feature.js';
import { readIsoDate, todayIn } from '../dialogue/local-time.js';
import { checkFreeText } from '../safety/free-text.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { Option } from '../view.js';
import { assignees } from './assignees.js';
import { tellOwner } from './tell-owner.js';

/**
 * One way to create an action, whoever asks for it: a SWOT decision, a risk decision or
 * `actions add`. The limits, who may own it and the owner being told live here once, so the
 * three callers cannot drift apart again; each only maps the fields onto its own form.
 */

/** The longest action text, in every form and command that creates one. */
export const ACTION_TEXT_MAX = 280;

/** Select lists stop at 100 options (Block Kit's limit); names are cut to fit an option. */
const OWNER_OPTIONS_MAX = 100;
const OWNER_NAME_MAX = 70;

/** What an action in a unit must keep to: who may own it, and the first day it may be due. */
export interface ActionRules {
  owners: UnitMember[];
  /** Today where the unit is (YYYY-MM-DD): an action is not due in the past. */
  today: string;
}

/**
 * The rules for an action in this unit, as the person asking sees them: everyone with a role
 * in the unit, the managers of the units below a department or administration, and the person
 * deciding (assignees.ts).
 */
export async function actionRules(request: Request, unitId: string): Promise<ActionRules> {
  const { ctx } = request;
  const [owners, unit] = await Promise.all([
    assignees(request, unitId),
    getUnit(ctx.db, { unitId }),
  ]);
  return { owners, today: todayIn(ctx.now, unit?.timezone ?? ctx.settings.defaultTimezone) };
}

/** The owner select's options, the same in every form; a cut name shows that it is cut. */
export function ownerOptions(owners: UnitMember[]): Option[] {
  return owners.slice(0, OWNER_OPTIONS_MAX).map((m) => ({
    label: m.name.length <= OWNER_NAME_MAX ? m.name : `${m.name.slice(0, OWNER_NAME_MAX - 1)}…`,
    value: m.personId,
  }));
}

export interface CheckedAction {
  text: string;
  owner: UnitMember;
  due: string;
}

export type ActionField = 'text' | 'owner' | 'due';

export type ActionCheck =
  | { ok: true; action: CheckedAction }
  | { ok: false; errors: Partial<Record<ActionField, string>> };

/**
 * The text (not empty, at most ACTION_TEXT_MAX, no personnummer), the owner (one of the
 * rules' owners) and the due date (a date, not before today), with the same messages for
 * every caller.
 */
export function checkNewAction(
  t: Catalogue,
  given: { text: string; ownerId: string; due: string },
  rules: ActionRules,
): ActionCheck {
  const errors: Partial<Record<ActionField, string>> = {};
  const text = checkFreeText(t, given.text, { max: ACTION_TEXT_MAX });
  if (!text.ok) errors.text = given.text.trim() === '' ? t.followUp.needsActionText : text.message;
  const owner = rules.owners.find((m) => m.personId === given.ownerId);
  if (!owner) errors.owner = t.followUp.pickOwner;
  if (!readIsoDate(given.due)) errors.due = t.followUp.pickDate;
  else if (given.due < rules.today) errors.due = t.followUp.dateInPast;
  if (!text.ok || !owner || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, action: { text: text.text, owner, due: given.due } };
}

/**
 * Creates a checked action and tells its owner through the outbox, in the same transaction;
 * the owner is not told of an action they gave themselves (tell-owner.ts).
 */
export async function createActionAndTellOwner(
  tx: Database,
  params: NewAction & { defaultLang: Language },
): Promise<ActionRow> {
  const { defaultLang, ...values } = params;
  const action = await createAction(tx, values);
  await tellOwner(tx, { action, defaultLang, now: values.now });
  return action;
}
