import type { Database } from '../../store/database.js';
import type { Dialogue } from '../../store/queries/dialogues.js';
import { getRiskDialogue } from '../../store/queries/risk-dialogues.js';
import { type EstimateSpread, listEstimateSpreads } from '../../store/queries/risk-estimates.js';
import { listRisksInDialogue, type RiskInDialogue } from '../../store/queries/risk-items.js';
import { getUnit } from '../../store/queries/units.js';
import type { RiskLevelBounds, UnitLevel } from '../../store/schema/index.js';
import { DEFAULT_TIME_ZONE } from '../core/defaults.js';
import { phaseOf } from '../dialogue/dialogue-kind.js';
import { groupFigure } from '../privacy/disclosure.js';
import { type RiskPhase, riskKind } from './risk-kind.js';
import { assess, type RiskLevel } from './risk-level.js';

/** One risk as the views show it: numbered R1, R2 … in the order it joined the dialogue. */
export interface BoardRisk extends RiskInDialogue {
  number: number;
  carried: boolean;
  /** The agreed value and level; null until the facilitator sets them. */
  rated: { value: number; level: RiskLevel } | null;
  estimates: ShownEstimates;
}

/**
 * What the views may show of a risk's estimates, decided here once so that no view can show
 * more: nothing yet; while estimating runs, how many have estimated; once it is over, the
 * spread when enough people estimated, otherwise that it is withheld.
 */
export type ShownEstimates =
  | { show: 'none' }
  | { show: 'count'; count: number }
  | { show: 'spread'; spread: EstimateSpread }
  | { show: 'withheld' };

function shownEstimates(
  spread: EstimateSpread | undefined,
  phase: RiskPhase,
  threshold: number,
): ShownEstimates {
  if (!spread) return { show: 'none' };
  const open = phase === 'identify' || phase === 'assess';
  switch (groupFigure({ people: spread.count, threshold, open })) {
    case 'count':
      return { show: 'count', count: spread.count };
    case 'figure':
      return { show: 'spread', spread };
    case 'withheld':
      return { show: 'withheld' };
  }
}

/** Everything the dialogue message shows, read in one place. */
export interface RiskBoard {
  dialogue: Dialogue;
  phase: RiskPhase;
  year: number;
  levels: RiskLevelBounds;
  timeZone: string;
  unitName: string;
  unitLevel: UnitLevel;
  /** The unit escalations go to; null at the top of the tree. */
  parent: { id: string; name: string } | null;
  risks: BoardRisk[];
  /** Absolute base of the one server (for the matrix image); null: no image block. */
  imageBase: string | null;
}

/**
 * `threshold`: the anonymity threshold (settings), below which estimates are withheld;
 * `imageBase`: the server's public address for the matrix picture, if any.
 */
export async function loadRiskBoard(
  db: Database,
  dialogue: Dialogue,
  options: { threshold: number; imageBase?: string | null },
): Promise<RiskBoard> {
  const phase = phaseOf(riskKind, dialogue);
  const [risks, meta, unit] = await Promise.all([
    listRisksInDialogue(db, { dialogueId: dialogue.id }),
    getRiskDialogue(db, { dialogueId: dialogue.id }),
    getUnit(db, { unitId: dialogue.unitId }),
  ]);
  // A risk dialogue is started with its year and levels in one transaction (risk/start.ts):
  // one without them is broken data, not a dialogue to show with made-up defaults.
  if (!meta) throw new Error(`Risk dialogue ${dialogue.id} has no risk_dialogues row`);
  const parentUnit = unit?.parentId ? await getUnit(db, { unitId: unit.parentId }) : null;
  const spreads = await listEstimateSpreads(db, { riskIds: risks.map((r) => r.id) });
  const levels = meta.levels;
  const carried = risks.filter((r) => r.sourceKind !== null);
  const raised = risks.filter((r) => r.sourceKind === null);
  const ordered = [...carried, ...raised].map(
    (risk, index): BoardRisk => ({
      ...risk,
      number: index + 1,
      carried: risk.sourceKind !== null,
      rated:
        risk.probability && risk.consequence
          ? assess(risk.probability, risk.consequence, levels)
          : null,
      estimates: shownEstimates(spreads.get(risk.id), phase, options.threshold),
    }),
  );
  return {
    dialogue,
    phase,
    year: meta.year,
    levels,
    timeZone: unit?.timezone ?? DEFAULT_TIME_ZONE,
    unitName: unit?.name ?? '',
    unitLevel: unit?.level ?? 'unit',
    parent: parentUnit ? { id: parentUnit.id, name: parentUnit.name } : null,
    risks: ordered,
    imageBase: options.imageBase ?? null,
  };
}

export const riskLabel = (risk: Pick<BoardRisk, 'number'>): string => `R${risk.number}`;
