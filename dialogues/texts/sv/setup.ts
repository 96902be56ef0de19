import { quoteInput } from '../../safety/quote-input.js';
export const setup = {
  what: 'ändra inställningar (bara administratörer)',
  title: 'Inställningar',
  usage: [
    '`inställningar enhet <nyckel> <nivå> <överordnad|-> <namn>` – skapar en enhet (nivå: förvaltning, avdelning, enhet eller sektion; `-` för en enhet utan överordnad)',
    '`inställningar koppla <enhet>` – kopplar den här kanalen till enheten',
    '`inställningar roll @person <roll> <enhet>` – ger en roll (medarbetare, chef, processledare, ledning)',
    '`inställningar schema <enhet> <veckodag> <tt.mm>` – när veckans reflektion skickas; `pausa` och `återuppta` i stället för tiden pausar och startar den igen',
    '`inställningar läge` – enheter, kanaler och utskick',
    '`inställningar logg [enhet] [sida]` – vem som har ändrat vilka roller och när, nyast först (administratörer; ledning för sina enheter)',
  ],
  unitCreated: (p: { name: string; level: string }) =>
    `Enheten *${p.name}* (${p.level}) är skapad.`,
  unitExists: (p: { key: string }) =>
    `Det finns redan en enhet med nyckeln \`${quoteInput(p.key)}\`.`,
  badKey: 'En nyckel består av bokstäverna a–z, siffror, - och _.',
  badLevel: (p: { got: string }) =>
    `”${quoteInput(p.got)}” är ingen nivå. Välj förvaltning, avdelning, enhet eller sektion.`,
  missingName: 'Enheten behöver ett namn.',
  linked: (p: { unit: string }) => `Den här kanalen hör nu till *${p.unit}*.`,
  linkNeedsChannel: 'Skriv `inställningar koppla` i den kanal som ska kopplas.',
  badRole: (p: { got: string }) =>
    `”${quoteInput(p.got)}” är ingen roll. Välj medarbetare, chef, processledare eller ledning.`,
  needMention: 'Nämn personen med @, till exempel `inställningar roll @anna chef barn-och-unga`.',
  roleGiven: (p: { person: string; role: string; unit: string }) =>
    `*${p.person}* är nu ${p.role} i *${p.unit}*. Det visas i enhetens kanal och i \`inställningar logg\`.`,
  roleHeld: (p: { person: string; role: string; unit: string }) =>
    `*${p.person}* är redan ${p.role} i *${p.unit}*. Inget ändrades.`,
  audit: {
    what: 'läsa rollbytena (administratörer, och ledning för sina enheter)',
    title: 'Rollbyten och granskningspar',
    titleOf: (p: { unit: string }) => `Rollbyten och granskningspar i ${p.unit}`,
    pageLine: (p: { page: number }) => `Sida ${p.page} · nyast först`,
    empty: 'Inga rollbyten eller granskningspar ännu.',
    command: '/tillit inställningar logg',
    nextPage: (p: { command: string }) => `Äldre ändringar: \`${p.command}\``,
    badPage:
      'Skriv `inställningar logg`, `inställningar logg <enhet>` eller med sidnummer, till exempel `inställningar logg 2`.',
    noticeTitle: 'Rollbyte',
    noticeNote:
      'Alla rollbyten visas i enhetens kanal, så att alla vet vem som har vilken roll och kan se vad.',
    more: (p: { count: number }) =>
      `… och ${p.count} till. Alla finns i \`/tillit inställningar logg\`.`,
    added: (p: { person: string; role: string; unit: string }) =>
      `${p.person} är nu ${p.role} i ${p.unit}`,
    removed: (p: { person: string; role: string; unit: string }) =>
      `${p.person} är inte längre ${p.role} i ${p.unit}`,
    adminAdded: (p: { person: string }) => `${p.person} är nu administratör`,
    adminRemoved: (p: { person: string }) => `${p.person} är inte längre administratör`,
    by: (p: { actor: string }) => `ändrat av ${p.actor}`,
    byOrgFile: 'ändrat i organisationsfilen',
    unknownActor: 'okänd',
    line: (p: { what: string; by: string }) => `${p.what} (${p.by}).`,
  },
  badSchedule: 'Skriv till exempel `inställningar schema barn-och-unga torsdag 14.00`.',
  scheduleSet: (p: { unit: string; weekday: string; time: string }) =>
    `Reflektionen i *${p.unit}* skickas varje ${p.weekday} kl. ${p.time}.`,
  schedulePaused: (p: { unit: string }) => `Reflektionen i *${p.unit}* är pausad.`,
  scheduleResumed: (p: { unit: string }) => `Reflektionen i *${p.unit}* är igång igen.`,
  statusTitle: 'Läget i Tillit',
  statusUnits: (p: { units: number; linked: number }) =>
    `${p.units} ${p.units === 1 ? 'enhet' : 'enheter'}, varav ${p.linked} med kanal.`,
  statusPeople: (p: { people: number }) => `${p.people} aktiva personer.`,
  statusOutbox: (p: { queued: number; sending: number; sent: number; failed: number }) =>
    `Utskick: ${p.queued} i kö, ${p.sending} på väg, ${p.sent} skickade, ${p.failed} misslyckade.`,
  statusOutboxFailed: (p: { failed: number }) =>
    `${p.failed === 1 ? 'Ett utskick' : `${p.failed} utskick`} gick inte fram. Orsaken står i loggen och i \`npm run outbox -- failed\` på servern.`,
};
