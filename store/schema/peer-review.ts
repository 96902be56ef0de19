import { sql } from 'drizzle-orm';
import {
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { type ActionEffect, actions } from './actions.js';
import { dialogueKind, dialogues } from './dialogues.js';
import { type Language, people, units } from './org.js';
import type { RiskHandling, RiskProcess } from './risks.js';
import type { SwotQuadrant } from './swot.js';

/**
 * Where a pair came from: Tillit's suggestion for the tertial, an admin in chat, or the org
 * file. An admin's or the file's pair replaces a suggestion for the same unit and period.
 */
export const reviewPairSources = ['suggested', 'admin', 'org-file'] as const;
export type ReviewPairSource = (typeof reviewPairSources)[number];
export const reviewPairSource = pgEnum('review_pair_source', reviewPairSources);

/** The three kinds of feedback a reviewing unit gives: "Så gör vi", "Fråga", "Tips". */
export const reviewFeedbackKinds = ['how-we-do-it', 'question', 'tip'] as const;
export type ReviewFeedbackKind = (typeof reviewFeedbackKinds)[number];
export const reviewFeedbackKind = pgEnum('review_feedback_kind', reviewFeedbackKinds);

/** One action of the shared outcome: what was agreed and whether it worked; never its owner. */
export interface ReviewOutcomeAction {
  text: string;
  done: boolean;
  effect: ActionEffect | null;
  effectNote: string | null;
}

/**
 * The outcome as it was shared, frozen, so a later edit in the source dialogue never changes
 * what the peer unit was shown. It holds texts and counts only: no person's name or id.
 */
export type ReviewOutcome =
  | {
      kind: 'swot';
      topic: string;
      unitName: string;
      closedAt: string;
      top: { quadrant: SwotQuadrant; text: string; votes: number }[];
      actions: ReviewOutcomeAction[];
    }
  | {
      kind: 'risk';
      topic: string;
      unitName: string;
      closedAt: string;
      decisions: {
        text: string;
        value: number | null;
        process: RiskProcess | null;
        handling: RiskHandling | null;
      }[];
      actions: ReviewOutcomeAction[];
    };

/**
 * A period's pair: `unitId` shares its outcomes with `peerUnitId`, which reviews them. One pair
 * per unit and period (a tertial, `2026-T3`); `setBy` is the admin who set it, null otherwise.
 */
export const reviewPairs = pgTable(
  'review_pairs',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    peerUnitId: uuid()
      .notNull()
      .references(() => units.id),
    period: text().notNull(),
    source: reviewPairSource().notNull(),
    setBy: uuid().references(() => people.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_pairs_unit_period_uq').on(t.unitId, t.period),
    index('review_pairs_peer_idx').on(t.peerUnitId, t.period),
    check('review_pairs_not_self', sql`${t.unitId} <> ${t.peerUnitId}`),
  ],
);

/**
 * A closed dialogue's outcome shared by the sharing unit's manager with a peer unit for review.
 * Open until `closedAt`; the tick closes it at `deadline` and reminds the reviewing unit once
 * before (`remindedAt`). The reviewing unit's manager may leave one summarising comment.
 */
export const peerReviews = pgTable(
  'peer_reviews',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    sharingUnitId: uuid()
      .notNull()
      .references(() => units.id),
    reviewingUnitId: uuid()
      .notNull()
      .references(() => units.id),
    sourceKind: dialogueKind().notNull(),
    sourceDialogueId: uuid()
      .notNull()
      .references(() => dialogues.id),
    outcome: jsonb().$type<ReviewOutcome>().notNull(),
    /** The language of both channel messages: the sharer's, so they never flip between clicks. */
    lang: text().$type<Language>().notNull(),
    sharedBy: uuid()
      .notNull()
      .references(() => people.id),
    /** The pair this review was shared under, when a round or suggestion made it. */
    pairId: uuid().references(() => reviewPairs.id),
    deadline: timestamp({ withTimezone: true }).notNull(),
    remindedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    summaryComment: text(),
    summaryBy: uuid().references(() => people.id),
    summaryAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // Sharing the same outcome with the same unit twice (a double click, a round run again)
    // gives one review.
    uniqueIndex('peer_reviews_source_reviewer_uq').on(t.sourceDialogueId, t.reviewingUnitId),
    index('peer_reviews_sharing_idx').on(t.sharingUnitId, t.createdAt),
    index('peer_reviews_reviewing_idx').on(t.reviewingUnitId, t.createdAt),
    index('peer_reviews_due_idx').on(t.deadline).where(sql`${t.closedAt} is null`),
    check('peer_reviews_not_self', sql`${t.sharingUnitId} <> ${t.reviewingUnitId}`),
  ],
);

/**
 * One piece of feedback from the reviewing unit. Named feedback keeps its author, to show the
 * name; anonymous feedback keeps none, and nothing else here points back at the writer.
 * `actionId`: the sharing unit's manager turned this tip into an action.
 */
export const reviewFeedback = pgTable(
  'review_feedback',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    reviewId: uuid()
      .notNull()
      .references(() => peerReviews.id),
    kind: reviewFeedbackKind().notNull(),
    text: text().notNull(),
    authorPersonId: uuid().references(() => people.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actionId: uuid().references(() => actions.id),
  },
  (t) => [
    index('review_feedback_review_idx').on(t.reviewId),
    uniqueIndex('review_feedback_action_uq').on(t.actionId),
    check('review_feedback_action_only_tip', sql`${t.actionId} is null or ${t.kind} = 'tip'`),
  ],
);
