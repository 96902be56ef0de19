import type { ConversationReference } from 'botbuilder';
import { texts } from '../../dialogues/texts/catalogue.js';
import type { Database } from '../../store/database.js';
import type { BucketRate } from '../../store/queries/rate-buckets.js';
import { findTeamsSend, markTeamsSend } from '../../store/queries/teams-conversations.js';
import type { TeamsConfig } from '../config.js';
import {
  type Delivered,
  type Deliverer,
  type Delivery,
  DeliveryError,
} from '../outbox/deliverer.js';
import { platformWords } from '../platform-words.js';
import { renderCard } from './render-card.js';
import { ServiceUrlRefused, serviceUrlAllowed } from './service-url.js';
import { createTeamsAdapter } from './teams-adapter.js';
import { createTeamsConnector, type TeamsConnector } from './teams-connector.js';
import { connectorFailure, NEVER_SENT_CODES } from './teams-errors.js';
import { cardActivity } from './teams-replies.js';

/**
 * Teams allows about 50 requests a second per app per tenant; the outbox takes 30 of them, so
 * replies to people (which spend from the same allowance) keep room. Per conversation Teams
 * allows about 7 a second and 60 in 30 s: the outbox claims one message per target a second
 * (store/queries/outbox.ts), well inside both. A 429 pauses the tenant's bucket for every
 * instance until its Retry-After.
 */
export const DEFAULT_TEAMS_RATE: BucketRate = { perSecond: 30, burst: 15 };

/** When Teams says 429 without a Retry-After: wait this long before the bucket opens again. */
const DEFAULT_RETRY_AFTER_MS = 2_000;
const DEFAULT_TIMEOUT_MS = 15_000;

export interface TeamsDelivererOptions {
  config: TeamsConfig;
  db: Database;
  rate?: BucketRate;
  timeoutMs?: number;
  /** Tests hand in the channel's connector; otherwise one is made from the config. */
  connector?: TeamsConnector;
  /** False: only updates cards (emulator mode, where nothing goes out on Tillit's own). */
  postsOwnMessages?: boolean;
}

/**
 * Takes outbox rows out to Teams with stored conversation references: a person's row goes to
 * their 1:1 chat with Tillit (created with their AAD object id and tenant when there is none
 * yet), a channel row to the channel as a new post.
 *
 * The Bot Connector cannot be searched for a message already sent, so each send is recorded
 * before the request and after its answer (`teams_sends`). A row in doubt whose send is
 * recorded as sent is reconciled with it; one whose request left without an answer is failed
 * visibly rather than risk sending it twice.
 */
export function createTeamsDeliverer(options: TeamsDelivererOptions): Deliverer {
  const { db } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const appId = options.config.mode === 'bot-framework' ? options.config.appId : '';
  const connector =
    options.connector ??
    createTeamsConnector({
      adapter: createTeamsAdapter(options.config),
      appId,
      db,
      serviceUrlAllowed: (url) => serviceUrlAllowed(options.config, url),
    });

  async function referenceOf({ route }: Delivery): Promise<Partial<ConversationReference>> {
    const reference = route.direct
      ? await connector.personalReference({
          aadObjectId: route.address.toLowerCase(),
          tenantId: route.workspace,
        })
      : await connector.channelReference(route.address);
    if (!reference?.conversation?.id) {
      // Tillit was never installed where this person or channel is: sending again cannot help.
      throw new DeliveryError({ kind: 'permanent' }, 'teams_no_conversation_reference');
    }
    return reference;
  }

  return {
    platform: 'teams',
    postsOwnMessages: options.postsOwnMessages ?? true,
    rate: options.rate ?? DEFAULT_TEAMS_RATE,
    timeoutMs,
    bucketOf: (route) => `teams:${route.workspace}`,
    async deliver(delivery) {
      const { row, view, route } = delivery;
      const reference = await call(() => referenceOf(delivery));
      const conversationId = reference.conversation!.id;
      const activity = cardActivity(
        renderCard(view, platformWords(texts(route.lang))),
        view.summary,
      );
      await markTeamsSend(db, { key: row.key, state: 'sending', conversationId });
      try {
        const activityId = await withTimeout(
          connector.send(reference, activity, { retry: false }),
          timeoutMs,
        );
        await markTeamsSend(db, { key: row.key, state: 'sent', conversationId, activityId });
        return { messageId: activityId, channelId: conversationId };
      } catch (error) {
        const failure = asDeliveryError(error);
        if (failure instanceof DeliveryError && !mayHaveArrived(failure)) {
          await markTeamsSend(db, { key: row.key, state: 'not-sent', conversationId });
        }
        throw failure;
      }
    },
    async findAlreadySent({ row }): Promise<Delivered | null> {
      const send = await findTeamsSend(db, { key: row.key });
      if (!send || send.state === 'not-sent') return null;
      if (send.state === 'sent') {
        return { messageId: send.activityId ?? '', channelId: send.conversationId ?? '' };
      }
      throw new DeliveryError({ kind: 'permanent' }, 'teams_send_unverifiable');
    },
    async update({ route, messageId, view }) {
      const reference = await call(() => connector.referenceFor(route.address));
      if (!reference)
        throw new DeliveryError({ kind: 'permanent' }, 'teams_no_conversation_reference');
      // A card everyone in the conversation may see: the deployment's language for its own
      // words (the route's, as the sender sets it for updates).
      const activity = cardActivity(
        renderCard(view, platformWords(texts(route.lang))),
        view.summary,
      );
      await call(() => withTimeout(connector.update(reference, messageId, activity), timeoutMs));
    },
  };
}

function mayHaveArrived(error: DeliveryError): boolean {
  const { failure } = error;
  return failure.kind === 'transient' && failure.mayHaveDelivered;
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw asDeliveryError(error);
  }
}

/** A connector failure in the sender's terms. */
function asDeliveryError(error: unknown): unknown {
  if (error instanceof DeliveryError) return error;
  if (error instanceof ServiceUrlRefused) {
    // A stored reference that points elsewhere than the Bot Connector: never called, never will be.
    return new DeliveryError({ kind: 'permanent' }, error.message);
  }
  if ((error as Error)?.name === 'TeamsTimeout') {
    return new DeliveryError({ kind: 'transient', mayHaveDelivered: true }, 'timeout');
  }
  const { status, retryAfterMs, code } = connectorFailure(error);
  if (status === 429) {
    return new DeliveryError(
      { kind: 'rate-limited', retryAfterMs: retryAfterMs ?? DEFAULT_RETRY_AFTER_MS },
      'http_429',
    );
  }
  if (status === 400 || status === 401 || status === 403 || status === 404 || status === 413) {
    // Bad card, no permission, bot removed or conversation gone: a retry gets the same answer.
    return new DeliveryError({ kind: 'permanent' }, `http_${status}`);
  }
  if (status !== null) {
    // 412 and 503: refused before anything was posted; 500, 502, 504 may have posted.
    const refused = status === 412 || status === 503;
    return new DeliveryError({ kind: 'transient', mayHaveDelivered: !refused }, `http_${status}`);
  }
  if (code && NEVER_SENT_CODES.has(code)) {
    return new DeliveryError({ kind: 'transient', mayHaveDelivered: false }, code.toLowerCase());
  }
  if (code)
    return new DeliveryError({ kind: 'transient', mayHaveDelivered: true }, code.toLowerCase());
  return error;
}

/** A hung request is abandoned; it may still arrive, so it counts as may-have-delivered. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`teams send took over ${ms} ms`);
      error.name = 'TeamsTimeout';
      reject(error);
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
