import { type PeerReview, setReviewComment } from '../../store/queries/peer-reviews.js';
import { may } from '../core/access.js';
import type { ActionRequest, FormRequest, Request } from '../core/feature.js';
import { single } from '../core/form-values.js';
import { say } from '../core/guards.js';
import {
  asFormRefusal,
  formErrors,
  note,
  type Outcome,
  openForm,
  outcome,
} from '../core/outcome.js';
import { checkFreeText } from '../safety/free-text.js';
import { COMMENT_MAX, REVIEW_FORM } from './review-kind.js';
import { findReview, isOpen, lockReview, reviewUpdates } from './review-load.js';

type Checked = { ok: true; review: PeerReview } | { ok: false; outcome: Outcome };

/** The reviewing unit's manager sums up, while the review is open; a new comment replaces one. */
async function checkComment(request: Request, reviewId: string, locked: boolean): Promise<Checked> {
  const t = request.actor.t;
  const review = locked ? await lockReview(request, reviewId) : await findReview(request, reviewId);
  if (!review) return { ok: false, outcome: say(t.common.staleButton) };
  if (!(await may(request.ctx.db, request.actor, 'lead-review', review.reviewingUnitId))) {
    return { ok: false, outcome: say(t.common.notAllowed({ what: t.review.what.comment })) };
  }
  if (!isOpen(review, request.ctx.now)) return { ok: false, outcome: say(t.review.closedRefusal) };
  return { ok: true, review };
}

export async function openComment(request: ActionRequest): Promise<Outcome> {
  const checked = await checkComment(request, request.action.value, false);
  if (!checked.ok) return checked.outcome;
  const t = request.actor.t;
  const r = t.review;
  return openForm({
    id: REVIEW_FORM.comment,
    title: r.commentForm.title,
    submitLabel: r.commentForm.submit,
    state: checked.review.id,
    intro: r.commentForm.intro({ unit: checked.review.outcome.unitName }),
    inputs: [
      {
        type: 'text',
        id: 'text',
        label: r.commentForm.textLabel,
        multiline: true,
        maxLength: COMMENT_MAX,
        hint: t.common.maxChars({ max: COMMENT_MAX }),
        ...(checked.review.summaryComment ? { initial: checked.review.summaryComment } : {}),
      },
    ],
  });
}

export async function submitComment(request: FormRequest): Promise<Outcome> {
  const checked = await checkComment(request, request.state, true);
  if (!checked.ok) return asFormRefusal(checked.outcome);
  const { ctx, actor } = request;
  const text = checkFreeText(actor.t, single(request.values.text), { max: COMMENT_MAX });
  if (!text.ok) return formErrors({ text: text.message });
  await setReviewComment(ctx.db, {
    reviewId: checked.review.id,
    comment: text.text,
    by: actor.person.id,
    now: ctx.now,
  });
  const review = { ...checked.review, summaryComment: text.text };
  return outcome(
    note(actor.t.review.commentSaved),
    ...(await reviewUpdates(ctx.db, review, ctx.now)),
  );
}
