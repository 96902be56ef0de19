import { expect } from 'vitest';
import type { RecordedCall } from '../../scripts/bench/support/fake-slack-api.js';
import type { StateInput } from '../../scripts/bench/support/slack-requests.js';
import { syncOrg } from '../../store/queries/org-sync.js';
import { findPersonByIdentity } from '../../store/queries/people.js';
import { slackPerson, slackSession, slackUnit, TEAM, userIdOf } from '../support/slack-session.js';
import { startTestTillit, type TestTillit } from '../support/start-test-tillit.js';
import {
  type ChatDriver,
  contractOrg,
  eventuallyFound,
  MENTION,
  type PersonKey,
} from './scenarios.js';

const CHANNEL = 'C0CONTRACT';

type Block = { type: string; block_id?: string; element?: { type: string } };
interface Seen {
  blocks: unknown;
  channelId: string;
}

/** The contract's steps in Slack: signed requests into the real Bolt app, a fake Web API. */
export async function startSlackDriver(): Promise<ChatDriver & { close(): Promise<void> }> {
  const t: TestTillit = await startTestTillit();
  const s = slackSession(t);
  await syncOrg(t.database.db, {
    units: [slackUnit(contractOrg.unit, CHANNEL), slackUnit(contractOrg.otherUnit, 'C0OTHER')],
    people: contractOrg.people.map((p) => slackPerson(p.key, [{ unit: p.unit, role: p.role }])),
  });
  const stepStart = new Map<PersonKey, number>();
  const lastTrigger = new Map<PersonKey, string>();
  const began = (who: PersonKey) => stepStart.set(who, Date.now() - 1);
  const dm = (who: PersonKey) => `D${userIdOf(who)}`;

  /** What the person can see, newest first: their ephemerals and DMs, then the channel. */
  function visibleTo(who: PersonKey): Seen[] {
    const user = userIdOf(who);
    const ephemerals = t.api
      .callsOf('chat.postEphemeral')
      .filter((c) => c.args.user === user)
      .map((c) => ({ blocks: c.args.blocks, channelId: String(c.args.channel) }));
    const direct = t.api.messagesIn(dm(who)).map((m) => ({ blocks: m.blocks, channelId: dm(who) }));
    const channel = t.api
      .messagesIn(CHANNEL)
      .map((m) => ({ blocks: m.blocks, channelId: CHANNEL }));
    return [...[...ephemerals, ...direct].reverse(), ...channel.reverse()];
  }

  const textOf = (call: RecordedCall) => JSON.stringify(call.args.blocks ?? call.args.text ?? '');

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
      const { triggerId } = await s.click(who, seen.channelId, seen.blocks, actionId, button.value);
      lastTrigger.set(who, triggerId);
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
              (c.method === 'chat.postMessage' &&
                (c.args.channel === user || c.args.channel === dm(who)))),
        )
        .map(textOf);
    },
    async channelTexts() {
      await t.tillit.settle();
      return t.api.messagesIn(CHANNEL).map((m) => JSON.stringify(m.blocks ?? m.text));
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
