import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { dialogues } from './dialogues.js';
import { people, units } from './org.js';
import { risks } from './risks.js';

export const selfCheckCadences = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type SelfCheckCadence = (typeof selfCheckCadences)[number];
export const selfCheckCadence = pgEnum('self_check_cadence', selfCheckCadences);

export const selfCheckOutcomes = ['ok', 'found', 'not-done'] as const;
export type SelfCheckOutcome = (typeof selfCheckOutcomes)[number];
export const selfCheckOutcome = pgEnum('self_check_outcome', selfCheckOutcomes);

/**
 * A recurring self-check (egenkontroll), usually decided in a risk dialogue: what to check,
 * who is responsible, how often. Occurrences fall on `starts_on` and every cadence after it.
 */
export const selfChecks = pgTable(
  'self_checks',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    text: text().notNull(),
    responsibleId: uuid()
      .notNull()
      .references(() => people.id),
    cadence: selfCheckCadence().notNull(),
    /** The first occurrence (local date); later ones follow by cadence, same day of month. */
    startsOn: date({ mode: 'string' }).notNull(),
    active: boolean().notNull().default(true),
    sourceRiskId: uuid().references(() => risks.id),
    sourceDialogueId: uuid().references(() => dialogues.id),
    createdBy: uuid()
      .notNull()
      .references(() => people.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('self_checks_unit_idx').on(t.unitId),
    index('self_checks_responsible_idx').on(t.responsibleId),
    uniqueIndex('self_checks_source_risk_uq')
      .on(t.sourceRiskId)
      .where(sql`${t.sourceRiskId} is not null`),
  ],
);

/**
 * One occurrence of a self-check: created (once, by the unique date) when the responsible is
 * asked, answered with done and nothing found, done and something found (a note), or not done.
 */
export const selfCheckOccurrences = pgTable(
  'self_check_occurrences',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    selfCheckId: uuid()
      .notNull()
      .references(() => selfChecks.id),
    /** The occurrence's date as planned (before moving off a weekend or holiday). */
    occursOn: date({ mode: 'string' }).notNull(),
    askedAt: timestamp({ withTimezone: true }).notNull(),
    outcome: selfCheckOutcome(),
    note: text(),
    answeredAt: timestamp({ withTimezone: true }),
    answeredBy: uuid().references(() => people.id),
  },
  (t) => [uniqueIndex('self_check_occurrences_uq').on(t.selfCheckId, t.occursOn)],
);
