import { createHash } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { handledDeliveries } from '../schema/index.js';

/**
 * Real delivery ids are short (Slack `Ev0123ABCD`, a Teams activity id); anything longer is
 * kept as its hash, so a huge id can neither overflow the key's index nor fill a log line.
 */
export const DELIVERY_KEY_MAX = 200;

/** The key as stored: itself when short, else `sha256:<hex>` of it. */
export function deliveryKey(key: string): string {
  return key.length <= DELIVERY_KEY_MAX ? key : hiddenDeliveryKey(key);
}

/**
 * A key that names a person's conversation (a Teams activity's), kept only as its hash: the
 * claim is found again by the same key, and the row no longer says whose request it was.
 */
export const hiddenDeliveryKey = (key: string): string =>
  `sha256:${createHash('sha256').update(key).digest('hex')}`;

/**
 * Claims an inbound delivery by its key (a Slack event id, a Teams activity id, a submitted
 * view). True the first time; false for a retry of something already handled, which must
 * change nothing.
 */
export async function claimDelivery(db: Database, params: { key: string }): Promise<boolean> {
  const inserted = await db
    .insert(handledDeliveries)
    // The day is enough to forget it after two; a finer time would say when someone acted.
    .values({ key: deliveryKey(params.key), handledAt: sql`date_trunc('day', now())` })
    .onConflictDoNothing()
    .returning({ key: handledDeliveries.key });
  return inserted.length === 1;
}

/** Gives a claim back, in the same transaction, when what it claimed changed nothing. */
export async function releaseDelivery(db: Database, params: { key: string }): Promise<void> {
  await db.delete(handledDeliveries).where(eq(handledDeliveries.key, deliveryKey(params.key)));
}

/** Forgets deliveries handled before `before`: no platform retries them any more. */
export async function purgeHandledDeliveries(
  db: Database,
  params: { before: Date },
): Promise<number> {
  const deleted = await db
    .delete(handledDeliveries)
    .where(lt(handledDeliveries.handledAt, params.before))
    .returning({ key: handledDeliveries.key });
  return deleted.length;
}
