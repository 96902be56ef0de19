import { refreshBoards } from '../dialogue/refresh-boards.js';
import { followUpTicks } from '../follow-up/follow-up-ticks.js';
import { lifetimeTick } from '../privacy/lifetimes.js';
import { reviewTicks } from '../review/review-ticks.js';
import { riskTicks } from '../risk/risk-ticks.js';
import { closeDuePhases } from '../swot/close-due-phases.js';
import { boardUpdate } from '../swot/swot-load.js';
import type { Tick } from './tick.js';

/**
 * The product's ticks that need no options of their own. bot/background.ts runs these each
 * minute together with the reflection ticks (they take the text retention from config) and
 * bot's own purge of handled deliveries; a new tick is one line here or there.
 */
export const ticks: Tick[] = [
  ...followUpTicks(),
  ...riskTicks(),
  ...reviewTicks(),
  lifetimeTick(),
  {
    name: 'swot-deadlines',
    // The phase moves on at its deadline, and the board in the channel shows it at once.
    run: async (ctx) => {
      const moved = await closeDuePhases(ctx.db, { now: ctx.now });
      await refreshBoards(
        ctx,
        moved.map((m) => m.dialogueId),
        (db, dialogue) => boardUpdate(db, dialogue, ctx.settings),
      );
    },
  },
];
