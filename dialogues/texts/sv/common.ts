import { quoteInput } from '../../safety/quote-input.js';
export const common = {
  somethingWentWrong: 'Något gick fel, och inget sparades. Försök igen om en stund.',
  tooSlow: 'Det tog för lång tid – inget sparades, försök igen.',
  noDatabase: 'Tillit når inte sin databas just nu – inget sparades. Försök igen om en stund.',
  unknownPerson:
    'Du finns inte i Tillit ännu. Be en administratör lägga till dig i organisationsfilen eller med `/tillit inställningar roll @du medarbetare <enhet>`.',
  unlinkedChannel:
    'Den här kanalen hör inte till någon enhet. En administratör kopplar den med `/tillit inställningar koppla <enhet>`.',
  notAllowed: (p: { what: string }) => `Du har inte behörighet att ${p.what}.`,
  staleButton: 'Den här knappen hör till något som redan är avslutat. Inget ändrades.',
  languageSet: 'Tillit talar nu svenska med dig.',
  personnummerRefused:
    'Texten ser ut att innehålla ett personnummer. Det sparas aldrig i Tillit: ta bort det och skriv igen.',
  tooLong: (p: { max: number; length: number }) =>
    `Texten är för lång: ${p.length} tecken, högst ${p.max}.`,
  empty: 'Skriv något först.',
  cancel: 'Avbryt',
  /** Beside a button on a shared message that only those who steer the dialogue may use. */
  forLeads: 'för chef eller processledare',
  /** Under a text field with a limit, before anyone reaches it. */
  maxChars: (p: { max: number }) => `Högst ${p.max} tecken`,
  close: 'Stäng',
  /** The last line of a message cut to fit a platform's limits (Slack, Teams). */
  moreItems: (p: { count: number }) => `… och ${p.count} till som inte får plats här.`,
  opening: 'Öppnar …',
  save: 'Spara',
  unknownUnit: (p: { text: string }) => `Det finns ingen enhet som heter ”${quoteInput(p.text)}”.`,
  unitSuggestions: (p: { units: string }) => `Menade du ${p.units}?`,
  unitExample: (p: { example: string | null }) =>
    p.example
      ? `Skriv enhetens nyckel eller namn, till exempel \`${p.example}\`.`
      : 'Skriv enhetens nyckel eller namn så som det står i organisationsfilen.',
  roles: {
    member: 'medarbetare',
    manager: 'chef',
    facilitator: 'processledare',
    leader: 'ledning',
  },
  levels: {
    administration: 'förvaltning',
    department: 'avdelning',
    unit: 'enhet',
    section: 'sektion',
  },
  months: [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
  weekdays: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
};
