import type { Catalogue } from '../catalogue.js';

export const reflection: Catalogue['reflection'] = {
  title: 'Weekly reflection',
  principles: {
    trust: 'Trust',
    'citizen-focus': 'Citizen focus',
    'holistic-view': 'Holistic view',
    'room-for-action': 'Room for action',
    support: 'Support',
    knowledge: 'Knowledge',
    openness: 'Openness',
  },
  questions: {
    trust: [
      'How well could you trust the people you work with this week?',
      'How well did you feel others trusted your judgement this week?',
      'How well did we in the team keep what we promised each other this week?',
    ],
    'citizen-focus': [
      'How well did the needs of the people we support steer our work this week?',
      'How well did we make use of what service users and their families told us this week?',
      'How much of your time went to what makes a difference for service users this week?',
    ],
    'holistic-view': [
      'How well did cooperation across borders – other units, professions, services – work this week?',
      'How well could you see how your work fits into the whole this week?',
      'How easy was it to get help from other parts of the organisation this week?',
    ],
    'room-for-action': [
      'How well could you make the decisions your work called for this week?',
      'How clear was it what you may decide yourself this week?',
      'How much could you influence how the work is organised this week?',
    ],
    support: [
      'How well did you get the support you needed in your work this week?',
      'How well did administration leave time for the core task this week?',
      'How easy was it to ask for help when something was hard this week?',
    ],
    knowledge: [
      'How much did you learn something new at work this week?',
      'How well did we share experience and knowledge with each other this week?',
      'How well did our work rest on knowledge and proven experience this week?',
    ],
    openness: [
      'How safe did it feel to say what you think, also when you disagree, this week?',
      'How well did you get the information you needed this week?',
      'How well were criticism and views received in the team this week?',
    ],
  },
  principleLine: (p) => `Principle: *${p.principle}* · ${p.unit}`,
  scale: '1 = not at all · 5 = fully',
  clickHint: 'Click a rating – then you may add a line if you like. It takes a minute.',
  withoutRating: 'Answer without a rating',
  anonymity:
    'Anonymous: your answer is stored with no link to you. Nobody – not your manager, not the administrator – can see what you answered.',
  openUntil: (p) => `Open until ${p.when}.`,
  promptSummary: (p) => `Weekly reflection: one question about ${p.principle.toLowerCase()}`,
  reminderSummary: 'Reminder: weekly reflection',
  reminderLead:
    'A gentle reminder: you have not answered this week’s reflection yet. It takes a minute, and it is entirely voluntary.',
  form: {
    title: 'Weekly reflection',
    submit: 'Send',
    ratingLabel: 'Your rating (optional)',
    ratingOptions: ['1 – not at all', '2 – a little', '3 – partly', '4 – largely', '5 – fully'],
    textLabel: (p) => `Anything to add? (optional, at most ${p.max} characters)`,
    textPlaceholder: 'Write no names and no personal identity numbers.',
    intro: (p) =>
      `${p.question}\n\nYou can change the rating and the text until you send. After that the answer cannot be changed: it is stored with no link to you, so nobody can find it again – not even you.`,
    needSomething:
      'Pick a rating or write something – or close this if you would rather not answer.',
    badRating: 'Pick a rating from 1 to 5.',
  },
  thanks:
    'Thank you! Your answer is stored with no link to you. You can see that you answered, but not what – nobody can.',
  alreadyAnswered: (p) =>
    `You have already answered this week’s reflection for ${p.unit}. The answer is not linked to you, so it can be neither shown nor changed.`,
  closed: 'This reflection is closed. The next question comes with the next round.',
  notYours: 'This reflection is for a unit you do not belong to.',
  noneOpen: 'There is no open reflection for you right now.',
  home: {
    header: 'Reflection',
    open: (p) => `*${p.unit}*: not answered yet, open until ${p.when}`,
    answered: (p) => `*${p.unit}*: answered ✓`,
    next: (p) => `*${p.unit}*: next question ${p.when}`,
    paused: (p) => `*${p.unit}*: the reflection is paused`,
    answer: 'Answer',
  },
  summary: {
    what: 'see the unit’s summary',
    title: (p) => `Reflection – ${p.unit}`,
    noRounds: 'The unit has not had a reflection yet.',
    latest: (p) => `*Latest round* (${p.date}): ${p.principle}`,
    open: (p) => `*Open round* (${p.date}): ${p.principle}`,
    answeredSoFar: (p) =>
      `${p.count} have answered so far. Ratings and texts are shown once the round has closed (${p.when}), and only if at least as many as the limit below answered.`,
    responseRate: (p) => `Response rate: ${p.answered} of ${p.invited} (${p.percent} %)`,
    average: (p) => `Average rating: ${p.average} of 5 (${p.count} ratings)`,
    withheld: 'Too few answers to show without anyone being singled out.',
    averageWithheld: 'Average rating: too few ratings to show without anyone being singled out.',
    textsWithheld:
      'Too few people wrote something for the texts to be shown without anyone being singled out.',
    textsHeader: 'What was written (in random order)',
    noTexts: 'No texts in this round.',
    perPrinciple: (p) => `*Per principle, the last ${p.weeks} weeks*`,
    principleRow: (p) => `${p.principle}: ${p.average} of 5 (${p.count} ratings)`,
    principleWithheld: (p) =>
      `${p.principle}: too few answers to show without anyone being singled out`,
    principleNone: (p) => `${p.principle}: no round in the period`,
    thresholdNote: (p) =>
      `Only closed rounds with at least ${p.threshold} answers count; fewer are not shown. Answers are not linked to people.`,
  },
};
