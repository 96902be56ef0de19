import type { Feature } from '../core/feature.js';
import { openComment, submitComment } from './comment.js';
import { openFeedback, submitFeedback } from './feedback.js';
import { reviewHome } from './review-home.js';
import { REVIEW_FORM } from './review-kind.js';
import { shareCommand } from './share.js';
import { openTipAction, submitTipAction } from './tip-action.js';

/**
 * Peer review across unit boundaries (issue #21). Button values carry ids only:
 * `<reviewId>:<kind>` (feedback), `<reviewId>` (comment), `<feedbackId>` (tip → action).
 */
export const reviewFeature: Feature = {
  name: 'review',
  commands: { share: shareCommand },
  actions: {
    'review.feedback': openFeedback,
    'review.comment': openComment,
    'review.tip-action': openTipAction,
  },
  forms: {
    [REVIEW_FORM.feedback]: submitFeedback,
    [REVIEW_FORM.comment]: submitComment,
    [REVIEW_FORM.tipAction]: submitTipAction,
  },
  home: reviewHome,
};
