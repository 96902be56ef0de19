import { quoteInput } from '../../safety/quote-input.js';
import type { Catalogue } from '../catalogue.js';

export const setup: Catalogue['setup'] = {
  what: 'change settings (administrators only)',
  title: 'Settings',
  usage: [
    '`setup unit <key> <level> <parent|-> <name>` – creates a unit (level: administration, department, unit or section; `-` for a unit with none above it)',
    '`setup link <unit>` – links this channel to the unit',
    '`setup role @person <role> <unit>` – gives a role (member, manager, facilitator, leader)',
    '`setup schedule <unit> <weekday> <hh:mm>` – when the weekly reflection goes out; `pause` / `resume`',
    '`setup status` – units, channels and deliveries',
    '`setup audit [unit] [page]` – who changed which roles and when, newest first (administrators; leaders for their units)',
  ],
  unitCreated: (p) => `The unit *${p.name}* (${p.level}) is created.`,
  unitExists: (p) => `There is already a unit with the key \`${quoteInput(p.key)}\`.`,
  badKey: 'A key consists of the letters a–z, digits, - and _.',
  badLevel: (p) =>
    `"${quoteInput(p.got)}" is not a level. Choose administration, department, unit or section.`,
  missingName: 'The unit needs a name.',
  linked: (p) => `This channel now belongs to *${p.unit}*.`,
  linkNeedsChannel: 'Run `setup link` in the channel that should be linked.',
  badRole: (p) =>
    `"${quoteInput(p.got)}" is not a role. Choose member, manager, facilitator or leader.`,
  needMention:
    'Mention the person with @, for example `setup role @anna manager children-and-youth`.',
  roleGiven: (p) =>
    `*${p.person}* is now ${p.role} in *${p.unit}*. This shows in the unit's channel and in \`setup audit\`.`,
  roleHeld: (p) => `*${p.person}* is already ${p.role} in *${p.unit}*. Nothing was changed.`,
  audit: {
    what: 'read the role changes (administrators, and leaders for their units)',
    title: 'Role changes and review pairs',
    titleOf: (p) => `Role changes and review pairs in ${p.unit}`,
    pageLine: (p) => `Page ${p.page} · newest first`,
    empty: 'No role changes or review pairs yet.',
    command: '/tillit setup audit',
    nextPage: (p) => `Older changes: \`${p.command}\``,
    badPage:
      'Type `setup audit`, `setup audit <unit>` or add a page number, for example `setup audit 2`.',
    noticeTitle: 'Role change',
    noticeNote:
      "Every role change shows in the unit's channel, so everyone knows who holds which role and can see what.",
    more: (p) => `… and ${p.count} more. All of them are in \`/tillit setup audit\`.`,
    added: (p) => `${p.person} is now ${p.role} in ${p.unit}`,
    removed: (p) => `${p.person} is no longer ${p.role} in ${p.unit}`,
    adminAdded: (p) => `${p.person} is now an administrator`,
    adminRemoved: (p) => `${p.person} is no longer an administrator`,
    by: (p) => `changed by ${p.actor}`,
    byOrgFile: 'changed in the org file',
    unknownActor: 'unknown',
    line: (p) => `${p.what} (${p.by}).`,
  },
  badSchedule: 'Type for example `setup schedule children-and-youth thursday 14:00`.',
  scheduleSet: (p) => `The reflection in *${p.unit}* goes out every ${p.weekday} at ${p.time}.`,
  schedulePaused: (p) => `The reflection in *${p.unit}* is paused.`,
  scheduleResumed: (p) => `The reflection in *${p.unit}* is running again.`,
  statusTitle: 'Tillit status',
  statusUnits: (p) =>
    `${p.units} ${p.units === 1 ? 'unit' : 'units'}, ${p.linked} of them with a channel.`,
  statusPeople: (p) => `${p.people} active people.`,
  statusOutbox: (p) =>
    `Deliveries: ${p.queued} queued, ${p.sending} on their way, ${p.sent} sent, ${p.failed} failed.`,
  statusOutboxFailed: (p) =>
    `${p.failed === 1 ? 'One delivery' : `${p.failed} deliveries`} did not get through. The reason is in the log and in \`npm run outbox -- failed\` on the server.`,
};
