import type { Language } from '../../store/schema/index.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { Block, Matrix, View } from '../view.js';
import { delta, deltaText, formatCell, periodDates, periodLabel, roundsNote } from './format.js';
import { type MeasureKey, principleRatings } from './measures.js';
import {
  CURRENT,
  earlierSlots,
  LAST_YEAR,
  PREVIOUS,
  type SummaryData,
  type SummaryRow,
} from './summary-data.js';
import { assessedCount, summaryRiskMatrix } from './summary-matrix.js';
import { trendText } from './trend-chart.js';

/** The figures of the overview table, top to bottom. */
export const HEADLINE: MeasureKey[] = [
  'dialogues.swot',
  'dialogues.risk',
  'risks.total',
  'risks.level.high',
  'risks.level.very-high',
  'escalations.out',
  'escalations.in',
  'actions.opened',
  'actions.done',
  'actions.overdue',
  'effect.share',
  'self-checks.done',
  'self-checks.missed',
  'reviews.given',
  'reviews.received',
  'reviews.tip-actions',
  'reflection.response-rate',
  'rating.all',
  ...principleRatings,
];

/** The lines of a unit's paragraph: a heading from `lines` and the figures on it. */
export const UNIT_LINES: [keyof Catalogue['summary']['lines'], MeasureKey[]][] = [
  ['dialogues', ['dialogues.swot', 'dialogues.risk']],
  ['risks', ['risks.total', 'risks.level.high', 'risks.level.very-high']],
  ['escalations', ['escalations.out', 'escalations.in', 'escalations.fate.handled']],
  ['actions', ['actions.opened', 'actions.done', 'actions.overdue', 'effect.share']],
  ['selfChecks', ['self-checks.done', 'self-checks.missed']],
  ['reviews', ['reviews.given', 'reviews.received', 'reviews.tip-actions']],
  ['reflection', ['reflection.response-rate', 'rating.all']],
  ['ratings', principleRatings],
];

/** Units listed in chat before "and n more" (Block Kit allows 50 blocks a message). */
export const MAX_UNITS_IN_CHAT = 25;

export interface SummaryPictures {
  trend?: string;
  matrix?: string;
}

/**
 * The summary in chat: title and periods, the overview table with changes (tones), the
 * pictures when the server can serve them, top SWOT items, recurring words, a paragraph per
 * unit, and the export buttons. Every picture also exists as text (the table, the matrix
 * grid, the trend in words), so nothing depends on an image loading.
 */
export function summaryView(
  data: SummaryData,
  t: Catalogue,
  lang: Language,
  pictures: SummaryPictures,
  exportValue: string,
): View {
  const s = t.summary;
  const [current, previous, lastYear] = data.periods;
  const title = s.title({ unit: data.unit.name, period: periodLabel(current, t) });
  const total = data.rows[0]!;
  const blocks: Block[] = [
    { type: 'header', text: title },
    {
      type: 'context',
      text: s.compared({
        dates: periodDates(current, lang),
        previous: periodLabel(previous, t),
        lastYear: earlierSlots(data.periods).length > 1 ? periodLabel(lastYear, t) : null,
      }),
    },
    { type: 'matrix', matrix: headlineMatrix(data, total, t, lang) },
    { type: 'context', text: roundsNote(data.rounds, t) },
    { type: 'context', text: `${s.trendTitle}: ${trendText(data.trend, t, lang)}` },
  ];
  if (pictures.trend) {
    blocks.push({
      type: 'image',
      url: pictures.trend,
      alt: s.trendAlt({ points: trendText(data.trend, t, lang) }),
    });
  }
  if (assessedCount(data.matrix) > 0) {
    const matrixTitle = s.matrixTitle({ unit: data.unit.name, period: periodLabel(current, t) });
    blocks.push({ type: 'matrix', matrix: summaryRiskMatrix(data.matrix, matrixTitle, t) });
    if (pictures.matrix) {
      blocks.push({
        type: 'image',
        url: pictures.matrix,
        alt: s.matrixAlt({ count: assessedCount(data.matrix) }),
      });
    }
  }
  blocks.push(...topItemBlocks(data, t), ...themeBlocks(total, t));
  const units = data.rows.slice(1);
  if (units.length > 0) {
    blocks.push({ type: 'divider' }, { type: 'text', text: `*${s.perUnit}*` });
    for (const row of units.slice(0, MAX_UNITS_IN_CHAT)) {
      blocks.push({ type: 'text', text: unitParagraph(row, t, lang, earlierSlots(data.periods)) });
    }
    if (units.length > MAX_UNITS_IN_CHAT) {
      blocks.push({
        type: 'context',
        text: s.moreUnits({ count: units.length - MAX_UNITS_IN_CHAT }),
      });
    }
  }
  blocks.push(
    {
      type: 'context',
      text: `${s.thresholdNote({ threshold: data.threshold })} ${s.percentPoints}`,
    },
    {
      type: 'buttons',
      buttons: [
        { label: s.exportCsv, action: { id: 'summary.export-csv', value: exportValue } },
        { label: s.exportMarkdown, action: { id: 'summary.export-md', value: exportValue } },
      ],
    },
  );
  return { summary: title, blocks };
}

function headlineMatrix(
  data: SummaryData,
  total: SummaryRow,
  t: Catalogue,
  lang: Language,
): Matrix {
  const [current] = data.periods;
  const slots = earlierSlots(data.periods);
  return {
    title: `${t.summary.headline}: ${data.unit.name}`,
    // Figures by period read by their labels; "Mått ↓ · Period →" said nothing more.
    columnAxis: '',
    rowAxis: '',
    columnLabels: [
      periodLabel(current, t),
      ...slots.map((slot) => t.summary.delta({ period: periodLabel(data.periods[slot]!, t) })),
    ],
    rowLabels: HEADLINE.map((key) => t.summary.measures[key]),
    cells: HEADLINE.map((key) => {
      const cells = total.cells[key];
      const now = cells[CURRENT]!;
      const shownNow =
        now.status === 'withheld' ? t.summary.withheldShort : formatCell(key, now, t, lang);
      return [
        { text: shownNow, tone: 'neutral' as const },
        ...slots.map((slot) => {
          const d = delta(key, now, cells[slot]!, lang);
          return { text: deltaText(d, t), tone: d?.tone ?? ('neutral' as const) };
        }),
      ];
    }),
  };
}

/**
 * "Nya åtgärder 4 (▲ +2 · ▶ 0)": the value, then the change since the previous period and
 * since a year earlier (one change when those are the same period: `slots`).
 */
export function figureText(
  row: SummaryRow,
  key: MeasureKey,
  t: Catalogue,
  lang: Language,
  slots: readonly number[] = [PREVIOUS, LAST_YEAR],
): string {
  const cells = row.cells[key];
  const now = cells[CURRENT]!;
  const changes = slots.map((slot) => delta(key, now, cells[slot]!, lang));
  const shown = `${t.summary.measures[key]} ${formatCell(key, now, t, lang)}`;
  if (changes.every((d) => d === null)) return shown;
  return `${shown} (${changes.map((d) => deltaText(d, t)).join(' · ')})`;
}

export function rowTitle(row: SummaryRow, t: Catalogue): string {
  if (row.scope === 'own') return t.summary.ownLevel({ unit: row.unit.name });
  if (row.scope === 'total') return `${row.unit.name} – ${t.summary.total}`;
  return row.unit.name;
}

/** Nothing happened in any of the three periods: left out of a unit's paragraph in chat. */
const allZero = (row: SummaryRow, key: MeasureKey) =>
  row.cells[key].every((cell) => cell.status === 'shown' && cell.value === 0);

function unitParagraph(
  row: SummaryRow,
  t: Catalogue,
  lang: Language,
  slots: readonly number[],
): string {
  const lines = UNIT_LINES.flatMap(([line, keys]) => {
    const shown = keys.filter((key) => !allZero(row, key));
    if (shown.length === 0) return [];
    const figures = shown.map((key) => figureText(row, key, t, lang, slots)).join(' · ');
    return [`${t.summary.lines[line]}: ${figures}`];
  });
  if (row.themes.length > 0) {
    lines.push(`${t.summary.themes}: ${row.themes.map((w) => t.summary.themeLine(w)).join(', ')}`);
  }
  const top = row.topItems[0];
  if (top) {
    const quadrant = t.swot.quadrants[top.quadrant];
    lines.push(t.summary.itemLine({ quadrant, text: top.text, votes: top.votes }));
  }
  return [`*${rowTitle(row, t)}*`, ...lines].join('\n');
}

function topItemBlocks(data: SummaryData, t: Catalogue): Block[] {
  const total = data.rows[0]!;
  const unitName = (bucket: string) =>
    data.rows.find((r) => r.scope !== 'total' && r.unit.id === bucket)?.unit.name ?? data.unit.name;
  const items = total.topItems.map((item) => ({
    text: t.summary.itemLine({
      quadrant: t.swot.quadrants[item.quadrant],
      text: item.text,
      votes: item.votes,
      unit: data.rows.length > 1 ? unitName(item.bucket) : undefined,
    }),
  }));
  return [
    { type: 'text', text: `*${t.summary.topItems}*` },
    items.length
      ? { type: 'list', items, ordered: true }
      : { type: 'context', text: t.summary.noTopItems },
  ];
}

function themeBlocks(total: SummaryRow, t: Catalogue): Block[] {
  const words = total.themes.map((w) => t.summary.themeLine(w)).join(', ');
  return [
    { type: 'text', text: `*${t.summary.themes}*` },
    words ? { type: 'text', text: words } : { type: 'context', text: t.summary.noThemes },
  ];
}
