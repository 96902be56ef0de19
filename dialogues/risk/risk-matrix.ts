import type { RiskLevelBounds } from '../../store/schema/index.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { Matrix } from '../view.js';
import { type BoardRisk, type RiskBoard, riskLabel } from './risk-board.js';
import { assess, SCALE } from './risk-level.js';

/** Probability 4 at the top, as risk matrices are drawn; consequence 1 → 4 across. */
export const PROBABILITY_ROWS = [4, 3, 2, 1] as const;
export const CONSEQUENCE_COLUMNS = SCALE;

/** The assessed risks in each cell, rows and columns as above. */
export function placeRisks(risks: BoardRisk[]): BoardRisk[][][] {
  return PROBABILITY_ROWS.map((p) =>
    CONSEQUENCE_COLUMNS.map((c) => risks.filter((r) => r.probability === p && r.consequence === c)),
  );
}

/** The 4×4 matrix of the neutral view: each cell coloured by its level, naming its risks. */
export function riskMatrix(board: RiskBoard, t: Catalogue): Matrix {
  const placed = placeRisks(board.risks);
  return {
    title: t.risk.matrixTitle({ unit: board.unitName, year: board.year }),
    columnAxis: t.risk.consequenceAxis,
    rowAxis: t.risk.probabilityAxis,
    columnLabels: CONSEQUENCE_COLUMNS.map((c) => `${c} ${t.risk.consequence[c - 1]}`),
    rowLabels: PROBABILITY_ROWS.map((p) => `${p} ${t.risk.probability[p - 1]}`),
    cells: placed.map((row, r) =>
      row.map((inCell, c) => ({
        text: inCell.map(riskLabel).join(' '),
        tone: cellTone(PROBABILITY_ROWS[r]!, CONSEQUENCE_COLUMNS[c]!, board.levels),
      })),
    ),
  };
}

export const cellTone = (probability: number, consequence: number, levels: RiskLevelBounds) =>
  assess(probability, consequence, levels).tone;

/** Risks per cell as counts, for the stored summary. */
export const matrixCounts = (risks: BoardRisk[]): number[][] =>
  placeRisks(risks).map((row) => row.map((cell) => cell.length));
