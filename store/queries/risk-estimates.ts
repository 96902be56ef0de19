import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { riskEstimates } from '../schema/index.js';

/** One participant's estimate; giving it again replaces the earlier one. */
export async function saveEstimate(
  db: Database,
  params: { riskId: string; personId: string; probability: number; consequence: number; now: Date },
): Promise<void> {
  const { now, ...values } = params;
  await db
    .insert(riskEstimates)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({
      target: [riskEstimates.riskId, riskEstimates.personId],
      set: { probability: values.probability, consequence: values.consequence, updatedAt: now },
    });
}

/** How far the estimates of a risk lie apart: counts and ranges only, never who said what. */
export interface EstimateSpread {
  count: number;
  probability: { min: number; max: number; median: number };
  consequence: { min: number; max: number; median: number };
}

export async function listEstimateSpreads(
  db: Database,
  params: { riskIds: string[] },
): Promise<Map<string, EstimateSpread>> {
  const spreads = new Map<string, EstimateSpread>();
  if (params.riskIds.length === 0) return spreads;
  const rows = await db
    .select({
      riskId: riskEstimates.riskId,
      count: sql<number>`count(*)::int`,
      pMin: sql<number>`min(${riskEstimates.probability})::int`,
      pMax: sql<number>`max(${riskEstimates.probability})::int`,
      pMedian: sql<number>`round(percentile_cont(0.5) within group (order by ${riskEstimates.probability}))::int`,
      cMin: sql<number>`min(${riskEstimates.consequence})::int`,
      cMax: sql<number>`max(${riskEstimates.consequence})::int`,
      cMedian: sql<number>`round(percentile_cont(0.5) within group (order by ${riskEstimates.consequence}))::int`,
    })
    .from(riskEstimates)
    .where(inArray(riskEstimates.riskId, params.riskIds))
    .groupBy(riskEstimates.riskId);
  for (const r of rows) {
    spreads.set(r.riskId, {
      count: Number(r.count),
      probability: { min: Number(r.pMin), max: Number(r.pMax), median: Number(r.pMedian) },
      consequence: { min: Number(r.cMin), max: Number(r.cMax), median: Number(r.cMedian) },
    });
  }
  return spreads;
}

export async function getOwnEstimate(
  db: Database,
  params: { riskId: string; personId: string },
): Promise<{ probability: number; consequence: number } | null> {
  const rows = await db
    .select({ probability: riskEstimates.probability, consequence: riskEstimates.consequence })
    .from(riskEstimates)
    .where(
      and(eq(riskEstimates.riskId, params.riskId), eq(riskEstimates.personId, params.personId)),
    );
  return rows[0] ?? null;
}

export async function countEstimators(
  db: Database,
  params: { riskIds: string[] },
): Promise<number> {
  if (params.riskIds.length === 0) return 0;
  const [row] = await db
    .select({ count: sql<number>`count(distinct ${riskEstimates.personId})::int` })
    .from(riskEstimates)
    .where(inArray(riskEstimates.riskId, params.riskIds));
  return Number(row?.count ?? 0);
}
