import { quoteInput } from '../../safety/quote-input.js';

/** Pairing for peer review (issue 21): the set pairs, Tillit's suggestions, a department's round. */
export const pairing = {
  setupUsage: [
    '`inställningar par <enhet> <enhet> [tertial]` – enheterna granskar varandras resultat under tertialet (i stället för Tillits förslag)',
    '`inställningar par [tertial]` – tertialets par: satta och föreslagna',
    '`inställningar par bort <enhet> [tertial]` – tar bort enhetens satta par; Tillits förslag gäller igen',
  ],
  badPair:
    'Skriv två enheter, till exempel `inställningar par barn-och-unga hemtjanst-norr`, och gärna ett tertial som `T1-2027`.',
  badPeriod: (p: { got: string }) =>
    `”${quoteInput(p.got)}” är inget tertial. Skriv till exempel \`T1-2027\` (januari–april 2027).`,
  pastPeriod: (p: { period: string }) =>
    `${p.period} är redan slut. Par sätts för det här tertialet eller ett kommande.`,
  self: (p: { unit: string }) => `*${p.unit}* kan inte granska sig själv. Välj två olika enheter.`,
  inactive: (p: { unit: string }) => `*${p.unit}* är inte längre aktiv och kan inte få ett par.`,
  pairSet: (p: { unit: string; peer: string; period: string }) =>
    `*${p.unit}* och *${p.peer}* granskar varandras resultat under ${p.period}. Det går före Tillits förslag och syns i \`inställningar logg\`.`,
  pairHeld: (p: { unit: string; peer: string; period: string }) =>
    `*${p.unit}* och *${p.peer}* är redan ett par under ${p.period}. Inget ändrades.`,
  pairRemoved: (p: { unit: string; period: string }) =>
    `*${p.unit}* har inget satt par under ${p.period} längre. Tillits förslag gäller igen.`,
  nothingToRemove: (p: { unit: string; period: string }) =>
    `*${p.unit}* har inget satt par under ${p.period}. Inget ändrades.`,
  listTitle: (p: { period: string }) => `Granskningspar ${p.period}`,
  listNote:
    'Varje enhet delar sina resultat med sin granskare. Satta par går före Tillits förslag, som byts varje tertial.',
  setHeader: 'Satta par',
  suggestedHeader: 'Tillits förslag',
  noneSet: 'Inga satta par.',
  noneSuggested: 'Inga förslag: det finns ingen enhet i en annan avdelning.',
  line: (p: { unit: string; peer: string }) => `${p.unit} → granskas av ${p.peer}`,
  sources: { admin: 'satt i chatten', 'org-file': 'organisationsfilen', suggested: 'förslag' },
  more: (p: { count: number }) => `… och ${p.count} till.`,
  audit: {
    set: (p: { unit: string; peer: string; period: string }) =>
      `${p.unit} granskas av ${p.peer} under ${p.period}`,
    removed: (p: { unit: string; peer: string; period: string }) =>
      `${p.unit} granskas inte längre av ${p.peer} under ${p.period}`,
  },
  round: {
    what: 'be om en granskningsrunda (ledning för enheterna, administratörer)',
    usage:
      'Skriv `dela runda <förvaltning eller avdelning>`, till exempel `dela runda ifo`: varje enhet där delar sin senast avslutade dialog med sin granskare.',
    title: (p: { unit: string; period: string }) => `Granskningsrunda i ${p.unit}, ${p.period}`,
    sharedHeader: (p: { count: number }) =>
      `Delade (${p.count} ${p.count === 1 ? 'enhet' : 'enheter'})`,
    sharedLine: (p: { unit: string; topic: string; peer: string }) =>
      `${p.unit}: ”${p.topic}” granskas av ${p.peer}`,
    alreadyLine: (p: { unit: string; topic: string; peer: string }) =>
      `${p.unit}: ”${p.topic}” var redan delad med ${p.peer}`,
    skippedHeader: (p: { count: number }) =>
      `Hoppades över (${p.count} ${p.count === 1 ? 'enhet' : 'enheter'})`,
    skippedLine: (p: { unit: string; reason: string }) => `${p.unit}: ${p.reason}`,
    reasons: {
      noClosedDialogue: 'ingen avslutad SWOT- eller riskdialog',
      noPeer: 'ingen enhet i en annan avdelning kan granska',
      noChannel: 'granskaren har ingen kanal kopplad',
    },
  },
};
