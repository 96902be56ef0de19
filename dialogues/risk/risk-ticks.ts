import { settleDueDialogues } from '../dialogue/phases.js';
import type { Tick } from '../schedule/tick.js';
import { riskKind } from './risk-kind.js';
import { sendSeasonNudges } from './season-nudges.js';

/**
 * The risk dialogue's scheduled work: passed identify deadlines move dialogues on to
 * assessing (conditionally, so once however many instances run it), and the season nudges.
 */
export function riskTicks(): Tick[] {
  return [
    {
      name: 'risk-deadlines',
      run: ({ db, now }) => settleDueDialogues(db, riskKind, now).then(() => {}),
    },
    {
      name: 'risk-season-nudges',
      run: ({ db, now, settings }) =>
        sendSeasonNudges(db, { now, defaultLang: settings.defaultLang }).then(() => {}),
    },
  ];
}
