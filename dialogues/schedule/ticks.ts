import { refreshBoards } from '../dialogue/refresh-boards.js';
import { followUpTicks } from '../follow-up/follow-up-ticks.js';
import { lifetimeTick } from '../privacy/lifetimes.js';
import { riskTicks } from '../risk/risk-ticks.js';
import { closeDuePhases } from '../swot/close-due-phases.js';
import { boardUpdate } from '../swot/swot-replies.js';
import type { Tick } from './tick.js';

/** Every scheduled tick of the product; the scheduler in bot/ runs them each minute. A new tick is one line here. */
export const ticks: Tick[] = [
  ...followUpTicks(),
  ...riskTicks(),
  lifetimeTick(),
  {
    name: 'swot-deadlines',
    // The phase moves on at its deadline, and the board in the channel shows it at once.
    run: async (ctx) => {
      const moved = await closeDuePhases(ctx.db, { now: ctx.now });
      await refreshBoards(
        ctx,
        moved.map((m) => m.dialogueId),
        (db, dialogue) => boardUpdate(db, dialogue, ctx.settings.anonymityThreshold),
      );
    },
  },
];
