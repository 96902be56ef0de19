import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import {
  type DialogueKind,
  dialogues,
  type Language,
  outbox,
  type Platform,
  peerReviews,
  people,
  postedMessages,
  type ReviewFeedbackKind,
  type ReviewOutcome,
  reviewFeedback,
  type StoredView,
  units,
} from '../schema/index.js';

export type PeerReview = typeof peerReviews.$inferSelect;
export type ReviewFeedback = typeof reviewFeedback.$inferSelect;
/** Feedback as shown: the writer's name only when they chose to be named. */
export type ShownFeedback = Omit<ReviewFeedback, 'authorPersonId'> & { authorName: string | null };

export type UnitDialogue = typeof dialogues.$inferSelect;

/** The unit's SWOT and risk dialogues: open ones first, then the latest closed first. */
export async function listDialoguesOfUnit(
  db: Database,
  params: { unitId: string },
): Promise<UnitDialogue[]> {
  return db
    .select()
    .from(dialogues)
    .where(eq(dialogues.unitId, params.unitId))
    .orderBy(sql`${dialogues.closedAt} desc nulls first`, desc(dialogues.createdAt));
}

export interface NewPeerReview {
  sharingUnitId: string;
  reviewingUnitId: string;
  sourceKind: DialogueKind;
  sourceDialogueId: string;
  outcome: ReviewOutcome;
  lang: Language;
  sharedBy: string;
  pairId: string | null;
  deadline: Date;
  now: Date;
}

/** The new review, or null when this outcome was already shared with that unit. */
export async function insertPeerReview(
  db: Database,
  params: NewPeerReview,
): Promise<PeerReview | null> {
  const { now, ...values } = params;
  const [row] = await db
    .insert(peerReviews)
    .values({ ...values, createdAt: now })
    .onConflictDoNothing({
      target: [peerReviews.sourceDialogueId, peerReviews.reviewingUnitId],
    })
    .returning();
  return row ?? null;
}

export async function getPeerReview(
  db: Database,
  params: { reviewId: string },
): Promise<PeerReview | null> {
  const [row] = await db.select().from(peerReviews).where(eq(peerReviews.id, params.reviewId));
  return row ?? null;
}

/**
 * The review, held until the transaction ends: every change that shows both messages takes it
 * first, so each view's update version is higher than that of every view it did not see.
 */
export async function lockPeerReview(
  db: Database,
  params: { reviewId: string },
): Promise<PeerReview | null> {
  const [row] = await db
    .select()
    .from(peerReviews)
    .where(eq(peerReviews.id, params.reviewId))
    .for('update');
  return row ?? null;
}

export async function addReviewFeedback(
  db: Database,
  params: {
    reviewId: string;
    kind: ReviewFeedbackKind;
    text: string;
    /** null: anonymous, and nothing is kept that names the writer. */
    authorPersonId: string | null;
    now: Date;
  },
): Promise<ReviewFeedback> {
  const { now, ...values } = params;
  const createdAt = values.authorPersonId ? now : dayOf(now);
  const [row] = await db
    .insert(reviewFeedback)
    .values({ ...values, createdAt })
    .returning();
  if (!row) throw new Error('review feedback insert returned nothing');
  return row;
}

/**
 * Anonymous feedback keeps only its day (UTC midnight): the exact moment would match the
 * moment in any record that names the writer (a request, a form, a login) and undo the
 * anonymity. The day is all the summaries and the lists need.
 */
const dayOf = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * A review's feedback, oldest day first, with the names of those who chose to be named. Within
 * a day the anonymous ones come first, in the random order of their ids, and the named ones
 * follow in the order given: an anonymous item's place next to a named one (whose time is
 * kept) then says no more than its day, and the named conversation still reads in order.
 */
export async function listReviewFeedback(
  db: Database,
  params: { reviewId: string },
): Promise<ShownFeedback[]> {
  const rows = await db
    .select({ feedback: reviewFeedback, authorName: people.name })
    .from(reviewFeedback)
    .leftJoin(people, eq(people.id, reviewFeedback.authorPersonId))
    .where(eq(reviewFeedback.reviewId, params.reviewId))
    .orderBy(asc(reviewFeedback.createdAt), asc(reviewFeedback.id));
  return rows.map(({ feedback, authorName }) => {
    const { authorPersonId: _, ...rest } = feedback;
    return { ...rest, authorName };
  });
}

export async function getReviewFeedback(
  db: Database,
  params: { feedbackId: string },
): Promise<ReviewFeedback | null> {
  const [row] = await db
    .select()
    .from(reviewFeedback)
    .where(eq(reviewFeedback.id, params.feedbackId));
  return row ?? null;
}

/** Links a tip to the action made of it; false when it already had one. */
export async function linkFeedbackAction(
  db: Database,
  params: { feedbackId: string; actionId: string },
): Promise<boolean> {
  const rows = await db
    .update(reviewFeedback)
    .set({ actionId: params.actionId })
    .where(and(eq(reviewFeedback.id, params.feedbackId), isNull(reviewFeedback.actionId)))
    .returning({ id: reviewFeedback.id });
  return rows.length === 1;
}

export async function setReviewComment(
  db: Database,
  params: { reviewId: string; comment: string; by: string; now: Date },
): Promise<void> {
  await db
    .update(peerReviews)
    .set({ summaryComment: params.comment, summaryBy: params.by, summaryAt: params.now })
    .where(eq(peerReviews.id, params.reviewId));
}

/**
 * Writes a closed review's anonymous feedback anew, in random order, and deletes the old rows:
 * they keep their ids (an action made of a tip names it) and content, and lose the order they
 * were written in. Before, each row's place in the table and its transaction id (`xmin`) put
 * it between the named feedback written before and after it, whose times are kept. Run it in
 * the closing transaction, and VACUUM the table after it (vacuumTables).
 */
export async function reshuffleAnonymousFeedback(
  db: Database,
  params: { reviewId: string },
): Promise<number> {
  const anonymous = and(
    eq(reviewFeedback.reviewId, params.reviewId),
    isNull(reviewFeedback.authorPersonId),
  );
  const rows = await db.delete(reviewFeedback).where(anonymous).returning();
  if (rows.length === 0) return 0;
  const shuffled = rows
    .map((row) => ({ row, order: randomInt(2 ** 48 - 1) }))
    .sort((a, b) => a.order - b.order)
    .map(({ row }) => row);
  await db.insert(reviewFeedback).values(shuffled);
  return rows.length;
}

/** Open reviews whose reminder is due (`remindFrom` before the deadline) and not yet sent. */
export async function listReviewsToRemind(
  db: Database,
  params: { now: Date; before: number },
): Promise<PeerReview[]> {
  return db
    .select()
    .from(peerReviews)
    .where(
      and(
        isNull(peerReviews.closedAt),
        isNull(peerReviews.remindedAt),
        sql`${peerReviews.deadline} - make_interval(secs => ${params.before / 1000}) <= ${params.now.toISOString()}::timestamptz`,
        sql`${peerReviews.deadline} > ${params.now.toISOString()}::timestamptz`,
      ),
    );
}

/** Marks the reminder sent; false when another instance did it first. */
export async function markReviewReminded(
  db: Database,
  params: { reviewId: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(peerReviews)
    .set({ remindedAt: params.now })
    .where(and(eq(peerReviews.id, params.reviewId), isNull(peerReviews.remindedAt)))
    .returning({ id: peerReviews.id });
  return rows.length === 1;
}

/** Closes the open reviews whose deadline has passed; returns those this call closed. */
export async function closeDueReviews(db: Database, params: { now: Date }): Promise<PeerReview[]> {
  return db
    .update(peerReviews)
    .set({ closedAt: params.now })
    .where(and(isNull(peerReviews.closedAt), lte(peerReviews.deadline, params.now)))
    .returning();
}

/**
 * A card still waiting in the outbox shows the newest view when it goes: an update written
 * before the post was delivered has no place to go yet (posted_messages).
 */
export async function replaceQueuedPost(
  db: Database,
  params: { keys: readonly string[]; view: StoredView },
): Promise<void> {
  if (params.keys.length === 0) return;
  await db
    .update(outbox)
    .set({ view: params.view })
    .where(
      and(
        inArray(outbox.key, [...params.keys]),
        eq(outbox.kind, 'post'),
        eq(outbox.status, 'queued'),
      ),
    );
}

/** Where the message under this key was posted, on any platform (the first place found). */
export async function findPostedPlace(
  db: Database,
  params: { key: string },
): Promise<{ platform: Platform; workspace: string; channelId: string } | null> {
  const [row] = await db
    .select({
      platform: postedMessages.platform,
      workspace: postedMessages.workspace,
      channelId: postedMessages.channelId,
    })
    .from(postedMessages)
    .where(eq(postedMessages.key, params.key))
    .limit(1);
  return row ?? null;
}

export type OpenReview = PeerReview & {
  feedbackCount: number;
  /** The reviewing unit's name and time zone (its deadline is its own day). */
  reviewingUnit: { name: string; timezone: string };
};

/**
 * Open reviews these units share or give, with how many answers each has and who reviews,
 * newest first, at most `limit`.
 */
export async function listOpenReviewsOfUnits(
  db: Database,
  params: { unitIds: readonly string[]; now: Date; limit: number },
): Promise<OpenReview[]> {
  if (params.unitIds.length === 0) return [];
  const ids = [...params.unitIds];
  const rows = await db
    .select({
      review: peerReviews,
      // Spelled out: drizzle leaves a column unqualified here, which the subquery would bind
      // to its own table.
      feedbackCount: sql<number>`(select count(*)::int from review_feedback f
        where f.review_id = peer_reviews.id)`,
      reviewingUnit: { name: units.name, timezone: units.timezone },
    })
    .from(peerReviews)
    .innerJoin(units, eq(units.id, peerReviews.reviewingUnitId))
    .where(
      and(
        isNull(peerReviews.closedAt),
        sql`${peerReviews.deadline} > ${params.now.toISOString()}::timestamptz`,
        or(inArray(peerReviews.sharingUnitId, ids), inArray(peerReviews.reviewingUnitId, ids)),
      ),
    )
    .orderBy(desc(peerReviews.createdAt))
    .limit(params.limit);
  return rows.map((r) => ({
    ...r.review,
    feedbackCount: Number(r.feedbackCount),
    reviewingUnit: r.reviewingUnit,
  }));
}
