import { listOpenReviewsOfUnits } from '../../store/queries/peer-reviews.js';
import type { Request } from '../core/feature.js';
import { formatDeadline } from '../dialogue/deadline.js';
import type { Block, ListItem } from '../view.js';

/** At most this many reviews on the home view; the channels hold the rest. */
const HOME_MAX = 5;

/**
 * The open reviews of the person's units on their home view: those waiting for their unit's
 * feedback, and those their unit shared with how many answers came. Nothing when none is open.
 */
export async function reviewHome(request: Request): Promise<Block[]> {
  const { ctx, actor } = request;
  const unitIds = [...new Set(actor.roles.map((r) => r.unitId))];
  const open = await listOpenReviewsOfUnits(ctx.db, { unitIds, now: ctx.now, limit: HOME_MAX });
  if (open.length === 0) return [];
  const r = actor.t.review.home;
  const items: ListItem[] = [];
  for (const review of open) {
    const reviewing = review.reviewingUnit;
    const when = formatDeadline(review.deadline, {
      lang: actor.lang,
      timeZone: reviewing.timezone,
    });
    const topic = review.outcome.topic;
    const text = unitIds.includes(review.reviewingUnitId)
      ? r.waiting({ unit: review.outcome.unitName, topic, when })
      : r.answered({ unit: reviewing.name, topic, count: review.feedbackCount });
    items.push({ text });
  }
  return [
    { type: 'header', text: r.title },
    { type: 'list', items },
  ];
}
