import { expect } from 'vitest';
import { formatWeekdayDateTime } from '../../dialogues/calendar/dates.js';
import { formatIsoDate } from '../../dialogues/dialogue/deadline.js';
import { en } from '../../dialogues/texts/en/index.js';
import { sv } from '../../dialogues/texts/sv/index.js';

/**
 * The chat contract: what a person can do in Slack must work in Teams, step for step. Each
 * scenario is a platform-neutral list of steps; each platform has one driver that carries
 * them out through its real SDK (Bolt over signed HTTP, the Teams adapter over activities)
 * against a fake of the platform's API. A flow that works on one platform and not the other
 * fails the build.
 */

/** A test organisation, in neutral words; each driver gives the people platform accounts. */
export const contractOrg = {
  unit: 'sek',
  otherUnit: 'annan',
  people: [
    { key: 'chef', unit: 'sek', role: 'manager' },
    { key: 'anna', unit: 'sek', role: 'member' },
    { key: 'bo', unit: 'sek', role: 'member' },
    { key: 'eve', unit: 'sek', role: 'member' },
    { key: 'utanfor', unit: 'annan', role: 'member' },
  ],
  /**
   * The system owner sits in the other unit. An administrator reads no answers, so this
   * changes nothing in the other scenarios; the pairing scenario needs someone who sets pairs.
   */
  admins: ['utanfor'],
} as const;

export const isContractAdmin = (key: string): boolean =>
  (contractOrg.admins as readonly string[]).includes(key);

export type PersonKey = (typeof contractOrg.people)[number]['key'] | 'okand';

/** A value for a form input: text, option value(s), or a person's id (a select of people). */
export type FormValue = string | string[] | { personOf: PersonKey };

export type Where = 'channel' | 'private';

/** The unit's channel, or the other unit's (a peer review's card arrives there). */
export type ChannelOf = 'unit' | 'other';

/** Whose channel a person sees besides their own messages: their unit's. */
export const channelOfPerson = (who: PersonKey): ChannelOf =>
  contractOrg.people.find((p) => p.key === who)?.unit === contractOrg.otherUnit ? 'other' : 'unit';

export type Step =
  | { kind: 'command'; who: PersonKey; text: string; where: Where }
  | {
      kind: 'click';
      who: PersonKey;
      actionId: string;
      valueEndsWith?: string;
      /** Clicked where this other person sees it (see `clickAsShownTo`). */
      asShownTo?: PersonKey;
    }
  | { kind: 'submit'; who: PersonKey; formId: string; values: Record<string, FormValue> }
  | { kind: 'expectPrivateText'; who: PersonKey; fragment: string | RegExp }
  | { kind: 'expectChannelText'; fragment: string | RegExp; channel: ChannelOf }
  | { kind: 'expectChannelCount'; fragment: string; times: number; channel: ChannelOf }
  | { kind: 'expectActedOn'; who: PersonKey; fragment: string; buttons: number }
  | { kind: 'expectPrivateCount'; who: PersonKey; fragment: string; times: number }
  | { kind: 'passTime'; hours: number }
  | { kind: 'deliverOutbox'; delivered: number; refused: number }
  | { kind: 'failNextDelivery' };

/**
 * `/tillit <text>` in Slack, `@Tillit <text>` in a Teams channel; in private: a DM / 1:1 chat.
 * `@{anna}` in the text is a mention of that person, in each platform's own form.
 */
export const command = (who: PersonKey, text: string, where: Where = 'channel'): Step => ({
  kind: 'command',
  who,
  text,
  where,
});
/** Clicks the newest button with this action id the person can see (channel or private). */
export const click = (who: PersonKey, actionId: string, valueEndsWith?: string): Step => ({
  kind: 'click',
  who,
  actionId,
  ...(valueEndsWith ? { valueEndsWith } : {}),
});
/**
 * A button for those who steer, clicked by someone who may not use it. Slack and Teams show a
 * shared message alike to everyone, so the person clicks it there; the local page leaves it out
 * for them (the driver checks that), so the click comes from the page as `other` sees it, as a
 * page left open from before or a hand-made request would send it. Either way Tillit refuses.
 */
export const clickAsShownTo = (who: PersonKey, actionId: string, other: PersonKey): Step => ({
  kind: 'click',
  who,
  actionId,
  asShownTo: other,
});
/** Fills in and sends the form the person's last click opened. */
export const submit = (
  who: PersonKey,
  formId: string,
  values: Record<string, FormValue>,
): Step => ({
  kind: 'submit',
  who,
  formId,
  values,
});
/** Something only this person sees, since their last step, says this. */
export const expectPrivateText = (who: PersonKey, fragment: string | RegExp): Step => ({
  kind: 'expectPrivateText',
  who,
  fragment,
});
/** A message in the unit's channel (as it stands now, updates included) says this. */
export const expectChannelText = (
  fragment: string | RegExp,
  channel: ChannelOf = 'unit',
): Step => ({ kind: 'expectChannelText', fragment, channel });
/** Exactly this many messages in the channel say this (a reminder posted once, not twice). */
export const expectChannelCount = (
  fragment: string,
  times: number,
  channel: ChannelOf = 'unit',
): Step => ({ kind: 'expectChannelCount', fragment, times, channel });

/**
 * The message the person's last click was in, as it stands now, says this and offers exactly
 * this many buttons (by default none): the outcome took the place of what was acted on, rather
 * than coming as a new message beside it.
 */
export const expectActedOn = (who: PersonKey, fragment: string, buttons = 0): Step => ({
  kind: 'expectActedOn',
  who,
  fragment,
  buttons,
});
/**
 * Of everything the person was ever shown privately (as it stands now), exactly `times`
 * messages say this: a notice is delivered once, not twice, and not before it should be.
 */
export const expectPrivateCount = (who: PersonKey, fragment: string, times: number): Step => ({
  kind: 'expectPrivateCount',
  who,
  fragment,
  times,
});
/** Tillit's clock moves on; the scheduled work runs once, and the outbox delivers what is due. */
export const passTime = (hours: number): Step => ({ kind: 'passTime', hours });
/**
 * The outbox sender delivers what is due until nothing is left: exactly this many messages
 * went out, and this many attempts were refused by the platform.
 */
export const deliverOutbox = (delivered: number, refused = 0): Step => ({
  kind: 'deliverOutbox',
  delivered,
  refused,
});
/**
 * The platform refuses the next message Tillit sends on its own, saying nothing was posted
 * (Slack and Teams: their fake answers 503; the local page has no platform in between, so its
 * deliverer fails once, as a database hiccup would).
 */
export const failNextDelivery = (): Step => ({ kind: 'failNextDelivery' });

export interface Scenario {
  name: string;
  /**
   * Which test file runs it (each file starts its own Tillit; files run in parallel).
   * `delivery` moves Tillit's clock, so it has a Tillit of its own.
   */
  group: 'basics' | 'dialogues' | 'delivery';
  steps: Step[];
  /** Platforms where the scenario cannot happen, and why (shown as a skipped test). */
  notOn?: Partial<Record<'slack' | 'teams' | 'local', string>>;
}

/** Names of the contract's people as every driver gives them (`chef` → Chef). */
const nameOf = (key: PersonKey) => key[0]!.toUpperCase() + key.slice(1);
const UNIT_NAME = `Enhet ${contractOrg.unit}`;
const OWNER_ACTION = 'Ring brukarrådet';
const REFLECTION_TEXT = 'Mötet med brukarrådet gav mycket';

/** The ANONYMITY_THRESHOLD every contract Tillit runs with: low enough for a 4-person unit. */
export const THRESHOLD = 2;
/** The first contract scenario's day: Thursday 26 November 2026, 12:00 in Stockholm. */
export const CONTRACT_START = new Date('2026-11-26T11:00:00Z');
/** A week after it opened: Thursday 3 December 2026, 14:00 in Stockholm. */
const CLOSES = formatWeekdayDateTime(new Date('2026-12-03T13:00:00Z'), 'Europe/Stockholm', sv);
const DUE = formatIsoDate('2027-01-15', 'sv');
const ASSESSED_3X4 = sv.risk.assessment({
  probability: 3,
  consequence: 4,
  value: 12,
  level: sv.risk.levels['very-high'],
});
const ADDED_FOR_BO = (text: string) => sv.followUp.added({ text, owner: nameOf('bo'), due: DUE });
const OTHER_UNIT_NAME = `Enhet ${contractOrg.otherUnit}`;
const REVIEWED_TOPIC = 'Vår arbetsmiljö';
const REVIEWED_ITEM = 'Vi stöttar nya kollegor';
const REVIEW_TIP = 'Skriv en introduktionslista';
const REVIEW_ANSWERS = sv.review.answersTitle({ unit: OTHER_UNIT_NAME, topic: REVIEWED_TOPIC });
const REVIEW_REMINDER = `${UNIT_NAME} väntar på er återkoppling`;
const OWNER_NOTICE = sv.followUp.nudge.assignedSummary({
  text: OWNER_ACTION,
  due: DUE,
});

const PAIRED_PERIOD = 'T3-2026';
const SEK_AND_ANNAN = {
  unit: UNIT_NAME,
  peer: OTHER_UNIT_NAME,
  period: PAIRED_PERIOD,
};

/**
 * Pairing (issue 21): Tillit suggests the other unit, an admin sets the pair in chat and
 * removes it, a member may not, a unit is not paired with itself, and a department round
 * needs a leader or an admin, and says which units it skipped and why.
 */
const pairingScenario: Scenario = {
  name: 'pairing: the suggestion, a pair an admin sets and removes, refusals, a round',
  group: 'basics',
  steps: [
    command('utanfor', 'inställningar par', 'private'),
    expectPrivateText('utanfor', sv.pairing.listTitle({ period: PAIRED_PERIOD })),
    expectPrivateText('utanfor', sv.pairing.line({ unit: UNIT_NAME, peer: OTHER_UNIT_NAME })),
    command('anna', `inställningar par ${contractOrg.unit} ${contractOrg.otherUnit}`),
    expectPrivateText('anna', sv.common.notAllowed({ what: sv.setup.what })),
    command('utanfor', `inställningar par ${contractOrg.unit} ${contractOrg.unit}`, 'private'),
    expectPrivateText('utanfor', sv.pairing.self({ unit: UNIT_NAME })),
    command('utanfor', `inställningar par ${contractOrg.unit} annat`, 'private'),
    expectPrivateText('utanfor', sv.common.unknownUnit({ text: 'annat' })),
    command('utanfor', `setup pair ${contractOrg.unit} ${contractOrg.otherUnit}`, 'private'),
    expectPrivateText('utanfor', sv.pairing.pairSet(SEK_AND_ANNAN)),
    command('chef', `dela runda ${contractOrg.unit}`),
    expectPrivateText('chef', sv.common.notAllowed({ what: sv.pairing.round.what })),
    command('utanfor', `dela runda ${contractOrg.unit}`, 'private'),
    expectPrivateText(
      'utanfor',
      sv.pairing.round.skippedLine({
        unit: UNIT_NAME,
        reason: sv.pairing.round.reasons.noClosedDialogue,
      }),
    ),
    command('utanfor', `inställningar par bort ${contractOrg.unit}`, 'private'),
    expectPrivateText(
      'utanfor',
      sv.pairing.pairRemoved({ unit: UNIT_NAME, period: PAIRED_PERIOD }),
    ),
  ],
};

export const scenarios: Scenario[] = [
  pairingScenario,
  {
    name: 'help in Swedish',
    group: 'basics',
    steps: [
      command('anna', 'help', 'private'),
      expectPrivateText('anna', sv.help.title),
      command('anna', 'hjälp'),
      expectPrivateText('anna', sv.help.intro),
    ],
  },
  {
    name: 'help in English, once the person chose it',
    group: 'basics',
    steps: [
      command('eve', 'lang en', 'private'),
      expectPrivateText('eve', en.common.languageSet),
      command('eve', 'help'),
      expectPrivateText('eve', en.help.title),
    ],
  },
  {
    name: 'a member may not start a SWOT',
    group: 'basics',
    steps: [
      command('anna', 'swot "Inte min"'),
      expectPrivateText('anna', sv.common.notAllowed({ what: sv.swot.what.start })),
    ],
  },
  {
    name: 'someone Tillit does not know is told so',
    group: 'basics',
    notOn: {
      local: 'the page acts only as people Tillit knows; another key is refused (403)',
    },
    steps: [
      command('okand', 'help', 'private'),
      expectPrivateText('okand', sv.common.unknownPerson),
      command('okand', 'swot "Vem är jag"'),
      expectPrivateText('okand', sv.common.unknownPerson),
    ],
  },
  {
    name: 'SWOT: start, add an item, vote, decide an action, close',
    group: 'dialogues',
    steps: [
      command('chef', 'swot "Vår vardag"'),
      expectChannelText('Vår vardag'),
      expectChannelText(sv.swot.phaseLine({ phase: sv.swot.phases.collect })),
      click('anna', 'swot.add'),
      submit('anna', 'swot.add-item', {
        quadrant: 'strengths',
        text: 'Vi hjälper varandra',
        anonymous: [],
      }),
      expectChannelText('Vi hjälper varandra'),
      click('bo', 'swot.add'),
      submit('bo', 'swot.add-item', {
        quadrant: 'threats',
        text: 'Hög omsättning',
        anonymous: ['yes'],
      }),
      expectChannelText('Hög omsättning'),
      clickAsShownTo('anna', 'swot.start-vote', 'chef'),
      expectPrivateText('anna', sv.dialogue.onlyFacilitator({ what: sv.swot.only.startVote })),
      click('chef', 'swot.start-vote'),
      expectChannelText(sv.swot.phaseLine({ phase: sv.swot.phases.vote })),
      click('anna', 'swot.ballot', ':strengths'),
      expectPrivateText('anna', sv.swot.ballot.title({ quadrant: sv.swot.quadrants.strengths })),
      click('anna', 'swot.vote'),
      expectPrivateText('anna', sv.swot.ballot.cast({ item: 'Vi hjälper varandra', dots: 1 })),
      click('chef', 'swot.end-vote'),
      expectChannelText(sv.swot.phaseLine({ phase: sv.swot.phases.decide })),
      click('chef', 'swot.action'),
      submit('chef', 'swot.add-action', {
        text: 'Inför kollegial handledning',
        owner: { personOf: 'anna' },
        due: '2027-01-15',
      }),
      expectChannelText('Inför kollegial handledning'),
      click('chef', 'swot.close'),
      expectChannelText(sv.swot.summaryTitle({ topic: 'Vår vardag' })),
    ],
  },
  {
    name: 'risk: add a risk, estimate it, agree the assessment, decide, close',
    group: 'dialogues',
    steps: [
      command('chef', 'risk "Årets risker"'),
      expectChannelText('Årets risker'),
      click('anna', 'risk.add'),
      submit('anna', 'risk.add-risk', {
        description: 'Hög sjukfrånvaro i helgerna',
        anonymous: [],
      }),
      expectChannelText('Hög sjukfrånvaro i helgerna'),
      click('chef', 'risk.start-assess'),
      expectChannelText(sv.risk.phaseLine({ phase: sv.risk.phases.assess })),
      click('anna', 'risk.sheet'),
      expectPrivateText('anna', 'Hög sjukfrånvaro i helgerna'),
      click('anna', 'risk.estimate'),
      submit('anna', 'risk.estimate', { probability: '3', consequence: '4' }),
      expectPrivateText('anna', sv.risk.estimated({ value: '3×4' })),
      click('chef', 'risk.sheet'),
      expectPrivateText('chef', 'Hög sjukfrånvaro i helgerna'),
      click('chef', 'risk.agree'),
      submit('chef', 'risk.agree', { probability: '3', consequence: '4' }),
      expectPrivateText(
        'chef',
        sv.risk.agreed({
          risk: 'Hög sjukfrånvaro i helgerna',
          value: `3×4 = 12 (${sv.risk.levels['very-high'].toLowerCase()})`,
        }),
      ),
      expectChannelText(ASSESSED_3X4),
      click('chef', 'risk.start-decide'),
      expectChannelText(sv.risk.phaseLine({ phase: sv.risk.phases.decide })),
      click('chef', 'risk.decisions'),
      expectPrivateText('chef', sv.risk.decisions.title),
      click('chef', 'risk.decide'),
      submit('chef', 'risk.decision', {
        process: 'work-environment',
        handling: 'accept',
        motivation: 'Bemanningen ses över i vår',
      }),
      expectPrivateText(
        'chef',
        sv.risk.decided({
          risk: 'Hög sjukfrånvaro i helgerna',
          decision: sv.risk.decisionLine({
            process: sv.risk.processes['work-environment'],
            handling: sv.risk.handlings.accept,
          }),
        }),
      ),
      click('chef', 'risk.close'),
      expectChannelText(sv.risk.summaryTitle({ topic: 'Årets risker' })),
    ],
  },
  {
    name: 'follow-up: an action is done, and its effect is asked for and kept',
    group: 'basics',
    steps: [
      command('chef', 'actions add Inför kollegial handledning @{bo} 2027-01-15'),
      expectPrivateText('chef', ADDED_FOR_BO('Inför kollegial handledning')),
      command('bo', 'actions', 'private'),
      expectPrivateText('bo', 'Inför kollegial handledning'),
      click('bo', 'follow-up.done'),
      // A message of its own: the clicked one settles through the outbox, as every notice does.
      expectPrivateText('bo', sv.followUp.effect.question),
      click('bo', 'follow-up.effect', ':yes'),
      // Only "add a note" is left under the answer.
      expectActedOn('bo', sv.followUp.effect.saved({ effect: sv.followUp.effects.yes }), 1),
    ],
  },
  {
    name: 'reflection: the round opens, an answer is taken once, the summary keeps the threshold',
    group: 'delivery',
    steps: [
      // Thursday 12:00 in Stockholm: the weekly round opens at 14:00.
      command('anna', 'reflect', 'private'),
      expectPrivateText('anna', sv.reflection.noneOpen),
      passTime(2),
      expectPrivateCount('anna', sv.reflection.anonymity, 1),
      expectPrivateCount('bo', sv.reflection.anonymity, 1),
      click('anna', 'reflection.rate', ':4'),
      submit('anna', 'reflection.answer', { rating: '4', text: REFLECTION_TEXT }),
      expectActedOn('anna', sv.reflection.thanks),
      command('anna', 'reflect', 'private'),
      expectPrivateText('anna', sv.reflection.alreadyAnswered({ unit: UNIT_NAME })),
      click('bo', 'reflection.rate', ':2'),
      submit('bo', 'reflection.answer', { rating: '2', text: [] }),
      expectActedOn('bo', sv.reflection.thanks),
      // Nothing is shown while the round is open, not even to the manager.
      command('chef', 'summary reflektion'),
      expectPrivateText('chef', sv.reflection.summary.answeredSoFar({ count: 2, when: CLOSES })),
      // A week later the round has closed: 2 of 4 answered, the threshold in the suite is 2.
      passTime(7 * 24),
      command('chef', 'summary reflektion'),
      expectPrivateText(
        'chef',
        sv.reflection.summary.responseRate({ answered: 2, invited: 4, percent: 50 }),
      ),
      expectPrivateText('chef', sv.reflection.summary.average({ average: '3,0', count: 2 })),
      // One person wrote something: fewer than the threshold, so the text stays hidden.
      expectPrivateText('chef', sv.reflection.summary.textsWithheld),
      expectPrivateText('chef', sv.reflection.summary.thresholdNote({ threshold: THRESHOLD })),
    ],
  },
  {
    name: "outbox: the owner's notice goes out once, after a refused delivery is retried",
    group: 'delivery',
    steps: [
      // Clear of anything sent to bo just before (one message a second to one place).
      passTime(1),
      command('chef', `actions add ${OWNER_ACTION} @{bo} 2027-01-15`),
      expectPrivateText('chef', ADDED_FOR_BO(OWNER_ACTION)),
      failNextDelivery(),
      deliverOutbox(0, 1),
      expectPrivateCount('bo', OWNER_NOTICE, 0),
      // The retry waits for its backoff (seconds); an hour later it is due.
      passTime(1),
      expectPrivateCount('bo', OWNER_NOTICE, 1),
      deliverOutbox(0),
      expectPrivateCount('bo', OWNER_NOTICE, 1),
      click('bo', 'follow-up.done'),
      expectPrivateText('bo', sv.followUp.effect.question),
      expectPrivateCount('bo', sv.followUp.effect.question, 1),
      // The notice itself turns into what became of the action (an update: no new message).
      deliverOutbox(0),
      expectPrivateCount('bo', sv.followUp.nudge.settledTitle.done, 1),
    ],
  },
  {
    name: 'peer review: share, three kinds of feedback in one updating message, a tip made an action, one reminder, closed at the deadline',
    group: 'delivery',
    steps: [
      passTime(1),
      command('chef', `swot "${REVIEWED_TOPIC}"`),
      click('anna', 'swot.add'),
      submit('anna', 'swot.add-item', {
        quadrant: 'strengths',
        text: REVIEWED_ITEM,
        anonymous: [],
      }),
      expectChannelText(REVIEWED_ITEM),
      click('chef', 'swot.start-vote'),
      expectChannelText(sv.swot.phaseLine({ phase: sv.swot.phases.vote })),
      click('chef', 'swot.end-vote'),
      expectChannelText(sv.swot.phaseLine({ phase: sv.swot.phases.decide })),
      click('chef', 'swot.close'),
      expectChannelText(sv.swot.summaryTitle({ topic: REVIEWED_TOPIC })),
      command('anna', `dela ${contractOrg.otherUnit}`),
      expectPrivateText('anna', sv.common.notAllowed({ what: sv.review.what.share })),
      command('chef', `dela ${contractOrg.unit}`),
      expectPrivateText('chef', sv.review.notSelf),
      command('chef', `dela ${contractOrg.otherUnit}`),
      expectPrivateText('chef', `är delat med ${OTHER_UNIT_NAME}`),
      expectChannelText(REVIEW_ANSWERS),
      // The card goes to the other unit's channel through the outbox.
      passTime(0),
      expectChannelText(sv.review.cardTitle({ unit: UNIT_NAME, topic: REVIEWED_TOPIC }), 'other'),
      expectChannelText(REVIEWED_ITEM, 'other'),
      click('utanfor', 'review.feedback', ':how-we-do-it'),
      submit('utanfor', 'review.feedback', { text: 'Vi har faddrar för nya', anonymous: [] }),
      expectPrivateText('utanfor', sv.review.thanksNamed),
      click('utanfor', 'review.feedback', ':question'),
      submit('utanfor', 'review.feedback', {
        text: 'Hur länge varar introduktionen?',
        anonymous: ['yes'],
      }),
      click('utanfor', 'review.feedback', ':tip'),
      submit('utanfor', 'review.feedback', { text: REVIEW_TIP, anonymous: ['yes'] }),
      expectPrivateText('utanfor', sv.review.thanksAnonymous),
      // One message in the sharing channel, updated for each answer; the writer named or not.
      expectChannelText(sv.review.feedbackTitle({ count: 3 })),
      expectChannelCount(REVIEW_ANSWERS, 1),
      expectChannelText('Vi har faddrar för nya – Utanfor'),
      expectChannelText(`${REVIEW_TIP} – (anonym)`),
      expectChannelText(sv.review.feedbackTitle({ count: 3 }), 'other'),
      click('chef', 'review.tip-action'),
      submit('chef', 'review.tip-action', {
        text: REVIEW_TIP,
        owner: { personOf: 'bo' },
        due: '2027-01-15',
      }),
      expectPrivateText('chef', ADDED_FOR_BO(REVIEW_TIP)),
      expectChannelText(`${REVIEW_TIP} – (anonym) · blev en åtgärd`),
      // Three days before the deadline, one reminder, however often the scheduler runs.
      passTime(12 * 24),
      expectChannelCount(REVIEW_REMINDER, 1, 'other'),
      passTime(1),
      expectChannelCount(REVIEW_REMINDER, 1, 'other'),
      passTime(3 * 24),
      expectChannelText(sv.review.closedLine),
      expectChannelText(sv.review.closedLine, 'other'),
    ],
  },
];

/** `@{key}` placeholders in a command: where a driver puts its platform's mention. */
export const MENTION = /@\{(\w+)\}/g;

/** How every driver starts its Tillit: at the contract's date, with its settings. */
export interface DriverOptions {
  start: Date;
  env: Record<string, string>;
}

/** What each platform's driver does with the steps. */
export interface ChatDriver {
  command(who: PersonKey, text: string, where: Where): Promise<void>;
  click(
    who: PersonKey,
    actionId: string,
    valueEndsWith?: string,
    asShownTo?: PersonKey,
  ): Promise<void>;
  submit(who: PersonKey, formId: string, values: Record<string, string | string[]>): Promise<void>;
  /** Texts only this person was shown (or had updated) since their last step. */
  privateTexts(who: PersonKey): Promise<string[]>;
  /** A channel's messages as they stand (coalesced updates waited for); the unit's by default. */
  channelTexts(channel?: ChannelOf): Promise<string[]>;
  personId(who: PersonKey): Promise<string>;
  /** The message the person's last click was in, as it stands now, and its buttons. */
  actedOn(who: PersonKey): Promise<{ text: string; buttons: number }>;
  /** Every message only this person was shown, as it stands now (updates applied). */
  allPrivateTexts(who: PersonKey): Promise<string[]>;
  /** Moves Tillit's clock on and runs the scheduled work once, as the scheduler would. */
  passTime(milliseconds: number): Promise<void>;
  /** Runs the outbox sender until nothing is due: messages delivered, attempts refused. */
  deliverOutbox(): Promise<{ delivered: number; refused: number }>;
  /** The next message Tillit sends on its own is refused, with nothing posted. */
  failNextDelivery(): void;
}

/**
 * A text as a person reads it, whatever the platform's markup: emphasis marks (`*…*` in
 * Slack, `**…**` in Teams, tags on the page) and line breaks do not change what it says.
 */
export const readable = (text: string): string =>
  text.replace(/[*`]/g, '').replace(/\s+/g, ' ').trim();

const WAIT_MS = 5_000;
const HOUR_MS = 3_600_000;
const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Carries out one scenario's steps with a driver; an expectation waits a moment for replies. */
export async function runScenario(driver: ChatDriver, scenario: Scenario): Promise<void> {
  for (const [index, step] of scenario.steps.entries()) {
    const where = `step ${index + 1} (${step.kind}) of "${scenario.name}"`;
    switch (step.kind) {
      case 'command':
        await driver.command(step.who, step.text, step.where);
        break;
      case 'click':
        await driver.click(step.who, step.actionId, step.valueEndsWith, step.asShownTo);
        break;
      case 'submit': {
        const values: Record<string, string | string[]> = {};
        for (const [id, value] of Object.entries(step.values)) {
          values[id] =
            typeof value === 'object' && !Array.isArray(value)
              ? await driver.personId(value.personOf)
              : value;
        }
        await driver.submit(step.who, step.formId, values);
        break;
      }
      case 'expectPrivateText':
        await eventually(where, step.fragment, () => driver.privateTexts(step.who));
        break;
      case 'expectChannelText':
        await eventually(where, step.fragment, () => driver.channelTexts(step.channel));
        break;
      case 'expectChannelCount': {
        const wanted = readable(step.fragment);
        const texts = await driver.channelTexts(step.channel);
        const shown = texts.map(readable).join('\n---\n');
        const count = texts.filter((text) => readable(text).includes(wanted)).length;
        expect(count, `${where}: messages saying ${wanted} in:\n${shown}`).toBe(step.times);
        break;
      }
      case 'expectActedOn': {
        const wanted = readable(step.fragment);
        const done = (acted: { text: string; buttons: number }) =>
          readable(acted.text).includes(wanted) && acted.buttons === step.buttons;
        // Bolt and the Teams adapter answer first and act after: the edit may come a moment later.
        let acted = await driver.actedOn(step.who);
        for (const deadline = Date.now() + WAIT_MS; !done(acted) && Date.now() < deadline; ) {
          await pause();
          acted = await driver.actedOn(step.who);
        }
        expect(readable(acted.text), where).toContain(wanted);
        expect(acted.buttons, `${where}: buttons left`).toBe(step.buttons);
        break;
      }
      case 'expectPrivateCount': {
        const wanted = readable(step.fragment);
        const count = async () =>
          (await driver.allPrivateTexts(step.who)).filter((text) => readable(text).includes(wanted))
            .length;
        const deadline = Date.now() + (step.times > 0 ? WAIT_MS : 0);
        while ((await count()) < step.times && Date.now() < deadline) await pause();
        const shown = (await driver.allPrivateTexts(step.who)).map(readable).join('\n---\n');
        expect(await count(), `${where}: messages saying ${wanted} in:\n${shown}`).toBe(step.times);
        break;
      }
      case 'passTime':
        await driver.passTime(step.hours * HOUR_MS);
        break;
      case 'deliverOutbox':
        expect(await driver.deliverOutbox(), `${where}: messages delivered`).toEqual({
          delivered: step.delivered,
          refused: step.refused,
        });
        break;
      case 'failNextDelivery':
        driver.failNextDelivery();
        break;
      default:
        step satisfies never;
    }
  }
}

async function eventually(
  where: string,
  fragment: string | RegExp,
  texts: () => Promise<string[]>,
): Promise<void> {
  const matches = (text: string) =>
    typeof fragment === 'string'
      ? readable(text).includes(readable(fragment))
      : fragment.test(readable(text));
  const deadline = Date.now() + WAIT_MS;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await texts();
    if (seen.some(matches)) return;
    await pause();
  }
  const shown = seen.map((text) => text.slice(0, 300)).join('\n---\n') || '(nothing)';
  throw new Error(`${where}: expected ${String(fragment)} in:\n${shown}`);
}

/** Tries until `find` finds something or the wait is over (a driver looking for a button). */
export async function eventuallyFound<T>(find: () => Promise<T | null>): Promise<T | null> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = await find();
    if (found || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
