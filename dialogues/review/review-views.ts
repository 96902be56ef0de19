import type { PeerReview, ShownFeedback } from '../../store/queries/peer-reviews.js';
import {
  type ReviewFeedbackKind,
  type ReviewOutcome,
  reviewFeedbackKinds,
} from '../../store/schema/index.js';
import { formatDeadline } from '../dialogue/deadline.js';
import { type Catalogue, texts } from '../texts/catalogue.js';
import type { Block, Button, ListItem, View } from '../view.js';

/** What both messages of a review show: the review, the units' names and the feedback. */
export interface ReviewShown {
  review: PeerReview;
  reviewingUnitName: string;
  feedback: ShownFeedback[];
  timeZone: string;
  /** The review takes no more feedback: closed, or its deadline passed. */
  closed: boolean;
}

/** Lists stop here so a busy review still fits in one message on every platform. */
const LISTED_MAX = 40;

/**
 * The card in the reviewing unit's channel: the outcome as it was shared, the feedback so
 * far, and while open the three kinds of feedback and the manager's summing up as buttons.
 */
export function reviewCardView(shown: ReviewShown): View {
  const { review } = shown;
  const t = texts(review.lang);
  const r = t.review;
  const outcome = review.outcome;
  const title = r.cardTitle({ unit: outcome.unitName, topic: outcome.topic });
  const blocks: Block[] = [
    { type: 'header', text: title },
    {
      type: 'context',
      text: r.cardContext({
        from: outcome.unitName,
        to: shown.reviewingUnitName,
        kind: r.kinds[outcome.kind],
      }),
    },
    ...outcomeBlocks(t, outcome),
    { type: 'divider' },
    ...feedbackBlocks(t, shown),
    statusBlock(t, shown),
  ];
  if (!shown.closed) {
    const give = (kind: ReviewFeedbackKind): Button => ({
      label: r.feedbackKinds[kind],
      action: { id: 'review.feedback', value: `${review.id}:${kind}` },
      ...(kind === 'how-we-do-it' ? { style: 'primary' as const } : {}),
    });
    blocks.push({
      type: 'buttons',
      buttons: [
        ...reviewFeedbackKinds.map(give),
        {
          label: r.buttons.comment,
          action: { id: 'review.comment', value: review.id },
          only: { capability: 'lead-review', unitId: review.reviewingUnitId, who: r.forManager },
        },
      ],
    });
  }
  return { summary: title, blocks };
}

/**
 * The one message in the sharing unit's channel that shows the feedback as it comes; while
 * open, each tip not yet acted on has a button to make it an action (the manager's).
 */
export function reviewAnswersView(shown: ReviewShown): View {
  const { review } = shown;
  const t = texts(review.lang);
  const r = t.review;
  const title = r.answersTitle({ unit: shown.reviewingUnitName, topic: review.outcome.topic });
  const tipButton = (feedback: ShownFeedback): Button[] =>
    !shown.closed && feedback.kind === 'tip' && feedback.actionId === null
      ? [
          {
            label: r.buttons.tipAction,
            action: { id: 'review.tip-action', value: feedback.id },
            only: { capability: 'lead-review', unitId: review.sharingUnitId, who: r.forManager },
          },
        ]
      : [];
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'context', text: r.answersContext({ unit: shown.reviewingUnitName }) },
    ...feedbackBlocks(t, shown, tipButton),
    statusBlock(t, shown),
  ];
  return { summary: title, blocks };
}

/** The outcome as the sharing unit's summary said it, without a name. */
export function outcomeBlocks(t: Catalogue, outcome: ReviewOutcome): Block[] {
  const r = t.review;
  const blocks: Block[] = [];
  if (outcome.kind === 'swot') {
    blocks.push({ type: 'text', text: `*${r.topItemsTitle}*` });
    blocks.push(
      outcome.top.length === 0
        ? { type: 'context', text: r.none }
        : {
            type: 'list',
            items: outcome.top.map((item) => ({
              text: r.topItemLine({
                quadrant: t.swot.quadrants[item.quadrant],
                text: item.text,
                votes: item.votes,
              }),
            })),
          },
    );
  } else {
    blocks.push({ type: 'text', text: `*${r.decisionsTitle}*` });
    blocks.push(
      outcome.decisions.length === 0
        ? { type: 'context', text: r.none }
        : {
            type: 'list',
            items: outcome.decisions.slice(0, LISTED_MAX).map((d) => ({
              text: r.decisionLine({
                text: d.text,
                value: d.value,
                handling: d.handling ? t.risk.handlings[d.handling] : null,
                process: d.process ? t.risk.processes[d.process] : null,
              }),
            })),
          },
    );
  }
  blocks.push({ type: 'text', text: `*${r.actionsTitle}*` });
  blocks.push(
    outcome.actions.length === 0
      ? { type: 'context', text: r.none }
      : {
          type: 'list',
          items: outcome.actions.slice(0, LISTED_MAX).map((a) => ({
            text: r.actionLine({
              text: a.text,
              done: a.done,
              effect: a.effect ? t.followUp.effects[a.effect] : null,
              note: a.effectNote,
            }),
          })),
        },
  );
  return blocks;
}

/** The feedback so far, by kind, then the reviewing manager's summing up. */
function feedbackBlocks(
  t: Catalogue,
  shown: ReviewShown,
  buttonsOf: (feedback: ShownFeedback) => Button[] = () => [],
): Block[] {
  const r = t.review;
  const blocks: Block[] = [
    { type: 'text', text: `*${r.feedbackTitle({ count: shown.feedback.length })}*` },
  ];
  if (shown.feedback.length === 0) blocks.push({ type: 'context', text: r.noFeedback });
  else {
    const items = shown.feedback.slice(0, LISTED_MAX).map(
      (f): ListItem => ({
        text: r.feedbackLine({
          kind: r.feedbackKinds[f.kind],
          text: f.text,
          by: f.authorName,
          acted: f.actionId !== null,
        }),
        ...(buttonsOf(f).length ? { buttons: buttonsOf(f) } : {}),
      }),
    );
    blocks.push({ type: 'list', items });
    const more = shown.feedback.length - LISTED_MAX;
    if (more > 0) blocks.push({ type: 'context', text: t.common.moreItems({ count: more }) });
  }
  if (shown.review.summaryComment) {
    blocks.push({
      type: 'text',
      text: r.commentLine({ unit: shown.reviewingUnitName, text: shown.review.summaryComment }),
    });
  }
  return blocks;
}

function statusBlock(t: Catalogue, shown: ReviewShown): Block {
  const r = t.review;
  if (shown.closed) return { type: 'context', text: r.closedLine };
  const when = formatDeadline(shown.review.deadline, {
    lang: shown.review.lang,
    timeZone: shown.timeZone,
  });
  return { type: 'context', text: r.openUntil({ when }) };
}
