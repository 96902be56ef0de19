/** Registerutdrag och radering (GDPR art. 15 och 17): `setup gdpr …` och `npm run gdpr`. */
export const gdpr = {
  usage: [
    '`inställningar gdpr utdrag <personnyckel>` – registerutdrag: allt Tillit har sparat om personen',
    '`inställningar gdpr radera <personnyckel> bekräfta` – raderar personens uppgifter (går inte att ångra)',
  ],
  /** What an erased person is shown as wherever a shared record named them. */
  deletedPerson: 'borttagen person',
  badKey: 'Skriv personens nyckel, till exempel `inställningar gdpr utdrag anna`.',
  // The key is not quoted back: what was typed might be anything, even a personnummer.
  unknown:
    'Tillit har inget sparat under den nyckeln (den finns inte, eller så är personen redan raderad).',
  confirmErase: (p: { key: string; name: string }) =>
    `Radering av *${p.name}* (\`${p.key}\`) går inte att ångra. Skriv \`inställningar gdpr radera ${p.key} bekräfta\` för att radera.`,
  erased: (p: { name: string; records: number }) =>
    `*${p.name}* är raderad: ${p.records} poster borttagna. Gemensamma poster (åtgärder, SWOT-punkter, röster, risker) finns kvar och visar nu ”borttagen person”.`,
  /** In the audit log (`setup audit`). */
  auditExport: (p: { person: string }) => `registerutdrag om ${p.person} togs fram`,
  auditErase: 'en person raderades (GDPR)',
  byCommandLine: 'via kommandoraden på servern',
  exportTitle: (p: { name: string }) => `Registerutdrag: ${p.name}`,
  reflectionNote:
    'Reflektionssvar: kan inte tas fram. Tillit sparar svaren utan koppling till den som svarade, så ingenting i databasen visar vilka svar som är personens. Stängda omgångar har bara antal kvar.',
  empty: 'inget sparat',
  more: (p: { count: number }) =>
    `… och ${p.count} till (hela utdraget: \`npm run gdpr -- export <nyckel>\`)`,
  sections: {
    person: 'Person',
    identities: 'Inloggningar (Slack, Teams, lokal)',
    roles: 'Roller',
    dialoguesStarted: 'Dialoger personen startat',
    actionsOwned: 'Åtgärder personen äger',
    actionsDecided: 'Åtgärder personen beslutat',
    actionChanges: 'Ändringar personen gjort i åtgärder',
    swotItems: 'SWOT-punkter personen skrivit i eget namn',
    swotVotes: 'SWOT-röster',
    risksRaised: 'Risker personen tagit upp i eget namn',
    risksDecided: 'Risker personen beslutat om',
    riskEstimates: 'Personens riskbedömningar',
    selfChecks: 'Egenkontroller personen ansvarar för eller skapat',
    selfCheckAnswers: 'Egenkontroller personen besvarat',
    reviewFeedback: 'Återkoppling i kollegial granskning som personen skrivit i eget namn',
    reviewsShared: 'Resultat personen delat för kollegial granskning',
    reviewComments: 'Sammanfattande kommentarer i kollegial granskning',
    messagesSent: 'Meddelanden Tillit skickat till personen',
    localMessages: 'Meddelanden i webbkanalen',
    openReflectionRounds: 'Öppna reflektionsomgångar personen fått (stängda har bara antal kvar)',
    teamsAccounts: 'Teams-konto',
    teamsConversations: 'Teams-konversationer',
    auditLog: 'Loggade ändringar (roller, administratörer, registerutdrag) som rör personen',
  },
};
