import type { WebClient } from '@slack/web-api';
import type { FileToSend, Reply } from '../../dialogues/core/outcome.js';
import { type Catalogue, texts } from '../../dialogues/texts/catalogue.js';
import type { Form, View } from '../../dialogues/view.js';
import type { Database } from '../../store/database.js';
import { rememberPostedMessage } from '../../store/queries/posted-messages.js';
import type { Language } from '../../store/schema/index.js';
import type { RefreshMessages } from '../channel.js';
import type { Logger } from '../log.js';
import { platformWords } from '../platform-words.js';
import { renderBlocks, renderHomeView, renderModal } from './render-blocks.js';
import { EPHEMERAL_PLACE } from './slack-deliverer.js';
import { postJson } from './slack-transport.js';

/** Where a Slack request came from: what carrying out its replies needs. */
export interface SlackScene {
  client: WebClient;
  teamId: string;
  userId: string;
  channelId: string | null;
  triggerId?: string;
  /**
   * Tillit's own words around the replies (Cancel, "… and 3 more"): the default language until
   * the request is answered, then the language of the answer (`inLanguage`).
   */
  t: Catalogue;
  /** The private message acted on (a click in it, or a form opened from it): `replace` target. */
  source?: SlackSource | null;
}

/**
 * A message only this person sees: an ephemeral (replaced through its `response_url`, the only
 * way Slack offers) or a message in their DM with Tillit (replaced with chat.update).
 */
export type SlackSource =
  | { kind: 'ephemeral'; responseUrl: string }
  | { kind: 'dm'; channelId: string; ts: string };

/** The scene in the language the answer is in (the person's, or the one they just chose). */
export function inLanguage<S extends Pick<SlackScene, 't'>>(scene: S, lang: Language): S {
  return { ...scene, t: texts(lang) };
}

/** Blocks of a view for this scene: what does not fit is counted in the scene's language. */
const blocksFor = (scene: Pick<SlackScene, 't'>, view: View) =>
  renderBlocks(view, platformWords(scene.t));

export interface SlackReplyDeps {
  db: Database;
  /** Every platform's messages under a key (composition root): a unit may be on Teams too. */
  refresh: RefreshMessages;
  log?: Pick<Logger, 'warn'>;
}

/**
 * Carries out a use case's replies in Slack, in order. Form errors are the caller's (ack).
 * Shared messages a request changed (boards) are asked for first: their update is already
 * stored, asking does not wait for it, and everyone's board should not wait for this person's
 * own replies to reach Slack.
 */
export async function deliverSlackReplies(
  deps: SlackReplyDeps,
  scene: SlackScene,
  replies: Reply[],
): Promise<void> {
  for (const reply of replies) {
    if (reply.kind === 'update') await deps.refresh(reply.key, reply.view);
  }
  for (const reply of replies) {
    switch (reply.kind) {
      case 'private':
        await postPrivately(scene, reply.view);
        break;
      case 'channel':
        await postInChannel(deps, scene, reply.view, reply.key);
        break;
      case 'update':
        // Asked for above.
        break;
      case 'replace':
        await replaceSource(deps, scene, reply.view, reply.key);
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
          view: renderHomeView(reply.view, platformWords(scene.t)),
        });
        break;
      case 'file': {
        // The file first, so the message never says it was sent when the upload failed.
        const dm = await uploadToDm(scene, reply.file);
        const asked = dm === scene.channelId ? reply.view : saysWhere(reply.view, reply.file);
        await postPrivately(scene, asked);
        break;
      }
      default:
        reply satisfies never;
    }
  }
}

async function postPrivately(scene: SlackScene, view: View) {
  const message = { text: view.summary, blocks: blocksFor(scene, view) };
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

/** Past this a response_url is given up and the message sent anew (Slack answers in well under). */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/** The message acted on, replaced; if that fails (a response_url past its 30 minutes), anew. */
async function replaceSource(deps: SlackReplyDeps, scene: SlackScene, view: View, key?: string) {
  const source = scene.source;
  const message = { text: view.summary, blocks: blocksFor(scene, view) };
  try {
    if (source?.kind === 'ephemeral') {
      const payload = { ...message, replace_original: true };
      const { ok, status } = await postJson(source.responseUrl, payload, RESPONSE_URL_TIMEOUT_MS);
      if (ok) {
        if (key) await rememberEphemeral(deps, scene, key, source.responseUrl);
        return;
      }
      throw new Error(`response_url answered ${status}`);
    }
    if (source?.kind === 'dm') {
      await scene.client.chat.update({ ...message, channel: source.channelId, ts: source.ts });
      return;
    }
  } catch (error) {
    deps.log?.warn('slack message could not be replaced; sent anew', { error });
  }
  await postPrivately(scene, view);
}

/**
 * An ephemeral (a ballot) cannot be edited with chat.update; its latest `response_url` can
 * replace it, for 30 minutes and 5 times. Kept as where the keyed card is, so an outbox update
 * (its phase is over) replaces it while Slack still allows (slack-deliverer.ts).
 */
async function rememberEphemeral(
  deps: SlackReplyDeps,
  scene: SlackScene,
  key: string,
  responseUrl: string,
) {
  await rememberPostedMessage(deps.db, {
    key,
    platform: 'slack',
    workspace: scene.teamId,
    channelId: `${EPHEMERAL_PLACE}${scene.channelId ?? ''}:${scene.userId}`,
    messageId: responseUrl,
  });
}

/**
 * Without a public address there is no link to give: the file goes to the person's DM with
 * Tillit (files.uploadV2), the one place in Slack only they see; ephemeral files do not exist.
 */
async function uploadToDm(scene: SlackScene, file: FileToSend): Promise<string> {
  const inDm = scene.channelId?.startsWith('D') ? scene.channelId : null;
  const channelId =
    inDm ?? (await scene.client.conversations.open({ users: scene.userId })).channel?.id;
  if (!channelId) throw new Error('slack: no DM channel to upload the export to');
  await scene.client.files.uploadV2({
    channel_id: channelId,
    file: Buffer.from(file.body, 'utf8'),
    filename: file.name,
    title: file.name,
  });
  return channelId;
}

/** Asked for in a channel (or the App Home): the reply says the file is in their DM. */
const saysWhere = (view: View, file: FileToSend): View => ({
  summary: `${view.summary} ${file.sentToDm}`,
  blocks: [...view.blocks, { type: 'text', text: file.sentToDm }],
});

async function postInChannel(deps: SlackReplyDeps, scene: SlackScene, view: View, key?: string) {
  const channel = scene.channelId ?? scene.userId;
  const posted = await scene.client.chat.postMessage({
    channel,
    text: view.summary,
    blocks: blocksFor(scene, view),
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

async function openModal(scene: SlackScene, form: Form) {
  if (!scene.triggerId) return;
  await scene.client.views.open({ trigger_id: scene.triggerId, view: modalFor(scene, form) });
}

/** The modal for a form, with the channel it was opened from kept beside the form's state. */
export function modalFor(scene: Pick<SlackScene, 'channelId' | 't' | 'source'>, form: Form) {
  const carried = {
    c: scene.channelId,
    s: form.state,
    ...(scene.source ? { m: scene.source } : {}),
  };
  const wrapped = { ...form, state: JSON.stringify(carried) };
  return renderModal(wrapped, { cancelLabel: scene.t.common.cancel });
}

export function unwrapModalState(privateMetadata: string): {
  channelId: string | null;
  state: string;
  source: SlackSource | null;
} {
  try {
    const parsed = JSON.parse(privateMetadata) as {
      c?: string | null;
      s?: string;
      m?: SlackSource;
    };
    return { channelId: parsed.c ?? null, state: parsed.s ?? '', source: readSource(parsed.m) };
  } catch {
    return { channelId: null, state: '', source: null };
  }
}

/** A source read back from the modal's metadata, which Slack returns as the bot wrote it. */
function readSource(raw: SlackSource | undefined): SlackSource | null {
  if (raw?.kind === 'ephemeral' && typeof raw.responseUrl === 'string') return raw;
  if (raw?.kind === 'dm' && typeof raw.channelId === 'string' && typeof raw.ts === 'string')
    return raw;
  return null;
}

/**
 * The private message a click came from, from a block_actions payload: an ephemeral, or a
 * message in the person's DM with Tillit. A click in a shared message or a view has none.
 */
export function sourceOfClick(body: {
  container?: { type?: string; is_ephemeral?: boolean; message_ts?: string };
  channel?: { id?: string };
  response_url?: string;
}): SlackSource | null {
  const container = body.container;
  if (container?.type !== 'message') return null;
  if (container.is_ephemeral && body.response_url)
    return { kind: 'ephemeral', responseUrl: body.response_url };
  const channelId = body.channel?.id;
  if (channelId?.startsWith('D') && container.message_ts)
    return { kind: 'dm', channelId, ts: container.message_ts };
  return null;
}
