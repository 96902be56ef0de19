import { quoteInput } from '../../safety/quote-input.js';
import type { Catalogue } from '../catalogue.js';

export const help: Catalogue['help'] = {
  title: 'Tillit – dialogue instead of reports',
  intro:
    'Type `/tillit <command>`. Everything you answer in the reflection is anonymous: nobody can see what you in particular answered. The Swedish command words work too (`hjälp`, `åtgärder`, `sammanställning` …).',
  commands: [
    ['help', 'shows this help'],
    [
      'swot <topic> [deadline]',
      "starts a SWOT dialogue in the channel's unit (manager/facilitator)",
    ],
    [
      'risk [title] [deadline]',
      "starts this year's risk dialogue in the channel's unit (manager/facilitator)",
    ],
    ['reflect', "opens this week's reflection"],
    ['actions', "your actions; `actions all` shows the done ones too, `actions unit` the unit's"],
    ['summary [unit] [period]', 'summary for managers and leadership, e.g. `summary T2-2026`'],
    [
      'share [dialogue] <unit>',
      "shares a closed SWOT or risk dialogue's outcome with another unit for peer review (manager)",
    ],
    [
      'share round <department>',
      'every unit in the department shares its latest outcome with its reviewer for the tertial (leader)',
    ],
    ['setup …', 'units, channels, roles, schedules and review pairs (administrator)'],
    ['setup audit [unit]', 'who changed which roles and when (administrator, leader)'],
    ['lang sv|en', 'changes language'],
  ],
  unknownCommand: (p) => `I don't recognise "${quoteInput(p.text)}". This is what you can type:`,
};
