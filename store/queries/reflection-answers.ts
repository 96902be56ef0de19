import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { selectRows } from '../raw-rows.js';
import { type ReflectionPrinciple, reflectionAnswers, reflectionRounds } from '../schema/index.js';

export type AnswerResult = 'stored' | 'already-answered' | 'closed';

export type AnswerToStore = {
  roundId: string;
  personId: string;
  now: Date;
  rating: number | null;
  text: string | null;
};

/** Stores one answer: see storeAnswers. */
export async function storeAnswer(db: Database, params: AnswerToStore): Promise<AnswerResult> {
  const [result] = await storeAnswers(db, [params]);
  if (!result) throw new Error('storeAnswers gave no result for the answer');
  return result;
}

/**
 * Stores answers: for each, "this person took part" and "this was said" in ONE statement, so
 * one transaction (both or neither), in one round trip, whatever the number. Each answer's
 * round must still be open at its `now`; the rounds are key-share locked, so a close or a
 * reminder run (which lock them for update) sees every answer or waits for it. A second
 * answer by the same person conflicts on the participation key and stores nothing; the same
 * person twice in one call is the caller's mistake (the first would count, and both report
 * stored), so callers pass each (round, person) once. The answer rows get no person, no time
 * and a random id, and are written in the order given (callers shuffle): see
 * store/schema/reflection.ts for what this does and does not hide.
 */
export async function storeAnswers(
  db: Database,
  answers: readonly AnswerToStore[],
): Promise<AnswerResult[]> {
  if (answers.length === 0) return [];
  // One JSON parameter: the same on both drivers, whatever the texts hold.
  const input = answers.map((a, i) => ({
    n: i + 1,
    round_id: a.roundId,
    person_id: a.personId,
    at: a.now.toISOString(),
    rating: a.rating,
    text: a.text,
  }));
  const rows = await selectRows<{ n: number; open: boolean; stored: boolean }>(
    db,
    sql`with input as (
          select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
            as i(n int, round_id uuid, person_id uuid, at timestamptz, rating smallint, text text)
        ),
        round as (
          select id, unit_id, principle, opens_at, closes_at from reflection_rounds
          where id in (select round_id from input) and closed_at is null
          for key share
        ),
        open_input as (
          select input.*, round.unit_id, round.principle from input
          join round on round.id = input.round_id
          where round.opens_at <= input.at and input.at < round.closes_at
        ),
        took_part as (
          insert into reflection_participation (round_id, person_id)
          select round_id, person_id from open_input order by n
          on conflict do nothing
          returning round_id, person_id
        ),
        answer as (
          insert into reflection_answers (round_id, unit_id, principle, rating, text)
          select o.round_id, o.unit_id, o.principle, o.rating, o.text
          from open_input o
          join took_part t on t.round_id = o.round_id and t.person_id = o.person_id
          order by o.n
          returning 1
        )
        select i.n,
               exists (select 1 from open_input o where o.n = i.n) as open,
               exists (select 1 from took_part t
                       where t.round_id = i.round_id and t.person_id = i.person_id) as stored
        from input i`,
  );
  const byN = new Map(rows.map((r) => [Number(r.n), r]));
  return answers.map((_, i) => {
    const row = byN.get(i + 1);
    if (!row?.open) return 'closed';
    return row.stored ? 'stored' : 'already-answered';
  });
}

export type RoundFigures = {
  answers: number;
  ratings: number;
  /** Sum of the ratings: the average is decided (and shown or not) by the disclosure rule. */
  ratingSum: number;
  texts: number;
};

/** Counts and the rating sum of one round's answers. */
export async function roundFigures(
  db: Database,
  params: { roundId: string },
): Promise<RoundFigures> {
  const [row] = await db
    .select({
      answers: sql<number>`count(*)::int`,
      ratings: sql<number>`count(${reflectionAnswers.rating})::int`,
      ratingSum: sql<number>`coalesce(sum(${reflectionAnswers.rating}), 0)::int`,
      texts: sql<number>`count(${reflectionAnswers.text})::int`,
    })
    .from(reflectionAnswers)
    .where(eq(reflectionAnswers.roundId, params.roundId));
  return {
    answers: Number(row?.answers ?? 0),
    ratings: Number(row?.ratings ?? 0),
    ratingSum: Number(row?.ratingSum ?? 0),
    texts: Number(row?.texts ?? 0),
  };
}

/** The round's texts in random order: never in the order they were written. */
export async function listRoundTexts(db: Database, params: { roundId: string }): Promise<string[]> {
  const rows = await db
    .select({ text: reflectionAnswers.text })
    .from(reflectionAnswers)
    .where(and(eq(reflectionAnswers.roundId, params.roundId), isNotNull(reflectionAnswers.text)))
    .orderBy(sql`random()`);
  return rows.map((r) => r.text ?? '');
}

/** How many people answered / were asked: counted live while open, the folded counts after. */
export async function roundResponse(
  db: Database,
  params: { roundId: string },
): Promise<{ invited: number; answered: number }> {
  const [row] = await selectRows<{ invited: number; answered: number }>(
    db,
    sql`select coalesce(r.invited_count,
                 (select count(*) from reflection_invitations i where i.round_id = r.id))::int as invited,
               coalesce(r.answered_count,
                 (select count(*) from reflection_participation p where p.round_id = r.id))::int as answered
        from reflection_rounds r where r.id = ${params.roundId}`,
  );
  return { invited: Number(row?.invited ?? 0), answered: Number(row?.answered ?? 0) };
}

export type PrincipleFigures = {
  principle: ReflectionPrinciple;
  /** Rounds of this principle in the period. */
  rounds: number;
  /** Of those, closed rounds with enough answers and ratings: the only ones counted below. */
  shownRounds: number;
  ratings: number;
  average: number | null;
};

/**
 * Average rating per principle over the unit's closed rounds that opened since `since`. A
 * round with fewer than `minPerCell` answers or ratings adds nothing to any figure (the cell
 * rule of dialogues/privacy/disclosure.ts); an open round adds nothing until it closes.
 */
export async function principleFigures(
  db: Database,
  params: { unitId: string; since: Date; minPerCell: number },
): Promise<PrincipleFigures[]> {
  const rows = await selectRows<{
    principle: ReflectionPrinciple;
    rounds: number;
    shown_rounds: number;
    ratings: number;
    average: number | null;
  }>(
    db,
    sql`with per_round as (
          select r.id, r.principle,
                 count(a.id) as answers, count(a.rating) as ratings, sum(a.rating) as rating_sum
          from reflection_rounds r
          left join reflection_answers a on a.round_id = r.id
          where r.unit_id = ${params.unitId} and r.closed_at is not null
            and r.opens_at >= ${params.since.toISOString()}::timestamptz
          group by r.id, r.principle
        ),
        counted as (
          select *, answers >= ${params.minPerCell} and ratings >= ${params.minPerCell} as ok
          from per_round
        )
        select principle,
               count(*)::int as rounds,
               count(*) filter (where ok)::int as shown_rounds,
               coalesce(sum(ratings) filter (where ok), 0)::int as ratings,
               (sum(rating_sum) filter (where ok)::float8
                 / nullif(sum(ratings) filter (where ok), 0)) as average
        from counted group by principle`,
  );
  return rows.map((r) => ({
    principle: r.principle,
    rounds: Number(r.rounds),
    shownRounds: Number(r.shown_rounds),
    ratings: Number(r.ratings),
    average: r.average == null ? null : Number(r.average),
  }));
}

/**
 * Retention: deletes the free text of rounds that opened before `before`; ratings and counts
 * stay. Postgres keeps the old row version until VACUUM reclaims it (autovacuum does).
 */
export async function purgeTextsBefore(db: Database, params: { before: Date }): Promise<number> {
  const purged = await db
    .update(reflectionAnswers)
    .set({ text: null })
    .where(
      and(
        isNotNull(reflectionAnswers.text),
        sql`${reflectionAnswers.roundId} in (select ${reflectionRounds.id} from ${reflectionRounds}
          where ${reflectionRounds.opensAt} < ${params.before.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ id: reflectionAnswers.id });
  return purged.length;
}
