import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { dialogues } from './dialogues.js';
import { people, units } from './org.js';

export const actionStatuses = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatus = pgEnum('action_status', actionStatuses);

/** `review`: a tip from a peer unit's review, turned into an action by the sharing unit. */
export const actionSources = ['swot', 'risk', 'manual', 'review'] as const;
export type ActionSource = (typeof actionSources)[number];
export const actionSource = pgEnum('action_source', actionSources);

export const actionEffects = ['yes', 'partly', 'no'] as const;
export type ActionEffect = (typeof actionEffects)[number];
export const actionEffect = pgEnum('action_effect', actionEffects);

/**
 * An agreed action (åtgärd) with an owner and a due date, wherever it was decided. The
 * follow-up nudges the owner and, once done, asks whether it had the intended effect.
 * `source_item_id` names the SWOT item or risk it came from (no foreign key: it points into
 * the table of its `source_kind`).
 */
export const actions = pgTable(
  'actions',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    text: text().notNull(),
    ownerId: uuid()
      .notNull()
      .references(() => people.id),
    dueDate: date({ mode: 'string' }).notNull(),
    status: actionStatus().notNull().default('open'),
    sourceKind: actionSource().notNull(),
    sourceDialogueId: uuid().references(() => dialogues.id),
    sourceItemId: uuid(),
    createdBy: uuid()
      .notNull()
      .references(() => people.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp({ withTimezone: true }),
    effect: actionEffect(),
    effectNote: text(),
    effectAt: timestamp({ withTimezone: true }),
    /** Times the due date was moved: names the nudge cycle in outbox keys, so a new date nudges anew. */
    dueRevision: integer().notNull().default(0),
    /** When the current due date was set (null: at creation); nudges planned before it are skipped. */
    dueSetAt: timestamp({ withTimezone: true }),
    /** Nudges and escalations sent so far: the hard cap per action counts these. */
    nudgeCount: integer().notNull().default(0),
    /**
     * The owner's nudge stage (0 due day, 1… overdue) handled in this cycle, sent or skipped;
     * null: none yet. With `escalated` it lets the tick pass over actions with nothing left.
     */
    nudgedStage: integer(),
    /** The unit's manager was told in this cycle (or it was skipped). */
    escalated: boolean().notNull().default(false),
    /** Effect check-ins scheduled so far ("ask again in 4 weeks"), and when the latest is due. */
    checkIns: integer().notNull().default(0),
    checkInAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('actions_unit_status_idx').on(t.unitId, t.status),
    index('actions_owner_status_idx').on(t.ownerId, t.status),
    index('actions_source_dialogue_idx').on(t.sourceDialogueId),
  ],
);
