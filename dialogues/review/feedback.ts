import { addReviewFeedback, type PeerReview } from '../../store/queries/peer-reviews.js';
import type { ReviewFeedbackKind } from '../../store/schema/index.js';
import { may } from '../core/access.js';
import type { ActionRequest, FormRequest, Request } from '../core/feature.js';
import { anonymousInput, askedAnonymity, single } from '../core/form-values.js';
import { say } from '../core/guards.js';
import {
  asFormRefusal,
  formErrors,
  note,
  type Outcome,
  openForm,
  outcome,
  unkeptNote,
} from '../core/outcome.js';
import { checkFreeText } from '../safety/free-text.js';
import type { Form } from '../view.js';
import { FEEDBACK_MAX, REVIEW_FORM, readFeedbackKind } from './review-kind.js';
import { findReview, isOpen, lockReview, reviewUpdates } from './review-load.js';

type Checked =
  | { ok: true; review: PeerReview; kind: ReviewFeedbackKind }
  | { ok: false; outcome: Outcome };

/**
 * `<reviewId>:<kind>` names the review and the kind of feedback. Only people of the reviewing
 * unit give it, and only while the review is open (closed, or its deadline passed: refused
 * even before the tick has closed it).
 */
async function checkFeedback(request: Request, value: string, locked: boolean): Promise<Checked> {
  const t = request.actor.t;
  const [reviewId = '', kindValue] = value.split(':');
  const kind = readFeedbackKind(kindValue);
  const review = locked ? await lockReview(request, reviewId) : await findReview(request, reviewId);
  if (!review || !kind) return { ok: false, outcome: say(t.common.staleButton) };
  const allowed = await may(request.ctx.db, request.actor, 'give-review', review.reviewingUnitId);
  if (!allowed)
    return { ok: false, outcome: say(t.common.notAllowed({ what: t.review.what.give })) };
  if (!isOpen(review, request.ctx.now)) return { ok: false, outcome: say(t.review.closedRefusal) };
  return { ok: true, review, kind };
}

/** Button "Så gör vi" / "Fråga" / "Tips" on the card → the form for that kind. */
export async function openFeedback(request: ActionRequest): Promise<Outcome> {
  const checked = await checkFeedback(request, request.action.value, false);
  if (!checked.ok) return checked.outcome;
  const r = request.actor.t.review;
  const form: Form = {
    id: REVIEW_FORM.feedback,
    title: r.feedbackForm.title({ kind: r.feedbackKinds[checked.kind] }),
    submitLabel: r.feedbackForm.submit,
    state: `${checked.review.id}:${checked.kind}`,
    intro: r.feedbackForm.intro[checked.kind]({
      unit: checked.review.outcome.unitName,
      topic: checked.review.outcome.topic,
    }),
    inputs: [
      {
        type: 'text',
        id: 'text',
        label: r.feedbackForm.textLabel,
        multiline: true,
        maxLength: FEEDBACK_MAX,
        hint: request.actor.t.common.maxChars({ max: FEEDBACK_MAX }),
      },
      anonymousInput(r.feedbackForm.anonymousLabel, r.feedbackForm.anonymousOption),
    ],
  };
  return openForm(form);
}

/**
 * The feedback, saved; both messages show it at once. Anonymous feedback is stored with no
 * author and only its day (addReviewFeedback), and its thanks is kept by no channel: a stored
 * "thank you" names the writer and the moment, which is all it takes to find the text.
 */
export async function submitFeedback(request: FormRequest): Promise<Outcome> {
  const checked = await checkFeedback(request, request.state, true);
  if (!checked.ok) return asFormRefusal(checked.outcome);
  const { ctx, actor } = request;
  const text = checkFreeText(actor.t, single(request.values.text), { max: FEEDBACK_MAX });
  if (!text.ok) return formErrors({ text: text.message });
  const anonymous = askedAnonymity(request.values);
  await addReviewFeedback(ctx.db, {
    reviewId: checked.review.id,
    kind: checked.kind,
    text: text.text,
    authorPersonId: anonymous ? null : actor.person.id,
    now: ctx.now,
  });
  const r = actor.t.review;
  const thanks = anonymous ? unkeptNote(r.thanksAnonymous) : note(r.thanksNamed);
  return outcome(thanks, ...(await reviewUpdates(ctx.db, checked.review, ctx.now)));
}
