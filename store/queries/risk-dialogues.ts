import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../database.js';
import {
  dialogues,
  type RiskLevelBounds,
  riskDialogues,
  type StoredRiskSummary,
} from '../schema/index.js';

export type RiskDialogueRow = typeof riskDialogues.$inferSelect;

export async function createRiskDialogue(
  db: Database,
  params: { dialogueId: string; unitId: string; year: number; levels: RiskLevelBounds },
): Promise<void> {
  await db.insert(riskDialogues).values(params);
}

export async function getRiskDialogue(
  db: Database,
  params: { dialogueId: string },
): Promise<RiskDialogueRow | null> {
  const [row] = await db
    .select()
    .from(riskDialogues)
    .where(eq(riskDialogues.dialogueId, params.dialogueId));
  return row ?? null;
}

export async function saveRiskSummary(
  db: Database,
  params: { dialogueId: string; summary: StoredRiskSummary },
): Promise<void> {
  await db
    .update(riskDialogues)
    .set({ summary: params.summary })
    .where(eq(riskDialogues.dialogueId, params.dialogueId));
}

export type HeldRiskDialogue = {
  dialogueId: string;
  unitId: string;
  year: number;
  phase: string;
  closedAt: Date | null;
  createdAt: Date;
};

/** The risk dialogues of these units in a year, newest first. */
export async function listRiskDialoguesOfUnits(
  db: Database,
  params: { unitIds: string[]; year: number },
): Promise<HeldRiskDialogue[]> {
  if (params.unitIds.length === 0) return [];
  return db
    .select({
      dialogueId: riskDialogues.dialogueId,
      unitId: riskDialogues.unitId,
      year: riskDialogues.year,
      phase: dialogues.phase,
      closedAt: dialogues.closedAt,
      createdAt: dialogues.createdAt,
    })
    .from(riskDialogues)
    .innerJoin(dialogues, eq(dialogues.id, riskDialogues.dialogueId))
    .where(and(inArray(riskDialogues.unitId, params.unitIds), eq(riskDialogues.year, params.year)))
    .orderBy(desc(dialogues.createdAt));
}

/** A risk dialogue of the unit and year still running in one of `phases` (the oldest). */
export async function findOpenRiskDialogue(
  db: Database,
  params: { unitId: string; year: number; phases: string[] },
): Promise<{ dialogueId: string } | null> {
  const [row] = await db
    .select({ dialogueId: riskDialogues.dialogueId })
    .from(riskDialogues)
    .innerJoin(dialogues, eq(dialogues.id, riskDialogues.dialogueId))
    .where(
      and(
        eq(riskDialogues.unitId, params.unitId),
        eq(riskDialogues.year, params.year),
        isNull(dialogues.closedAt),
        inArray(dialogues.phase, params.phases),
      ),
    )
    .orderBy(asc(dialogues.createdAt))
    .limit(1);
  return row ?? null;
}
