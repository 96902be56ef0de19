import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { selectRows } from '../raw-rows.js';

/**
 * One period of a summary, as the aggregation queries see it: whole local days `fromDate` to
 * `toDate` (inclusive), the instants they start and end at (`toTs` exclusive), and `asOf`:
 * the end, or now while the period is still running, for "open at the end" figures.
 */
export interface SummaryWindow {
  fromDate: string;
  toDate: string;
  fromTs: Date;
  toTs: Date;
  asOfTs: Date;
  /** The local date at `asOfTs`: due dates before it have passed. */
  asOfDate: string;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * `p(idx, from_date, to_date, from_ts, to_ts, as_of_ts, as_of_date)`: the periods as a table,
 * `idx` their position in the list. Every value is a bound parameter.
 */
export function periodsTable(windows: readonly SummaryWindow[]): SQL {
  const rows = windows.map(
    (w, idx) =>
      sql`(${idx}::int, ${w.fromDate}::date, ${w.toDate}::date, ${ts(w.fromTs)}, ${ts(w.toTs)}, ${ts(w.asOfTs)}, ${w.asOfDate}::date)`,
  );
  return sql`p(idx, from_date, to_date, from_ts, to_ts, as_of_ts, as_of_date) as (values ${sql.join(rows, sql`, `)})`;
}

/** A unit of the summary's subtree and the row it counts in (see `treeTable`). */
export interface SubtreeUnit {
  id: string;
  /** The root itself, or the child of the root the unit lies under. */
  bucket: string;
}

/**
 * `tree(id, bucket)`: the summary's units, passed in (the caller has the subtree already) as
 * two bound parameters. Unnesting a known array lets the planner see how many units there
 * are; a recursive CTE here made it guess hundreds for a single section and scan whole tables.
 */
export function treeTable(units: readonly SubtreeUnit[]): SQL {
  return sql`tree(id, bucket) as (
      select * from unnest(${uuidList(units.map((u) => u.id))}, ${uuidList(units.map((u) => u.bucket))})
    )`;
}

/** A list of ids as one bound text parameter, for `= any(...)` on both drivers. */
export const uuidList = (ids: readonly string[]): SQL =>
  sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

export const count = (value: unknown): number => Number(value ?? 0);

/** A JSON value as the driver gives it: PGlite and postgres.js parse json, a string if not. */
export function unpack<T>(value: T[] | string | null | undefined): T[] {
  if (value == null) return [];
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : value;
}

/**
 * Runs a summary statement with JIT compilation off. Postgres compiles a statement once its
 * estimated cost passes jit_above_cost, and for these short aggregates over index ranges the
 * compiling alone (≈ 35 ms) took longer than the work. `set local` lasts for the transaction.
 */
export async function summaryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return selectRows<Row>(tx, query);
  });
}
