import type { Feature } from '../core/feature.js';
import { openWithoutRating, openWithRating, submitAnswer } from './answer.js';
import { reflectionHome, showCurrentPrompt } from './current-prompt.js';
import { ANSWER_FORM, RATE_ACTION, WRITE_ACTION } from './prompt-view.js';

/**
 * The weekly reflection. Button values carry ids only: `<roundId>:<rating>` (rate) and
 * `<roundId>` (write); the form's state is the round id. The prompts themselves go out
 * through the outbox from the ticks in reflection-ticks.ts.
 */
export const reflectionFeature: Feature = {
  name: 'reflection',
  // `summary reflektion` reaches showSummary (summary-view.ts) through the summary feature,
  // which owns the `summary` command.
  commands: { reflect: showCurrentPrompt },
  actions: { [RATE_ACTION]: openWithRating, [WRITE_ACTION]: openWithoutRating },
  forms: { [ANSWER_FORM]: submitAnswer },
  home: reflectionHome,
};
