import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Keys of inbound deliveries already handled (Slack event ids, Teams activity ids), so a
 * retried delivery changes nothing twice. Inserting the key is the claim.
 */
export const handledDeliveries = pgTable('handled_deliveries', {
  key: text().primaryKey(),
  handledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
