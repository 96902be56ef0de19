import type { Database } from '../../store/database.js';
import { vacuumTables } from '../../store/queries/reflection-round-forget.js';
import {
  foldAndCloseRound,
  listRoundsDueToClose,
  lockRound,
  TABLES_CLEANED_AT_CLOSE,
} from '../../store/queries/reflection-round-ticks.js';

/**
 * The closing tick: a round past its closing time stops taking answers, and who was asked
 * and who answered become two counts on the round; the per-person rows are deleted, the
 * answers rewritten in random order and the side records naming a person and the round
 * deleted, all in the closing transaction (see store/queries/reflection-round-forget.ts).
 * Then the tables are vacuumed, so the deleted rows are gone from every page, not just hidden.
 * Idempotent: a closed round is skipped.
 */
export async function closeDueRounds(
  db: Database,
  options: { now: Date },
): Promise<{ closed: number }> {
  let closed = 0;
  for (const due of await listRoundsDueToClose(db, options)) {
    const done = await db.transaction(async (tx) => {
      const round = await lockRound(tx, { roundId: due.id });
      if (!round || round.closedAt) return false;
      await foldAndCloseRound(tx, { roundId: round.id, now: options.now });
      return true;
    });
    if (done) closed += 1;
  }
  // Once per run, not per round: hundreds of units close at the same minute.
  if (closed > 0) await vacuumTables(db, TABLES_CLEANED_AT_CLOSE);
  return { closed };
}
