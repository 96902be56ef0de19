import { settleDueDialogues } from '../dialogue/phases.js';
import type { Tick } from '../schedule/tick.js';
import { riskKind } from './risk-kind.js';
import { boardUpdate, imageBaseOf } from './risk-load.js';
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
      run: async ({ db, now, settings, refresh }) => {
        for (const { dialogue } of await settleDueDialogues(db, riskKind, now)) {
          const update = await boardUpdate(db, dialogue, imageBaseOf(settings));
          await refresh(update.key, update.view);
        }
      },
    },
    {
      name: 'risk-season-nudges',
      run: ({ db, now, settings }) =>
        sendSeasonNudges(db, { now, defaultLang: settings.defaultLang }).then(() => {}),
    },
  ];
}
