import type { Database } from '../../store/database.js';
import { purgeTextsBefore } from '../../store/queries/reflection-answers.js';

const DAY_MS = 86_400_000;

/**
 * Retention: the free text of a round is deleted `retentionDays` after the round opened
 * (REFLECTION_TEXT_RETENTION_DAYS, default 365); ratings and counts stay for comparisons
 * over the years. Idempotent, cheap when there is nothing to do (a partial index).
 */
export async function purgeExpiredTexts(
  db: Database,
  options: { now: Date; retentionDays: number },
): Promise<{ purged: number }> {
  const before = new Date(options.now.getTime() - options.retentionDays * DAY_MS);
  return { purged: await purgeTextsBefore(db, { before }) };
}
