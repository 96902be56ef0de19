import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import type { ReflectionPrinciple } from '../schema/index.js';
import {
  periodsTable,
  type SubtreeUnit,
  type SummaryWindow,
  summaryRows,
  treeTable,
  unpack,
} from './summary-sql.js';

/**
 * One unit's reflection rounds of one principle in one period, added up. The `max…` columns
 * are the most people in any one round: answers cannot be linked across rounds, so that is
 * the most that can be said about how many different people a figure comes from.
 */
export interface ReflectionFigures {
  unitId: string;
  /** Position of the period in the list asked for. */
  period: number;
  principle: ReflectionPrinciple;
  rounds: number;
  invited: number;
  maxInvited: number;
  answered: number;
  maxAnswered: number;
  ratings: number;
  ratingSum: number;
  maxRatings: number;
}

/** One grouped row as a JSON array, in the order of the select list below. */
type Packed = [
  unitId: string,
  idx: number,
  principle: ReflectionPrinciple,
  rounds: number,
  invited: number,
  maxInvited: number,
  answered: number,
  maxAnswered: number,
  ratings: number,
  ratingSum: number,
  maxRatings: number,
];

/**
 * Reflection figures of every unit in the subtree, per period and principle, in one statement.
 * Rounds belong to a period by the local date they opened. Invitations are counted from the
 * folded count once a round has closed (the per-person rows are gone then), live before.
 * Answers are only counted (count, sum of ratings), never read one by one, and a closed
 * round's answers only once: the statement keeps what it counted in summary_round_totals
 * (a closed round's answers cannot change), so later summaries read one row per round
 * instead of every answer. Open rounds are counted live each time.
 */
export async function reflectionFiguresOfSubtree(
  db: Database,
  params: { units: readonly SubtreeUnit[]; windows: readonly SummaryWindow[] },
): Promise<ReflectionFigures[]> {
  const [row] = await summaryRows<{ rows: Packed[] | string }>(db, reflectionFiguresSql(params));
  return unpack(row?.rows).map((r) => ({
    unitId: r[0],
    period: r[1],
    principle: r[2],
    rounds: r[3],
    invited: r[4],
    maxInvited: r[5],
    answered: r[6],
    maxAnswered: r[7],
    ratings: r[8],
    ratingSum: r[9],
    maxRatings: r[10],
  }));
}

/** The statement itself, for the bench to explain. */
export function reflectionFiguresSql(params: {
  units: readonly SubtreeUnit[];
  windows: readonly SummaryWindow[];
}): SQL {
  return sql`with ${treeTable(params.units)}, ${periodsTable(params.windows)},
        pairs as materialized (
          -- Each unit in each period, with how many rounds it had.
          select tree.id as unit_id, p.idx, p.from_date, p.to_date,
                 (select count(*) from reflection_rounds r where r.unit_id = tree.id
                    and r.round_date between p.from_date and p.to_date) as rounds
          from tree cross join p
        ),
        stored as materialized (
          -- What is kept for them: one range of the covering index per unit and period (the
          -- offset is a fence that keeps it so).
          select pairs.unit_id, pairs.idx, t.principle, t.invited, t.answers, t.ratings,
                 t.rating_sum
          from pairs
          cross join lateral (
            select t.principle, t.invited, t.answered as answers, t.ratings, t.rating_sum
            from summary_round_totals t
            where t.unit_id = pairs.unit_id and t.round_date between pairs.from_date and pairs.to_date
            offset 0
          ) t
        ),
        short as (
          select pairs.* from pairs
          left join (select unit_id, idx, count(*) as n from stored group by unit_id, idx) s
            using (unit_id, idx)
          where pairs.rounds > coalesce(s.n, 0)
        ),
        live as materialized (
          -- Only where some round is not kept (open, or closed since): count its answers.
          select pairs.unit_id, pairs.idx, r.id as round_id, r.round_date, r.principle,
                 r.closed_at, r.invited_count,
                 coalesce(r.invited_count,
                   (select count(*) from reflection_invitations i where i.round_id = r.id))::int as invited,
                 x.answers, x.ratings, x.rating_sum
          from short pairs
          cross join lateral (
            select r.* from reflection_rounds r
            where r.unit_id = pairs.unit_id and r.round_date between pairs.from_date and pairs.to_date
              and not exists (select 1 from summary_round_totals t where t.round_id = r.id)
            offset 0
          ) r
          cross join lateral (
            select count(*)::int as answers, count(a.rating)::int as ratings,
                   coalesce(sum(a.rating), 0)::int as rating_sum
            from reflection_answers a where a.round_id = r.id
          ) x
        ),
        kept as (
          -- In round id order (distinct on sorts by it): two summaries keeping the same rounds
          -- at once take their locks in the same order, so they cannot deadlock.
          insert into summary_round_totals (round_id, unit_id, round_date, principle,
            invited, answered, ratings, rating_sum)
          select distinct on (round_id) round_id, unit_id, round_date, principle,
                 invited_count, answers, ratings, rating_sum
          from live where closed_at is not null and invited_count is not null
          on conflict (round_id) do nothing
        ),
        counted as (
          select * from stored
          union all
          select unit_id, idx, principle, invited, answers, ratings, rating_sum from live
        )
        -- Thousands of groups for a large subtree: one JSON value parses far faster than
        -- as many rows.
        select coalesce(json_agg(json_build_array(unit_id, idx, principle, rounds, invited,
                 max_invited, answered, max_answered, ratings, rating_sum, max_ratings)),
               '[]') as rows
        from (
          select unit_id, idx, principle,
                 count(*) as rounds,
                 sum(invited) as invited, max(invited) as max_invited,
                 coalesce(sum(answers), 0) as answered, coalesce(max(answers), 0) as max_answered,
                 coalesce(sum(ratings), 0) as ratings, coalesce(sum(rating_sum), 0) as rating_sum,
                 coalesce(max(ratings), 0) as max_ratings
          from counted
          group by unit_id, idx, principle
        ) g`;
}
