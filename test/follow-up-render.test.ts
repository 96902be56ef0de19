import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../bot/slack/render-blocks.js';
import {
  effectQuestionView,
  escalationView,
  nudgeView,
} from '../dialogues/follow-up/action-views.js';
import { digestView } from '../dialogues/follow-up/digest.js';
import { selfCheckView } from '../dialogues/follow-up/self-checks.js';
import { texts } from '../dialogues/texts/catalogue.js';
import type { ListedAction } from '../store/queries/action-lists.js';
import { checkBlockKitLimits } from './support/block-kit-limits.js';

const ID = '0b1c2d3e-4f50-4617-8283-949596979899';
const brief = {
  id: ID,
  text: 'Inför en gemensam rutin för överlämning mellan dag- och kvällspass',
  dueDate: '2026-11-10',
  unitName: 'Daglig verksamhet Norr',
  ownerName: 'Anna Andersson',
};
const long = {
  ...brief,
  text: 'Å'.repeat(280),
  unitName: 'E'.repeat(200),
  ownerName: 'N'.repeat(200),
};

function listed(i: number, due: string): ListedAction {
  return {
    ...brief,
    id: `${ID.slice(0, -3)}${String(i).padStart(3, '0')}`,
    text: `${'Ö'.repeat(250)} ${i}`,
    dueDate: due,
    unitId: ID,
    ownerId: ID,
    status: 'open',
    sourceKind: 'manual',
    sourceDialogueId: null,
    sourceItemId: null,
    createdBy: ID,
    createdAt: new Date(0),
    doneAt: null,
    effect: null,
    effectNote: null,
    effectAt: null,
    dueRevision: 0,
    dueSetAt: null,
    nudgeCount: 0,
    nudgedStage: null,
    escalated: false,
    checkIns: 0,
    checkInAt: null,
    timezone: 'Europe/Stockholm',
  };
}

describe('follow-up messages in Block Kit', () => {
  for (const lang of ['sv', 'en'] as const) {
    const t = texts(lang);
    it(`keeps nudges, the effect question and self-checks within Slack's limits (${lang})`, () => {
      const views = [
        nudgeView(t, lang, brief, { kind: 'due' }, 0),
        nudgeView(t, lang, long, { kind: 'overdue' }, 3),
        escalationView(t, lang, long, 11),
        effectQuestionView(t, lang, long, { askLaterWeeks: 4 }),
        effectQuestionView(t, lang, long, { askLaterWeeks: null, doneOn: '2026-11-10' }),
        selfCheckView(t, { text: long.text, unitName: long.unitName, cadence: 'monthly' }, ID),
        digestView(
          t,
          lang,
          { unitId: ID, unitName: long.unitName },
          Array.from({ length: 60 }, (_, i) => listed(i, i % 2 ? '2026-11-01' : '2026-11-20')),
          '2026-11-16',
        ),
      ];
      for (const view of views) {
        expect(checkBlockKitLimits(renderBlocks(view), { maxBlocks: 50 })).toEqual([]);
      }
    });
  }

  it('shows the nudge buttons and the three effect answers with their values', () => {
    const t = texts('sv');
    const nudge = renderBlocks(nudgeView(t, 'sv', brief, { kind: 'due' }, 0));
    const effect = renderBlocks(effectQuestionView(t, 'sv', brief, { askLaterWeeks: 4 }));
    const buttons = (blocks: unknown[]) =>
      blocks.flatMap((b) =>
        (b as { type: string }).type === 'actions'
          ? (b as { elements: { text: { text: string }; value: string }[] }).elements.map(
              (e) => `${e.text.text}=${e.value}`,
            )
          : [],
      );
    expect(buttons(nudge)).toEqual([`Klar=${ID}`, `Nytt datum=${ID}`, `Stryk=${ID}`]);
    expect(buttons(effect)).toEqual([
      `Ja=${ID}:yes`,
      `Delvis=${ID}:partly`,
      `Nej=${ID}:no`,
      `Fråga igen om 4 veckor=${ID}`,
    ]);
  });
});
