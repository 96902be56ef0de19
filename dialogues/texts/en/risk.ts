import { quoteInput } from '../../safety/quote-input.js';
import type { Catalogue } from '../catalogue.js';

const risks = (n: number) => (n === 1 ? '1 risk' : `${n} risks`);
const estimates = (n: number) => (n === 1 ? '1 estimate' : `${n} estimates`);
/** Exactly what others will see of an estimate, said wherever one is given. */
const whoSees = (threshold: number) =>
  `Others see only how many have estimated. The spread shows when estimating is over, if at least ${threshold} estimated.`;

export const risk: Catalogue['risk'] = {
  title: (p) => `Risk dialogue: ${p.topic}`,
  defaultTopic: (p) => `${p.unit} ${p.year}`,
  usageTitle: 'Risk dialogue',
  usage: [
    "`risk [title] [deadline]` – starts this year's risk dialogue in the channel's unit, with the risks carried here (escalations, SWOT threats)",
    '`--year 2026` – the year the dialogue is for (default: this year)',
    '`--levels 3,6,9` – upper bounds of low, medium and high risk (default 3,6,9: 1–3 low, 4–6 medium, 8–9 high, 12–16 very high)',
    '`--another` – start another although the channel already has an open risk dialogue',
    '`risk status [year]` – how far the risk dialogues have come in your unit and the units below',
    "`risk season <from-month> [to-month]` – when the unit's risk dialogue is held, e.g. `risk season 10` or `risk season 9 10`",
  ],
  optionsHint: 'Type `/tillit risk help` to see what is possible.',
  badYear: 'Write the year with four digits, for example `--year 2026`.',
  badLevels:
    'Write the levels as three growing numbers from 1 to 16, for example `--levels 3,6,9`.',
  phases: { identify: 'Identify', assess: 'Assess', decide: 'Decide', closed: 'Closed' },
  phaseLine: (p) => `Phase: *${p.phase}*`,
  deadlineLine: (p) => `Deadline ${p.when}`,
  risksLine: (p) => risks(p.count),
  unitLine: (p) => `${p.unit} · ${p.year}`,
  next: {
    identify:
      'Which risks do you see in your work? Add them with *Add risk*, anonymously if you like. No names or personal identity numbers.',
    assess:
      'Assess each risk: probability 1–4 and consequence 1–4. Everyone gives an estimate, and whoever leads the dialogue sets the agreed one. While estimating runs, only how many have estimated is shown.',
    decide:
      'For each risk, decide the process it belongs to and how it is handled: accept, self-check, action or escalate to the next level.',
  },
  carriedTitle: 'Carried here',
  raisedTitle: 'New risks',
  nothingYet: 'No risks yet.',
  showAll: (p) => `Show all (${p.count} more)`,
  allTitle: (p) => `All ${p.count} risks`,
  fromSwot: (p) => `from SWOT "${p.topic}"`,
  fromUnit: (p) => `escalated from ${p.unit}`,
  theirAssessment: (p) => `${p.unit} assessed ${p.value}`,
  motivation: (p) => `reason: ${p.text}`,
  notAssessed: 'not agreed',
  estimates: (p) => estimates(p.count),
  estimatedSoFar: (p) => `${p.count} ${p.count === 1 ? 'has' : 'have'} estimated`,
  estimatesWithheld: 'too few estimates to show without singling someone out',
  spread: (p) => `probability ${p.p}, consequence ${p.c}`,
  assessment: (p) => `${p.probability}×${p.consequence} = ${p.value} · ${p.level}`,
  notDecided: 'not decided',
  levels: { low: 'Low', medium: 'Medium', high: 'High', 'very-high': 'Very high' },
  probability: ['unlikely', 'possible', 'likely', 'very likely'],
  consequence: ['minor', 'noticeable', 'serious', 'very serious'],
  probabilityAxis: 'Probability',
  consequenceAxis: 'Consequence',
  matrixTitle: (p) => `Risk matrix ${p.unit} ${p.year}`,
  matrixAlt: (p) => `Risk matrix with ${risks(p.count)}`,
  processes: {
    'goal-steering': 'Goal steering',
    'quality-system': 'Quality system (SOSFS 2011:9)',
    'work-environment': 'Work environment (SAM)',
    'internal-control': 'Internal control',
  },
  handlings: {
    accept: 'Accept',
    'self-check': 'Self-check',
    action: 'Action',
    escalate: 'Escalate',
  },
  cadences: {
    weekly: 'every week',
    monthly: 'every month',
    quarterly: 'every quarter',
    yearly: 'every year',
  },
  outcomes: {
    accept: 'accepted',
    'self-check': 'self-check',
    action: 'action',
    escalate: 'escalated further',
  },
  escalateTo: (p) => `Escalate to ${p.unit}`,
  decisionLine: (p) => `${p.process} · ${p.handling}`,
  buttons: {
    add: 'Add risk',
    startAssess: 'Start assessing',
    sheet: 'Assess risks',
    estimate: 'My estimate',
    agree: 'Set agreed',
    startDecide: 'Go to deciding',
    decisions: 'Decide on risks',
    decide: 'Decide',
    close: 'Close the dialogue',
    addAnother: 'Add another',
  },
  what: {
    start: 'start a risk dialogue in this unit',
    add: 'add risks to this risk dialogue',
    estimate: 'assess risks in this risk dialogue',
    status: "see this unit's risk dialogues",
    see: 'see the risks of this risk dialogue',
    season: "change this unit's risk-dialogue season",
  },
  only: {
    startAssess: 'move on to assessing',
    agree: 'set the agreed assessment',
    startDecide: 'move on to deciding',
    decide: 'decide on risks',
    close: 'close the dialogue',
  },
  addForm: {
    title: 'New risk',
    submit: 'Add',
    intro: (p) =>
      `Risk dialogue: ${p.topic}. Describe briefly what could go wrong. No names or personal identity numbers.`,
    label: 'Risk',
    placeholder: 'For example: Substitutes get no introduction to the records system',
    anonymousLabel: 'Anonymous',
    anonymousOption: 'Add anonymously – Tillit does not store who wrote it',
  },
  added: 'Thank you! The risk is now part of the dialogue.',
  addedAnonymously:
    'Thank you! The risk is now part of the dialogue, anonymously: Tillit has not stored who.',
  riskGone: 'That risk is not in any running risk dialogue. Nothing was changed.',
  sheet: {
    title: 'Assess risks',
    intro: (p) =>
      `Give your estimate of each risk. Nobody sees what you answered. ${whoSees(p.threshold)}`,
    yours: (p) => `your estimate ${p.value}`,
  },
  estimateForm: {
    title: 'My estimate',
    agreeTitle: 'Set agreed assessment',
    submit: 'Save',
    intro: (p) => `Risk: ${p.risk}`,
    estimateIntro: (p) => `Risk: ${p.risk}\n${whoSees(p.threshold)}`,
    agreeWhileOpen: (p) =>
      `Risk: ${p.risk}\n${p.count} so far. Their spread shows when estimating is over (*Go to deciding*), so you can also agree then.`,
    agreeWithout: (p) =>
      `Risk: ${p.risk}\nThere are too few estimates to show without singling someone out. Agree without them.`,
    spreadIntro: (p) => `Risk: ${p.risk}\nEstimates: ${p.spread}`,
    probabilityLabel: 'Probability',
    consequenceLabel: 'Consequence',
    pickScale: 'Choose a value from 1 to 4.',
  },
  estimated: (p) => `Your estimate ${p.value} is saved.`,
  agreed: (p) => `The assessment of "${p.risk}" is agreed: ${p.value}.`,
  unassessedLeft: (p) =>
    `${risks(p.count)} have no agreed assessment. Agree on all first. Nothing was changed.`,
  nothingToAssess: 'There are no risks to assess yet. Nothing was changed.',
  decisions: {
    title: 'Decide on risks',
    intro:
      'Choose a risk to decide its process and handling. You can change it until the dialogue closes.',
  },
  decisionForm: {
    title: 'Decision on risk',
    submit: 'Save decision',
    intro: (p) => `Risk: ${p.risk} (${p.value})`,
    withoutEstimates:
      'There are too few estimates to show without singling someone out, so the decision is made without them.',
    processLabel: 'Process',
    handlingLabel: 'Handling',
    motivationLabel: 'Reason (needed to escalate)',
    actionTextLabel: 'Action: what is to be done',
    ownerLabel: 'Action: owner',
    dueLabel: 'Action: due by',
    checkWhatLabel: 'Self-check: what is checked',
    cadenceLabel: 'Self-check: how often',
    checkByLabel: 'Self-check: who does it',
    checkStartLabel: 'Self-check: first time',
    pickProcess: 'Choose one of the four processes.',
    pickHandling: 'Choose accept, self-check, action or escalate.',
    needsMotivation: 'Write why the unit cannot handle the risk itself.',
    noParent: 'The unit has no parent unit to escalate to. Choose another handling.',
    pickDate: 'Choose a date.',
    dateInPast: 'That date has already passed.',
    needsCheckWhat: 'Write what is to be checked.',
    pickCadence: 'Choose how often.',
    pickCheckBy: 'Choose who does the self-check.',
  },
  decided: (p) => `The decision on "${p.risk}" is saved: ${p.decision}.`,
  undecidedLeft: (p) =>
    `${risks(p.count)} have no decision. Decide on all first. Nothing was changed.`,
  assessStarted: 'Assessing has started.',
  decideStarted: 'Time to decide.',
  closedText: (p) =>
    `The dialogue is closed: ${risks(p.count)}, ${p.escalated} of them escalated. The summary is in the channel.`,
  summaryTitle: (p) => `Summary: ${p.topic}`,
  summaryContext: (p) => `Risk dialogue in ${p.unit} · ${p.year}`,
  byLevelTitle: 'Risks by level',
  byProcessTitle: 'Risks by process',
  actionsTitle: 'Actions',
  actionLine: (p) => `${p.text} – ${p.owner}, due ${p.due}`,
  selfChecksTitle: 'Self-checks',
  selfCheckLine: (p) => `${p.what} – ${p.cadence}, ${p.by}`,
  escalationsTitle: 'Escalated',
  escalationLine: (p) => `${p.risk} → ${p.unit}: ${p.motivation}`,
  acceptedTitle: 'Accepted',
  none: 'None.',
  escalatedNotice: {
    title: (p) => `Risk escalated from ${p.unit}`,
    body: (p) =>
      `${p.from} has escalated a risk to ${p.to}: *${p.risk}* (${p.value}).\nReason: ${p.motivation}`,
    next: (p) =>
      `It is taken up in the next risk dialogue of ${p.unit} (\`/tillit risk\` in its channel), where you can accept it, handle it or escalate it further.`,
    joined: 'It is already part of your running risk dialogue.',
    standIn: (p) =>
      `${p.unit} has no manager in Tillit, so this comes to you. You can hold the risk dialogue for ${p.unit}, or see that it gets a manager.`,
  },
  outcomeNotice: {
    title: 'News of an escalated risk',
    body: (p) => `The risk *${p.risk}* you escalated has been handled by ${p.unit}: ${p.outcome}.`,
    escalatedFurther: (p) => `escalated further to ${p.unit}`,
  },
  status: {
    title: (p) => `Risk dialogues ${p.year}: ${p.unit} and the units below`,
    held: (p) => `held ${p.date}`,
    running: (p) => `running (${p.phase})`,
    notHeld: 'not held',
    season: (p) => `season ${p.months}`,
    waitingTitle: 'Escalations waiting',
    waitingLine: (p) => `${p.unit}: ${p.risk} (from ${p.from})`,
    badYear: (p) =>
      `“${quoteInput(p.got)}” is not a year. Write for example \`risk status 2026\`, or just \`risk status\` for this year.`,
    noneWaiting: 'No escalations are waiting.',
    fatesTitle: 'What became of escalated risks',
    fateLine: (p) => `${p.risk} → ${p.to}: ${p.outcome}`,
    waiting: 'waiting for a risk dialogue',
    inDialogue: 'taken up in a running dialogue',
    more: (p) => `… and ${p.count} more ${p.count === 1 ? 'unit' : 'units'}`,
  },
  season: {
    current: (p) =>
      `Risk-dialogue season for ${p.unit}: ${p.months}${p.custom ? '' : ' (the default for its level)'}. Change it with \`/tillit risk season 9 10\`.`,
    set: (p) => `The risk-dialogue season for ${p.unit} is now ${p.months}.`,
    badMonths:
      'Give months as numbers 1–12 or names, for example `risk season 9 10` or `risk season oct`.',
  },
  nudge: {
    openTitle: 'Time for the risk dialogue',
    open: (p) =>
      `It is risk-dialogue season for *${p.unit}* (${p.level}, ${p.months}). Start it with \`/tillit risk\` in the unit's channel; risks escalated to you are carried in by themselves.`,
    lateTitle: 'The risk dialogue has not been held',
    late: (p) =>
      `The risk-dialogue season for *${p.unit}* (${p.months}) is over, and no risk dialogue has been closed this year. Start it with \`/tillit risk\` in the unit's channel, so the next level gets your risks.`,
  },
  levelNames: {
    administration: 'administration',
    department: 'department',
    unit: 'unit',
    section: 'section',
  },
};
