import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { selectRows } from '../raw-rows.js';
import {
  type Language,
  people,
  reflectionInvitations,
  reflectionParticipation,
  reflectionRounds,
  reflectionSchedules,
  units,
} from '../schema/index.js';
import { forgetRoundSideRecords, reshuffleRoundAnswers } from './reflection-round-forget.js';
import { openAt, type ReflectionRound } from './reflection-rounds.js';

/** What the reflection ticks read and write: schedules, reminders, closing. */

/** An active unit with its schedule; null fields: no schedule stored, the defaults apply. */
export interface UnitSchedule {
  unitId: string;
  unitName: string;
  timezone: string;
  weekday: number | null;
  time: string | null;
  paused: boolean | null;
}

export async function listUnitSchedules(db: Database): Promise<UnitSchedule[]> {
  return db
    .select({
      unitId: units.id,
      unitName: units.name,
      timezone: units.timezone,
      weekday: reflectionSchedules.weekday,
      time: reflectionSchedules.time,
      paused: reflectionSchedules.paused,
    })
    .from(units)
    .leftJoin(reflectionSchedules, eq(reflectionSchedules.unitId, units.id))
    .where(eq(units.active, true));
}

/** Each unit's newest round, in one query, for the opening tick. */
export async function listLatestRounds(db: Database): Promise<ReflectionRound[]> {
  const rows = await selectRows<{ id: string }>(
    db,
    sql`select distinct on (unit_id) id from reflection_rounds order by unit_id, opens_at desc`,
  );
  if (rows.length === 0) return [];
  return db
    .select()
    .from(reflectionRounds)
    .where(
      sql`${reflectionRounds.id} in (${sql.join(
        rows.map((r) => sql`${r.id}`),
        sql`, `,
      )})`,
    );
}

export async function listRoundsDueForReminder(
  db: Database,
  params: { now: Date },
): Promise<ReflectionRound[]> {
  return db
    .select()
    .from(reflectionRounds)
    .where(
      and(
        openAt(params.now),
        isNull(reflectionRounds.remindedAt),
        lte(reflectionRounds.remindAt, params.now),
      ),
    );
}

/**
 * Locks the round against answers: an answer holds a key-share lock on its round (its
 * foreign keys and the answer statement take one), so this waits for answers in flight, and
 * what the caller reads next in the transaction includes them.
 */
export async function lockRound(
  db: Database,
  params: { roundId: string },
): Promise<ReflectionRound | null> {
  const [round] = await db
    .select()
    .from(reflectionRounds)
    .where(eq(reflectionRounds.id, params.roundId))
    .for('update');
  return round ?? null;
}

export type Invitee = { personId: string; lang: Language | null };

/** Invited, still active, and not answered: who gets the reminder. */
export async function listNonAnswerers(
  db: Database,
  params: { roundId: string },
): Promise<Invitee[]> {
  return db
    .select({ personId: people.id, lang: people.lang })
    .from(reflectionInvitations)
    .innerJoin(people, eq(people.id, reflectionInvitations.personId))
    .where(
      and(
        eq(reflectionInvitations.roundId, params.roundId),
        eq(people.active, true),
        sql`not exists (select 1 from ${reflectionParticipation}
          where ${reflectionParticipation.roundId} = ${reflectionInvitations.roundId}
            and ${reflectionParticipation.personId} = ${reflectionInvitations.personId})`,
      ),
    );
}

export async function markReminded(
  db: Database,
  params: { roundId: string; now: Date },
): Promise<void> {
  await db
    .update(reflectionRounds)
    .set({ remindedAt: params.now })
    .where(eq(reflectionRounds.id, params.roundId));
}

export async function listRoundsDueToClose(
  db: Database,
  params: { now: Date },
): Promise<ReflectionRound[]> {
  return db
    .select()
    .from(reflectionRounds)
    .where(and(isNull(reflectionRounds.closedAt), lte(reflectionRounds.closesAt, params.now)));
}

/**
 * Closes a locked round: who was asked and who answered become two counts on the round, and
 * the per-person rows are deleted; the answers are written anew in random order and the side
 * records naming a person and the round go (reflection-round-forget.ts), so nothing is left
 * that could be matched to an answer once the caller has vacuumed.
 */
export async function foldAndCloseRound(
  db: Database,
  params: { roundId: string; now: Date },
): Promise<void> {
  const { roundId } = params;
  const invited = await db
    .delete(reflectionInvitations)
    .where(eq(reflectionInvitations.roundId, roundId))
    .returning({ personId: reflectionInvitations.personId });
  const answered = await db
    .delete(reflectionParticipation)
    .where(eq(reflectionParticipation.roundId, roundId))
    .returning({ personId: reflectionParticipation.personId });
  await db
    .update(reflectionRounds)
    .set({ closedAt: params.now, invitedCount: invited.length, answeredCount: answered.length })
    .where(eq(reflectionRounds.id, roundId));
  await reshuffleRoundAnswers(db, { roundId });
  await forgetRoundSideRecords(db, { roundId });
}

/** What closing rounds deleted rows from: vacuumed after the closing transactions. */
export const TABLES_CLEANED_AT_CLOSE = [
  'reflection_answers',
  'reflection_participation',
  'reflection_invitations',
  'reflection_rounds',
  'outbox',
  'teams_sends',
  'posted_messages',
  'local_messages',
  'teams_forms',
] as const;
