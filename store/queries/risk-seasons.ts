import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../database.js';
import { type Language, memberships, outbox, people, riskSeasons } from '../schema/index.js';

export type RiskSeasonRow = typeof riskSeasons.$inferSelect;

export async function listRiskSeasons(db: Database): Promise<RiskSeasonRow[]> {
  return db.select().from(riskSeasons);
}

export async function getRiskSeason(
  db: Database,
  params: { unitId: string },
): Promise<RiskSeasonRow | null> {
  const [row] = await db.select().from(riskSeasons).where(eq(riskSeasons.unitId, params.unitId));
  return row ?? null;
}

export async function setRiskSeason(
  db: Database,
  params: { unitId: string; fromMonth: number; toMonth: number; now: Date },
): Promise<void> {
  const { now, ...values } = params;
  await db
    .insert(riskSeasons)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({
      target: riskSeasons.unitId,
      set: { fromMonth: values.fromMonth, toMonth: values.toMonth, updatedAt: now },
    });
}

/**
 * Which of these outbox keys exist already: a tick that runs every minute asks this first,
 * so it builds and inserts only the messages still missing (the unique key still decides).
 */
export async function listExistingOutboxKeys(
  db: Database,
  params: { keys: string[] },
): Promise<Set<string>> {
  if (params.keys.length === 0) return new Set();
  const rows = await db
    .select({ key: outbox.key })
    .from(outbox)
    .where(inArray(outbox.key, params.keys));
  return new Set(rows.map((r) => r.key));
}

export type UnitManager = { unitId: string; personId: string; lang: Language | null };

/** The active managers of these units, in one query (the season tick's recipients). */
export async function listManagersOfUnits(
  db: Database,
  params: { unitIds: string[] },
): Promise<UnitManager[]> {
  if (params.unitIds.length === 0) return [];
  return db
    .select({ unitId: memberships.unitId, personId: people.id, lang: people.lang })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        inArray(memberships.unitId, params.unitIds),
        eq(memberships.role, 'manager'),
        eq(people.active, true),
      ),
    );
}
