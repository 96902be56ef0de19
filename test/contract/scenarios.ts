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
} as const;

export type PersonKey = (typeof contractOrg.people)[number]['key'] | 'okand';

/** A value for a form input: text, option value(s), or a person's id (a select of people). */
export type FormValue = string | string[] | { personOf: PersonKey };

export type Where = 'channel' | 'private';

export type Step =
  | { kind: 'command'; who: PersonKey; text: string; where: Where }
  | { kind: 'click'; who: PersonKey; actionId: string; valueEndsWith?: string }
  | { kind: 'submit'; who: PersonKey; formId: string; values: Record<string, FormValue> }
  | { kind: 'expectPrivateText'; who: PersonKey; fragment: string | RegExp }
  | { kind: 'expectChannelText'; fragment: string | RegExp };

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
export const expectChannelText = (fragment: string | RegExp): Step => ({
  kind: 'expectChannelText',
  fragment,
});

export interface Scenario {
  name: string;
  /** Which test file runs it (each file starts its own Tillit; files run in parallel). */
  group: 'basics' | 'dialogues';
  steps: Step[];
}

export const scenarios: Scenario[] = [
  {
    name: 'help in Swedish',
    group: 'basics',
    steps: [
      command('anna', 'help', 'private'),
      expectPrivateText('anna', 'visar den här hjälpen'),
      command('anna', 'hjälp'),
      expectPrivateText('anna', 'visar den här hjälpen'),
    ],
  },
  {
    name: 'help in English, once the person chose it',
    group: 'basics',
    steps: [
      command('eve', 'lang en', 'private'),
      expectPrivateText('eve', 'speaks English'),
      command('eve', 'help'),
      expectPrivateText('eve', 'shows this help'),
    ],
  },
  {
    name: 'a member may not start a SWOT',
    group: 'basics',
    steps: [command('anna', 'swot "Inte min"'), expectPrivateText('anna', 'behörighet')],
  },
  {
    name: 'someone Tillit does not know is told so',
    group: 'basics',
    steps: [
      command('okand', 'help', 'private'),
      expectPrivateText('okand', 'finns inte i Tillit'),
      command('okand', 'swot "Vem är jag"'),
      expectPrivateText('okand', 'finns inte i Tillit'),
    ],
  },
  {
    name: 'SWOT: start, add an item, vote, decide an action, close',
    group: 'dialogues',
    steps: [
      command('chef', 'swot "Vår vardag"'),
      expectChannelText('Vår vardag'),
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
      click('anna', 'swot.start-vote'),
      expectPrivateText('anna', /behörighet|bara/i),
      click('chef', 'swot.start-vote'),
      expectChannelText(/Fas: \*+Röstning/),
      click('anna', 'swot.ballot', ':strengths'),
      expectPrivateText('anna', 'Vi hjälper varandra'),
      click('anna', 'swot.vote'),
      expectPrivateText('anna', 'Vi hjälper varandra'),
      click('chef', 'swot.end-vote'),
      expectChannelText(/Fas: \*+Beslut/),
      click('chef', 'swot.action'),
      submit('chef', 'swot.add-action', {
        text: 'Inför kollegial handledning',
        owner: { personOf: 'anna' },
        due: '2027-01-15',
      }),
      expectChannelText('kollegial handledning'),
      click('chef', 'swot.close'),
      expectChannelText('Sammanfattning: Vår vardag'),
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
      expectChannelText(/Fas: \*+Bedömning/),
      click('anna', 'risk.sheet'),
      expectPrivateText('anna', 'Hög sjukfrånvaro i helgerna'),
      click('anna', 'risk.estimate'),
      submit('anna', 'risk.estimate', { probability: '3', consequence: '4' }),
      expectPrivateText('anna', 'Din bedömning 3×4 är sparad'),
      click('chef', 'risk.sheet'),
      click('chef', 'risk.agree'),
      submit('chef', 'risk.agree', { probability: '3', consequence: '4' }),
      expectPrivateText('chef', 'är fastställd'),
      expectChannelText('3×4 = 12'),
      click('chef', 'risk.start-decide'),
      click('chef', 'risk.decisions'),
      click('chef', 'risk.decide'),
      submit('chef', 'risk.decision', {
        process: 'work-environment',
        handling: 'accept',
        motivation: 'Bemanningen ses över i vår',
      }),
      expectPrivateText('chef', 'Beslutet om ”Hög sjukfrånvaro i helgerna” är sparat'),
      click('chef', 'risk.close'),
      expectChannelText('Sammanfattning: Årets risker'),
    ],
  },
  {
    name: 'follow-up: an action is done, and its effect is asked for and kept',
    group: 'basics',
    steps: [
      command('chef', 'actions add Inför kollegial handledning @{bo} 2027-01-15'),
      expectPrivateText('chef', 'Inför kollegial handledning'),
      command('bo', 'actions', 'private'),
      expectPrivateText('bo', 'Inför kollegial handledning'),
      click('bo', 'follow-up.done'),
      expectPrivateText('bo', 'Fick den avsedd effekt?'),
      click('bo', 'follow-up.effect', ':yes'),
      expectPrivateText('bo', 'Tack! Sparat: Ja'),
    ],
  },
];

/** `@{key}` placeholders in a command: where a driver puts its platform's mention. */
export const MENTION = /@\{(\w+)\}/g;

/** What each platform's driver does with the steps. */
export interface ChatDriver {
  command(who: PersonKey, text: string, where: Where): Promise<void>;
  click(who: PersonKey, actionId: string, valueEndsWith?: string): Promise<void>;
  submit(who: PersonKey, formId: string, values: Record<string, string | string[]>): Promise<void>;
  /** Texts only this person was shown (or had updated) since their last step. */
  privateTexts(who: PersonKey): Promise<string[]>;
  /** The unit's channel messages as they stand (coalesced updates waited for). */
  channelTexts(): Promise<string[]>;
  personId(who: PersonKey): Promise<string>;
}

const WAIT_MS = 5_000;

/** Carries out one scenario's steps with a driver; an expectation waits a moment for replies. */
export async function runScenario(driver: ChatDriver, scenario: Scenario): Promise<void> {
  for (const [index, step] of scenario.steps.entries()) {
    const where = `step ${index + 1} (${step.kind}) of "${scenario.name}"`;
    switch (step.kind) {
      case 'command':
        await driver.command(step.who, step.text, step.where);
        break;
      case 'click':
        await driver.click(step.who, step.actionId, step.valueEndsWith);
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
        await eventually(where, step.fragment, () => driver.channelTexts());
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
    typeof fragment === 'string' ? text.includes(fragment) : fragment.test(text);
  const deadline = Date.now() + WAIT_MS;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await texts();
    if (seen.some(matches)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
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
