import type {
  ActionEffect,
  SelfCheckCadence,
  SelfCheckOutcome,
} from '../../../store/schema/index.js';

const dagar = (n: number) => (n === 1 ? '1 dag' : `${n} dagar`);
const åtgärder = (n: number) => (n === 1 ? '1 åtgärd' : `${n} åtgärder`);
/** Swedish genitive: "Annas", but "Jonas" and "Max" as they are. */
const genitiv = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);

/** Follow-up: actions, nudges, the effect question, self-checks and the weekly digest. */
export const followUp = {
  what: {
    change: 'ändra den här åtgärden',
    manage: 'se och lägga till enhetens åtgärder',
    answerCheck: 'svara på den här egenkontrollen',
  },
  usageTitle: 'Åtgärder',
  usage: [
    '`åtgärder` – dina öppna åtgärder och egenkontroller',
    '`åtgärder alla` – också de klara, med svaret om de fick avsedd effekt',
    '`åtgärder enhet [enhet]` – enhetens öppna, försenade och klara åtgärder (chef, processledare)',
    '`åtgärder ny <åtgärd> @ansvarig <datum>` – ny åtgärd, till exempel `åtgärder ny "Ny rutin för överlämning" @anna 2026-12-01` (saknas något öppnas ett formulär)',
  ],
  effects: { yes: 'Ja', partly: 'Delvis', no: 'Nej' } satisfies Record<ActionEffect, string>,
  buttons: {
    done: 'Klar',
    reschedule: 'Nytt datum',
    drop: 'Stryk',
    askLater: (p: { weeks: number }) => `Fråga igen om ${p.weeks} veckor`,
    addNote: 'Lägg till en kommentar',
    showUnit: 'Visa enhetens åtgärder',
  },
  fields: {
    unit: 'Enhet',
    owner: 'Ansvarig',
    due: 'Klart senast',
  },
  nudge: {
    dueTitle: 'Åtgärd som ska vara klar i dag',
    dueSummary: (p: { text: string }) => `Ska vara klar i dag: ${p.text}`,
    dueText: (p: { text: string }) => `*${p.text}*\nDen här åtgärden ska vara klar i dag.`,
    overdueTitle: 'Försenad åtgärd',
    overdueSummary: (p: { text: string; days: number }) => `Försenad ${dagar(p.days)}: ${p.text}`,
    overdueText: (p: { text: string; due: string; days: number }) =>
      `*${p.text}*\nDen skulle ha varit klar ${p.due}, för ${dagar(p.days)} sedan. Är den klar, behöver den ett nytt datum eller ska den strykas?`,
    escalateTitle: (p: { unit: string }) => `Försenad åtgärd i ${p.unit}`,
    escalateSummary: (p: { text: string; owner: string; days: number }) =>
      `${genitiv(p.owner)} åtgärd är försenad ${dagar(p.days)}: ${p.text}`,
    escalateText: (p: { text: string; owner: string; due: string; days: number }) =>
      `*${p.text}*\nAnsvarig: ${p.owner}. Den skulle ha varit klar ${p.due}, för ${dagar(p.days)} sedan, och ansvarig har fått påminnelser. Kanske behöver ni prata om den?`,
    assignedTitle: 'Du har fått en åtgärd',
    assignedSummary: (p: { text: string; due: string }) =>
      `Ny åtgärd, klar senast ${p.due}: ${p.text}`,
    assignedText: (p: { text: string; by: string }) =>
      `*${p.text}*\n${p.by} har gett dig den här åtgärden.`,
    hint: 'Klicka *Klar* när den är gjord, så frågar jag om den fick avsedd effekt.',
    /** In place of the buttons on a notice or nudge once the action is done or struck. */
    settledTitle: { done: 'Åtgärden är klar', dropped: 'Åtgärden är struken' },
    settledText: {
      done: (p: { date: string }) => `Klarmarkerad ${p.date}.`,
      dropped: (p: { date: string }) => `Struken ${p.date}.`,
    },
  },
  changed: {
    rescheduled: (p: { text: string; due: string }) =>
      `*${p.text}* ska nu vara klar senast ${p.due}.`,
    dropped: (p: { text: string }) => `*${p.text}* är struken.`,
    byOther: (p: { who: string; text: string; what: string; reason: string }) =>
      `${p.who} har ändrat din åtgärd *${p.text}*: ${p.what}. Skäl: ${p.reason}`,
    whatRescheduled: (p: { due: string }) => `nytt datum ${p.due}`,
    whatDropped: 'struken',
    changedSummary: (p: { text: string }) => `Din åtgärd har ändrats: ${p.text}`,
  },
  stale: {
    gone: 'Jag hittar inte den åtgärden. Inget ändrades.',
    done: 'Den här åtgärden är redan klarmarkerad. Inget ändrades.',
    dropped: 'Den här åtgärden är redan struken. Inget ändrades.',
    open: 'Den här åtgärden är inte klarmarkerad ännu. Inget ändrades.',
    maxCheckIns: 'Jag har redan frågat igen så många gånger som går. Svara gärna nu.',
  },
  rescheduleForm: {
    title: 'Nytt datum',
    intro: (p: { text: string; due: string }) =>
      `*${p.text}*\nNu ska den vara klar senast ${p.due}.`,
    dateLabel: 'Ny sista dag',
    reasonLabel: 'Varför flyttas den?',
    sameDate: 'Det är samma datum som nu. Välj ett annat.',
  },
  dropForm: {
    title: 'Stryk åtgärd',
    intro: (p: { text: string }) => `*${p.text}*`,
    reasonLabel: 'Varför stryks den?',
  },
  addForm: {
    title: 'Ny åtgärd',
    textLabel: 'Åtgärd',
    ownerLabel: 'Ansvarig',
    dueLabel: 'Klart senast',
  },
  pickDate: 'Välj ett datum.',
  dateInPast: 'Datumet har redan passerat.',
  pickOwner: 'Välj en ansvarig i enheten.',
  needsActionText: 'Skriv vad som ska göras.',
  notInUnit: (p: { name: string }) =>
    `${p.name} har ingen roll i enheten och kan inte vara ansvarig. Inget sparades.`,
  unknownOwner:
    'Jag känner inte den personen. En administratör kan lägga till hen med `/tillit inställningar roll`.',
  added: (p: { text: string; owner: string; due: string }) =>
    `Åtgärden är sparad: *${p.text}* – ${p.owner}, klart senast ${p.due}.`,
  effect: {
    question: 'Fick den avsedd effekt?',
    summary: (p: { text: string }) => `Fick den avsedd effekt? ${p.text}`,
    text: (p: { text: string }) => `*${p.text}* är klar. Fick den avsedd effekt?`,
    checkInText: (p: { text: string; done: string }) =>
      `Du bad mig fråga igen. *${p.text}* blev klar ${p.done}. Fick den avsedd effekt?`,
    hint: 'Svara Ja, Delvis eller Nej. Du kan lägga till en kort kommentar efteråt.',
    saved: (p: { effect: string }) => `Tack! Sparat: ${p.effect}.`,
    askAgainAt: (p: { date: string }) => `Jag frågar dig igen ${p.date}.`,
    noteForm: {
      title: 'Kommentar om effekten',
      label: 'Kort kommentar (valfritt)',
    },
    noteSaved: 'Kommentaren är sparad.',
    noteRemoved: 'Kommentaren är borttagen.',
  },
  lists: {
    mineTitle: 'Mina åtgärder',
    mineEmpty: 'Du har inga öppna åtgärder.',
    unitTitle: (p: { unit: string }) => `Åtgärder i ${p.unit}`,
    unitEmpty: 'Enheten har inga öppna åtgärder.',
    overdueHeading: (p: { count: number }) => `Försenade (${p.count})`,
    openHeading: (p: { count: number }) => `Öppna (${p.count})`,
    awaitingEffect: 'Klara – fick de avsedd effekt?',
    line: (p: { text: string; due: string }) => `${p.text} – klart senast ${p.due}`,
    lineLate: (p: { text: string; due: string; days: number }) =>
      `${p.text} – skulle ha varit klar ${p.due} (för ${dagar(p.days)} sedan)`,
    unitLine: (p: { text: string; owner: string; due: string }) =>
      `${p.text} – ${p.owner}, klart senast ${p.due}`,
    unitLineLate: (p: { text: string; owner: string; due: string; days: number }) =>
      `${p.text} – ${p.owner}, skulle ha varit klar ${p.due} (för ${dagar(p.days)} sedan)`,
    doneLine: (p: { text: string; done: string }) => `${p.text} – klar ${p.done}`,
    allTitle: 'Alla mina åtgärder',
    doneHeading: (p: { count: number }) => `Klara (${p.count})`,
    noneDone: 'Inga klara åtgärder ännu.',
    effectLine: (p: { text: string; done: string; effect: string; owner?: string }) =>
      `${p.text}${p.owner ? ` – ${p.owner}` : ''} – klar ${p.done} · avsedd effekt: ${p.effect}`,
    effectNote: (p: { note: string }) => ` (”${p.note}”)`,
    effectWords: {
      yes: 'ja',
      partly: 'delvis',
      no: 'nej',
      unanswered: 'inte besvarat ännu',
    },
    more: (p: { count: number }) => `… och ${åtgärder(p.count)} till`,
    selfChecksHeading: 'Mina egenkontroller',
    selfCheckLine: (p: { text: string; cadence: string; next: string }) =>
      `${p.text} – ${p.cadence}, nästa ${p.next}`,
  },
  digest: {
    title: (p: { unit: string }) => `Veckans åtgärder – ${p.unit}`,
    summary: (p: { unit: string; overdue: number; due: number }) =>
      `${p.unit}: ${p.overdue} ${p.overdue === 1 ? 'försenad' : 'försenade'}, ${p.due} ska bli ${p.due === 1 ? 'klar' : 'klara'} i veckan`,
    overdueHeading: (p: { count: number }) => `Försenade (${p.count})`,
    dueHeading: (p: { count: number }) => `Ska vara klara den här veckan (${p.count})`,
    hint: 'Det här kommer varje måndag när enheten har åtgärder som är försenade eller ska bli klara i veckan.',
  },
  selfCheck: {
    title: 'Egenkontroll',
    summary: (p: { text: string }) => `Egenkontroll: ${p.text}`,
    question: (p: { text: string; unit: string; cadence: string }) =>
      `*${p.text}*\n${p.unit}, ${p.cadence}. Är kontrollen gjord, och hittade du något?`,
    cadences: {
      weekly: 'varje vecka',
      monthly: 'varje månad',
      quarterly: 'varje kvartal',
      yearly: 'varje år',
    } satisfies Record<SelfCheckCadence, string>,
    outcomes: {
      ok: 'Gjord – inget att anmärka',
      found: 'Gjord – hittade något',
      'not-done': 'Inte gjord',
    } satisfies Record<SelfCheckOutcome, string>,
    foundForm: {
      title: 'Vad hittade du?',
      label: 'Kort beskrivning (inga personuppgifter)',
    },
    saved: (p: { outcome: string }) => `Tack! Sparat: ${p.outcome}.`,
    alreadyAnswered: 'Den här egenkontrollen är redan besvarad. Inget ändrades.',
    gone: 'Jag hittar inte den egenkontrollen. Inget ändrades.',
    assigned: {
      title: 'Du ansvarar för en egenkontroll',
      summary: (p: { text: string }) => `Ny egenkontroll: ${p.text}`,
      text: (p: { text: string; unit: string; cadence: string; first: string; by: string }) =>
        `*${p.text}*\n${p.by} har gett dig egenkontrollen i ${p.unit}, ${p.cadence}. Första gången är ${p.first}; då frågar jag dig om den är gjord.`,
    },
    foundNotice: {
      title: (p: { unit: string }) => `Egenkontroll med anmärkning i ${p.unit}`,
      summary: (p: { check: string; by: string }) => `${p.by} hittade något: ${p.check}`,
      text: (p: { check: string; by: string; date: string; finding: string }) =>
        `*${p.check}*\n${p.by} gjorde egenkontrollen ${p.date} och hittade något:\n> ${p.finding}`,
    },
  },
  standIn: (p: { unit: string }) =>
    `${p.unit} har ingen chef i Tillit, så det här kommer till dig i stället.`,
  home: {
    title: 'Mina åtgärder',
    showAll: 'Visa alla, också klara',
    hint: 'Skriv `/tillit åtgärder alla` för att se alla, också de klara och deras effekt.',
  },
};
