import type { SwotQuadrant } from '../../../store/schema/index.js';

const punkter = (n: number) => (n === 1 ? '1 punkt' : `${n} punkter`);
const röster = (n: number) => (n === 1 ? '1 röst' : `${n} röster`);

export const swot = {
  title: (p: { topic: string }) => `SWOT: ${p.topic}`,
  usageTitle: 'SWOT-dialog',
  usage: [
    '`swot <ämne> [sista dag]` – startar en SWOT i kanalens enhet, till exempel `swot "Vår vardag" 2026-12-01` (insamlingen pågår till och med den dagen)',
    'Sista dag: `2026-12-01` (hela dagen) eller `2026-12-01 15:00`',
    '`--röster 5` – röster per person (standard 5)',
    '`--max 3` – högst så många röster på samma punkt (standard 3)',
    '`--rösta-till 2026-12-08` – när röstningen stängs av sig själv',
    '`--ny` – starta en till, även om kanalen redan har en öppen SWOT',
  ],
  optionsHint: 'Skriv `/tillit swot` för att se vad som går.',
  voteUntilTooEarly:
    'Röstningen kan inte sluta före insamlingen. Välj en senare tid för `--rösta-till`.',
  quadrants: {
    strengths: 'Styrkor',
    weaknesses: 'Svagheter',
    opportunities: 'Möjligheter',
    threats: 'Hot',
  } satisfies Record<SwotQuadrant, string>,
  phases: { collect: 'Insamling', vote: 'Röstning', decide: 'Beslut', closed: 'Avslutad' },
  phaseLine: (p: { phase: string }) => `Fas: *${p.phase}*`,
  deadlineLine: (p: { when: string }) => `Sista dag: ${p.when}`,
  itemsLine: (p: { count: number }) => punkter(p.count),
  votersLine: (p: { voters: number }) => `${p.voters} har röstat`,
  next: {
    collect:
      'Lägg till styrkor, svagheter, möjligheter och hot med *Lägg till punkt*. Du kan vara anonym, och ingen ser vem som skrivit vad.',
    vote: (p: { votes: number; max: number }) =>
      `Dags att rösta: ${röster(p.votes)} var, högst ${p.max} på samma punkt. Välj ett område nedan; dina röster ser bara du.`,
    resultsHidden: (p: { threshold: number }) =>
      `Andra ser bara hur många som har röstat. Resultatet visas när röstningen är avslutad, om minst ${p.threshold} har röstat.`,
    decide:
      'Punkterna med flest röster står först. Den som leder dialogen gör dem till åtgärder med ansvarig och datum, och kan föra hot och svagheter vidare till nästa riskdialog.',
  },
  nothingYet: 'Inget ännu.',
  showAll: (p: { count: number }) => `Visa alla (${p.count} till)`,
  allTitle: (p: { quadrant: string; count: number }) => `${p.quadrant}: alla ${p.count}`,
  merged: (p: { count: number }) => `(+${p.count} liknande)`,
  votes: (p: { count: number }) => röster(p.count),
  tagAction: '→ åtgärd',
  tagRisk: '→ risk',
  actionsTitle: 'Åtgärder',
  actionLine: (p: { text: string; owner: string; due: string }) =>
    `${p.text} – ${p.owner}, klart senast ${p.due}`,
  noActions: 'Inga åtgärder beslutades.',
  closedText: (p: { items: number; voters: number; actions: number }) =>
    `Dialogen är avslutad: ${punkter(p.items)}, ${p.voters} röstade, ${p.actions} ${p.actions === 1 ? 'åtgärd' : 'åtgärder'}. Sammanfattningen finns i kanalen.`,
  summaryTitle: (p: { topic: string }) => `Sammanfattning: ${p.topic}`,
  summaryContext: (p: { unit: string }) =>
    `SWOT-dialog i ${p.unit} · de punkter som fick flest röster`,
  risksCarried: (p: { count: number }) => `${punkter(p.count)} förs vidare till nästa riskdialog.`,
  buttons: {
    add: 'Lägg till punkt',
    mine: 'Mina punkter',
    merge: 'Slå ihop dubbletter',
    startVote: 'Starta röstningen',
    voteIn: (p: { quadrant: string }) => `Rösta: ${p.quadrant}`,
    myVotes: 'Mina röster',
    endVote: 'Avsluta röstningen',
    newAction: 'Ny åtgärd',
    toAction: 'Gör till åtgärd',
    toRisk: 'Gör till risk',
    close: 'Avsluta dialogen',
    edit: 'Ändra',
    delete: 'Ta bort',
    addAnother: 'Lägg till en till',
    voteOne: '+1 röst',
    withdrawOne: 'Ta tillbaka en röst',
  },
  what: {
    start: 'starta en SWOT i den här enheten',
    addItem: 'lägga till punkter i den här SWOT:en',
    vote: 'rösta i den här SWOT:en',
    see: 'se punkterna i den här SWOT:en',
  },
  only: {
    startVote: 'starta röstningen',
    endVote: 'avsluta röstningen',
    merge: 'slå ihop punkter',
    decide: 'besluta om åtgärder',
    risk: 'föra punkter vidare till riskdialogen',
    close: 'avsluta dialogen',
  },
  addForm: {
    title: 'Ny SWOT-punkt',
    submit: 'Lägg till',
    intro: (p: { topic: string }) =>
      `SWOT: ${p.topic}. Skriv kort, en sak per punkt. Inga namn eller personnummer.`,
    quadrantLabel: 'Område',
    textLabel: 'Punkt',
    textPlaceholder: 'Till exempel: Vi hjälper varandra när det är tungt',
    anonymousLabel: 'Anonymt',
    anonymousOption: 'Lägg till anonymt – inte ens den som leder dialogen kan se att den är din',
    pickQuadrant: 'Välj styrkor, svagheter, möjligheter eller hot.',
  },
  added: (p: { quadrant: string }) => `Tack! Din punkt finns nu under *${p.quadrant}*.`,
  addedAnonymously: (p: { quadrant: string }) =>
    `Tack! Din punkt finns nu under *${p.quadrant}*, anonymt: Tillit har inte sparat vem som skrev den. Vill du ändra eller ta bort den går det bara med knapparna här, medan insamlingen pågår.`,
  editForm: { title: 'Ändra punkt' },
  edited: 'Punkten är ändrad.',
  deleted: 'Punkten är borttagen.',
  notYourItem: 'Du kan bara ändra och ta bort dina egna punkter. Inget ändrades.',
  itemGone: 'Den punkten finns inte längre. Inget ändrades.',
  itemMerged: 'Den punkten har slagits ihop med en annan. Inget ändrades.',
  mine: {
    title: 'Mina punkter',
    none: 'Du har inga punkter under ditt namn i den här SWOT:en.',
    anonymousNote:
      'Anonyma punkter syns inte här: Tillit vet inte vems de är. Ändra dem med knapparna du fick när du lade till dem.',
  },
  mergeForm: {
    title: 'Slå ihop dubbletter',
    submit: 'Slå ihop',
    intro: 'Den första punkten göms och räknas in i den andra, som står kvar med sin text.',
    fromLabel: 'Punkt som ska gömmas',
    intoLabel: 'Slås ihop med (står kvar)',
    pickItem: 'Välj en punkt som finns kvar.',
    sameItem: 'Välj två olika punkter.',
    tooFew: 'Det behövs minst två punkter för att slå ihop något.',
    done: 'Punkterna är sammanslagna.',
  },
  nothingToVoteOn: 'Det finns inga punkter att rösta på ännu. Inget ändrades.',
  voteStarted: 'Röstningen är igång.',
  voteEnded:
    'Röstningen är avslutad. Resultatet syns nu i dialogen, om tillräckligt många röstade.',
  votesWithheld:
    'För få röstade för att rösterna ska kunna visas utan att någon kan pekas ut. Punkterna står i den ordning de lades till.',
  noLiveResults:
    'Rösterna visas aldrig medan röstningen pågår: då skulle det gå att räkna ut vad var och en röstat på. Resultatet visas när röstningen är avslutad. Inget startades.',
  ballot: {
    title: (p: { quadrant: string }) => `Rösta: ${p.quadrant}`,
    remaining: (p: { left: number; of: number; max: number }) =>
      `Du har ${p.left} av ${röster(p.of)} kvar · högst ${p.max} på samma punkt`,
    // What is left is on the ballot's own line (remaining), so it is not said twice.
    cast: (p: { item: string; dots: number }) =>
      `Din röst på ”${p.item}” är lagd (${röster(p.dots)} från dig där).`,
    withdrawn: (p: { item: string; dots: number }) =>
      `En röst är borttagen från ”${p.item}” (${röster(p.dots)} från dig kvar där).`,
    noVotesLeft: (p: { of: number }) =>
      `Du har redan lagt alla dina ${röster(p.of)}. Ta tillbaka en om du vill flytta den. Inget ändrades.`,
    itemFull: (p: { max: number }) =>
      `Du har redan ${röster(p.max)} på den här punkten, och fler går inte. Inget ändrades.`,
    noVoteHere: 'Du har ingen röst på den punkten. Inget ändrades.',
    noVotesYet: 'Du har inte röstat ännu.',
  },
  actionForm: {
    title: 'Ny åtgärd',
    fromItem: (p: { item: string }) => `Från punkten: ${p.item}`,
    itemLabel: 'Utgår från punkt (valfritt)',
    textLabel: 'Åtgärd',
    ownerLabel: 'Ansvarig',
    dueLabel: 'Klart senast',
  },
  actionSaved: (p: { text: string; owner: string; due: string }) =>
    `Åtgärden är sparad: ${p.text} – ${p.owner}, klart senast ${p.due}.`,
  onlyThreatsBecomeRisks: 'Bara hot och svagheter kan föras vidare som risker. Inget ändrades.',
  alreadyRisk: 'Den punkten är redan förd vidare som risk. Inget ändrades.',
  riskCreated: (p: { item: string }) => `”${p.item}” tas upp som risk i nästa riskdialog.`,
};
