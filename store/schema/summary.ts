import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reflectionPrinciple, reflectionRounds } from './reflection.js';

/**
 * `svg`: a summary picture as drawn (dialogues/ draws SVG; bot/ rasterises it to the PNG it
 * serves at /images/summary/<token>.png). `png`: pictures stored before that, still served.
 */
export const summaryFileKinds = ['png', 'csv', 'md', 'svg'] as const;
export type SummaryFileKind = (typeof summaryFileKinds)[number];
export const summaryFileKind = pgEnum('summary_file_kind', summaryFileKinds);

/**
 * A summary's picture or export, served by the HTTP server at an address that holds the
 * random token (GET /images/summary/<token>.png, /exports/summary/<token>.csv|md): chat
 * platforms fetch images without a login, so the unguessable token is the key, handed only to
 * the person who asked, and the row goes when it expires. Counts only: no reflection text.
 * Stored in the database, not in memory, so any instance behind the load balancer can serve it.
 */
export const summaryFiles = pgTable(
  'summary_files',
  {
    token: uuid().primaryKey().default(sql`gen_random_uuid()`),
    kind: summaryFileKind().notNull(),
    /** The download's file name, e.g. `sammanstallning-ifo-T2-2026.csv`. */
    name: text().notNull(),
    /**
     * The file's bytes in base64: text columns are not byte-exact on every driver (PGlite's
     * decoder drops the byte order mark Excel needs), and bytea comes back differently on each.
     */
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('summary_files_expires_idx').on(t.expiresAt)],
);

/**
 * What a closed reflection round added up to, kept by the summary feature so summaries over
 * years of rounds do not re-read every answer: counts and a sum only — no person, no answer
 * id, no time finer than the round's date — for a round whose answers can no longer change
 * (answers are refused once it closes). Written by the summary statement itself the first
 * time it meets a closed round (store/queries/summary-reflection.ts); open rounds are always
 * counted live. Read by unit and date range, so a summary over hundreds of units and two
 * years of weeks reads a few thousand small index entries, not a million answers. Nothing
 * about texts: the recurring words are counted from the answers themselves.
 */
export const summaryRoundTotals = pgTable(
  'summary_round_totals',
  {
    roundId: uuid()
      .primaryKey()
      .references(() => reflectionRounds.id),
    unitId: uuid().notNull(),
    roundDate: date({ mode: 'string' }).notNull(),
    principle: reflectionPrinciple().notNull(),
    invited: integer().notNull(),
    answered: integer().notNull(),
    ratings: integer().notNull(),
    ratingSum: integer().notNull(),
  },
  (t) => [
    // Every column a summary reads is in the key, so it reads the index alone (index-only
    // scans), one range per unit and period: rows of one unit lie scattered in the table.
    index('summary_round_totals_unit_date_idx').on(
      t.unitId,
      t.roundDate,
      t.principle,
      t.invited,
      t.answered,
      t.ratings,
      t.ratingSum,
    ),
  ],
);
