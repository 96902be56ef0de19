import type { DialogueKind } from '../dialogue/dialogue-kind.js';

export const riskPhases = ['identify', 'assess', 'decide', 'closed'] as const;
export type RiskPhase = (typeof riskPhases)[number];

/** Risk's forms: the form and the route that reads its submit name the same id. */
export const RISK_FORM = {
  addRisk: 'risk.add-risk',
  estimate: 'risk.estimate',
  agree: 'risk.agree',
  decision: 'risk.decision',
} as const;

/** Hard limits people meet with a clear message. */
export const TOPIC_MAX = 120;
export const DESCRIPTION_MAX = 280;
export const MOTIVATION_MAX = 500;
export const CHECK_MAX = 280;

/**
 * Risk dialogue: identify → assess → decide → closed. A deadline ends identifying; assessing
 * and deciding need the facilitator's agreed values and decisions, so only they move on.
 */
export const riskKind: DialogueKind<RiskPhase> = {
  kind: 'risk',
  phases: riskPhases,
  first: 'identify',
  closed: 'closed',
  afterDeadline(phase) {
    switch (phase) {
      case 'identify':
        return 'assess';
      case 'assess':
      case 'decide':
      case 'closed':
        return null;
      default:
        return phase satisfies never;
    }
  },
  deadlineOnEntering: () => null,
  phaseName: (t, phase) => t.risk.phases[phase],
};
