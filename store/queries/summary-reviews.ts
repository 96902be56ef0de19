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
import type { WorkCount } from './summary-work.js';

type Row = { unit_id: string; idx: number; key: string; n: number };

/**
 * Collegial review between units (issue 21) per unit and period, as `WorkCount`s:
 * `reviews.given` by the reviewing unit and `reviews.received` by the sharing unit, for each
 * review that closed in the period with something said in it (feedback or the reviewing
 * manager's comment): like a dialogue, a review is held once it is over, so a past period's
 * figure no longer changes, and one nobody answered was neither given nor received.
 * `reviews.tip-actions`: peers' tips the unit turned into actions, in the period the action
 * was made. Counts of units' work, never of who wrote what.
 */
export async function reviewCountsOfSubtree(
  db: Database,
  params: { units: readonly SubtreeUnit[]; windows: readonly SummaryWindow[] },
): Promise<WorkCount[]> {
  const rows = await summaryRows<Row>(
    db,
    sql`with ${treeTable(params.units)}, ${periodsTable(params.windows)},
        held as (
          select r.sharing_unit_id, r.reviewing_unit_id, p.idx
          from peer_reviews r
          join p on r.closed_at >= p.from_ts and r.closed_at < p.to_ts
          where (r.summary_comment is not null
                 or exists (select 1 from review_feedback f where f.review_id = r.id))
            and (r.sharing_unit_id in (select id from tree)
                 or r.reviewing_unit_id in (select id from tree))
        )
        select reviewing_unit_id as unit_id, idx, 'reviews.given' as key, count(*)::int as n
          from held join tree on tree.id = held.reviewing_unit_id group by 1, 2
        union all
        select sharing_unit_id, idx, 'reviews.received', count(*)::int
          from held join tree on tree.id = held.sharing_unit_id group by 1, 2
        union all
        select a.unit_id, p.idx, 'reviews.tip-actions', count(*)::int
          from tree
          join actions a on a.unit_id = tree.id and a.source_kind = 'review'
          join review_feedback f on f.action_id = a.id
          join p on a.created_at >= p.from_ts and a.created_at < p.to_ts
          group by 1, 2`,
  );
  return rows.map((r) => ({ unitId: r.unit_id, period: count(r.idx), key: r.key, n: count(r.n) }));
}
