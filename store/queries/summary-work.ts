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

/**
 * A count of one unit in one period, named by `key`:
 * `dialogues.swot|risk`, `risks.total`, `risks.level.<level>`, `risks.process.<process>`,
 * `risks.cell.<probability>.<consequence>`, `escalations.out|in`,
 * `escalations.fate.waiting|in-progress|handled|further`, `self-checks.done|found|missed`.
 */
export interface WorkCount {
  unitId: string;
  period: number;
  key: string;
  n: number;
}

type Row = { unit_id: string; idx: number; key: string; n: number };

/**
 * The records of a subtree's work per unit and period, in one statement: dialogues held (a
 * dialogue is held when it reached `closed`, and counts in the period it closed: one started
 * and left unfinished was never held), the risks of the risk dialogues held (by level with
 * each dialogue's own level table, by process, per matrix cell), escalations sent up from
 * those dialogues and what became of them, escalations received, and self-checks due in the
 * period. A risk escalated through several levels is one risk: it counts only at the last
 * unit that closed a decision on it, not again at each unit it passed through.
 */
export async function workCountsOfSubtree(
  db: Database,
  params: { units: readonly SubtreeUnit[]; windows: readonly SummaryWindow[] },
): Promise<WorkCount[]> {
  const rows = await summaryRows<Row>(
    db,
    sql`with ${treeTable(params.units)}, ${periodsTable(params.windows)},
        held as (
          select d.id, d.unit_id, d.kind, p.idx
          from tree
          join dialogues d on d.unit_id = tree.id
          join p on d.closed_at >= p.from_ts and d.closed_at < p.to_ts
          where d.phase = 'closed'
        ),
        assessed as (
          select r.unit_id, held.idx, r.process, r.probability, r.consequence,
                 case when r.probability is null or r.consequence is null then null
                      when r.probability * r.consequence <= (rd.levels->>0)::int then 'low'
                      when r.probability * r.consequence <= (rd.levels->>1)::int then 'medium'
                      when r.probability * r.consequence <= (rd.levels->>2)::int then 'high'
                      else 'very-high' end as level
          from held
          join risks r on r.dialogue_id = held.id
          join risk_dialogues rd on rd.dialogue_id = held.id
          where held.kind = 'risk'
            and not exists (
              select 1 from risks up where up.escalated_from_id = r.id and up.status = 'closed'
            )
        ),
        sent as (
          select r.unit_id, held.idx,
                 case when up.id is null or up.status = 'pending' then 'waiting'
                      when up.status = 'open' then 'in-progress'
                      when up.handling = 'escalate' then 'further'
                      else 'handled' end as fate
          from held
          join risks r on r.dialogue_id = held.id
          left join risks up on up.escalated_from_id = r.id
          where held.kind = 'risk' and r.handling = 'escalate' and r.status = 'closed'
        ),
        checks as (
          select s.unit_id, p.idx, o.outcome, o.occurs_on < p.as_of_date as passed
          from tree
          join self_checks s on s.unit_id = tree.id
          join self_check_occurrences o on o.self_check_id = s.id
          join p on o.occurs_on between p.from_date and p.to_date
        )
        select unit_id, idx, 'dialogues.' || kind as key, count(*)::int as n
          from held group by 1, 2, 3
        union all
        select unit_id, idx, 'risks.total', count(*)::int from assessed group by 1, 2
        union all
        select unit_id, idx, 'risks.level.' || level, count(*)::int
          from assessed where level is not null group by 1, 2, 3
        union all
        select unit_id, idx, 'risks.process.' || process, count(*)::int
          from assessed where process is not null group by 1, 2, 3
        union all
        select unit_id, idx, 'risks.cell.' || probability || '.' || consequence, count(*)::int
          from assessed where level is not null group by 1, 2, 3
        union all
        select unit_id, idx, 'escalations.out', count(*)::int from sent group by 1, 2
        union all
        select unit_id, idx, 'escalations.fate.' || fate, count(*)::int from sent group by 1, 2, 3
        union all
        select r.unit_id, p.idx, 'escalations.in', count(*)::int
          from tree
          join risks r on r.unit_id = tree.id and r.source_kind = 'escalation'
          join p on r.created_at >= p.from_ts and r.created_at < p.to_ts
          group by 1, 2
        union all
        select unit_id, idx, 'self-checks.done', count(*)::int
          from checks where outcome in ('ok', 'found') group by 1, 2
        union all
        select unit_id, idx, 'self-checks.found', count(*)::int
          from checks where outcome = 'found' group by 1, 2
        union all
        select unit_id, idx, 'self-checks.missed', count(*)::int
          from checks where outcome = 'not-done' or (outcome is null and passed) group by 1, 2`,
  );
  return rows.map((r) => ({ unitId: r.unit_id, period: count(r.idx), key: r.key, n: count(r.n) }));
}
