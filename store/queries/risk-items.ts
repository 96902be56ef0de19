import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../database.js';
import {
  dialogues,
  type RiskDecision,
  type RiskHandling,
  type RiskProcess,
  risks,
  units,
} from '../schema/index.js';

export type Risk = typeof risks.$inferSelect;

/** Where a risk of a dialogue came from, for "carried in from …" lines. */
export interface RiskOrigin {
  /** The SWOT dialogue's topic, for a SWOT threat or weakness. */
  swotTopic: string | null;
  /** For an escalation: the unit below, its motivation and its agreed assessment. */
  fromUnitName: string | null;
  motivation: string | null;
  fromProbability: number | null;
  fromConsequence: number | null;
}

export type RiskInDialogue = Risk & { origin: RiskOrigin };

const origin = alias(risks, 'origin');
const originUnit = alias(units, 'origin_unit');
const swotDialogue = alias(dialogues, 'swot_dialogue');

/** The risks of one risk dialogue with where each came from, carried-in ones first. */
export async function listRisksInDialogue(
  db: Database,
  params: { dialogueId: string },
): Promise<RiskInDialogue[]> {
  const rows = await db
    .select({
      risk: risks,
      swotTopic: swotDialogue.topic,
      fromUnitName: originUnit.name,
      decision: origin.decision,
      fromProbability: origin.probability,
      fromConsequence: origin.consequence,
    })
    .from(risks)
    .leftJoin(origin, eq(origin.id, risks.escalatedFromId))
    .leftJoin(originUnit, eq(originUnit.id, origin.unitId))
    .leftJoin(swotDialogue, eq(swotDialogue.id, risks.sourceDialogueId))
    .where(eq(risks.dialogueId, params.dialogueId))
    .orderBy(asc(risks.createdAt), asc(risks.id));
  return rows.map((r) => ({
    ...r.risk,
    origin: {
      swotTopic: r.swotTopic,
      fromUnitName: r.fromUnitName,
      motivation: r.decision?.motivation ?? null,
      fromProbability: r.fromProbability,
      fromConsequence: r.fromConsequence,
    },
  }));
}

export async function getRisk(db: Database, params: { riskId: string }): Promise<Risk | null> {
  const [row] = await db.select().from(risks).where(eq(risks.id, params.riskId));
  return row ?? null;
}

/** Pulls the unit's pending risks (SWOT threats, escalations) into a new risk dialogue. */
export async function carryPendingInto(
  db: Database,
  params: { unitId: string; dialogueId: string },
): Promise<number> {
  const carried = await db
    .update(risks)
    .set({ status: 'open', dialogueId: params.dialogueId })
    .where(and(eq(risks.unitId, params.unitId), eq(risks.status, 'pending')))
    .returning({ id: risks.id });
  return carried.length;
}

export async function addRisk(
  db: Database,
  params: {
    unitId: string;
    dialogueId: string;
    description: string;
    authorId: string | null;
    now: Date;
  },
): Promise<Risk> {
  const [row] = await db
    .insert(risks)
    .values({
      unitId: params.unitId,
      dialogueId: params.dialogueId,
      description: params.description,
      status: 'open',
      authorId: params.authorId,
      createdAt: params.now,
    })
    .returning();
  return row!;
}

export async function setAgreedAssessment(
  db: Database,
  params: { riskId: string; probability: number; consequence: number },
): Promise<void> {
  await db
    .update(risks)
    .set({ probability: params.probability, consequence: params.consequence })
    .where(and(eq(risks.id, params.riskId), eq(risks.status, 'open')));
}

export async function setRiskDecision(
  db: Database,
  params: {
    riskId: string;
    process: RiskProcess;
    handling: RiskHandling;
    decision: RiskDecision;
    decidedBy: string;
    now: Date;
  },
): Promise<void> {
  await db
    .update(risks)
    .set({
      process: params.process,
      handling: params.handling,
      decision: params.decision,
      decidedBy: params.decidedBy,
      decidedAt: params.now,
    })
    .where(and(eq(risks.id, params.riskId), eq(risks.status, 'open')));
}

/** The dialogue has ended: its risks' handling stands. */
export async function closeRisksOfDialogue(
  db: Database,
  params: { dialogueId: string },
): Promise<void> {
  await db.update(risks).set({ status: 'closed' }).where(eq(risks.dialogueId, params.dialogueId));
}

/**
 * Carries an escalated risk up to the parent unit: pending for its next risk dialogue, or into
 * `dialogueId` when one is running. Null when it was carried already (one risk, one escalation).
 */
export async function createEscalatedRisk(
  db: Database,
  params: {
    from: Risk;
    parentUnitId: string;
    period: number;
    dialogueId: string | null;
    now: Date;
  },
): Promise<Risk | null> {
  const [row] = await db
    .insert(risks)
    .values({
      unitId: params.parentUnitId,
      description: params.from.description,
      status: params.dialogueId ? 'open' : 'pending',
      sourceKind: 'escalation',
      escalatedFromId: params.from.id,
      period: params.period,
      dialogueId: params.dialogueId,
      createdAt: params.now,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export type PendingRisk = Risk & { fromUnitName: string | null };

/** Risks waiting for a risk dialogue in these units (escalations and SWOT threats). */
export async function listPendingRisks(
  db: Database,
  params: { unitIds: string[] },
): Promise<PendingRisk[]> {
  if (params.unitIds.length === 0) return [];
  const rows = await db
    .select({ risk: risks, fromUnitName: originUnit.name })
    .from(risks)
    .leftJoin(origin, eq(origin.id, risks.escalatedFromId))
    .leftJoin(originUnit, eq(originUnit.id, origin.unitId))
    .where(and(inArray(risks.unitId, params.unitIds), eq(risks.status, 'pending')))
    .orderBy(asc(risks.createdAt), asc(risks.id));
  return rows.map((r) => ({ ...r.risk, fromUnitName: r.fromUnitName }));
}

export type EscalationFate = {
  riskId: string;
  description: string;
  toUnitName: string;
  /** The unit above that one: where the risk went when it was escalated further. */
  furtherUnitName: string | null;
  status: Risk['status'];
  handling: RiskHandling | null;
};

/** What became of risks these units escalated: the parent's risk carried from each. */
export async function listEscalationFates(
  db: Database,
  params: { unitIds: string[]; period: number },
): Promise<(EscalationFate & { fromUnitId: string })[]> {
  if (params.unitIds.length === 0) return [];
  const parent = alias(risks, 'parent_risk');
  const parentUnit = alias(units, 'parent_unit');
  const furtherUnit = alias(units, 'further_unit');
  return db
    .select({
      riskId: risks.id,
      fromUnitId: risks.unitId,
      description: risks.description,
      toUnitName: parentUnit.name,
      furtherUnitName: furtherUnit.name,
      status: parent.status,
      handling: parent.handling,
    })
    .from(risks)
    .innerJoin(parent, eq(parent.escalatedFromId, risks.id))
    .innerJoin(parentUnit, eq(parentUnit.id, parent.unitId))
    .leftJoin(furtherUnit, eq(furtherUnit.id, parentUnit.parentId))
    .where(and(inArray(risks.unitId, params.unitIds), eq(parent.period, params.period)))
    .orderBy(asc(risks.createdAt));
}

/** Risks of the dialogue not assessed yet (no agreed probability and consequence). */
export async function countUnassessed(
  db: Database,
  params: { dialogueId: string },
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(risks)
    .where(and(eq(risks.dialogueId, params.dialogueId), isNull(risks.probability)));
  return Number(row?.count ?? 0);
}
