import type { Language } from '../../store/schema/index.js';
import type { Catalogue } from '../texts/catalogue.js';
import { delta, deltaText, formatCell, periodDates, periodLabel, roundsNote } from './format.js';
import { measureKeys } from './measures.js';
import { CURRENT, earlierSlots, type SummaryData, type SummaryRow } from './summary-data.js';
import { assessedCount, summaryRiskMatrix } from './summary-matrix.js';
import type { SummaryPictures } from './summary-view.js';
import { rowTitle } from './summary-view.js';

/**
 * The report to the board (rapport till nämnden) as Markdown: the periods compared, the
 * pictures, then a section per unit (the whole subtree first) with every figure, the two
 * earlier periods and the changes, the most voted SWOT items and the recurring words.
 */
export function summaryMarkdown(
  data: SummaryData,
  t: Catalogue,
  lang: Language,
  pictures: SummaryPictures,
): string {
  const r = t.summary.report;
  const [current, previous, lastYear] = data.periods;
  const out: string[] = [
    `# ${cellText(r.title({ unit: data.unit.name, period: periodLabel(current, t) }))}`,
    '',
    `${r.intro({
      dates: periodDates(current, lang),
      previous: periodLabel(previous, t),
      lastYear: earlierSlots(data.periods).length > 1 ? periodLabel(lastYear, t) : null,
      threshold: data.threshold,
    })} ${t.summary.percentPoints}`,
    '',
    roundsNote(data.rounds, t),
    '',
  ];
  if (pictures.trend || pictures.matrix) {
    out.push(`## ${r.images}`, '');
    if (pictures.trend) out.push(`![${t.summary.trendTitle}](${pictures.trend})`, '');
    if (pictures.matrix) {
      out.push(
        `![${t.summary.matrixAlt({ count: assessedCount(data.matrix) })}](${pictures.matrix})`,
        '',
      );
    }
  }
  for (const row of data.rows) {
    out.push(...rowSection(row, data, t, lang));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function rowSection(row: SummaryRow, data: SummaryData, t: Catalogue, lang: Language): string[] {
  const [current] = data.periods;
  const slots = earlierSlots(data.periods);
  const heading =
    row.scope === 'total'
      ? `## ${t.summary.report.overview}: ${cellText(row.unit.name)}`
      : `## ${cellText(rowTitle(row, t))}`;
  const header = [
    t.summary.report.measure,
    periodLabel(current, t),
    ...slots.flatMap((slot) => {
      const label = periodLabel(data.periods[slot]!, t);
      return [label, t.summary.delta({ period: label })];
    }),
  ];
  const lines = [
    heading,
    '',
    tableRow(header),
    tableRow(header.map((_, i) => (i === 0 ? '---' : '---:'))),
  ];
  for (const key of measureKeys) {
    const cells = row.cells[key];
    const now = cells[CURRENT]!;
    lines.push(
      tableRow([
        t.summary.measures[key],
        formatCell(key, now, t, lang),
        ...slots.flatMap((slot) => [
          formatCell(key, cells[slot]!, t, lang),
          deltaText(delta(key, now, cells[slot]!, lang), t),
        ]),
      ]),
    );
  }
  lines.push('');
  if (row.scope === 'total' && assessedCount(data.matrix) > 0) {
    lines.push(...matrixTable(data, t), '');
  }
  if (row.topItems.length > 0) {
    lines.push(`### ${t.summary.topItems}`, '');
    row.topItems.forEach((item, i) => {
      const quadrant = t.swot.quadrants[item.quadrant];
      lines.push(
        `${i + 1}. ${cellText(t.summary.itemLine({ quadrant, text: item.text, votes: item.votes }))}`,
      );
    });
    lines.push('');
  }
  if (row.themes.length > 0) {
    lines.push(
      `### ${t.summary.themes}`,
      '',
      row.themes.map((w) => t.summary.themeLine(w)).join(', '),
      '',
    );
  }
  return lines;
}

function matrixTable(data: SummaryData, t: Catalogue): string[] {
  const title = t.summary.matrixTitle({
    unit: data.unit.name,
    period: periodLabel(data.periods[0], t),
  });
  const matrix = summaryRiskMatrix(data.matrix, title, t);
  return [
    `### ${cellText(title)}`,
    '',
    tableRow([`${matrix.rowAxis} ↓ / ${matrix.columnAxis} →`, ...matrix.columnLabels]),
    tableRow(['---', ...matrix.columnLabels.map(() => ':---:')]),
    ...matrix.cells.map((cells, i) =>
      tableRow([matrix.rowLabels[i] ?? '', ...cells.map((c) => c.text || '0')]),
    ),
  ];
}

const tableRow = (cells: string[]) => `| ${cells.map(cellText).join(' | ')} |`;

/** Keeps a cell on one line and its pipes from splitting the table. */
const cellText = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\|/g, '\\|');
