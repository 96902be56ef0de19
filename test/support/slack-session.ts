import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { RecordedCall } from '../../scripts/bench/support/fake-slack-api.js';
import {
  type StateInput,
  sendBlockAction,
  sendSlashCommand,
  sendViewSubmission,
  stateValuesFrom,
} from '../../scripts/bench/support/slack-requests.js';
import type { OrgPlan, PlannedPerson } from '../../store/queries/org-sync.js';
import { checkBlockKitLimits, checkViewLimits } from './block-kit-limits.js';
import { SIGNING_SECRET, type TestTillit } from './start-test-tillit.js';

export const TEAM = 'T0TEST';

type Block = { type: string; elements?: Button[]; accessory?: Button; text?: { text: string } };
type Button = { type: string; action_id?: string; value?: string; text?: { text: string } };

/** A person of a test org with a Slack account `U<KEY>` in workspace T0TEST. */
export function slackPerson(
  key: string,
  roles: PlannedPerson['roles'],
  admin = false,
): PlannedPerson {
  return {
    key,
    name: key[0]!.toUpperCase() + key.slice(1),
    admin,
    identities: [{ platform: 'slack', workspace: TEAM, externalId: userIdOf(key) }],
    roles,
  };
}

export const userIdOf = (key: string) => `U${key.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;

export function slackUnit(key: string, channelId: string, parent: string | null = null) {
  return {
    key,
    name: `Enhet ${key}`,
    level: parent ? 'section' : 'unit',
    parent,
    channels: [{ platform: 'slack', workspace: TEAM, channelId }],
  } satisfies OrgPlan['units'][number];
}

/**
 * Drives Tillit the way people in Slack do: commands, button clicks on the messages the fake
 * Web API received, and modal submissions. Every message and modal it sees is checked against
 * Block Kit's limits.
 */
export function slackSession(t: TestTillit) {
  const since = () => Date.now() - 1;

  async function command(userKey: string, channelId: string, text: string) {
    const response = await sendSlashCommand(t.url, SIGNING_SECRET, {
      teamId: TEAM,
      userId: userIdOf(userKey),
      channelId,
      text,
      triggerId: trigger(),
    });
    expect(response.status).toBe(200);
    return response;
  }

  /** Clicks the button whose action id (before Slack's `::n` suffix) and value match. */
  async function click(
    userKey: string,
    channelId: string,
    blocks: unknown,
    actionId: string,
    value?: string,
  ) {
    const button = findButton(blocks, actionId, value);
    const triggerId = trigger();
    const response = await sendBlockAction(t.url, SIGNING_SECRET, {
      teamId: TEAM,
      userId: userIdOf(userKey),
      channelId,
      actionId: button.action_id!,
      value: button.value ?? '',
      triggerId,
    });
    expect(response.status).toBe(200);
    return { triggerId, response };
  }

  /** Sends a click with an action id and value directly (a stale button kept by a client). */
  async function clickRaw(userKey: string, channelId: string, actionId: string, value: string) {
    return sendBlockAction(t.url, SIGNING_SECRET, {
      teamId: TEAM,
      userId: userIdOf(userKey),
      channelId,
      actionId,
      value,
      triggerId: trigger(),
    });
  }

  async function modalOpenedBy(triggerId: string) {
    const call = await t.api.waitFor(
      (c) => c.method === 'views.open' && c.args.trigger_id === triggerId,
    );
    type Modal = { callback_id: string; private_metadata: string; blocks?: unknown[] };
    let view = call.args.view as Modal;
    // A form slower than its head start opens as a waiting modal and comes in views.update
    // (bot/slack/modal-first.ts); a busy test machine may take that path.
    if (view.callback_id === undefined) {
      const update = await t.api.waitFor((c) => c.method === 'views.update' && c.at >= call.at);
      view = update.args.view as Modal;
    }
    expect(checkViewLimits(view)).toEqual([]);
    return view;
  }

  async function submit(
    userKey: string,
    view: { callback_id: string; private_metadata: string },
    values: Record<string, StateInput>,
  ) {
    return sendViewSubmission(t.url, SIGNING_SECRET, {
      teamId: TEAM,
      userId: userIdOf(userKey),
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: stateValuesFrom(values),
    });
  }

  async function waitFor(predicate: (c: RecordedCall) => boolean, timeoutMs?: number) {
    const call = await t.api.waitFor(predicate, timeoutMs);
    if (call.args.blocks) {
      expect(checkBlockKitLimits(call.args.blocks, { maxBlocks: 50 })).toEqual([]);
    }
    return call;
  }

  /** The newest private (ephemeral or DM) message to the person after a moment. */
  async function privateTo(userKey: string, after: number) {
    const user = userIdOf(userKey);
    return waitFor(
      (c) =>
        c.at > after &&
        ((c.method === 'chat.postEphemeral' && c.args.user === user) ||
          (c.method === 'chat.postMessage' && c.args.channel === user)),
    );
  }

  return { command, click, clickRaw, modalOpenedBy, submit, waitFor, privateTo, since };
}

export function findButton(blocks: unknown, actionId: string, value?: string): Button {
  const buttons = (blocks as Block[]).flatMap((b) => [
    ...(b.elements ?? []),
    ...(b.accessory ? [b.accessory] : []),
  ]);
  const found = buttons.find(
    (e) =>
      e.type === 'button' &&
      e.action_id?.split('::')[0] === actionId &&
      (value === undefined || e.value === value),
  );
  if (!found) {
    const ids = buttons.map((e) => `${e.action_id}=${e.value}`).join(', ');
    throw new Error(`no button ${actionId}${value ? `=${value}` : ''} among ${ids}`);
  }
  return found;
}

export const textOf = (call: RecordedCall) => JSON.stringify(call.args.blocks ?? call.args.text);

const trigger = () => `trig-${randomBytes(6).toString('hex')}`;
