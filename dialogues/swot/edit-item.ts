import { deleteSwotItem, getSwotItem, updateSwotItem } from '../../store/queries/swot-items.js';
import type { ActionRequest, FormRequest, Request } from '../core/feature.js';
import {
  asFormRefusal,
  formError,
  note,
  type Outcome,
  openForm,
  outcome,
} from '../core/outcome.js';
import { inPhase } from '../dialogue/in-phase.js';
import { quadrantInput, readItemInput, textInput } from './collect.js';
import { SWOT_FORM } from './swot-kind.js';
import { checkSwot, isOwnItem, type LoadedItem, loadItem, withUpdate } from './swot-load.js';

type OwnItem = Extract<LoadedItem, { ok: true }>;

/**
 * The item a button or form names, if this person wrote it and the dialogue still collects.
 * Authors may change their mind until voting starts; after that the items stand.
 */
async function loadOwnItem(
  request: Request,
  ref: string,
): Promise<{ ok: true; own: OwnItem } | { ok: false; outcome: Outcome }> {
  const t = request.actor.t.swot;
  const checked = await checkSwot(request, await loadItem(request, ref), {
    phases: ['collect'],
    capability: 'take-part',
    what: t.what.addItem,
  });
  if (!checked.ok) return checked;
  const { loaded } = checked;
  if (!isOwnItem(request, loaded.item, loaded.token)) {
    return { ok: false, outcome: outcome(note(t.notYourItem)) };
  }
  if (loaded.item.mergedIntoId) return { ok: false, outcome: outcome(note(t.itemMerged)) };
  return { ok: true, own: loaded };
}

/** Button "edit" → the form, filled in; the state carries the same reference as the button. */
export async function openEditItem(request: ActionRequest): Promise<Outcome> {
  const checked = await loadOwnItem(request, request.action.value);
  if (!checked.ok) return checked.outcome;
  const t = request.actor.t;
  const { item } = checked.own;
  return openForm({
    id: SWOT_FORM.editItem,
    title: t.swot.editForm.title,
    submitLabel: t.common.save,
    state: request.action.value,
    inputs: [quadrantInput(t, item.quadrant), textInput(t, item.text)],
  });
}

export async function submitEditItem(request: FormRequest): Promise<Outcome> {
  const checked = await loadOwnItem(request, request.state);
  if (!checked.ok) return asFormRefusal(checked.outcome);
  const { ctx, actor } = request;
  const input = readItemInput(actor.t, request.values);
  if (!input.ok) return input.outcome;
  const { dialogue, item } = checked.own;
  const saved = await inPhase(ctx.db, dialogue, ['collect'], async (tx) => {
    if (!(await getSwotItem(tx, { itemId: item.id }))) return false;
    await updateSwotItem(tx, {
      itemId: item.id,
      quadrant: input.quadrant,
      text: input.text,
      now: ctx.now,
    });
    return true;
  });
  if (!saved.ok) return formError(actor.t.dialogue.phaseMovedMeanwhile);
  if (!saved.value) return formError(actor.t.swot.itemGone);
  return withUpdate(request, dialogue, note(actor.t.swot.edited));
}

/** Button "delete": gone for good, as if never said (no votes exist while collecting). */
export async function deleteItem(request: ActionRequest): Promise<Outcome> {
  const checked = await loadOwnItem(request, request.action.value);
  if (!checked.ok) return checked.outcome;
  const { ctx, actor } = request;
  const { dialogue, item } = checked.own;
  const deleted = await inPhase(ctx.db, dialogue, ['collect'], (tx) =>
    deleteSwotItem(tx, { itemId: item.id }),
  );
  if (!deleted.ok) return outcome(note(actor.t.dialogue.phaseMovedMeanwhile));
  return withUpdate(request, dialogue, note(actor.t.swot.deleted));
}
