import { quoteInput } from '../../safety/quote-input.js';
import type { Catalogue } from '../catalogue.js';

export const help: Catalogue['help'] = {
  title: 'Tillit – dialogue instead of reports',
  intro:
    'Type `/tillit <command>`. Everything you answer in the reflection is anonymous: nobody can see what you in particular answered.',
  commands: [
    ['help', 'shows this help'],
    [
      'swot <topic> [deadline]',
      "starts a SWOT dialogue in the channel's unit (manager/facilitator)",
    ],
    ['risk [title]', 'starts a risk dialogue (manager/facilitator)'],
    ['reflect', "opens this week's reflection"],
    ['actions', "your actions; `actions unit` shows the unit's"],
    ['summary [unit] [period]', 'summary for leadership'],
    ['setup …', 'units, channels, roles and schedules (administrator)'],
    ['setup audit [unit]', 'who changed which roles and when (administrator, leader)'],
    ['lang sv|en', 'changes language'],
  ],
  unknownCommand: (p) => `I don't recognise "${quoteInput(p.text)}". This is what you can type:`,
};
