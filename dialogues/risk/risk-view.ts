import type { RiskLevelBounds } from '../../store/schema/index.js';
import { riskMatrixUrl } from '../core/routes.js';
import { formatDeadline } from '../dialogue/deadline.js';
import { type Catalogue, texts } from '../texts/catalogue.js';
import type { Block, Button, View } from '../view.js';
import type { LegendEntry } from './matrix-image.js';
import type { BoardRisk, RiskBoard } from './risk-board.js';
import { riskLabel } from './risk-board.js';
import { levelTone, riskLevel, riskLevels, SCALE } from './risk-level.js';
import { riskMatrix } from './risk-matrix.js';

/** Risks listed in the channel message, by count and characters (a section holds 3,000). */
const LISTED = 25;
const LISTED_CHARACTERS = 2_600;

/**
 * The one dialogue message in the channel, for every phase, in the dialogue's language. It
 * never names who raised a risk or who estimated what.
 */
export function riskView(board: RiskBoard): View {
  const t = texts(board.dialogue.lang);
  const title = t.risk.title({ topic: board.dialogue.topic });
  return {
    summary: title,
    blocks: [
      { type: 'header', text: title },
      { type: 'context', text: contextLine(board, t) },
      ...phaseBlocks(board, t),
    ],
  };
}

function phaseBlocks(board: RiskBoard, t: Catalogue): Block[] {
  switch (board.phase) {
    case 'identify':
      return [
        { type: 'text', text: t.risk.next.identify },
        ...riskLists(board, t),
        buttons(board, [
          ['add', t.risk.buttons.add, 'primary'],
          ['start-assess', t.risk.buttons.startAssess],
        ]),
      ];
    case 'assess':
      return [
        { type: 'text', text: t.risk.next.assess },
        ...riskLists(board, t),
        ...matrixBlocks(board, t),
        buttons(board, [
          ['sheet', t.risk.buttons.sheet, 'primary'],
          ['start-decide', t.risk.buttons.startDecide],
        ]),
      ];
    case 'decide':
      return [
        { type: 'text', text: t.risk.next.decide },
        ...riskLists(board, t),
        ...matrixBlocks(board, t),
        buttons(board, [
          ['decisions', t.risk.buttons.decisions, 'primary'],
          ['close', t.risk.buttons.close],
        ]),
      ];
    case 'closed': {
      const escalated = board.risks.filter((r) => r.handling === 'escalate').length;
      return [
        { type: 'text', text: t.risk.closedText({ count: board.risks.length, escalated }) },
        ...matrixBlocks(board, t),
      ];
    }
    default:
      return board.phase satisfies never;
  }
}

function contextLine(board: RiskBoard, t: Catalogue): string {
  const parts = [
    t.risk.unitLine({ unit: board.unitName, year: board.year }),
    t.risk.phaseLine({ phase: t.risk.phases[board.phase] }),
  ];
  if (board.dialogue.deadline) {
    const when = formatDeadline(board.dialogue.deadline, {
      lang: board.dialogue.lang,
      timeZone: board.timeZone,
    });
    parts.push(t.risk.deadlineLine({ when }));
  }
  parts.push(t.risk.risksLine({ count: board.risks.length }));
  return parts.join(' · ');
}

/** Carried-in risks first, each saying where it came from; then the ones raised here. */
function riskLists(board: RiskBoard, t: Catalogue): Block[] {
  if (board.risks.length === 0) return [{ type: 'context', text: t.risk.nothingYet }];
  const carried = board.risks.filter((r) => r.carried);
  const raised = board.risks.filter((r) => !r.carried);
  const blocks: Block[] = [];
  for (const [title, risks] of [
    [t.risk.carriedTitle, carried],
    [t.risk.raisedTitle, raised],
  ] as const) {
    if (risks.length === 0) continue;
    const lines = fitting(risks.map((risk) => riskLine(board, t, risk)));
    blocks.push({ type: 'text', text: `*${title}*` });
    blocks.push({ type: 'list', items: lines.map((text) => ({ text })) });
    if (risks.length > lines.length) blocks.push(showAll(board, t, risks.length - lines.length));
  }
  return blocks;
}

/** What does not fit the board is one click away: every risk, privately. */
function showAll(board: RiskBoard, t: Catalogue, count: number): Block {
  const action = { id: 'risk.show-all', value: board.dialogue.id };
  return { type: 'buttons', buttons: [{ label: t.risk.showAll({ count }), action }] };
}

/** Every risk of the dialogue as the board shows it (its disclosure rules), for "Visa alla". */
export function allRisksView(board: RiskBoard, t: Catalogue): View {
  const title = t.risk.allTitle({ count: board.risks.length });
  const lines = board.risks.map((risk) => ({ text: riskLine(board, t, risk) }));
  return {
    summary: title,
    blocks: [
      { type: 'header', text: title },
      { type: 'context', text: board.dialogue.topic },
      lines.length ? { type: 'list', items: lines } : { type: 'text', text: t.risk.nothingYet },
    ],
  };
}

function fitting(lines: string[]): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines.slice(0, LISTED)) {
    if (used + line.length > LISTED_CHARACTERS) break;
    kept.push(line);
    used += line.length + 1;
  }
  return kept;
}

/** `*R1* description _(origin)_ — 3×4 = 12 · Hög — Arbetsmiljö · Åtgärd` as the phase allows. */
export function riskLine(board: RiskBoard, t: Catalogue, risk: BoardRisk): string {
  const parts = [`*${riskLabel(risk)}* ${risk.description}`];
  const origin = originText(t, risk);
  if (origin) parts[0] += ` _(${origin})_`;
  if (board.phase !== 'identify') parts.push(assessmentText(t, risk));
  if (board.phase === 'decide' || board.phase === 'closed')
    parts.push(decisionText(board, t, risk));
  return parts.join(' — ');
}

export function originText(t: Catalogue, risk: BoardRisk): string | null {
  const o = risk.origin;
  if (risk.sourceKind === 'swot' && o.swotTopic) return t.risk.fromSwot({ topic: o.swotTopic });
  if (risk.sourceKind !== 'escalation' || !o.fromUnitName) return null;
  const parts = [t.risk.fromUnit({ unit: o.fromUnitName })];
  if (o.fromProbability && o.fromConsequence) {
    const value = `${o.fromProbability}×${o.fromConsequence}`;
    parts.push(t.risk.theirAssessment({ unit: o.fromUnitName, value }));
  }
  if (o.motivation) parts.push(t.risk.motivation({ text: o.motivation }));
  return parts.join(', ');
}

/** The agreed value once set; before that, what may be shown of the estimates. */
export function assessmentText(t: Catalogue, risk: BoardRisk): string {
  if (risk.rated && risk.probability && risk.consequence) {
    return t.risk.assessment({
      probability: risk.probability,
      consequence: risk.consequence,
      value: risk.rated.value,
      level: t.risk.levels[risk.rated.level],
    });
  }
  const estimates = estimatesText(t, risk);
  return estimates ? `${t.risk.notAssessed} · ${estimates}` : t.risk.notAssessed;
}

/**
 * The estimates as the board decided they may be shown: how many so far while estimating
 * runs, the spread once it is over and enough estimated, otherwise why not; null if none.
 */
export function estimatesText(t: Catalogue, risk: BoardRisk): string | null {
  const shown = risk.estimates;
  switch (shown.show) {
    case 'none':
      return null;
    case 'count':
      return t.risk.estimatedSoFar({ count: shown.count });
    case 'withheld':
      return t.risk.estimatesWithheld;
    case 'spread': {
      const { spread } = shown;
      const range = (r: { min: number; max: number }) =>
        r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
      return `${t.risk.estimates({ count: spread.count })}: ${t.risk.spread({
        p: range(spread.probability),
        c: range(spread.consequence),
      })}`;
    }
    default:
      return shown satisfies never;
  }
}

function decisionText(board: RiskBoard, t: Catalogue, risk: BoardRisk): string {
  if (!risk.process || !risk.handling) return t.risk.notDecided;
  const handling =
    risk.handling === 'escalate' && board.parent
      ? t.risk.escalateTo({ unit: board.parent.name })
      : t.risk.handlings[risk.handling];
  return t.risk.decisionLine({ process: t.risk.processes[risk.process], handling });
}

/** The matrix as a grid, and as a picture when the server's public address is known. */
export function matrixBlocks(board: RiskBoard, t: Catalogue): Block[] {
  const rated = board.risks.filter((r) => r.rated);
  const blocks: Block[] = [{ type: 'matrix', matrix: riskMatrix(board, t) }];
  if (board.imageBase) {
    blocks.push({
      type: 'image',
      url: riskMatrixUrl(board.imageBase, board.dialogue.id, rated.length),
      alt: t.risk.matrixAlt({ count: rated.length }),
    });
  }
  return blocks;
}

/** "Låg 1–3", "Medel 4–6" … from the values a 4×4 matrix can take. */
export function legend(t: Catalogue, bounds: RiskLevelBounds): LegendEntry[] {
  const values = [...new Set(SCALE.flatMap((p) => SCALE.map((c) => p * c)))].sort((a, b) => a - b);
  return riskLevels.flatMap((level) => {
    const inLevel = values.filter((v) => riskLevel(v, bounds) === level);
    if (inLevel.length === 0) return [];
    const first = inLevel[0]!;
    const last = inLevel.at(-1)!;
    const range = first === last ? `${first}` : `${first}–${last}`;
    return [{ label: `${t.risk.levels[level]} ${range}`, tone: levelTone[level] }];
  });
}

type PhaseButton = [name: string, label: string, style?: 'primary' | 'danger'];

/** The buttons that steer the dialogue: for its manager or facilitator only. */
const STEERING = new Set(['start-assess', 'start-decide', 'decisions', 'close']);

function buttons(board: RiskBoard, list: PhaseButton[]): Block {
  const t = texts(board.dialogue.lang);
  const only = {
    capability: 'run-risk-dialogue' as const,
    unitId: board.dialogue.unitId,
    who: t.common.forLeads,
  };
  return {
    type: 'buttons',
    buttons: list.map(
      ([name, label, style]): Button => ({
        label,
        action: { id: `risk.${name}`, value: board.dialogue.id },
        ...(style ? { style } : {}),
        ...(STEERING.has(name) ? { only } : {}),
      }),
    ),
  };
}
