import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { type Language, people, platform, units } from './org.js';

export const dialogueKinds = ['swot', 'risk'] as const;
export type DialogueKind = (typeof dialogueKinds)[number];
export const dialogueKind = pgEnum('dialogue_kind', dialogueKinds);

/**
 * Per-dialogue choices made at the start. Each kind reads the ones it knows and applies its
 * own defaults, so adding a setting for one kind needs no migration.
 */
export interface DialogueSettings {
  /** SWOT: dot votes each participant gets. */
  votesPerPerson?: number;
  /** SWOT: at most this many of one person's votes on one item. */
  maxPerItem?: number;
  /** SWOT: vote counts stay hidden until voting closes. */
  hideResults?: boolean;
  /** SWOT: when voting closes by itself (ISO instant), applied when voting starts. */
  voteUntil?: string | null;
}

/**
 * A structured dialogue (SWOT, risk) held in one channel for one unit. `phase` is the kind's
 * own word (SWOT: collect → vote → decide → closed); `deadline` ends the current phase.
 */
export const dialogues = pgTable(
  'dialogues',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    kind: dialogueKind().notNull(),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    platform: platform().notNull(),
    workspace: text().notNull().default(''),
    channelId: text().notNull(),
    topic: text().notNull(),
    phase: text().notNull(),
    deadline: timestamp({ withTimezone: true }),
    settings: jsonb().$type<DialogueSettings>().notNull().default({}),
    /** The language of the channel message: the starter's, so it never flips between clicks. */
    lang: text().$type<Language>().notNull(),
    /** Started with `--another` beside an open one: exempt from "one open per channel". */
    alongside: boolean().notNull().default(false),
    startedBy: uuid()
      .notNull()
      .references(() => people.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // Two managers starting at the same second still get one open dialogue per channel.
    uniqueIndex('dialogues_one_open_per_channel_uq')
      .on(t.kind, t.platform, t.workspace, t.channelId)
      .where(sql`${t.closedAt} is null and not ${t.alongside}`),
    index('dialogues_unit_idx').on(t.unitId),
    index('dialogues_due_idx').on(t.deadline).where(sql`${t.closedAt} is null`),
  ],
);
