import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../bot/slack/render-blocks.js';
import { jsonBytes } from '../bot/teams/card-text.js';
import { renderCard } from '../bot/teams/render-card.js';
import type { ReviewShown } from '../dialogues/review/review-views.js';
import { reviewAnswersView, reviewCardView } from '../dialogues/review/review-views.js';
import { swotQuadrants } from '../store/schema/index.js';
import { checkAdaptiveCard, TEAMS_MESSAGE_BYTES } from './support/adaptive-card-check.js';
import { checkBlockKitLimits } from './support/block-kit-limits.js';

const T0 = new Date('2026-03-02T08:00:00Z');
const long = (n: number, what: string) => `${what} ${'å'.repeat(n - what.length - 1)}`;

/** A busy review at its limits: long items, many actions, sixty answers of 280 characters. */
function busyReview(closed: boolean): ReviewShown {
  return {
    review: {
      id: '00000000-0000-4000-8000-000000000001',
      sharingUnitId: '00000000-0000-4000-8000-000000000002',
      reviewingUnitId: '00000000-0000-4000-8000-000000000003',
      sourceKind: 'swot',
      sourceDialogueId: '00000000-0000-4000-8000-000000000004',
      outcome: {
        kind: 'swot',
        topic: long(200, 'Ämne'),
        unitName: 'Barn och unga',
        closedAt: T0.toISOString(),
        top: swotQuadrants.flatMap((quadrant) =>
          [1, 2, 3].map((n) => ({ quadrant, text: long(280, `punkt ${n}`), votes: n })),
        ),
        actions: Array.from({ length: 45 }, (_, n) => ({
          text: long(280, `åtgärd ${n}`),
          done: n % 2 === 0,
          effect: n % 2 === 0 ? ('partly' as const) : null,
          effectNote: n % 2 === 0 ? long(500, 'notering') : null,
        })),
      },
      lang: 'sv',
      sharedBy: '00000000-0000-4000-8000-000000000005',
      pairId: null,
      deadline: new Date(T0.getTime() + 14 * 86_400_000),
      remindedAt: null,
      closedAt: closed ? T0 : null,
      createdAt: T0,
      summaryComment: long(600, 'sammanfattning'),
      summaryBy: '00000000-0000-4000-8000-000000000006',
      summaryAt: T0,
    },
    reviewingUnitName: 'Vuxen',
    feedback: Array.from({ length: 60 }, (_, n) => ({
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      reviewId: '00000000-0000-4000-8000-000000000001',
      kind: (['how-we-do-it', 'question', 'tip'] as const)[n % 3]!,
      text: long(280, `svar ${n}`),
      createdAt: T0,
      actionId: null,
      authorName: n % 2 ? 'Vera Vuxensson' : null,
    })),
    timeZone: 'Europe/Stockholm',
    closed,
  };
}

describe('a busy review fits every platform, cut visibly', () => {
  for (const closed of [false, true]) {
    for (const [name, view] of [
      ['card', reviewCardView(busyReview(closed))],
      ['answers', reviewAnswersView(busyReview(closed))],
    ] as const) {
      it(`the ${name}${closed ? ', closed,' : ''} in Slack and in Teams`, () => {
        expect(checkBlockKitLimits(renderBlocks(view), { maxBlocks: 50 })).toEqual([]);
        const card = renderCard(view);
        expect(checkAdaptiveCard(card)).toEqual([]);
        expect(jsonBytes(card)).toBeLessThanOrEqual(TEAMS_MESSAGE_BYTES);
        expect(JSON.stringify(view)).toContain('och 20 till');
      });
    }
  }
});
