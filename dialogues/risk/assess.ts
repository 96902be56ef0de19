import { getOwnEstimate, saveEstimate } from '../../store/queries/risk-estimates.js';
import { setAgreedAssessment } from '../../store/queries/risk-items.js';
import { may } from '../core/access.js';
import type { ActionRequest, FormRequest, Request } from '../core/feature.js';
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
import type { Catalogue } from '../texts/catalogue.js';
import type { FormValues, Input, ListItem } from '../view.js';
import { type BoardRisk, loadRiskBoard, riskLabel } from './risk-board.js';
import { RISK_FORM } from './risk-kind.js';
import { assess, readScale, SCALE } from './risk-level.js';
import {
  boardOptions,
  checkRisk,
  type LoadedRisk,
  loadAndCheckRisk,
  loadRisk,
  withUpdate,
} from './risk-load.js';
import { assessmentText, estimatesText } from './risk-view.js';

type OpenRisk = Exclude<LoadedRisk, { ok: false }>;

/**
 * The risk in the assess phase and a person allowed to estimate; or (`steer`) in the assess or
 * decide phase and a person allowed to agree. Agreeing may wait for the decide phase, when
 * estimating is over and the spread may be shown.
 */
async function loadForAssessing(
  request: Request,
  riskId: string,
  steer: boolean,
): Promise<Checked<OpenRisk>> {
  const t = request.actor.t.risk;
  const rule = steer
    ? { phases: AGREE_PHASES, capability: 'run-risk-dialogue' as const, what: t.only.agree }
    : { phases: ['assess' as const], capability: 'take-part' as const, what: t.what.estimate };
  return checkRisk(request, await loadRisk(request, riskId), rule);
}

const AGREE_PHASES: ('assess' | 'decide')[] = ['assess', 'decide'];

/** Button "assess risks": a private sheet, one line per risk with its buttons. */
export async function showSheet(request: ActionRequest): Promise<Outcome> {
  const { ctx, actor } = request;
  const t = actor.t.risk;
  const checked = await loadAndCheckRisk(request, request.action.value, {
    phases: ['assess'],
    capability: 'take-part',
    what: t.what.estimate,
  });
  if (!checked.ok) return checked.outcome;
  const { loaded } = checked;
  const board = await loadRiskBoard(ctx.db, loaded.dialogue, boardOptions(ctx.settings));
  const steers = await may(ctx.db, actor, 'run-risk-dialogue', loaded.dialogue.unitId);
  const items: ListItem[] = [];
  for (const risk of board.risks) {
    const own = await getOwnEstimate(ctx.db, { riskId: risk.id, personId: actor.person.id });
    const yours = own
      ? ` · ${t.sheet.yours({ value: `${own.probability}×${own.consequence}` })}`
      : '';
    items.push({
      text: `*${riskLabel(risk)}* ${risk.description} — ${assessmentText(actor.t, risk)}${yours}`,
      buttons: [
        { label: t.buttons.estimate, action: { id: 'risk.estimate', value: risk.id } },
        ...(steers
          ? [{ label: t.buttons.agree, action: { id: 'risk.agree', value: risk.id } }]
          : []),
      ],
    });
  }
  return outcome({
    kind: 'private',
    // The sheet (with this person's own estimates) gives way once assessing is over.
    key: privateCardKey(loaded.dialogue, actor.person.id, 'sheet'),
    view: {
      summary: t.sheet.title,
      blocks: [
        { type: 'header', text: t.sheet.title },
        {
          type: 'context',
          text: t.sheet.intro({ threshold: ctx.settings.anonymityThreshold }),
        },
        items.length ? { type: 'list', items } : { type: 'text', text: t.nothingYet },
      ],
    },
  });
}

function scaleInputs(
  t: Catalogue,
  initial?: { probability: number; consequence: number },
): Input[] {
  const scale = (words: readonly string[]) =>
    SCALE.map((n) => ({ label: `${n} – ${words[n - 1]}`, value: String(n) }));
  return [
    {
      type: 'select',
      id: 'probability',
      label: t.risk.estimateForm.probabilityLabel,
      options: scale(t.risk.probability),
      ...(initial ? { initial: String(initial.probability) } : {}),
    },
    {
      type: 'select',
      id: 'consequence',
      label: t.risk.estimateForm.consequenceLabel,
      options: scale(t.risk.consequence),
      ...(initial ? { initial: String(initial.consequence) } : {}),
    },
  ];
}

/** Probability and consequence of a submitted form, each 1–4; otherwise one message each. */
function readScales(
  t: Catalogue,
  values: FormValues,
): { ok: true; probability: number; consequence: number } | { ok: false; outcome: Outcome } {
  const probability = readScale(values.probability);
  const consequence = readScale(values.consequence);
  if (probability && consequence) return { ok: true, probability, consequence };
  const errors: Record<string, string> = {};
  if (!probability) errors.probability = t.risk.estimateForm.pickScale;
  if (!consequence) errors.consequence = t.risk.estimateForm.pickScale;
  return { ok: false, outcome: formErrors(errors) };
}

/** Button "my estimate" → the form, with the person's earlier estimate if any. */
export async function openEstimate(request: ActionRequest): Promise<Outcome> {
  const checked = await loadForAssessing(request, request.action.value, false);
  if (!checked.ok) return checked.outcome;
  const { risk } = checked.loaded;
  const t = request.actor.t;
  const own = await getOwnEstimate(request.ctx.db, {
    riskId: risk.id,
    personId: request.actor.person.id,
  });
  return openForm({
    id: RISK_FORM.estimate,
    title: t.risk.estimateForm.title,
    submitLabel: t.risk.estimateForm.submit,
    state: risk.id,
    intro: t.risk.estimateForm.estimateIntro({
      risk: risk.description,
      threshold: request.ctx.settings.anonymityThreshold,
    }),
    inputs: scaleInputs(t, own ?? undefined),
  });
}

export async function submitEstimate(request: FormRequest): Promise<Outcome> {
  const checked = await loadForAssessing(request, request.state, false);
  if (!checked.ok) return asFormRefusal(checked.outcome);
  const { ctx, actor } = request;
  const read = readScales(actor.t, request.values);
  if (!read.ok) return read.outcome;
  const { dialogue, risk } = checked.loaded;
  const saved = await inPhase(ctx.db, dialogue, ['assess'], (tx) =>
    saveEstimate(tx, {
      riskId: risk.id,
      personId: actor.person.id,
      probability: read.probability,
      consequence: read.consequence,
      now: ctx.now,
    }),
  );
  if (!saved.ok) return formError(actor.t.dialogue.phaseMovedMeanwhile);
  const value = `${read.probability}×${read.consequence}`;
  return withUpdate(request, dialogue, note(actor.t.risk.estimated({ value })));
}

/**
 * Button "set agreed" → the form. Once estimating is over and enough estimated, it starts
 * from the median of the estimates and shows their spread; before that, how many so far.
 */
export async function openAgree(request: ActionRequest): Promise<Outcome> {
  const checked = await loadForAssessing(request, request.action.value, true);
  if (!checked.ok) return checked.outcome;
  const { risk, dialogue } = checked.loaded;
  const t = request.actor.t;
  const board = await loadRiskBoard(request.ctx.db, dialogue, boardOptions(request.ctx.settings));
  const shown = board.risks.find((r) => r.id === risk.id);
  const spread = shown?.estimates.show === 'spread' ? shown.estimates.spread : null;
  const initial =
    risk.probability && risk.consequence
      ? { probability: risk.probability, consequence: risk.consequence }
      : spread
        ? { probability: spread.probability.median, consequence: spread.consequence.median }
        : undefined;
  return openForm({
    id: RISK_FORM.agree,
    title: t.risk.estimateForm.agreeTitle,
    submitLabel: t.risk.estimateForm.submit,
    state: risk.id,
    intro: agreeIntro(t, risk.description, shown),
    inputs: scaleInputs(t, initial),
  });
}

function agreeIntro(t: Catalogue, description: string, shown: BoardRisk | undefined): string {
  const f = t.risk.estimateForm;
  const estimates = shown ? estimatesText(t, shown) : null;
  if (!shown || !estimates) return f.intro({ risk: description });
  switch (shown.estimates.show) {
    case 'count':
      return f.agreeWhileOpen({ risk: description, count: estimates });
    case 'withheld':
      return f.agreeWithout({ risk: description });
    default:
      return f.spreadIntro({ risk: description, spread: estimates });
  }
}

export async function submitAgree(request: FormRequest): Promise<Outcome> {
  const checked = await loadForAssessing(request, request.state, true);
  if (!checked.ok) return asFormRefusal(checked.outcome);
  const { ctx, actor } = request;
  const read = readScales(actor.t, request.values);
  if (!read.ok) return read.outcome;
  const { dialogue, risk } = checked.loaded;
  const saved = await inPhase(ctx.db, dialogue, AGREE_PHASES, (tx) =>
    setAgreedAssessment(tx, {
      riskId: risk.id,
      probability: read.probability,
      consequence: read.consequence,
    }),
  );
  if (!saved.ok) return formError(actor.t.dialogue.phaseMovedMeanwhile);
  const board = await loadRiskBoard(ctx.db, dialogue, boardOptions(ctx.settings));
  const rated = assess(read.probability, read.consequence, board.levels);
  const value = `${read.probability}×${read.consequence} = ${rated.value} (${actor.t.risk.levels[rated.level].toLowerCase()})`;
  return withUpdate(
    request,
    dialogue,
    note(actor.t.risk.agreed({ risk: risk.description, value })),
  );
}
