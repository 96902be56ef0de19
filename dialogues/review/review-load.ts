import type { Database } from '../../store/database.js';
import {
  getPeerReview,
  listReviewFeedback,
  lockPeerReview,
  type PeerReview,
  replaceQueuedPost,
} from '../../store/queries/peer-reviews.js';
import { getUnit } from '../../store/queries/units.js';
import { DEFAULT_TIME_ZONE } from '../core/defaults.js';
import type { Request } from '../core/feature.js';
import { isUuid } from '../core/ids.js';
import type { Reply } from '../core/outcome.js';
import { reviewAnswersKey, reviewCardKey } from './review-kind.js';
import { type ReviewShown, reviewAnswersView, reviewCardView } from './review-views.js';

type Update = Extract<Reply, { kind: 'update' }>;

/** Open means feedback is still taken: not closed, and the deadline not passed yet. */
export const isOpen = (review: PeerReview, now: Date): boolean =>
  review.closedAt === null && review.deadline.getTime() > now.getTime();

export async function loadReviewShown(
  db: Database,
  review: PeerReview,
  now: Date,
): Promise<ReviewShown> {
  const [feedback, reviewing, sharing] = await Promise.all([
    listReviewFeedback(db, { reviewId: review.id }),
    getUnit(db, { unitId: review.reviewingUnitId }),
    getUnit(db, { unitId: review.sharingUnitId }),
  ]);
  return {
    review,
    reviewingUnitName: reviewing?.name ?? '',
    feedback,
    timeZone: sharing?.timezone ?? DEFAULT_TIME_ZONE,
    closed: !isOpen(review, now),
  };
}

/**
 * Both messages of a review as they are now. Call it in the transaction of the change, after
 * `lockReview`: the updates go through the outbox with that transaction (handle-inbound.ts,
 * refresh in ticks), and a card still waiting to be posted takes the new view too.
 */
export async function reviewUpdates(
  db: Database,
  review: PeerReview,
  now: Date,
): Promise<Update[]> {
  const shown = await loadReviewShown(db, review, now);
  const card = reviewCardView(shown);
  const answers = reviewAnswersView(shown);
  await replaceQueuedPost(db, { keys: [reviewCardKey(review.id)], view: card });
  await replaceQueuedPost(db, { keys: [reviewAnswersKey(review.id)], view: answers });
  return [
    { kind: 'update', key: reviewCardKey(review.id), view: card },
    { kind: 'update', key: reviewAnswersKey(review.id), view: answers },
  ];
}

/** The review a button or form names, locked for the change it is about to make. */
export async function lockReview(request: Request, reviewId: string): Promise<PeerReview | null> {
  if (!isUuid(reviewId)) return null;
  return lockPeerReview(request.ctx.db, { reviewId });
}

export async function findReview(request: Request, reviewId: string): Promise<PeerReview | null> {
  if (!isUuid(reviewId)) return null;
  return getPeerReview(request.ctx.db, { reviewId });
}
