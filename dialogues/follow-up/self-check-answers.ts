import {
  answerOccurrence,
  getOccurrence,
  type OccurrenceWithCheck,
} from '../../store/queries/self-checks.js';
import type { SelfCheckOutcome } from '../../store/schema/index.js';
import { may } from '../core/access.js';
import type { ActionRequest, FormRequest, Request } from '../core/feature.js';
import { say } from '../core/guards.js';
import { isUuid } from '../core/ids.js';
import { asFormRefusal, formErrors, type Outcome, openForm } from '../core/outcome.js';
import { checkFreeText } from '../safety/free-text.js';
import { FORM } from './action-views.js';
import { tellOfFinding } from './finding-notice.js';

/** What was found at a self-check: a short description, never about a named brukare. */
export const FINDING_MAX = 500;

type Loaded = { ok: true; occurrence: OccurrenceWithCheck } | { ok: false; outcome: Outcome };

/** The occurrence a button names, unanswered, if the person is responsible or manages the unit. */
async function loadOccurrence(request: Request, occurrenceId: string): Promise<Loaded> {
  const { ctx, actor } = request;
  const t = actor.t;
  const occurrence = isUuid(occurrenceId) ? await getOccurrence(ctx.db, { occurrenceId }) : null;
  if (!occurrence) return { ok: false, outcome: say(t.followUp.selfCheck.gone) };
  const allowed =
    occurrence.check.responsibleId === actor.person.id ||
    (await may(ctx.db, actor, 'manage-actions', occurrence.check.unitId));
  if (!allowed) {
    return { ok: false, outcome: say(t.common.notAllowed({ what: t.followUp.what.answerCheck })) };
  }
  if (occurrence.outcome) return { ok: false, outcome: say(t.followUp.selfCheck.alreadyAnswered) };
  return { ok: true, occurrence };
}

async function record(
  request: Request,
  occurrence: OccurrenceWithCheck,
  outcome: SelfCheckOutcome,
  note: string | null,
): Promise<Outcome> {
  const { ctx, actor } = request;
  const s = actor.t.followUp.selfCheck;
  const saved = await ctx.db.transaction(async (tx) => {
    const answered = await answerOccurrence(tx, {
      occurrenceId: occurrence.id,
      outcome,
      note,
      by: actor.person.id,
      now: ctx.now,
    });
    if (answered && outcome === 'found' && note) {
      await tellOfFinding(tx, {
        occurrence,
        finding: note,
        by: { id: actor.person.id, name: actor.person.name },
        defaultLang: ctx.settings.defaultLang,
        now: ctx.now,
      });
    }
    return answered;
  });
  if (!saved) return say(s.alreadyAnswered);
  return say(s.saved({ outcome: s.outcomes[outcome] }));
}

/** Button "Done – nothing found". */
export async function checkOk(request: ActionRequest): Promise<Outcome> {
  const loaded = await loadOccurrence(request, request.action.value);
  if (!loaded.ok) return loaded.outcome;
  return record(request, loaded.occurrence, 'ok', null);
}

/** Button "Not done". */
export async function checkMissed(request: ActionRequest): Promise<Outcome> {
  const loaded = await loadOccurrence(request, request.action.value);
  if (!loaded.ok) return loaded.outcome;
  return record(request, loaded.occurrence, 'not-done', null);
}

/** Button "Done – found something" → the form asking what. */
export async function openCheckFound(request: ActionRequest): Promise<Outcome> {
  const { actor } = request;
  const s = actor.t.followUp.selfCheck;
  const loaded = await loadOccurrence(request, request.action.value);
  if (!loaded.ok) return loaded.outcome;
  return openForm({
    id: FORM.checkFound,
    title: s.foundForm.title,
    submitLabel: actor.t.common.save,
    state: loaded.occurrence.id,
    intro: `*${loaded.occurrence.check.text}*`,
    inputs: [
      {
        type: 'text',
        id: 'note',
        label: s.foundForm.label,
        multiline: true,
        maxLength: FINDING_MAX,
      },
    ],
  });
}

export async function submitCheckFound(request: FormRequest): Promise<Outcome> {
  const loaded = await loadOccurrence(request, request.state);
  if (!loaded.ok) return asFormRefusal(loaded.outcome);
  const note = checkFreeText(request.actor.t, String(request.values.note ?? ''), {
    max: FINDING_MAX,
  });
  if (!note.ok) return formErrors({ note: note.message });
  return record(request, loaded.occurrence, 'found', note.text);
}
