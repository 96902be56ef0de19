import type { StoredRiskSummary } from '../../store/schema/index.js';
import { riskHandlings, riskProcesses } from '../../store/schema/index.js';
import { formatIsoDate } from '../dialogue/deadline.js';
import { texts } from '../texts/catalogue.js';
import type { Block, View } from '../view.js';
import { type RiskBoard, riskLabel } from './risk-board.js';
import { riskLevels } from './risk-level.js';
import { matrixCounts } from './risk-matrix.js';
import { matrixBlocks } from './risk-view.js';

/** Counts only, for leadership summaries: no descriptions, no names. */
export function storedSummary(board: RiskBoard): StoredRiskSummary {
  const count = <K extends string>(keys: readonly K[], of: (k: K) => number) =>
    Object.fromEntries(keys.map((k) => [k, of(k)])) as Record<K, number>;
  const risks = board.risks;
  return {
    risks: risks.length,
    byLevel: count(riskLevels, (l) => risks.filter((r) => r.rated?.level === l).length),
    byProcess: count(riskProcesses, (p) => risks.filter((r) => r.process === p).length),
    byHandling: count(riskHandlings, (h) => risks.filter((r) => r.handling === h).length),
    matrix: matrixCounts(risks),
    actions: risks.filter((r) => r.handling === 'action').length,
    selfChecks: risks.filter((r) => r.handling === 'self-check').length,
    escalated: risks.filter((r) => r.handling === 'escalate').length,
    carriedIn: risks.filter((r) => r.carried).length,
  };
}

/**
 * The summary posted when the dialogue closes: the matrix, risks by level and by process,
 * then what was decided: actions, self-checks, escalations and accepted risks.
 */
export function riskSummaryView(board: RiskBoard): View {
  const t = texts(board.dialogue.lang);
  const r = t.risk;
  const title = r.summaryTitle({ topic: board.dialogue.topic });
  const stored = storedSummary(board);
  const handled = (h: string) => board.risks.filter((risk) => risk.handling === h);
  const listOr = (lines: string[]): Block =>
    lines.length
      ? { type: 'list', items: lines.slice(0, 30).map((text) => ({ text })) }
      : { type: 'context', text: r.none };
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'context', text: r.summaryContext({ unit: board.unitName, year: board.year }) },
    ...matrixBlocks(board, t),
    { type: 'text', text: `*${r.byLevelTitle}*` },
    {
      type: 'fields',
      fields: riskLevels.map((l) => ({
        label: r.levels[l],
        value: String(stored.byLevel[l] ?? 0),
      })),
    },
    { type: 'text', text: `*${r.byProcessTitle}*` },
    {
      type: 'fields',
      fields: riskProcesses.map((p) => ({
        label: r.processes[p],
        value: String(stored.byProcess[p] ?? 0),
      })),
    },
    { type: 'text', text: `*${r.actionsTitle}*` },
    listOr(
      handled('action').flatMap((risk) => {
        const a = risk.decision?.action;
        if (!a) return [];
        const due = formatIsoDate(a.dueDate, board.dialogue.lang);
        return [`${riskLabel(risk)}: ${r.actionLine({ text: a.text, owner: a.ownerName, due })}`];
      }),
    ),
    { type: 'text', text: `*${r.selfChecksTitle}*` },
    listOr(
      handled('self-check').flatMap((risk) => {
        const s = risk.decision?.selfCheck;
        if (!s) return [];
        const line = r.selfCheckLine({
          what: s.what,
          cadence: r.cadences[s.cadence],
          by: s.byName,
        });
        return [`${riskLabel(risk)}: ${line}`];
      }),
    ),
    { type: 'text', text: `*${r.escalationsTitle}*` },
    listOr(
      handled('escalate').map((risk) =>
        r.escalationLine({
          risk: `${riskLabel(risk)} ${risk.description}`,
          unit: board.parent?.name ?? '–',
          motivation: risk.decision?.motivation ?? '',
        }),
      ),
    ),
    { type: 'text', text: `*${r.acceptedTitle}*` },
    listOr(handled('accept').map((risk) => `${riskLabel(risk)} ${risk.description}`)),
  ];
  return { summary: title, blocks };
}
