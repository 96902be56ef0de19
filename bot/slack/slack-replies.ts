import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../dialogues/core/outcome.js';
import type { Form, View } from '../../dialogues/view.js';
import type { Database } from '../../store/database.js';
import { findPostedMessages, rememberPostedMessage } from '../../store/queries/posted-messages.js';
import type { RefreshMessages } from '../channel.js';
import { renderBlocks, renderHomeView, renderModal } from './render-blocks.js';

/** Where a Slack request came from: what carrying out its replies needs. */
export interface SlackScene {
  client: WebClient;
  teamId: string;
  userId: string;
  channelId: string | null;
  triggerId?: string;
  cancelLabel: string;
}

export interface SlackReplyDeps {
  db: Database;
  /** Every platform's messages under a key (composition root): a unit may be on Teams too. */
  refresh: RefreshMessages;
}

/** Carries out a use case's replies in Slack, in order. Form errors are the caller's (ack). */
export async function deliverSlackReplies(
  deps: SlackReplyDeps,
  scene: SlackScene,
  replies: Reply[],
): Promise<void> {
  for (const reply of replies) {
    switch (reply.kind) {
      case 'private':
        await postPrivately(scene, reply.view);
        break;
      case 'channel':
        await postInChannel(deps, scene, reply.view, reply.key);
        break;
      case 'update':
        await deps.refresh(reply.key, reply.view);
        break;
      case 'form':
        await openModal(scene, reply.form);
        break;
      case 'form-errors':
        // Only meaningful in the answer to a submission, which the caller gives with ack().
        break;
      case 'home':
        await scene.client.views.publish({
          user_id: scene.userId,
          view: renderHomeView(reply.view),
        });
        break;
      default:
        reply satisfies never;
    }
  }
}

async function postPrivately(scene: SlackScene, view: View) {
  const message = { text: view.summary, blocks: renderBlocks(view) };
  if (scene.channelId && !scene.channelId.startsWith('D')) {
    await scene.client.chat.postEphemeral({
      ...message,
      channel: scene.channelId,
      user: scene.userId,
    });
  } else {
    // In a DM or the home tab an ephemeral cannot be shown; a DM is the private place.
    await scene.client.chat.postMessage({ ...message, channel: scene.userId });
  }
}

async function postInChannel(deps: SlackReplyDeps, scene: SlackScene, view: View, key?: string) {
  const channel = scene.channelId ?? scene.userId;
  const posted = await scene.client.chat.postMessage({
    channel,
    text: view.summary,
    blocks: renderBlocks(view),
  });
  if (key && posted.ts) {
    await rememberPostedMessage(deps.db, {
      key,
      platform: 'slack',
      workspace: scene.teamId,
      channelId: posted.channel ?? channel,
      messageId: posted.ts,
    });
  }
}

/** Puts the view into every Slack message posted under the key (chat.update). */
export async function updatePostedSlackMessages(
  db: Database,
  client: WebClient,
  key: string,
  view: View,
): Promise<void> {
  const messages = await findPostedMessages(db, { key, platform: 'slack' });
  for (const message of messages) {
    await client.chat.update({
      channel: message.channelId,
      ts: message.messageId,
      text: view.summary,
      blocks: renderBlocks(view),
    });
  }
}

async function openModal(scene: SlackScene, form: Form) {
  if (!scene.triggerId) return;
  await scene.client.views.open({ trigger_id: scene.triggerId, view: modalFor(scene, form) });
}

/** The modal for a form, with the channel it was opened from kept beside the form's state. */
export function modalFor(scene: Pick<SlackScene, 'channelId' | 'cancelLabel'>, form: Form) {
  const wrapped = { ...form, state: JSON.stringify({ c: scene.channelId, s: form.state }) };
  return renderModal(wrapped, { cancelLabel: scene.cancelLabel });
}

export function unwrapModalState(privateMetadata: string): {
  channelId: string | null;
  state: string;
} {
  try {
    const parsed = JSON.parse(privateMetadata) as { c?: string | null; s?: string };
    return { channelId: parsed.c ?? null, state: parsed.s ?? '' };
  } catch {
    return { channelId: null, state: '' };
  }
}
