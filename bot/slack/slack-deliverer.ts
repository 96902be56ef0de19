import { webApi } from '@slack/bolt';
import type { KnownBlock, WebClient } from '@slack/web-api';
import { texts } from '../../dialogues/texts/catalogue.js';
import type { BucketRate } from '../../store/queries/rate-buckets.js';
import {
  type Delivered,
  type Deliverer,
  type Delivery,
  DeliveryError,
} from '../outbox/deliverer.js';
import { platformWords } from '../platform-words.js';
import { renderBlocks } from './render-blocks.js';
import { postJson, slackTransport } from './slack-transport.js';

// Bolt's own WebClient (a transitive dependency, reached through Bolt).
const { WebClient: SlackWebClient, ErrorCode } = webApi;

/**
 * The channel id, in posted_messages, of an ephemeral kept by its `response_url` (the message
 * id): `ephemeral:<channel>:<user>`. Ephemerals cannot be edited with chat.update.
 */
export const EPHEMERAL_PLACE = 'ephemeral:';

/** The metadata event type that marks a message as an outbox delivery (payload: its key). */
export const OUTBOX_EVENT_TYPE = 'tillit_outbox';

/**
 * Slack's documented pace for chat.postMessage is about one message a second per channel; a
 * workspace-wide ceiling exists but is not published, so the budget is configurable
 * (SLACK_SEND_RATE) and a 429 pauses everything until its Retry-After anyway. After a quiet
 * spell, half a second's worth may go at once.
 */
export const slackRate = (perSecond: number): BucketRate => ({
  perSecond,
  burst: Math.max(1, Math.floor(perSecond / 2)),
});

export const DEFAULT_SLACK_RATE: BucketRate = slackRate(20);

/** A hung call is abandoned after this; the sender's lease outlasts it several times over. */
const DEFAULT_TIMEOUT_MS = 10_000;
/** Slack's clock and ours may differ a little; look this much further back for a lost message. */
const HISTORY_SLACK_MS = 5 * 60_000;

/** Refusals that sending again cannot cure: the row fails at once with the code as reason. */
const PERMANENT_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'cannot_dm_bot',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'no_text',
  'too_many_attachments',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_non_threadable_channel',
  'ekm_access_denied',
  // chat.update: the message is gone or can no longer be edited.
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
]);

export interface SlackDelivererOptions {
  botToken: string;
  /** SLACK_API_URL (tests point it at a fake). */
  apiUrl?: string;
  rate?: BucketRate;
  timeoutMs?: number;
}

/**
 * Takes outbox rows out to Slack. Its own WebClient answers a 429 with an error instead of
 * retrying inside the call (which would hold a worker and hide the pause from the other
 * instances): the sender pauses the workspace's bucket for everyone until Retry-After.
 */
export function createSlackDeliverer(options: SlackDelivererOptions): Deliverer {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client: WebClient = new SlackWebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    // Failures reach the sender as errors and are logged there, with the row's key.
    logLevel: webApi.LogLevel.ERROR,
    retryConfig: { retries: 0 },
    timeout: timeoutMs,
    fetch: slackTransport,
  });

  return {
    platform: 'slack',
    rate: options.rate ?? DEFAULT_SLACK_RATE,
    timeoutMs,
    bucketOf: (route) => `slack:${route.workspace}`,
    async deliver({ row, route, view }) {
      const posted = await call(() =>
        client.chat.postMessage({
          channel: route.address,
          text: view.summary,
          blocks: renderBlocks(view, platformWords(texts(route.lang))),
          metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: row.key } },
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      if (!posted.ts)
        throw new DeliveryError({ kind: 'transient', mayHaveDelivered: true }, 'no_ts');
      return { messageId: posted.ts, channelId: posted.channel ?? route.address };
    },
    findAlreadySent: (delivery) => call(() => findByKey(client, delivery)),
    async update({ route, messageId, view }) {
      if (route.address.startsWith(EPHEMERAL_PLACE)) {
        return replaceEphemeral(
          messageId,
          renderBlocks(view, platformWords(texts(route.lang))),
          view.summary,
          responseHosts(options.apiUrl),
          timeoutMs,
        );
      }
      await call(() =>
        client.chat.update({
          channel: route.address,
          ts: messageId,
          text: view.summary,
          blocks: renderBlocks(view, platformWords(texts(route.lang))),
        }),
      );
    },
  };
}

/** Where a stored response_url may point: Slack's hooks, or the fake Slack API of a test. */
function responseHosts(apiUrl: string | undefined): string[] {
  return ['https://hooks.slack.com/', ...(apiUrl ? [`${new URL(apiUrl).origin}/`] : [])];
}

/**
 * Replaces an ephemeral through its response_url. Slack honours one for 30 minutes and 5 uses;
 * past that it refuses, and nothing else can change the message: the update is given up.
 */
async function replaceEphemeral(
  responseUrl: string,
  blocks: KnownBlock[],
  summary: string,
  hosts: readonly string[],
  timeoutMs: number,
): Promise<void> {
  if (!hosts.some((host) => responseUrl.startsWith(host))) {
    throw new DeliveryError({ kind: 'permanent' }, 'response_url_not_slack');
  }
  let answer: { ok: boolean; status: number };
  try {
    answer = await postJson(
      responseUrl,
      { text: summary, blocks, replace_original: true },
      timeoutMs,
    );
  } catch {
    throw new DeliveryError({ kind: 'transient', mayHaveDelivered: true }, 'request_error');
  }
  if (answer.ok) return;
  const { status } = answer;
  if (status === 429) {
    throw new DeliveryError({ kind: 'rate-limited', retryAfterMs: 1000 }, 'ratelimited');
  }
  const permanent = status === 404 || status === 410 || status === 400;
  throw new DeliveryError(
    permanent ? { kind: 'permanent' } : { kind: 'transient', mayHaveDelivered: false },
    `response_url_${status}`,
  );
}

/**
 * Looks through the conversation's history since shortly before the row's first attempt for a
 * message carrying the row's key in its metadata.
 */
async function findByKey(client: WebClient, { row, route }: Delivery): Promise<Delivered | null> {
  const channel = route.direct ? await directChannel(client, route.address) : route.address;
  const since = (row.firstAttemptAt ?? row.createdAt).getTime() - HISTORY_SLACK_MS;
  let cursor: string | undefined;
  do {
    const page = await client.conversations.history({
      channel,
      oldest: (since / 1000).toFixed(6),
      include_all_metadata: true,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    const found = page.messages?.find(
      (m) =>
        m.metadata?.event_type === OUTBOX_EVENT_TYPE &&
        (m.metadata.event_payload as { key?: unknown } | undefined)?.key === row.key,
    );
    if (found?.ts) return { messageId: found.ts, channelId: channel };
    cursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
  } while (cursor);
  return null;
}

async function directChannel(client: WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (!id) throw new DeliveryError({ kind: 'transient', mayHaveDelivered: false }, 'no_dm_channel');
  return id;
}

/** Runs a Web API call and turns its failure into the sender's terms. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw asDeliveryError(error);
  }
}

function asDeliveryError(error: unknown): unknown {
  if (error instanceof DeliveryError) return error;
  const coded = error as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
  };
  switch (coded.code) {
    case ErrorCode.RateLimitedError:
      return new DeliveryError(
        { kind: 'rate-limited', retryAfterMs: Math.max(1, coded.retryAfter ?? 1) * 1000 },
        'ratelimited',
      );
    case ErrorCode.PlatformError: {
      const reason = coded.data?.error ?? 'unknown_error';
      if (reason === 'ratelimited') {
        return new DeliveryError({ kind: 'rate-limited', retryAfterMs: 1000 }, reason);
      }
      if (PERMANENT_ERRORS.has(reason)) return new DeliveryError({ kind: 'permanent' }, reason);
      // Slack answered and refused; the refusal (internal_error, invalid_auth…) may pass.
      return new DeliveryError({ kind: 'transient', mayHaveDelivered: false }, reason);
    }
    case ErrorCode.HTTPError:
      return new DeliveryError(
        { kind: 'transient', mayHaveDelivered: true },
        `http_${coded.statusCode ?? 'error'}`,
      );
    case ErrorCode.RequestError:
      // Refused connection, reset or timeout: the request may or may not have arrived.
      return new DeliveryError({ kind: 'transient', mayHaveDelivered: true }, 'request_error');
    default:
      return error;
  }
}
