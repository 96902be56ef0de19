import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { platform } from './org.js';

/**
 * Messages posted under a key (`swot:<id>`) so a later change updates them in place. One key
 * can live on several platforms (a unit linked to Slack and Teams), once per channel.
 */
export const postedMessages = pgTable(
  'posted_messages',
  {
    key: text().notNull(),
    platform: platform().notNull(),
    workspace: text().notNull().default(''),
    channelId: text().notNull(),
    messageId: text().notNull(),
    postedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.platform, t.workspace, t.channelId] })],
);
