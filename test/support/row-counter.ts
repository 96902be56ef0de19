import { sql } from 'drizzle-orm';
import type { Database } from '../../store/database.js';

/**
 * Counts every row of every table of the app's schema in one statement: before and after a
 * request that was refused, the two must be equal ("a refused request writes nothing").
 */
export async function rowCounter(db: Database): Promise<() => Promise<number>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  ).map((row) => row.name);
  const sum = tables.map((name) => `(select count(*) from "${name}")`).join(' + ');
  const query = sql.raw(`select (${sum})::int as total`);
  return async () => Number(rowsOf<{ total: number }>(await db.execute(query))[0]?.total);
}

/** postgres.js answers with the rows, PGlite with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
