import {
  type RiskDecision,
  type RiskHandling,
  type RiskProcess,
  riskHandlings,
  riskProcesses,
  type SelfCheckCadence,
  selfCheckCadences,
} from '../../store/schema/index.js';
import { single } from '../core/form-values.js';
import { readIsoDate } from '../dialogue/local-time.js';
import { type ActionRules, checkNewAction } from '../follow-up/new-action.js';
import { checkFreeText } from '../safety/free-text.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { FormValues } from '../view.js';
import { CHECK_MAX, MOTIVATION_MAX } from './risk-kind.js';

export type ReadDecision =
  | { ok: true; process: RiskProcess; handling: RiskHandling; decision: RiskDecision }
  | { ok: false; errors: Record<string, string> };

const pick = <T extends string>(options: readonly T[], value: string): T | undefined =>
  options.find((o) => o === value);

/**
 * The decision form, read and checked: a known process and handling, and what the handling
 * needs (escalate: a parent unit and a motivation; action: text, owner and due date, checked
 * as every new action is, in new-action.ts; self-check: what, how often and by whom). Only the
 * chosen handling's fields are kept. `rules` are the unit's action rules: who may own an
 * action or do a self-check, and today where the unit is.
 */
export function readDecision(
  t: Catalogue,
  values: FormValues,
  context: { rules: ActionRules; hasParent: boolean },
): ReadDecision {
  const f = t.risk.decisionForm;
  const errors: Record<string, string> = {};
  const process = pick(riskProcesses, single(values.process));
  if (!process) errors.process = f.pickProcess;
  const handling = pick(riskHandlings, single(values.handling));
  if (!handling) errors.handling = f.pickHandling;
  const motivation = checkFreeText(t, single(values.motivation), {
    max: MOTIVATION_MAX,
    optional: true,
  });
  if (!motivation.ok) errors.motivation = motivation.message;
  const decision: RiskDecision = {};
  if (motivation.ok && motivation.text) decision.motivation = motivation.text;
  const { today, owners } = context.rules;
  const person = (id: string) => owners.find((p) => p.personId === id);
  const date = (key: string, fallback: string | null): string | null => {
    const given = single(values[key]);
    if (given === '' && fallback) return fallback;
    if (!readIsoDate(given)) errors[key] = f.pickDate;
    else if (given < today) errors[key] = f.dateInPast;
    else return given;
    return null;
  };
  switch (handling) {
    case 'escalate':
      if (!context.hasParent) errors.handling = f.noParent;
      else if (motivation.ok && !motivation.text) errors.motivation = f.needsMotivation;
      break;
    case 'action': {
      const action = checkNewAction(
        t,
        {
          text: single(values.action_text),
          ownerId: single(values.owner),
          due: single(values.due),
        },
        context.rules,
      );
      if (action.ok) {
        const { text, owner, due } = action.action;
        decision.action = { text, ownerId: owner.personId, ownerName: owner.name, dueDate: due };
      } else {
        const { text, owner, due } = action.errors;
        Object.assign(errors, {
          ...(text ? { action_text: text } : {}),
          ...(owner ? { owner } : {}),
          ...(due ? { due } : {}),
        });
      }
      break;
    }
    case 'self-check': {
      const what = checkFreeText(t, single(values.check_what), { max: CHECK_MAX });
      if (!what.ok)
        errors.check_what =
          single(values.check_what).trim() === '' ? f.needsCheckWhat : what.message;
      const cadence: SelfCheckCadence | undefined = pick(selfCheckCadences, single(values.cadence));
      if (!cadence) errors.cadence = f.pickCadence;
      const by = person(single(values.check_by));
      if (!by) errors.check_by = f.pickCheckBy;
      const startsOn = date('check_start', today);
      if (what.ok && cadence && by && startsOn) {
        decision.selfCheck = {
          what: what.text,
          cadence,
          byId: by.personId,
          byName: by.name,
          startsOn,
        };
      }
      break;
    }
    case 'accept':
    case undefined:
      break;
    default:
      return handling satisfies never;
  }
  if (!process || !handling || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, process, handling, decision };
}
