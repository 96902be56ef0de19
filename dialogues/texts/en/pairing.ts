import { quoteInput } from '../../safety/quote-input.js';
import type { Catalogue } from '../catalogue.js';

export const pairing: Catalogue['pairing'] = {
  setupUsage: [
    "`setup pair <unit> <unit> [tertial]` – the units review each other's outcomes in the tertial (instead of Tillit's suggestion)",
    '`setup pair [tertial]` – the pairs of the tertial: set and suggested',
    "`setup pair remove <unit> [tertial]` – removes the unit's set pair; Tillit's suggestion holds again",
  ],
  badPair:
    'Name two units, for example `setup pair children-and-youth home-care-north`, and if you like a tertial such as `T1-2027`.',
  badPeriod: (p) =>
    `"${quoteInput(p.got)}" is not a tertial. Type for example \`T1-2027\` (January–April 2027).`,
  pastPeriod: (p) => `${p.period} is over. Pairs are set for this tertial or a coming one.`,
  self: (p) => `*${p.unit}* cannot review itself. Choose two different units.`,
  inactive: (p) => `*${p.unit}* is no longer active and cannot be paired.`,
  pairSet: (p) =>
    `*${p.unit}* and *${p.peer}* review each other's outcomes in ${p.period}. This comes before Tillit's suggestion and shows in \`setup audit\`.`,
  pairHeld: (p) =>
    `*${p.unit}* and *${p.peer}* are already a pair in ${p.period}. Nothing was changed.`,
  pairRemoved: (p) =>
    `*${p.unit}* has no set pair in ${p.period} any more. Tillit's suggestion holds again.`,
  nothingToRemove: (p) => `*${p.unit}* has no set pair in ${p.period}. Nothing was changed.`,
  listTitle: (p) => `Review pairs ${p.period}`,
  listNote:
    "Each unit shares its outcomes with its reviewer. Set pairs come before Tillit's suggestions, which change every tertial.",
  setHeader: 'Set pairs',
  suggestedHeader: "Tillit's suggestions",
  noneSet: 'No set pairs.',
  noneSuggested: 'No suggestions: there is no unit in another department.',
  line: (p) => `${p.unit} → reviewed by ${p.peer}`,
  sources: { admin: 'set in chat', 'org-file': 'the org file', suggested: 'suggestion' },
  more: (p) => `… and ${p.count} more.`,
  audit: {
    set: (p) => `${p.unit} is reviewed by ${p.peer} in ${p.period}`,
    removed: (p) => `${p.unit} is no longer reviewed by ${p.peer} in ${p.period}`,
  },
  round: {
    what: 'ask for a review round (leaders of the units, administrators)',
    usage:
      'Type `share round <administration or department>`, for example `share round ifo`: every unit in it shares its latest closed dialogue with its reviewer.',
    title: (p) => `Review round in ${p.unit}, ${p.period}`,
    sharedHeader: (p) => `Shared (${p.count} ${p.count === 1 ? 'unit' : 'units'})`,
    sharedLine: (p) => `${p.unit}: "${p.topic}" is reviewed by ${p.peer}`,
    alreadyLine: (p) => `${p.unit}: "${p.topic}" was already shared with ${p.peer}`,
    skippedHeader: (p) => `Skipped (${p.count} ${p.count === 1 ? 'unit' : 'units'})`,
    skippedLine: (p) => `${p.unit}: ${p.reason}`,
    reasons: {
      noClosedDialogue: 'no closed SWOT or risk dialogue',
      noPeer: 'no unit in another department can review',
      noChannel: 'the reviewer has no linked channel',
    },
  },
};
