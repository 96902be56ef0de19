import type { Database } from '../../store/database.js';
import { actionFiguresOfSubtree } from '../../store/queries/summary-actions.js';
import { reflectionFiguresOfSubtree } from '../../store/queries/summary-reflection.js';
import type { SubtreeUnit, SummaryWindow } from '../../store/queries/summary-sql.js';
import { topSwotItems } from '../../store/queries/summary-swot.js';
import { themeWords } from '../../store/queries/summary-themes.js';
import { workCountsOfSubtree } from '../../store/queries/summary-work.js';
import { listSubtree, type UnitInTree } from '../../store/queries/units.js';
import { localDate } from '../dialogue/local-time.js';
import { type Group, groups, type MeasureKey, measureDef, measureKeys } from './measures.js';
import {
  type Period,
  periodInstants,
  previousPeriod,
  recentPeriods,
  samePeriodLastYear,
} from './period.js';
import type { Cell, SummaryData, SummaryRow } from './summary-data.js';
import {
  addTo as add,
  addTally,
  baseKey,
  cellKey,
  get,
  isEmpty,
  measureValue,
  raiseTo as most,
  newTally,
  ratingCountKey,
  ratingSumKey,
  type Tally,
} from './tally.js';
import { STOP_WORDS } from './themes.js';
import { type Decision, decideAll, type TallyNode } from './withhold.js';

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
 * row), folded up the tree here, then the withholding rule (withhold.ts) on every figure.
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
  const [reflection, work, actions, items, themes] = await Promise.all([
    reflectionFiguresOfSubtree(db, { ...base, windows }),
    workCountsOfSubtree(db, { ...base, windows: windows.slice(0, 3) }),
    actionFiguresOfSubtree(db, { ...base, windows: windows.slice(0, 3) }),
    topSwotItems(db, { ...base, window: windows[0]!, minVoters: request.threshold, ...TOP_ITEMS }),
    themeWords(db, {
      ...base,
      window: windows[0]!,
      minWriters: request.threshold,
      stopWords: STOP_WORDS,
      ...THEMES,
    }),
  ]);
  const tallies = new Map(units.map((u) => [u.id, windows.map(newTally)]));
  const at = (unitId: string, period: number) => tallies.get(unitId)?.[period];
  for (const r of reflection) {
    const t = at(r.unitId, r.period);
    if (!t) continue;
    add(t, 'reflection.invited', r.invited);
    add(t, 'reflection.answered', r.answered);
    add(t, ratingCountKey(r.principle), r.ratings);
    add(t, ratingSumKey(r.principle), r.ratingSum);
    most(t, baseKey('response'), r.maxInvited);
    most(t, baseKey(`rating.${r.principle}`), r.maxRatings);
    most(t, baseKey('rating.all'), r.maxRatings);
  }
  for (const a of actions) {
    const t = at(a.unitId, a.period);
    if (!t) continue;
    for (const key of ['opened', 'done', 'overdue'] as const) add(t, `actions.${key}`, a[key]);
    for (const key of ['yes', 'partly', 'no'] as const) add(t, `effect.${key}`, a[key]);
    add(t, baseKey('effect'), a.answeredBy);
  }
  for (const w of work) {
    const t = at(w.unitId, w.period);
    if (t) add(t, w.key, w.n);
  }
  const rootNode = buildTree(units, tallies);
  const decisions = decideAll(rootNode, groups, windows.length, request.threshold);
  const cellsOf = (node: TallyNode, scope: 'total' | 'own', slots: readonly number[]) =>
    cellsFor(scope === 'total' ? node.subtree : node.own, decisions.get(node.id)!, scope, slots);
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
    rows,
    matrix: [4, 3, 2, 1].map((p) =>
      [1, 2, 3, 4].map((c) => get(rootNode.subtree[0], cellKey(p, c))),
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
  const compared: Period[] = [current, previousPeriod(current), samePeriodLastYear(current)];
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

function cellsFor(
  tallies: Tally[],
  decisions: Map<Group, Decision[]>,
  scope: 'total' | 'own',
  slots: readonly number[],
): Record<MeasureKey, Cell[]> {
  const cells = {} as Record<MeasureKey, Cell[]>;
  for (const key of measureKeys) {
    const group = measureDef(key).group;
    cells[key] = slots.map((slot): Cell => {
      const status = group ? decisions.get(group)![slot]![scope] : 'shown';
      const value = measureValue(tallies[slot], key);
      if (status === 'withheld') return { status };
      if (status === 'empty' || value === null) return { status: 'empty' };
      return { status: 'shown', value };
    });
  }
  return cells;
}
