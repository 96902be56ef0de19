import { isWord } from '../commands/words.js';
import type { CommandRequest, Feature } from '../core/feature.js';
import type { Outcome } from '../core/outcome.js';
import { usage } from '../core/usage.js';
import { ACTION, FORM } from './action-views.js';
import { addFromCommand, submitAdd } from './add-action.js';
import {
  markDone,
  openDrop,
  openReschedule,
  submitDrop,
  submitReschedule,
} from './change-action.js';
import { answerEffect, askAgainLater, openEffectNote, submitEffectNote } from './effect.js';
import { followUpHome, showMine, showUnit, showUnitFromButton } from './list-views.js';
import { checkMissed, checkOk, openCheckFound, submitCheckFound } from './self-check-answers.js';

/**
 * `/tillit actions [all | unit [<unit>] | add <text> @owner <date>]`. The Swedish words work
 * too (`åtgärder alla`, `åtgärder enhet`, `åtgärder ny …`).
 */
async function actionsCommand(request: CommandRequest): Promise<Outcome> {
  const [sub, ...rest] = request.args;
  if (sub === undefined || isWord(sub, ['mine', 'mina'])) return showMine(request);
  if (isWord(sub, ['all', 'alla'])) return showMine(request, { all: true });
  if (isWord(sub, ['unit', 'enhet'])) return showUnit(request, rest[0]);
  if (isWord(sub, ['add', 'ny', 'lägg'])) return addFromCommand(request, rest);
  return usage(request.actor.t.followUp.usageTitle, request.actor.t.followUp.usage);
}

/**
 * Follow-up of actions and self-checks. Button values carry ids only: `<actionId>`,
 * `<actionId>:<effect>`, `<unitId>` (show unit) and `<occurrenceId>` (self-checks); the
 * nudges, digests and self-check questions go out through the outbox from follow-up-ticks.ts.
 */
export const followUpFeature: Feature = {
  name: 'follow-up',
  commands: { actions: actionsCommand },
  actions: {
    [ACTION.done]: markDone,
    [ACTION.reschedule]: openReschedule,
    [ACTION.drop]: openDrop,
    [ACTION.effect]: answerEffect,
    [ACTION.effectLater]: askAgainLater,
    [ACTION.effectNote]: openEffectNote,
    [ACTION.showUnit]: showUnitFromButton,
    [ACTION.showAll]: (request) => showMine(request, { all: true }),
    [ACTION.checkOk]: checkOk,
    [ACTION.checkFound]: openCheckFound,
    [ACTION.checkMissed]: checkMissed,
  },
  forms: {
    [FORM.add]: submitAdd,
    [FORM.reschedule]: submitReschedule,
    [FORM.drop]: submitDrop,
    [FORM.effectNote]: submitEffectNote,
    [FORM.checkFound]: submitCheckFound,
  },
  home: followUpHome,
};
