import { quoteInput } from '../../safety/quote-input.js';
import type { MeasureKey } from '../../summary/measures.js';

/** Leadership summaries: per unit, compared with earlier periods, and their exports. */
export const summary = {
  what: 'se sammanställningen för den enheten',
  adminOnly:
    'Administratörer ställer in Tillit men ser inte sammanställningar eller reflektioner. Be om rollen chef eller ledning om du behöver dem.',
  noUnit:
    'Du är inte chef eller ledning för någon enhet, så det finns ingen sammanställning att visa.',
  twoPeriods: (p: { text: string }) =>
    `Skriv bara en period – ”${quoteInput(p.text)}” blev en period för mycket. Skriv till exempel \`sammanställning T2-2026\`.`,
  periodProblems: {
    tertial: (p: { got: string }) =>
      `”${quoteInput(p.got)}” är ingen period: året har tre tertial, T1 (jan–apr), T2 (maj–aug) och T3 (sep–dec). Skriv till exempel T2-2026.`,
    halfYear: (p: { got: string }) =>
      `”${quoteInput(p.got)}” är ingen period: året har två halvår, H1 och H2. Skriv till exempel H1-2026.`,
    month: (p: { got: string }) =>
      `”${quoteInput(p.got)}” är ingen månad: månaderna skrivs 01–12, till exempel 2026-05 för maj 2026.`,
    week: (p: { got: string }) =>
      `”${quoteInput(p.got)}” är ingen vecka: veckorna är 1–52 (vissa år 53), till exempel V12-2026.`,
    year: (p: { got: string }) =>
      `”${quoteInput(p.got)}” har ett år jag inte kan räkna med. Skriv ett år mellan 2000 och 2100, till exempel 2026.`,
    date: (p: { got: string }) =>
      `”${quoteInput(p.got)}” har ett datum som inte finns i kalendern. Skriv till exempel 2026-01-01..2026-04-30.`,
    tooLong: (p: { got: string }) =>
      `”${quoteInput(p.got)}” är längre än tio år. Välj en kortare period.`,
    reversed: (p: { got: string; from: string; to: string }) =>
      `”${quoteInput(p.got)}” slutar innan den börjar. Skriv det tidigaste datumet först: ${p.from}..${p.to}.`,
  },
  title: (p: { unit: string; period: string }) => `Sammanställning ${p.unit} · ${p.period}`,
  /** `lastYear` is null when it is the period before too (a year, a range of days). */
  compared: (p: { dates: string; previous: string; lastYear: string | null }) =>
    p.lastYear
      ? `${p.dates}. Jämförs med ${p.previous} (föregående) och ${p.lastYear} (året innan).`
      : `${p.dates}. Jämförs med ${p.previous}.`,
  thresholdNote: (p: { threshold: number }) =>
    `Reflektionssiffror räknas bara från avslutade omgångar där minst ${p.threshold} personer svarade, enhet för enhet; ”för få svar” betyder att det var för få svar för att visas utan att någon kan pekas ut. ▲ upp ▼ ner ▶ oförändrat; grönt är åt rätt håll.`,
  rounds: {
    counted: (p: { count: number; weeks: string }) =>
      `Reflektionssiffrorna kommer från ${p.count} ${p.count === 1 ? 'avslutad omgång' : 'avslutade omgångar'} (${p.weeks}).`,
    none: 'Inga avslutade reflektionsomgångar med tillräckligt många svar i perioden.',
    left: (p: { count: number }) =>
      `${p.count} ${p.count === 1 ? 'omgång' : 'omgångar'} med för få svar ingår inte.`,
    open: (p: { count: number }) =>
      `${p.count} ${p.count === 1 ? 'pågående omgång räknas' : 'pågående omgångar räknas'} först när ${p.count === 1 ? 'den' : 'de'} har stängt.`,
    week: (p: { week: number }) => `v. ${p.week}`,
    weekYear: (p: { week: number; year: number }) => `v. ${p.week} ${p.year}`,
  },
  withheld: 'för få svar',
  withheldShort: 'för få',
  none: '–',
  total: 'Totalt',
  ownLevel: (p: { unit: string }) => `${p.unit} (egen nivå)`,
  delta: (p: { period: string }) => `Δ ${p.period}`,
  /** Said once beside the figures: a change in a share is in points, not in per cent of it. */
  percentPoints: 'Förändringar i andelar (svarsfrekvens, avsedd effekt) anges i procentenheter.',
  headline: 'Översikt',
  perUnit: 'Per enhet',
  moreUnits: (p: { count: number }) =>
    `… och ${p.count} ${p.count === 1 ? 'enhet' : 'enheter'} till: exportera för att se alla.`,
  topItems: 'Mest röstade SWOT-punkter',
  noTopItems: 'Inga SWOT-punkter med röster från tillräckligt många deltagare.',
  itemLine: (p: { quadrant: string; text: string; votes: number; unit?: string }) =>
    `${p.quadrant}: ${p.text} (${p.votes} ${p.votes === 1 ? 'röst' : 'röster'}${p.unit ? `, ${p.unit}` : ''})`,
  themes: 'Återkommande ord i reflektionerna',
  noThemes: 'Inga återkommande ord från enheter med tillräckligt många som skrivit.',
  themeLine: (p: { word: string; answers: number }) => `${p.word} (${p.answers})`,
  matrixTitle: (p: { unit: string; period: string }) => `Risker ${p.unit} · ${p.period}`,
  matrixAlt: (p: { count: number }) => `Riskmatris med ${p.count} bedömda risker`,
  trendTitle: 'Svarsfrekvens och medelbetyg',
  trendAlt: (p: { points: string }) => `Trend för svarsfrekvens och medelbetyg: ${p.points}`,
  trendResponse: 'Svarsfrekvens (%)',
  trendRating: 'Medelbetyg (1–5)',
  lines: {
    dialogues: 'Dialoger',
    risks: 'Risker',
    escalations: 'Eskaleringar',
    actions: 'Åtgärder',
    selfChecks: 'Egenkontroller',
    reviews: 'Kollegial granskning',
    reflection: 'Reflektion',
    ratings: 'Betyg',
  },
  measures: {
    'dialogues.swot': 'SWOT-dialoger',
    'dialogues.risk': 'Riskdialoger',
    'risks.total': 'Risker',
    'risks.level.low': 'Låg risk',
    'risks.level.medium': 'Medelrisk',
    'risks.level.high': 'Hög risk',
    'risks.level.very-high': 'Mycket hög risk',
    'risks.process.goal-steering': 'Målstyrning',
    'risks.process.quality-system': 'Ledningssystem',
    'risks.process.work-environment': 'Arbetsmiljö',
    'risks.process.internal-control': 'Intern kontroll',
    'escalations.out': 'Eskalerade uppåt',
    'escalations.in': 'Eskalerade hit',
    'escalations.fate.waiting': 'Väntar',
    'escalations.fate.in-progress': 'Hanteras',
    'escalations.fate.handled': 'Omhändertagna',
    'escalations.fate.further': 'Eskalerade vidare',
    'actions.opened': 'Nya åtgärder',
    'actions.done': 'Klara åtgärder',
    'actions.overdue': 'Försenade åtgärder',
    'effect.yes': 'Fick avsedd effekt',
    'effect.partly': 'Fick delvis avsedd effekt',
    'effect.no': 'Fick inte avsedd effekt',
    'effect.share': 'Andel med avsedd effekt',
    'self-checks.done': 'Gjorda egenkontroller',
    'self-checks.found': 'Egenkontroller med anmärkning',
    'self-checks.missed': 'Missade egenkontroller',
    'reviews.given': 'Gjorda granskningar',
    'reviews.received': 'Mottagna granskningar',
    'reviews.tip-actions': 'Tips som blev åtgärder',
    'reflection.invited': 'Tillfrågade',
    'reflection.answered': 'Svar',
    'reflection.response-rate': 'Svarsfrekvens',
    'rating.all': 'Medelbetyg',
    'rating.trust': 'Tillit',
    'rating.citizen-focus': 'Medborgarfokus',
    'rating.holistic-view': 'Helhetssyn',
    'rating.room-for-action': 'Handlingsutrymme',
    'rating.support': 'Stöd',
    'rating.knowledge': 'Kunskap',
    'rating.openness': 'Öppenhet',
  } satisfies Record<MeasureKey, string>,
  periodNames: {
    week: (p: { week: number; year: number }) => `vecka ${p.week} ${p.year}`,
    month: (p: { month: string; year: number }) => `${p.month} ${p.year}`,
    tertial: (p: { n: number; year: number }) => `T${p.n} ${p.year}`,
    halfYear: (p: { n: number; year: number }) => `halvår ${p.n} ${p.year}`,
    year: (p: { year: number }) => `${p.year}`,
  },
  exportCsv: 'Exportera CSV',
  exportMarkdown: 'Rapport till nämnden',
  exportReady: (p: { name: string }) => `Exporten ${p.name} är klar.`,
  exportDownload: (p: { name: string }) => `Ladda ned ${p.name}`,
  exportSentToDm: 'Filen har skickats till dig i ett direktmeddelande med Tillit.',
  exportLinkLife: (p: { days: number }) =>
    `Länken gäller i ${p.days} dygn, och bara den som har den kan öppna den.`,
  exportConsent: (p: { name: string }) =>
    `Sammanställningen ${p.name}. Godkänn, så sparas filen i din OneDrive.`,
  csvHeader: [
    'enhet_nyckel',
    'enhet',
    'omfattning',
    'mått_id',
    'mått',
    'period',
    'från',
    'till',
    'värde',
    'status',
  ],
  csvScopes: { total: 'hela', own: 'egen nivå', child: 'hela' },
  csvStatus: { shown: 'visas', withheld: 'för få svar', empty: 'ingen data' },
  report: {
    title: (p: { unit: string; period: string }) => `Rapport till nämnden: ${p.unit}, ${p.period}`,
    intro: (p: { dates: string; previous: string; lastYear: string | null; threshold: number }) =>
      `Period ${p.dates}, jämförd med ${p.lastYear ? `${p.previous} och ${p.lastYear}` : p.previous}. Sammanställt av Tillit ur dialoger, åtgärder, egenkontroller och veckoreflektioner. Reflektionssiffror räknas bara från avslutade omgångar där minst ${p.threshold} personer svarade, enhet för enhet; där det var för få svar för att visas utan att någon kan pekas ut står ”för få svar”.`,
    overview: 'Översikt',
    measure: 'Mått',
    value: 'Värde',
    images: 'Bilder',
  },
};
