import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';

/**
 * Holds the board of one dialogue until the transaction ends: every transaction that changes a
 * dialogue and shows its board takes it first, so boards are computed one after the other and
 * each one's update version (taken later in the same transaction) is higher than that of every
 * board it did not see. Without it two clicks at once could each show a board without the
 * other's change, and the later version would win with the other's change missing.
 */
export async function lockBoard(db: Database, params: { dialogueId: string }): Promise<void> {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`board:${params.dialogueId}`}, 0))`,
  );
}
