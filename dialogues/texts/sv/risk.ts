import type {
  RiskHandling,
  RiskProcess,
  SelfCheckCadence,
  UnitLevel,
} from '../../../store/schema/index.js';
import { quoteInput } from '../../safety/quote-input.js';

const risker = (n: number) => (n === 1 ? '1 risk' : `${n} risker`);
const bedömningar = (n: number) => (n === 1 ? '1 bedömning' : `${n} bedömningar`);
/** Exactly what others will see of an estimate, said wherever one is given. */
const whoSees = (threshold: number) =>
  `Andra ser bara hur många som har bedömt. Spridningen visas när bedömningen är avslutad, om minst ${threshold} har bedömt.`;

export const risk = {
  title: (p: { topic: string }) => `Riskdialog: ${p.topic}`,
  defaultTopic: (p: { unit: string; year: number }) => `${p.unit} ${p.year}`,
  usageTitle: 'Riskdialog',
  usage: [
    '`risk [rubrik] [sista dag]` – startar årets riskdialog i kanalens enhet, med de risker som förts hit (eskaleringar, hot och svagheter från SWOT)',
    '`--år 2026` – vilket år dialogen gäller (standard: i år)',
    '`--nivåer 3,6,9` – övre gräns för låg, medel och hög risk (standard 3,6,9: 1–3 låg, 4–6 medel, 8–9 hög, 12–16 mycket hög)',
    '`--ny` – starta en till, även om kanalen redan har en öppen riskdialog',
    '`risk status [år]` – hur långt riskdialogerna har kommit i din enhet och underliggande enheter',
    '`risk säsong <från-månad> [till-månad]` – när enhetens riskdialog ska hållas, till exempel `risk säsong 10` eller `risk säsong 9 10`',
  ],
  optionsHint: 'Skriv `/tillit risk hjälp` för att se vad som går.',
  badYear: 'Året ska skrivas med fyra siffror, till exempel `--år 2026`.',
  badLevels: 'Nivåerna skrivs som tre växande tal mellan 1 och 16, till exempel `--nivåer 3,6,9`.',
  phases: {
    identify: 'Identifiering',
    assess: 'Bedömning',
    decide: 'Beslut',
    closed: 'Avslutad',
  },
  phaseLine: (p: { phase: string }) => `Fas: *${p.phase}*`,
  deadlineLine: (p: { when: string }) => `Sista dag: ${p.when}`,
  risksLine: (p: { count: number }) => risker(p.count),
  unitLine: (p: { unit: string; year: number }) => `${p.unit} · ${p.year}`,
  next: {
    identify:
      'Vilka risker ser ni i verksamheten? Lägg till dem med *Lägg till risk*, gärna anonymt. Inga namn eller personnummer.',
    assess:
      'Bedöm varje risk: sannolikhet 1–4 och konsekvens 1–4. Var och en ger sin bedömning, och den som leder dialogen fastställer den gemensamma. Medan bedömningen pågår syns bara hur många som har bedömt.',
    decide:
      'Bestäm för varje risk i vilken process den hanteras och hur: acceptera, egenkontroll, åtgärd eller eskalera till nästa nivå.',
  },
  carriedTitle: 'Förda hit',
  raisedTitle: 'Nya risker',
  nothingYet: 'Inga risker ännu.',
  showAll: (p: { count: number }) => `Visa alla (${p.count} till)`,
  allTitle: (p: { count: number }) => `Alla ${p.count} risker`,
  fromSwot: (p: { topic: string }) => `från SWOT ”${p.topic}”`,
  fromUnit: (p: { unit: string }) => `eskalerad från ${p.unit}`,
  theirAssessment: (p: { unit: string; value: string }) => `${p.unit} bedömde ${p.value}`,
  motivation: (p: { text: string }) => `motivering: ${p.text}`,
  notAssessed: 'inte fastställd',
  estimates: (p: { count: number }) => bedömningar(p.count),
  estimatedSoFar: (p: { count: number }) => `${p.count} har bedömt`,
  estimatesWithheld: 'för få bedömningar för att visas utan att någon kan pekas ut',
  spread: (p: { p: string; c: string }) => `sannolikhet ${p.p}, konsekvens ${p.c}`,
  assessment: (p: { probability: number; consequence: number; value: number; level: string }) =>
    `${p.probability}×${p.consequence} = ${p.value} · ${p.level}`,
  notDecided: 'inte beslutad',
  levels: { low: 'Låg', medium: 'Medel', high: 'Hög', 'very-high': 'Mycket hög' },
  probability: ['osannolik', 'möjlig', 'sannolik', 'mycket sannolik'],
  consequence: ['lindrig', 'kännbar', 'allvarlig', 'mycket allvarlig'],
  probabilityAxis: 'Sannolikhet',
  consequenceAxis: 'Konsekvens',
  matrixTitle: (p: { unit: string; year: number }) => `Riskmatris ${p.unit} ${p.year}`,
  matrixAlt: (p: { count: number }) => `Riskmatris med ${risker(p.count)}`,
  processes: {
    'goal-steering': 'Målstyrning',
    'quality-system': 'Ledningssystem (SOSFS 2011:9)',
    'work-environment': 'Arbetsmiljö (SAM)',
    'internal-control': 'Intern kontroll',
  } satisfies Record<RiskProcess, string>,
  handlings: {
    accept: 'Acceptera',
    'self-check': 'Egenkontroll',
    action: 'Åtgärd',
    escalate: 'Eskalera',
  } satisfies Record<RiskHandling, string>,
  cadences: {
    weekly: 'varje vecka',
    monthly: 'varje månad',
    quarterly: 'varje kvartal',
    yearly: 'varje år',
  } satisfies Record<SelfCheckCadence, string>,
  escalateTo: (p: { unit: string }) => `Eskalera till ${p.unit}`,
  /** What became of a risk, as a past participle: "har behandlats av X: accepterad". */
  outcomes: {
    accept: 'accepterad',
    'self-check': 'egenkontroll',
    action: 'åtgärd',
    escalate: 'eskalerad vidare',
  } satisfies Record<RiskHandling, string>,
  decisionLine: (p: { process: string; handling: string }) => `${p.process} · ${p.handling}`,
  buttons: {
    add: 'Lägg till risk',
    startAssess: 'Börja bedöma',
    sheet: 'Bedöm risker',
    estimate: 'Min bedömning',
    agree: 'Fastställ',
    startDecide: 'Gå till beslut',
    decisions: 'Besluta om risker',
    decide: 'Besluta',
    close: 'Avsluta dialogen',
    addAnother: 'Lägg till en till',
  },
  what: {
    start: 'starta en riskdialog i den här enheten',
    add: 'lägga till risker i den här riskdialogen',
    estimate: 'bedöma risker i den här riskdialogen',
    status: 'se riskdialogerna för den här enheten',
    see: 'se riskerna i den här riskdialogen',
    season: 'ändra riskdialogens säsong för den här enheten',
  },
  only: {
    startAssess: 'gå vidare till bedömningen',
    agree: 'fastställa bedömningen',
    startDecide: 'gå vidare till beslut',
    decide: 'besluta om risker',
    close: 'avsluta dialogen',
  },
  addForm: {
    title: 'Ny risk',
    submit: 'Lägg till',
    intro: (p: { topic: string }) =>
      `Riskdialog: ${p.topic}. Beskriv kort vad som kan gå fel. Inga namn eller personnummer.`,
    label: 'Risk',
    placeholder: 'Till exempel: Vikarier saknar introduktion i dokumentationen',
    anonymousLabel: 'Anonymt',
    anonymousOption: 'Lägg till anonymt – Tillit sparar inte vem som skrev den',
  },
  added: 'Tack! Risken finns nu med i dialogen.',
  addedAnonymously: 'Tack! Risken finns nu med i dialogen, anonymt: Tillit har inte sparat vem.',
  riskGone: 'Den risken finns inte i någon pågående riskdialog. Inget ändrades.',
  sheet: {
    title: 'Bedöm risker',
    intro: (p: { threshold: number }) =>
      `Ge din bedömning av varje risk. Ingen ser vad just du svarat. ${whoSees(p.threshold)}`,
    yours: (p: { value: string }) => `din bedömning ${p.value}`,
  },
  estimateForm: {
    title: 'Min bedömning',
    agreeTitle: 'Fastställ bedömning',
    submit: 'Spara',
    intro: (p: { risk: string }) => `Risk: ${p.risk}`,
    estimateIntro: (p: { risk: string; threshold: number }) =>
      `Risk: ${p.risk}\n${whoSees(p.threshold)}`,
    agreeWhileOpen: (p: { risk: string; count: string }) =>
      `Risk: ${p.risk}\n${p.count} hittills. Spridningen visas när bedömningen är avslutad (*Gå till beslut*), så du kan också fastställa då.`,
    agreeWithout: (p: { risk: string }) =>
      `Risk: ${p.risk}\nBedömningarna är för få för att visas utan att någon kan pekas ut. Fastställ utan dem.`,
    spreadIntro: (p: { risk: string; spread: string }) =>
      `Risk: ${p.risk}\nBedömningar: ${p.spread}`,
    probabilityLabel: 'Sannolikhet',
    consequenceLabel: 'Konsekvens',
    pickScale: 'Välj ett värde från 1 till 4.',
  },
  estimated: (p: { value: string }) => `Din bedömning ${p.value} är sparad.`,
  agreed: (p: { risk: string; value: string }) =>
    `Bedömningen av ”${p.risk}” är fastställd: ${p.value}.`,
  unassessedLeft: (p: { count: number }) =>
    `${risker(p.count)} saknar fastställd bedömning. Fastställ alla först. Inget ändrades.`,
  nothingToAssess: 'Det finns inga risker att bedöma ännu. Inget ändrades.',
  decisions: {
    title: 'Besluta om risker',
    intro:
      'Välj en risk för att bestämma process och hantering. Det går att ändra tills dialogen avslutas.',
  },
  decisionForm: {
    title: 'Beslut om risk',
    submit: 'Spara beslut',
    intro: (p: { risk: string; value: string }) => `Risk: ${p.risk} (${p.value})`,
    withoutEstimates:
      'Bedömningarna är för få för att visas utan att någon kan pekas ut, så beslutet fattas utan dem.',
    processLabel: 'Process',
    handlingLabel: 'Hantering',
    motivationLabel: 'Motivering (krävs för att eskalera)',
    actionTextLabel: 'Åtgärd: vad ska göras',
    ownerLabel: 'Åtgärd: ansvarig',
    dueLabel: 'Åtgärd: klart senast',
    checkWhatLabel: 'Egenkontroll: vad kontrolleras',
    cadenceLabel: 'Egenkontroll: hur ofta',
    checkByLabel: 'Egenkontroll: vem gör den',
    checkStartLabel: 'Egenkontroll: första gången',
    pickProcess: 'Välj en av de fyra processerna.',
    pickHandling: 'Välj acceptera, egenkontroll, åtgärd eller eskalera.',
    needsMotivation: 'Skriv varför enheten inte kan hantera risken själv.',
    noParent: 'Enheten har ingen överordnad enhet att eskalera till. Välj en annan hantering.',
    pickDate: 'Välj ett datum.',
    dateInPast: 'Datumet har redan passerat.',
    needsCheckWhat: 'Skriv vad som ska kontrolleras.',
    pickCadence: 'Välj hur ofta.',
    pickCheckBy: 'Välj vem som gör egenkontrollen.',
  },
  decided: (p: { risk: string; decision: string }) =>
    `Beslutet om ”${p.risk}” är sparat: ${p.decision}.`,
  undecidedLeft: (p: { count: number }) =>
    `${risker(p.count)} saknar beslut. Besluta om alla först. Inget ändrades.`,
  assessStarted: 'Bedömningen är igång.',
  decideStarted: 'Nu är det dags att besluta.',
  closedText: (p: { count: number; escalated: number }) =>
    `Dialogen är avslutad: ${risker(p.count)}, varav ${p.escalated} ${p.escalated === 1 ? 'eskalerad' : 'eskalerade'}. Sammanfattningen finns i kanalen.`,
  summaryTitle: (p: { topic: string }) => `Sammanfattning: ${p.topic}`,
  summaryContext: (p: { unit: string; year: number }) => `Riskdialog i ${p.unit} · ${p.year}`,
  byLevelTitle: 'Risker per nivå',
  byProcessTitle: 'Risker per process',
  actionsTitle: 'Åtgärder',
  actionLine: (p: { text: string; owner: string; due: string }) =>
    `${p.text} – ${p.owner}, klart senast ${p.due}`,
  selfChecksTitle: 'Egenkontroller',
  selfCheckLine: (p: { what: string; cadence: string; by: string }) =>
    `${p.what} – ${p.cadence}, ${p.by}`,
  escalationsTitle: 'Eskalerade',
  escalationLine: (p: { risk: string; unit: string; motivation: string }) =>
    `${p.risk} → ${p.unit}: ${p.motivation}`,
  acceptedTitle: 'Accepterade',
  none: 'Inga.',
  escalatedNotice: {
    title: (p: { unit: string }) => `Risk eskalerad från ${p.unit}`,
    body: (p: { from: string; to: string; risk: string; motivation: string; value: string }) =>
      `${p.from} har eskalerat en risk till ${p.to}: *${p.risk}* (${p.value}).\nMotivering: ${p.motivation}`,
    next: (p: { unit: string }) =>
      `Den tas upp i nästa riskdialog för ${p.unit} (\`/tillit risk\` i dess kanal). Där kan ni acceptera risken, hantera den eller eskalera den vidare.`,
    joined: 'Den finns redan med i er pågående riskdialog.',
    standIn: (p: { unit: string }) =>
      `${p.unit} har ingen chef i Tillit, så beskedet går till dig. Du kan hålla riskdialogen för ${p.unit}, eller se till att enheten får en chef.`,
  },
  outcomeNotice: {
    title: 'Besked om eskalerad risk',
    body: (p: { risk: string; unit: string; outcome: string }) =>
      `Risken *${p.risk}* som ni eskalerade har behandlats av ${p.unit}: ${p.outcome}.`,
    escalatedFurther: (p: { unit: string }) => `eskalerad vidare till ${p.unit}`,
  },
  status: {
    title: (p: { unit: string; year: number }) =>
      `Riskdialoger ${p.year}: ${p.unit} med underliggande enheter`,
    held: (p: { date: string }) => `hölls ${p.date}`,
    running: (p: { phase: string }) => `pågår (${p.phase.toLowerCase()})`,
    notHeld: 'har inte hållits',
    season: (p: { months: string }) => `säsongen är ${p.months}`,
    waitingTitle: 'Eskaleringar som väntar',
    waitingLine: (p: { unit: string; risk: string; from: string }) =>
      `${p.unit}: ${p.risk} (från ${p.from})`,
    noneWaiting: 'Inga eskaleringar väntar.',
    badYear: (p: { got: string }) =>
      `”${quoteInput(p.got)}” är inget år. Skriv till exempel \`risk status 2026\`, eller bara \`risk status\` för i år.`,
    fatesTitle: 'Vad som blev av eskalerade risker',
    fateLine: (p: { risk: string; to: string; outcome: string }) =>
      `${p.risk} → ${p.to}: ${p.outcome}`,
    waiting: 'väntar på riskdialog',
    inDialogue: 'tas upp i pågående dialog',
    more: (p: { count: number }) => `… och ${p.count} ${p.count === 1 ? 'enhet' : 'enheter'} till`,
  },
  season: {
    current: (p: { unit: string; months: string; custom: boolean }) =>
      `Riskdialogens säsong för ${p.unit}: ${p.months}${p.custom ? '' : ' (standard för nivån)'}. Ändra med \`/tillit risk säsong 9 10\`.`,
    set: (p: { unit: string; months: string }) =>
      `Riskdialogens säsong för ${p.unit} är nu ${p.months}.`,
    badMonths:
      'Ange månader som tal 1–12 eller namn, till exempel `risk säsong 9 10` eller `risk säsong okt`.',
  },
  nudge: {
    openTitle: 'Dags för riskdialog',
    open: (p: { unit: string; level: string; months: string }) =>
      `Nu är det dags för riskdialogen i *${p.unit}* (${p.level}, ${p.months}). Starta den med \`/tillit risk\` i kanalen för ${p.unit}. Risker som har eskalerats hit kommer med automatiskt.`,
    lateTitle: 'Riskdialogen har inte hållits',
    late: (p: { unit: string; months: string }) =>
      `Säsongen för riskdialogen i *${p.unit}* (${p.months}) är slut, och ingen riskdialog har avslutats i år. Starta den med \`/tillit risk\` i kanalen för ${p.unit}, så att nästa nivå får era risker.`,
  },
  levelNames: {
    administration: 'förvaltning',
    department: 'avdelning',
    unit: 'enhet',
    section: 'sektion',
  } satisfies Record<UnitLevel, string>,
};
