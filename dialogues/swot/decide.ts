import { createPendingRiskFromSwot } from '../../store/queries/risks.js';
import { getSwotItem, listSwotItems, type SwotItem } from '../../store/queries/swot-items.js';
import type { ActionRequest, FormRequest, Request } from '../core/feature.js';
import { isUuid } from '../core/ids.js';
import {
  asFormRefusal,
  formError,
  formErrors,
  note,
  type Outcome,
  openForm,
  outcome,
} from '../core/outcome.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import { inPhase } from '../dialogue/in-phase.js';
import {
  ACTION_TEXT_MAX,
  actionRules,
  checkNewAction,
  createActionAndTellOwner,
  ownerOptions,
} from '../follow-up/new-action.js';
import type { Input } from '../view.js';
import { itemOptions } from './merge.js';
import { shownItems } from './swot-board.js';
import { riskQuadrants, SWOT_FORM } from './swot-kind.js';
import { checkSwot, type LoadedSwot, loadAndCheckSwot, loadItem, withUpdate } from './swot-load.js';

type Decidable =
  | { ok: true; loaded: LoadedSwot; item: SwotItem | null }
  | { ok: false; outcome: Outcome };

/**
 * `<dialogueId>` or `<dialogueId>:<itemId>` (an action from a top item): the dialogue in the
 * decide phase, a facilitator clicking, and the item if one was named.
 */
async function loadForDeciding(request: Request, ref: string, what: string): Promise<Decidable> {
  const [dialogueId = '', itemId] = ref.split(':');
  const checked = await loadAndCheckSwot(request, dialogueId, {
    phases: ['decide'],
    capability: 'run-dialogue',
    what,
  });
  if (!checked.ok) return checked;
  const { loaded } = checked;
  if (itemId === undefined) return { ok: true, loaded, item: null };
  const item = isUuid(itemId) ? await getSwotItem(request.ctx.db, { itemId }) : null;
  if (!item || item.dialogueId !== dialogueId || item.mergedIntoId) {
    return { ok: false, outcome: outcome(note(request.actor.t.swot.itemGone)) };
  }
  return { ok: true, loaded, item };
}

/** Button "make it an action" (on a top item) or "new action" → the form. */
export async function openAction(request: ActionRequest): Promise<Outcome> {
  const t = request.actor.t;
  const checked = await loadForDeciding(request, request.action.value, t.swot.only.decide);
  if (!checked.ok) return checked.outcome;
  const { loaded, item } = checked;
  const { owners } = await actionRules(request, loaded.dialogue.unitId);
  const inputs: Input[] = [];
  if (!item) {
    const items = shownItems(
      await listSwotItems(request.ctx.db, { dialogueId: loaded.dialogue.id }),
    );
    if (items.length > 0) {
      inputs.push({
        type: 'select',
        id: 'item',
        label: t.swot.actionForm.itemLabel,
        options: itemOptions(t, items),
        optional: true,
      });
    }
  }
  inputs.push(
    {
      type: 'text',
      id: 'text',
      label: t.swot.actionForm.textLabel,
      multiline: true,
      maxLength: ACTION_TEXT_MAX,
      ...(item ? { initial: item.text.slice(0, ACTION_TEXT_MAX) } : {}),
    },
    {
      type: 'select',
      id: 'owner',
      label: t.swot.actionForm.ownerLabel,
      options: ownerOptions(owners),
    },
    { type: 'date', id: 'due', label: t.swot.actionForm.dueLabel },
  );
  return openForm({
    id: SWOT_FORM.addAction,
    title: t.swot.actionForm.title,
    submitLabel: t.common.save,
    state: request.action.value,
    ...(item ? { intro: t.swot.actionForm.fromItem({ item: item.text }) } : {}),
    inputs,
  });
}

export async function submitAction(request: FormRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t;
  const checked = await loadForDeciding(request, request.state, t.swot.only.decide);
  if (!checked.ok) return asFormRefusal(checked.outcome);
  const { loaded } = checked;
  const dialogue = loaded.dialogue;
  const rules = await actionRules(request, dialogue.unitId);
  const read = checkNewAction(
    t,
    {
      text: String(request.values.text ?? ''),
      ownerId: String(request.values.owner ?? ''),
      due: String(request.values.due ?? ''),
    },
    rules,
  );
  const errors: Record<string, string> = read.ok ? {} : { ...read.errors };
  let item = checked.item;
  const pickedItem = request.values.item;
  if (!item && typeof pickedItem === 'string' && pickedItem !== '') {
    const found = isUuid(pickedItem) ? await getSwotItem(ctx.db, { itemId: pickedItem }) : null;
    if (!found || found.dialogueId !== dialogue.id || found.mergedIntoId)
      errors.item = t.swot.itemGone;
    else item = found;
  }
  if (!read.ok || Object.keys(errors).length > 0) return formErrors(errors);
  const { text, owner, due } = read.action;
  const saved = await inPhase(ctx.db, dialogue, ['decide'], (tx) =>
    createActionAndTellOwner(tx, {
      unitId: dialogue.unitId,
      text,
      ownerId: owner.personId,
      dueDate: due,
      sourceKind: 'swot',
      sourceDialogueId: dialogue.id,
      sourceItemId: item?.id ?? null,
      createdBy: actor.person.id,
      now: ctx.now,
      defaultLang: ctx.settings.defaultLang,
    }),
  );
  if (!saved.ok) return formError(t.dialogue.phaseMovedMeanwhile);
  const confirmation = t.swot.actionSaved({
    text,
    owner: owner.name,
    due: formatIsoDate(due, actor.lang),
  });
  return withUpdate(request, dialogue, note(confirmation));
}

/** Button "make it a risk" on a threat or weakness: pending for the unit's next risk dialogue. */
export async function makeRisk(request: ActionRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t.swot;
  const checked = await checkSwot(request, await loadItem(request, request.action.value), {
    phases: ['decide'],
    capability: 'run-dialogue',
    what: t.only.risk,
  });
  if (!checked.ok) return checked.outcome;
  const { item, dialogue } = checked.loaded;
  if (item.mergedIntoId) return outcome(note(t.itemMerged));
  if (!riskQuadrants.includes(item.quadrant)) return outcome(note(t.onlyThreatsBecomeRisks));
  const created = await inPhase(ctx.db, dialogue, ['decide'], (tx) =>
    createPendingRiskFromSwot(tx, {
      unitId: dialogue.unitId,
      description: item.text,
      dialogueId: dialogue.id,
      itemId: item.id,
      now: ctx.now,
    }),
  );
  if (!created.ok) return outcome(note(actor.t.dialogue.phaseMovedMeanwhile));
  if (!created.value) return outcome(note(t.alreadyRisk));
  return withUpdate(request, dialogue, note(t.riskCreated({ item: item.text })));
}
