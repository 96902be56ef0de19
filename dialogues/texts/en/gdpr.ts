import type { Catalogue } from '../catalogue.js';

/** Access and erasure (GDPR articles 15 and 17): `setup gdpr …` and `npm run gdpr`. */
export const gdpr: Catalogue['gdpr'] = {
  usage: [
    '`setup gdpr export <person key>` – register extract: everything Tillit has stored about the person',
    '`setup gdpr erase <person key> confirm` – erases the person’s data (cannot be undone)',
  ],
  deletedPerson: 'deleted person',
  badKey: 'Give the person’s key, for example `setup gdpr export anna`.',
  unknown:
    'Tillit has nothing stored under that key (no such key, or the person has already been erased).',
  confirmErase: (p) =>
    `Erasing *${p.name}* (\`${p.key}\`) cannot be undone. Type \`setup gdpr erase ${p.key} confirm\` to erase.`,
  erased: (p) =>
    `*${p.name}* is erased: ${p.records} records removed. Shared records (actions, SWOT items, votes, risks) stay and now show “deleted person”.`,
  auditExport: (p) => `a register extract about ${p.person} was made`,
  auditErase: 'a person was erased (GDPR)',
  byCommandLine: 'from the command line on the server',
  exportTitle: (p) => `Register extract: ${p.name}`,
  reflectionNote:
    'Reflection answers: cannot be found. Tillit stores answers with no link to whoever gave them, so nothing in the database shows which answers are this person’s. Closed rounds keep only counts.',
  empty: 'nothing stored',
  more: (p) => `… and ${p.count} more (the whole extract: \`npm run gdpr -- export <key>\`)`,
  sections: {
    person: 'Person',
    identities: 'Logins (Slack, Teams, local)',
    roles: 'Roles',
    dialoguesStarted: 'Dialogues the person started',
    actionsOwned: 'Actions the person owns',
    actionsDecided: 'Actions the person decided',
    actionChanges: 'Changes the person made to actions',
    swotItems: 'SWOT items the person wrote under their name',
    swotVotes: 'SWOT votes',
    risksRaised: 'Risks the person raised under their name',
    risksDecided: 'Risks the person decided on',
    riskEstimates: 'The person’s risk estimates',
    selfChecks: 'Self-checks the person is responsible for or created',
    selfCheckAnswers: 'Self-checks the person answered',
    reviewFeedback: 'Peer review feedback the person wrote under their name',
    reviewsShared: 'Outcomes the person shared for peer review',
    reviewComments: 'Summing-up comments in peer reviews',
    messagesSent: 'Messages Tillit sent to the person',
    localMessages: 'Messages in the browser channel',
    openReflectionRounds:
      'Open reflection rounds the person was asked in (closed ones keep only counts)',
    teamsAccounts: 'Teams account',
    teamsConversations: 'Teams conversations',
    auditLog: 'Logged changes (roles, administrators, register extracts) concerning the person',
  },
};
