import { type Matrix, matrixAxes, type Tone } from '../../dialogues/view.js';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './slack-limits.js';

const TONE_EMOJI: Record<Tone, string> = {
  neutral: '⬜',
  green: '🟩',
  yellow: '🟨',
  orange: '🟧',
  red: '🟥',
};

/**
 * Keeps a 4×4 grid narrow enough for a phone. Row labels stand once on the left and may be
 * longer; column labels that do not fit are never cut mid-word ("4 mycket allv…"): the grid
 * shows their first word (the scale's number) and a key under the title spells them out.
 */
const MAX_LABEL = 14;
const MAX_ROW_LABEL = 30;
const MAX_CELL_TEXT = 8;
const MAX_TITLE = 300;
const MAX_KEY = 600;

/**
 * A matrix as mrkdwn: bold title, the axes, then a code block so the columns line up.
 * Block Kit has no grid that fits in a message, and a code block is the only monospace there is.
 * Padding is computed on the raw text and escaping comes after, so entities do not skew columns;
 * the coloured squares are two UTF-16 units and about two columns wide, so lengths still line up.
 */
export function matrixMrkdwn(matrix: Matrix): string {
  const rowLabels = matrix.rowLabels.map((label) => truncate(label, MAX_ROW_LABEL));
  const keyed = columnKey(matrix.columnLabels);
  const columnLabels = keyed
    ? keyed.short
    : matrix.columnLabels.map((label) => truncate(label, MAX_LABEL));
  const cells = matrix.cells.map((row) =>
    row.map((cell) => `${TONE_EMOJI[cell.tone]} ${truncate(cell.text, MAX_CELL_TEXT)}`.trimEnd()),
  );
  const labelWidth = Math.max(0, ...rowLabels.map((label) => label.length));
  const cellWidth = Math.max(
    2,
    ...columnLabels.map((l) => l.length),
    ...cells.flat().map((c) => c.length),
  );
  const line = (label: string, row: string[]) =>
    [label.padEnd(labelWidth), ...row.map((cell) => cell.padEnd(cellWidth))].join('  ').trimEnd();
  const lines = [
    line('', columnLabels),
    ...cells.map((row, index) => line(rowLabels[index] ?? '', row)),
  ].map(escapeMrkdwn);
  const axes = matrixAxes(matrix);
  const key = keyed ? `${matrix.columnAxis ? `${matrix.columnAxis}: ` : ''}${keyed.key}` : null;
  const head = [
    `*${truncate(escapeMrkdwn(matrix.title), MAX_TITLE)}*`,
    ...(axes ? [`_${truncate(escapeMrkdwn(axes), MAX_TITLE)}_`] : []),
    ...(key ? [`_${truncate(escapeMrkdwn(key), MAX_KEY)}_`] : []),
  ].join('\n');
  return `${head}\n${codeBlock(lines, SLACK_LIMITS.sectionText - head.length - 1)}`;
}

/**
 * When a column label is too long for the grid and each starts with a distinct first word
 * ("1 lindrig" … "4 mycket allvarlig"), the grid shows those words and a key the full labels.
 */
function columnKey(labels: string[]): { short: string[]; key: string } | null {
  if (labels.every((label) => label.length <= MAX_LABEL)) return null;
  const short = labels.map((label) => label.split(' ')[0] ?? label);
  const distinct = new Set(short).size === short.length;
  if (!distinct || short.some((word) => word.length > MAX_LABEL)) return null;
  return { short, key: labels.join(' · ') };
}

/** Whole lines only, so a cut never leaves the fence open; a last "…" line says rows are missing. */
function codeBlock(lines: string[], budget: number): string {
  const fence = '```';
  const room = budget - 2 * fence.length - 2;
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > room - 2) {
      kept.push('…');
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return `${fence}\n${kept.join('\n')}\n${fence}`;
}

const MAX_SEGMENTS = 10;

/** `label  ▰▰▰▱▱ 3/5`, with the optional text on the next line. */
export function meterMrkdwn(label: string, value: number, max: number, text?: string): string {
  const segments = max > 0 && max <= MAX_SEGMENTS && Number.isInteger(max) ? max : MAX_SEGMENTS;
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const filled = Math.round(share * segments);
  const bar = '▰'.repeat(filled) + '▱'.repeat(segments - filled);
  const line = `${escapeMrkdwn(label)}  ${bar} ${formatNumber(value)}/${formatNumber(max)}`;
  return text ? `${line}\n${escapeMrkdwn(text)}` : line;
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
