import { findPersonByIdentity, getPerson } from '../../store/queries/people.js';
import { getUnit, type Unit } from '../../store/queries/units.js';
import { parseMention } from '../commands/parse-command.js';
import { may } from '../core/access.js';
import type { CommandRequest, FormRequest, Request } from '../core/feature.js';
import { single } from '../core/form-values.js';
import { guardUnit, say } from '../core/guards.js';
import { isUuid } from '../core/ids.js';
import { formError, formErrors, type Outcome, openForm } from '../core/outcome.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import { readIsoDate } from '../dialogue/local-time.js';
import type { Form } from '../view.js';
import { FORM } from './action-views.js';
import {
  ACTION_TEXT_MAX,
  actionRules,
  type CheckedAction,
  checkNewAction,
  createActionAndTellOwner,
  ownerOptions,
} from './new-action.js';

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
  const rules = await actionRules(request, guarded.unit.id);
  const checked = checkNewAction(
    t,
    { text: draft.text, ownerId: draft.ownerId, due: draft.due },
    rules,
  );
  if (!checked.ok) {
    // The command names its owner by mention: say who cannot own it, not "choose an owner".
    if (checked.errors.owner) {
      const person = await getPerson(request.ctx.db, { personId: draft.ownerId });
      return say(t.followUp.notInUnit({ name: person?.name ?? '' }));
    }
    return say(checked.errors.text ?? checked.errors.due ?? '');
  }
  return save(request, guarded.unit, checked.action);
}

async function addForm(request: Request, unit: Unit, draft: Draft): Promise<Form> {
  const { actor } = request;
  const t = actor.t.followUp.addForm;
  const { owners } = await actionRules(request, unit.id);
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
        options: ownerOptions(owners),
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
  if (!unit) return formError(t.common.staleButton);
  if (!(await may(ctx.db, actor, 'manage-actions', unit.id))) {
    return formError(t.common.notAllowed({ what: t.followUp.what.manage }));
  }
  const checked = checkNewAction(
    t,
    {
      text: single(request.values.text),
      ownerId: single(request.values.owner),
      due: single(request.values.due),
    },
    await actionRules(request, unit.id),
  );
  if (!checked.ok) return formErrors(checked.errors);
  return save(request, unit, checked.action);
}

/** Saves a checked action, telling the owner in the same transaction (new-action.ts). */
async function save(request: Request, unit: Unit, input: CheckedAction): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  await ctx.db.transaction((tx) =>
    createActionAndTellOwner(tx, {
      unitId: unit.id,
      text: input.text,
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
  return say(t.followUp.added({ text: input.text, owner: input.owner.name, due }));
}
