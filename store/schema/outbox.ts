import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { people, platform } from './org.js';

export const outboxStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
export const outboxStatus = pgEnum('outbox_status', outboxStatuses);

/**
 * `post`: a new message to a person or a channel. `update`: a new view for a message posted
 * earlier (a board, a notice), wherever posted_messages says it is; one row per message key
 * (`update:<key>`), which a newer view replaces while it waits (the newest version wins).
 */
export const outboxKinds = ['post', 'update'] as const;
export type OutboxKind = (typeof outboxKinds)[number];
export const outboxKind = pgEnum('outbox_kind', outboxKinds);

/**
 * Versions of update rows, one sequence for all instances. A version is taken in the
 * transaction that wrote the change the view shows (and, for a dialogue board, after the
 * board's lock), so a view that saw another's change always has the higher version.
 */
export const outboxUpdateVersion = pgSequence('outbox_update_version');

/**
 * The neutral view (dialogues/view.ts `View`) as the store sees it: store/ may not import
 * dialogues/, so it keeps the shape it needs and the sender reads it back as a View.
 */
export interface StoredView {
  summary: string;
  blocks: readonly unknown[];
}

/**
 * Messages Tillit sends on its own initiative (reflection prompts, reminders, nudges). A use
 * case writes a row in the same transaction as the change that caused it; the sender in bot/
 * delivers it. The unique key makes enqueueing idempotent; the lease lets several instances
 * share the work without two of them delivering one row.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    /** Idempotency key, e.g. `reflection-prompt:<round>:<person>`. */
    key: text().notNull(),
    kind: outboxKind().notNull().default('post'),
    /** An update's version (outbox_update_version); 0 for a post. */
    version: bigint({ mode: 'number' }).notNull().default(0),
    /**
     * A post goes to a person (reached on their preferred platform) or else a channel: exactly
     * one. An update names neither: it goes wherever its message was posted.
     */
    personId: uuid().references(() => people.id),
    platform: platform(),
    workspace: text(),
    channelId: text(),
    /** `person:<id>` or `<platform>:<workspace>:<channel>`: rows to one place are paced together. */
    targetKey: text().notNull(),
    view: jsonb().$type<StoredView>().notNull(),
    /**
     * A post that may be changed later (a notice whose buttons give way once its action is
     * settled): where it went is kept in posted_messages for updates. Others' addresses go with
     * the outbox's content, after a week.
     */
    updatable: boolean().notNull().default(false),
    status: outboxStatus().notNull().default('queued'),
    /** Not delivered before this instant (a scheduled prompt, a retry's backoff). */
    notBefore: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Claims so far; a retry after a failure counts, a rate-limit postponement does not. */
    attempts: integer().notNull().default(0),
    leaseOwner: text(),
    leaseUntil: timestamp({ withTimezone: true }),
    firstAttemptAt: timestamp({ withTimezone: true }),
    lastAttemptAt: timestamp({ withTimezone: true }),
    /**
     * An earlier attempt may have reached the platform without Tillit learning so (the sender
     * died, or the request timed out): look for the message before sending again.
     */
    inDoubt: boolean().notNull().default(false),
    /** Where it went: the platform, workspace and channel the message was posted in. */
    sentPlatform: platform(),
    sentWorkspace: text(),
    sentChannelId: text(),
    messageId: text(),
    sentAt: timestamp({ withTimezone: true }),
    /** Why the last attempt failed (an error code, never message text); final when failed. */
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbox_key_uq').on(t.key),
    index('outbox_queued_idx').on(t.notBefore).where(sql`${t.status} = 'queued'`),
    index('outbox_sending_idx').on(t.leaseUntil).where(sql`${t.status} = 'sending'`),
    index('outbox_target_idx').on(t.targetKey, t.lastAttemptAt),
    check(
      'outbox_one_target',
      sql`(${t.kind} = 'update' and ${t.personId} is null and ${t.channelId} is null) or (${t.kind} = 'post' and (${t.personId} is not null) <> (${t.channelId} is not null and ${t.platform} is not null and ${t.workspace} is not null))`,
    ),
  ],
);

/**
 * Shared send budgets (one per Slack workspace, …), so every instance spends from the same
 * budget and a 429's Retry-After pauses all of them. A budget is a schedule of send slots
 * (the generic cell rate algorithm): `next_free_at` is when the next unreserved slot starts.
 * Rate and burst are the caller's (configuration); the row keeps only the state.
 */
export const rateBuckets = pgTable('rate_buckets', {
  key: text().primaryKey(),
  nextFreeAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  pausedUntil: timestamp({ withTimezone: true }),
});
