import { listSwotItems, mergeSwotItems, type SwotItem } from '../../store/queries/swot-items.js';
import type { ActionRequest, FormRequest } from '../core/feature.js';
import {
  asFormRefusal,
  formError,
  formErrors,
  note,
  type Outcome,
  openForm,
  outcome,
} from '../core/outcome.js';
import type { Checked } from '../dialogue/check-dialogue.js';
import { inPhase } from '../dialogue/in-phase.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { Option } from '../view.js';
import { shownItems } from './swot-board.js';
import { SWOT_FORM } from './swot-kind.js';
import { type LoadedSwot, loadAndCheckSwot, withUpdate } from './swot-load.js';

/** Platforms cap a select at 100 options and an option at 75 characters. */
const MAX_OPTIONS = 100;
const OPTION_TEXT = 70;

async function loadForMerging(
  request: ActionRequest | FormRequest,
  dialogueId: string,
): Promise<Checked<LoadedSwot>> {
  return loadAndCheckSwot(request, dialogueId, {
    phases: ['collect'],
    capability: 'run-dialogue',
    what: request.actor.t.swot.only.merge,
  });
}

/** Button "merge duplicates" (facilitator) → a form: merge this item into that one. */
export async function openMerge(request: ActionRequest): Promise<Outcome> {
  const checked = await loadForMerging(request, request.action.value);
  if (!checked.ok) return checked.outcome;
  const t = request.actor.t;
  const items = shownItems(
    await listSwotItems(request.ctx.db, { dialogueId: checked.loaded.dialogue.id }),
  );
  if (items.length < 2) return outcome(note(t.swot.mergeForm.tooFew));
  const options = itemOptions(t, items);
  return openForm({
    id: SWOT_FORM.mergeItems,
    title: t.swot.mergeForm.title,
    submitLabel: t.swot.mergeForm.submit,
    state: checked.loaded.dialogue.id,
    intro: t.swot.mergeForm.intro,
    inputs: [
      { type: 'select', id: 'from', label: t.swot.mergeForm.fromLabel, options },
      { type: 'select', id: 'into', label: t.swot.mergeForm.intoLabel, options },
    ],
  });
}

export function itemOptions(t: Catalogue, items: SwotItem[]): Option[] {
  return items.slice(0, MAX_OPTIONS).map((item) => ({
    label: shorten(`${t.swot.quadrants[item.quadrant]}: ${item.text}`, OPTION_TEXT),
    value: item.id,
  }));
}

export const shorten = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** Merge A into B: B keeps its text and is shown with "+1 similar"; A is hidden, not lost. */
export async function submitMerge(request: FormRequest): Promise<Outcome> {
  const checked = await loadForMerging(request, request.state);
  if (!checked.ok) return asFormRefusal(checked.outcome);
  const { ctx, actor } = request;
  const t = actor.t.swot.mergeForm;
  const fromId = String(request.values.from ?? '');
  const intoId = String(request.values.into ?? '');
  const dialogue = checked.loaded.dialogue;
  const merged = await inPhase(ctx.db, dialogue, ['collect'], async (tx) => {
    // Read inside the lock: another merge or a delete may have just hidden one of them.
    const shown = new Set(
      shownItems(await listSwotItems(tx, { dialogueId: dialogue.id })).map((i) => i.id),
    );
    const errors: Record<string, string> = {};
    if (!shown.has(fromId)) errors.from = t.pickItem;
    if (!shown.has(intoId)) errors.into = t.pickItem;
    if (!errors.from && fromId === intoId) errors.into = t.sameItem;
    if (Object.keys(errors).length > 0) return errors;
    await mergeSwotItems(tx, { fromId, intoId, now: ctx.now });
    return null;
  });
  if (!merged.ok) return formError(actor.t.dialogue.phaseMovedMeanwhile);
  if (merged.value) return formErrors(merged.value);
  return withUpdate(request, dialogue, note(t.done));
}
