import { randomBytes } from 'node:crypto';
import { addSwotItem, listItemsOfAuthor } from '../../store/queries/swot-items.js';
import { type SwotQuadrant, swotQuadrants } from '../../store/schema/index.js';
import type { ActionRequest, FormRequest, Request } from '../core/feature.js';
import { anonymousInput, askedAnonymity, single } from '../core/form-values.js';
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
import { privateCardKey } from '../dialogue/private-cards.js';
import { checkFreeText } from '../safety/free-text.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { Form, FormValues, Input, View } from '../view.js';
import { ITEM_MAX, SWOT_FORM } from './swot-kind.js';
import {
  hashEditToken,
  itemRefValue,
  type LoadedSwot,
  loadAndCheckSwot,
  withUpdate,
} from './swot-load.js';

/** Anyone in the unit may add while collecting; the checks every collect handler starts with. */
export async function loadForCollecting(
  request: Request,
  dialogueId: string,
): Promise<Checked<LoadedSwot>> {
  return loadAndCheckSwot(request, dialogueId, {
    phases: ['collect'],
    capability: 'take-part',
    what: request.actor.t.swot.what.addItem,
  });
}

/** Button "add item" → the form. */
export async function openAddItem(request: ActionRequest): Promise<Outcome> {
  const checked = await loadForCollecting(request, request.action.value);
  if (!checked.ok) return checked.outcome;
  const t = request.actor.t.swot;
  const form: Form = {
    id: SWOT_FORM.addItem,
    title: t.addForm.title,
    submitLabel: t.addForm.submit,
    state: checked.loaded.dialogue.id,
    intro: t.addForm.intro({ topic: checked.loaded.dialogue.topic }),
    inputs: [
      quadrantInput(request.actor.t),
      textInput(request.actor.t),
      anonymousInput(t.addForm.anonymousLabel, t.addForm.anonymousOption),
    ],
  };
  return openForm(form);
}

export const quadrantInput = (t: Catalogue, initial?: SwotQuadrant): Input => ({
  type: 'select',
  id: 'quadrant',
  label: t.swot.addForm.quadrantLabel,
  options: swotQuadrants.map((q) => ({ label: t.swot.quadrants[q], value: q })),
  ...(initial ? { initial } : {}),
});

export const textInput = (t: Catalogue, initial?: string): Input => ({
  type: 'text',
  id: 'text',
  label: t.swot.addForm.textLabel,
  multiline: true,
  maxLength: ITEM_MAX,
  placeholder: t.swot.addForm.textPlaceholder,
  ...(initial ? { initial } : {}),
});

export type ItemInput =
  | { ok: true; quadrant: SwotQuadrant; text: string }
  | { ok: false; outcome: Outcome };

/** Quadrant and text of an item form, with one message per wrong input. */
export function readItemInput(t: Catalogue, values: FormValues): ItemInput {
  const errors: Record<string, string> = {};
  const quadrantValue = values.quadrant;
  const quadrant = swotQuadrants.find((q) => q === quadrantValue);
  if (!quadrant) errors.quadrant = t.swot.addForm.pickQuadrant;
  const text = checkFreeText(t, single(values.text), { max: ITEM_MAX });
  if (!text.ok) errors.text = text.message;
  if (!quadrant || !text.ok) return { ok: false, outcome: formErrors(errors) };
  return { ok: true, quadrant, text: text.text };
}

/**
 * The submitted item. An anonymous one is stored with no author at all: its author gets a
 * random edit token in the buttons of their private confirmation, and only its hash is kept.
 */
export async function submitAddItem(request: FormRequest): Promise<Outcome> {
  const checked = await loadForCollecting(request, request.state);
  if (!checked.ok) return asFormRefusal(checked.outcome);
  const { actor, ctx } = request;
  const input = readItemInput(actor.t, request.values);
  if (!input.ok) return input.outcome;
  const anonymous = askedAnonymity(request.values);
  const token = anonymous ? randomBytes(16).toString('base64url') : null;
  const owner = token ? { editTokenHash: hashEditToken(token) } : { authorId: actor.person.id };
  const dialogue = checked.loaded.dialogue;
  const added = await inPhase(ctx.db, dialogue, ['collect'], (tx) =>
    addSwotItem(tx, {
      dialogueId: dialogue.id,
      quadrant: input.quadrant,
      text: input.text,
      owner,
      now: ctx.now,
    }),
  );
  if (!added.ok) return formError(actor.t.dialogue.phaseMovedMeanwhile);
  const t = actor.t.swot;
  const ref = itemRefValue(added.value.id, token);
  const quadrantName = t.quadrants[input.quadrant];
  const confirmation = anonymous
    ? t.addedAnonymously({ quadrant: quadrantName })
    : t.added({ quadrant: quadrantName });
  return withUpdate(
    request,
    dialogue,
    Object.assign(
      note(confirmation, [
        { label: t.buttons.edit, action: { id: 'swot.edit', value: ref } },
        { label: t.buttons.delete, action: { id: 'swot.delete', value: ref }, style: 'danger' },
        { label: t.buttons.addAnother, action: { id: 'swot.add', value: dialogue.id } },
      ]),
      // Its edit buttons give way once collecting is over (dialogue/private-cards.ts).
      // A random card id, not the item's: the key must not tie an anonymous item to its author.
      { key: privateCardKey(dialogue, actor.person.id, `added:${randomBytes(8).toString('hex')}`) },
    ),
  );
}

/** Button "my items": the named items this person wrote, each with edit and delete. */
export async function showMyItems(request: ActionRequest): Promise<Outcome> {
  const checked = await loadForCollecting(request, request.action.value);
  if (!checked.ok) return checked.outcome;
  const t = request.actor.t.swot;
  const mine = await listItemsOfAuthor(request.ctx.db, {
    dialogueId: checked.loaded.dialogue.id,
    authorId: request.actor.person.id,
  });
  const myView: View = {
    summary: t.mine.title,
    blocks: [
      { type: 'header', text: t.mine.title },
      mine.length === 0
        ? { type: 'text', text: t.mine.none }
        : {
            type: 'list',
            items: mine.map((item) => ({
              text: `${t.quadrants[item.quadrant]}: ${item.text}`,
              buttons: [
                { label: t.buttons.edit, action: { id: 'swot.edit', value: item.id } },
                {
                  label: t.buttons.delete,
                  action: { id: 'swot.delete', value: item.id },
                  style: 'danger' as const,
                },
              ],
            })),
          },
      { type: 'context', text: t.mine.anonymousNote },
    ],
  };
  return outcome({ kind: 'private', view: myView });
}
