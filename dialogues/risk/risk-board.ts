import type { Database } from '../../store/database.js';
import type { Dialogue } from '../../store/queries/dialogues.js';
import { getRiskDialogue } from '../../store/queries/risk-dialogues.js';
import { type EstimateSpread, listEstimateSpreads } from '../../store/queries/risk-estimates.js';
import { listRisksInDialogue, type RiskInDialogue } from '../../store/queries/risk-items.js';
import { getUnit } from '../../store/queries/units.js';
import type { RiskLevelBounds, UnitLevel } from '../../store/schema/index.js';
import { phaseOf } from '../dialogue/dialogue-kind.js';
import { type RiskPhase, riskKind } from './risk-kind.js';
import { assess, DEFAULT_LEVEL_BOUNDS, type RiskLevel } from './risk-level.js';

/** One risk as the views show it: numbered R1, R2 … in the order it joined the dialogue. */
export interface BoardRisk extends RiskInDialogue {
  number: number;
  carried: boolean;
  /** The agreed value and level; null until the facilitator sets them. */
  rated: { value: number; level: RiskLevel } | null;
  spread: EstimateSpread | null;
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

export async function loadRiskBoard(
  db: Database,
  dialogue: Dialogue,
  imageBase: string | null = null,
): Promise<RiskBoard> {
  const [risks, meta, unit] = await Promise.all([
    listRisksInDialogue(db, { dialogueId: dialogue.id }),
    getRiskDialogue(db, { dialogueId: dialogue.id }),
    getUnit(db, { unitId: dialogue.unitId }),
  ]);
  const parentUnit = unit?.parentId ? await getUnit(db, { unitId: unit.parentId }) : null;
  const spreads = await listEstimateSpreads(db, { riskIds: risks.map((r) => r.id) });
  const levels = meta?.levels ?? DEFAULT_LEVEL_BOUNDS;
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
      spread: spreads.get(risk.id) ?? null,
    }),
  );
  return {
    dialogue,
    phase: phaseOf(riskKind, dialogue),
    year: meta?.year ?? dialogue.createdAt.getUTCFullYear(),
    levels,
    timeZone: unit?.timezone ?? 'Europe/Stockholm',
    unitName: unit?.name ?? '',
    unitLevel: unit?.level ?? 'unit',
    parent: parentUnit ? { id: parentUnit.id, name: parentUnit.name } : null,
    risks: ordered,
    imageBase,
  };
}

export const riskLabel = (risk: Pick<BoardRisk, 'number'>): string => `R${risk.number}`;
