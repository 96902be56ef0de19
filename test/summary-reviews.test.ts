import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSummary } from '../dialogues/summary/build-summary.js';
import { summaryCsv } from '../dialogues/summary/export-csv.js';
import { summaryMarkdown } from '../dialogues/summary/export-markdown.js';
import { readPeriod } from '../dialogues/summary/period.js';
import type { SummaryData } from '../dialogues/summary/summary-data.js';
import { summaryView } from '../dialogues/summary/summary-view.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { DatabaseHandle } from '../store/database.js';
import { type OrgPlan, syncOrg } from '../store/queries/org-sync.js';
import {
  actions,
  dialogues,
  peerReviews,
  people,
  reviewFeedback,
  units,
} from '../store/schema/index.js';
import { openTestDatabase } from './support/test-database.js';

/**
 * Issue 21: leadership summaries count reviews given and received per unit, and the peers'
 * tips that became actions, compared with the period before and a year earlier.
 */
const NOW = new Date('2026-04-20T10:00:00Z');
const unit = (key: string, level: OrgPlan['units'][number]['level'], parent: string | null) => ({
  key,
  name: `Enhet ${key}`,
  level,
  parent,
  channels: [],
});
const plan: OrgPlan = {
  units: [
    unit('sof', 'administration', null),
    unit('ifo', 'department', 'sof'),
    unit('barn', 'unit', 'ifo'),
    unit('aldre', 'department', 'sof'),
    unit('hemtj', 'unit', 'aldre'),
  ],
  people: [
    {
      key: 'chef',
      name: 'Chef',
      admin: false,
      identities: [],
      roles: [{ unit: 'barn', role: 'manager' }],
    },
  ],
};

let handle: DatabaseHandle;
const id: Record<string, string> = {};
let data: SummaryData;

/** A review of barn's dialogue by hemtj, closed at `closedAt`, with these feedback kinds. */
async function review(
  closedAt: Date | null,
  feedback: ('tip' | 'question')[],
  from = 'barn',
  to = 'hemtj',
) {
  const [dialogue] = await handle.db
    .insert(dialogues)
    .values({
      kind: 'swot',
      unitId: id[from]!,
      platform: 'slack',
      workspace: 'T1',
      channelId: `C_${from}`,
      topic: 'Vår vardag',
      phase: 'closed',
      lang: 'sv',
      startedBy: id.chef!,
      closedAt: new Date('2025-09-01T10:00:00Z'),
    })
    .returning();
  const [row] = await handle.db
    .insert(peerReviews)
    .values({
      sharingUnitId: id[from]!,
      reviewingUnitId: id[to]!,
      sourceKind: 'swot',
      sourceDialogueId: dialogue!.id,
      outcome: {
        kind: 'swot',
        topic: 'Vår vardag',
        unitName: from,
        closedAt: '2025-09-01',
        top: [],
        actions: [],
      },
      lang: 'sv',
      sharedBy: id.chef!,
      deadline: closedAt ?? new Date('2026-05-30T10:00:00Z'),
      closedAt,
      createdAt: new Date((closedAt ?? NOW).getTime() - 14 * 86_400_000),
    })
    .returning();
  const notes = feedback.map((kind) => ({ reviewId: row!.id, kind, text: 'Prova fika-möten' }));
  return notes.length ? handle.db.insert(reviewFeedback).values(notes).returning() : [];
}

async function tipToAction(feedbackId: string, at: Date) {
  const [action] = await handle.db
    .insert(actions)
    .values({
      unitId: id.barn!,
      text: 'Prova fika-möten',
      ownerId: id.chef!,
      dueDate: '2026-06-01',
      sourceKind: 'review',
      sourceItemId: feedbackId,
      createdBy: id.chef!,
      createdAt: at,
    })
    .returning();
  await handle.db
    .update(reviewFeedback)
    .set({ actionId: action!.id })
    .where(eq(reviewFeedback.id, feedbackId));
}

beforeAll(async () => {
  handle = await openTestDatabase();
  await syncOrg(handle.db, plan);
  for (const u of await handle.db.select().from(units)) id[u.key] = u.id;
  for (const p of await handle.db.select().from(people)) id[p.key] = p.id;
  // T1-2026 (the period asked for): two reviews with feedback, one tip became an action.
  const [tip] = await review(new Date('2026-03-10T10:00:00Z'), ['tip', 'question']);
  await review(new Date('2026-04-01T10:00:00Z'), ['question']);
  await tipToAction(tip!.id, new Date('2026-03-12T10:00:00Z'));
  // Not counted: closed without a word said, and one still open.
  await review(new Date('2026-03-20T10:00:00Z'), []);
  await review(null, ['tip']);
  // T3-2025 (the period before): one review the other way round.
  await review(new Date('2025-11-10T10:00:00Z'), ['tip'], 'hemtj', 'barn');
  data = await buildSummary(handle.db, {
    unitId: id.sof!,
    period: readPeriod('T1-2026', '2026-04-20')!,
    threshold: 5,
    timeZone: 'Europe/Stockholm',
    now: NOW,
  });
});
afterAll(async () => handle?.close());

const shown = (value: number) => ({ status: 'shown', value });
const cellsOf = (key: string) => {
  const row = data.rows.find((r) => r.unit.key === key);
  if (!row) throw new Error(`no row for ${key}`);
  return row.cells;
};

describe('reviews in leadership summaries', () => {
  it('counts reviews given and received per unit, and tips that became actions, against earlier periods', () => {
    const ifo = cellsOf('ifo');
    const aldre = cellsOf('aldre');
    // Slots: T1-2026, T3-2025 (before), T1-2025 (a year earlier).
    expect(ifo['reviews.received']).toEqual([shown(2), shown(0), shown(0)]);
    expect(ifo['reviews.given']).toEqual([shown(0), shown(1), shown(0)]);
    expect(ifo['reviews.tip-actions']).toEqual([shown(1), shown(0), shown(0)]);
    expect(aldre['reviews.given']).toEqual([shown(2), shown(0), shown(0)]);
    expect(aldre['reviews.received']).toEqual([shown(0), shown(1), shown(0)]);
    const total = data.rows[0]!.cells;
    expect(total['reviews.given'][0]).toEqual(shown(2));
    expect(total['reviews.received'][0]).toEqual(shown(2));
  });

  it('shows them in chat and in both exports, with the change since the period before', () => {
    const view = JSON.stringify(summaryView(data, sv, 'sv', {}, 'x').blocks);
    expect(view).toContain(sv.summary.measures['reviews.given']);
    expect(view).toContain(sv.summary.lines.reviews);
    const csv = summaryCsv(data, sv, { separator: ';' });
    expect(csv).toContain(
      'ifo;Enhet ifo;hela;reviews.received;Mottagna granskningar;T1-2026;2026-01-01;2026-04-30;2;visas',
    );
    expect(csv).toContain(
      'ifo;Enhet ifo;hela;reviews.tip-actions;Tips som blev åtgärder;T3-2025;2025-09-01;2025-12-31;0;visas',
    );
    expect(summaryMarkdown(data, sv, 'sv', {})).toContain(sv.summary.measures['reviews.given']);
  });

  it('never shows what the feedback said', () => {
    const everything = [
      JSON.stringify(summaryView(data, sv, 'sv', {}, 'x')),
      summaryCsv(data, sv, { separator: ';' }),
      summaryMarkdown(data, sv, 'sv', {}),
    ].join('\n');
    expect(everything).not.toContain('fika');
  });
});
