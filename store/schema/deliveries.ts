import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Keys of inbound deliveries already handled (Slack event ids, Teams activity ids, submitted
 * Slack views), so a retried delivery changes nothing twice. Inserting the key is the claim.
 * Rows live a few days: a daily purge forgets them once no platform retries any more.
 */
export const handledDeliveries = pgTable(
  'handled_deliveries',
  {
    key: text().primaryKey(),
    handledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('handled_deliveries_handled_at_idx').on(table.handledAt)],
);
