import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { people, units } from './org.js';

/** Postgres' word list type: drizzle has none of its own. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The seven guiding principles of trust-based governance (SOU 2018:47), in rotation order. */
export const reflectionPrinciples = [
  'trust',
  'citizen-focus',
  'holistic-view',
  'room-for-action',
  'support',
  'knowledge',
  'openness',
] as const;
export type ReflectionPrinciple = (typeof reflectionPrinciples)[number];
export const reflectionPrinciple = pgEnum('reflection_principle', reflectionPrinciples);

/** Hard limit of a reflection's free text, in characters (the form shows a counter). */
export const REFLECTION_TEXT_MAX = 500;

/**
 * One weekly reflection of one unit: the question everyone in the unit gets, and when it
 * opens, is reminded about and closes. Times are the round's own, fixed when it opens, so a
 * schedule changed meanwhile does not move a running round.
 */
export const reflectionRounds = pgTable(
  'reflection_rounds',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    /** The local calendar date it opened: its name ("week of …") and unique per unit. */
    roundDate: date({ mode: 'string' }).notNull(),
    principle: reflectionPrinciple().notNull(),
    /** Which question of the principle's bank (texts catalogue), modulo the bank's size. */
    questionIndex: integer().notNull(),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    remindAt: timestamp({ withTimezone: true }).notNull(),
    closesAt: timestamp({ withTimezone: true }).notNull(),
    /** Set by the tick that enqueued the reminders, so later ticks skip the round. */
    remindedAt: timestamp({ withTimezone: true }),
    /** Set at close, when the per-person rows are folded into the two counts below. */
    closedAt: timestamp({ withTimezone: true }),
    invitedCount: integer(),
    answeredCount: integer(),
  },
  (t) => [
    uniqueIndex('reflection_rounds_unit_date_uq').on(t.unitId, t.roundDate),
    index('reflection_rounds_open_idx').on(t.closesAt).where(sql`${t.closedAt} is null`),
  ],
);

/**
 * Who was asked in a round: the denominator of the response rate and the reminder list. Only
 * round and person, no time: being asked says nothing about what anyone answered.
 */
export const reflectionInvitations = pgTable(
  'reflection_invitations',
  {
    roundId: uuid()
      .notNull()
      .references(() => reflectionRounds.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.personId] }),
    index('reflection_invitations_person_idx').on(t.personId),
  ],
);

/**
 * Who answered in a round (for reminders, "you have answered" and the response rate) — and
 * nothing about what. Deliberately no timestamp and no sequence: a time here could be matched
 * against anything else that carries one.
 */
export const reflectionParticipation = pgTable(
  'reflection_participation',
  {
    roundId: uuid()
      .notNull()
      .references(() => reflectionRounds.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
  },
  // Every look-up names the round (who answered in it, has this person answered): the key
  // serves them all, and no index more is written per answer.
  (t) => [primaryKey({ columns: [t.roundId, t.personId] })],
);

/**
 * What was said, unlinkable to who said it. The table has no person column, no foreign key
 * to people, no timestamp (the round's date is the finest time), no serial or identity
 * column, and a random id (gen_random_uuid, UUID v4). Answers are never read in insertion
 * order: every query that lists them orders by random() (the others only aggregate).
 * test/reflection-unlinkable.test.ts checks the schema for all of this.
 *
 * What the schema alone cannot hide, said honestly: an answer and its participation row are
 * written in one transaction (so an acknowledged answer is never lost and nobody answers
 * twice), which gives both rows the same system column `xmin`; both tables grow in insertion
 * order, so physical position (`ctid`) can correlate; and the write-ahead log (and a backup
 * taken meanwhile) holds both rows of that transaction together. Someone with raw access to
 * the database server could match them while the round is open. The mitigation: when a round
 * closes, its per-person rows (participation and invitations) are folded into two counts on
 * the round and deleted, its answers are written anew in random order (new ids, one xmin,
 * a random place) and the side records naming a person and the round are deleted; then the
 * tables are vacuumed (store/queries/reflection-round-forget.ts). Once the WAL has been
 * recycled, nothing is left to match against (test/reflection-dba.test.ts). The application never selects xmin or ctid, and nobody
 * in chat (managers, leaders, admins) reaches raw SQL. A random-delay write batch was
 * considered and left out: it would put acknowledged answers at risk and still leave the
 * WAL, while the fold at close removes the correlation for good. (The chat platform itself
 * sees who submitted the form; the promise is about what Tillit keeps.)
 */
export const reflectionAnswers = pgTable(
  'reflection_answers',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    roundId: uuid()
      .notNull()
      .references(() => reflectionRounds.id),
    /**
     * The round's unit, copied from the round row by the statement that stores the answer (and
     * by the reshuffle at close), never from input. No foreign key of its own: the round's
     * key already ties it to an existing unit, and a second check would key-share lock the
     * unit's row at every answer, a row every answer of the unit contends for.
     */
    unitId: uuid().notNull(),
    principle: reflectionPrinciple().notNull(),
    /** 1–5, optional. */
    rating: smallint(),
    /** Optional; set to null by the retention purge, while the rating stays. */
    text: text(),
    /**
     * The text's words (Postgres' `simple` splitter: lower case, each word once), worked out
     * once when the answer is stored rather than at every summary, for the recurring themes.
     * Generated from the text, so the purge that clears the text clears these too.
     */
    textWords: tsvector().generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, text)`),
  },
  (t) => [
    index('reflection_answers_round_idx').on(t.roundId),
    // The retention purge finds what it still has to delete without reading every answer.
    index('reflection_answers_text_idx').on(t.roundId).where(sql`${t.text} is not null`),
    check('reflection_answers_rating_range', sql`${t.rating} between 1 and 5`),
    check(
      'reflection_answers_text_length',
      sql`char_length(${t.text}) <= ${sql.raw(String(REFLECTION_TEXT_MAX))}`,
    ),
  ],
);
