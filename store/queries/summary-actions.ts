import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import {
  count,
  periodsTable,
  type SubtreeUnit,
  type SummaryWindow,
  summaryRows,
  treeTable,
} from './summary-sql.js';

/** One unit's actions in one period. */
export interface ActionFigures {
  unitId: string;
  period: number;
  /** Decided within the period. */
  opened: number;
  /** Marked done within the period. */
  done: number;
  /** Not done at the period's end (or now, while it runs) with the due date passed. */
  overdue: number;
  /** Of those done within the period, the answer to "did it have the intended effect?". */
  yes: number;
  partly: number;
  no: number;
  /** Different owners behind those answers: the people the effect figures come from. */
  answeredBy: number;
}

type Row = {
  unit_id: string;
  idx: number;
  opened: number;
  done: number;
  overdue: number;
  yes: number;
  partly: number;
  no: number;
  answered_by: number;
};

/**
 * Action figures of every unit in the subtree per period, in one statement (the same
 * definitions as summarizeActions in action-summary.ts, grouped by unit, with "overdue" at the
 * period's end or now). Dropped actions are neither done nor overdue.
 */
export async function actionFiguresOfSubtree(
  db: Database,
  params: { units: readonly SubtreeUnit[]; windows: readonly SummaryWindow[] },
): Promise<ActionFigures[]> {
  // Per unit and period, each figure reads its own range of an index (migration
  // 0018_summary_indexes): comparing every action with every period cost far more.
  // `offset 0` keeps each subquery a separate index scan per unit and period.
  const rows = await summaryRows<Row>(
    db,
    sql`with ${treeTable(params.units)}, ${periodsTable(params.windows)},
        pairs as materialized (select tree.id as unit_id, p.* from tree cross join p),
        done as materialized (
          select pairs.unit_id, pairs.idx, a.owner_id, a.effect
          from pairs cross join lateral (
            select a.owner_id, a.effect from actions a
            where a.unit_id = pairs.unit_id and a.status = 'done'
              and a.done_at >= pairs.from_ts and a.done_at < pairs.to_ts
            offset 0
          ) a
        )
        select pairs.unit_id, pairs.idx,
          (select count(*) from actions a where a.unit_id = pairs.unit_id
             and a.created_at >= pairs.from_ts and a.created_at < pairs.to_ts)::int as opened,
          coalesce(d.done, 0) as done,
          ((select count(*) from actions a where a.unit_id = pairs.unit_id and a.status = 'open'
              and a.due_date < pairs.as_of_date and a.created_at < pairs.as_of_ts)
           + (select count(*) from actions a where a.unit_id = pairs.unit_id and a.status = 'done'
              and a.done_at >= pairs.as_of_ts and a.due_date < pairs.as_of_date
              and a.created_at < pairs.as_of_ts))::int as overdue,
          coalesce(d.yes, 0) as yes, coalesce(d.partly, 0) as partly, coalesce(d.no, 0) as no,
          coalesce(d.answered_by, 0) as answered_by
        from pairs
        left join (
          select unit_id, idx, count(*)::int as done,
                 count(*) filter (where effect = 'yes')::int as yes,
                 count(*) filter (where effect = 'partly')::int as partly,
                 count(*) filter (where effect = 'no')::int as no,
                 count(distinct owner_id) filter (where effect is not null)::int as answered_by
          from done group by unit_id, idx
        ) d using (unit_id, idx)`,
  );
  return rows.map((r) => ({
    unitId: r.unit_id,
    period: count(r.idx),
    opened: count(r.opened),
    done: count(r.done),
    overdue: count(r.overdue),
    yes: count(r.yes),
    partly: count(r.partly),
    no: count(r.no),
    answeredBy: count(r.answered_by),
  }));
}
