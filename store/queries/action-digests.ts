import { asc, eq, gte } from 'drizzle-orm';
import type { Database } from '../database.js';
import { actionDigestRuns, units } from '../schema/index.js';

export type DigestUnit = { unitId: string; unitName: string; timezone: string };

/**
 * Every active unit, by name: each may have a digest, sent to its managers or, for a unit
 * without one, to who stands in (the caller finds them only for a unit that has actions due).
 */
export async function listDigestUnits(db: Database): Promise<DigestUnit[]> {
  return db
    .select({ unitId: units.id, unitName: units.name, timezone: units.timezone })
    .from(units)
    .where(eq(units.active, true))
    .orderBy(asc(units.name));
}

/**
 * Claims the unit's digest for the week: true for the one caller that inserted the row (it
 * sends, in the same transaction), false for every later or concurrent caller.
 */
export async function claimDigestRun(
  db: Database,
  params: { unitId: string; weekOf: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .insert(actionDigestRuns)
    .values({ unitId: params.unitId, weekOf: params.weekOf, at: params.now })
    .onConflictDoNothing()
    .returning({ unitId: actionDigestRuns.unitId });
  return rows.length === 1;
}

/** `<unitId>:<weekOf>` of the digests considered for weeks from `fromWeek` on. */
export async function listDigestRunsSince(
  db: Database,
  params: { fromWeek: string },
): Promise<Set<string>> {
  const rows = await db
    .select({ unitId: actionDigestRuns.unitId, weekOf: actionDigestRuns.weekOf })
    .from(actionDigestRuns)
    .where(gte(actionDigestRuns.weekOf, params.fromWeek));
  return new Set(rows.map((r) => `${r.unitId}:${r.weekOf}`));
}
