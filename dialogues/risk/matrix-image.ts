import type { Matrix, Tone } from '../view.js';

/** One entry of the legend under the grid: "Hög 8–9" in its colour. */
export interface LegendEntry {
  label: string;
  tone: Tone;
}

const FILL: Record<Tone, string> = {
  neutral: '#eeeeee',
  green: '#9fd49f',
  yellow: '#fbe57d',
  orange: '#f8b36a',
  red: '#ec7b74',
};

const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
const CELL_W = 160;
const CELL_H = 112;
const GRID_X = 250;
const GRID_Y = 90;
const WIDTH = GRID_X + 4 * CELL_W + 40;
const HEIGHT = GRID_Y + 4 * CELL_H + 190;
/** Characters a line inside a cell holds at its font size, and lines before "+n". */
const LINE_CHARS = 12;
const MAX_LINES = 3;

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x}" y="${y}" ${attrs}>${escapeXml(content)}</text>`;
}

/** "R1 R2 R3 R4" lines for a cell; past the room, the last line says how many more. */
function cellLines(cellText: string): string[] {
  const labels = cellText.split(/\s+/).filter(Boolean);
  const lines: string[][] = [];
  for (const label of labels) {
    const line = lines.at(-1);
    if (line && [...line, label].join(' ').length <= LINE_CHARS) line.push(label);
    else lines.push([label]);
  }
  if (lines.length <= MAX_LINES) return lines.map((line) => line.join(' '));
  const kept = lines.slice(0, MAX_LINES - 1);
  const shown = kept.reduce((n, line) => n + line.length, 0);
  return [...kept.map((line) => line.join(' ')), `+${labels.length - shown}`];
}

/** "4 mycket sannolik" → number above, words below (wrapped at the last space if long). */
function axisLabel(label: string): { number: string; words: string[] } {
  const [number = '', ...rest] = label.split(' ');
  const words = rest.join(' ');
  if (words.length <= 14) return { number, words: [words] };
  const cut = words.lastIndexOf(' ', 14);
  return cut > 0
    ? { number, words: [words.slice(0, cut), words.slice(cut + 1)] }
    : { number, words: [words] };
}

/**
 * The risk matrix as an SVG document: probability down the side (highest at the top),
 * consequence across, each cell in its level's colour with the risks placed in it, and a
 * legend. Pure: the same matrix gives the same bytes, so it can be tested and cached.
 */
export function riskMatrixSvg(matrix: Matrix, legend: LegendEntry[]): string {
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${FONT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    text(
      WIDTH / 2,
      48,
      matrix.title,
      'font-size="28" font-weight="bold" text-anchor="middle" fill="#222"',
    ),
  ];
  const big = 'font-size="26" font-weight="bold" fill="#222"';
  const small = 'font-size="17" fill="#333"';
  const bold20 = 'font-size="20" font-weight="bold" text-anchor="middle" fill="#222"';
  for (const [r, row] of matrix.cells.entries()) {
    const y = GRID_Y + r * CELL_H;
    const label = axisLabel(matrix.rowLabels[r] ?? '');
    const rightX = GRID_X - 14;
    parts.push(text(rightX, y + CELL_H / 2 - 6, label.number, `${big} text-anchor="end"`));
    parts.push(
      ...label.words.map((w, i) =>
        text(rightX, y + CELL_H / 2 + 20 + i * 20, w, `${small} text-anchor="end"`),
      ),
    );
    for (const [c, cell] of row.entries()) parts.push(...cellSvg(cell, GRID_X + c * CELL_W, y));
  }
  const below = GRID_Y + 4 * CELL_H;
  for (const [c, columnLabel] of matrix.columnLabels.entries()) {
    const x = GRID_X + c * CELL_W + CELL_W / 2;
    const label = axisLabel(columnLabel);
    parts.push(text(x, below + 30, label.number, `${big} text-anchor="middle"`));
    parts.push(
      ...label.words.map((w, i) =>
        text(x, below + 54 + i * 20, w, `${small} text-anchor="middle"`),
      ),
    );
  }
  const middle = GRID_Y + 2 * CELL_H;
  parts.push(
    text(GRID_X + 2 * CELL_W, below + 104, `${matrix.columnAxis} →`, bold20),
    text(36, middle, `${matrix.rowAxis} →`, `${bold20} transform="rotate(-90 36 ${middle})"`),
  );
  const legendY = below + 140;
  const slot = (WIDTH - 80) / Math.max(1, legend.length);
  for (const [i, entry] of legend.entries()) {
    const x = 40 + i * slot;
    parts.push(
      `<rect x="${x}" y="${legendY}" width="26" height="26" rx="4" fill="${FILL[entry.tone]}"/>`,
      text(x + 36, legendY + 20, entry.label, 'font-size="18" fill="#222"'),
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** One coloured cell with its risk labels centred in it. */
function cellSvg(cell: { text: string; tone: Tone }, x: number, y: number): string[] {
  const lines = cellLines(cell.text);
  const top = y + CELL_H / 2 - ((lines.length - 1) * 26) / 2 + 8;
  const style = 'font-size="21" font-weight="bold" text-anchor="middle" fill="#1a1a1a"';
  return [
    `<rect x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" fill="${FILL[cell.tone]}" stroke="#ffffff" stroke-width="3"/>`,
    ...lines.map((line, i) => text(x + CELL_W / 2, top + i * 26, line, style)),
  ];
}
