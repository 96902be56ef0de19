import { followUpTicks } from '../follow-up/follow-up-ticks.js';
import { riskTicks } from '../risk/risk-ticks.js';
import { closeDuePhases } from '../swot/close-due-phases.js';
import type { Tick } from './tick.js';

/** Every scheduled tick of the product; the scheduler in bot/ runs them each minute. A new tick is one line here. */
export const ticks: Tick[] = [
  ...followUpTicks(),
  ...riskTicks(),
  // The phase moves on at its deadline; the channel message follows at the next interaction.
  { name: 'swot-deadlines', run: ({ db, now }) => closeDuePhases(db, { now }).then(() => {}) },
];
