import type { Feature } from '../core/feature.js';
import { openAgree, openEstimate, showSheet, submitAgree, submitEstimate } from './assess.js';
import { openDecision, showDecisions, submitDecision } from './decide.js';
import { openAddRisk, submitAddRisk } from './identify.js';
import { RISK_FORM } from './risk-kind.js';
import { showAllRisks } from './show-all.js';
import { riskCommand } from './start.js';
import { closeRisk, startAssess, startDecide } from './steer.js';

/**
 * The risk dialogue. Button values carry ids only: `<dialogueId>` for the dialogue's own
 * buttons, `<riskId>` for one risk's.
 */
export const riskFeature: Feature = {
  name: 'risk',
  commands: { risk: riskCommand },
  actions: {
    'risk.add': openAddRisk,
    'risk.start-assess': startAssess,
    'risk.sheet': showSheet,
    'risk.estimate': openEstimate,
    'risk.agree': openAgree,
    'risk.start-decide': startDecide,
    'risk.decisions': showDecisions,
    'risk.decide': openDecision,
    'risk.close': closeRisk,
    'risk.show-all': showAllRisks,
  },
  forms: {
    [RISK_FORM.addRisk]: submitAddRisk,
    [RISK_FORM.estimate]: submitEstimate,
    [RISK_FORM.agree]: submitAgree,
    [RISK_FORM.decision]: submitDecision,
  },
};
