import type { Tick } from '../schedule/tick.js';
import { sendWeeklyDigests } from './digest.js';
import { defaultNudgePolicy, type NudgePolicy } from './follow-up-time.js';
import { sendDueNudges } from './nudges.js';
import { askDueSelfChecks } from './self-checks.js';

/**
 * The follow-up's scheduled work each minute: nudges and escalations, the Monday digest, the
 * self-check questions. Each is idempotent and safe on several instances at once.
 */
export function followUpTicks(policy: NudgePolicy = defaultNudgePolicy): Tick[] {
  return [
    {
      name: 'action-nudges',
      run: ({ db, now, settings }) =>
        sendDueNudges(db, { now, defaultLang: settings.defaultLang, policy }).then(() => {}),
    },
    {
      name: 'action-digest',
      run: ({ db, now, settings }) =>
        sendWeeklyDigests(db, { now, defaultLang: settings.defaultLang, policy }).then(() => {}),
    },
    {
      name: 'self-checks',
      run: ({ db, now, settings }) =>
        askDueSelfChecks(db, { now, defaultLang: settings.defaultLang, policy }).then(() => {}),
    },
  ];
}
