/** The weekly reflection: prompt, answer form, reminder, summary. */
export const reflection = {
  title: 'Veckans reflektion',
  principles: {
    trust: 'Tillit',
    'citizen-focus': 'Medborgarfokus',
    'holistic-view': 'Helhetssyn',
    'room-for-action': 'Handlingsutrymme',
    support: 'Stöd',
    knowledge: 'Kunskap',
    openness: 'Öppenhet',
  },
  /** The question bank: a few per principle, asked in turn (same count in every language). */
  questions: {
    trust: [
      'Hur väl har du kunnat lita på dem du arbetar med den här veckan?',
      'Hur väl har du känt att andra litar på ditt omdöme den här veckan?',
      'Hur väl har vi i gruppen hållit det vi lovat varandra den här veckan?',
    ],
    'citizen-focus': [
      'Hur väl har brukarnas behov styrt vårt arbete den här veckan?',
      'Hur väl har vi tagit vara på det brukare och anhöriga berättat för oss den här veckan?',
      'Hur mycket av din tid har gått till det som gör skillnad för brukarna den här veckan?',
    ],
    'holistic-view': [
      'Hur väl har samarbetet över gränser – andra enheter, yrken, verksamheter – fungerat den här veckan?',
      'Hur väl har du sett hur ditt arbete hänger ihop med helheten den här veckan?',
      'Hur lätt har det varit att få hjälp från andra delar av organisationen den här veckan?',
    ],
    'room-for-action': [
      'Hur väl har du kunnat fatta de beslut ditt arbete krävt den här veckan?',
      'Hur tydligt har det varit vad du får bestämma själv den här veckan?',
      'Hur mycket har du kunnat påverka hur arbetet läggs upp den här veckan?',
    ],
    support: [
      'Hur väl har du fått det stöd du behövt i arbetet den här veckan?',
      'Hur väl har administrationen lämnat tid åt kärnuppdraget den här veckan?',
      'Hur lätt har det varit att be om hjälp när något varit svårt den här veckan?',
    ],
    knowledge: [
      'Hur mycket har du lärt dig något nytt i arbetet den här veckan?',
      'Hur väl har vi delat erfarenheter och kunskap med varandra den här veckan?',
      'Hur väl har vårt arbete vilat på kunskap och beprövad erfarenhet den här veckan?',
    ],
    openness: [
      'Hur tryggt har det känts att säga vad du tycker, också när du inte håller med, den här veckan?',
      'Hur väl har du fått den information du behövt den här veckan?',
      'Hur väl har kritik och synpunkter tagits emot i gruppen den här veckan?',
    ],
  },
  principleLine: (p: { principle: string; unit: string }) =>
    `Princip: *${p.principle}* · ${p.unit}`,
  scale: '1 = inte alls · 5 = helt och hållet',
  clickHint: 'Klicka på ett betyg – sedan kan du skriva en rad till om du vill. Det tar en minut.',
  withoutRating: 'Svara utan betyg',
  anonymity:
    'Anonymt: svaret sparas utan koppling till dig. Ingen – inte chefen, inte administratören – kan se vad just du svarade.',
  openUntil: (p: { when: string }) => `Öppen till ${p.when}.`,
  promptSummary: (p: { principle: string }) => `Veckans reflektion: en fråga om ${p.principle}`,
  reminderSummary: 'Påminnelse: veckans reflektion',
  reminderLead:
    'En vänlig påminnelse: du har inte svarat på veckans reflektion ännu. Det tar en minut, och det är helt frivilligt.',
  form: {
    title: 'Veckans reflektion',
    submit: 'Skicka',
    ratingLabel: 'Ditt betyg (valfritt)',
    ratingOptions: [
      '1 – inte alls',
      '2 – lite',
      '3 – delvis',
      '4 – till stor del',
      '5 – helt och hållet',
    ],
    textLabel: (p: { max: number }) => `Vill du säga mer? (valfritt, högst ${p.max} tecken)`,
    textPlaceholder: 'Skriv inga namn och inga personnummer.',
    intro: (p: { question: string }) =>
      `${p.question}\n\nDu kan ändra betyg och text tills du skickar. Sedan går svaret inte att ändra: det sparas utan koppling till dig, så ingen kan hitta det igen – inte ens du.`,
    needSomething: 'Välj ett betyg eller skriv något – eller stäng rutan om du inte vill svara.',
    badRating: 'Välj ett betyg från 1 till 5.',
  },
  thanks:
    'Tack! Ditt svar är sparat utan koppling till dig. Du kan se att du har svarat, men inte vad – det kan ingen.',
  alreadyAnswered: (p: { unit: string }) =>
    `Du har redan svarat på veckans reflektion för ${p.unit}. Svaret är inte kopplat till dig, så det kan varken visas eller ändras.`,
  closed: 'Den här reflektionen är stängd. Nästa fråga kommer med nästa omgång.',
  notYours: 'Den här reflektionen gäller en enhet du inte hör till.',
  noneOpen: 'Det finns ingen öppen reflektion för dig just nu.',
  home: {
    header: 'Reflektion',
    open: (p: { unit: string; when: string }) =>
      `*${p.unit}*: inte besvarad än, öppen till ${p.when}`,
    answered: (p: { unit: string }) => `*${p.unit}*: besvarad ✓`,
    next: (p: { unit: string; when: string }) => `*${p.unit}*: nästa fråga ${p.when}`,
    paused: (p: { unit: string }) => `*${p.unit}*: reflektionen är pausad`,
    answer: 'Svara',
  },
  summary: {
    what: 'se enhetens sammanställning',
    title: (p: { unit: string }) => `Reflektion – ${p.unit}`,
    noRounds: 'Enheten har inte haft någon reflektion ännu.',
    latest: (p: { date: string; principle: string }) =>
      `*Senaste omgången* (${p.date}): ${p.principle}`,
    open: (p: { date: string; principle: string }) =>
      `*Pågående omgång* (${p.date}): ${p.principle}`,
    answeredSoFar: (p: { count: number; when: string }) =>
      `${p.count} har svarat hittills. Betyg och texter visas när omgången har stängt (${p.when}), och bara om minst så många som gränsen nedan har svarat.`,
    responseRate: (p: { answered: number; invited: number; percent: number }) =>
      `Svarsfrekvens: ${p.answered} av ${p.invited} (${p.percent} %)`,
    average: (p: { average: string; count: number }) =>
      `Medelbetyg: ${p.average} av 5 (${p.count} betyg)`,
    withheld: 'För få svar för att visas utan att någon kan pekas ut.',
    averageWithheld: 'Medelbetyg: för få betyg för att visas utan att någon kan pekas ut.',
    textsWithheld:
      'För få skrev något för att texterna ska kunna visas utan att någon kan pekas ut.',
    textsHeader: 'Det här skrevs (i slumpvis ordning)',
    noTexts: 'Inga texter i den här omgången.',
    perPrinciple: (p: { weeks: number }) => `*Per princip, de senaste ${p.weeks} veckorna*`,
    principleRow: (p: { principle: string; average: string; count: number }) =>
      `${p.principle}: ${p.average} av 5 (${p.count} betyg)`,
    principleWithheld: (p: { principle: string }) =>
      `${p.principle}: för få svar för att visas utan att någon kan pekas ut`,
    principleNone: (p: { principle: string }) => `${p.principle}: ingen omgång under perioden`,
    thresholdNote: (p: { threshold: number }) =>
      `Bara avslutade omgångar med minst ${p.threshold} svar räknas; färre visas inte. Svaren är inte kopplade till personer.`,
  },
};
