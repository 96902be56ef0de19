import { type ReviewFeedbackKind, reviewFeedbackKinds } from '../../store/schema/index.js';

/** Form ids of peer review; button ids are the same words (`review.feedback`). */
export const REVIEW_FORM = {
  feedback: 'review.feedback',
  comment: 'review.comment',
  tipAction: 'review.tip-action',
} as const;

/** Feedback fits in a short message, as a SWOT item does. */
export const FEEDBACK_MAX = 280;
/** The reviewing unit's manager sums up in a little more. */
export const COMMENT_MAX = 600;
/** A review is open this long unless the sharer says otherwise (issue #21: two weeks). */
export const REVIEW_DAYS = 14;
/** The one reminder to the reviewing unit goes this long before the deadline. */
export const REMINDER_BEFORE_MS = 3 * 24 * 60 * 60 * 1000;

/** The card in the reviewing unit's channel, posted through the outbox and updated in place. */
export const reviewCardKey = (reviewId: string): string => `review:${reviewId}:card`;
/** The one message in the sharing unit's channel that shows the feedback as it comes. */
export const reviewAnswersKey = (reviewId: string): string => `review:${reviewId}:answers`;
/** The reminder to the reviewing unit: one key, so it is sent once whatever runs the tick. */
export const reviewReminderKey = (reviewId: string): string => `review-reminder:${reviewId}`;

export const readFeedbackKind = (value: string | undefined): ReviewFeedbackKind | null =>
  reviewFeedbackKinds.find((k) => k === value) ?? null;
