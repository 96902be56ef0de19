import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from './org.js';

/**
 * A neutral view (dialogues/view.ts `View`) as the store keeps it: store/ may not import
 * dialogues/, so it holds the shape it needs and the local channel reads it back as a View.
 */
export interface LocalStoredView {
  summary: string;
  blocks: readonly unknown[];
}

/**
 * What the local browser channel shows, so the page can poll for it and every viewer of a
 * channel sees the same messages. A row is one of:
 * - a channel message: `channelId` set, `personId` null (seen by everyone in that channel);
 * - a private message in a channel: both set (seen only by that person, like a Slack ephemeral);
 * - an inbox message: `channelId` null, `personId` set (prompts, nudges, direct messages).
 */
export const localMessages = pgTable(
  'local_messages',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    /** Order of posting: several replies of one request share an instant. */
    seq: integer().generatedAlwaysAsIdentity(),
    /** The local channel id (the unit key in the demo organisation). */
    channelId: text(),
    /** Who alone sees it (private reply, inbox); null for everyone in the channel. */
    personId: uuid().references(() => people.id),
    /** Who typed it (the echo of a command); null for Tillit's own messages. */
    authorId: uuid().references(() => people.id),
    /** Later `update` replies with this key replace the view in place. */
    key: text(),
    view: jsonb().$type<LocalStoredView>().notNull(),
    /** Bumped by every update, so a polling page sees what changed. */
    version: integer().notNull().default(1),
    /** Tillit's clock at posting (it moves with the local channel's time travel). */
    postedAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('local_messages_channel_idx').on(t.channelId, t.seq),
    index('local_messages_person_idx').on(t.personId, t.seq),
    index('local_messages_key_idx').on(t.key).where(sql`${t.key} is not null`),
    check('local_messages_has_place', sql`${t.channelId} is not null or ${t.personId} is not null`),
  ],
);
