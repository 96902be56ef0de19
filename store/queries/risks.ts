import { asc, eq } from 'drizzle-orm';
import type { Database } from '../database.js';
import { risks } from '../schema/index.js';

export type RiskRow = typeof risks.$inferSelect;

/**
 * Carries a SWOT item into the unit's next risk dialogue as a pending risk. Null when the item
 * already became a risk (one item, one risk, however many clicks).
 */
export async function createPendingRiskFromSwot(
  db: Database,
  params: {
    unitId: string;
    description: string;
    dialogueId: string;
    itemId: string;
    now: Date;
  },
): Promise<RiskRow | null> {
  const [row] = await db
    .insert(risks)
    .values({
      unitId: params.unitId,
      description: params.description,
      status: 'pending',
      sourceKind: 'swot',
      sourceDialogueId: params.dialogueId,
      sourceItemId: params.itemId,
      createdAt: params.now,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function listRisksOfDialogue(
  db: Database,
  params: { dialogueId: string },
): Promise<RiskRow[]> {
  return db
    .select()
    .from(risks)
    .where(eq(risks.sourceDialogueId, params.dialogueId))
    .orderBy(asc(risks.createdAt), asc(risks.id));
}
