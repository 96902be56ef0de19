import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { preparedOnce } from '../prepared-once.js';
import {
  type SelfCheckCadence,
  type SelfCheckOutcome,
  selfCheckOccurrences,
  selfChecks,
  units,
} from '../schema/index.js';

export type SelfCheck = typeof selfChecks.$inferSelect;
export type SelfCheckOccurrence = typeof selfCheckOccurrences.$inferSelect;

export interface NewSelfCheck {
  unitId: string;
  text: string;
  responsibleId: string;
  cadence: SelfCheckCadence;
  /** YYYY-MM-DD, the first occurrence. */
  startsOn: string;
  sourceRiskId: string | null;
  sourceDialogueId: string | null;
  createdBy: string;
  now: Date;
}

/**
 * Creates a self-check. A risk gets at most one: a second call for the same risk returns the
 * first check unchanged (a retried decision must not double the questions).
 */
export async function insertSelfCheck(db: Database, params: NewSelfCheck): Promise<SelfCheck> {
  const { now, ...values } = params;
  const insert = db.insert(selfChecks).values({ ...values, createdAt: now });
  if (!params.sourceRiskId) return (await insert.returning())[0]!;
  const [created] = await insert.onConflictDoNothing().returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(selfChecks)
    .where(eq(selfChecks.sourceRiskId, params.sourceRiskId));
  return existing!;
}

export type ScheduledSelfCheck = SelfCheck & { timezone: string; unitName: string };

/** Active self-checks of active units, for the tick. */
export async function listActiveSelfChecks(db: Database): Promise<ScheduledSelfCheck[]> {
  const rows = await db
    .select({ check: selfChecks, timezone: units.timezone, unitName: units.name })
    .from(selfChecks)
    .innerJoin(units, eq(units.id, selfChecks.unitId))
    .where(and(eq(selfChecks.active, true), eq(units.active, true)));
  return rows.map((r) => ({ ...r.check, timezone: r.timezone, unitName: r.unitName }));
}

export async function listSelfChecksOfPerson(
  db: Database,
  params: { personId: string },
): Promise<ScheduledSelfCheck[]> {
  const rows = await selfChecksOfPerson(db, params);
  return rows.map((r) => ({ ...r.check, timezone: r.timezone, unitName: r.unitName }));
}

/** Read with a person's action list at every click there: its SQL is built once. */
const selfChecksOfPerson = preparedOnce<
  { personId: string },
  { check: SelfCheck; timezone: string; unitName: string }[]
>('self-checks-of-person', (db, p) =>
  db
    .select({ check: selfChecks, timezone: units.timezone, unitName: units.name })
    .from(selfChecks)
    .innerJoin(units, eq(units.id, selfChecks.unitId))
    .where(and(eq(selfChecks.responsibleId, p('personId')), eq(selfChecks.active, true)))
    .orderBy(asc(selfChecks.createdAt)),
);

/** The occurrence, created by the one caller that gets it (null: it existed already). */
export async function claimOccurrence(
  db: Database,
  params: { selfCheckId: string; occursOn: string; now: Date },
): Promise<SelfCheckOccurrence | null> {
  const [row] = await db
    .insert(selfCheckOccurrences)
    .values({ selfCheckId: params.selfCheckId, occursOn: params.occursOn, askedAt: params.now })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export type OccurrenceWithCheck = SelfCheckOccurrence & { check: SelfCheck };

export async function getOccurrence(
  db: Database,
  params: { occurrenceId: string },
): Promise<OccurrenceWithCheck | null> {
  const [row] = await db
    .select({ occurrence: selfCheckOccurrences, check: selfChecks })
    .from(selfCheckOccurrences)
    .innerJoin(selfChecks, eq(selfChecks.id, selfCheckOccurrences.selfCheckId))
    .where(eq(selfCheckOccurrences.id, params.occurrenceId));
  return row ? { ...row.occurrence, check: row.check } : null;
}

/** Records the answer once: null when the occurrence was answered already. */
export async function answerOccurrence(
  db: Database,
  params: {
    occurrenceId: string;
    outcome: SelfCheckOutcome;
    note: string | null;
    by: string;
    now: Date;
  },
): Promise<SelfCheckOccurrence | null> {
  const [row] = await db
    .update(selfCheckOccurrences)
    .set({
      outcome: params.outcome,
      note: params.note,
      answeredAt: params.now,
      answeredBy: params.by,
    })
    .where(
      and(eq(selfCheckOccurrences.id, params.occurrenceId), isNull(selfCheckOccurrences.outcome)),
    )
    .returning();
  return row ?? null;
}

/** Which of these (check, date) occurrences exist already: `<checkId>:<date>`. */
export async function listExistingOccurrences(
  db: Database,
  params: { occurrences: readonly { selfCheckId: string; occursOn: string }[] },
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < params.occurrences.length; start += 1_000) {
    const chunk = params.occurrences.slice(start, start + 1_000);
    const pairs = sql.join(
      chunk.map((o) => sql`(${o.selfCheckId}::uuid, ${o.occursOn}::date)`),
      sql`, `,
    );
    const rows = await db
      .select({
        selfCheckId: selfCheckOccurrences.selfCheckId,
        occursOn: selfCheckOccurrences.occursOn,
      })
      .from(selfCheckOccurrences)
      .where(
        sql`(${selfCheckOccurrences.selfCheckId}, ${selfCheckOccurrences.occursOn}) in (${pairs})`,
      );
    for (const row of rows) found.add(`${row.selfCheckId}:${row.occursOn}`);
  }
  return found;
}
