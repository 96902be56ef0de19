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
 * One unit's closed reflection rounds of one principle in one period, added up over the
 * rounds (cells) that pass the cell rule: at least `minPerCell` answers (and, for the rating
 * sums, at least `minPerCell` ratings). A round below it adds to no figure; it is only
 * counted in `closed`, so the summary can say that something was left out.
 */
export interface ReflectionFigures {
  unitId: string;
  /** Position of the period in the list asked for. */
  period: number;
  principle: ReflectionPrinciple;
  /** Closed rounds of the principle, counted or not. */
  closed: number;
  /** Of those, the rounds with enough answers: the only ones in invited and answered. */
  counted: number;
  invited: number;
  answered: number;
  /** Rounds with enough answers and enough ratings: the only ones in ratings and ratingSum. */
  rated: number;
  ratings: number;
  ratingSum: number;
  /** Round dates of the first and last counted round, or null. */
  firstDate: string | null;
  lastDate: string | null;
}

/** Rounds of a unit in a period that are still open: counted once they close. */
export interface OpenRounds {
  unitId: string;
  period: number;
  open: number;
}

/** One grouped row as a JSON array, in the order of the select list below. */
type Packed = [
  unitId: string,
  idx: number,
  principle: ReflectionPrinciple,
  closed: number,
  counted: number,
  invited: number,
  answered: number,
  rated: number,
  ratings: number,
  ratingSum: number,
  firstDate: string | null,
  lastDate: string | null,
];
type PackedOpen = [unitId: string, idx: number, open: number];

interface Params {
  units: readonly SubtreeUnit[];
  windows: readonly SummaryWindow[];
  /** The cell rule (dialogues/privacy/disclosure.ts): answers and ratings a round needs. */
  minPerCell: number;
}

/**
 * Reflection figures of every unit in the subtree, per period and principle, in one statement.
 * Rounds belong to a period by the local date they opened, whole: a period is the closed
 * rounds that lie in it. Open rounds count nowhere (their figures would change with each
 * answer); they are only counted as open. Answers are only counted (count, sum of ratings),
 * never read one by one, and a closed round's answers only once: the statement keeps what it
 * counted in summary_round_totals (a closed round's answers cannot change), so later
 * summaries read one row per round instead of every answer.
 */
export async function reflectionFiguresOfSubtree(
  db: Database,
  params: Params,
): Promise<{ figures: ReflectionFigures[]; open: OpenRounds[] }> {
  const [row] = await summaryRows<{ rows: Packed[] | string; open: PackedOpen[] | string }>(
    db,
    reflectionFiguresSql(params),
  );
  const figures = unpack(row?.rows).map((r) => ({
    unitId: r[0],
    period: r[1],
    principle: r[2],
    closed: r[3],
    counted: r[4],
    invited: r[5],
    answered: r[6],
    rated: r[7],
    ratings: r[8],
    ratingSum: r[9],
    firstDate: r[10],
    lastDate: r[11],
  }));
  const open = unpack(row?.open).map((r) => ({ unitId: r[0], period: r[1], open: r[2] }));
  return { figures, open };
}

/** The statement itself, for the bench to explain. */
export function reflectionFiguresSql(params: Params): SQL {
  const min = sql`${params.minPerCell}::int`;
  return sql`with ${treeTable(params.units)}, ${periodsTable(params.windows)},
        pairs as materialized (
          -- Each unit in each period, with how many rounds it had (open ones included).
          select tree.id as unit_id, p.idx, p.from_date, p.to_date,
                 (select count(*) from reflection_rounds r where r.unit_id = tree.id
                    and r.round_date between p.from_date and p.to_date) as rounds
          from tree cross join p
        ),
        stored as materialized (
          -- What is kept for them: one range of the covering index per unit and period (the
          -- offset is a fence that keeps it so).
          select pairs.unit_id, pairs.idx, t.round_date, t.principle, t.invited, t.answers,
                 t.ratings, t.rating_sum
          from pairs
          cross join lateral (
            select t.round_date, t.principle, t.invited, t.answered as answers, t.ratings,
                   t.rating_sum
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
          -- Only where some closed round is not kept yet (closed since): count its answers.
          select pairs.unit_id, pairs.idx, r.id as round_id, r.round_date, r.principle,
                 r.invited_count as invited, x.answers, x.ratings, x.rating_sum
          from short pairs
          cross join lateral (
            select r.* from reflection_rounds r
            where r.unit_id = pairs.unit_id and r.round_date between pairs.from_date and pairs.to_date
              and r.closed_at is not null and r.invited_count is not null
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
                 invited, answers, ratings, rating_sum
          from live
          on conflict (round_id) do nothing
        ),
        cells as (
          -- One row per closed round: the smallest cell, unit × round.
          select unit_id, idx, round_date, principle, invited, answers, ratings, rating_sum
          from stored
          union all
          select unit_id, idx, round_date, principle, invited, answers, ratings, rating_sum
          from live
        ),
        closed_per_pair as (select unit_id, idx, count(*) as n from cells group by unit_id, idx)
        -- Thousands of groups for a large subtree: one JSON value parses far faster than
        -- as many rows.
        select
          (select coalesce(json_agg(json_build_array(unit_id, idx, principle, closed, counted,
                    invited, answered, rated, ratings, rating_sum, first_date, last_date)), '[]')
           from (
             select unit_id, idx, principle,
                    count(*) as closed,
                    count(*) filter (where answers >= ${min}) as counted,
                    coalesce(sum(invited) filter (where answers >= ${min}), 0) as invited,
                    coalesce(sum(answers) filter (where answers >= ${min}), 0) as answered,
                    count(*) filter (where answers >= ${min} and ratings >= ${min}) as rated,
                    coalesce(sum(ratings) filter (where answers >= ${min} and ratings >= ${min}), 0)
                      as ratings,
                    coalesce(sum(rating_sum) filter (where answers >= ${min} and ratings >= ${min}), 0)
                      as rating_sum,
                    min(round_date) filter (where answers >= ${min}) as first_date,
                    max(round_date) filter (where answers >= ${min}) as last_date
             from cells
             group by unit_id, idx, principle
           ) g) as rows,
          (select coalesce(json_agg(json_build_array(pairs.unit_id, pairs.idx,
                    pairs.rounds - coalesce(c.n, 0))), '[]')
           from pairs left join closed_per_pair c using (unit_id, idx)
           where pairs.rounds > coalesce(c.n, 0)) as open`;
}
