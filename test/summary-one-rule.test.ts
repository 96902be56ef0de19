import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSummary } from '../dialogues/summary/build-summary.js';
import { summaryCsv } from '../dialogues/summary/export-csv.js';
import { summaryMarkdown } from '../dialogues/summary/export-markdown.js';
import { formatCell } from '../dialogues/summary/format.js';
import { measureKeys } from '../dialogues/summary/measures.js';
import { readPeriod } from '../dialogues/summary/period.js';
import { SLOTS, type SummaryData, type SummaryRow } from '../dialogues/summary/summary-data.js';
import { summaryView } from '../dialogues/summary/summary-view.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { DatabaseHandle } from '../store/database.js';
import type { Unit } from '../store/queries/units.js';
import { dialogues, riskDialogues, risks } from '../store/schema/index.js';
import { at, createSummaryOrg, NOW, type SummaryOrg, T2_2026 } from './support/summary-org.js';
import { openTestDatabase } from './support/test-database.js';

let handle: DatabaseHandle;
let org: SummaryOrg;
let avd: SummaryData;

async function newDialogue(unit: Unit, kind: 'swot' | 'risk', phase: string) {
  const [row] = await handle.db
    .insert(dialogues)
    .values({
      kind,
      unitId: unit.id,
      platform: 'slack',
      workspace: 'T0REFLECT',
      channelId: `C${unit.key.toUpperCase()}${kind}${phase}`,
      topic: `${kind} ${phase}`,
      phase,
      lang: 'sv',
      alongside: true,
      startedBy: org.leader.id,
      createdAt: at(T2_2026),
      closedAt: phase === 'closed' ? at('2026-05-20') : null,
    })
    .returning();
  return row!;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  org = await createSummaryOrg(handle.db);
  // Started and never held: a SWOT still collecting, a risk dialogue still identifying.
  await newDialogue(org.bagis, 'swot', 'collect');
  await newDialogue(org.city, 'risk', 'identify');
  // The department takes up City's escalated 4×4 in its own dialogue and decides on it.
  const held = await newDialogue(org.avd, 'risk', 'closed');
  await handle.db
    .insert(riskDialogues)
    .values({ dialogueId: held.id, unitId: org.avd.id, year: 2026, levels: [3, 6, 9] });
  await handle.db
    .update(risks)
    .set({
      status: 'closed',
      dialogueId: held.id,
      probability: 3,
      consequence: 3,
      process: 'work-environment',
      handling: 'action',
      decidedAt: at('2026-05-20'),
    })
    .where(and(eq(risks.unitId, org.avd.id), eq(risks.sourceKind, 'escalation')));
  avd = await buildSummary(handle.db, {
    unitId: org.avd.id,
    period: readPeriod('T2-2026', '2026-06-15')!,
    threshold: 5,
    timeZone: 'Europe/Stockholm',
    now: NOW,
  });
});
afterAll(async () => handle?.close());

const rowOf = (unit: Unit, scope: SummaryRow['scope'] = 'child') =>
  avd.rows.find((r) => r.unit.id === unit.id && r.scope === scope)!;
const now = (row: SummaryRow, key: (typeof measureKeys)[number]) => row.cells[key][0];

describe('one rule per measure', () => {
  it('counts only dialogues that were held (reached closed), not those started and left', () => {
    expect(now(rowOf(org.bagis), 'dialogues.swot')).toEqual({ status: 'shown', value: 1 });
    expect(now(rowOf(org.city), 'dialogues.risk')).toEqual({ status: 'shown', value: 1 });
  });

  it('counts an escalated risk once, at the unit that decided it', () => {
    // City held three risks and escalated one; the department decided that one.
    expect(now(rowOf(org.city), 'risks.total')).toEqual({ status: 'shown', value: 2 });
    expect(now(rowOf(org.avd, 'own'), 'risks.total')).toEqual({ status: 'shown', value: 1 });
    expect(now(avd.rows[0]!, 'risks.total')).toEqual({ status: 'shown', value: 3 });
    expect(avd.matrix.flat().reduce((a, b) => a + b, 0)).toBe(3);
    // The escalation itself is still an escalation out of City and into the department.
    expect(now(rowOf(org.city), 'escalations.out')).toEqual({ status: 'shown', value: 1 });
    expect(now(rowOf(org.avd, 'own'), 'escalations.in')).toEqual({ status: 'shown', value: 1 });
  });

  it('never withholds a total or a count where a part of it, or its average, is shown', () => {
    const response = ['reflection.invited', 'reflection.answered', 'reflection.response-rate'];
    const answerBased = (key: string) => response.includes(key) || key.startsWith('rating.');
    const total = avd.rows[0]!;
    for (const slot of SLOTS) {
      for (const row of avd.rows) {
        for (const key of measureKeys.filter(answerBased)) {
          if (row.cells[key][slot]!.status !== 'shown') continue;
          expect(total.cells[key][slot]!.status, `${row.unit.key} ${key}`).toBe('shown');
        }
        if (row.cells['rating.all'][slot]!.status !== 'shown') continue;
        for (const key of measureKeys.filter((k) => response.includes(k))) {
          expect(row.cells[key][slot]!.status, `${row.unit.key} ${key}`).toBe('shown');
        }
      }
    }
  });

  it('shows the same figure in the overview, the CSV and the Markdown report', () => {
    const csv = summaryCsv(avd, sv, { separator: ',' }).split('\r\n');
    const markdown = summaryMarkdown(avd, sv, 'sv', {});
    for (const row of avd.rows) {
      for (const key of measureKeys) {
        for (const slot of SLOTS) {
          const cell = row.cells[key][slot]!;
          const status = sv.summary.csvStatus[cell.status];
          const line = csv.find(
            (l) =>
              l.startsWith(`${row.unit.key},`) &&
              l.includes(`,${sv.summary.csvScopes[row.scope]},${key},`) &&
              l.includes(`,${avd.periods[slot].from},`),
          );
          expect(line?.endsWith(`,${status}`), `${row.unit.key} ${key} ${slot}`).toBe(true);
        }
        const text = formatCell(key, row.cells[key][0]!, sv, 'sv');
        expect(markdown).toContain(`| ${sv.summary.measures[key]} | ${text} |`);
      }
    }
    const view = summaryView(avd, sv, 'sv', {}, 'x');
    const overview = view.blocks.find((b) => b.type === 'matrix');
    if (overview?.type !== 'matrix') throw new Error('no overview');
    overview.matrix.rowLabels.forEach((label, i) => {
      const key = measureKeys.find((k) => sv.summary.measures[k] === label)!;
      const cell = avd.rows[0]!.cells[key][0]!;
      const expected =
        cell.status === 'withheld' ? sv.summary.withheldShort : formatCell(key, cell, sv, 'sv');
      expect(overview.matrix.cells[i]![0]!.text).toBe(expected);
    });
  });
});
