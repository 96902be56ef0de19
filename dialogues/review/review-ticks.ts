import type { Database } from '../../store/database.js';
import { enqueueMessageUpdate } from '../../store/queries/message-updates.js';
import { enqueueOutbox } from '../../store/queries/outbox.js';
import {
  closeDueReviews,
  findPostedPlace,
  listReviewsToRemind,
  markReviewReminded,
  type PeerReview,
  reshuffleAnonymousFeedback,
} from '../../store/queries/peer-reviews.js';
import { vacuumTables } from '../../store/queries/reflection-round-forget.js';
import { getUnit, listChannelsOfUnit } from '../../store/queries/units.js';
import { DEFAULT_TIME_ZONE } from '../core/defaults.js';
import type { Reply } from '../core/outcome.js';
import { formatDeadline } from '../dialogue/deadline.js';
import type { Tick } from '../schedule/tick.js';
import { texts } from '../texts/catalogue.js';
import type { View } from '../view.js';
import { REMINDER_BEFORE_MS, reviewCardKey, reviewReminderKey } from './review-kind.js';
import { reviewUpdates } from './review-load.js';

/**
 * Peer review's scheduled work: one reminder to the reviewing unit before the deadline, and
 * closing at the deadline, after which both messages show it closed and have no buttons, and
 * the anonymous feedback no longer says in which order it was written.
 */
export function reviewTicks(): Tick[] {
  return [
    {
      name: 'peer-review-reminders',
      run: async ({ db, now }) => {
        for (const review of await listReviewsToRemind(db, { now, before: REMINDER_BEFORE_MS })) {
          await db.transaction((tx) => remindOnce(tx, review, now));
        }
      },
    },
    {
      name: 'peer-review-deadlines',
      run: async (ctx) => {
        const updates = await ctx.db.transaction(async (tx) => {
          const closed = await closeDueReviews(tx, { now: ctx.now });
          const all: Extract<Reply, { kind: 'update' }>[] = [];
          for (const review of closed) {
            await reshuffleAnonymousFeedback(tx, { reviewId: review.id });
            for (const update of await reviewUpdates(tx, review, ctx.now)) {
              await enqueueMessageUpdate(tx, {
                messageKey: update.key,
                view: update.view,
                now: ctx.now,
              });
              all.push(update);
            }
          }
          return all;
        });
        // The old places of the reshuffled rows, off every page (outside the transaction).
        if (updates.length > 0) await vacuumTables(ctx.db, ['review_feedback']);
        for (const update of updates) await ctx.refresh(update.key, update.view);
      },
    },
  ];
}

/**
 * The reminder, where the card is (else the reviewing unit's first channel). Marking the
 * review reminded and the outbox key each hold "once", whichever instance gets there first.
 */
async function remindOnce(tx: Database, review: PeerReview, now: Date): Promise<void> {
  if (!(await markReviewReminded(tx, { reviewId: review.id, now }))) return;
  const place =
    (await findPostedPlace(tx, { key: reviewCardKey(review.id) })) ??
    (await listChannelsOfUnit(tx, { unitId: review.reviewingUnitId }))[0];
  if (!place) return;
  await enqueueOutbox(tx, {
    key: reviewReminderKey(review.id),
    target: { kind: 'channel', ...place },
    view: await reminderView(tx, review),
    notBefore: now,
  });
}

async function reminderView(db: Database, review: PeerReview): Promise<View> {
  const r = texts(review.lang).review;
  const unit = await getUnit(db, { unitId: review.reviewingUnitId });
  const when = formatDeadline(review.deadline, {
    lang: review.lang,
    timeZone: unit?.timezone ?? DEFAULT_TIME_ZONE,
  });
  const text = r.reminder({ unit: review.outcome.unitName, topic: review.outcome.topic, when });
  return { summary: text, blocks: [{ type: 'text', text }] };
}
