import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { dialogues } from './dialogues.js';
import { people } from './org.js';

export const swotQuadrants = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
export type SwotQuadrant = (typeof swotQuadrants)[number];
export const swotQuadrant = pgEnum('swot_quadrant', swotQuadrants);

/**
 * One thing a participant named in a quadrant. A named item keeps its author (only so they can
 * edit or delete it; the author is never shown). An anonymous item keeps NO author: only the
 * SHA-256 of a random edit token that was handed to the author alone, in the buttons of the
 * private confirmation. The check makes it one or the other, never both.
 * A merged duplicate points at the item it was merged into and is no longer shown.
 */
export const swotItems = pgTable(
  'swot_items',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    dialogueId: uuid()
      .notNull()
      .references(() => dialogues.id),
    quadrant: swotQuadrant().notNull(),
    text: text().notNull(),
    authorId: uuid().references(() => people.id),
    editTokenHash: text(),
    mergedIntoId: uuid().references((): AnyPgColumn => swotItems.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('swot_items_dialogue_idx').on(t.dialogueId),
    check(
      'swot_items_author_or_token',
      sql`(${t.authorId} is null) <> (${t.editTokenHash} is null)`,
    ),
    check('swot_items_not_merged_into_self', sql`${t.mergedIntoId} <> ${t.id}`),
  ],
);

/**
 * How many dot votes a person has used in a dialogue. The limit is copied from the dialogue's
 * settings so the database itself refuses a vote past it, whatever the code does.
 */
export const swotBallots = pgTable(
  'swot_ballots',
  {
    dialogueId: uuid()
      .notNull()
      .references(() => dialogues.id),
    voterId: uuid()
      .notNull()
      .references(() => people.id),
    used: integer().notNull(),
    votesLimit: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dialogueId, t.voterId] }),
    check('swot_ballots_within_limit', sql`${t.used} >= 0 and ${t.used} <= ${t.votesLimit}`),
  ],
);

/** A person's dots on one item, at most the dialogue's per-item limit (copied, checked here). */
export const swotVotes = pgTable(
  'swot_votes',
  {
    itemId: uuid()
      .notNull()
      .references(() => swotItems.id),
    voterId: uuid()
      .notNull()
      .references(() => people.id),
    dialogueId: uuid()
      .notNull()
      .references(() => dialogues.id),
    dots: integer().notNull(),
    maxPerItem: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.voterId] }),
    index('swot_votes_dialogue_idx').on(t.dialogueId),
    check('swot_votes_within_limit', sql`${t.dots} >= 0 and ${t.dots} <= ${t.maxPerItem}`),
  ],
);
