import type { Tick } from '../schedule/tick.js';
import { closeDueRounds } from './close-rounds.js';
import { openDueRounds } from './open-rounds.js';
import { purgeExpiredTexts } from './purge.js';
import { sendDueReminders } from './reminders.js';
import type { ReflectionTiming } from './round-timing.js';

/**
 * The reflection's scheduled work, in the order it should run each minute: close what is
 * due (so a new round of the same unit may open at the same minute), open, remind, purge.
 * Every one is idempotent and safe on several instances at once.
 */
export function reflectionTicks(options: {
  /** REFLECTION_TEXT_RETENTION_DAYS. */
  retentionDays: number;
  timing?: ReflectionTiming;
}): Tick[] {
  return [
    { name: 'reflection-close', run: ({ db, now }) => closeDueRounds(db, { now }).then(() => {}) },
    {
      name: 'reflection-open',
      run: ({ db, now, settings }) =>
        openDueRounds(db, { now, defaultLang: settings.defaultLang, timing: options.timing }).then(
          () => {},
        ),
    },
    {
      name: 'reflection-remind',
      run: ({ db, now, settings }) =>
        sendDueReminders(db, { now, defaultLang: settings.defaultLang }).then(() => {}),
    },
    {
      name: 'reflection-purge',
      run: ({ db, now }) =>
        purgeExpiredTexts(db, { now, retentionDays: options.retentionDays }).then(() => {}),
    },
  ];
}
