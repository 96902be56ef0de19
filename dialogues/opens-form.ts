import type { Inbound } from './core/inbound.js';
import { ACTION } from './follow-up/action-views.js';
import { RATE_ACTION, WRITE_ACTION } from './reflection/prompt-view.js';

/**
 * Buttons whose answer is a form. Slack can open a modal only within 3 s of the click (the
 * trigger_id's life), so for these the Slack channel opens a modal before a slow use case has
 * answered and puts the form into it when it comes. A button missing here still works; only
 * a very slow answer would then miss the 3 s.
 */
const formButtons: ReadonlySet<string> = new Set([
  'swot.add',
  'swot.edit',
  'swot.merge',
  'swot.action',
  'risk.add',
  'risk.estimate',
  'risk.agree',
  'risk.decide',
  RATE_ACTION,
  WRITE_ACTION,
  ACTION.reschedule,
  ACTION.drop,
  ACTION.effectNote,
  ACTION.checkFound,
]);

/** Whether the request is a click whose answer is (normally) a form. */
export function opensForm(inbound: Inbound): boolean {
  return inbound.kind === 'action' && formButtons.has(inbound.action.id);
}

export const formButtonIds = (): string[] => [...formButtons];
