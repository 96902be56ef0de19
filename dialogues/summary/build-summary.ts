import type { Database } from '../../store/database.js';
import { actionFiguresOfSubtree } from '../../store/queries/summary-actions.js';
import { reflectionFiguresOfSubtree } from '../../store/queries/summary-reflection.js';
import { reviewCountsOfSubtree } from '../../store/queries/summary-reviews.js';
import type { SubtreeUnit, SummaryWindow } from '../../store/queries/summary-sql.js';
import { topSwotItems } from '../../store/queries/summary-swot.js';
import { themeWords } from '../../store/queries/summary-themes.js';
import { workCountsOfSubtree } from '../../store/queries/summary-work.js';
import { listSubtree, type UnitInTree } from '../../store/queries/units.js';
import { type ReflectionPrinciple, reflectionPrinciples } from '../../store/schema/index.js';
import { localDate } from '../dialogue/local-time.js';
import { answerFigure, cellRule, type Disclosure } from '../privacy/disclosure.js';
import { type Group, type MeasureKey, measureDef, measureKeys } from './measures.js';
import { comparedPeriods, type Period, periodInstants, recentPeriods } from './period.js';
import type { Cell, RoundsCounted, SummaryData, SummaryRow } from './summary-data.js';
import {
  addTo as add,
  addTally,
  cellKey,
  closedCellsKey,
  get,
  isEmpty,
  measureValue,
  newTally,
  ratedCellsKey,
  ratingCountKey,
  ratingSumKey,
  type Tally,
  type TallyKey,
  tallyKeyOf,
} from './tally.js';
import { STOP_WORDS } from './themes.js';

/** Swedish alphabetical order (å, ä, ö last); one collator, as creating one per comparison is slow. */
const swedish = new Intl.Collator('sv');

/** Periods in the trend chart, the current one included. */
export const TREND_PERIODS = 6;
const TOP_ITEMS = { perBucket: 3, inTree: 5 };
const THEMES = { perBucket: 5, inTree: 8 };

export interface SummaryRequest {
  unitId: string;
  period: Period;
  threshold: number;
  timeZone: string;
  now: Date;
}

/**
 * The summary of a unit's subtree for a period, compared with the period before and the same
 * period a year earlier: a few aggregate statements grouped by unit (nothing is read row by
 * row), folded up the tree here. Figures made of answers come only from cells (unit × closed
 * round) that pass the cell rule of dialogues/privacy/disclosure.ts, so every figure, and
 * every difference between two of them, is made of whole cells that are large enough.
 */
export async function buildSummary(db: Database, request: SummaryRequest): Promise<SummaryData> {
  const units = await listSubtree(db, { unitId: request.unitId });
  const root = units[0];
  if (!root) throw new Error(`buildSummary: no unit ${request.unitId}`);
  const { periods, compared, trendPeriods } = summaryPeriods(request.period);
  const slotOf = (p: Period) => periods.findIndex((q) => q.from === p.from && q.to === p.to);
  const windows = periods.map((p) => toWindow(p, request));
  const comparedSlots = compared.map(slotOf);
  const tree = bucketsOf(units);
  const base = { units: tree };
  const rule = cellRule(request.threshold);
  const [reflection, work, reviews, actions, items, themes] = await Promise.all([
    reflectionFiguresOfSubtree(db, { ...base, windows, ...rule }),
    workCountsOfSubtree(db, { ...base, windows: windows.slice(0, 3) }),
    reviewCountsOfSubtree(db, { ...base, windows: windows.slice(0, 3) }),
    actionFiguresOfSubtree(db, { ...base, windows: windows.slice(0, 3) }),
    topSwotItems(db, { ...base, window: windows[0]!, minVoters: rule.minPerCell, ...TOP_ITEMS }),
    themeWords(db, {
      ...base,
      window: windows[0]!,
      minWriters: rule.minPerCell,
      stopWords: STOP_WORDS,
      ...THEMES,
    }),
  ]);
  const tallies = new Map(units.map((u) => [u.id, windows.map(newTally)]));
  const at = (unitId: string, period: number) => tallies.get(unitId)?.[period];
  for (const r of reflection.figures) {
    const t = at(r.unitId, r.period);
    if (!t) continue;
    add(t, 'reflection.invited', r.invited);
    add(t, 'reflection.answered', r.answered);
    add(t, ratingCountKey(r.principle), r.ratings);
    add(t, ratingSumKey(r.principle), r.ratingSum);
    add(t, closedCellsKey(r.principle), r.closed);
    add(t, ratedCellsKey(r.principle), r.rated);
    add(t, 'cells.counted', r.counted);
    add(t, 'cells.closed', r.closed);
  }
  for (const o of reflection.open) {
    const t = at(o.unitId, o.period);
    if (t) add(t, 'rounds.open', o.open);
  }
  for (const a of actions) {
    const t = at(a.unitId, a.period);
    if (!t) continue;
    for (const key of ['opened', 'done', 'overdue'] as const) add(t, `actions.${key}`, a[key]);
    for (const key of ['yes', 'partly', 'no'] as const) add(t, `effect.${key}`, a[key]);
  }
  for (const w of [...work, ...reviews]) {
    const t = at(w.unitId, w.period);
    // A kind of row the summary does not know yet (a new dialogue kind) is left out.
    const key = tallyKeyOf(w.key);
    if (t && key) add(t, key, w.n);
  }
  const rootNode = buildTree(units, tallies);
  const cellsOf = (node: TallyNode, scope: 'total' | 'own', slots: readonly number[]) =>
    cellsFor(scope === 'total' ? node.subtree : node.own, slots);
  const rowOf = (unit: UnitInTree, scope: SummaryRow['scope']): SummaryRow => {
    const node = scope === 'child' ? rootNode.children.find((c) => c.id === unit.id)! : rootNode;
    const bucket = scope === 'total' ? null : unit.id;
    return {
      scope,
      unit,
      cells: cellsOf(node, scope === 'own' ? 'own' : 'total', comparedSlots),
      topItems: items.filter((i) =>
        bucket
          ? i.bucket === bucket && i.rankInBucket <= TOP_ITEMS.perBucket
          : i.rankInTree <= TOP_ITEMS.inTree,
      ),
      themes: themes
        .filter((w) => w.bucket === bucket)
        .sort((a, b) => b.answers - a.answers || swedish.compare(a.word, b.word))
        .map(({ word, answers }) => ({ word, answers })),
    };
  };
  const children = units
    .filter((u) => u.depth === 1)
    .sort((a, b) => swedish.compare(a.name, b.name));
  const rows: SummaryRow[] = [rowOf(root, 'total')];
  const ownHasData = comparedSlots.some((s) => !isEmpty(rootNode.own[s]));
  if (children.length > 0 && ownHasData) rows.push(rowOf(root, 'own'));
  rows.push(...children.map((child) => rowOf(child, 'child')));
  const trendCells = cellsOf(rootNode, 'total', trendPeriods.map(slotOf));
  return {
    unit: root,
    periods: compared as SummaryData['periods'],
    threshold: request.threshold,
    rounds: roundsCounted(rootNode.subtree[0], reflection.figures),
    rows,
    matrix: ([4, 3, 2, 1] as const).map((p) =>
      ([1, 2, 3, 4] as const).map((c) => get(rootNode.subtree[0], cellKey(p, c))),
    ),
    trend: trendPeriods.map((period, i) => ({
      period,
      responseRate: trendCells['reflection.response-rate'][i]!,
      rating: trendCells['rating.all'][i]!,
    })),
  };
}

/**
 * The periods a summary reads: the one asked for, the one before, the same a year earlier,
 * then the rest of the trend, each distinct period once (a year's previous period is also the
 * same period last year; a tertial three back is the same tertial a year earlier).
 */
function summaryPeriods(current: Period) {
  const { previous, lastYear } = comparedPeriods(current);
  const compared: Period[] = [current, previous, lastYear];
  const trendPeriods = recentPeriods(current, TREND_PERIODS);
  return { periods: uniquePeriods([...compared, ...trendPeriods]), compared, trendPeriods };
}

/** The windows buildSummary queries, in its order (for the bench's hand-written baseline). */
export const summaryWindows = (request: SummaryRequest): SummaryWindow[] =>
  summaryPeriods(request.period).periods.map((p) => toWindow(p, request));

function uniquePeriods(periods: Period[]): Period[] {
  const seen = new Set<string>();
  return periods.filter((p) => {
    const key = `${p.from}..${p.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toWindow(period: Period, request: SummaryRequest): SummaryWindow {
  const { from, to } = periodInstants(period, request.timeZone);
  const asOfTs = to.getTime() < request.now.getTime() ? to : request.now;
  return {
    fromDate: period.from,
    toDate: period.to,
    fromTs: from,
    toTs: to,
    asOfTs,
    asOfDate: localDate(asOfTs, request.timeZone),
  };
}

/** Each unit with the row it counts in: the root, or the child of the root above it. */
function bucketsOf(units: UnitInTree[]): SubtreeUnit[] {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const rootId = units[0]!.id;
  return units.map((u) => {
    let bucket = u.id;
    while (bucket !== rootId && parent.get(bucket) !== rootId) bucket = parent.get(bucket)!;
    return { id: u.id, bucket };
  });
}

function buildTree(units: UnitInTree[], tallies: Map<string, Tally[]>): TallyNode {
  const nodes = new Map<string, TallyNode>(
    units.map((u) => [u.id, { id: u.id, own: tallies.get(u.id)!, subtree: [], children: [] }]),
  );
  for (const u of units) {
    if (u.depth > 0 && u.parentId) nodes.get(u.parentId)?.children.push(nodes.get(u.id)!);
  }
  const fold = (node: TallyNode): Tally[] => {
    const sums = node.own.map((t) => addTally(newTally(), t));
    for (const child of node.children) {
      for (const [period, t] of fold(child).entries()) addTally(sums[period]!, t);
    }
    node.subtree = sums;
    return sums;
  };
  const root = nodes.get(units[0]!.id)!;
  fold(root);
  return root;
}

/** A unit (or subtree) and its tallies per period. */
interface TallyNode {
  id: string;
  own: Tally[];
  subtree: Tally[];
  children: TallyNode[];
}

function cellsFor(tallies: Tally[], slots: readonly number[]): Record<MeasureKey, Cell[]> {
  const cells = {} as Record<MeasureKey, Cell[]>;
  for (const key of measureKeys) {
    const group = measureDef(key).group;
    cells[key] = slots.map((slot): Cell => {
      const status = group ? disclosureOf(tallies[slot], group) : 'shown';
      const value = measureValue(tallies[slot], key);
      if (status === 'withheld') return { status };
      if (status === 'empty' || value === null) return { status: 'empty' };
      return { status: 'shown', value };
    });
  }
  return cells;
}

/** The cell rule's verdict on a group of figures, from how many cells counted and closed. */
function disclosureOf(tally: Tally | undefined, group: Group): Disclosure {
  if (group === 'response') {
    return answerFigure({
      counted: get(tally, 'cells.counted'),
      closed: get(tally, 'cells.closed'),
    });
  }
  const rating = group.slice('rating.'.length);
  const principles: readonly ReflectionPrinciple[] =
    rating === 'all' ? reflectionPrinciples : [rating as ReflectionPrinciple];
  const sum = (key: (p: ReflectionPrinciple) => TallyKey) =>
    principles.reduce((n, p) => n + get(tally, key(p)), 0);
  return answerFigure({ counted: sum(ratedCellsKey), closed: sum(closedCellsKey) });
}

/** Which rounds the current period's answer figures come from, over the whole subtree. */
function roundsCounted(
  tally: Tally | undefined,
  figures: readonly { period: number; firstDate: string | null; lastDate: string | null }[],
): RoundsCounted {
  const current = figures.filter((f) => f.period === 0);
  const dates = (pick: (f: (typeof current)[number]) => string | null) =>
    current
      .map(pick)
      .filter((d): d is string => d !== null)
      .sort();
  const counted = get(tally, 'cells.counted');
  return {
    counted,
    left: get(tally, 'cells.closed') - counted,
    open: get(tally, 'rounds.open'),
    first: dates((f) => f.firstDate)[0] ?? null,
    last: dates((f) => f.lastDate).at(-1) ?? null,
  };
}
