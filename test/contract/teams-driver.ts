import { createLogger } from '../../bot/log.js';
import { createTeamsDeliverer } from '../../bot/teams/teams-deliverer.js';
import { syncOrg } from '../../store/queries/org-sync.js';
import { findPersonByIdentity } from '../../store/queries/people.js';
import type { StoredActivity } from '../support/fake-bot-connector.js';
import { startTeamsTillit, type TeamsTestTillit } from '../support/start-teams-tillit.js';
import {
  aadOf,
  cardOf,
  findAllActions,
  TENANT,
  teamsChannelId,
  teamsPerson,
  teamsSession,
  teamsUnit,
  teamsUserIdOf,
} from '../support/teams-session.js';
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

const CHANNEL = teamsChannelId('contract');
const OTHER_CHANNEL = teamsChannelId('other');
const nameOf = (key: string) => key[0]!.toUpperCase() + key.slice(1);

/** The contract's steps in Teams: activities into the real adapter, a fake Bot Connector. */
export async function startTeamsDriver(
  options: DriverOptions,
): Promise<ChatDriver & { close(): Promise<void> }> {
  const t: TeamsTestTillit = await startTeamsTillit(options);
  const s = teamsSession(t);
  await syncOrg(t.database.db, {
    units: [teamsUnit(contractOrg.unit, CHANNEL), teamsUnit(contractOrg.otherUnit, OTHER_CHANNEL)],
    people: contractOrg.people.map((p) =>
      teamsPerson(p.key, [{ unit: p.unit, role: p.role }], { admin: isContractAdmin(p.key) }),
    ),
  });
  // Tillit installed in the other unit's channel too: its reference is what a card posted
  // there on Tillit's own initiative (a peer review) goes out with.
  await s.post(
    s.activityFrom(
      'utanfor',
      { id: OTHER_CHANNEL, conversationType: 'channel', isGroup: true },
      { channel: { id: OTHER_CHANNEL } },
      { type: 'installationUpdate', action: 'add' },
    ),
  );
  // The conversation roster, which the adapter asks for a mentioned person's AAD object id.
  t.connector.addMembers(
    contractOrg.people.map((p) => ({
      id: teamsUserIdOf(p.key),
      name: nameOf(p.key),
      aadObjectId: aadOf(p.key),
    })),
  );
  const stepStart = new Map<PersonKey, number>();
  const lastClicked = new Map<PersonKey, string>();
  const work = scheduledWork({
    db: t.database.db,
    clock: t.tillit.clock,
    config: t.config,
    refresh: t.tillit.refresh,
    log: createLogger('error', () => {}),
    deliverer: createTeamsDeliverer({
      config: t.config.teams,
      db: t.database.db,
      connector: t.teams.connector,
      rate: { perSecond: 1_000, burst: 100 },
    }),
  });
  const began = (who: PersonKey) => stepStart.set(who, Date.now() - 1);
  const dm = (who: PersonKey) => t.connector.personalConversationOf(teamsUserIdOf(who));

  /** What the person can see, newest first: their 1:1 chat with Tillit, then the channel. */
  const visibleTo = (who: PersonKey): StoredActivity[] => [
    ...s.privateTo(who).reverse(),
    ...s.inChannel(channelOfPerson(who) === 'other' ? OTHER_CHANNEL : CHANNEL).reverse(),
  ];

  return {
    async command(who, text, where) {
      began(who);
      // Teams sends `<at>Name</at>` in the text and the person in a mention entity.
      const mentions: Record<string, unknown>[] = [];
      const withMentions = text.replace(MENTION, (_, key: string) => {
        const shown = `<at>${nameOf(key)}</at>`;
        mentions.push({
          type: 'mention',
          text: shown,
          mentioned: { id: teamsUserIdOf(key), name: nameOf(key) },
        });
        return shown;
      });
      const place = where === 'channel' ? { channel: CHANNEL } : ('personal' as const);
      await s.command(who, withMentions, place, mentions);
    },
    async click(who, actionId, valueEndsWith) {
      began(who);
      const found = await eventuallyFound(async () => {
        // Cards change in place a moment after the change (coalesced): click what is there now.
        await t.tillit.settle();
        for (const message of visibleTo(who)) {
          const action = findAllActions(cardOf(message)).find(
            (a) =>
              a.data?.tillit?.id === actionId &&
              (!valueEndsWith || String(a.data.tillit.value ?? '').endsWith(valueEndsWith)),
          );
          if (action?.data) return { message, data: action.data };
        }
        return null;
      });
      if (!found) throw new Error(`teams: ${who} sees no button ${actionId}`);
      await s.clickData(who, found.message, found.data);
      lastClicked.set(who, found.message.id);
    },
    async submit(who, formId, values) {
      began(who);
      const form = s
        .privateTo(who)
        .reverse()
        .find((m) => findAllActions(cardOf(m)).some((a) => a.data?.tillit?.formId === formId));
      if (!form) throw new Error(`teams: ${who} has no open form ${formId}`);
      await s.submit(who, form, values);
      // A form that was taken is closed in place; a refused one is shown again with its errors.
      const after = t.connector.activities.get(form.id)!;
      if (findAllActions(cardOf(after)).length > 0) {
        throw new Error(`teams: form ${formId} was refused: ${JSON.stringify(after.activity)}`);
      }
    },
    async privateTexts(who) {
      const since = stepStart.get(who) ?? 0;
      const ids = new Set(
        t.connector.calls
          .filter((c) => c.at > since && c.conversationId === dm(who) && c.activityId)
          .map((c) => c.activityId!),
      );
      return s
        .privateTo(who)
        .filter((m) => ids.has(m.id))
        .map((m) => teamsText(m.activity));
    },
    async allPrivateTexts(who) {
      return s.privateTo(who).map((m) => teamsText(m.activity));
    },
    async actedOn(who) {
      const clicked = t.connector.activities.get(lastClicked.get(who) ?? '');
      if (!clicked) throw new Error(`teams: ${who} clicked in no message`);
      return { text: teamsText(clicked.activity), buttons: findAllActions(cardOf(clicked)).length };
    },
    async channelTexts(channel = 'unit') {
      await t.tillit.settle();
      const id = channel === 'other' ? OTHER_CHANNEL : CHANNEL;
      return s.inChannel(id).map((m) => teamsText(m.activity));
    },
    passTime: (milliseconds) => work.passTime(milliseconds),
    deliverOutbox: () => work.deliverOutbox(),
    failNextDelivery() {
      // A 503: the Bot Connector took nothing. The sender retries after its backoff.
      t.connector.fail({ status: 503 });
    },
    async personId(who) {
      const person = await findPersonByIdentity(t.database.db, {
        platform: 'teams',
        workspace: TENANT,
        externalId: aadOf(who),
      });
      return person!.id;
    },
    close: () => t.close(),
  };
}

/** What an activity says, as words: its summary and every text and title of its card. */
function teamsText(activity: unknown): string {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && TEXT_KEYS.has(key)) found.push(value);
        else walk(value);
      }
    }
  };
  walk(activity);
  return found.join('\n');
}

const TEXT_KEYS = new Set(['summary', 'text', 'title', 'value']);
