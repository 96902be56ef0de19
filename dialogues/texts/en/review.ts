import type { Catalogue } from '../catalogue.js';

export const review: Catalogue['review'] = {
  usageTitle: 'Peer review',
  usage: [
    "`share` – shares your unit's latest closed outcome with this tertial's reviewing unit (the pair an administrator set, else Tillit's suggestion)",
    '`share <unit>` – shares your unit\'s latest closed SWOT or risk dialogue with another unit for review, e.g. `share "Children and youth"`',
    '`share "<dialogue title>" <unit>` – shares that dialogue',
    '`share <unit> 2026-12-20` – with another last day than two weeks ahead',
    "`share round <unit>` – leadership shares every unit's latest outcome in the subtree with its pair",
  ],
  what: {
    share: "share the unit's outcome for review (manager)",
    give: "give feedback on this outcome (the reviewing unit's staff)",
    comment: "sum up the review (the reviewing unit's manager)",
    tipAction: "turn tips into actions (the sharing unit's manager)",
  },
  forManager: 'for the manager',
  kinds: { swot: 'SWOT', risk: 'risk dialogue' },
  feedbackKinds: { 'how-we-do-it': 'How we do it', question: 'Question', tip: 'Tip' },
  buttons: { comment: 'Sum up', tipAction: 'Make it an action' },
  notSelf: 'A unit cannot review itself. Choose another unit.',
  notClosed: 'That dialogue is still running. Only closed dialogues can be shared: close it first.',
  noneClosed: 'The unit has no closed SWOT or risk dialogue to share.',
  peerWithoutChannel: (p) =>
    `${p.unit} has no channel linked to Tillit, so the outcome cannot reach them. Ask an administrator to link one.`,
  alreadyShared: (p) => `This outcome is already shared with ${p.unit}.`,
  shared: (p) =>
    `The outcome of "${p.topic}" is shared with ${p.unit}. Their feedback shows here, in one message that updates. Last day: ${p.when}.`,
  cardTitle: (p) => `Peer review: ${p.unit} – ${p.topic}`,
  cardContext: (p) =>
    `${p.from} shares the outcome of its ${p.kind} with ${p.to}. Tell them how you do it, ask, or give a tip. The outcome shows no staff names.`,
  answersTitle: (p) => `Feedback from ${p.unit}: ${p.topic}`,
  answersContext: (p) =>
    `${p.unit} is reviewing the outcome. Their feedback shows here as it comes.`,
  topItemsTitle: 'The items with the most votes',
  topItemLine: (p) =>
    p.votes > 0 ? `${p.quadrant}: ${p.text} (${p.votes} votes)` : `${p.quadrant}: ${p.text}`,
  decisionsTitle: 'Risks and decisions',
  decisionLine: (p) =>
    [
      p.text,
      p.value === null ? null : `risk value ${p.value}`,
      p.handling ? `decision: ${p.handling}` : null,
      p.process,
    ]
      .filter((part) => part !== null)
      .join(' · '),
  actionsTitle: 'Actions and effect',
  actionLine: (p) =>
    `${p.text} – ${p.done ? 'done' : 'in progress'}${p.effect ? `, effect: ${p.effect}` : ''}${p.note ? ` ("${p.note}")` : ''}`,
  none: 'None.',
  feedbackTitle: (p) => `Feedback (${p.count})`,
  noFeedback: 'No feedback yet.',
  feedbackLine: (p) =>
    `*${p.kind}:* ${p.text} – ${p.by ?? '(anonymous)'}${p.acted ? ' · became an action' : ''}`,
  commentLine: (p) => `*Summary from the manager of ${p.unit}:* ${p.text}`,
  openUntil: (p) => `Last day for feedback: ${p.when}.`,
  closedLine: 'The review is closed. Thank you for the feedback!',
  closedRefusal: 'The review is closed and takes no more feedback.',
  tipActedOn: 'That tip has already become an action.',
  feedbackForm: {
    title: (p) => `Feedback: ${p.kind}`,
    submit: 'Send',
    intro: {
      'how-we-do-it': (p) => `Tell ${p.unit} how you do what "${p.topic}" is about.`,
      question: (p) => `What do you wonder about in ${p.unit}'s outcome of "${p.topic}"?`,
      tip: (p) =>
        `A piece of advice to ${p.unit} on "${p.topic}". Their manager can make it an action.`,
    },
    textLabel: 'Your feedback',
    anonymousLabel: 'Anonymous?',
    anonymousOption: 'Send without my name',
  },
  thanksNamed: 'Thank you! Your feedback shows with your name.',
  thanksAnonymous:
    'Thank you! Your feedback shows without a name, and Tillit keeps no record of who wrote it.',
  commentForm: {
    title: 'Sum up the review',
    submit: 'Save',
    intro: (p) =>
      `One summing-up comment to ${p.unit} from your unit. A new comment replaces the last.`,
    textLabel: 'Comment',
  },
  commentSaved: 'The summary is saved and shows for both units.',
  tipForm: {
    title: 'Make the tip an action',
    intro: (p) => `The tip: "${p.tip}"`,
  },
  home: {
    title: 'Peer review',
    waiting: (p) => `${p.unit} is waiting for your feedback on "${p.topic}" (last day: ${p.when}).`,
    answered: (p) =>
      `${p.unit} is reviewing "${p.topic}": ${p.count === 1 ? '1 answer' : `${p.count} answers`} so far.`,
  },
  reminder: (p) =>
    `Reminder: ${p.unit} is waiting for your feedback on "${p.topic}". Last day: ${p.when}.`,
};
