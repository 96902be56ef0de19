import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../bot/rasterise.js';
import { riskMatrixSvg } from '../dialogues/risk/matrix-image.js';
import type { BoardRisk, RiskBoard } from '../dialogues/risk/risk-board.js';
import {
  assess,
  DEFAULT_LEVEL_BOUNDS,
  readLevelBounds,
  readScale,
  riskLevel,
} from '../dialogues/risk/risk-level.js';
import { riskMatrix } from '../dialogues/risk/risk-matrix.js';
import { legend } from '../dialogues/risk/risk-view.js';
import { texts } from '../dialogues/texts/catalogue.js';

describe('risk value, level and colour', () => {
  it('follows the default table: 1–3 low/green, 4–6 medium/yellow, 8–9 high/orange, 12–16 very high/red', () => {
    const table: [p: number, c: number, value: number, level: string, tone: string][] = [
      [1, 1, 1, 'low', 'green'],
      [1, 3, 3, 'low', 'green'],
      [3, 1, 3, 'low', 'green'],
      [2, 2, 4, 'medium', 'yellow'],
      [1, 4, 4, 'medium', 'yellow'],
      [2, 3, 6, 'medium', 'yellow'],
      [2, 4, 8, 'high', 'orange'],
      [3, 3, 9, 'high', 'orange'],
      [3, 4, 12, 'very-high', 'red'],
      [4, 3, 12, 'very-high', 'red'],
      [4, 4, 16, 'very-high', 'red'],
    ];
    for (const [p, c, value, level, tone] of table) {
      expect(assess(p, c), `${p}×${c}`).toEqual({ value, level, tone });
    }
  });

  it('takes another table when a dialogue is started with one', () => {
    const bounds = readLevelBounds('2,4,8');
    expect(bounds).toEqual([2, 4, 8]);
    expect(riskLevel(3, bounds!)).toBe('medium');
    expect(riskLevel(9, bounds!)).toBe('very-high');
    expect(riskLevel(9, DEFAULT_LEVEL_BOUNDS)).toBe('high');
    for (const bad of ['6,3,9', '0,3,9', '3,6,17', '3,6', '3,3,9', 'a,b,c']) {
      expect(readLevelBounds(bad), bad).toBeNull();
    }
  });

  it('reads probability and consequence as 1–4 only', () => {
    expect(['1', '2', '3', '4', ['4']].map(readScale)).toEqual([1, 2, 3, 4, 4]);
    for (const bad of ['0', '5', '12', '', 'x', '2.5', undefined])
      expect(readScale(bad)).toBeNull();
  });
});

const rated = (number: number, probability: number, consequence: number) =>
  ({ number, probability, consequence }) as BoardRisk;

describe('the risk matrix image', () => {
  it('draws a legible 4×4 matrix in Swedish, with å, ä and ö, as SVG and PNG', () => {
    const board = {
      unitName: 'Sektion Älvsjö',
      year: 2026,
      levels: DEFAULT_LEVEL_BOUNDS,
      risks: [
        rated(1, 3, 4),
        rated(2, 2, 2),
        rated(3, 3, 4),
        rated(4, 1, 1),
        rated(5, 4, 4),
        ...Array.from({ length: 14 }, (_, i) => rated(6 + i, 2, 3)),
      ],
    } as unknown as RiskBoard;
    const t = texts('sv');
    const matrix = riskMatrix(board, t);
    expect(matrix.cells[1]![3]).toEqual({ text: 'R1 R3', tone: 'red' });
    expect(matrix.cells[3]![0]).toEqual({ text: 'R4', tone: 'green' });
    const svg = riskMatrixSvg(matrix, legend(t, board.levels));
    for (const word of [
      'Riskmatris Sektion Älvsjö 2026',
      'Sannolikhet →',
      'Konsekvens →',
      'kännbar',
      'allvarlig',
      'Mycket hög 12–16',
      'Låg 1–3',
      'Hög 8–9',
      '+7',
    ]) {
      expect(svg).toContain(word);
    }
    const png = svgToPng(svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(930); // width from the IHDR chunk
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/risk-matrix.png', png);
  });

  it('escapes text so a unit name cannot break the picture', () => {
    const board = {
      unitName: 'A & B <script>',
      year: 2026,
      levels: DEFAULT_LEVEL_BOUNDS,
      risks: [],
    } as unknown as RiskBoard;
    const svg = riskMatrixSvg(riskMatrix(board, texts('en')), legend(texts('en'), board.levels));
    expect(svg).not.toContain('<script>');
    expect(svgToPng(svg).length).toBeGreaterThan(1000);
  });
});
