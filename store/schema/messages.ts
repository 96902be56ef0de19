import { bigint, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { platform } from './org.js';

/**
 * Where each message Tillit may change later was posted: boards posted in a channel under a
 * key (`swot:<id>`), and every message the outbox delivered (under its row's key). One key can
 * live on several platforms (a unit linked to Slack and Teams), once per channel. An outbox
 * `update` row is carried out at each place here; `appliedVersion` is the newest update shown
 * there, so an older one is never applied over a newer one, by any instance.
 */
export const postedMessages = pgTable(
  'posted_messages',
  {
    key: text().notNull(),
    platform: platform().notNull(),
    workspace: text().notNull().default(''),
    channelId: text().notNull(),
    messageId: text().notNull(),
    appliedVersion: bigint({ mode: 'number' }).notNull().default(0),
    postedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.platform, t.workspace, t.channelId] }),
    // Keys by prefix (a dialogue's private cards, `dialogue:<id>:private:`), whatever the collation.
    index('posted_messages_key_prefix_idx').on(t.key.op('text_pattern_ops')),
  ],
);
