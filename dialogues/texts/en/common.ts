import { quoteInput } from '../../safety/quote-input.js';
import type { Catalogue } from '../catalogue.js';

export const common: Catalogue['common'] = {
  somethingWentWrong: 'Something went wrong, and nothing was saved. Please try again shortly.',
  tooSlow: 'That took too long – nothing was saved, please try again.',
  noDatabase:
    'Tillit cannot reach its database right now – nothing was saved. Please try again shortly.',
  unknownPerson:
    'You are not in Tillit yet. Ask an administrator to add you to the org file or with `/tillit setup role @you member <unit>`.',
  unlinkedChannel:
    'This channel does not belong to a unit. An administrator links it with `/tillit setup link <unit>`.',
  notAllowed: (p) => `You are not allowed to ${p.what}.`,
  staleButton: 'This button belongs to something that has already ended. Nothing changed.',
  languageSet: 'Tillit now speaks English with you.',
  personnummerRefused:
    'The text seems to contain a personal identity number (personnummer). Tillit never stores one: remove it and try again.',
  tooLong: (p) => `The text is too long: ${p.length} characters, at most ${p.max}.`,
  empty: 'Write something first.',
  cancel: 'Cancel',
  forLeads: 'for manager or facilitator',
  maxChars: (p) => `At most ${p.max} characters`,
  close: 'Close',
  moreItems: (p) => `… and ${p.count} more that do not fit here.`,
  opening: 'Opening …',
  save: 'Save',
  unknownUnit: (p) => `There is no unit called “${quoteInput(p.text)}”.`,
  unitSuggestions: (p) => `Did you mean ${p.units}?`,
  unitExample: (p) =>
    p.example
      ? `Write the unit's key or name, for example \`${p.example}\`.`
      : "Write the unit's key or name as it stands in the org file.",
  roles: { member: 'member', manager: 'manager', facilitator: 'facilitator', leader: 'leader' },
  levels: {
    administration: 'administration',
    department: 'department',
    unit: 'unit',
    section: 'section',
  },
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
