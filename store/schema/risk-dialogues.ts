import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { dialogues } from './dialogues.js';
import { people, units } from './org.js';
import { risks } from './risks.js';

/**
 * Upper bounds of the low, medium and high levels (above the last: very high), e.g. [3, 6, 9]:
 * 1–3 low, 4–6 medium, 8–9 high, 12–16 very high.
 */
export type RiskLevelBounds = [number, number, number];

/** What a closed risk dialogue leaves for summaries (counts only: no descriptions, no names). */
export interface StoredRiskSummary {
  risks: number;
  byLevel: Record<string, number>;
  byProcess: Record<string, number>;
  byHandling: Record<string, number>;
  /** Risks per cell, probability 4 → 1 down, consequence 1 → 4 across. */
  matrix: number[][];
  actions: number;
  selfChecks: number;
  escalated: number;
  carriedIn: number;
}

/** The risk-dialogue side of a dialogue: its period (a year) and its level table. */
export const riskDialogues = pgTable(
  'risk_dialogues',
  {
    dialogueId: uuid()
      .primaryKey()
      .references(() => dialogues.id),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    year: integer().notNull(),
    levels: jsonb().$type<RiskLevelBounds>().notNull(),
    summary: jsonb().$type<StoredRiskSummary>(),
  },
  (t) => [index('risk_dialogues_unit_year_idx').on(t.unitId, t.year)],
);

/** One participant's estimate of one risk; the facilitator agrees on the risk's own values. */
export const riskEstimates = pgTable(
  'risk_estimates',
  {
    riskId: uuid()
      .notNull()
      .references(() => risks.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    probability: smallint().notNull(),
    consequence: smallint().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.riskId, t.personId] }),
    check(
      'risk_estimates_range',
      sql`${t.probability} between 1 and 4 and ${t.consequence} between 1 and 4`,
    ),
  ],
);

/** A unit's own risk-dialogue season (months 1–12, inclusive); no row: its level's default. */
export const riskSeasons = pgTable(
  'risk_seasons',
  {
    unitId: uuid()
      .primaryKey()
      .references(() => units.id),
    fromMonth: smallint().notNull(),
    toMonth: smallint().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'risk_seasons_months',
      sql`${t.fromMonth} between 1 and 12 and ${t.toMonth} between 1 and 12`,
    ),
  ],
);
