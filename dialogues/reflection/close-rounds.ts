import type { Database } from '../../store/database.js';
import {
  foldAndCloseRound,
  listRoundsDueToClose,
  lockRound,
} from '../../store/queries/reflection-round-ticks.js';

/**
 * The closing tick: a round past its closing time stops taking answers, and who was asked
 * and who answered become two counts on the round; the per-person rows are deleted (see
 * store/schema/reflection.ts for why). Idempotent: a closed round is skipped.
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
  return { closed };
}
