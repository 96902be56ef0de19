import type { Catalogue } from '../catalogue.js';

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);
const actions = (n: number) => (n === 1 ? '1 more action' : `${n} more actions`);

export const followUp: Catalogue['followUp'] = {
  what: {
    change: 'change this action',
    manage: "see and add the unit's actions",
    answerCheck: 'answer this self-check',
  },
  usageTitle: 'Actions',
  usage: [
    '`actions` – your open actions and self-checks',
    '`actions all` – the done ones too, with the answer whether they had the intended effect',
    "`actions unit [unit]` – the unit's open, overdue and done actions (manager/facilitator)",
    '`actions add <action> @owner <date>` – a new action, e.g. `actions add "New hand-over routine" @anna 2026-12-01` (a form opens when something is missing)',
  ],
  effects: { yes: 'Yes', partly: 'Partly', no: 'No' },
  buttons: {
    done: 'Done',
    reschedule: 'New due date',
    drop: 'Drop',
    askLater: (p) => `Ask again in ${p.weeks} weeks`,
    addNote: 'Add a note',
    showUnit: "Show the unit's actions",
  },
  fields: {
    unit: 'Unit',
    owner: 'Owner',
    due: 'Due',
  },
  nudge: {
    dueTitle: 'Action due today',
    dueSummary: (p) => `Due today: ${p.text}`,
    dueText: (p) => `*${p.text}*\nThis action is due today.`,
    overdueTitle: 'Overdue action',
    overdueSummary: (p) => `Overdue by ${days(p.days)}: ${p.text}`,
    overdueText: (p) =>
      `*${p.text}*\nIt was due ${p.due}, ${days(p.days)} ago. Is it done, does it need a new due date, or should it be dropped?`,
    escalateTitle: (p) => `Overdue action in ${p.unit}`,
    escalateSummary: (p) => `${p.owner}'s action is overdue by ${days(p.days)}: ${p.text}`,
    escalateText: (p) =>
      `*${p.text}*\nOwner: ${p.owner}. It was due ${p.due}, ${days(p.days)} ago, and the owner has been reminded. Perhaps worth a talk?`,
    assignedTitle: 'You have a new action',
    assignedSummary: (p) => `New action, due ${p.due}: ${p.text}`,
    assignedText: (p) => `*${p.text}*\n${p.by} gave you this action.`,
    hint: 'Click *Done* when it is done, and I will ask whether it had the intended effect.',
    settledTitle: { done: 'The action is done', dropped: 'The action is dropped' },
    settledText: {
      done: (p) => `Marked done ${p.date}.`,
      dropped: (p) => `Dropped ${p.date}.`,
    },
  },
  changed: {
    rescheduled: (p) => `*${p.text}* is now due ${p.due}.`,
    dropped: (p) => `*${p.text}* is dropped.`,
    byOther: (p) => `${p.who} changed your action *${p.text}*: ${p.what}. Reason: ${p.reason}`,
    whatRescheduled: (p) => `new due date ${p.due}`,
    whatDropped: 'dropped',
    changedSummary: (p) => `Your action was changed: ${p.text}`,
  },
  stale: {
    gone: 'I cannot find that action. Nothing changed.',
    done: 'This action is already marked done. Nothing changed.',
    dropped: 'This action is already dropped. Nothing changed.',
    open: 'This action is not marked done yet. Nothing changed.',
    maxCheckIns: 'I have already asked again as often as I may. Please answer now.',
  },
  rescheduleForm: {
    title: 'New due date',
    intro: (p) => `*${p.text}*\nDue now: ${p.due}`,
    dateLabel: 'New due date',
    reasonLabel: 'Why is it moved?',
    sameDate: 'That is the current due date. Choose another.',
  },
  dropForm: {
    title: 'Drop action',
    intro: (p) => `*${p.text}*`,
    reasonLabel: 'Why is it dropped?',
  },
  addForm: {
    title: 'New action',
    textLabel: 'Action',
    ownerLabel: 'Owner',
    dueLabel: 'Due',
  },
  pickDate: 'Choose a date.',
  dateInPast: 'That date has passed.',
  pickOwner: 'Choose an owner in the unit.',
  needsActionText: 'Write what is to be done.',
  notInUnit: (p) =>
    `${p.name} has no role in the unit and cannot own the action. Nothing was saved.`,
  unknownOwner: 'I do not know that person. An admin can add them with `/tillit setup role`.',
  added: (p) => `The action is saved: *${p.text}* – ${p.owner}, due ${p.due}.`,
  effect: {
    question: 'Did it have the intended effect?',
    summary: (p) => `Did it have the intended effect? ${p.text}`,
    text: (p) => `*${p.text}* is done. Did it have the intended effect?`,
    checkInText: (p) =>
      `You asked me to ask again. *${p.text}* was done ${p.done}. Did it have the intended effect?`,
    hint: 'Answer Yes, Partly or No. You can add a short note afterwards.',
    saved: (p) => `Thank you! Saved: ${p.effect}.`,
    askAgainAt: (p) => `I will ask you again on ${p.date}.`,
    noteForm: {
      title: 'Note on the effect',
      label: 'Short note (optional)',
    },
    noteSaved: 'The note is saved.',
    noteRemoved: 'The note is removed.',
  },
  lists: {
    mineTitle: 'My actions',
    mineEmpty: 'You have no open actions.',
    unitTitle: (p) => `Actions in ${p.unit}`,
    unitEmpty: 'The unit has no open actions.',
    overdueHeading: (p) => `Overdue (${p.count})`,
    openHeading: (p) => `Open (${p.count})`,
    awaitingEffect: 'Done – did they have the intended effect?',
    line: (p) => `${p.text} – due ${p.due}`,
    lineLate: (p) => `${p.text} – was due ${p.due} (${days(p.days)} ago)`,
    unitLine: (p) => `${p.text} – ${p.owner}, due ${p.due}`,
    unitLineLate: (p) => `${p.text} – ${p.owner}, was due ${p.due} (${days(p.days)} ago)`,
    doneLine: (p) => `${p.text} – done ${p.done}`,
    allTitle: 'All my actions',
    doneHeading: (p) => `Done (${p.count})`,
    noneDone: 'No done actions yet.',
    effectLine: (p) =>
      `${p.text}${p.owner ? ` – ${p.owner}` : ''} – done ${p.done} · intended effect: ${p.effect}`,
    effectNote: (p) => ` (“${p.note}”)`,
    effectWords: {
      yes: 'yes',
      partly: 'partly',
      no: 'no',
      unanswered: 'not answered yet',
    },
    more: (p) => `… and ${actions(p.count)}`,
    selfChecksHeading: 'My self-checks',
    selfCheckLine: (p) => `${p.text} – ${p.cadence}, next ${p.next}`,
  },
  digest: {
    title: (p) => `This week's actions – ${p.unit}`,
    summary: (p) => `${p.unit}: ${p.overdue} overdue, ${p.due} due this week`,
    overdueHeading: (p) => `Overdue (${p.count})`,
    dueHeading: (p) => `Due this week (${p.count})`,
    hint: 'This comes every Monday when the unit has actions overdue or due that week.',
  },
  selfCheck: {
    title: 'Self-check',
    summary: (p) => `Self-check: ${p.text}`,
    question: (p) =>
      `*${p.text}*\n${p.unit}, ${p.cadence}. Is the check done, and did you find anything?`,
    cadences: {
      weekly: 'every week',
      monthly: 'every month',
      quarterly: 'every quarter',
      yearly: 'every year',
    },
    outcomes: {
      ok: 'Done – nothing found',
      found: 'Done – found something',
      'not-done': 'Not done',
    },
    foundForm: {
      title: 'What did you find?',
      label: 'Short description (no personal data)',
    },
    saved: (p) => `Thank you! Saved: ${p.outcome}.`,
    alreadyAnswered: 'This self-check is already answered. Nothing changed.',
    gone: 'I cannot find that self-check. Nothing changed.',
    assigned: {
      title: 'You are responsible for a self-check',
      summary: (p) => `New self-check: ${p.text}`,
      text: (p) =>
        `*${p.text}*\n${p.by} has given you the self-check in ${p.unit}, ${p.cadence}. The first one is on ${p.first}; I will ask you then whether it is done.`,
    },
    foundNotice: {
      title: (p) => `Self-check with a finding in ${p.unit}`,
      summary: (p) => `${p.by} found something: ${p.check}`,
      text: (p) =>
        `*${p.check}*\n${p.by} did the self-check on ${p.date} and found something:\n> ${p.finding}`,
    },
  },
  standIn: (p) => `${p.unit} has no manager in Tillit, so this comes to you instead.`,
  home: {
    title: 'My actions',
    showAll: 'Show all, done ones too',
    hint: 'Type `/tillit actions all` to see them all, the done ones and their effect too.',
  },
};
