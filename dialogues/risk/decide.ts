import { setRiskDecision } from '../../store/queries/risk-items.js';
import {
  type RiskHandling,
  riskHandlings,
  riskProcesses,
  selfCheckCadences,
} from '../../store/schema/index.js';
import type { ActionRequest, FormRequest, Request } from '../core/feature.js';
import { single } from '../core/form-values.js';
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
import { ACTION_TEXT_MAX, actionRules, ownerOptions } from '../follow-up/new-action.js';
import type { Catalogue } from '../texts/catalogue.js';
import { type Form, type FormValues, type Input, isFormRefresh, type ListItem } from '../view.js';
import { readDecision } from './decision-input.js';
import { type BoardRisk, loadRiskBoard, riskLabel } from './risk-board.js';
import { CHECK_MAX, MOTIVATION_MAX, RISK_FORM } from './risk-kind.js';
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

async function loadForDeciding(request: Request, riskId: string): Promise<Checked<OpenRisk>> {
  return checkRisk(request, await loadRisk(request, riskId), {
    phases: ['decide'],
    capability: 'run-risk-dialogue',
    what: request.actor.t.risk.only.decide,
  });
}

/** Button "decide on risks": a private list, one "decide" button per risk. */
export async function showDecisions(request: ActionRequest): Promise<Outcome> {
  const t = request.actor.t.risk;
  const checked = await loadAndCheckRisk(request, request.action.value, {
    phases: ['decide'],
    capability: 'run-risk-dialogue',
    what: t.only.decide,
  });
  if (!checked.ok) return checked.outcome;
  const { loaded } = checked;
  const board = await loadRiskBoard(
    request.ctx.db,
    loaded.dialogue,
    boardOptions(request.ctx.settings),
  );
  const items: ListItem[] = board.risks.map((risk) => ({
    text: `*${riskLabel(risk)}* ${risk.description} — ${decisionValue(request.actor.t, risk)} — ${
      risk.process && risk.handling
        ? t.decisionLine({
            process: t.processes[risk.process],
            handling: t.handlings[risk.handling],
          })
        : t.notDecided
    }`,
    buttons: [
      { label: t.buttons.decide, action: { id: 'risk.decide', value: risk.id } },
      { label: t.buttons.agree, action: { id: 'risk.agree', value: risk.id } },
    ],
  }));
  return outcome({
    kind: 'private',
    view: {
      summary: t.decisions.title,
      blocks: [
        { type: 'header', text: t.decisions.title },
        { type: 'context', text: t.decisions.intro },
        items.length ? { type: 'list', items } : { type: 'text', text: t.nothingYet },
      ],
    },
  });
}

/** Button "decide" on a risk → one form for process, handling and what the handling needs. */
export async function openDecision(request: ActionRequest): Promise<Outcome> {
  const checked = await loadForDeciding(request, request.action.value);
  if (!checked.ok) return checked.outcome;
  return openForm(await decisionForm(request, checked.loaded));
}

/** Fields that only one handling needs: shown only while that handling is chosen. */
const onlyFor = (handling: RiskHandling) => ({ shownWhen: { input: 'handling', is: [handling] } });

/**
 * The decision form: process and handling, a motivation, and the fields of the chosen handling
 * only (an action's text, owner and date; a self-check's what, how often, by whom, from when).
 * `typed` is what the person entered so far, when a new handling was chosen (a refresh).
 */
async function decisionForm(
  request: Request,
  loaded: OpenRisk,
  typed: FormValues = {},
): Promise<Form> {
  const { risk, dialogue } = loaded;
  const t = request.actor.t.risk;
  const board = await loadRiskBoard(request.ctx.db, dialogue, boardOptions(request.ctx.settings));
  const shown = board.risks.find((r) => r.id === risk.id);
  const people = ownerOptions((await actionRules(request, dialogue.unitId)).owners);
  const d = risk.decision ?? {};
  const f = t.decisionForm;
  // What was typed wins over what was stored; an input not shown before keeps the stored value.
  const initial = (value: string | undefined, id?: string) => {
    const given = id === undefined ? undefined : typed[id];
    const chosen = given === undefined ? value : single(given);
    return chosen ? { initial: chosen } : {};
  };
  const inputs: Input[] = [
    {
      type: 'select',
      id: 'process',
      label: f.processLabel,
      options: riskProcesses.map((p) => ({ label: t.processes[p], value: p })),
      ...initial(risk.process ?? undefined, 'process'),
    },
    {
      type: 'select',
      id: 'handling',
      label: f.handlingLabel,
      options: riskHandlings.map((h) => ({
        label:
          h === 'escalate' && board.parent
            ? t.escalateTo({ unit: board.parent.name }).slice(0, 75)
            : t.handlings[h],
        value: h,
      })),
      ...initial(risk.handling ?? undefined, 'handling'),
    },
    {
      type: 'text',
      id: 'motivation',
      label: f.motivationLabel,
      multiline: true,
      maxLength: MOTIVATION_MAX,
      optional: true,
      ...initial(d.motivation, 'motivation'),
    },
    {
      type: 'text',
      id: 'action_text',
      label: f.actionTextLabel,
      maxLength: ACTION_TEXT_MAX,
      optional: true,
      ...initial(d.action?.text, 'action_text'),
      ...onlyFor('action'),
    },
    {
      type: 'select',
      id: 'owner',
      label: f.ownerLabel,
      options: people,
      optional: true,
      ...initial(d.action?.ownerId, 'owner'),
      ...onlyFor('action'),
    },
    {
      type: 'date',
      id: 'due',
      label: f.dueLabel,
      optional: true,
      ...initial(d.action?.dueDate, 'due'),
      ...onlyFor('action'),
    },
    {
      type: 'text',
      id: 'check_what',
      label: f.checkWhatLabel,
      maxLength: CHECK_MAX,
      optional: true,
      ...initial(d.selfCheck?.what, 'check_what'),
      ...onlyFor('self-check'),
    },
    {
      type: 'select',
      id: 'cadence',
      label: f.cadenceLabel,
      options: selfCheckCadences.map((c) => ({ label: t.cadences[c], value: c })),
      optional: true,
      ...initial(d.selfCheck?.cadence, 'cadence'),
      ...onlyFor('self-check'),
    },
    {
      type: 'select',
      id: 'check_by',
      label: f.checkByLabel,
      options: people,
      optional: true,
      ...initial(d.selfCheck?.byId, 'check_by'),
      ...onlyFor('self-check'),
    },
    {
      type: 'date',
      id: 'check_start',
      label: f.checkStartLabel,
      optional: true,
      ...initial(d.selfCheck?.startsOn, 'check_start'),
      ...onlyFor('self-check'),
    },
  ];
  const value = shown ? decisionValue(request.actor.t, shown) : '';
  const without = shown?.estimates.show === 'withheld' ? `\n${f.withoutEstimates}` : '';
  return {
    id: RISK_FORM.decision,
    title: f.title,
    submitLabel: f.submit,
    state: risk.id,
    intro: `${f.intro({ risk: risk.description, value })}${without}`,
    inputs,
  };
}

export async function submitDecision(request: FormRequest): Promise<Outcome> {
  const checked = await loadForDeciding(request, request.state);
  if (!checked.ok) return asFormRefusal(checked.outcome);
  // A new handling chosen in Slack or Teams: the form again with its fields, nothing saved.
  if (isFormRefresh(request.values)) {
    return openForm(await decisionForm(request, checked.loaded, request.values));
  }
  const { ctx, actor } = request;
  const { risk, dialogue } = checked.loaded;
  const board = await loadRiskBoard(ctx.db, dialogue, boardOptions(ctx.settings));
  const read = readDecision(actor.t, request.values, {
    rules: await actionRules(request, dialogue.unitId),
    hasParent: board.parent !== null,
  });
  if (!read.ok) return formErrors(read.errors);
  const saved = await inPhase(ctx.db, dialogue, ['decide'], (tx) =>
    setRiskDecision(tx, {
      riskId: risk.id,
      process: read.process,
      handling: read.handling,
      decision: read.decision,
      decidedBy: actor.person.id,
      now: ctx.now,
    }),
  );
  if (!saved.ok) return formError(actor.t.dialogue.phaseMovedMeanwhile);
  const t = actor.t.risk;
  const handling =
    read.handling === 'escalate' && board.parent
      ? t.escalateTo({ unit: board.parent.name })
      : t.handlings[read.handling];
  const decision = t.decisionLine({ process: t.processes[read.process], handling });
  return withUpdate(request, dialogue, note(t.decided({ risk: risk.description, decision })));
}

/**
 * The agreed value and, estimating being over, the spread of the estimates, or that there
 * were too few to show: the manager then decides without them.
 */
function decisionValue(t: Catalogue, risk: BoardRisk): string {
  const agreed = assessmentText(t, risk);
  const estimates = risk.rated ? estimatesText(t, risk) : null;
  return estimates ? `${agreed} · ${estimates}` : agreed;
}
