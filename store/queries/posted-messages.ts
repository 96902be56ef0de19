import { and, eq, like, lt, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { type Platform, postedMessages } from '../schema/index.js';
import { recordPostedPlaces } from './message-updates.js';

export type PostedMessage = typeof postedMessages.$inferSelect;

/**
 * Where a channel's reply was posted under a key (a board, a private card), so later updates
 * reach it; an update that came while the reply was on its way follows it (recordPostedPlaces).
 */
export async function rememberPostedMessage(
  db: Database,
  params: Omit<PostedMessage, 'postedAt' | 'appliedVersion'>,
): Promise<void> {
  await recordPostedPlaces(db, { places: [{ ...params, postedAt: new Date() }] });
}

/** Where the message with this key was posted on one platform (every channel it is in). */
export async function findPostedMessages(
  db: Database,
  params: { key: string; platform: Platform },
): Promise<PostedMessage[]> {
  return db
    .select()
    .from(postedMessages)
    .where(and(eq(postedMessages.key, params.key), eq(postedMessages.platform, params.platform)));
}

/**
 * Every place the message with this key was posted, on any platform, that has not yet shown
 * `version` or a newer one (the places an update row still has to reach).
 */
export async function listPlacesBehind(
  db: Database,
  params: { key: string; version: number },
): Promise<PostedMessage[]> {
  return db
    .select()
    .from(postedMessages)
    .where(
      and(eq(postedMessages.key, params.key), lt(postedMessages.appliedVersion, params.version)),
    );
}

/**
 * Records that a place shows `version`; false when it already showed a newer one (another
 * instance got there first), so nothing goes backwards.
 */
export async function markVersionApplied(
  db: Database,
  params: Omit<PostedMessage, 'postedAt' | 'appliedVersion' | 'messageId'> & { version: number },
): Promise<boolean> {
  const rows = await db
    .update(postedMessages)
    .set({ appliedVersion: sql`greatest(${postedMessages.appliedVersion}, ${params.version})` })
    .where(
      and(
        eq(postedMessages.key, params.key),
        eq(postedMessages.platform, params.platform),
        eq(postedMessages.workspace, params.workspace),
        eq(postedMessages.channelId, params.channelId),
        lt(postedMessages.appliedVersion, params.version),
      ),
    )
    .returning({ key: postedMessages.key });
  return rows.length === 1;
}

/** The keys of posted messages that start with `prefix` (a dialogue's private cards). */
export async function listPostedKeysWithPrefix(
  db: Database,
  params: { prefix: string },
): Promise<string[]> {
  const pattern = `${params.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectDistinct({ key: postedMessages.key })
    .from(postedMessages)
    .where(like(postedMessages.key, pattern));
  return rows.map((r) => r.key);
}
