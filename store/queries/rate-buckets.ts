import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { selectRows } from '../raw-rows.js';

export interface BucketRate {
  /** Sends per second, shared by every instance. */
  perSecond: number;
  /** Sends allowed at once after a quiet spell, on top of the rate. */
  burst: number;
}

/**
 * A bucket update need not wait for its commit to reach the disk: budgets are reserved many
 * times a second, and a database crash that loses the last milliseconds of a schedule costs
 * nothing (slots are handed out again; a lost pause is met by the next 429). `set_config(…,
 * true)` lasts to the end of the statement's own transaction, so one round trip does it.
 */
const withoutWaitingForDisk = sql`with local_commit as (select set_config('synchronous_commit', 'off', true))`;

const seconds = (value: number) => sql`(${value}::float8 * interval '1 second')`;

/**
 * Reserves `count` consecutive send slots of a shared budget, in one atomic statement: slot i
 * may be used `startsInMs + i * 1000 / perSecond` after `atMs` (the statement's time on the
 * database's clock, epoch milliseconds). Slots are handed out back to back
 * across all instances, never earlier than `burst` slots before now (the burst after a quiet
 * spell) and never inside a pause. The time is the database's (statement_timestamp()), so
 * instances with skewed clocks still share one schedule. This is the generic cell rate
 * algorithm: a bucket is one timestamp, and a reservation never has to be retried.
 */
export async function reserveSlots(
  db: Database,
  params: { key: string; count: number } & BucketRate,
): Promise<{ startsInMs: number; atMs: number }> {
  const span = seconds(params.count / params.perSecond);
  const burstSpan = seconds(params.burst / params.perSecond);
  const [row] = await selectRows<{ starts_in_ms: number | string; at_ms: number | string }>(
    db,
    sql`${withoutWaitingForDisk}
      insert into rate_buckets as b (key, next_free_at)
      select ${params.key}, statement_timestamp() + ${span} from local_commit
      on conflict (key) do update set next_free_at = greatest(
        b.next_free_at,
        statement_timestamp() - ${burstSpan},
        coalesce(b.paused_until, '-infinity')) + ${span}
      returning (extract(epoch from b.next_free_at - ${span} - statement_timestamp()) * 1000)::float8
          as starts_in_ms,
        (extract(epoch from statement_timestamp()) * 1000)::float8 as at_ms`,
  );
  return { startsInMs: Math.max(0, Number(row!.starts_in_ms)), atMs: Number(row!.at_ms) };
}

/**
 * Pauses a budget for every instance (a 429's Retry-After): no slot starts before the pause
 * ends. A longer pause already in force stays.
 */
export async function pauseBucket(
  db: Database,
  params: { key: string; milliseconds: number },
): Promise<void> {
  const until = sql`statement_timestamp() + ${params.milliseconds}::float8 * interval '1 millisecond'`;
  await db.execute(sql`${withoutWaitingForDisk}
    insert into rate_buckets as b (key, next_free_at, paused_until)
    select ${params.key}, ${until}, ${until} from local_commit
    on conflict (key) do update set
      paused_until = greatest(coalesce(b.paused_until, '-infinity'), ${until})`);
}

/** How long until the budget's pause ends (0 when it is not paused). */
export async function pauseLeftMs(db: Database, params: { key: string }): Promise<number> {
  const [row] = await selectRows<{ left_ms: number | string | null }>(
    db,
    sql`select (extract(epoch from paused_until - statement_timestamp()) * 1000)::float8 as left_ms
        from rate_buckets where key = ${params.key}`,
  );
  return Math.max(0, Number(row?.left_ms ?? 0));
}
