import { and, asc, eq, gte } from 'drizzle-orm';
import type { Database } from '../database.js';
import { actionDigestRuns, type Language, memberships, people, units } from '../schema/index.js';

export type DigestManager = { personId: string; name: string; lang: Language | null };
export type DigestUnit = {
  unitId: string;
  unitName: string;
  timezone: string;
  managers: DigestManager[];
};

/** Active units with at least one active manager, each with its managers. */
export async function listUnitsWithManagers(db: Database): Promise<DigestUnit[]> {
  const rows = await db
    .select({
      unitId: units.id,
      unitName: units.name,
      timezone: units.timezone,
      personId: people.id,
      name: people.name,
      lang: people.lang,
    })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId))
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.role, 'manager'), eq(units.active, true), eq(people.active, true)))
    .orderBy(asc(units.name), asc(people.name));
  const byUnit = new Map<string, DigestUnit>();
  for (const row of rows) {
    let unit = byUnit.get(row.unitId);
    if (!unit) {
      unit = { unitId: row.unitId, unitName: row.unitName, timezone: row.timezone, managers: [] };
      byUnit.set(row.unitId, unit);
    }
    unit.managers.push({ personId: row.personId, name: row.name, lang: row.lang });
  }
  return [...byUnit.values()];
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
