import { sql } from 'drizzle-orm';
import { bigint, boolean, check, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * How far the local channel's time travel has moved Tillit's clock, so a restart does not send
 * it back to the real date (messages dated 4 Dec after ones dated 15 Dec). One row at most;
 * read only where time travel is allowed (the demo, or TIME_TRAVEL=on).
 */
export const localClock = pgTable(
  'local_clock',
  {
    only: boolean().primaryKey().default(true),
    offsetMs: bigint({ mode: 'number' }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('local_clock_one_row', sql`${t.only}`)],
);
