import { sql } from 'drizzle-orm';
import {
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { actions } from './actions.js';
import { people, units } from './org.js';

export const actionEventKinds = [
  'rescheduled',
  'done',
  'dropped',
  'effect',
  'check-in-scheduled',
] as const;
export type ActionEventKind = (typeof actionEventKinds)[number];
export const actionEventKind = pgEnum('action_event_kind', actionEventKinds);

/**
 * What happened to an action after it was decided, and why: a moved due date with its reason
 * (the old and new date), done, dropped with a reason, each effect answer. The action row holds
 * the current state; this is its history, for the owner's manager and for summaries.
 */
export const actionEvents = pgTable(
  'action_events',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    actionId: uuid()
      .notNull()
      .references(() => actions.id),
    kind: actionEventKind().notNull(),
    reason: text(),
    fromDate: date({ mode: 'string' }),
    toDate: date({ mode: 'string' }),
    at: timestamp({ withTimezone: true }).notNull(),
    /** Who did it; null when Tillit did (a scheduled check-in). */
    by: uuid().references(() => people.id),
  },
  (t) => [index('action_events_action_idx').on(t.actionId, t.at)],
);

/**
 * One row per unit and week once its Monday digest was considered, sent or (nothing due)
 * not: inserting it is the claim that makes the digest tick idempotent across instances, and
 * an empty week stays skipped even when an action is added later that day.
 */
export const actionDigestRuns = pgTable(
  'action_digest_runs',
  {
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    /** The Monday (local) of the week the digest is for. */
    weekOf: date({ mode: 'string' }).notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.weekOf] })],
);
