import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { selectRows } from '../raw-rows.js';

export interface ActionCounts {
  /** Decided within the period. */
  opened: number;
  /** Marked done within the period. */
  done: number;
  /** Open at the end of the period with their due date before it. */
  overdue: number;
  /** Of those done within the period: the latest answer to "had it the intended effect?". */
  effect: { yes: number; partly: number; no: number; unanswered: number };
}

type CountRow = {
  opened: number;
  done: number;
  overdue: number;
  yes: number;
  partly: number;
  no: number;
  unanswered: number;
};

/**
 * Action figures for summaries over a set of units and a period [from, to) of instants, with
 * `lastDay` the period's last local date (what "overdue at the end" is measured against).
 * For the summary feature; nothing here names a person.
 */
export async function summarizeActions(
  db: Database,
  params: { unitIds: readonly string[]; from: Date; to: Date; lastDay: string },
): Promise<ActionCounts> {
  if (params.unitIds.length === 0) {
    return { opened: 0, done: 0, overdue: 0, effect: { yes: 0, partly: 0, no: 0, unanswered: 0 } };
  }
  const ids = sql.join(
    params.unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const from = sql`${params.from.toISOString()}::timestamptz`;
  const to = sql`${params.to.toISOString()}::timestamptz`;
  const doneInPeriod = sql`status = 'done' and done_at >= ${from} and done_at < ${to}`;
  const [row] = await selectRows<CountRow>(
    db,
    sql`select
          count(*) filter (where created_at >= ${from} and created_at < ${to})::int as opened,
          count(*) filter (where ${doneInPeriod})::int as done,
          count(*) filter (where created_at < ${to} and due_date < ${params.lastDay}::date
            and (status = 'open' or (status = 'done' and done_at >= ${to})))::int as overdue,
          count(*) filter (where ${doneInPeriod} and effect = 'yes')::int as yes,
          count(*) filter (where ${doneInPeriod} and effect = 'partly')::int as partly,
          count(*) filter (where ${doneInPeriod} and effect = 'no')::int as no,
          count(*) filter (where ${doneInPeriod} and effect is null)::int as unanswered
        from actions where unit_id in (${ids})`,
  );
  const n = (v: number | undefined) => Number(v ?? 0);
  return {
    opened: n(row?.opened),
    done: n(row?.done),
    overdue: n(row?.overdue),
    effect: {
      yes: n(row?.yes),
      partly: n(row?.partly),
      no: n(row?.no),
      unanswered: n(row?.unanswered),
    },
  };
}
