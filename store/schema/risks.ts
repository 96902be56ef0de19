import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { dialogues } from './dialogues.js';
import { people, units } from './org.js';
import type { SelfCheckCadence } from './self-checks.js';

/**
 * `pending`: waits for the unit's next risk dialogue (a SWOT threat, an escalation from a unit
 * below); `open`: in a risk dialogue that is still running; `closed`: that dialogue ended, and
 * its handling stands.
 */
export const riskStatuses = ['pending', 'open', 'closed'] as const;
export type RiskStatus = (typeof riskStatuses)[number];
export const riskStatus = pgEnum('risk_status', riskStatuses);

export const riskSources = ['swot', 'escalation'] as const;
export type RiskSource = (typeof riskSources)[number];
export const riskSource = pgEnum('risk_source', riskSources);

/** The governance process a risk is handled in (DOMAIN.md, "Risk dialogue"). */
export const riskProcesses = [
  'goal-steering',
  'quality-system',
  'work-environment',
  'internal-control',
] as const;
export type RiskProcess = (typeof riskProcesses)[number];
export const riskProcess = pgEnum('risk_process', riskProcesses);

export const riskHandlings = ['accept', 'self-check', 'action', 'escalate'] as const;
export type RiskHandling = (typeof riskHandlings)[number];
export const riskHandling = pgEnum('risk_handling', riskHandlings);

/**
 * What was decided beside the handling. Actions, self-checks and escalations are created from
 * it when the dialogue closes, so a decision changed before then leaves nothing behind.
 */
export interface RiskDecision {
  /** Escalate: why the unit cannot handle it; optional for the others. */
  motivation?: string;
  action?: { text: string; ownerId: string; ownerName: string; dueDate: string };
  selfCheck?: {
    what: string;
    cadence: SelfCheckCadence;
    byId: string;
    byName: string;
    /** YYYY-MM-DD: the first check. */
    startsOn: string;
  };
}

/**
 * A risk of a unit. `pending` risks wait for the unit's next risk dialogue, e.g. a SWOT threat
 * or weakness the facilitator turned into a risk. One item becomes at most one risk, and one
 * escalated risk at most one risk of the parent unit.
 */
export const risks = pgTable(
  'risks',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    description: text().notNull(),
    status: riskStatus().notNull().default('pending'),
    /** null: raised directly in a risk dialogue. */
    sourceKind: riskSource(),
    sourceDialogueId: uuid().references(() => dialogues.id),
    sourceItemId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The risk dialogue handling it; null while pending. */
    dialogueId: uuid().references(() => dialogues.id),
    /** Who raised it; null when anonymous or carried in. */
    authorId: uuid().references(() => people.id),
    /** The risk of the unit below that was escalated into this one. */
    escalatedFromId: uuid().references((): AnyPgColumn => risks.id),
    /** Escalations: the year of the dialogue that escalated it. */
    period: integer(),
    /** The agreed assessment, 1–4 each (risk value = the product). */
    probability: smallint(),
    consequence: smallint(),
    process: riskProcess(),
    handling: riskHandling(),
    decision: jsonb().$type<RiskDecision>(),
    decidedBy: uuid().references(() => people.id),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('risks_unit_status_idx').on(t.unitId, t.status),
    index('risks_dialogue_idx').on(t.dialogueId),
    uniqueIndex('risks_source_item_uq')
      .on(t.sourceKind, t.sourceItemId)
      .where(sql`${t.sourceItemId} is not null`),
    uniqueIndex('risks_escalated_from_uq')
      .on(t.escalatedFromId)
      .where(sql`${t.escalatedFromId} is not null`),
    check('risks_probability_range', sql`${t.probability} between 1 and 4`),
    check('risks_consequence_range', sql`${t.consequence} between 1 and 4`),
  ],
);
