import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSummary } from '../dialogues/summary/build-summary.js';
import { summaryMarkdown } from '../dialogues/summary/export-markdown.js';
import { delta } from '../dialogues/summary/format.js';
import { readPeriod } from '../dialogues/summary/period.js';
import {
  type Cell,
  SLOTS,
  type SummaryData,
  type SummaryRow,
} from '../dialogues/summary/summary-data.js';
import { summaryView } from '../dialogues/summary/summary-view.js';
import { en } from '../dialogues/texts/en/index.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { DatabaseHandle } from '../store/database.js';
import type { Unit } from '../store/queries/units.js';
import { reflectionAnswers, reflectionRounds, summaryRoundTotals } from '../store/schema/index.js';
import { createSummaryOrg, NOW, type SummaryOrg } from './support/summary-org.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
let org: SummaryOrg;
let avd: SummaryData;

const summaryOf = (unit: Unit, period = 'T2-2026') =>
  buildSummary(handle.db, {
    unitId: unit.id,
    period: readPeriod(period, '2026-06-15')!,
    threshold: 5,
    timeZone: 'Europe/Stockholm',
    now: NOW,
  });

beforeAll(async () => {
  handle = await openTestDatabase();
  org = await createSummaryOrg(handle.db);
  avd = await summaryOf(org.avd);
});
afterAll(async () => handle?.close());

const rowOf = (data: SummaryData, unit: Unit, scope: SummaryRow['scope'] = 'child') =>
  data.rows.find((r) => r.unit.id === unit.id && r.scope === scope)!;
const shown = (value: number): Cell => ({ status: 'shown', value });
const WITHHELD: Cell = { status: 'withheld' };

describe('figures per unit', () => {
  it('lists the whole subtree, the own level, then the children by Swedish name order', () => {
    expect(avd.rows.map((r) => `${r.scope}:${r.unit.key}`)).toEqual([
      'total:avd',
      'own:avd',
      'child:bagis',
      'child:city',
      'child:arsta',
    ]);
    expect(avd.periods.map((p) => `${p.from}..${p.to}`)).toEqual([
      '2026-05-01..2026-08-31',
      '2026-01-01..2026-04-30',
      '2025-05-01..2025-08-31',
    ]);
  });

  it('compares periods as one reads them: a year with the year before, once; a range with the same days', async () => {
    const dates = (data: SummaryData) => data.periods.map((p) => `${p.from}..${p.to}`);
    const year = await summaryOf(org.avd, '2026');
    expect(dates(year)).toEqual([
      '2026-01-01..2026-12-31',
      '2025-01-01..2025-12-31',
      '2025-01-01..2025-12-31',
    ]);
    const compared = (data: SummaryData, lang: 'sv' | 'en') =>
      summaryView(data, lang === 'sv' ? sv : en, lang, {}, 'x').blocks.find(
        (b) => b.type === 'context',
      );
    expect(compared(year, 'sv')).toMatchObject({ text: '1 jan–31 dec 2026. Jämförs med 2025.' });
    expect(compared(year, 'en')).toMatchObject({ text: '1 Jan–31 Dec 2026. Compared with 2025.' });
    expect(summaryMarkdown(year, sv, 'sv', {})).not.toContain('2025 och 2025');
    // One column of change in the headline, and one change after each unit's figure.
    const columns = (data: SummaryData) => {
      const block = summaryView(data, sv, 'sv', {}, 'x').blocks.find((b) => b.type === 'matrix');
      return block?.type === 'matrix' ? block.matrix.columnLabels.length : 0;
    };
    expect(columns(year)).toBe(2);
    const paragraphs = summaryView(year, sv, 'sv', {}, 'x').blocks.flatMap((b) =>
      b.type === 'text' && b.text.startsWith('*Enhet') ? [b.text] : [],
    );
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const p of paragraphs) expect(p).not.toMatch(/\([^()]* · [^()]*\)/);
    const range = await summaryOf(org.avd, '2026-01-01..2026-04-29');
    expect(dates(range)).toEqual([
      '2026-01-01..2026-04-29',
      '2025-01-01..2025-04-29',
      '2025-01-01..2025-04-29',
    ]);
    const december = await summaryOf(org.avd, '2026-12-01..2026-12-31');
    expect(dates(december)).toEqual([
      '2026-12-01..2026-12-31',
      '2026-11-01..2026-11-30',
      '2025-12-01..2025-12-31',
    ]);
    expect(columns(december)).toBe(3);
    expect(compared(december, 'sv')).toMatchObject({
      text: '1–31 dec 2026. Jämförs med november 2026 (föregående) och december 2025 (året innan).',
    });
  });

  it('counts actions, their effect and overdue ones in each period', () => {
    const bagis = rowOf(avd, org.bagis).cells;
    expect(bagis['actions.opened']).toEqual([shown(7), shown(5), shown(1)]);
    expect(bagis['actions.done']).toEqual([shown(5), shown(5), shown(1)]);
    expect(bagis['actions.overdue']).toEqual([shown(1), shown(0), shown(0)]);
    // The effect is each named owner's report on their own action: a record, not withheld.
    expect(bagis['effect.share']).toEqual([shown(0.6), shown(0.4), shown(1)]);
    expect(avd.rows[0]!.cells['actions.opened']).toEqual(bagis['actions.opened']);
  });

  it('counts dialogues, risks by level, process and cell, escalations and self-checks', () => {
    const city = rowOf(avd, org.city).cells;
    expect(city['dialogues.risk']).toEqual([shown(1), shown(0), shown(1)]);
    expect(city['risks.total'][0]).toEqual(shown(3));
    expect(city['risks.level.very-high'][0]).toEqual(shown(1));
    expect(city['risks.level.high']).toEqual([shown(0), shown(0), shown(1)]);
    expect(city['risks.process.work-environment'][0]).toEqual(shown(1));
    expect(city['escalations.out'][0]).toEqual(shown(1));
    expect(city['escalations.fate.waiting'][0]).toEqual(shown(1));
    expect(rowOf(avd, org.avd, 'own').cells['escalations.in'][0]).toEqual(shown(1));
    expect(city['self-checks.done']).toEqual([shown(2), shown(1), shown(0)]);
    expect(city['self-checks.missed']).toEqual([shown(1), shown(1), shown(0)]);
    expect(avd.matrix).toEqual([
      [0, 0, 0, 1],
      [0, 0, 0, 0],
      [0, 0, 1, 0],
      [1, 0, 0, 0],
    ]);
    expect(rowOf(avd, org.bagis).cells['dialogues.swot']).toEqual([shown(1), shown(1), shown(0)]);
  });

  it('gives response rates and ratings, compared with the previous period and a year earlier', () => {
    const bagis = rowOf(avd, org.bagis).cells;
    expect(bagis['reflection.response-rate']).toEqual([
      shown(9 / 12),
      shown(10 / 12),
      shown(6 / 11),
    ]);
    expect(bagis['rating.trust'][0]).toEqual(shown(29 / 8));
    const rate = bagis['reflection.response-rate'];
    expect(delta('reflection.response-rate', rate[0]!, rate[1]!, 'sv')).toEqual({
      text: '−8',
      arrow: '▼',
      tone: 'red',
    });
    expect(delta('reflection.response-rate', rate[0]!, rate[2]!, 'sv')).toEqual({
      text: '+20',
      arrow: '▲',
      tone: 'green',
    });
    const overdue = bagis['actions.overdue'];
    expect(delta('actions.overdue', overdue[0]!, overdue[1]!, 'en')?.tone).toBe('red');
    expect(delta('rating.all', bagis['rating.all'][0]!, WITHHELD, 'sv')).toBeNull();
    const total = avd.rows[0]!.cells;
    // Liten's round (2 of 3 answered) is below the threshold and counts nowhere.
    expect(total['reflection.response-rate'][0]).toEqual(shown(30 / 39));
    expect(total['reflection.answered'][0]).toEqual(shown(30));
    expect(avd.trend.map((p) => p.responseRate.status)).toEqual([
      'empty',
      'empty',
      'shown',
      'empty',
      'shown',
      'shown',
    ]);
    expect(avd.trend.at(-1)!.responseRate).toEqual(total['reflection.response-rate'][0]);
  });
});

describe('withholding', () => {
  it('withholds a section of three people at its own level and in its unit’s summary', async () => {
    const liten = await summaryOf(org.liten);
    expect(liten.rows).toHaveLength(1);
    expect(liten.rows[0]!.cells['reflection.response-rate'][0]).toEqual(WITHHELD);
    expect(liten.rows[0]!.cells['rating.all'][0]).toEqual(WITHHELD);
    const arsta = await summaryOf(org.arsta);
    expect(rowOf(arsta, org.liten).cells['reflection.response-rate'][0]).toEqual(WITHHELD);
    expect(rowOf(arsta, org.stor).cells['reflection.response-rate'][0]).toEqual(shown(11 / 16));
  });

  it('counts a small section nowhere: its unit shows the large section alone', async () => {
    const arsta = await summaryOf(org.arsta);
    expect(arsta.rows[0]!.cells['reflection.response-rate'][0]).toEqual(shown(11 / 16));
    expect(arsta.rows[0]!.cells['reflection.answered'][0]).toEqual(shown(11));
    // The same figure wherever Årsta appears.
    expect(rowOf(avd, org.arsta).cells['reflection.response-rate'][0]).toEqual(shown(11 / 16));
    // In T1 both sections had too few (3 and 4 answers): Årsta is withheld, not empty.
    const t1 = await summaryOf(org.arsta, 'T1-2026');
    expect(t1.rows[0]!.cells['reflection.response-rate'][0]).toEqual(WITHHELD);
    expect(t1.rows[0]!.cells['reflection.answered'][0]).toEqual(WITHHELD);
    expect(t1.rounds).toMatchObject({ counted: 0, left: 2, open: 0 });
  });

  it('at the department, shows its own level (five answers) beside the children', () => {
    expect(rowOf(avd, org.avd, 'own').cells['reflection.response-rate'][0]).toEqual(shown(1));
  });

  it('adds up: every answer figure of a unit is its own level plus its children', async () => {
    for (const data of [avd, await summaryOf(org.arsta), await summaryOf(org.avd, 'T1-2026')]) {
      for (const key of ['reflection.answered', 'reflection.invited'] as const) {
        for (const slot of SLOTS) {
          const value = (cell: Cell | undefined) => (cell?.status === 'shown' ? cell.value : 0);
          const parts = data.rows.slice(1).reduce((n, r) => n + value(r.cells[key][slot]), 0);
          if (data.rows.length > 1) {
            expect(value(data.rows[0]!.cells[key][slot]), `${data.unit.key} ${key}`).toBe(parts);
          }
        }
      }
    }
  });

  it('says which closed rounds the figures come from and what was left out', () => {
    expect(avd.rounds).toEqual({
      counted: 5,
      left: 1,
      open: 0,
      first: '2026-05-12',
      last: '2026-06-02',
    });
  });

  it('takes words and SWOT items only from units with enough people of their own', () => {
    const words = avd.rows[0]!.themes.map((w) => w.word);
    expect(words).toContain('bemanningen');
    expect(avd.rows[0]!.themes[0]).toEqual({ word: 'bemanningen', answers: 6 });
    const everything = JSON.stringify(avd);
    expect(everything).not.toContain('hemlig');
    expect(everything).not.toContain('Hemlig');
    expect(avd.rows[0]!.topItems.map((i) => [i.text, i.votes])).toEqual([
      ['Vakanser inför sommaren', 7],
      ['Engagerade kollegor', 5],
      ['Otydliga mandat', 2],
    ]);
  });
});

describe('kept round totals', () => {
  it('counts a closed round once and reads it back the same; an open round not at all', async () => {
    const first = await summaryOf(org.bagis);
    const kept = await handle.db.select().from(summaryRoundTotals);
    expect(kept.length).toBeGreaterThan(0);
    const again = await summaryOf(org.bagis);
    expect(again.rows[0]!.cells).toEqual(first.rows[0]!.cells);
    // A round still open in June: counted from its answers, and not kept.
    const [open] = await handle.db
      .insert(reflectionRounds)
      .values({
        unitId: org.bagis.id,
        roundDate: '2026-06-11',
        principle: 'openness',
        questionIndex: 0,
        opensAt: new Date('2026-06-11T12:00:00Z'),
        remindAt: new Date('2026-06-12T12:00:00Z'),
        closesAt: new Date('2026-06-18T12:00:00Z'),
        invitedCount: 12,
      })
      .returning();
    await handle.db.insert(reflectionAnswers).values(
      [5, 4, 4, 5, 3].map((rating) => ({
        roundId: open!.id,
        unitId: org.bagis.id,
        principle: 'openness' as const,
        rating,
      })),
    );
    const withOpen = await summaryOf(org.bagis);
    // Open: counted nowhere, only as open.
    expect(withOpen.rows[0]!.cells['rating.openness'][0]).toEqual({ status: 'empty' });
    expect(withOpen.rows[0]!.cells['reflection.answered'][0]).toEqual(shown(9));
    expect(withOpen.rounds.open).toBe(1);
    const keptNow = await handle.db.select().from(summaryRoundTotals);
    expect(keptNow.some((row) => row.roundId === open!.id)).toBe(false);
    // Once it closes, it is kept, with the same figures.
    await handle.db
      .update(reflectionRounds)
      .set({ closedAt: new Date('2026-06-18T12:00:00Z'), answeredCount: 5 })
      .where(eq(reflectionRounds.id, open!.id));
    const closed = await summaryOf(org.bagis);
    expect(closed.rows[0]!.cells['rating.openness'][0]).toEqual(shown(21 / 5));
    expect(closed.rows[0]!.cells['reflection.answered'][0]).toEqual(shown(14));
    expect(closed.rounds.open).toBe(0);
    const keptLast = await handle.db.select().from(summaryRoundTotals);
    expect(keptLast.find((row) => row.roundId === open!.id)).toMatchObject({
      answered: 5,
      ratings: 5,
      ratingSum: 21,
      invited: 12,
      principle: 'openness',
    });
  });
});
