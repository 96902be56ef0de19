import { quoteInput } from '../../safety/quote-input.js';
import type { Catalogue } from '../catalogue.js';

export const dialogue: Catalogue['dialogue'] = {
  notFound: 'I cannot find that dialogue. Nothing changed.',
  closed: 'This dialogue has already been closed. Nothing changed.',
  onlyFacilitator: (p) =>
    `Only the person leading the dialogue (a manager or facilitator of the unit) can ${p.what}. Nothing changed.`,
  needsChannel: "Start the dialogue in the unit's channel, not in a direct message.",
  openAlready: (p) =>
    `This channel already has an open dialogue: *${p.topic}* (${p.phase.toLowerCase()}). Close it first, or start another beside it with \`--another\`.`,
  badDeadline: (p) =>
    `"${quoteInput(p.got)}" is not a time I understand. Write for example 2026-12-01 (the whole day) or 2026-12-01 15:00.`,
  deadlinePassed: 'That time has already passed. Choose a deadline in the future.',
  unknownOption: (p) => `I do not know ${quoteInput(p.option)}.`,
  missingValue: (p) =>
    `${quoteInput(p.option)} needs a value, for example ${quoteInput(p.option)} 5.`,
  badNumber: (p) => `${p.option} must be a whole number from ${p.min} to ${p.max}.`,
  deadlineEnded: (p) => `The deadline has passed, so the dialogue has moved on to *${p.phase}*.`,
  wrongPhase: (p) =>
    `That is not possible right now: the dialogue is in the *${p.phase}* phase. Nothing changed.`,
  phaseMovedMeanwhile:
    'Someone changed the phase just before you. Nothing changed; have another look at the dialogue.',
  privateCardOver: {
    moved:
      'The dialogue has moved on, so the buttons here no longer apply. See the board in the channel.',
    closed:
      'The dialogue is closed, so the buttons here no longer apply. See the board in the channel.',
  },
  untilEndOf: (p) => `through ${p.date}`,
  at: (p) => `${p.date}, ${p.time}`,
  clock: (p) => `${p.hour}:${p.minute}`,
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
