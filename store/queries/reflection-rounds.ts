import { and, asc, desc, eq, gt, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import {
  memberships,
  reflectionInvitations,
  reflectionParticipation,
  reflectionRounds,
  units,
} from '../schema/index.js';

export type ReflectionRound = typeof reflectionRounds.$inferSelect;
export type NewReflectionRound = Omit<
  typeof reflectionRounds.$inferInsert,
  'id' | 'remindedAt' | 'closedAt' | 'invitedCount' | 'answeredCount'
>;

/** The round, or null when another instance created the unit's round for that date first. */
export async function createRound(
  db: Database,
  round: NewReflectionRound,
): Promise<ReflectionRound | null> {
  const [created] = await db
    .insert(reflectionRounds)
    .values(round)
    .onConflictDoNothing({ target: [reflectionRounds.unitId, reflectionRounds.roundDate] })
    .returning();
  return created ?? null;
}

/** Invites people to a round; returns those not invited before. */
export async function inviteToRound(
  db: Database,
  params: { roundId: string; personIds: readonly string[] },
): Promise<string[]> {
  const invited: string[] = [];
  for (let start = 0; start < params.personIds.length; start += CHUNK) {
    const rows = params.personIds
      .slice(start, start + CHUNK)
      .map((personId) => ({ roundId: params.roundId, personId }));
    const inserted = await db
      .insert(reflectionInvitations)
      .values(rows)
      .onConflictDoNothing()
      .returning({ personId: reflectionInvitations.personId });
    invited.push(...inserted.map((r) => r.personId));
  }
  return invited;
}

const CHUNK = 1_000;

/**
 * Invites one person to a round that is still open (someone who joined the unit after it
 * opened). Locked like an answer, so it cannot slip in after the round was folded at close.
 */
export async function inviteToOpenRound(
  db: Database,
  params: { roundId: string; personId: string },
): Promise<void> {
  await db.execute(sql`with round as (
      select id from reflection_rounds
      where id = ${params.roundId}::uuid and closed_at is null
      for key share
    )
    insert into reflection_invitations (round_id, person_id)
    select id, ${params.personId}::uuid from round
    on conflict do nothing`);
}

export async function getRound(
  db: Database,
  params: { roundId: string },
): Promise<ReflectionRound | null> {
  const [round] = await db
    .select()
    .from(reflectionRounds)
    .where(eq(reflectionRounds.id, params.roundId));
  return round ?? null;
}

/** Open means: opened, not closed by the tick, and its closing time not reached. */
export const openAt = (now: Date) =>
  and(
    isNull(reflectionRounds.closedAt),
    lte(reflectionRounds.opensAt, now),
    gt(reflectionRounds.closesAt, now),
  );

export type OpenRoundOfPerson = ReflectionRound & {
  unitName: string;
  timezone: string;
  answered: boolean;
};

/** Open rounds of the units a person holds a role in (the unit itself), with "answered". */
export async function listOpenRoundsOfPerson(
  db: Database,
  params: { personId: string; now: Date },
): Promise<OpenRoundOfPerson[]> {
  const rows = await db
    .selectDistinct({
      round: reflectionRounds,
      unitName: units.name,
      timezone: units.timezone,
      answered: sql<boolean>`exists (select 1 from ${reflectionParticipation}
        where ${reflectionParticipation.roundId} = ${reflectionRounds.id}
          and ${reflectionParticipation.personId} = ${params.personId})`,
    })
    .from(reflectionRounds)
    .innerJoin(units, eq(units.id, reflectionRounds.unitId))
    .innerJoin(memberships, eq(memberships.unitId, reflectionRounds.unitId))
    .where(and(eq(memberships.personId, params.personId), openAt(params.now)))
    .orderBy(asc(units.name));
  return rows.map((r) => ({
    ...r.round,
    unitName: r.unitName,
    timezone: r.timezone,
    answered: Boolean(r.answered),
  }));
}

export async function hasAnswered(
  db: Database,
  params: { roundId: string; personId: string },
): Promise<boolean> {
  const rows = await db
    .select({ personId: reflectionParticipation.personId })
    .from(reflectionParticipation)
    .where(
      and(
        eq(reflectionParticipation.roundId, params.roundId),
        eq(reflectionParticipation.personId, params.personId),
      ),
    );
  return rows.length > 0;
}

export async function latestRoundOfUnit(
  db: Database,
  params: { unitId: string; closed?: boolean },
): Promise<ReflectionRound | null> {
  const [round] = await db
    .select()
    .from(reflectionRounds)
    .where(
      params.closed
        ? and(eq(reflectionRounds.unitId, params.unitId), isNotNull(reflectionRounds.closedAt))
        : eq(reflectionRounds.unitId, params.unitId),
    )
    .orderBy(desc(reflectionRounds.opensAt))
    .limit(1);
  return round ?? null;
}
