import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { selectRows } from '../raw-rows.js';
import { type ReflectionPrinciple, reflectionAnswers, reflectionRounds } from '../schema/index.js';

export type AnswerResult = 'stored' | 'already-answered' | 'closed';

/**
 * Stores one answer: "this person took part" and "this was said" in ONE statement, so one
 * transaction (both or neither), in one round trip. The round must still be open at `now`;
 * its row is key-share locked, so a close or a reminder run (which lock it for update) sees
 * every answer or waits for it. A second answer by the same person conflicts on the
 * participation key and stores nothing. The answer row gets no person, no time and a random
 * id; see store/schema/reflection.ts for what this does and does not hide.
 */
export async function storeAnswer(
  db: Database,
  params: {
    roundId: string;
    personId: string;
    now: Date;
    rating: number | null;
    text: string | null;
  },
): Promise<AnswerResult> {
  const now = sql`${params.now.toISOString()}::timestamptz`;
  const [row] = await selectRows<{ open: number; took_part: number }>(
    db,
    sql`with round as (
          select id, unit_id, principle from reflection_rounds
          where id = ${params.roundId}::uuid and closed_at is null
            and opens_at <= ${now} and closes_at > ${now}
          for key share
        ),
        took_part as (
          insert into reflection_participation (round_id, person_id)
          select id, ${params.personId}::uuid from round
          on conflict do nothing
          returning round_id
        ),
        answer as (
          insert into reflection_answers (round_id, unit_id, principle, rating, text)
          select round.id, round.unit_id, round.principle, ${params.rating}::smallint, ${params.text}::text
          from round join took_part on took_part.round_id = round.id
          returning 1
        )
        select (select count(*) from round)::int as open,
               (select count(*) from answer)::int as took_part`,
  );
  if (!row || Number(row.open) === 0) return 'closed';
  return Number(row.took_part) === 1 ? 'stored' : 'already-answered';
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
