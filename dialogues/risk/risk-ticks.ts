import { settleDueDialogues } from '../dialogue/phases.js';
import { refreshBoards } from '../dialogue/refresh-boards.js';
import type { Tick } from '../schedule/tick.js';
import { riskKind } from './risk-kind.js';
import { boardUpdate } from './risk-load.js';
import { sendSeasonNudges } from './season-nudges.js';

/**
 * The risk dialogue's scheduled work: passed identify deadlines move dialogues on to
 * assessing (conditionally, so once however many instances run it) and the board in the
 * channel shows it, and the season nudges.
 */
export function riskTicks(): Tick[] {
  return [
    {
      name: 'risk-deadlines',
      run: async (ctx) => {
        const moved = await settleDueDialogues(ctx.db, riskKind, ctx.now);
        await refreshBoards(
          ctx,
          moved.map((m) => m.dialogue.id),
          (db, dialogue) => boardUpdate(db, dialogue, ctx.settings),
        );
      },
    },
    {
      name: 'risk-season-nudges',
      run: ({ db, now, settings }) =>
        sendSeasonNudges(db, { now, defaultLang: settings.defaultLang }).then(() => {}),
    },
  ];
}
