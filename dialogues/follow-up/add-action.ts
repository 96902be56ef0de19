import { findPersonByIdentity, getPerson, type UnitMember } from '../../store/queries/people.js';
import { getUnit, type Unit } from '../../store/queries/units.js';
import { parseMention } from '../commands/parse-command.js';
import { may } from '../core/access.js';
import type { CommandRequest, FormRequest, Request } from '../core/feature.js';
import { guardUnit, say } from '../core/guards.js';
import { formErrors, type Outcome, openForm } from '../core/outcome.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import { isUuid } from '../dialogue/load-dialogue.js';
import { readIsoDate } from '../dialogue/local-time.js';
import { checkFreeText } from '../safety/free-text.js';
import type { Form } from '../view.js';
import { FORM } from './action-views.js';
import { assignees } from './assignees.js';
import { checkDueDate } from './change-action.js';
import { createActionAndTellOwner } from './tell-owner.js';

/** As long as an action decided in a SWOT. */
export const ACTION_TEXT_MAX = 280;

interface Draft {
  text: string;
  ownerId: string | null;
  due: string | null;
}

/**
 * `/tillit actions add <text> @owner <date>`: a manager's own action for the channel's unit.
 * With everything given it is saved at once; with something missing the form opens, filled
 * with what was given.
 */
export async function addFromCommand(request: CommandRequest, words: string[]): Promise<Outcome> {
  const t = request.actor.t;
  const guarded = await guardUnit(request, 'manage-actions', t.followUp.what.manage);
  if (!guarded.ok) return guarded.outcome;
  const draft: Draft = { text: '', ownerId: null, due: null };
  const textWords: string[] = [];
  for (const word of words) {
    const mention = parseMention(word);
    if (mention) {
      const person = await findPersonByIdentity(request.ctx.db, {
        platform: request.ctx.place.platform,
        workspace: request.ctx.caller.workspace,
        externalId: mention.externalId,
      });
      if (!person) return say(t.followUp.unknownOwner);
      draft.ownerId = person.id;
    } else if (readIsoDate(word)) draft.due = word;
    else textWords.push(word);
  }
  draft.text = textWords.join(' ').trim();
  if (!draft.text || !draft.ownerId || !draft.due)
    return openForm(await addForm(request, guarded.unit, draft));
  const owners = await assignees(request, guarded.unit.id);
  const owner = owners.find((m) => m.personId === draft.ownerId);
  if (!owner) {
    const person = await getPerson(request.ctx.db, { personId: draft.ownerId });
    return say(t.followUp.notInUnit({ name: person?.name ?? '' }));
  }
  return save(request, guarded.unit, { text: draft.text, owner, due: draft.due });
}

async function addForm(request: Request, unit: Unit, draft: Draft): Promise<Form> {
  const { actor } = request;
  const t = actor.t.followUp.addForm;
  const owners = await assignees(request, unit.id);
  return {
    id: FORM.add,
    title: t.title,
    submitLabel: actor.t.common.save,
    state: unit.id,
    inputs: [
      {
        type: 'text',
        id: 'text',
        label: t.textLabel,
        multiline: true,
        maxLength: ACTION_TEXT_MAX,
        ...(draft.text ? { initial: draft.text.slice(0, ACTION_TEXT_MAX) } : {}),
      },
      {
        type: 'select',
        id: 'owner',
        label: t.ownerLabel,
        options: owners
          .slice(0, 100)
          .map((m) => ({ label: m.name.slice(0, 70), value: m.personId })),
        ...(draft.ownerId && owners.some((m) => m.personId === draft.ownerId)
          ? { initial: draft.ownerId }
          : {}),
      },
      { type: 'date', id: 'due', label: t.dueLabel, ...(draft.due ? { initial: draft.due } : {}) },
    ],
  };
}

export async function submitAdd(request: FormRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const unit = isUuid(request.state) ? await getUnit(ctx.db, { unitId: request.state }) : null;
  if (!unit) return formErrors({ _form: t.common.staleButton });
  if (!(await may(ctx.db, actor, 'manage-actions', unit.id))) {
    return formErrors({ _form: t.common.notAllowed({ what: t.followUp.what.manage }) });
  }
  const errors: Record<string, string> = {};
  const owners = await assignees(request, unit.id);
  const owner = owners.find((m) => m.personId === request.values.owner);
  if (!owner) errors.owner = t.followUp.pickOwner;
  const due = String(request.values.due ?? '');
  const dateProblem = await checkDueDate(request, unit.id, due);
  if (dateProblem) errors.due = dateProblem;
  const text = String(request.values.text ?? '');
  const checked = checkFreeText(t, text, { max: ACTION_TEXT_MAX });
  if (!checked.ok) errors.text = checked.message;
  if (!owner || Object.keys(errors).length > 0) return formErrors(errors);
  return save(request, unit, { text, owner, due });
}

/**
 * Checks the text and date (a command skips the form's checks), saves, and tells the owner
 * when it is someone else, in the same transaction (tell-owner.ts).
 */
async function save(
  request: Request,
  unit: Unit,
  input: { text: string; owner: UnitMember; due: string },
): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const text = checkFreeText(t, input.text, { max: ACTION_TEXT_MAX });
  if (!text.ok) return say(text.message);
  const dateProblem = await checkDueDate(request, unit.id, input.due);
  if (dateProblem) return say(dateProblem);
  await ctx.db.transaction((tx) =>
    createActionAndTellOwner(tx, {
      unitId: unit.id,
      text: text.text,
      ownerId: input.owner.personId,
      dueDate: input.due,
      sourceKind: 'manual',
      sourceDialogueId: null,
      sourceItemId: null,
      createdBy: actor.person.id,
      now: ctx.now,
      defaultLang: ctx.settings.defaultLang,
    }),
  );
  const due = formatIsoDate(input.due, actor.lang);
  return say(t.followUp.added({ text: text.text, owner: input.owner.name, due }));
}
