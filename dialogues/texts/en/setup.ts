import type { Catalogue } from '../catalogue.js';

export const setup: Catalogue['setup'] = {
  what: 'change settings (administrators only)',
  title: 'Settings',
  usage: [
    '`setup unit <key> <level> <parent|-> <name>` – creates a unit (level: administration, department, unit, section)',
    '`setup link <unit>` – links this channel to the unit',
    '`setup role @person <role> <unit>` – gives a role (member, manager, facilitator, leader)',
    '`setup schedule <unit> <weekday> <hh:mm>` – when the weekly reflection goes out; `pause` / `resume`',
    '`setup status` – units, channels and deliveries',
  ],
  unitCreated: (p) => `The unit *${p.name}* (${p.level}) is created.`,
  unitExists: (p) => `There is already a unit with the key \`${p.key}\`.`,
  badKey: 'A key consists of the letters a–z, digits, - and _.',
  badLevel: (p) => `"${p.got}" is not a level. Choose administration, department, unit or section.`,
  unknownUnit: (p) => `No unit is called \`${p.key}\`.`,
  missingName: 'The unit needs a name.',
  linked: (p) => `This channel now belongs to *${p.unit}*.`,
  linkNeedsChannel: 'Run `setup link` in the channel that should be linked.',
  badRole: (p) => `"${p.got}" is not a role. Choose member, manager, facilitator or leader.`,
  needMention:
    'Mention the person with @, for example `setup role @anna manager children-and-youth`.',
  roleGiven: (p) => `*${p.person}* is now ${p.role} in *${p.unit}*.`,
  badSchedule: 'Type for example `setup schedule children-and-youth thursday 14:00`.',
  scheduleSet: (p) => `The reflection in *${p.unit}* goes out every ${p.weekday} at ${p.time}.`,
  schedulePaused: (p) => `The reflection in *${p.unit}* is paused.`,
  scheduleResumed: (p) => `The reflection in *${p.unit}* is running again.`,
  statusTitle: 'Tillit status',
  statusUnits: (p) => `${p.units} units, ${p.linked} of them with a channel.`,
  statusPeople: (p) => `${p.people} active people.`,
  statusOutbox: (p) =>
    `Deliveries: ${p.queued} queued, ${p.sending} on their way, ${p.sent} sent, ${p.failed} failed.`,
  statusOutboxFailed: (p) =>
    `${p.failed === 1 ? 'One delivery' : `${p.failed} deliveries`} did not get through. The reason is in the log and in \`npm run outbox -- failed\` on the server.`,
};
