import { quoteInput } from '../../safety/quote-input.js';
/** Texts of the dialogue machinery shared by SWOT and risk dialogues. */
export const dialogue = {
  notFound: 'Jag hittar inte den dialogen. Inget ändrades.',
  closed: 'Den här dialogen är redan avslutad. Inget ändrades.',
  onlyFacilitator: (p: { what: string }) =>
    `Bara den som leder dialogen (chef eller processledare i enheten) kan ${p.what}. Inget ändrades.`,
  needsChannel: 'Starta dialogen i enhetens kanal, inte i ett direktmeddelande.',
  openAlready: (p: { topic: string; phase: string }) =>
    `Kanalen har redan en öppen dialog: *${p.topic}* (${p.phase.toLowerCase()}). Avsluta den först, eller starta en till bredvid med \`--ny\`.`,
  badDeadline: (p: { got: string }) =>
    `”${quoteInput(p.got)}” är ingen tidpunkt jag förstår. Skriv till exempel 2026-12-01 (hela dagen) eller 2026-12-01 15:00.`,
  deadlinePassed: 'Den tidpunkten har redan passerat. Välj en sista dag framåt i tiden.',
  unknownOption: (p: { option: string }) =>
    `Jag känner inte till alternativet ${quoteInput(p.option)}.`,
  missingValue: (p: { option: string }) =>
    `${quoteInput(p.option)} behöver ett värde, till exempel ${quoteInput(p.option)} 5.`,
  badNumber: (p: { option: string; min: number; max: number }) =>
    `${p.option} ska vara ett heltal från ${p.min} till ${p.max}.`,
  deadlineEnded: (p: { phase: string }) =>
    `Tiden för fasen har gått ut, så dialogen har gått vidare till *${p.phase}*.`,
  wrongPhase: (p: { phase: string }) =>
    `Det går inte just nu: dialogen är i fasen *${p.phase}*. Inget ändrades.`,
  phaseMovedMeanwhile:
    'Någon hann ändra fasen precis före dig. Inget ändrades; titta på dialogen igen.',
  /** In place of a private card's buttons (a ballot, a "Tack!") once its phase is over. */
  privateCardOver: {
    moved: 'Dialogen har gått vidare, så knapparna här gäller inte längre. Se tavlan i kanalen.',
    closed: 'Dialogen är avslutad, så knapparna här gäller inte längre. Se tavlan i kanalen.',
  },
  untilEndOf: (p: { date: string }) => p.date,
  at: (p: { date: string; time: string }) => `${p.date} kl. ${p.time}`,
  clock: (p: { hour: string; minute: string }) => `${p.hour}.${p.minute}`,
  months: ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'],
};
