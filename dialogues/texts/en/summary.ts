import { quoteInput } from '../../safety/quote-input.js';
import type { Catalogue } from '../catalogue.js';

export const summary: Catalogue['summary'] = {
  what: "see that unit's summary",
  adminOnly:
    'Administrators set Tillit up but do not see summaries or reflections. Ask for the manager or leader role if you need them.',
  noUnit: 'You are not a manager or leader of any unit, so there is no summary to show.',
  twoPeriods: (p) =>
    `Write one period only – “${quoteInput(p.text)}” is one period too many. Write for example \`summary T2-2026\`.`,
  periodProblems: {
    tertial: (p) =>
      `“${quoteInput(p.got)}” is no period: a year has three tertials, T1 (Jan–Apr), T2 (May–Aug) and T3 (Sep–Dec). Write for example T2-2026.`,
    halfYear: (p) =>
      `“${quoteInput(p.got)}” is no period: a year has two halves, H1 and H2. Write for example H1-2026.`,
    month: (p) =>
      `“${quoteInput(p.got)}” is no month: months are written 01–12, for example 2026-05 for May 2026.`,
    week: (p) =>
      `“${quoteInput(p.got)}” is no week: weeks are 1–52 (some years 53), for example W12-2026.`,
    year: (p) =>
      `“${quoteInput(p.got)}” has a year I cannot count with. Write a year between 2000 and 2100, for example 2026.`,
    date: (p) =>
      `“${quoteInput(p.got)}” has a date that is not in the calendar. Write for example 2026-01-01..2026-04-30.`,
    tooLong: (p) => `“${quoteInput(p.got)}” is longer than ten years. Choose a shorter period.`,
    reversed: (p) =>
      `“${quoteInput(p.got)}” ends before it begins. Write the earliest date first: ${p.from}..${p.to}.`,
  },
  title: (p) => `Summary ${p.unit} · ${p.period}`,
  compared: (p) =>
    p.lastYear
      ? `${p.dates}. Compared with ${p.previous} (previous) and ${p.lastYear} (a year earlier).`
      : `${p.dates}. Compared with ${p.previous}.`,
  thresholdNote: (p) =>
    `Reflection figures count only closed rounds in which at least ${p.threshold} people answered, unit by unit; “too few answers” means there were too few answers to show without anyone being singled out. ▲ up ▼ down ▶ unchanged; green is the right way.`,
  rounds: {
    counted: (p) =>
      `The reflection figures come from ${p.count} closed ${p.count === 1 ? 'round' : 'rounds'} (${p.weeks}).`,
    none: 'No closed reflection rounds with enough answers in the period.',
    left: (p) =>
      `${p.count} ${p.count === 1 ? 'round' : 'rounds'} with too few answers ${p.count === 1 ? 'is' : 'are'} not included.`,
    open: (p) =>
      `${p.count} open ${p.count === 1 ? 'round counts' : 'rounds count'} only once closed.`,
    week: (p) => `wk ${p.week}`,
    weekYear: (p) => `wk ${p.week} ${p.year}`,
  },
  withheld: 'too few answers',
  withheldShort: 'too few',
  none: '–',
  total: 'Total',
  ownLevel: (p) => `${p.unit} (own level)`,
  delta: (p) => `Δ ${p.period}`,
  percentPoints: 'Changes in shares (response rate, intended effect) are in percentage points.',
  headline: 'Overview',
  perUnit: 'Per unit',
  moreUnits: (p) =>
    `… and ${p.count} more ${p.count === 1 ? 'unit' : 'units'}: export to see them all.`,
  topItems: 'Most voted SWOT items',
  noTopItems: 'No SWOT items with votes from enough participants.',
  itemLine: (p) =>
    `${p.quadrant}: ${p.text} (${p.votes} ${p.votes === 1 ? 'vote' : 'votes'}${p.unit ? `, ${p.unit}` : ''})`,
  themes: 'Recurring words in the reflections',
  noThemes: 'No recurring words from units where enough people wrote.',
  themeLine: (p) => `${p.word} (${p.answers})`,
  matrixTitle: (p) => `Risks ${p.unit} · ${p.period}`,
  matrixAlt: (p) => `Risk matrix with ${p.count} assessed risks`,
  trendTitle: 'Response rate and average rating',
  trendAlt: (p) => `Trend of response rate and average rating: ${p.points}`,
  trendResponse: 'Response rate (%)',
  trendRating: 'Average rating (1–5)',
  lines: {
    dialogues: 'Dialogues',
    risks: 'Risks',
    escalations: 'Escalations',
    actions: 'Actions',
    selfChecks: 'Self-checks',
    reflection: 'Reflection',
    ratings: 'Ratings',
  },
  measures: {
    'dialogues.swot': 'SWOT dialogues',
    'dialogues.risk': 'Risk dialogues',
    'risks.total': 'Risks',
    'risks.level.low': 'Low risk',
    'risks.level.medium': 'Medium risk',
    'risks.level.high': 'High risk',
    'risks.level.very-high': 'Very high risk',
    'risks.process.goal-steering': 'Goal steering',
    'risks.process.quality-system': 'Quality system',
    'risks.process.work-environment': 'Work environment',
    'risks.process.internal-control': 'Internal control',
    'escalations.out': 'Escalated up',
    'escalations.in': 'Escalated here',
    'escalations.fate.waiting': 'Waiting',
    'escalations.fate.in-progress': 'Being handled',
    'escalations.fate.handled': 'Handled',
    'escalations.fate.further': 'Escalated further',
    'actions.opened': 'New actions',
    'actions.done': 'Actions done',
    'actions.overdue': 'Overdue actions',
    'effect.yes': 'Had the intended effect',
    'effect.partly': 'Partly had the intended effect',
    'effect.no': 'Did not have the intended effect',
    'effect.share': 'Share with the intended effect',
    'self-checks.done': 'Self-checks done',
    'self-checks.found': 'With findings',
    'self-checks.missed': 'Self-checks missed',
    'reflection.invited': 'Invited',
    'reflection.answered': 'Answers',
    'reflection.response-rate': 'Response rate',
    'rating.all': 'Average rating',
    'rating.trust': 'Trust',
    'rating.citizen-focus': 'Citizen focus',
    'rating.holistic-view': 'Holistic view',
    'rating.room-for-action': 'Room for action',
    'rating.support': 'Support',
    'rating.knowledge': 'Knowledge',
    'rating.openness': 'Openness',
  },
  periodNames: {
    week: (p) => `week ${p.week} ${p.year}`,
    month: (p) => `${p.month} ${p.year}`,
    tertial: (p) => `T${p.n} ${p.year}`,
    halfYear: (p) => `H${p.n} ${p.year}`,
    year: (p) => `${p.year}`,
  },
  exportCsv: 'Export CSV',
  exportMarkdown: 'Board report',
  exportReady: (p) => `The export ${p.name} is ready.`,
  exportDownload: (p) => `Download ${p.name}`,
  exportSentToDm: 'The file has been sent to you in a direct message with Tillit.',
  exportLinkLife: (p) => `The link works for ${p.days} days, and only for whoever has it.`,
  exportConsent: (p) => `The summary ${p.name}. Accept, and the file is saved in your OneDrive.`,
  csvHeader: [
    'unit_key',
    'unit',
    'scope',
    'measure_id',
    'measure',
    'period',
    'from',
    'to',
    'value',
    'status',
  ],
  csvScopes: { total: 'subtree', own: 'own level', child: 'subtree' },
  csvStatus: { shown: 'shown', withheld: 'too few answers', empty: 'no data' },
  report: {
    title: (p) => `Report to the board: ${p.unit}, ${p.period}`,
    intro: (p) =>
      `Period ${p.dates}, compared with ${p.lastYear ? `${p.previous} and ${p.lastYear}` : p.previous}. Compiled by Tillit from dialogues, actions, self-checks and weekly reflections. Reflection figures count only closed rounds in which at least ${p.threshold} people answered, unit by unit; where there were too few answers to show without anyone being singled out, it says “too few answers”.`,
    overview: 'Overview',
    measure: 'Measure',
    value: 'Value',
    images: 'Pictures',
  },
};
