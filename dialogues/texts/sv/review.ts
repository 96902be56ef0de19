import type { DialogueKind, ReviewFeedbackKind } from '../../../store/schema/index.js';

type Intro = (p: { unit: string; topic: string }) => string;

export const review = {
  usageTitle: 'Kollegial granskning',
  usage: [
    '`dela` – delar enhetens senast avslutade resultat med tertialens granskande enhet (paret en administratör satt, annars Tillits förslag)',
    '`dela <enhet>` – delar enhetens senast avslutade SWOT- eller riskdialog med en annan enhet för granskning, till exempel `dela "Barn och unga"`',
    '`dela "<dialogens rubrik>" <enhet>` – delar just den dialogen',
    '`dela <enhet> 2026-12-20` – med en annan sista dag än två veckor fram',
    '`dela runda <enhet>` – ledningen delar varje enhets senaste resultat i hela delträdet med dess par',
  ],
  what: {
    share: 'dela enhetens resultat för granskning (chef)',
    give: 'ge återkoppling på det här resultatet (den granskande enhetens medarbetare)',
    comment: 'sammanfatta granskningen (den granskande enhetens chef)',
    tipAction: 'göra tips till åtgärder (den delande enhetens chef)',
  },
  forManager: 'för chef',
  kinds: { swot: 'SWOT', risk: 'riskdialog' } satisfies Record<DialogueKind, string>,
  feedbackKinds: {
    'how-we-do-it': 'Så gör vi',
    question: 'Fråga',
    tip: 'Tips',
  } satisfies Record<ReviewFeedbackKind, string>,
  buttons: {
    comment: 'Sammanfatta',
    tipAction: 'Gör till åtgärd',
  },
  notSelf: 'En enhet kan inte granska sig själv. Välj en annan enhet.',
  notClosed:
    'Den dialogen pågår fortfarande. Bara avslutade dialoger kan delas: avsluta den först.',
  noneClosed: 'Enheten har ingen avslutad SWOT- eller riskdialog att dela.',
  peerWithoutChannel: (p: { unit: string }) =>
    `${p.unit} har ingen kanal kopplad till Tillit, så resultatet kan inte nå dem. Be en administratör koppla en kanal.`,
  alreadyShared: (p: { unit: string }) => `Det här resultatet är redan delat med ${p.unit}.`,
  shared: (p: { topic: string; unit: string; when: string }) =>
    `Resultatet av ”${p.topic}” är delat med ${p.unit}. Deras återkoppling visas här, i ett meddelande som uppdateras. Sista dag: ${p.when}.`,
  cardTitle: (p: { unit: string; topic: string }) => `Kollegial granskning: ${p.unit} – ${p.topic}`,
  cardContext: (p: { from: string; to: string; kind: string }) =>
    `${p.from} delar resultatet av sin ${p.kind} med ${p.to}. Berätta hur ni gör, fråga eller ge tips. Resultatet visas utan medarbetarnas namn.`,
  answersTitle: (p: { unit: string; topic: string }) => `Återkoppling från ${p.unit}: ${p.topic}`,
  answersContext: (p: { unit: string }) =>
    `${p.unit} granskar resultatet. Återkopplingen visas här när den kommer.`,
  topItemsTitle: 'Punkterna med flest röster',
  topItemLine: (p: { quadrant: string; text: string; votes: number }) =>
    p.votes > 0 ? `${p.quadrant}: ${p.text} (${p.votes} röster)` : `${p.quadrant}: ${p.text}`,
  decisionsTitle: 'Risker och beslut',
  decisionLine: (p: {
    text: string;
    value: number | null;
    handling: string | null;
    process: string | null;
  }) =>
    [
      p.text,
      p.value === null ? null : `riskvärde ${p.value}`,
      p.handling ? `beslut: ${p.handling}` : null,
      p.process,
    ]
      .filter((part) => part !== null)
      .join(' · '),
  actionsTitle: 'Åtgärder och effekt',
  actionLine: (p: { text: string; done: boolean; effect: string | null; note: string | null }) =>
    `${p.text} – ${p.done ? 'klar' : 'pågår'}${p.effect ? `, effekt: ${p.effect}` : ''}${p.note ? ` (”${p.note}”)` : ''}`,
  none: 'Inga.',
  feedbackTitle: (p: { count: number }) => `Återkoppling (${p.count})`,
  noFeedback: 'Ingen återkoppling än.',
  feedbackLine: (p: { kind: string; text: string; by: string | null; acted: boolean }) =>
    `*${p.kind}:* ${p.text} – ${p.by ?? '(anonym)'}${p.acted ? ' · blev en åtgärd' : ''}`,
  commentLine: (p: { unit: string; text: string }) =>
    `*Sammanfattning från chefen i ${p.unit}:* ${p.text}`,
  openUntil: (p: { when: string }) => `Sista dag för återkoppling: ${p.when}.`,
  closedLine: 'Granskningen är avslutad. Tack för återkopplingen!',
  closedRefusal: 'Granskningen är avslutad och tar inte emot mer återkoppling.',
  tipActedOn: 'Det tipset har redan blivit en åtgärd.',
  feedbackForm: {
    title: (p: { kind: string }) => `Återkoppling: ${p.kind}`,
    submit: 'Skicka',
    intro: {
      'how-we-do-it': (p) => `Berätta för ${p.unit} hur ni gör med det som ”${p.topic}” tar upp.`,
      question: (p) => `Vad undrar ni över i ${p.unit}s resultat av ”${p.topic}”?`,
      tip: (p) => `Ett råd till ${p.unit} om ”${p.topic}”. Deras chef kan göra det till en åtgärd.`,
    } satisfies Record<ReviewFeedbackKind, Intro>,
    textLabel: 'Din återkoppling',
    anonymousLabel: 'Anonymt?',
    anonymousOption: 'Skicka utan mitt namn',
  },
  thanksNamed: 'Tack! Din återkoppling visas med ditt namn.',
  thanksAnonymous:
    'Tack! Din återkoppling visas utan namn, och Tillit sparar inte vem som skrev den.',
  commentForm: {
    title: 'Sammanfatta granskningen',
    submit: 'Spara',
    intro: (p: { unit: string }) =>
      `En sammanfattande kommentar till ${p.unit} från er enhet. En ny kommentar ersätter den förra.`,
    textLabel: 'Kommentar',
  },
  commentSaved: 'Sammanfattningen är sparad och visas för båda enheterna.',
  tipForm: {
    title: 'Tipset blir en åtgärd',
    intro: (p: { tip: string }) => `Tipset: ”${p.tip}”`,
  },
  home: {
    title: 'Kollegial granskning',
    waiting: (p: { unit: string; topic: string; when: string }) =>
      `${p.unit} väntar på er återkoppling på ”${p.topic}” (sista dag: ${p.when}).`,
    answered: (p: { unit: string; topic: string; count: number }) =>
      `${p.unit} granskar ”${p.topic}”: ${p.count === 1 ? '1 svar' : `${p.count} svar`} hittills.`,
  },
  reminder: (p: { unit: string; topic: string; when: string }) =>
    `Påminnelse: ${p.unit} väntar på er återkoppling på ”${p.topic}”. Sista dag: ${p.when}.`,
};
