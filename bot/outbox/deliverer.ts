import type { View } from '../../dialogues/view.js';
import type { OutboxRow } from '../../store/queries/outbox.js';
import type { BucketRate } from '../../store/queries/rate-buckets.js';
import type { Language, Platform } from '../../store/schema/index.js';

/** Where one outbox row goes on its platform, decided by the sender before delivery. */
export interface Route {
  platform: Platform;
  workspace: string;
  /** Slack: a user id (the bot's DM with them) or a channel id; Teams: a conversation id. */
  address: string;
  /** A person's direct messages rather than a shared channel. */
  direct: boolean;
  /**
   * The language of the platform's own words around the view ("… and 3 more"): the person's
   * choice for a direct message, else the deployment's default.
   */
  lang: Language;
}

export interface Delivery {
  row: OutboxRow;
  route: Route;
  view: View;
}

/** An update row carried out at one place its message was posted. */
export interface UpdateDelivery {
  row: OutboxRow;
  /** The conversation the message is in (`direct` false: it is addressed as posted). */
  route: Route;
  /** The platform's id of the message (Slack `ts`, Teams activity id, local message id). */
  messageId: string;
  view: View;
}

export interface Delivered {
  /** The platform's id of the message (Slack `ts`, Teams activity id). */
  messageId: string;
  /** The conversation it landed in (for a Slack DM: the `D…` channel). */
  channelId: string;
}

/**
 * The port every platform implements to take outbox rows out: Slack, Teams and the local
 * browser channel, each in its channel's folder (bot/slack, bot/teams, bot/local). The sender
 * owns claiming, pacing, retries and bookkeeping; a deliverer only talks to its platform.
 */
export interface Deliverer {
  platform: Platform;
  /** The shared budget a route spends from: one bucket per workspace (tenant, …). */
  bucketOf(route: Route): string;
  /** That budget: the sender takes one token per message, shared by all instances. */
  rate: BucketRate;
  /**
   * The longest one platform call may take before it is abandoned; the sender's lease covers
   * it several times over. Default 10 s.
   */
  timeoutMs?: number;
  /** Sends the message, marked so `findAlreadySent` can recognise it by the row's key. */
  deliver(delivery: Delivery): Promise<Delivered>;
  /**
   * Looks for the message an earlier attempt of this row may have sent (the sender died or
   * timed out after sending): a row in doubt is looked for first, never blindly sent again.
   */
  findAlreadySent(delivery: Delivery): Promise<Delivered | null>;
  /**
   * Puts a new view into a message posted earlier (Slack chat.update, Teams updateActivity,
   * the local page's stored message). Showing the same view twice does no harm, so an update
   * in doubt is simply carried out again; the sender applies only versions newer than the
   * place shows (posted_messages.applied_version).
   */
  update(delivery: UpdateDelivery): Promise<void>;
  /**
   * False where this platform may only update messages it posted in answer to people, not send
   * new ones on its own (Teams in emulator mode, without an app id). Default true.
   */
  postsOwnMessages?: boolean;
}

export type DeliveryFailure =
  /** The platform said "too many": wait `retryAfterMs`, with the whole bucket. */
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** Sending again cannot help (unknown channel, invalid blocks): give up visibly. */
  | { kind: 'permanent' }
  /** Might work later (network, 5xx); `mayHaveDelivered` when the request may have arrived. */
  | { kind: 'transient'; mayHaveDelivered: boolean };

/** What a deliverer throws when the platform refuses or cannot be reached. */
export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    /** An error code (`channel_not_found`, `http_503`), never message text. */
    readonly reason: string,
  ) {
    super(`delivery failed: ${reason}`);
    this.name = 'DeliveryError';
  }
}
