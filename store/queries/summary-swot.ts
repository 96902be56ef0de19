import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import type { SwotQuadrant } from '../schema/index.js';
import {
  count,
  periodsTable,
  type SubtreeUnit,
  type SummaryWindow,
  summaryRows,
  treeTable,
} from './summary-sql.js';

export interface TopSwotItem {
  /** The summary row it counts in (the root, or the child of the root above its unit). */
  bucket: string;
  quadrant: SwotQuadrant;
  text: string;
  votes: number;
  /** Rank within its bucket, and within the whole subtree (1 = most votes). */
  rankInBucket: number;
  rankInTree: number;
}

type Row = {
  bucket: string;
  quadrant: SwotQuadrant;
  text: string;
  votes: number;
  rank_in_bucket: number;
  rank_in_tree: number;
};

/**
 * The most voted SWOT items of the dialogues held in the period, per bucket (`perBucket`) and
 * over the subtree (`inTree`). Only dialogues whose voting is over (the totals no longer
 * change, so two moments cannot differ by one ballot) and where at least `minVoters` people
 * voted count: what a smaller group named is not shown outside it. Merged duplicates are left out; ties go
 * by text, so the order is the same on every run.
 */
export async function topSwotItems(
  db: Database,
  params: {
    units: readonly SubtreeUnit[];
    window: SummaryWindow;
    minVoters: number;
    perBucket: number;
    inTree: number;
  },
): Promise<TopSwotItem[]> {
  const rows = await summaryRows<Row>(
    db,
    sql`with ${treeTable(params.units)}, ${periodsTable([params.window])},
        held as (
          select d.id, tree.bucket
          from tree
          join dialogues d on d.unit_id = tree.id and d.kind = 'swot'
            and d.phase in ('decide', 'closed')
          join p on d.created_at >= p.from_ts and d.created_at < p.to_ts
          where (select count(*) from swot_ballots b where b.dialogue_id = d.id and b.used > 0)
                >= ${params.minVoters}
        ),
        voted as (
          select held.bucket, i.quadrant, i.text, sum(v.dots)::int as votes
          from held
          join swot_items i on i.dialogue_id = held.id and i.merged_into_id is null
          join swot_votes v on v.item_id = i.id
          group by held.bucket, i.id, i.quadrant, i.text
          having sum(v.dots) > 0
        ),
        ranked as (
          select *,
                 row_number() over (partition by bucket order by votes desc, text) as rank_in_bucket,
                 row_number() over (order by votes desc, text) as rank_in_tree
          from voted
        )
        select * from ranked
        where rank_in_bucket <= ${params.perBucket} or rank_in_tree <= ${params.inTree}
        order by votes desc, text`,
  );
  return rows.map((r) => ({
    bucket: r.bucket,
    quadrant: r.quadrant,
    text: r.text,
    votes: count(r.votes),
    rankInBucket: count(r.rank_in_bucket),
    rankInTree: count(r.rank_in_tree),
  }));
}
