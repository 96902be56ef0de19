import type { Catalogue } from '../catalogue.js';

const items = (n: number) => (n === 1 ? '1 item' : `${n} items`);
const votes = (n: number) => (n === 1 ? '1 vote' : `${n} votes`);

export const swot: Catalogue['swot'] = {
  title: (p) => `SWOT: ${p.topic}`,
  usageTitle: 'SWOT dialogue',
  usage: [
    '`swot <topic> [deadline]` – starts a SWOT in the channel\'s unit, e.g. `swot "Our everyday work" 2026-12-01` (collecting runs through that day)',
    'Deadline: `2026-12-01` (the whole day) or `2026-12-01 15:00`',
    '`--votes 5` – votes per person (default 5)',
    '`--max 3` – at most this many votes on one item (default 3)',
    '`--vote-until 2026-12-08` – when voting closes by itself',
    '`--another` – start another although the channel already has an open SWOT',
  ],
  optionsHint: 'Type `/tillit swot` to see what is possible.',
  voteUntilTooEarly:
    'Voting cannot end before collecting does. Choose a later time for `--vote-until`.',
  quadrants: {
    strengths: 'Strengths',
    weaknesses: 'Weaknesses',
    opportunities: 'Opportunities',
    threats: 'Threats',
  },
  phases: { collect: 'Collecting', vote: 'Voting', decide: 'Deciding', closed: 'Closed' },
  phaseLine: (p) => `Phase: *${p.phase}*`,
  deadlineLine: (p) => `Deadline ${p.when}`,
  itemsLine: (p) => items(p.count),
  votersLine: (p) => `${p.voters} have voted`,
  next: {
    collect:
      'Add strengths, weaknesses, opportunities and threats with *Add item*. You may stay anonymous, and nobody sees who wrote what.',
    vote: (p) =>
      `Time to vote: ${votes(p.votes)} each, at most ${p.max} on one item. Pick an area below; only you see your votes.`,
    resultsHidden: (p) =>
      `Others see only how many have voted. The results show when voting is over, if at least ${p.threshold} voted.`,
    decide:
      'The items with the most votes come first. The person leading the dialogue turns them into actions with an owner and a date, and can carry threats and weaknesses on to the next risk dialogue.',
  },
  nothingYet: 'Nothing yet.',
  showAll: (p) => `Show all (${p.count} more)`,
  allTitle: (p) => `${p.quadrant}: all ${p.count}`,
  merged: (p) => `(+${p.count} similar)`,
  votes: (p) => votes(p.count),
  tagAction: '→ action',
  tagRisk: '→ risk',
  actionsTitle: 'Actions',
  actionLine: (p) => `${p.text} – ${p.owner}, due ${p.due}`,
  noActions: 'No actions were decided.',
  closedText: (p) =>
    `The dialogue is closed: ${items(p.items)}, ${p.voters} voted, ${p.actions} ${p.actions === 1 ? 'action' : 'actions'}. The summary is in the channel.`,
  summaryTitle: (p) => `Summary: ${p.topic}`,
  summaryContext: (p) => `SWOT dialogue in ${p.unit} · the items with the most votes`,
  risksCarried: (p) => `${items(p.count)} carried on to the unit's next risk dialogue.`,
  buttons: {
    add: 'Add item',
    mine: 'My items',
    merge: 'Merge duplicates',
    startVote: 'Start voting',
    voteIn: (p) => `Vote: ${p.quadrant}`,
    myVotes: 'My votes',
    endVote: 'End voting',
    newAction: 'New action',
    toAction: 'Make it an action',
    toRisk: 'Make it a risk',
    close: 'Close the dialogue',
    edit: 'Edit',
    delete: 'Delete',
    addAnother: 'Add another',
    voteOne: '+1 vote',
    withdrawOne: 'Take back a vote',
  },
  what: {
    start: 'start a SWOT in this unit',
    addItem: 'add items to this SWOT',
    vote: 'vote in this SWOT',
    see: 'see the items of this SWOT',
  },
  only: {
    startVote: 'start voting',
    endVote: 'end voting',
    merge: 'merge items',
    decide: 'decide on actions',
    risk: 'carry items on to the risk dialogue',
    close: 'close the dialogue',
  },
  addForm: {
    title: 'New SWOT item',
    submit: 'Add',
    intro: (p) =>
      `SWOT: ${p.topic}. Keep it short, one thing per item. No names or identity numbers.`,
    quadrantLabel: 'Area',
    textLabel: 'Item',
    textPlaceholder: 'For example: We help each other when it gets hard',
    anonymousLabel: 'Anonymous',
    anonymousOption:
      'Add anonymously – not even the person leading the dialogue can see it is yours',
    pickQuadrant: 'Choose strengths, weaknesses, opportunities or threats.',
  },
  added: (p) => `Thank you! Your item is now under *${p.quadrant}*.`,
  addedAnonymously: (p) =>
    `Thank you! Your item is now under *${p.quadrant}*, anonymously: Tillit has not stored who wrote it. To edit or delete it, use the buttons here, while collecting runs.`,
  editForm: { title: 'Edit item' },
  edited: 'The item is changed.',
  deleted: 'The item is deleted.',
  notYourItem: 'You can only edit and delete your own items. Nothing changed.',
  itemGone: 'That item no longer exists. Nothing changed.',
  itemMerged: 'That item has been merged into another. Nothing changed.',
  mine: {
    title: 'My items',
    none: 'You have no items under your name in this SWOT.',
    anonymousNote:
      'Anonymous items are not listed: Tillit does not know whose they are. Edit them with the buttons you got when you added them.',
  },
  mergeForm: {
    title: 'Merge duplicates',
    submit: 'Merge',
    intro: 'The first item is hidden and counted into the second, which keeps its text.',
    fromLabel: 'Item to hide',
    intoLabel: 'Merge into (stays)',
    pickItem: 'Choose an item that still exists.',
    sameItem: 'Choose two different items.',
    tooFew: 'Merging needs at least two items.',
    done: 'The items are merged.',
  },
  nothingToVoteOn: 'There are no items to vote on yet. Nothing changed.',
  voteStarted: 'Voting has started.',
  voteEnded: 'Voting is over. The results now show in the dialogue, if enough people voted.',
  votesWithheld:
    'Too few voted for the votes to be shown without singling someone out. The items stand in the order they were added.',
  noLiveResults:
    "Votes are never shown while voting runs: each person's votes could then be worked out. The results show when voting is over. Nothing was started.",
  ballot: {
    title: (p) => `Vote: ${p.quadrant}`,
    remaining: (p) => `You have ${p.left} of ${votes(p.of)} left · at most ${p.max} on one item`,
    cast: (p) => `Your vote on "${p.item}" is counted (${votes(p.dots)} from you there).`,
    withdrawn: (p) =>
      `One vote taken back from "${p.item}" (${votes(p.dots)} from you left there).`,
    noVotesLeft: (p) =>
      `You have already cast all your ${votes(p.of)}. Take one back if you want to move it. Nothing changed.`,
    itemFull: (p) =>
      `You already have ${votes(p.max)} on this item, the most allowed. Nothing changed.`,
    noVoteHere: 'You have no vote on that item. Nothing changed.',
    noVotesYet: 'You have not voted yet.',
  },
  actionForm: {
    title: 'New action',
    fromItem: (p) => `From the item: ${p.item}`,
    itemLabel: 'Based on item (optional)',
    textLabel: 'Action',
    ownerLabel: 'Owner',
    dueLabel: 'Due',
  },
  actionSaved: (p) => `The action is saved: ${p.text} – ${p.owner}, due ${p.due}.`,
  onlyThreatsBecomeRisks:
    'Only threats and weaknesses can be carried on as risks. Nothing changed.',
  alreadyRisk: 'That item has already been carried on as a risk. Nothing changed.',
  riskCreated: (p) => `"${p.item}" will be taken up as a risk in the unit's next risk dialogue.`,
};
