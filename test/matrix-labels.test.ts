import { describe, expect, it } from 'vitest';
import { renderViewHtml } from '../bot/local/render-html.js';
import { matrixMrkdwn } from '../bot/slack/render-matrix.js';
import { renderCard } from '../bot/teams/render-card.js';
import { sv } from '../dialogues/texts/sv/index.js';
import type { Matrix } from '../dialogues/view.js';

const risk: Matrix = {
  title: 'Riskmatris Enhet 2026',
  columnAxis: sv.risk.consequenceAxis,
  rowAxis: sv.risk.probabilityAxis,
  columnLabels: sv.risk.consequence.map((label, i) => `${i + 1} ${label}`),
  rowLabels: [...sv.risk.probability].reverse().map((label, i) => `${4 - i} ${label}`),
  cells: [0, 1, 2, 3].map(() => [0, 1, 2, 3].map(() => ({ text: '', tone: 'neutral' as const }))),
};
const overview: Matrix = {
  title: 'Översikt: Avdelning Stöd',
  columnAxis: '',
  rowAxis: '',
  columnLabels: ['T2 2026', 'Δ T1 2026'],
  rowLabels: [sv.summary.measures['self-checks.missed'], sv.summary.measures['actions.done']],
  cells: [0, 1].map(() => [0, 1].map(() => ({ text: '3', tone: 'neutral' as const }))),
};

describe('matrix labels are whole, axes only where they mean something', () => {
  it('Slack: no label cut mid-word; long column labels get a key; no axes on an overview', () => {
    const text = matrixMrkdwn(risk);
    expect(text).toContain('4 mycket allvarlig');
    expect(text).toContain('4 mycket sannolik');
    expect(text).not.toMatch(/allv…|sannol…/);
    expect(text).toContain('Sannolikhet ↓ · Konsekvens →');
    const figures = matrixMrkdwn(overview);
    expect(figures).not.toContain('↓');
    expect(figures).toContain(sv.summary.measures['self-checks.missed']);
  });

  it('Teams and the local page leave the corner empty on an overview', () => {
    const card = JSON.stringify(
      renderCard({ summary: 'x', blocks: [{ type: 'matrix', matrix: overview }] }),
    );
    expect(card).not.toContain('↓');
    expect(
      JSON.stringify(renderCard({ summary: 'x', blocks: [{ type: 'matrix', matrix: risk }] })),
    ).toContain('Sannolikhet ↓ · Konsekvens →');
    const page = (matrix: Matrix) =>
      renderViewHtml({ summary: 'x', blocks: [{ type: 'matrix', matrix }] });
    expect(page(overview)).not.toContain('v-axes');
    expect(page(risk)).toContain('v-axes');
  });
});
