import {
  getReviewFeedback,
  linkFeedbackAction,
  type PeerReview,
  type ReviewFeedback,
} from '../../store/queries/peer-reviews.js';
import { may } from '../core/access.js';
import type { ActionRequest, FormRequest, Request } from '../core/feature.js';
import { single } from '../core/form-values.js';
import { say } from '../core/guards.js';
import { isUuid } from '../core/ids.js';
import {
  asFormRefusal,
  formErrors,
  note,
  type Outcome,
  openForm,
  outcome,
} from '../core/outcome.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import {
  ACTION_TEXT_MAX,
  actionRules,
  checkNewAction,
  createActionAndTellOwner,
  ownerOptions,
} from '../follow-up/new-action.js';
import { REVIEW_FORM } from './review-kind.js';
import { findReview, isOpen, lockReview, reviewUpdates } from './review-load.js';

type Checked =
  | { ok: true; review: PeerReview; tip: ReviewFeedback }
  | { ok: false; outcome: Outcome };

/**
 * A tip not yet acted on, in an open review, and the sharing unit's manager asking: the one
 * who may turn a peer's tip into one of the unit's own actions.
 */
async function checkTip(request: Request, feedbackId: string, locked: boolean): Promise<Checked> {
  const t = request.actor.t;
  const stale = { ok: false as const, outcome: say(t.common.staleButton) };
  if (!isUuid(feedbackId)) return stale;
  const tip = await getReviewFeedback(request.ctx.db, { feedbackId });
  if (tip?.kind !== 'tip') return stale;
  const review = locked
    ? await lockReview(request, tip.reviewId)
    : await findReview(request, tip.reviewId);
  if (!review) return stale;
  if (!(await may(request.ctx.db, request.actor, 'lead-review', review.sharingUnitId))) {
    return { ok: false, outcome: say(t.common.notAllowed({ what: t.review.what.tipAction })) };
  }
  if (!isOpen(review, request.ctx.now)) return { ok: false, outcome: say(t.review.closedRefusal) };
  // Read again under the review's lock: two managers clicking at once make one action.
  const current = locked ? await getReviewFeedback(request.ctx.db, { feedbackId }) : tip;
  if (!current) return stale;
  if (current.actionId) return { ok: false, outcome: say(t.review.tipActedOn) };
  return { ok: true, review, tip: current };
}

/** Button "Gör till åtgärd" beside a tip → the action form, its text the tip's. */
export async function openTipAction(request: ActionRequest): Promise<Outcome> {
  const checked = await checkTip(request, request.action.value, false);
  if (!checked.ok) return checked.outcome;
  const t = request.actor.t;
  const { owners } = await actionRules(request, checked.review.sharingUnitId);
  return openForm({
    id: REVIEW_FORM.tipAction,
    title: t.review.tipForm.title,
    submitLabel: t.common.save,
    state: checked.tip.id,
    intro: t.review.tipForm.intro({ tip: checked.tip.text }),
    inputs: [
      {
        type: 'text',
        id: 'text',
        label: t.followUp.addForm.textLabel,
        multiline: true,
        maxLength: ACTION_TEXT_MAX,
        initial: checked.tip.text.slice(0, ACTION_TEXT_MAX),
      },
      {
        type: 'select',
        id: 'owner',
        label: t.followUp.addForm.ownerLabel,
        options: ownerOptions(owners),
      },
      { type: 'date', id: 'due', label: t.followUp.addForm.dueLabel },
    ],
  });
}

/**
 * The action, made through the one action use case (follow-up/new-action.ts: the same limits,
 * owners and owner's notice as SWOT and risk), linked to the tip; the answers message shows it.
 */
export async function submitTipAction(request: FormRequest): Promise<Outcome> {
  const checked = await checkTip(request, request.state, true);
  if (!checked.ok) return asFormRefusal(checked.outcome);
  const { ctx, actor } = request;
  const t = actor.t;
  const { review, tip } = checked;
  const given = checkNewAction(
    t,
    {
      text: single(request.values.text),
      ownerId: single(request.values.owner),
      due: single(request.values.due),
    },
    await actionRules(request, review.sharingUnitId),
  );
  if (!given.ok) return formErrors(given.errors);
  const action = await createActionAndTellOwner(ctx.db, {
    unitId: review.sharingUnitId,
    text: given.action.text,
    ownerId: given.action.owner.personId,
    dueDate: given.action.due,
    sourceKind: 'review',
    // Not the shared dialogue's: its summary and board stay as they were when it closed.
    sourceDialogueId: null,
    sourceItemId: tip.id,
    createdBy: actor.person.id,
    now: ctx.now,
    defaultLang: ctx.settings.defaultLang,
  });
  // Checked under the review's lock above, so a tip already acted on is a broken invariant.
  if (!(await linkFeedbackAction(ctx.db, { feedbackId: tip.id, actionId: action.id }))) {
    throw new Error(`tip ${tip.id} was acted on under the review's lock`);
  }
  const due = formatIsoDate(given.action.due, actor.lang);
  const added = t.followUp.added({
    text: given.action.text,
    owner: given.action.owner.name,
    due,
  });
  return outcome(note(added), ...(await reviewUpdates(ctx.db, review, ctx.now)));
}
