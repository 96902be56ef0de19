import type { Database } from '../database.js';
import { handledDeliveries } from '../schema/index.js';

/**
 * Claims an inbound delivery by its key (a Slack event id, a Teams activity id). True the
 * first time; false for a retry of something already handled, which must change nothing.
 */
export async function claimDelivery(db: Database, params: { key: string }): Promise<boolean> {
  const inserted = await db
    .insert(handledDeliveries)
    .values({ key: params.key })
    .onConflictDoNothing()
    .returning({ key: handledDeliveries.key });
  return inserted.length === 1;
}
