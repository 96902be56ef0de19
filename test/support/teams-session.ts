import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { OrgPlan, PlannedPerson } from '../../store/queries/org-sync.js';
import { cardsOf, checkActivity } from './adaptive-card-check.js';
import type { StoredActivity } from './fake-bot-connector.js';
import type { TeamsTestTillit } from './start-teams-tillit.js';

export const TENANT = '0f0e0d0c-0b0a-4009-8008-000000000007';
export const BOT_ID = '28:tillit-test-bot';
const TEAM_ID = '19:team-test@thread.tacv2';

/** A deterministic AAD object id (a GUID) for a test person's key. */
export function aadOf(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
export const teamsUserIdOf = (key: string) => `29:${key}`;
export const teamsChannelId = (name: string) => `19:${name}@thread.tacv2`;

/** A test person with a Teams account in the test tenant (or, `tenantless`, any tenant). */
export function teamsPerson(
  key: string,
  roles: PlannedPerson['roles'],
  options: { admin?: boolean; tenantless?: boolean } = {},
): PlannedPerson {
  return {
    key,
    name: key[0]!.toUpperCase() + key.slice(1),
    admin: options.admin ?? false,
    identities: [
      { platform: 'teams', workspace: options.tenantless ? '' : TENANT, externalId: aadOf(key) },
    ],
    roles,
  };
}

export function teamsUnit(key: string, channelId: string, parent: string | null = null) {
  return {
    key,
    name: `Enhet ${key}`,
    level: parent ? 'section' : 'unit',
    parent,
    channels: [{ platform: 'teams', workspace: '', channelId }],
  } satisfies OrgPlan['units'][number];
}

/** Where a person writes: a Teams channel (a new post each time), or their 1:1 chat with Tillit. */
export type Where = { channel: string } | 'personal';

type Json = Record<string, unknown>;
type SubmitAction = { type: string; title?: string; data?: { tillit?: Json } };

/**
 * Drives Tillit the way people in Teams do: messages (with the @mention in channels), clicks
 * on Action.Submit buttons of the cards the fake connector received, and form submissions
 * with the inputs merged into the action's data. Every card it sees is validated with the
 * `adaptivecards` package and against Teams' limits.
 */
export function teamsSession(t: TeamsTestTillit, defaults: { locale?: string } = {}) {
  const post = async (activity: Json) => {
    const response = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return response;
  };

  function activityFrom(key: string, conversation: Json, channelData: Json, extra: Json): Json {
    return {
      type: 'message',
      id: `in-${randomBytes(6).toString('hex')}`,
      timestamp: new Date().toISOString(),
      serviceUrl: t.connector.url,
      channelId: 'msteams',
      from: { id: teamsUserIdOf(key), name: key, aadObjectId: aadOf(key) },
      recipient: { id: BOT_ID, name: 'Tillit' },
      conversation: { tenantId: TENANT, ...conversation },
      channelData: { tenant: { id: TENANT }, ...channelData },
      locale: defaults.locale ?? 'sv-SE',
      ...extra,
    };
  }

  /** Conversation and channel data for a place; a channel message starts a new thread. */
  function placeOf(key: string, where: Where | { conversationId: string }) {
    if (where === 'personal') {
      return {
        conversation: {
          id: t.connector.personalConversationOf(teamsUserIdOf(key)),
          conversationType: 'personal',
        },
        channelData: {},
      };
    }
    if ('conversationId' in where) {
      const id = where.conversationId;
      const channel = id.startsWith('19:') ? id.split(';messageid=')[0]! : null;
      return channel
        ? {
            conversation: { id, conversationType: 'channel', isGroup: true },
            channelData: { channel: { id: channel }, team: { id: TEAM_ID } },
          }
        : { conversation: { id, conversationType: 'personal' }, channelData: {} };
    }
    const root = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
    return {
      conversation: {
        id: `${where.channel};messageid=${root}`,
        conversationType: 'channel',
        isGroup: true,
      },
      channelData: { channel: { id: where.channel }, team: { id: TEAM_ID } },
    };
  }

  /** `@Tillit <text>` in a channel (with the mention entity Teams sends), or `<text>` 1:1. */
  async function command(key: string, text: string, where: Where, mentions: Json[] = []) {
    const place = placeOf(key, where);
    const inChannel = where !== 'personal';
    const botMention = {
      type: 'mention',
      text: '<at>Tillit</at>',
      mentioned: { id: BOT_ID, name: 'Tillit' },
    };
    const activity = activityFrom(key, place.conversation, place.channelData, {
      text: inChannel ? `<at>Tillit</at> ${text}` : text,
      textFormat: 'plain',
      entities: [...(inChannel ? [botMention] : []), ...mentions],
    });
    await post(activity);
    return activity;
  }

  /** Clicks the card button with this action id (and value) on a message Tillit sent. */
  async function click(key: string, message: StoredActivity, actionId: string, value?: string) {
    const action = findAction(cardOf(message), actionId, value);
    return clickData(key, message, action.data as Json);
  }

  async function clickData(key: string, message: StoredActivity, data: Json) {
    const place = placeOf(key, { conversationId: message.conversationId });
    const activity = activityFrom(key, place.conversation, place.channelData, {
      value: data,
      replyToId: message.id,
    });
    await post(activity);
    return activity;
  }

  /** Fills in a form card and presses its submit button, as Teams sends it. */
  async function submit(
    key: string,
    message: StoredActivity,
    values: Record<string, string | string[]>,
  ) {
    // The form's own submit, not a "show the fields for this choice" refresh button.
    const action = findAllActions(cardOf(message)).find(
      (a) => a.data?.tillit?.formId && !('_refresh' in (a.data ?? {})),
    );
    if (!action) throw new Error('no form submit action in that card');
    const inputs = Object.fromEntries(
      Object.entries(values).map(([id, v]) => [id, Array.isArray(v) ? v.join(',') : v]),
    );
    return clickData(key, message, { ...(action.data as Json), ...inputs });
  }

  /** Messages in the person's 1:1 chat with Tillit, after a moment (each card validated). */
  function privateTo(key: string, after = 0): StoredActivity[] {
    const conversation = t.connector.personalConversationOf(teamsUserIdOf(key));
    return validated(t.connector.activitiesIn(conversation, true).filter((a) => sentAt(a) > after));
  }

  /** Messages in a Teams channel (any thread), after a moment. */
  function inChannel(channel: string, after = 0): StoredActivity[] {
    return validated(t.connector.activitiesIn(channel).filter((a) => sentAt(a) > after));
  }

  const sentAt = (a: StoredActivity) =>
    t.connector.calls.find((c) => c.activityId === a.id && c.kind !== 'update')?.at ?? 0;

  function validated(list: StoredActivity[]): StoredActivity[] {
    for (const message of list) expect(checkActivity(message.activity)).toEqual([]);
    return list;
  }

  return {
    post,
    command,
    click,
    clickData,
    submit,
    privateTo,
    inChannel,
    activityFrom,
    since: () => Date.now() - 1,
  };
}

export type TeamsSession = ReturnType<typeof teamsSession>;

export function cardOf(message: StoredActivity): Json {
  const [card] = cardsOf(message.activity);
  if (!card) throw new Error(`activity ${message.id} has no card`);
  return card as Json;
}

/** Every text a message shows (its cards and summary), for `toContain` checks. */
export const textOf = (message: StoredActivity | undefined): string =>
  message ? JSON.stringify(message.activity) : '';

export function findAllActions(node: unknown): SubmitAction[] {
  if (Array.isArray(node)) return node.flatMap(findAllActions);
  if (!node || typeof node !== 'object') return [];
  const here = (node as SubmitAction).type === 'Action.Submit' ? [node as SubmitAction] : [];
  return [...here, ...Object.values(node).flatMap(findAllActions)];
}

export function findAction(card: unknown, actionId: string, value?: string): SubmitAction {
  const actions = findAllActions(card);
  const found = actions.find(
    (a) =>
      a.data?.tillit?.id === actionId && (value === undefined || a.data.tillit.value === value),
  );
  if (!found) {
    const ids = actions.map(
      (a) => `${a.data?.tillit?.id ?? a.data?.tillit?.formId}=${a.data?.tillit?.value ?? ''}`,
    );
    throw new Error(`no button ${actionId}${value ? `=${value}` : ''} among ${ids.join(', ')}`);
  }
  return found;
}
