import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { selectRows } from './raw-rows.js';

const journalFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'migrations',
  'meta',
  '_journal.json',
);

let journal: number[] | null = null;

/** The committed migrations' timestamps, which drizzle records as each one's `created_at`. */
function committed(): number[] {
  journal ??= (
    JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { when: number }[] }
  ).entries.map((entry) => entry.when);
  return journal;
}

/**
 * How many committed migrations the database has not applied, judged as drizzle's migrator
 * judges it: by the newest one applied. A database migrated by a newer version counts as 0.
 */
export async function pendingMigrations(db: Database): Promise<number> {
  const [row] = await selectRows<{ last: string | number | null }>(
    db,
    sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
  );
  const last = Number(row?.last ?? 0);
  return committed().filter((when) => when > last).length;
}
