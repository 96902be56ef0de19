import type { SQL } from 'drizzle-orm';
import type { Database } from './database.js';

/**
 * Runs a parameterised SQL statement (recursive CTEs and the like that the query builder
 * lacks) and returns its rows, whichever driver is underneath: postgres.js answers with an
 * array, PGlite with `{ rows }`.
 */
export async function selectRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as Row[];
  return (result as { rows: Row[] }).rows;
}
