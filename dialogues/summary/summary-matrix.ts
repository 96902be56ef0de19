import { DEFAULT_LEVEL_BOUNDS } from '../risk/risk-level.js';
import { CONSEQUENCE_COLUMNS, cellTone, PROBABILITY_ROWS } from '../risk/risk-matrix.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { Matrix } from '../view.js';

/**
 * The summary's risk matrix: how many assessed risks fall in each cell, coloured by the
 * default level table (each dialogue's own table decided the counts per level; a summary over
 * many dialogues needs one colouring). Same axes as the dialogue's matrix.
 */
export function summaryRiskMatrix(counts: number[][], title: string, t: Catalogue): Matrix {
  return {
    title,
    columnAxis: t.risk.consequenceAxis,
    rowAxis: t.risk.probabilityAxis,
    columnLabels: CONSEQUENCE_COLUMNS.map((c) => `${c} ${t.risk.consequence[c - 1]}`),
    rowLabels: PROBABILITY_ROWS.map((p) => `${p} ${t.risk.probability[p - 1]}`),
    cells: PROBABILITY_ROWS.map((p, r) =>
      CONSEQUENCE_COLUMNS.map((c, col) => {
        const n = counts[r]?.[col] ?? 0;
        return { text: n > 0 ? String(n) : '', tone: cellTone(p, c, DEFAULT_LEVEL_BOUNDS) };
      }),
    ),
  };
}

export const assessedCount = (counts: number[][]): number =>
  counts.flat().reduce((sum, n) => sum + n, 0);
