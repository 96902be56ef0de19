import { randomBytes } from 'node:crypto';
import { addRisk } from '../../store/queries/risk-items.js';
import type { ActionRequest, FormRequest, Request } from '../core/feature.js';
import { anonymousInput, askedAnonymity, single } from '../core/form-values.js';
import {
  asFormRefusal,
  formError,
  formErrors,
  note,
  type Outcome,
  openForm,
} from '../core/outcome.js';
import type { Checked } from '../dialogue/check-dialogue.js';
import { inPhase } from '../dialogue/in-phase.js';
import { privateCardKey } from '../dialogue/private-cards.js';
import { checkFreeText } from '../safety/free-text.js';
import { DESCRIPTION_MAX, RISK_FORM } from './risk-kind.js';
import { type LoadedRiskDialogue, loadAndCheckRisk, withUpdate } from './risk-load.js';

/** Anyone in the unit may add risks while identifying. */
async function loadForIdentifying(
  request: Request,
  dialogueId: string,
): Promise<Checked<LoadedRiskDialogue>> {
  return loadAndCheckRisk(request, dialogueId, {
    phases: ['identify'],
    capability: 'take-part',
    what: request.actor.t.risk.what.add,
  });
}

/** Button "add risk" → the form. */
export async function openAddRisk(request: ActionRequest): Promise<Outcome> {
  const checked = await loadForIdentifying(request, request.action.value);
  if (!checked.ok) return checked.outcome;
  const t = request.actor.t.risk;
  return openForm({
    id: RISK_FORM.addRisk,
    title: t.addForm.title,
    submitLabel: t.addForm.submit,
    state: checked.loaded.dialogue.id,
    intro: t.addForm.intro({ topic: checked.loaded.dialogue.topic }),
    inputs: [
      {
        type: 'text',
        id: 'description',
        label: t.addForm.label,
        multiline: true,
        maxLength: DESCRIPTION_MAX,
        placeholder: t.addForm.placeholder,
      },
      anonymousInput(t.addForm.anonymousLabel, t.addForm.anonymousOption),
    ],
  });
}

/** An anonymous risk is stored with no author at all: nobody can tell whose it was. */
export async function submitAddRisk(request: FormRequest): Promise<Outcome> {
  const checked = await loadForIdentifying(request, request.state);
  if (!checked.ok) return asFormRefusal(checked.outcome);
  const { actor, ctx } = request;
  const description = checkFreeText(actor.t, single(request.values.description), {
    max: DESCRIPTION_MAX,
  });
  if (!description.ok) return formErrors({ description: description.message });
  const anonymous = askedAnonymity(request.values);
  const dialogue = checked.loaded.dialogue;
  const added = await inPhase(ctx.db, dialogue, ['identify'], (tx) =>
    addRisk(tx, {
      unitId: dialogue.unitId,
      dialogueId: dialogue.id,
      description: description.text,
      authorId: anonymous ? null : actor.person.id,
      now: ctx.now,
    }),
  );
  if (!added.ok) return formError(actor.t.dialogue.phaseMovedMeanwhile);
  const t = actor.t.risk;
  const confirmation = note(anonymous ? t.addedAnonymously : t.added, [
    { label: t.buttons.addAnother, action: { id: 'risk.add', value: dialogue.id } },
  ]);
  // A named risk's confirmation gives way with the phase (dialogue/private-cards.ts). An
  // unnamed one keeps no key: where a card keyed by its person went would say who wrote it.
  return withUpdate(
    request,
    dialogue,
    anonymous
      ? confirmation
      : Object.assign(confirmation, {
          key: privateCardKey(dialogue, actor.person.id, `added:${randomBytes(8).toString('hex')}`),
        }),
  );
}
