import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createLogger } from '../../bot/log.js';
import { createSlackDeliverer } from '../../bot/slack/slack-deliverer.js';
import type { RecordedCall } from '../../scripts/bench/support/fake-slack-api.js';
import { type StateInput, sendBlockAction } from '../../scripts/bench/support/slack-requests.js';
import { syncOrg } from '../../store/queries/org-sync.js';
import { findPersonByIdentity } from '../../store/queries/people.js';
import { slackPerson, slackSession, slackUnit, TEAM, userIdOf } from '../support/slack-session.js';
import { SIGNING_SECRET, startTestTillit, type TestTillit } from '../support/start-test-tillit.js';
import {
  type ChatDriver,
  channelOfPerson,
  contractOrg,
  type DriverOptions,
  eventuallyFound,
  isContractAdmin,
  MENTION,
  type PersonKey,
} from './scenarios.js';
import { scheduledWork } from './scheduled-work.js';

const CHANNEL = 'C0CONTRACT';
const OTHER_CHANNEL = 'C0OTHER';

type Block = { type: string; block_id?: string; element?: { type: string } };
interface Seen {
  blocks: unknown;
  channelId: string;
  /** A message in the DM (a ts); an ephemeral has none. */
  ts?: string;
}

/** The contract's steps in Slack: signed requests into the real Bolt app, a fake Web API. */
export async function startSlackDriver(
  options: DriverOptions,
): Promise<ChatDriver & { close(): Promise<void> }> {
  const t: TestTillit = await startTestTillit(options);
  const s = slackSession(t);
  await syncOrg(t.database.db, {
    units: [slackUnit(contractOrg.unit, CHANNEL), slackUnit(contractOrg.otherUnit, OTHER_CHANNEL)],
    people: contractOrg.people.map((p) =>
      slackPerson(p.key, [{ unit: p.unit, role: p.role }], isContractAdmin(p.key)),
    ),
  });
  const stepStart = new Map<PersonKey, number>();
  const lastTrigger = new Map<PersonKey, string>();
  const lastClicked = new Map<PersonKey, Seen>();
  const work = scheduledWork({
    db: t.database.db,
    clock: t.tillit.clock,
    config: t.config,
    refresh: t.tillit.refresh,
    log: silent,
    deliverer: createSlackDeliverer({
      botToken: 'xoxb-test-token',
      apiUrl: t.api.url,
      rate: { perSecond: 1_000, burst: 100 },
    }),
  });
  const began = (who: PersonKey) => stepStart.set(who, Date.now() - 1);
  const dm = (who: PersonKey) => `D${userIdOf(who)}`;

  /** What the person can see, newest first: their ephemerals and DMs, then the channel. */
  function visibleTo(who: PersonKey): Seen[] {
    const user = userIdOf(who);
    const ephemerals = t.api
      .callsOf('chat.postEphemeral')
      .filter((c) => c.args.user === user)
      .map((c) => ({ blocks: c.args.blocks, channelId: String(c.args.channel) }));
    const direct = t.api
      .messagesIn(dm(who))
      .map((m) => ({ blocks: m.blocks, channelId: dm(who), ts: m.ts }));
    const own = channelOfPerson(who) === 'other' ? OTHER_CHANNEL : CHANNEL;
    const channel = t.api.messagesIn(own).map((m) => ({ blocks: m.blocks, channelId: own }));
    return [...[...ephemerals, ...direct].reverse(), ...channel.reverse()];
  }

  const textOf = (call: RecordedCall) => slackText(call.args);

  return {
    async command(who, commandText, where) {
      began(who);
      // Slack sends a mention in a slash command escaped, as `<@U…|name>`.
      const text = commandText.replace(MENTION, (_, key: string) => `<@${userIdOf(key)}|${key}>`);
      await s.command(who, where === 'channel' ? CHANNEL : dm(who), text);
    },
    async click(who, actionId, valueEndsWith) {
      began(who);
      // Bolt acks first and answers after, so the button may arrive a moment later.
      const found = await eventuallyFound(async () => {
        await t.tillit.settle();
        for (const seen of visibleTo(who)) {
          const button = buttonsIn(seen.blocks).find(
            (b) =>
              b.action_id?.split('::')[0] === actionId &&
              (!valueEndsWith || (b.value ?? '').endsWith(valueEndsWith)),
          );
          if (button) return { seen, button };
        }
        return null;
      });
      if (!found) throw new Error(`slack: ${who} sees no button ${actionId}`);
      const { seen, button } = found;
      const triggerId = `trig-${randomBytes(6).toString('hex')}`;
      // A click in the DM names its message (Tillit edits it in place); one in an ephemeral
      // comes with a response_url, here one that is never answered.
      const response = await sendBlockAction(t.url, SIGNING_SECRET, {
        teamId: TEAM,
        userId: userIdOf(who),
        channelId: seen.channelId,
        actionId: button.action_id!,
        value: button.value ?? '',
        triggerId,
        ...(seen.ts ? { messageTs: seen.ts, message: { blocks: seen.blocks } } : {}),
      });
      expect(response.status).toBe(200);
      lastTrigger.set(who, triggerId);
      lastClicked.set(who, seen);
    },
    async submit(who, formId, values) {
      began(who);
      const modal = (await s.modalOpenedBy(lastTrigger.get(who) ?? '')) as {
        callback_id: string;
        private_metadata: string;
        blocks: Block[];
      };
      expect(modal.callback_id).toBe(formId);
      const state: Record<string, StateInput> = {};
      for (const [id, value] of Object.entries(values)) {
        const element = modal.blocks.find((b) => b.block_id === id)?.element?.type;
        state[id] = stateOf(element, value);
      }
      const response = await s.submit(who, modal, state);
      expect(JSON.stringify(response.body)).not.toContain('"response_action":"errors"');
    },
    async privateTexts(who) {
      const since = stepStart.get(who) ?? 0;
      const user = userIdOf(who);
      return t.api.calls
        .filter(
          (c) =>
            c.at > since &&
            ((c.method === 'chat.postEphemeral' && c.args.user === user) ||
              ((c.method === 'chat.postMessage' || c.method === 'chat.update') &&
                (c.args.channel === user || c.args.channel === dm(who)))),
        )
        .map(textOf);
    },
    async allPrivateTexts(who) {
      const user = userIdOf(who);
      const ephemerals = t.api.callsOf('chat.postEphemeral').filter((c) => c.args.user === user);
      return [...ephemerals.map(textOf), ...t.api.messagesIn(dm(who)).map(slackText)];
    },
    async actedOn(who) {
      const clicked = lastClicked.get(who);
      if (!clicked?.ts) throw new Error(`slack: ${who} clicked in no message that can change`);
      const now = t.api.messagesIn(clicked.channelId).find((m) => m.ts === clicked.ts);
      if (!now) throw new Error(`slack: the message ${who} clicked in is gone`);
      return { text: slackText(now), buttons: buttonsIn(now.blocks).length };
    },
    async channelTexts(channel = 'unit') {
      await t.tillit.settle();
      return t.api.messagesIn(channel === 'other' ? OTHER_CHANNEL : CHANNEL).map(slackText);
    },
    passTime: (milliseconds) => work.passTime(milliseconds),
    deliverOutbox: () => work.deliverOutbox(),
    failNextDelivery() {
      // A 503: Slack did not take the message. The sender retries after its backoff.
      t.api.failNext('chat.postMessage', { status: 503 });
    },
    async personId(who) {
      const person = await findPersonByIdentity(t.database.db, {
        platform: 'slack',
        workspace: TEAM,
        externalId: userIdOf(who),
      });
      return person!.id;
    },
    close: () => t.close(),
  };
}

const silent = createLogger('error', () => {});

/** What a message says, as words: its fallback text and every text in its blocks. */
function slackText(message: { text?: unknown; blocks?: unknown }): string {
  const found: string[] = typeof message.text === 'string' ? [message.text] : [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') found.push(value);
        else walk(value);
      }
    }
  };
  walk(message.blocks);
  return found.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

type SlackButton = { type?: string; action_id?: string; value?: string };

function buttonsIn(blocks: unknown): SlackButton[] {
  const list = (blocks ?? []) as { elements?: SlackButton[]; accessory?: SlackButton }[];
  return list
    .flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
    .filter((e) => e.type === 'button');
}

function stateOf(element: string | undefined, value: string | string[]): StateInput {
  switch (element) {
    case 'static_select':
      return { selected: Array.isArray(value) ? (value[0] ?? null) : value };
    case 'checkboxes':
      return { checked: Array.isArray(value) ? value : [value] };
    case 'multi_static_select':
      return Array.isArray(value) ? value : [value];
    case 'datepicker':
      return { date: Array.isArray(value) ? (value[0] ?? null) : value };
    default:
      return Array.isArray(value) ? value.join(',') : value;
  }
}
